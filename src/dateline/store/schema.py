"""The SQLite schema of the dateline store, as an ordered list of migrations.

Each migration is a version number, a description and a list of SQL
statements.  Opening a store applies, in order and each in its own
transaction, every migration whose version is above the highest one recorded
in ``schema_version``.  A migration is never edited once released: changes go
into a new, higher version.  ``docs/schema.md`` describes the tables.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]
    needs_fts5: bool = False      # skipped (and recorded as skipped) without FTS5


CORE_TABLES = (
    """CREATE TABLE documents (
        id            INTEGER PRIMARY KEY,
        doc_id        TEXT NOT NULL UNIQUE,
        content_hash  TEXT NOT NULL UNIQUE,
        origin        TEXT NOT NULL,
        origin_url    TEXT,
        title         TEXT,
        subtitle      TEXT,
        published     TEXT,
        page_date     TEXT,
        modified      TEXT,
        source        TEXT,
        byline        TEXT,
        language      TEXT,
        url           TEXT,
        body_start    INTEGER,
        body_end      INTEGER,
        keywords_json TEXT,
        warnings_json TEXT,
        extra_json    TEXT,
        stored_at     TEXT NOT NULL
    )""",
    "CREATE INDEX documents_origin ON documents(origin)",
    "CREATE INDEX documents_published ON documents(published)",
    """CREATE TABLE actors (
        id          INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        actor_id    TEXT NOT NULL,
        name        TEXT NOT NULL,
        kind        TEXT,
        country     TEXT,
        sector      TEXT,
        note        TEXT,
        extra_json  TEXT,
        UNIQUE (document_id, actor_id)
    )""",
    "CREATE INDEX actors_name ON actors(name COLLATE NOCASE)",
    "CREATE INDEX actors_country_sector ON actors(country, sector)",
    """CREATE TABLE actor_mentions (
        actor_row INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
        position  INTEGER NOT NULL,
        text      TEXT NOT NULL,
        PRIMARY KEY (actor_row, position)
    )""",
    "CREATE INDEX actor_mentions_text ON actor_mentions(text COLLATE NOCASE)",
    """CREATE TABLE places (
        id          INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        place_id    TEXT NOT NULL,
        mention     TEXT,
        name        TEXT,
        geonameid   INTEGER,
        feature     TEXT,
        country     TEXT,
        lat         REAL,
        lon         REAL,
        admin1      TEXT,
        admin1_code TEXT,
        confidence  REAL,
        extra_json  TEXT,
        UNIQUE (document_id, place_id)
    )""",
    "CREATE INDEX places_country ON places(country)",
    "CREATE INDEX places_lat_lon ON places(lat, lon)",
    """CREATE TABLE events (
        id          INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        event_id    TEXT NOT NULL UNIQUE,
        local_id    TEXT NOT NULL,
        position    INTEGER NOT NULL,
        type        TEXT NOT NULL,
        mode        TEXT,
        cameo       TEXT,
        acled       TEXT,
        place_row   INTEGER REFERENCES places(id) ON DELETE CASCADE,
        when_start  TEXT,
        when_end    TEXT,
        when_text   TEXT,
        sentence    TEXT NOT NULL,
        span_start  INTEGER,
        span_end    INTEGER,
        attribution TEXT,
        status      TEXT,
        fatalities  INTEGER,
        extra_json  TEXT,
        UNIQUE (document_id, local_id)
    )""",
    "CREATE INDEX events_document ON events(document_id, position)",
    "CREATE INDEX events_type_mode ON events(type, mode)",
    "CREATE INDEX events_cameo ON events(cameo)",
    "CREATE INDEX events_when ON events(when_start, when_end)",
    "CREATE INDEX events_status ON events(status)",
    "CREATE INDEX events_attribution ON events(attribution COLLATE NOCASE)",
    "CREATE INDEX events_place ON events(place_row)",
    """CREATE TABLE event_actors (
        event_row INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        role      TEXT NOT NULL CHECK (role IN ('source', 'target')),
        position  INTEGER NOT NULL,
        actor_row INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
        PRIMARY KEY (event_row, role, position)
    )""",
    "CREATE INDEX event_actors_actor ON event_actors(actor_row)",
    """CREATE TABLE event_evidence (
        event_row  INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        position   INTEGER NOT NULL,
        key        TEXT NOT NULL,
        value_json TEXT NOT NULL,
        span_start INTEGER,
        span_end   INTEGER,
        PRIMARY KEY (event_row, position)
    )""",
    """CREATE TABLE failures (
        id          INTEGER PRIMARY KEY,
        origin      TEXT NOT NULL,
        stage       TEXT NOT NULL,
        error       TEXT NOT NULL,
        recorded_at TEXT NOT NULL
    )""",
    "CREATE INDEX failures_origin ON failures(origin)",
)

FTS_TABLES = (
    """CREATE VIRTUAL TABLE events_fts USING fts5(
        sentence, content='events', content_rowid='id')""",
    """CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
        INSERT INTO events_fts(rowid, sentence) VALUES (new.id, new.sentence);
    END""",
    """CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
        INSERT INTO events_fts(events_fts, rowid, sentence)
        VALUES ('delete', old.id, old.sentence);
    END""",
    """CREATE TRIGGER events_fts_update AFTER UPDATE OF sentence ON events BEGIN
        INSERT INTO events_fts(events_fts, rowid, sentence)
        VALUES ('delete', old.id, old.sentence);
        INSERT INTO events_fts(rowid, sentence) VALUES (new.id, new.sentence);
    END""",
    "INSERT INTO events_fts(events_fts) VALUES ('rebuild')",
)

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "documents, actors, places, events, roles, evidence, failures",
              CORE_TABLES),
    Migration(2, "full-text index over event sentences (FTS5)", FTS_TABLES,
              needs_fts5=True),
    Migration(3, "the article text each document's offsets point into, and its story spans",
              ("""CREATE TABLE article_text (
                    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
                    text        TEXT NOT NULL,
                    story_json  TEXT NOT NULL
                 )""",)),
)

SCHEMA_VERSION = MIGRATIONS[-1].version


def fts5_available(conn: sqlite3.Connection) -> bool:
    """True when this SQLite library was built with FTS5."""
    try:
        conn.execute("CREATE VIRTUAL TABLE temp.dateline_fts_probe USING fts5(x)")
    except sqlite3.OperationalError:
        return False
    conn.execute("DROP TABLE temp.dateline_fts_probe")
    return True


def has_fts(conn: sqlite3.Connection) -> bool:
    """True when the events_fts index exists in this database."""
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events_fts'").fetchone()
    return row is not None


def current_version(conn: sqlite3.Connection) -> int:
    conn.execute("""CREATE TABLE IF NOT EXISTS schema_version (
        version     INTEGER PRIMARY KEY,
        description TEXT NOT NULL,
        applied_at  TEXT NOT NULL)""")
    row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the database up to SCHEMA_VERSION; return the version reached.

    The connection must be in autocommit mode (``isolation_level=None``); each
    migration runs in its own explicit transaction.
    """
    version = current_version(conn)
    if version > SCHEMA_VERSION:
        raise RuntimeError(
            f"database schema version {version} is newer than this dateline "
            f"({SCHEMA_VERSION}); upgrade dateline to open it")
    with_fts = fts5_available(conn)
    for step in MIGRATIONS:
        if step.version <= version:
            continue
        description = step.description
        statements = step.statements
        if step.needs_fts5 and not with_fts:
            description += " [skipped: SQLite lacks FTS5; text search uses LIKE]"
            statements = ()
        conn.execute("BEGIN IMMEDIATE")
        try:
            for sql in statements:
                conn.execute(sql)
            conn.execute(
                "INSERT INTO schema_version(version, description, applied_at) VALUES (?, ?, ?)",
                (step.version, description, datetime.now(timezone.utc).isoformat(timespec="seconds")))
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        version = step.version
    return version
