"""Incidents: events from different reports merged when they describe one act.

Two reports join one incident when they have the same event type and their
time intervals overlap (a day of slack), and

* their parties are compatible (one shared party on either side: the sides
  may tell who did it differently) and their places lie within a radius of
  every place the incident already has (60 km for a town or site, 400 km for
  a province or region; a country-level place only has to agree on the
  country), and
* their sentences share content words (Jaccard >= LEXICAL_MIN), unless the
  structure alone is strong (same source party, same place, same days): one
  story often reports several acts of one kind on one day (an accusation over
  a bridge blast, another over troop movements) that only the words tell apart;

or, whatever parties and places the extractor read, their sentences share most
content words (>= SAME_WORDING): a retold sentence whose party or place was
resolved differently in one copy is still the same act.  Such a retelling may
also lie up to PAGE_DAY_SLACK after the incident's days when it is dated to
its own page's day and nothing else: the day an extractor falls back on when
the sentence's time words escaped it.

Reports are taken type by type in order of their start date.  Each report
joins the best-scoring open incident it is compatible with, comparing against
the incident as a whole (the narrowest time interval its reports share, all
its places, its parties, the words of its latest reports) rather than against
any single report, so a chain of loosely similar reports does not snowball
into one incident.  Incidents whose days (and the page-day slack) are past drop
out of the open list, which keeps the work near linear.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from dateline.corroborate.reports import (
    TIME_SLACK, Party, Report, any_match, km, overlaps)
from dateline.corroborate.terms import overlap

PRUNE_EVERY = 32
LEXICAL_MIN = 0.15        # content-word overlap needed without strong structural evidence
SAME_WORDING = 0.6       # overlap of a retold sentence: parties and places may be read apart
PAGE_DAY_SLACK = timedelta(days=7)   # how far a page's own day may lie after the act
TERM_MEMORY = 12          # term sets of the latest reports an incident compares with


@dataclass
class _Open:
    """An incident being built."""

    members: list[Report]
    core: tuple[date, date]                  # days every report so far allows
    until: date                              # last day any report allows
    sources: list[Party] = field(default_factory=list)
    targets: list[Party] = field(default_factory=list)
    points: list[tuple[float, float, float]] = field(default_factory=list)
    countries: set[str] = field(default_factory=set)
    term_sets: list[frozenset[str]] = field(default_factory=list)

    def add(self, report: Report, interval: tuple[date, date]) -> None:
        self.members.append(report)
        start, end = max(self.core[0], interval[0]), min(self.core[1], interval[1])
        if start <= end:
            self.core = (start, end)
        self.until = max(self.until, interval[1])
        for party in report.sources:
            if party not in self.sources:
                self.sources.append(party)
        for party in report.targets:
            if party not in self.targets:
                self.targets.append(party)
        if report.located and report.feature != "country" and len(self.points) < 8:
            point = (float(report.lat), float(report.lon), report.radius_km)  # type: ignore[arg-type]
            if point not in self.points:
                self.points.append(point)
        if report.country:
            self.countries.add(report.country)
        if report.terms:
            self.term_sets = [*self.term_sets[-(TERM_MEMORY - 1):], report.terms]


def _open(report: Report, interval: tuple[date, date]) -> _Open:
    incident = _Open(members=[], core=interval, until=interval[1])
    incident.add(report, interval)
    return incident


def place_score(report: Report, incident: _Open) -> float | None:
    """None when the places rule the merge out; else 0..1 (1: same spot)."""
    if report.country and incident.countries and report.country not in incident.countries:
        return None
    if not report.located or report.feature == "country" or not incident.points:
        return 0.0
    lat, lon = float(report.lat), float(report.lon)  # type: ignore[arg-type]
    nearest = 1.0
    for p_lat, p_lon, p_radius in incident.points:     # every place so far: no chaining
        radius = max(report.radius_km, p_radius)
        distance = km(lat, lon, p_lat, p_lon)
        if distance > radius:
            return None
        nearest = min(nearest, 1.0 - distance / radius)
    return nearest


def party_score(report: Report, incident: _Open) -> float | None:
    """None when both sides name parties and none is shared; else a score
    (sources agreeing count most, a party on the other side counts least)."""
    if not (report.sources or report.targets) or not (incident.sources or incident.targets):
        return 0.0
    score = 0.0
    if any_match(report.sources, incident.sources):
        score += 2.0
    if report.targets and any_match(report.targets, incident.targets):
        score += 1.0
    if score == 0.0 and (any_match(report.sources, incident.targets)
                         or any_match(report.targets, incident.sources)):
        score = 0.5
    return score if score > 0.0 else None


def time_score(interval: tuple[date, date], incident: _Open) -> float | None:
    if not overlaps(interval, incident.core):
        return None
    shared = (min(interval[1], incident.core[1]) - max(interval[0], incident.core[0])).days + 1
    widest = max((interval[1] - interval[0]).days, (incident.core[1] - incident.core[0]).days) + 1
    return max(shared, 0) / widest


def lexical_score(report: Report, incident: _Open) -> float | None:
    """Best content-word overlap with the incident's recent reports; None when
    either side has no words to compare."""
    if not report.terms or not incident.term_sets:
        return None
    return max(overlap(report.terms, terms) for terms in incident.term_sets)


def page_dated(report: Report, interval: tuple[date, date]) -> bool:
    """Dated to the one day its page was published: often the day an extractor falls
    back on when the sentence's own time words escaped it."""
    return report.published is not None and interval == (report.published, report.published)


