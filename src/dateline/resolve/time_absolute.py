"""Calendar-named times: dates, months, years, decades, seasons, quarters, weekdays, clock times.

Each rule reads a cleaned expression (see ``time_words.clean``) and returns a
``Reading`` or None.  Names without a year take the year that the tense points
to: the last July in a past-tense sentence, the next one in a future-tense one.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable
from datetime import date

from dateline.resolve import time_calendar as cal
from dateline.resolve import time_days as days
from dateline.resolve import time_periods as periods
from dateline.resolve.time_reading import Reading, point
from dateline.resolve.time_words import vocabulary

Rule = Callable[[re.Match[str], date, str, bool], Reading | None]

TENSE_PENALTY_DAYS = 240
PART = r"(?:(?:the )?(?:beginning|start|middle|end) of (?:the )?|early |mid |late |the early |the late |the mid )"


@functools.cache
def _patterns() -> tuple[tuple[re.Pattern[str], Rule], ...]:
    v = vocabulary()
    month, weekday = v.alternation("months"), v.alternation("weekdays")
    season, daypart = v.alternation("seasons"), v.alternation("dayparts")
    holiday = v.alternation("holidays")
    ordinal = v.alternation("ordinals")
    year = r"(\d{4})"
    table: list[tuple[str, Rule]] = [
        (r"(\d{4})-(\d{1,2})-(\d{1,2})(?:t\d.*)?", _iso_day),
        (r"(\d{4})-(\d{2})", _iso_month),
        (r"(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})", _numeric_day),
        (rf"(?:(?:{weekday}) )?(?:the )?(\d{{1,2}}) (?:of )?({month})(?: {year})?", _day_month),
        (rf"(?:(?:{weekday}) )?(?:the )?({month}) (\d{{1,2}})(?: {year})?", _month_day),
        (rf"(?:last|this past) ({month}) (\d{{1,2}})", _last_month_day),
        (rf"(?:the )?week of (.+)", _week_of),
        (rf"(?:(last|next|this) )?({holiday})(?: (?:of )?{year})?", days.holiday),
        (rf"(?:the )?({holiday}) week", days.holiday_week),
        (rf"(\d{{1,2}})(?: o'clock)? in the (morning|afternoon|evening|night)", days.hour_of_daypart),
        (rf"(?:the )?(?:early |late |mid )({daypart})", days.daypart_today),
        (rf"({month}) (\d{{1,2}}) ?- ?(\d{{1,2}})(?: {year})?", _month_day_range),
        (rf"({PART})?({month})(?: (?:of )?{year})?", _month),
        (rf"(last|next|this|past|coming|previous|this past|this coming) ({month})", _month_relative),
        (rf"({PART})?({month}) (?:of )?(this|last|next) year", _month_of_year),
        (rf"({PART})?(?:the )?(\d{{1,2}}) century", _century),
        (rf"({PART})?(?:the )?(?:year |fiscal |calendar |fiscal year )?{year}", _year),
        (r"(\d{4}) ?- ?(\d{4}|\d{2})", _year_range),
        (rf"({PART})?(?:the )?(?:(\d{{3}})0s|'(\d)0s|(\d)0s)", _decade),
        (rf"({PART})?(?:the )?({season})(?: (?:of )?{year})?", _season),
        (rf"(last|next|this|past|coming|this past|this coming) ({season})", _season_relative),
        (rf"({PART})?(?:the )?({season}) (?:of )?(this|last|next) year", _season_of_year),
        (rf"(?:the )?weekend", days.weekend),
        (rf"(?:the )?({ordinal}) quarter(?: (?:of )?(?:{year}|(this|last|next) year))?", periods.quarter),
        (rf"(?:the )?(?:{year}|(this|last|next) year) ({ordinal}) quarter", periods.year_quarter),
        (r"(?:the )?(?:(latest|current|most recent|recent|past|last|previous|just ended|just completed) )?quarter",
         periods.latest_quarter),
        (rf"(?:the )?(?:comparable |same )?(?:year ago|year earlier|previous year)(?: ({ordinal}))? (?:quarter|period)"
         rf"|(?:the )?(?:same |comparable )?(?:quarter|period) (?:a year (?:ago|earlier)|last year)",
         periods.year_ago_quarter),
        (rf"q([1-4])(?: {year})?", periods.quarter_digit),
        (rf"(?:the )?(first|second|last|latter) half(?: of (?:{year}|(this|last|next) year|the year))?",
         periods.half),
        (r"(?:the )?(?:year end|end of the year)", periods.year_end),
        (rf"(?:(last|next|this|past|coming|the previous|the following|this coming|this past|early|late|"
         rf"earlier|later|mid) )?({weekday})(?: ({daypart}))?", days.weekday),
        (rf"(?:early |late |mid |earlier |later )?({daypart}) (?:on )?({weekday}|today|yesterday|tomorrow)",
         days.daypart_of_day),
        (rf"(?:early|late|earlier|later|mid) (today|yesterday|tomorrow)", days.part_of_deictic),
        (rf"(?:every|each) ({weekday})(?: ({daypart}))?|({weekday})s(?: ({daypart})s?)?", days.weekday_set),
        (rf"(?:every|each) ({month})", _month_set),
        (rf"(?:(?:{weekday}) )?({month}) (\d{{1,2}}) ({daypart})", _month_day_part),
        (rf"(?:at )?(\d{{1,2}})(?::(\d{{2}}))? ?([ap]m)(?: (?:[a-z][sd]t|gmt|utc))?"
         rf"(?: (?:on )?({weekday}|today|yesterday|tomorrow|tonight))?",
         days.clock),
        (rf"(noon|midday|midnight)(?: (?:on )?({weekday}|today|yesterday|tomorrow))?", days.noon),
    ]
    return tuple((re.compile(pattern), rule) for pattern, rule in table)


def read_absolute(expression: str, ref: date, tense: str, dayfirst: bool) -> Reading | None:
    for pattern, rule in _patterns():
        match = pattern.fullmatch(expression)
        if match:
            try:
                reading = rule(match, ref, tense, dayfirst)
            except ValueError:      # impossible calendar date such as 31 February
                reading = None
            if reading is not None:
                return reading
    return None


def _part(words: str | None) -> str | None:
    if not words:
        return None
    for word in words.split():
        if word in vocabulary().parts:
            return vocabulary().parts[word]
    return None


def _with_part(interval: tuple[date, date], words: str | None) -> tuple[date, date]:
    part = _part(words)
    return cal.part_of(interval, part) if part else interval


def _day(year: int, month: int, day: int) -> Reading:
    return point((date(year, month, day),) * 2, "day")


def _iso_day(m: re.Match[str], ref: date, tense: str, dayfirst: bool) -> Reading | None:
    return _day(int(m[1]), int(m[2]), int(m[3]))


def _iso_month(m: re.Match[str], ref: date, tense: str, dayfirst: bool) -> Reading | None:
    if not 1 <= int(m[2]) <= 12:
        return None
    return point(cal.month_span(int(m[1]), int(m[2])), "month")


def _full_year(digits: str, ref: date) -> int:
    value = int(digits)
    if len(digits) == 4:
        return value
    return 2000 + value if 2000 + value <= ref.year + 1 else 1900 + value


def _numeric_day(m: re.Match[str], ref: date, tense: str, dayfirst: bool) -> Reading | None:
    first, second, year = int(m[1]), int(m[2]), _full_year(m[3], ref)
    if first > 12 or (dayfirst and second <= 12):
        day, month = first, second
    else:
        month, day = first, second
    return _day(year, month, day)


def _year_for_month(month: int, year: str | None, ref: date, tense: str) -> int:
    return int(year) if year else cal.nearest_month(ref, month, tense)


def _year_for_day(month: int, day: int, year: str | None, ref: date, tense: str) -> int:
    """The year of a day named without one: the closest occurrence to ``ref``, with a
    penalty of ``TENSE_PENALTY_DAYS`` for lying on the side the tense points away from
    (news dates cluster within weeks of publication; tense alone misleads on
    reported plans such as "said it will pay on Nov. 22")."""
    if year:
        return int(year)
    best: tuple[int, int] | None = None
    for candidate in (ref.year - 1, ref.year, ref.year + 1):
        try:
            distance = (date(candidate, month, day) - ref).days
        except ValueError:
            continue
        cost = abs(distance)
        if (tense == "past" and distance > 0) or (tense == "future" and distance < 0):
            cost += TENSE_PENALTY_DAYS
        if best is None or cost < best[0]:
            best = (cost, candidate)
    if best is None:
        raise ValueError("no such day")
    return best[1]


def _day_month(m: re.Match[str], ref: date, tense: str, dayfirst: bool) -> Reading | None:
    month = vocabulary().months[m[2]]
    return _day(_year_for_day(month, int(m[1]), m[3], ref, tense), month, int(m[1]))


def _month_day(m: re.Match[str], ref: date, tense: str, dayfirst: bool) -> Reading | None:
    month = vocabulary().months[m[1]]
    if m[1] == "may" and not m[3] and int(m[2]) > 31:
        return None
    return _day(_year_for_day(month, int(m[2]), m[3], ref, tense), month, int(m[2]))


def _month_day_range(m: re.Match[str], ref: date, tense: str, dayfirst: bool) -> Reading | None:
    month = vocabulary().months[m[1]]
    year = _year_for_month(month, m[4], ref, tense)
    first, last = date(year, month, int(m[2])), date(year, month, int(m[3]))
    return point((first, last), "day", timex=first.isoformat()) if first <= last else None


def _month_day_part(m: re.Match[str], ref: date, tense: str, dayfirst: bool) -> Reading | None:
    month = vocabulary().months[m[1]]
    day = date(_year_for_day(month, int(m[2]), None, ref, tense), month, int(m[2]))
    return point((day, day), "day", "TIME", f"{day.isoformat()}T{vocabulary().dayparts[m[3]]}")


def _month(m: re.Match[str], ref: date, tense: str, dayfirst: bool) -> Reading | None:
    month = vocabulary().months[m[2]]
    if m[2] == "may" and not m[1] and not m[3]:
        return None     # the modal verb far more often than the month
    year = _year_for_month(month, m[3], ref, tense)
    return point(_with_part(cal.month_span(year, month), m[1]), "month",
                 timex=f"{year:04d}-{month:02d}")


def _month_relative(m: re.Match[str], ref: date, tense: str, dayfirst: bool) -> Reading | None:
    month = vocabulary().months[m[2]]
    word = m[1].split()[-1]
    if m[1] == "this":
        return point(cal.month_span(ref.year, month), "month")
    direction = {"last": "past", "past": "past", "previous": "past", "next": "future",
                 "coming": "future"}.get(word, "present")
    year = cal.nearest_month(ref, month, direction)
    if direction == "past" and month == ref.month:
        year -= 1
    if direction == "future" and month == ref.month:
        year += 1
    return point(cal.month_span(year, month), "month")


def _year(m: re.Match[str], ref: date, tense: str, dayfirst: bool) -> Reading | None:
    year = int(m[2])
    if not 1000 <= year <= 2199:
        return None
    return point(_with_part(cal.year_span(year), m[1]), "year", timex=f"{year:04d}")


def _year_range(m: re.Match[str], ref: date, tense: str, dayfirst: bool) -> Reading | None:
    first = int(m[1])
    last = int(m[2]) if len(m[2]) == 4 else first - first % 100 + int(m[2])
    if not (1000 <= first < last <= 2199):
        return None
    return Reading(date(first, 1, 1), date(last, 12, 31), "year", "point", "DATE", f"{first:04d}")


def _decade(m: re.Match[str], ref: date, tense: str, dayfirst: bool) -> Reading | None:
    if m[2]:
        first = int(m[2]) * 10
    else:
        digit = int(m[3] or m[4])
        century = 1900 if digit * 10 + 1900 < ref.year - ref.year % 10 else 2000
        first = century + digit * 10
    interval = _with_part(cal.decade_span(first), m[1])
    return point(interval, "decade", timex=f"{first // 10:03d}")


def _season_year(ref: date, code: str, direction: str) -> int:
    """The year of the named season: the current or last one looking back, the current or next
    one looking forward, the one of the current year otherwise."""
    year, current = cal.season_of(ref)
    if code == current:
        return year
    if direction == "present":
        return ref.year - 1 if code == "WI" and ref.month <= 2 else ref.year
    step = -3 if direction == "past" else 3
    day = ref
    for _ in range(4):
        day = cal.add_months(day, step)
        year, found = cal.season_of(day)
        if found == code:
            return year
    return ref.year


def _season(m: re.Match[str], ref: date, tense: str, dayfirst: bool) -> Reading | None:
    code = vocabulary().seasons[m[2]]
    year = int(m[3]) if m[3] else _season_year(ref, code, tense)
    interval = _with_part(cal.season_span(year, code), m[1])
    return point(interval, "season", timex=f"{year:04d}-{code}")


def _season_relative(m: re.Match[str], ref: date, tense: str, dayfirst: bool) -> Reading | None:
    code = vocabulary().seasons[m[2]]
    direction = {"last": "past", "past": "past", "next": "future", "coming": "future"}.get(
        m[1].split()[-1], "present")
    year = _season_year(ref, code, direction)
    if direction != "present" and (year, code) == cal.season_of(ref):
        year += -1 if direction == "past" else 1
    return point(cal.season_span(year, code), "season", timex=f"{year:04d}-{code}")


def _relative_year(ref: date, word: str | None, year: str | None) -> int:
    if year:
        return int(year)
    return ref.year + {"last": -1, "next": 1}.get(word or "", 0)


def _month_of_year(m: re.Match[str], ref: date, tense: str, dayfirst: bool) -> Reading | None:
    month = vocabulary().months[m[2]]
    year = _relative_year(ref, m[3], None)
    return point(_with_part(cal.month_span(year, month), m[1]), "month",
                 timex=f"{year:04d}-{month:02d}")


def _season_of_year(m: re.Match[str], ref: date, tense: str, dayfirst: bool) -> Reading | None:
    code = vocabulary().seasons[m[2]]
    year = _relative_year(ref, m[3], None)
    return point(_with_part(cal.season_span(year, code), m[1]), "season", timex=f"{year:04d}-{code}")


def _century(m: re.Match[str], ref: date, tense: str, dayfirst: bool) -> Reading | None:
    ordinal = int(m[2])
    if not 1 <= ordinal <= 22:
        return None
    first = (ordinal - 1) * 100
    return point(_with_part(cal.century_span(first), m[1]), "century", timex=f"{ordinal - 1:02d}")


def _month_set(m: re.Match[str], ref: date, tense: str, dayfirst: bool) -> Reading | None:
    return Reading(None, None, None, "set", "SET", f"XXXX-{vocabulary().months[m[1]]:02d}")


def _last_month_day(m: re.Match[str], ref: date, tense: str, dayfirst: bool) -> Reading | None:
    month = vocabulary().months[m[1]]
    day = int(m[2])
    year = ref.year if (month, day) < (ref.month, ref.day) else ref.year - 1
    return _day(year, month, day)


def _week_of(m: re.Match[str], ref: date, tense: str, dayfirst: bool) -> Reading | None:
    """'the week of March 6': the Monday-Sunday week holding that day."""
    inner = read_absolute(m[1], ref, tense, dayfirst)
    if inner is None or inner.start is None or inner.granularity != "day":
        return None
    return point(cal.week_span(inner.start), "week")
