"""The event reports that incident clustering works on, and how two compare.

A report is one event of one document, reduced to what matters across
documents: its type, parties (by code), time interval, place and who says it.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta

TIME_SLACK = timedelta(days=1)          # reports of one day may be dated a day apart
UNDATED_BEFORE = timedelta(days=3)      # an undated event: the days up to publication
POINT_RADIUS_KM = 60.0                  # cities, sites, unknown features
AREA_RADIUS_KM = 400.0                  # admin1 areas, regions, waters
AREA_FEATURES = frozenset({"admin1", "admin2", "region", "water"})


@dataclass(frozen=True)
class Party:
    """One actor as clustering sees it: country (ISO-3), sector and name."""

    country: str | None
    sector: str | None
    name: str = ""

    def matches(self, other: Party) -> bool:
        """Same party: same country with compatible sectors (equal or one unknown);
        without countries, the same sector or the same name."""
        if self.country and other.country:
            if self.country != other.country:
                return False
            return not self.sector or not other.sector or self.sector == other.sector
        if self.country or other.country:
            return False
        if self.sector and other.sector:
            return self.sector == other.sector
        return bool(self.name) and self.name.lower() == other.name.lower()


@dataclass(frozen=True)
class Report:
    """One event as reported by one document."""

    event_id: str
    story: str                                   # story key: copies of a story share it
    type: str
    start: date | None = None
    end: date | None = None
    published: date | None = None
    sources: tuple[Party, ...] = ()
    targets: tuple[Party, ...] = ()
    cameo: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None                   # ISO-2 of the place
    feature: str | None = None
    place_name: str | None = None
    fatalities: int | None = None
    status: str | None = None
    attribution: str | None = None
    outlet: str | None = None                    # credited source of the story
    terms: frozenset[str] = field(default=frozenset(), compare=False)   # content words
    extra: dict[str, object] = field(default_factory=dict, compare=False, hash=False)

    def interval(self) -> tuple[date, date] | None:
        """The event's days; an undated event takes the days up to publication;
        None when nothing dates it.  An open bound takes the other bound."""
        start, end = self.start or self.end, self.end or self.start
        if start is not None and end is not None:
            return (start, end) if start <= end else (end, start)
        if self.published is not None:
            return self.published - UNDATED_BEFORE, self.published
        return None

    @property
    def located(self) -> bool:
        return self.lat is not None and self.lon is not None

    @property
    def radius_km(self) -> float:
        return AREA_RADIUS_KM if self.feature in AREA_FEATURES else POINT_RADIUS_KM


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def any_match(ones: tuple[Party, ...], others: tuple[Party, ...]) -> bool:
    return any(a.matches(b) for a in ones for b in others)


def overlaps(one: tuple[date, date], other: tuple[date, date],
             slack: timedelta = TIME_SLACK) -> bool:
    return one[0] <= other[1] + slack and other[0] <= one[1] + slack
