"""The gazetteer: GeoNames cities and countries plus admin1 areas, water bodies
and regions, looked up by exact, normalised, transliteration-loose or fuzzy name.

``load_gazetteer()`` opens the compiled SQLite index (see ``place_index``),
building it on first use; later processes open it in milliseconds.
"""
from __future__ import annotations

import functools
import sqlite3
from dataclasses import dataclass, replace

from dateline.resolve.place_index import ensure_index
from dateline.resolve.place_names import name_key, skeleton_key

NOTABLE_VARIANT_POPULATION = 100_000
FUZZY_MAX_WORDS = 3                    # longer strings are descriptions, not misspelt names   # variant spellings still offered beside exact matches
MATCH_RANK = {"name": 0, "alt": 1, "skeleton": 2, "fuzzy": 3, "part": 4}
_PLACE_COLUMNS = "p.pid, p.geonameid, p.name, p.feature, p.country, p.admin1_code, p.lat, p.lon, p.population"


@dataclass(frozen=True)
class Candidate:
    """One gazetteer entry offered for a name, with how the name matched it."""

    pid: int
    geonameid: int | None
    name: str
    feature: str                     # city | admin1 | admin2 | country | region | water | other
    country: str | None
    admin1_code: str | None          # GeoNames admin1 code within the country ("04")
    lat: float | None
    lon: float | None
    population: int
    match: str = "name"              # name | alt | skeleton | fuzzy | part (a place named inside)

    @property
    def admin1_key(self) -> str | None:
        if self.country and self.admin1_code:
            return f"{self.country}.{self.admin1_code}"
        return None


def _within_edits(a: str, b: str, limit: int) -> bool:
    """Levenshtein distance of a and b is at most ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return False
    if limit == 1:
        return _within_one_edit(a, b)
    previous = list(range(len(b) + 1))
    for i, ch_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, ch_b in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ch_a != ch_b))
        if min(current) > limit:
            return False
        previous = current
    return previous[-1] <= limit


def _within_one_edit(a: str, b: str) -> bool:
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:]
    return a[i:] == b[i + 1:]


class Gazetteer:
    """Read-only view of the compiled index."""

    def __init__(self, path: str) -> None:
        self._conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._lookups: dict[str, tuple[Candidate, ...]] = {}
        self.capitals: frozenset[int] = frozenset(
            pid for (pid,) in self._conn.execute("SELECT capital_pid FROM countries") if pid)
        self._neighbours: dict[str, frozenset[str]] = {
            iso2: frozenset(filter(None, (near or "").split(",")))
            for iso2, near in self._conn.execute("SELECT iso2, neighbours FROM countries")}
        rows = self._conn.execute("SELECT iso2, bbox, demonym FROM countries").fetchall()
        self._bbox: dict[str, tuple[float, float, float, float]] = {}
        populations = dict(self._conn.execute(
            "SELECT c.iso2, p.population FROM countries c JOIN places p ON p.pid = c.pid"))
        self._demonym_country: dict[str, str] = {}
        for iso2, _, demonym in sorted(rows, key=lambda r: populations.get(r[0], 0)):
            for word in filter(None, demonym.split("|")):
                self._demonym_country[name_key(word)] = iso2   # shared demonyms: most populous wins
        self.demonyms: frozenset[str] = frozenset(self._demonym_country)
        for iso2, bbox, _ in rows:
            if bbox:
                south, west, north, east = (float(v) for v in bbox.split(","))
                self._bbox[iso2] = (south, west, north, east)

    def _rows(self, sql: str, args: tuple[object, ...], match: str) -> list[Candidate]:
        return [Candidate(*row, match=match) for row in self._conn.execute(sql, args)]

    def lookup(self, name: str, fuzzy: bool = True) -> list[Candidate]:
        """Candidates for a name: exact/normalised names first; when none, the
        country of a demonym ("Georgian", "Palestinians"); when none, transliteration
        variants; when still none, near spellings."""
        key = name_key(name)
        if not key:
            return []
        cached = self._lookups.get(f"{fuzzy}:{key}")
        if cached is not None:
            return list(cached)
        found: dict[int, Candidate] = {}
        for row in self._conn.execute(
                f"SELECT {_PLACE_COLUMNS}, n.kind FROM names n JOIN places p ON p.pid = n.pid"
                " WHERE n.key = ? ORDER BY n.kind", (key,)):
            match = "name" if row[-1] == 0 else "alt"
            if row[0] not in found:
                found[row[0]] = Candidate(*row[:-1], match=match)
        country_of_people = self._demonym_country.get(key) or self._demonym_country.get(key[:-1])
        if country_of_people:
            country = self.country(country_of_people)
            if country is not None:
                found.setdefault(country.pid, replace(country, match="alt"))
        skeleton = skeleton_key(name)
        if skeleton and len(skeleton) >= 3:
            exact = bool(found)
            for cand in self._rows(
                    f"SELECT {_PLACE_COLUMNS} FROM skeletons s JOIN places p ON p.pid = s.pid"
                    " WHERE s.key = ?", (skeleton,), "skeleton"):
                if not exact or cand.feature in ("country", "admin1") \
                        or cand.population >= NOTABLE_VARIANT_POPULATION:
                    found.setdefault(cand.pid, cand)
        if fuzzy and not found and len(skeleton) >= 5 and len(key.split()) <= FUZZY_MAX_WORDS:
            sizes = (len(skeleton) - 1, len(skeleton) + 1)
            near = {pid for key_, pid in self._conn.execute(
                "SELECT key, pid FROM fuzzy WHERE head = ? AND size BETWEEN ? AND ?"
                " UNION SELECT key, pid FROM fuzzy WHERE tail = ? AND size BETWEEN ? AND ?",
                (skeleton[:2], *sizes, skeleton[-2:], *sizes)) if _within_edits(skeleton, key_, 1)}
            for pid in sorted(near):
                for cand in self._rows(f"SELECT {_PLACE_COLUMNS} FROM places p WHERE p.pid = ?",
                                       (pid,), "fuzzy"):
                    found.setdefault(cand.pid, cand)
        result = tuple(found.values())
        self._lookups[f"{fuzzy}:{key}"] = result
        return list(result)

    def country(self, iso2: str) -> Candidate | None:
        rows = self._rows(f"SELECT {_PLACE_COLUMNS} FROM countries c JOIN places p ON p.pid = c.pid"
                          " WHERE c.iso2 = ?", (iso2.upper(),), "name")
        return rows[0] if rows else None

    def admin1(self, iso2: str, admin1_code: str) -> Candidate | None:
        rows = self._rows(f"SELECT {_PLACE_COLUMNS} FROM admin1 a JOIN places p ON p.pid = a.pid"
                          " WHERE a.country = ? AND a.code = ?", (iso2.upper(), admin1_code), "name")
        return rows[0] if rows else None

    def bbox(self, iso2: str) -> tuple[float, float, float, float] | None:
        """(south, west, north, east) of a country's outline, when known."""
        return self._bbox.get(iso2)

    def neighbours(self, iso2: str) -> frozenset[str]:
        """Countries sharing a land border with ``iso2`` (GeoNames countryInfo)."""
        return self._neighbours.get(iso2, frozenset())

    def is_demonym(self, text: str) -> bool:
        return name_key(text) in self.demonyms


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The shared gazetteer, compiled to the cache directory on first use."""
    return Gazetteer(str(ensure_index()))
