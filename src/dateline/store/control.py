"""Tables of the control layer: who held which ground, when, and on what evidence.

These tables live in the same SQLite file as the core store but are created by
their own ``ensure_schema`` (``CREATE TABLE IF NOT EXISTS``).  Their version is
recorded in the store's ``schema_version`` table under a NEGATIVE number
(``CONTROL_VERSION_ROW``) whose description starts with ``control``: the core
migrations use positive numbers and compare against their maximum, so the two
never collide.

    control_layers     one imported GeoJSON file (provenance)
    control_areas      one feature of a layer: geometry, controller, validity
    control_intervals  control derived from capture/withdrawal events in the text
    control_ground     the controller of each located, dated event's place
    control_state      what the ground rows were computed from (to tell when they are stale)
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

CONTROL_SCHEMA = 1
CONTROL_VERSION_ROW = -(1000 + CONTROL_SCHEMA)
CONTROL_DESCRIPTION = (f"control {CONTROL_SCHEMA}: control_layers, control_areas, "
                       "control_intervals, control_ground, control_state")

CONTROL_TABLES = (
    """CREATE TABLE IF NOT EXISTS control_layers (
        id            INTEGER PRIMARY KEY,
        name          TEXT NOT NULL,
        origin        TEXT NOT NULL,
        content_hash  TEXT NOT NULL,
        source        TEXT,
        feature_count INTEGER NOT NULL,
        warnings_json TEXT,
        imported_at   TEXT NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS control_areas (
        id                  INTEGER PRIMARY KEY,
        layer_id            INTEGER NOT NULL REFERENCES control_layers(id) ON DELETE CASCADE,
        position            INTEGER NOT NULL,
        label               TEXT NOT NULL,
        controller          TEXT NOT NULL,
        controller_name     TEXT NOT NULL,
        controller_kind     TEXT,
        controller_country  TEXT,
        controller_sector   TEXT,
        valid_from          TEXT,
        valid_to            TEXT,
        source              TEXT,
        confidence          REAL NOT NULL,
        geometry_wkb        BLOB NOT NULL,
        min_lon REAL NOT NULL, min_lat REAL NOT NULL, max_lon REAL NOT NULL, max_lat REAL NOT NULL,
        properties_json     TEXT
    )""",
    "CREATE INDEX IF NOT EXISTS control_areas_layer ON control_areas(layer_id)",
    """CREATE TABLE IF NOT EXISTS control_intervals (
        id                  INTEGER PRIMARY KEY,
        place_key           TEXT NOT NULL,
        place_name          TEXT,
        admin1              TEXT,
        admin1_code         TEXT,
        lat                 REAL,
        lon                 REAL,
        controller_name     TEXT,
        controller_country  TEXT,
        controller_sector   TEXT,
        valid_from          TEXT,
        valid_to            TEXT,
        how                 TEXT NOT NULL CHECK (how IN ('capture', 'withdrawal', 'vacated')),
        evidence_event_id   TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
        confidence          REAL NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS control_intervals_place ON control_intervals(place_key)",
    """CREATE TABLE IF NOT EXISTS control_ground (
        event_id            TEXT PRIMARY KEY REFERENCES events(event_id) ON DELETE CASCADE,
        controller_name     TEXT,
        controller_country  TEXT,
        controller_sector   TEXT,
        basis               TEXT NOT NULL CHECK (basis IN ('layer', 'text')),
        area_id             INTEGER REFERENCES control_areas(id) ON DELETE CASCADE,
        interval_id         INTEGER REFERENCES control_intervals(id) ON DELETE CASCADE,
        evidence_event_id   TEXT,
        confidence          REAL NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS control_state (
        id          INTEGER PRIMARY KEY CHECK (id = 1),
        signature   TEXT NOT NULL,
        computed_at TEXT NOT NULL
    )""",
)


def ensure_schema(conn: sqlite3.Connection) -> None:
    """Create the control tables if missing and record their version row once."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        for sql in CONTROL_TABLES:
            conn.execute(sql)
        conn.execute(
            "INSERT OR IGNORE INTO schema_version(version, description, applied_at) "
            "VALUES (?, ?, ?)", (CONTROL_VERSION_ROW, CONTROL_DESCRIPTION, _now()))
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def connect(path: str | Path) -> sqlite3.Connection:
    """A connection to the store at ``path`` (core schema migrated, control tables present).

    Settings match ``dateline.store.Store``: autocommit with explicit
    transactions, foreign keys on, WAL, 30 s busy timeout.
    """
    from dateline.store import Store

    Store(path).close()                    # creates / migrates the core schema
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=30.0)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 30000")
    conn.execute("PRAGMA journal_mode = WAL")
    ensure_schema(conn)
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK when the block raises."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


# -- layers and areas ------------------------------------------------------------

AREA_COLUMNS = ("position", "label", "controller", "controller_name", "controller_kind",
                "controller_country", "controller_sector", "valid_from", "valid_to", "source",
                "confidence", "geometry_wkb", "min_lon", "min_lat", "max_lon", "max_lat",
                "properties_json")


def insert_layer(conn: sqlite3.Connection, *, name: str, origin: str, content_hash: str,
                 source: str | None, warnings: Sequence[str],
                 areas: Sequence[dict[str, Any]]) -> int:
    """Write one layer and all its areas in ONE transaction; returns the layer id."""
    with transaction(conn):
        cur = conn.execute(
            """INSERT INTO control_layers(name, origin, content_hash, source, feature_count,
                   warnings_json, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)""",
            (name, origin, content_hash, source, len(areas),
             json.dumps(list(warnings), ensure_ascii=False) if warnings else None, _now()))
        layer_id = int(cur.lastrowid or 0)
        conn.executemany(
            f"""INSERT INTO control_areas(layer_id, {', '.join(AREA_COLUMNS)})
                VALUES (?, {', '.join('?' for _ in AREA_COLUMNS)})""",
            [(layer_id, *(area[c] for c in AREA_COLUMNS)) for area in areas])
    return layer_id


def layers(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    rows = conn.execute("SELECT * FROM control_layers ORDER BY id")
    return [dict(r) for r in rows]


def areas(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every imported area with its layer name, oldest layer first."""
    rows = conn.execute(
        """SELECT a.*, l.name AS layer_name FROM control_areas a
           JOIN control_layers l ON l.id = a.layer_id ORDER BY a.layer_id, a.position""")
    return [dict(r) for r in rows]


# -- derived intervals -------------------------------------------------------------

INTERVAL_COLUMNS = ("place_key", "place_name", "admin1", "admin1_code", "lat", "lon",
                    "controller_name", "controller_country", "controller_sector",
                    "valid_from", "valid_to", "how", "evidence_event_id", "confidence")


def replace_intervals(conn: sqlite3.Connection, intervals: Iterable[dict[str, Any]]) -> int:
    """Replace every derived interval (and so every ground row) with ``intervals``."""
    rows = [tuple(i[c] for c in INTERVAL_COLUMNS) for i in intervals]
    with transaction(conn):
        conn.execute("DELETE FROM control_ground")
        conn.execute("DELETE FROM control_intervals")
        conn.executemany(
            f"""INSERT INTO control_intervals({', '.join(INTERVAL_COLUMNS)})
                VALUES ({', '.join('?' for _ in INTERVAL_COLUMNS)})""", rows)
    return len(rows)


def intervals(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    rows = conn.execute("SELECT * FROM control_intervals ORDER BY place_key, valid_from, id")
    return [dict(r) for r in rows]


# -- events as the control stage reads them ------------------------------------

def located_events(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every event with a located place: ids, codes, place, dates and first source actor."""
    rows = conn.execute(
        """SELECT e.event_id, e.type, e.mode, e.cameo, e.status, e.sentence,
                  COALESCE(e.when_start, e.when_end, d.published) AS event_date,
                  p.geonameid, p.name AS place_name, p.feature AS place_feature,
                  p.country AS place_country, p.lat, p.lon, p.admin1, p.admin1_code,
                  a.name AS source_name, a.country AS source_country,
                  a.sector AS source_sector
           FROM events e
           JOIN documents d ON d.id = e.document_id
           JOIN places p ON p.id = e.place_row
           LEFT JOIN event_actors ea ON ea.event_row = e.id AND ea.role = 'source'
                                     AND ea.position = 0
           LEFT JOIN actors a ON a.id = ea.actor_row
           WHERE p.lat IS NOT NULL AND p.lon IS NOT NULL
           ORDER BY event_date IS NULL, event_date, d.id, e.position""")
    return [dict(r) for r in rows]


# -- ground --------------------------------------------------------------------

GROUND_COLUMNS = ("event_id", "controller_name", "controller_country", "controller_sector",
                  "basis", "area_id", "interval_id", "evidence_event_id", "confidence")


def ground_signature(conn: sqlite3.Connection) -> str:
    """What the ground depends on: the stored events and the imported areas.

    Row ids only grow, so a replaced document or a new layer changes the
    signature even when the counts stay the same.
    """
    events = conn.execute("SELECT COUNT(*), COALESCE(MAX(id), 0) FROM events").fetchone()
    areas = conn.execute("SELECT COUNT(*), COALESCE(MAX(id), 0) FROM control_areas").fetchone()
    return f"events {events[0]}/{events[1]} areas {areas[0]}/{areas[1]}"


def ground_is_current(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT signature FROM control_state WHERE id = 1").fetchone()
    return row is not None and row[0] == ground_signature(conn)


def replace_ground(conn: sqlite3.Connection, rows: Iterable[dict[str, Any]]) -> int:
    """Replace every ground row with ``rows`` in one transaction, noting what they came from."""
    values = [tuple(r[c] for c in GROUND_COLUMNS) for r in rows]
    with transaction(conn):
        conn.execute("DELETE FROM control_ground")
        conn.executemany(
            f"""INSERT INTO control_ground({', '.join(GROUND_COLUMNS)})
                VALUES ({', '.join('?' for _ in GROUND_COLUMNS)})""", values)
        conn.execute("INSERT OR REPLACE INTO control_state(id, signature, computed_at) "
                     "VALUES (1, ?, ?)", (ground_signature(conn), _now()))
    return len(values)


def ground(conn: sqlite3.Connection, event_ids: Sequence[str] | None = None
           ) -> dict[str, dict[str, Any]]:
    """{event id: ground row with the area's layer name} for the given (or all) events."""
    sql = """SELECT g.*, l.name AS layer_name, a.label AS area_label
             FROM control_ground g
             LEFT JOIN control_areas a ON a.id = g.area_id
             LEFT JOIN control_layers l ON l.id = a.layer_id"""
    out: dict[str, dict[str, Any]] = {}
    if event_ids is None:
        return {r["event_id"]: dict(r) for r in conn.execute(sql)}
    ids = list(event_ids)
    for i in range(0, len(ids), 500):
        part = ids[i:i + 500]
        rows = conn.execute(sql + f" WHERE g.event_id IN ({', '.join('?' for _ in part)})", part)
        out.update({r["event_id"]: dict(r) for r in rows})
    return out
