"""What a time expression means: an interval, a kind and its TIMEX3 value.

A ``Reading`` is the normaliser's answer for one expression.  ``timex_value``
maps an interval and its granularity to the TIMEX3 value string
("2015-07", "2015-W41", "2015-SU", "199"), and ``duration_value`` writes an
ISO 8601 period ("P4Y", "PT3H", "PXM").
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from dateline.records import TimeSpan

GRANULARITY_OF_UNIT = {"D": "day", "W": "week", "WE": "day", "M": "month", "Q": "quarter",
                       "Y": "year", "DE": "decade", "CE": "century"}


@dataclass(frozen=True)
class Reading:
    """The meaning of one time expression.

    ``kind`` is point | duration | set | vague; ``timex_type`` is the TIMEX3 type
    (DATE TIME DURATION SET).  ``anchored`` tells that the interval was computed
    from another expression's time rather than the reference date.
    """

    start: date | None
    end: date | None
    granularity: str | None
    kind: str = "point"
    timex_type: str = "DATE"
    timex: str | None = None
    anchored: bool = False

    def span(self, text: str | None) -> TimeSpan:
        if self.start is None and self.end is None:
            return TimeSpan(text=None)
        return TimeSpan(self.start, self.end, text, self.granularity)

    def bounded(self, keep_start: bool, keep_end: bool) -> Reading:
        """The same reading with one bound opened ("since X" keeps the start, "by X" the end)."""
        return replace(self, start=self.start if keep_start else None,
                       end=self.end if keep_end else None)


def point(interval: tuple[date, date], granularity: str, timex_type: str = "DATE",
          timex: str | None = None, anchored: bool = False) -> Reading:
    start, end = interval
    value = timex if timex is not None else timex_value(start, granularity)
    return Reading(start, end, granularity, "point", timex_type, value, anchored)


def timex_value(start: date, granularity: str | None) -> str:
    """The TIMEX3 value of the calendar period of ``granularity`` that begins at ``start``."""
    if granularity == "week":
        year, week, _ = start.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if granularity == "month":
        return f"{start.year:04d}-{start.month:02d}"
    if granularity == "quarter":
        return f"{start.year:04d}-Q{(start.month - 1) // 3 + 1}"
    if granularity == "half":
        return f"{start.year:04d}-H{1 if start.month <= 6 else 2}"
    if granularity == "season":
        code = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}.get(start.month, "WI")
        return f"{start.year:04d}-{code}"
    if granularity == "year":
        return f"{start.year:04d}"
    if granularity == "decade":
        return f"{start.year // 10:03d}"
    if granularity == "century":
        return f"{start.year // 100:02d}"
    return start.isoformat()


def duration_value(amount: float | None, unit: str) -> str:
    """ISO 8601 period for ``amount`` units; None gives the unknown amount 'X'."""
    if unit == "DE":
        amount, unit = (amount * 10 if amount is not None else None), "Y"
        if amount is None:
            return "PXDE"
    if unit == "CE":
        amount, unit = (amount * 100 if amount is not None else None), "Y"
        if amount is None:
            return "PXCE"
    if unit == "Q":
        amount, unit = (amount * 3 if amount is not None else None), "M"
    if unit == "WE":
        amount, unit = (amount * 2 if amount is not None else None), "D"
    clock = unit in ("H", "MIN", "S")
    letter = {"MIN": "M"}.get(unit, unit)
    if amount is None:
        number = "X"
    elif amount != int(amount):
        return _fractional(amount, unit)
    else:
        number = str(int(amount))
    return f"PT{number}{letter}" if clock else f"P{number}{letter}"


def _fractional(amount: float, unit: str) -> str:
    whole = int(amount)
    smaller = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("M", 60)}
    if unit not in smaller:
        return f"P{amount:g}{unit}"
    letter, factor = smaller[unit]
    rest = round((amount - whole) * factor)
    if unit in ("D",):
        return f"P{whole}DT{rest}H" if whole else f"PT{rest}H"
    if unit == "H":
        return f"PT{whole}H{rest}M" if whole else f"PT{rest}M"
    return f"P{whole}{unit}{rest}{letter}" if whole else f"P{rest}{letter}"
