"""Days named by the week, the clock and the holiday calendar.

"on Tuesday", "last Friday", "Tuesday night", "10 a.m. Tuesday", "noon",
"the weekend", "every Thursday", "Easter".  Rules of ``time_absolute``'s table:
each takes the match, the reference date, the tense and the day-first hint.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from dateline.resolve import time_calendar as cal
from dateline.resolve.time_reading import Reading, point
from dateline.resolve.time_words import vocabulary


def weekday(m: re.Match[str], ref: date, tense: str, dayfirst: bool) -> Reading | None:
    """A weekday, alone or with last/next/this: the tense picks the week of a bare one."""
    index = vocabulary().weekdays[m[2]]
    word = (m[1] or "").split()[-1] if m[1] else None
    if word in ("previous", "following"):
        return None     # counted from another time, not from publication
    if word in ("last", "past"):
        day = cal.nearest_weekday(ref - timedelta(days=1), index, "past")
    elif word in ("next", "coming"):
        day = cal.nearest_weekday(ref + timedelta(days=1), index, "future")
    elif word == "this" and m[1] == "this":
        day = cal.week_span(ref)[0] + timedelta(days=index)
    else:
        day = cal.nearest_weekday(ref, index, tense)
    return point((day, day), "day")     # "Friday night" is dated by its day


def day_of(word: str | None, ref: date, tense: str) -> date:
    if not word or word in ("today", "tonight"):
        return ref
    if word == "yesterday":
        return ref - timedelta(days=1)
    if word == "tomorrow":
        return ref + timedelta(days=1)
    return cal.nearest_weekday(ref, vocabulary().weekdays[word], tense)


def clock(m: re.Match[str], ref: date, tense: str, dayfirst: bool) -> Reading | None:
    hour, minute = int(m[1]), int(m[2] or 0)
    if not (1 <= hour <= 12 and minute < 60):
        return None
    hour = hour % 12 + (12 if m[3] == "pm" else 0)
    day = day_of(m[4], ref, tense)
    return point((day, day), "day", "TIME", f"{day.isoformat()}T{hour:02d}:{minute:02d}")


def noon(m: re.Match[str], ref: date, tense: str, dayfirst: bool) -> Reading | None:
    day = day_of(m[2], ref, tense)
    clock = "24:00" if m[1] == "midnight" else "12:00"
    return point((day, day), "day", "TIME", f"{day.isoformat()}T{clock}")


def weekend(m: re.Match[str], ref: date, tense: str, dayfirst: bool) -> Reading | None:
    """'the weekend': the one just past in the past tense, the coming one in the future."""
    if ref.weekday() >= 5:
        day = ref
    elif tense == "future":
        day = ref
    else:
        day = ref - timedelta(days=7)
    saturday, sunday = cal.weekend_span(day)
    year, week, _ = saturday.isocalendar()
    return point((saturday, sunday), "day", timex=f"{year:04d}-W{week:02d}-WE")


def daypart_of_day(m: re.Match[str], ref: date, tense: str, dayfirst: bool) -> Reading | None:
    day = day_of(m[2], ref, tense)
    return point((day, day), "day", "TIME", f"{day.isoformat()}T{vocabulary().dayparts[m[1]]}")


def part_of_deictic(m: re.Match[str], ref: date, tense: str, dayfirst: bool) -> Reading | None:
    day = day_of(m[1], ref, tense)
    return point((day, day), "day")


def weekday_set(m: re.Match[str], ref: date, tense: str, dayfirst: bool) -> Reading | None:
    weekday = vocabulary().weekdays[m[1] or m[3]]
    part = m[2] or m[4]
    suffix = f"T{vocabulary().dayparts[part]}" if part else ""
    return Reading(None, None, None, "set", "SET", f"XXXX-WXX-{weekday + 1}{suffix}")


def holiday(m: re.Match[str], ref: date, tense: str, dayfirst: bool) -> Reading | None:
    """A named holiday: in the year given, else the last one ("last", past tense) or the next."""
    day = holiday_day(m[2], m[1], m[3], ref, tense)
    return point((day, day), "day")


def holiday_week(m: re.Match[str], ref: date, tense: str, dayfirst: bool) -> Reading | None:
    """'Easter week': the Monday-Sunday week holding the holiday."""
    return point(cal.week_span(holiday_day(m[1], None, None, ref, tense)), "week")


def holiday_day(name: str, word: str | None, year: str | None, ref: date, tense: str) -> date:
    rule = vocabulary().holidays[name]
    if year:
        return cal.holiday(rule, int(year))
    this_year = cal.holiday(rule, ref.year)
    direction = {"last": "past", "next": "future", "this": "present"}.get(word or "", tense)
    if direction == "past":
        return this_year if this_year <= ref else cal.holiday(rule, ref.year - 1)
    if direction == "future":
        return this_year if this_year >= ref else cal.holiday(rule, ref.year + 1)
    return this_year


def hour_of_daypart(m: re.Match[str], ref: date, tense: str, dayfirst: bool) -> Reading | None:
    """'4 in the morning', '8 in the evening': a clock hour of the reference day."""
    hour = int(m[1])
    if not 1 <= hour <= 12:
        return None
    if m[2] in ("afternoon", "evening") or (m[2] == "night" and hour >= 6):
        hour = hour % 12 + 12
    elif hour == 12:
        hour = 0
    return point((ref, ref), "day", "TIME", f"{ref.isoformat()}T{hour:02d}:00")


def daypart_today(m: re.Match[str], ref: date, tense: str, dayfirst: bool) -> Reading | None:
    """'mid afternoon', 'late evening' said alone: that part of the reference day."""
    return point((ref, ref), "day", "TIME", f"{ref.isoformat()}T{vocabulary().dayparts[m[1]]}")
