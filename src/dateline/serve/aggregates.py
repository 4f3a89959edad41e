"""Counts over the filtered events, computed in SQL on the documented schema.

The filters are turned into SQL by ``dateline.store.query.build_where``, so
they mean exactly what they mean for ``Store.events``.
"""
from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

from dateline.store import query

FROM_EVENTS = """
FROM events e
JOIN documents d ON d.id = e.document_id
LEFT JOIN places p ON p.id = e.place_row
"""

# SQLite's %W is the Monday-based week; the period is that week's Monday.
PERIODS = {
    "day": f"substr({query.EVENT_DATE}, 1, 10)",
    "week": f"date({query.EVENT_DATE}, '-' || ((CAST(strftime('%w', {query.EVENT_DATE}) "
            "AS INTEGER) + 6) % 7) || ' days')",
    "month": f"substr({query.EVENT_DATE}, 1, 7)",
}


def connect(db_path: str | Path) -> sqlite3.Connection:
    """A read-only connection with the store's SQL function ``dateline_km``."""
    uri = Path(db_path).resolve().as_uri() + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True, timeout=30.0)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA busy_timeout = 30000")
    conn.create_function("dateline_km", 4, query.haversine_km, deterministic=True)
    return conn


def _where(conn: sqlite3.Connection, filters: dict[str, Any]) -> query.Where:
    has_fts = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE name = 'events_fts'").fetchone() is not None
    where = query.build_where(with_fts=has_fts, **filters)
    return where


def _sql_where(where: query.Where) -> str:
    return ("WHERE " + " AND ".join(where.clauses)) if where.clauses else ""


def counts_by_period(db_path: str | Path, filters: dict[str, Any], interval: str, *,
                     limit: int, offset: int) -> list[dict[str, Any]]:
    """[{period, type, count}] ordered by period then type; undated events are left out."""
    period = PERIODS[interval]
    with closing(connect(db_path)) as conn:
        where = _where(conn, filters)
        rows = conn.execute(
            f"""SELECT {period} AS period, e.type AS type, COUNT(*) AS count {FROM_EVENTS}
                {_sql_where(where)} {'AND' if where.clauses else 'WHERE'}
                {query.EVENT_DATE} IS NOT NULL
                GROUP BY period, e.type ORDER BY period, e.type LIMIT ? OFFSET ?""",
            [*where.params, limit, offset])
        return [dict(r) for r in rows]


def counts_by_type(db_path: str | Path, filters: dict[str, Any], *, limit: int,
                   offset: int) -> list[dict[str, Any]]:
    """[{type, count}] most frequent first."""
    with closing(connect(db_path)) as conn:
        where = _where(conn, filters)
        rows = conn.execute(
            f"""SELECT e.type AS type, COUNT(*) AS count {FROM_EVENTS} {_sql_where(where)}
                GROUP BY e.type ORDER BY count DESC, e.type LIMIT ? OFFSET ?""",
            [*where.params, limit, offset])
        return [dict(r) for r in rows]


def _actor_key(alias: str) -> str:
    return (f"{alias}.name AS {alias}_name, "
            f"COALESCE({alias}.country, '---') || COALESCE({alias}.sector, '') AS {alias}_code")


def actor_pairs(db_path: str | Path, filters: dict[str, Any], *, limit: int,
                offset: int) -> list[dict[str, Any]]:
    """Who acts on whom: [{source, source_code, target, target_code, count}], the count
    being the number of events with that source and that target; actors of different
    documents with the same name and code are one actor."""
    with closing(connect(db_path)) as conn:
        where = _where(conn, filters)
        rows = conn.execute(
            f"""SELECT {_actor_key('sa')}, {_actor_key('ta')}, COUNT(DISTINCT e.id) AS count
                {FROM_EVENTS}
                JOIN event_actors s ON s.event_row = e.id AND s.role = 'source'
                JOIN actors sa ON sa.id = s.actor_row
                JOIN event_actors t ON t.event_row = e.id AND t.role = 'target'
                JOIN actors ta ON ta.id = t.actor_row
                {_sql_where(where)}
                GROUP BY sa_name, sa_code, ta_name, ta_code
                ORDER BY count DESC, sa_name, ta_name LIMIT ? OFFSET ?""",
            [*where.params, limit, offset])
        return [{"source": r["sa_name"], "source_code": r["sa_code"], "target": r["ta_name"],
                 "target_code": r["ta_code"], "count": r["count"]} for r in rows]


def actors(db_path: str | Path, filters: dict[str, Any], *, limit: int,
           offset: int) -> list[dict[str, Any]]:
    """Actors of the filtered events: [{name, code, kind, as_source, as_target, documents}]."""
    with closing(connect(db_path)) as conn:
        where = _where(conn, filters)
        rows = conn.execute(
            f"""SELECT a.name AS name,
                       COALESCE(a.country, '---') || COALESCE(a.sector, '') AS code,
                       MIN(a.kind) AS kind,
                       COUNT(DISTINCT CASE WHEN ea.role = 'source' THEN e.id END) AS as_source,
                       COUNT(DISTINCT CASE WHEN ea.role = 'target' THEN e.id END) AS as_target,
                       COUNT(DISTINCT a.document_id) AS documents
                {FROM_EVENTS}
                JOIN event_actors ea ON ea.event_row = e.id
                JOIN actors a ON a.id = ea.actor_row
                {_sql_where(where)}
                GROUP BY a.name, code
                ORDER BY as_source + as_target DESC, a.name LIMIT ? OFFSET ?""",
            [*where.params, limit, offset])
        return [dict(r) for r in rows]


def places(db_path: str | Path, filters: dict[str, Any], *, limit: int,
           offset: int) -> list[dict[str, Any]]:
    """Places of the filtered events: [{name, country, feature, geonameid, lat, lon, events}]."""
    with closing(connect(db_path)) as conn:
        where = _where(conn, filters)
        rows = conn.execute(
            f"""SELECT p.name AS name, p.country AS country, p.feature AS feature,
                       p.geonameid AS geonameid, p.lat AS lat, p.lon AS lon,
                       COUNT(*) AS events
                {FROM_EVENTS} {_sql_where(where)} {'AND' if where.clauses else 'WHERE'}
                p.id IS NOT NULL
                GROUP BY p.name, p.country, p.geonameid, p.lat, p.lon
                ORDER BY events DESC, p.name LIMIT ? OFFSET ?""",
            [*where.params, limit, offset])
        return [dict(r) for r in rows]


def document_source(db_path: str | Path, doc_id: str) -> tuple[str, str] | None:
    """(origin, content_hash) of a stored document, or None."""
    with closing(connect(db_path)) as conn:
        row = conn.execute("SELECT origin, content_hash FROM documents WHERE doc_id = ?",
                           (doc_id,)).fetchone()
        return (row["origin"], row["content_hash"]) if row is not None else None


def documents(db_path: str | Path, *, limit: int, offset: int) -> list[dict[str, Any]]:
    """One page of stored documents, newest storage first."""
    with closing(connect(db_path)) as conn:
        rows = conn.execute(
            """SELECT doc_id, title, published, source, COALESCE(url, origin_url) AS url,
                      origin, stored_at,
                      (SELECT COUNT(*) FROM events e WHERE e.document_id = d.id) AS events
               FROM documents d ORDER BY d.id DESC LIMIT ? OFFSET ?""", (limit, offset))
        return [dict(r) for r in rows]
