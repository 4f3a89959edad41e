"""Normalise one time expression to a ``Reading`` against a reference date.

The expression is cleaned, its bounding preposition read ("since X" opens the
end, "by X"/"until X" the start), hedges dropped ("about", "nearly"), ranges
split ("from May to July"), and the rest handed to the calendar-name rules
(``time_absolute``) and then to the relative rules (``time_relative``).
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from dateline.records import TimeSpan
from dateline.resolve.time_absolute import read_absolute
from dateline.resolve.time_calendar import nearest_month
from dateline.resolve.time_reading import Reading
from dateline.resolve.time_relative import read_relative
from dateline.resolve.time_words import clean

TENSES = ("past", "present", "future")
OPEN_END = ("since", "from", "starting", "beginning", "as of", "ever since", "starting from")
OPEN_START = ("until", "till", "til", "by", "up to", "up until", "through", "no later than")
BEFORE = ("before", "prior to", "ahead of")
AFTER = ("after", "following")
HEDGES = ("about", "around", "approximately", "roughly", "nearly", "almost", "some", "more than",
          "less than", "over", "at least", "at most", "just", "only", "fully", "barely", "under",
          "no more than", "no less than", "up to", "within", "for", "in", "on", "at", "during",
          "of", "throughout", "sometime", "some time in", "as early as", "as late as", "as long as",
          "another", "an additional", "all", "each of", "so far", "so far this", "the better part of",
          "much of", "most of", "part of", "the rest of", "the remainder of", "in the", "late on",
          "early on", "earlier on", "also", "as recently as")
_RANGE = re.compile(r"(?:between|from) (.+?) (?:and|to|until|till|through) (.+)|(.+?) (?:to|until|till|through) (.+)")


def interpret(text: str, ref: date, tense: str = "past", dayfirst: bool = False,
              anchor: TimeSpan | None = None) -> Reading | None:
    """As ``_interpret``; a count that leaves the calendar ("5000 years ago") means no time."""
    try:
        return _interpret(text, ref, tense, dayfirst, anchor)
    except (ValueError, OverflowError):
        return None


def _interpret(text: str, ref: date, tense: str = "past", dayfirst: bool = False,
               anchor: TimeSpan | None = None) -> Reading | None:
    """The meaning of ``text`` read against ``ref`` (first publication).

    ``tense`` ("past", "present", "future") picks the direction of names without a
    year or week ("in July", "on Tuesday"); ``dayfirst`` reads 12/10/2015 as the 12th
    of October; ``anchor`` is the time that "later", "earlier", "then" count from.
    """
    if tense not in TENSES:
        tense = "present"
    expression = clean(text)
    if text.strip() == "May":      # the capitalised month name alone, not the modal verb
        expression = f"may {nearest_month(ref, 5, tense)}"
    if not expression:
        return None
    bound, expression = _bound(expression)
    reading = _core(expression, ref, tense, dayfirst, anchor)
    if reading is None:
        reading = _range(expression, ref, tense, dayfirst, anchor)
    if reading is None:
        return None
    return _apply_bound(reading, bound)


def _core(expression: str, ref: date, tense: str, dayfirst: bool, anchor: TimeSpan | None) -> Reading | None:
    for candidate in _without_hedges(expression):
        reading = read_absolute(candidate, ref, tense, dayfirst)
        if reading is None:
            reading = read_relative(candidate, ref, tense, anchor)
        if reading is not None:
            return reading
    return None


def _without_hedges(expression: str) -> list[str]:
    """The expression, then the expression with leading hedges and prepositions removed
    one by one ("about two weeks ago" -> "two weeks ago")."""
    candidates = [expression]
    current = expression
    changed = True
    while changed:
        changed = False
        for hedge in sorted(HEDGES, key=len, reverse=True):
            if current.startswith(hedge + " "):
                current = current[len(hedge) + 1:]
                candidates.append(current)
                changed = True
                break
    trailing = re.sub(r" (?:or so|so far|now|ago now|and beyond|or more|or longer|running|straight|"
                      r"in a row|old|before|on)$", "", current)
    if trailing != current:
        candidates.append(trailing)
    return candidates


def _bound(expression: str) -> tuple[str | None, str]:
    for words, kind in ((OPEN_END, "since"), (OPEN_START, "until"), (BEFORE, "before"), (AFTER, "after")):
        for word in sorted(words, key=len, reverse=True):
            if expression.startswith(word + " ") and not _RANGE.fullmatch(expression):
                rest = expression[len(word) + 1:]
                if kind == "since" and rest in ("then", "that time", "the time"):
                    return "since", rest
                return kind, rest
    return None, expression


def _apply_bound(reading: Reading, bound: str | None) -> Reading:
    if bound is None or reading.kind in ("set",):
        return reading
    if bound == "since":
        return replace(reading.bounded(keep_start=True, keep_end=False), kind="point"
                       if reading.kind != "vague" else "vague")
    if bound == "until":
        return reading.bounded(keep_start=False, keep_end=True)
    if bound == "before":
        end = reading.start - timedelta(days=1) if reading.start else None
        return replace(reading, start=None, end=end)
    start = reading.end + timedelta(days=1) if reading.end else None
    return replace(reading, start=start, end=None)


def _range(expression: str, ref: date, tense: str, dayfirst: bool, anchor: TimeSpan | None) -> Reading | None:
    match = _RANGE.fullmatch(expression)
    if not match:
        return None
    first_text, last_text = (match[1], match[2]) if match[1] else (match[3], match[4])
    last = _core(last_text, ref, tense, dayfirst, anchor)
    if last is None or last.end is None:
        return None
    first = _core(first_text, ref, tense, dayfirst, anchor)
    if first is None and last.start is not None and not first_text.isdigit():
        # "from May to July 2015": the first name borrows the year of the second
        first = _core(f"{first_text} {last.start.year}", ref, tense, dayfirst, anchor)
    if first is None and first_text.isdigit() and last.start is not None:
        # "from 12 to 14 October": the first number borrows the month of the second
        try:
            day = last.start.replace(day=int(first_text))
        except ValueError:
            return None
        first = Reading(day, day, "day", "point", "DATE", day.isoformat())
    if first is None or first.start is None or first.start > last.end:
        return None
    return replace(first, end=last.end, kind="point")
