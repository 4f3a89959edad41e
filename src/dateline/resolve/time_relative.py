"""Times said relative to the reference date or to another time.

Deictic words ("today", "yesterday", "now"), calendar periods counted from the
reference ("last week", "this year", "earlier this year"), distances
("three days ago", "two days later"), stretches ("the past four years",
"in recent days"), bare durations ("for three days"), sets ("every week") and
vague references ("recently").  ``anchor`` is the time another expression gave
(for "later", "earlier", "the same day"); without it such expressions stay undated.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from dateline.records import TimeSpan
from dateline.resolve import time_calendar as cal
from dateline.resolve.time_reading import GRANULARITY_OF_UNIT, Reading, duration_value, point
from dateline.resolve.time_words import number_value, vocabulary

Rule = Callable[[re.Match[str], date, str, TimeSpan | None], Reading | None]

PRESENT_WORDS = ("now", "currently", "presently", "at present", "right now", "at the moment",
                 "nowadays", "these days", "at this time", "this time", "the present", "current")
PAST_WORDS = ("recently", "lately", "previously", "formerly", "the past", "in the past", "earlier",
              "not long ago", "in recent times", "once", "before")
FUTURE_WORDS = ("soon", "the future", "in the future", "shortly", "eventually", "in due course",
                "later", "the coming days", "in the near future", "the near future")
RECENT_SPAN_DAYS = {"D": 7, "W": 28, "M": 91, "Q": 273, "Y": 1095, "DE": 7305}
ADVERBIAL_SETS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
                  "yearly": "P1Y", "hourly": "PT1H", "quarterly": "P3M", "nightly": "P1D"}


@functools.cache
def _patterns() -> tuple[tuple[re.Pattern[str], Rule], ...]:
    v = vocabulary()
    unit = rf"(?:{v.alternation('units')})"
    units = rf"({unit})s?"
    count = rf"(\d+(?:\.\d+)?|(?:(?:{v.alternation('numbers')}) ?)+|{v.alternation('quantities')})"
    daypart = v.alternation("dayparts")
    table: list[tuple[str, Rule]] = [
        (r"(today|this day|tonight)", _today),
        (rf"(?:earlier |later |early |late |mid )?(today|yesterday|tomorrow|this|last) ?({daypart})?",
         _deictic_day),
        (r"the day (before|after) (yesterday|tomorrow)", _two_days),
        (rf"(this|last|next|past|previous|coming|the previous|the following|the next|the same|"
         rf"that|the past|the last|the coming|the current|current) ({unit})", _calendar_unit),
        (rf"(earlier|later|early|late) (this|last|next|in the) ({unit})", _part_of_unit),
        (r"(?:the )?(?:year ago|year earlier|year before)", _year_ago),
        (rf"(?:the )?(beginning|start|middle|end) of (?:the |this )?({unit})", _edge_of_unit),
        (rf"(?:the )?(past|last|previous|next|coming|following|first|latest|final)"
         rf" {count} (?:more )?{units}(?: of (?:the |this )?(year|\d{{4}}))?", _stretch),
        (rf"(?:the )?(past|last|next|coming|recent|previous) few {units}", _few_stretch),
        (rf"(?:in )?(?:recent|the recent|the last few|the past few|the past several) {units}", _recent),
        (rf"(?:the )?(?:coming|next|past|last|previous|future|following) ({unit})s|({unit})s (?:ago|ahead)|"
         rf"the ({unit})s(?: ahead)?|the (?:early|first) ({unit})s", _vague_units),
        (rf"{count} (?:more )?{units} (ago|earlier|before|later|after|afterwards|from now|hence|"
         rf"or so ago|before that|after that|previously|prior)", _distance),
        (rf"{count} (?:more )?{units}(?: long| old)(?: [a-z]+)*", _long),
        (rf"in {count} (?:more )?{units}(?: time)?", _in_units),
        (rf"(?:a|an|the) ({unit}) (earlier|later|before|after)", _one_distance),
        (rf"(?:the )?(next|following|previous|same) ({unit})", _anchored_unit),
        (rf"(?:the )?{count} (?:more |full |additional )?{units}(?: or so)?", _duration),
        (r"the (?:full |whole |entire |calendar )?year", _the_year),
        (rf"(?:a|an) (?:additional |full |whole |entire )?({unit})", _one_unit),
        (rf"({unit})s", _plural_units),
        (rf"(?:every|each) (other )?(?:{count} )?{units}", _set),
        (rf"(once|twice|\w+ times) (?:a|per|an|every|each) ({unit})", _frequency),
        (r"(daily|weekly|monthly|annually|yearly|hourly|quarterly|nightly)", _adverbial_set),
        (r"(?:earlier |later |early |late )?(then|that time|the time|that day|the same day|that same day|"
         r"that week|that month|that year|the same time|the day)", _anaphor),
    ]
    return tuple((re.compile(pattern), rule) for pattern, rule in table)


def read_relative(expression: str, ref: date, tense: str, anchor: TimeSpan | None) -> Reading | None:
    if expression in PRESENT_WORDS:
        return point((ref, ref), "day", timex="PRESENT_REF")
    if expression in PAST_WORDS:
        return Reading(None, None, None, "vague", "DATE", "PAST_REF")
    if expression in FUTURE_WORDS:
        return Reading(None, None, None, "vague", "DATE", "FUTURE_REF")
    for pattern, rule in _patterns():
        match = pattern.fullmatch(expression)
        if match:
            reading = rule(match, ref, tense, anchor)
            if reading is not None:
                return reading
    return None


def _amount(words: str) -> tuple[float | None, tuple[int, int] | None]:
    """A count as (exact value, None) or (None, (low, high)) for vague quantities."""
    quantities = vocabulary().quantities
    if words in quantities:
        vague = quantities[words]
        if vague is not None and vague[0] == vague[1]:
            return float(vague[0]), None
        return None, vague
    if words.startswith(("a ", "an ")):
        words = words.split(" ", 1)[1]
    return number_value(words), None


def _unit(word: str) -> str:
    return vocabulary().units[word]


def _today(m: re.Match[str], ref: date, tense: str, anchor: TimeSpan | None) -> Reading | None:
    return point((ref, ref), "day")


def _deictic_day(m: re.Match[str], ref: date, tense: str, anchor: TimeSpan | None) -> Reading | None:
    word, part = m[1].split()[-1], m[2]
    if word in ("this", "last") and not part:
        return None
    offset = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(word, 0)
    day = ref + timedelta(days=offset)
    if not part:
        return point((day, day), "day")
    if word == "last" and part != "night":
        return None
    return point((day, day), "day", "TIME", f"{day.isoformat()}T{vocabulary().dayparts[part]}")


def _two_days(m: re.Match[str], ref: date, tense: str, anchor: TimeSpan | None) -> Reading | None:
    day = ref + timedelta(days=2 if m[2] == "tomorrow" else -2)
    return point((day, day), "day")


def _calendar_unit(m: re.Match[str], ref: date, tense: str, anchor: TimeSpan | None) -> Reading | None:
    word, unit = m[1], _unit(m[2])
    if unit in ("H", "MIN", "S"):
        return None
    if word in ("the previous", "the following", "the same", "that"):
        return _anchored_unit(m, ref, tense, anchor)
    if word in ("the past", "the last", "the coming") and unit != "WE":
        return _stretch_of(word.split()[-1], 1.0, unit, ref)
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(word, 0)
    if unit == "WE":
        day = ref + timedelta(days=7 * step) if step else ref
        if step == 0 and ref.weekday() < 5 and tense == "past":
            day = ref - timedelta(days=7)
        return point(cal.weekend_span(day), "day", timex=_weekend_value(day))
    interval = cal.unit_span(cal.shift(ref, unit, step) if step else ref, unit)
    return point(interval, GRANULARITY_OF_UNIT[unit])


def _weekend_value(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}-WE"


def _part_of_unit(m: re.Match[str], ref: date, tense: str, anchor: TimeSpan | None) -> Reading | None:
    unit = _unit(m[3])
    if unit in ("H", "MIN", "S", "WE"):
        return None
    step = {"last": -1, "next": 1}.get(m[2], 0)
    if m[2] == "in the" and m[1] in ("early", "late"):
        return None
    interval = cal.unit_span(cal.shift(ref, unit, step) if step else ref, unit)
    granularity = GRANULARITY_OF_UNIT[unit]
    if step == 0 and m[1] == "earlier":
        return point((interval[0], ref), granularity, timex=_point_value(interval, granularity))
    if step == 0 and m[1] == "later":
        return point((ref, interval[1]), granularity, timex=_point_value(interval, granularity))
    part = "start" if m[1] in ("early", "earlier") else "end"
    return point(cal.part_of(interval, part), granularity, timex=_point_value(interval, granularity))


def _point_value(interval: tuple[date, date], granularity: str) -> str:
    return point(interval, granularity).timex or ""


def _edge_of_unit(m: re.Match[str], ref: date, tense: str, anchor: TimeSpan | None) -> Reading | None:
    unit = _unit(m[2])
    if unit in ("H", "MIN", "S", "WE", "D"):
        return None
    interval = cal.unit_span(ref, unit)
    part = vocabulary().parts[m[1]]
    return point(cal.part_of(interval, part), GRANULARITY_OF_UNIT[unit],
                 timex=_point_value(interval, GRANULARITY_OF_UNIT[unit]))


def _stretch_of(direction: str, amount: float, unit: str, ref: date,
                vague: tuple[int, int] | None = None) -> Reading:
    """The ``amount`` units up to the reference ("past") or from it ("next")."""
    size = vague[1] if vague else amount
    value = duration_value(None if vague else amount, unit)
    if direction in ("next", "coming", "following"):
        end = cal.shift(ref, unit, size) if unit not in ("H", "MIN", "S") else ref
        return Reading(ref, end, "day", "duration", "DURATION", value)
    start = cal.shift(ref, unit, -size) if unit not in ("H", "MIN", "S") else ref
    return Reading(start, ref, "day", "duration", "DURATION", value)


def _stretch(m: re.Match[str], ref: date, tense: str, anchor: TimeSpan | None) -> Reading | None:
    direction, unit = m[1], _unit(m[3])
    amount, vague = _amount(m[2])
    if amount is None and vague is None:
        return None
    if direction == "first":
        if unit not in ("M", "Q", "W", "D") or amount is None:
            return Reading(None, None, None, "duration", "DURATION", duration_value(amount, unit))
        start = date(int(m[4]) if m[4] and m[4].isdigit() else ref.year, 1, 1)
        end = cal.shift(start, unit, amount) - timedelta(days=1)
        return Reading(start, end, "month", "duration", "DURATION", duration_value(amount, unit))
    direction = "past" if direction in ("latest", "final", "previous", "last") else direction
    return _stretch_of(direction, amount or 0.0, unit, ref, vague)


def _few_stretch(m: re.Match[str], ref: date, tense: str, anchor: TimeSpan | None) -> Reading | None:
    direction = "next" if m[1] in ("next", "coming") else "past"
    return _stretch_of(direction, 0.0, _unit(m[2]), ref, (2, 4))


def _recent(m: re.Match[str], ref: date, tense: str, anchor: TimeSpan | None) -> Reading | None:
    unit = _unit(m[1])
    days = RECENT_SPAN_DAYS.get(unit)
    if days is None:
        return None
    return Reading(ref - timedelta(days=days - 1), ref, "day", "duration", "DURATION",
                   duration_value(None, unit))


def _distance(m: re.Match[str], ref: date, tense: str, anchor: TimeSpan | None) -> Reading | None:
    return _distance_of(m[1], m[2], m[3], ref, anchor)


def _distance_of(count: str, unit_word: str, relation: str, ref: date,
                 anchor: TimeSpan | None) -> Reading | None:
    """``count`` units before or after the reference ("ago") or the anchor ("later")."""
    unit = _unit(unit_word)
    amount, vague = _amount(count)
    if amount is None and vague is None:
        return None
    backward = relation in ("ago", "or so ago", "earlier", "before", "before that", "previously", "prior")
    from_ref = relation in ("ago", "or so ago", "from now", "hence")
    sign = -1 if backward else 1
    if from_ref:
        base: tuple[date, date] | None = (ref, ref)
    elif anchor is not None and anchor.start is not None and anchor.end is not None:
        base = (anchor.start, anchor.end)
    else:
        base = None
    if from_ref:
        return _shifted(base or (ref, ref), unit, sign, amount, vague, "DATE", False)
    if base is None:
        return Reading(None, None, None, "point", "DATE", None, True)
    return _shifted(base, unit, sign, amount, vague, "DATE", True)


def _shifted(base: tuple[date, date], unit: str, sign: int, amount: float | None,
             vague: tuple[int, int] | None, timex_type: str, anchored: bool) -> Reading:
    if vague is not None:
        low, high = vague
        if sign < 0:
            start, end = cal.shift(base[0], unit, -high), cal.shift(base[1], unit, -low)
        else:
            start, end = cal.shift(base[0], unit, low), cal.shift(base[1], unit, high)
        return Reading(start, end, "day" if base[0] == base[1] else "month", "point", timex_type,
                       "PAST_REF" if sign < 0 else "FUTURE_REF", anchored)
    assert amount is not None
    start, end = cal.shift(base[0], unit, sign * amount), cal.shift(base[1], unit, sign * amount)
    if unit in ("DE", "CE"):
        unit = "Y"      # "a decade ago" names a year, not a decade
    granularity = GRANULARITY_OF_UNIT.get(unit, "day")
    if granularity == "day" and start != end:
        return Reading(start, end, "day", "point", timex_type, None, anchored)
    if base[0] != base[1]:       # a period moved by whole units keeps its own length
        return Reading(start, end, granularity, "point", timex_type,
                       point(cal.unit_span(start, unit), granularity).timex, anchored)
    interval = cal.unit_span(start, unit) if granularity != "day" else (start, start)
    return point(interval, granularity, timex_type, anchored=anchored)


def _in_units(m: re.Match[str], ref: date, tense: str, anchor: TimeSpan | None) -> Reading | None:
    """'in two weeks' (future): that far ahead of the reference; otherwise a plain duration."""
    amount, vague = _amount(m[1])
    unit = _unit(m[2])
    if tense != "future" or unit in ("H", "MIN", "S", "WE") or (amount is None and vague is None):
        return _duration_of(m[1], m[2])
    shifted = _shifted((ref, ref), unit, 1, amount, vague, "DURATION", False)
    return replace(shifted, timex=duration_value(amount, unit))


def _year_ago(m: re.Match[str], ref: date, tense: str, anchor: TimeSpan | None) -> Reading | None:
    """'year-ago', 'year-earlier' (results compared with the year before): the previous year."""
    return point(cal.year_span(ref.year - 1), "year")


def _long(m: re.Match[str], ref: date, tense: str, anchor: TimeSpan | None) -> Reading | None:
    """'four-year-long war': the whole calendar units up to the reference date."""
    amount, vague = _amount(m[1])
    unit = _unit(m[2])
    if amount is None or unit in ("H", "MIN", "S", "WE") or " old" in m[0]:   # an age dates nothing
        return Reading(None, None, None, "duration", "DURATION", duration_value(amount, unit))
    if unit in ("Y", "DE", "CE"):
        first = date(cal.shift(ref, unit, -amount).year, 1, 1)
        granularity = "year"
    else:
        first = cal.unit_span(cal.shift(ref, unit, -amount), unit)[0]
        granularity = GRANULARITY_OF_UNIT[unit]
    return Reading(first, ref, granularity, "duration", "DURATION", duration_value(amount, unit))


def _one_distance(m: re.Match[str], ref: date, tense: str, anchor: TimeSpan | None) -> Reading | None:
    return _distance_of("one", m[1], m[2], ref, anchor)


def _anchored_unit(m: re.Match[str], ref: date, tense: str, anchor: TimeSpan | None) -> Reading | None:
    word, unit = m[1].split()[-1], _unit(m[2])
    if unit not in ("D", "W", "M", "Y"):
        return None
    if anchor is None or anchor.start is None:
        return Reading(None, None, None, "point", "DATE", None, True)
    step = {"next": 1, "following": 1, "previous": -1}.get(word, 0)
    base = cal.shift(anchor.start, unit, step)
    return point(cal.unit_span(base, unit), GRANULARITY_OF_UNIT[unit], anchored=True)


def _duration(m: re.Match[str], ref: date, tense: str, anchor: TimeSpan | None) -> Reading | None:
    return _duration_of(m[1], m[2])


def _duration_of(count: str, unit_word: str) -> Reading | None:
    """A bare length of time: no interval, a TIMEX3 period."""
    amount, vague = _amount(count)
    if (amount is None and vague is None) or (amount is not None and amount >= 1000):
        return None
    return Reading(None, None, None, "duration", "DURATION", duration_value(amount, _unit(unit_word)))


def _the_year(m: re.Match[str], ref: date, tense: str, anchor: TimeSpan | None) -> Reading | None:
    """'the year', 'the full year': in news, the current calendar year."""
    return point(cal.year_span(ref.year), "year")


def _one_unit(m: re.Match[str], ref: date, tense: str, anchor: TimeSpan | None) -> Reading | None:
    return Reading(None, None, None, "duration", "DURATION", duration_value(1, _unit(m[1])))


def _vague_units(m: re.Match[str], ref: date, tense: str, anchor: TimeSpan | None) -> Reading | None:
    """'coming weeks', 'months ago', 'the years': an unstated number of units."""
    unit = _unit(next(group for group in m.groups() if group))
    return Reading(None, None, None, "duration", "DURATION", duration_value(None, unit))


def _plural_units(m: re.Match[str], ref: date, tense: str, anchor: TimeSpan | None) -> Reading | None:
    return Reading(None, None, None, "duration", "DURATION", duration_value(None, _unit(m[1])))


def _set(m: re.Match[str], ref: date, tense: str, anchor: TimeSpan | None) -> Reading | None:
    amount = 2.0 if m[1] else (number_value(m[2]) if m[2] else 1.0)
    return Reading(None, None, None, "set", "SET", duration_value(amount, _unit(m[3])))


def _frequency(m: re.Match[str], ref: date, tense: str, anchor: TimeSpan | None) -> Reading | None:
    return Reading(None, None, None, "set", "SET", duration_value(1, _unit(m[2])))


def _adverbial_set(m: re.Match[str], ref: date, tense: str, anchor: TimeSpan | None) -> Reading | None:
    return Reading(None, None, None, "set", "SET", ADVERBIAL_SETS[m[1]])


def _anaphor(m: re.Match[str], ref: date, tense: str, anchor: TimeSpan | None) -> Reading | None:
    """'then', 'that day': the time of the narrative so far, when one is known."""
    if anchor is None or (anchor.start is None and anchor.end is None):
        return Reading(None, None, None, "point", "DATE", None, True)
    granularity = anchor.granularity or "day"
    first = anchor.start or anchor.end
    last = anchor.end or anchor.start
    assert first is not None and last is not None
    value = point((first, last), granularity).timex
    return Reading(anchor.start, anchor.end, granularity, "point", "DATE", value, True)