def _best(report: Report, interval: tuple[date, date], open_: Sequence[_Open]) -> _Open | None:
    best, best_score = None, -1.0
    by_page_day = page_dated(report, interval)
    for incident in open_:
        when = time_score(interval, incident)
        if when is None and not (by_page_day and incident.core[0] <= interval[0]
                                 and incident.core[1] + PAGE_DAY_SLACK >= interval[0]):
            continue
        words = lexical_score(report, incident)
        retold = words is not None and words >= SAME_WORDING
        if when is None:            # the page's day against earlier days: only a retelling
            if not retold:
                continue
            when = 0.0
        where = place_score(report, incident)
        who = party_score(report, incident)
        if not retold and (where is None or who is None):
            continue
        strong = (who or 0.0) >= 2.0 and (where or 0.0) > 0.0 and when >= 0.5
        if words is not None and words < LEXICAL_MIN and not strong:
            continue
        score = (who or 0.0) + (where or 0.0) + when + 2.0 * (words or 0.0)
        if score > best_score:
            best, best_score = incident, score
    return best


def cluster(reports: Iterable[Report]) -> list[list[Report]]:
    """Group reports into incidents; each incident lists its reports in input order."""
    by_type: dict[str, list[tuple[tuple[date, date], int, Report]]] = {}
    undated: list[list[Report]] = []
    order: dict[str, int] = {}
    for position, report in enumerate(reports):
        order[report.event_id] = position
        interval = report.interval()
        if interval is None:
            undated.append([report])
            continue
        by_type.setdefault(report.type.upper(), []).append((interval, position, report))
    incidents: list[list[Report]] = []
    for items in by_type.values():
        items.sort(key=lambda item: (item[0][0], item[1]))
        open_: list[_Open] = []
        done: list[_Open] = []
        for step, (interval, _, report) in enumerate(items):
            if step % PRUNE_EVERY == 0 and open_:
                still = []
                for incident in open_:
                    keep = incident.until + max(TIME_SLACK, PAGE_DAY_SLACK) >= interval[0]
                    (still if keep else done).append(incident)
                open_ = still
            target = _best(report, interval, open_)
            if target is None:
                open_.append(_open(report, interval))
            else:
                target.add(report, interval)
        incidents.extend(sorted(i.members, key=lambda r: order[r.event_id])
                         for i in done + open_)
    incidents.extend(undated)
    incidents = [sorted(members, key=lambda r: order[r.event_id]) for members in join_copies(incidents)]
    incidents.sort(key=lambda members: order[members[0].event_id])
    return incidents


def join_copies(incidents: list[list[Report]]) -> list[list[Report]]:
    """A copy of a story tells its sentences again (nearly) word for word, whatever date its new
    page gives them: incidents holding reports of one story and type that share most of their
    words (SAME_WORDING) are one."""
    parent = list(range(len(incidents)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    told: dict[tuple[str, str], list[tuple[frozenset[str], int]]] = {}
    for n, members in enumerate(incidents):
        for report in members:
            if not report.terms:
                continue
            earlier = told.setdefault((report.story, report.type.upper()), [])
            same = next((m for terms, m in earlier if overlap(report.terms, terms) >= SAME_WORDING), None)
            if same is not None:
                parent[root(n)] = root(same)
            else:
                earlier.append((report.terms, n))
    joined: dict[int, list[Report]] = {}
    for n, members in enumerate(incidents):
        joined.setdefault(root(n), []).extend(members)
    return list(joined.values())


def incident_key(members: Sequence[Report]) -> str:
    """A stable id: a hash of the smallest event id among the reports."""
    first = min(r.event_id for r in members)
    return "inc-" + hashlib.blake2b(first.encode("utf-8"), digest_size=6).hexdigest()
