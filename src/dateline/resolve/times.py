"""Time expressions: recognition, normalisation and the time of events.

    normalise("in July", date(2015, 10, 12))      -> TimeSpan(2015-07-01, 2015-07-31, ...)
    find_times(annotated)                         -> [TimeMention, ...]
    event_time(annotated, times, sentence, s, e)  -> TimeSpan
    timex(text, ref, tense)                       -> ("DATE", "2015-07")

Intervals are the smallest the words support, resolved against the article's
first publication; an open bound is None.  The pieces live in ``time_*``
modules: vocabulary (``time_words``), calendar arithmetic (``time_calendar``),
calendar names (``time_absolute``), relative times (``time_relative``), the
dispatcher (``time_normalise``), tense (``time_tense``), recognition
(``time_find``) and event time (``time_event``).
"""
from __future__ import annotations

from datetime import date

from dateline.records import TimeSpan
from dateline.resolve.time_event import event_time
from dateline.resolve.time_find import find_times
from dateline.resolve.time_normalise import interpret
from dateline.resolve.time_reading import Reading, duration_value, timex_value

__all__ = ["normalise", "find_times", "event_time", "timex", "interpret", "Reading",
           "timex_value", "duration_value"]


def normalise(text: str, ref: date, tense: str = "past", dayfirst: bool = False,
              anchor: TimeSpan | None = None) -> TimeSpan | None:
    """The interval ``text`` denotes, read against ``ref``; None when it names no interval
    (a bare duration, a set, a vague reference, or words that are not a time, or a count
    that leaves the calendar: "5000 years ago")."""
    reading = interpret(text, ref, tense, dayfirst, anchor)
    if reading is None or (reading.start is None and reading.end is None):
        return None
    return reading.span(text)


def timex(text: str, ref: date, tense: str = "past", dayfirst: bool = False,
          anchor: TimeSpan | None = None) -> tuple[str, str] | None:
    """The TIMEX3 (type, value) of ``text``: ("DATE", "2015-W41"), ("DURATION", "P4Y")..."""
    reading = interpret(text, ref, tense, dayfirst, anchor)
    if reading is None or reading.timex is None:
        return None
    return reading.timex_type, reading.timex
