"""Calendar arithmetic for time expressions: periods as inclusive date intervals.

Every function returns plain ``date`` bounds; the interpretation of words lives
in ``time_normalise``.  Weeks run Monday to Sunday (ISO 8601); seasons are the
meteorological ones of the northern hemisphere (winter = December to February,
dated by the year its December falls in, as TIMEX3 does).
"""
from __future__ import annotations

import calendar
from datetime import date, timedelta

Interval = tuple[date, date]

SEASON_MONTHS: dict[str, tuple[int, int]] = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def month_span(year: int, month: int) -> Interval:
    return date(year, month, 1), month_end(year, month)


def year_span(year: int) -> Interval:
    return date(year, 1, 1), date(year, 12, 31)


def decade_span(first_year: int) -> Interval:
    return date(first_year, 1, 1), date(first_year + 9, 12, 31)


def century_span(first_year: int) -> Interval:
    return date(first_year, 1, 1), date(first_year + 99, 12, 31)


def week_span(day: date) -> Interval:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def weekend_span(day: date) -> Interval:
    """The Saturday-Sunday weekend of the ISO week holding ``day``."""
    monday = day - timedelta(days=day.weekday())
    return monday + timedelta(days=5), monday + timedelta(days=6)


def quarter_span(year: int, quarter: int) -> Interval:
    first = 3 * (quarter - 1) + 1
    return date(year, first, 1), month_end(year, first + 2)


def half_span(year: int, half: int) -> Interval:
    return (date(year, 1, 1), date(year, 6, 30)) if half == 1 else (date(year, 7, 1), date(year, 12, 31))


def season_span(year: int, season: str) -> Interval:
    first, last = SEASON_MONTHS[season]
    if season == "WI":
        return date(year, 12, 1), month_end(year + 1, 2)
    return date(year, first, 1), month_end(year, last)


def season_of(day: date) -> tuple[int, str]:
    """The (year, code) of the season holding ``day``; January and February belong to last winter."""
    for code, (first, last) in SEASON_MONTHS.items():
        if code != "WI" and first <= day.month <= last:
            return day.year, code
    return (day.year if day.month == 12 else day.year - 1), "WI"


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, clamped to the last day of a short month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_years(day: date, years: int) -> date:
    return add_months(day, 12 * years)


def shift(day: date, unit: str, amount: float) -> date:
    """``day`` moved by ``amount`` units (D W M Q Y DE CE; fractions of a unit allowed)."""
    if unit in ("D", "H", "MIN", "S"):
        return day + timedelta(days=round(amount)) if unit == "D" else day
    if unit == "W":
        return day + timedelta(days=round(7 * amount))
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}[unit]
    whole = amount * months
    if whole == int(whole):
        return add_months(day, int(whole))
    return day + timedelta(days=round(whole * 30.44))


def part_of(interval: Interval, part: str) -> Interval:
    """The first, middle or last third of an interval ('early', 'mid', 'late')."""
    start, end = interval
    length = (end - start).days + 1
    if length >= 28 and length <= 31:   # a month: days 1-10, 11-20, 21-end
        if part == "start":
            return start, start.replace(day=10)
        if part == "mid":
            return start.replace(day=11), start.replace(day=20)
        return start.replace(day=21), end
    if length >= 365 and start.month == 1 and end.month == 12 and start.year == end.year:
        if part == "start":
            return start, month_end(start.year, 4)
        if part == "mid":
            return date(start.year, 5, 1), month_end(start.year, 8)
        return date(start.year, 9, 1), end
    if start.month == 1 and start.day == 1 and end.year - start.year == 9 and start.year % 10 == 0:
        years = {"start": (0, 3), "mid": (4, 6)}.get(part, (7, 9))   # a decade: early/mid/late
        return date(start.year + years[0], 1, 1), date(start.year + years[1], 12, 31)
    third = length // 3
    if part == "start":
        return start, start + timedelta(days=third - 1)
    if part == "mid":
        return start + timedelta(days=third), end - timedelta(days=third)
    return end - timedelta(days=third - 1), end


def unit_span(day: date, unit: str) -> Interval:
    """The calendar period of kind ``unit`` that holds ``day``."""
    if unit == "D":
        return day, day
    if unit == "W":
        return week_span(day)
    if unit == "WE":
        return weekend_span(day)
    if unit == "M":
        return month_span(day.year, day.month)
    if unit == "Q":
        return quarter_span(day.year, (day.month - 1) // 3 + 1)
    if unit == "Y":
        return year_span(day.year)
    if unit == "DE":
        return decade_span(day.year - day.year % 10)
    if unit == "CE":
        return century_span(day.year - day.year % 100)
    raise ValueError(f"no calendar period for unit {unit!r}")


TENSE_PENALTY_MONTHS = 9


def nearest_month(ref: date, month: int, tense: str) -> int:
    """The year of the named month: the closest one to ``ref``, counting a month on the side
    the tense points away from as ``TENSE_PENALTY_MONTHS`` further (so a past-tense "in
    November" written in October is next month, but "in August" is last August); the
    current month counts as both past and future."""
    if tense in ("past", "future"):
        best: tuple[int, int] | None = None
        for year in (ref.year - 1, ref.year, ref.year + 1):
            distance = (year - ref.year) * 12 + month - ref.month
            wrong_side = distance > 0 if tense == "past" else distance < 0
            cost = abs(distance) + (TENSE_PENALTY_MONTHS if wrong_side else 0)
            if best is None or cost < best[0]:
                best = (cost, year)
        assert best is not None
        return best[1]
    delta = month - ref.month
    if delta > 6:
        return ref.year - 1
    if delta < -6:
        return ref.year + 1
    return ref.year


def nearest_weekday(ref: date, weekday: int, tense: str) -> date:
    """The named weekday: on or before ``ref`` in the past tense, on or after it in the future,
    the closer one otherwise."""
    back = (ref.weekday() - weekday) % 7
    ahead = (weekday - ref.weekday()) % 7
    if tense == "past":
        return ref - timedelta(days=back)
    if tense == "future":
        return ref + timedelta(days=ahead)
    return ref - timedelta(days=back) if back <= ahead else ref + timedelta(days=ahead)


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return date(year, month, day + 1)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The ``nth`` given weekday of a month (Monday = 0); a negative ``nth`` counts from the end."""
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = month_end(year, month)
    return last - timedelta(days=(last.weekday() - weekday) % 7 + 7 * (-nth - 1))


def holiday(rule: str, year: int) -> date:
    """The day of a holiday rule from time_words.tsv: "MM-DD", "M/weekday/nth" (optionally
    "+N" days after it) or "easter+N"."""
    if rule.startswith("easter"):
        return easter(year) + timedelta(days=int(rule[6:]))
    if "/" in rule:
        rule, _, offset = rule.partition("+")
        month, weekday, nth = (int(part) for part in rule.split("/"))
        return nth_weekday(year, month, weekday, nth) + timedelta(days=int(offset or 0))
    month, day = (int(part) for part in rule.split("-"))
    return date(year, month, day)
