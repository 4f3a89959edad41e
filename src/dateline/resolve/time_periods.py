"""Reporting periods: quarters, halves and the end of the year.

"the third quarter", "Q2 2013", "this year's first quarter", "the latest
quarter", "the year-ago quarter", "the second half of 2015", "year-end".
Business news counts "the quarter" as the latest one reported: the last
completed quarter, or the current one when the clause looks ahead.  Rules of
``time_absolute``'s table.
"""
from __future__ import annotations

import re
from datetime import date

from dateline.resolve import time_calendar as cal
from dateline.resolve.time_reading import Reading, point
from dateline.resolve.time_words import vocabulary


def _year_of(ref: date, word: str | None, year: str | None) -> int:
    if year:
        return int(year)
    return ref.year + {"last": -1, "next": 1}.get(word or "", 0)


def _current_quarter(day: date) -> int:
    return (day.month - 1) // 3 + 1


def _latest_completed(ref: date) -> tuple[int, int]:
    """(year, quarter) of the last quarter that ended before ``ref``."""
    quarter = _current_quarter(ref) - 1
    return (ref.year, quarter) if quarter else (ref.year - 1, 4)


def quarter(m: re.Match[str], ref: date, tense: str, dayfirst: bool) -> Reading | None:
    """'the third quarter (of 2015 / of last year)': a named quarter of the year meant."""
    index = vocabulary().ordinals[m[1]]
    year = _year_of(ref, m[3], m[2])
    if not m[2] and not m[3] and tense == "past" and index > _current_quarter(ref):
        year -= 1
    return point(cal.quarter_span(year, index), "quarter")


def year_quarter(m: re.Match[str], ref: date, tense: str, dayfirst: bool) -> Reading | None:
    """"this year's third quarter", "the 1988 second quarter"."""
    year = _year_of(ref, m[2], m[1])
    return point(cal.quarter_span(year, vocabulary().ordinals[m[3]]), "quarter")


def latest_quarter(m: re.Match[str], ref: date, tense: str, dayfirst: bool) -> Reading | None:
    """'the quarter', 'the latest quarter': the last completed one; 'the current quarter' or
    a forward-looking clause: the one under way."""
    if m[1] == "current" or (tense == "future" and not m[1]):
        year, index = ref.year, _current_quarter(ref)
    else:
        year, index = _latest_completed(ref)
    return point(cal.quarter_span(year, index), "quarter")


def year_ago_quarter(m: re.Match[str], ref: date, tense: str, dayfirst: bool) -> Reading | None:
    """'the year-ago quarter', 'the year-earlier third quarter': that quarter one year back."""
    year, index = _latest_completed(ref)
    if m[1]:
        index = vocabulary().ordinals[m[1]]
    return point(cal.quarter_span(year - 1, index), "quarter")


def quarter_digit(m: re.Match[str], ref: date, tense: str, dayfirst: bool) -> Reading | None:
    year = int(m[2]) if m[2] else ref.year
    return point(cal.quarter_span(year, int(m[1])), "quarter")


def half(m: re.Match[str], ref: date, tense: str, dayfirst: bool) -> Reading | None:
    index = 1 if m[1] == "first" else 2
    year = _year_of(ref, m[3], m[2])
    return point(cal.half_span(year, index), "half")


def year_end(m: re.Match[str], ref: date, tense: str, dayfirst: bool) -> Reading | None:
    """'year-end', 'the end of the year': the last day of the reference year."""
    day = date(ref.year, 12, 31)
    return point((day, day), "day")
