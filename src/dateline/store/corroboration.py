"""Tables and queries of the cross-document layer: copies, incidents, reports.

``ensure_schema(conn)`` creates (IF NOT EXISTS) the tables below and records a
row in ``schema_version`` under a negative version number (so the store's own
migration count, the highest version, is unaffected) whose description starts
with "corroboration".

* ``copies``: one row per stored document: the story it belongs to (the doc
  id of the story's first document), how it was recognised (first / exact /
  near), its similarity, exact hash and MinHash signature.
* ``copy_bands``: the LSH band keys of each document's signature.
* ``incidents``: one row per incident with its consensus fields,
  corroboration counts and the whole summary as JSON.
* ``incident_reports``: which event belongs to which incident.
* ``incident_state``: what the incidents were built from, so that a changed
  store gets them rebuilt.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from dateline.corroborate import (
    CopyMatch, Party, Report, cluster, fingerprint, incident_key, story_text, summarize)
from dateline.corroborate.copies import (
    COPY_THRESHOLD, MIN_SHINGLES, best_near_copy, split_copies)
from dateline.corroborate.fingerprint import Fingerprint
from dateline.corroborate.terms import sentence_terms
from dateline.store import query

SCHEMA_VERSION = -1101      # corroboration schema 1; negative: outside the store's count
SCHEMA_DESCRIPTION = "corroboration 1: copies, copy_bands, incidents, incident_reports"

TABLES = (
    """CREATE TABLE IF NOT EXISTS copies (
        document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        story       TEXT NOT NULL,
        how         TEXT NOT NULL,
        similarity  REAL NOT NULL,
        exact_hash  TEXT NOT NULL,
        shingles    INTEGER NOT NULL,
        signature   TEXT NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS copies_story ON copies(story)",
    "CREATE INDEX IF NOT EXISTS copies_exact ON copies(exact_hash)",
    """CREATE TABLE IF NOT EXISTS copy_bands (
        band        TEXT NOT NULL,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE)""",
    "CREATE INDEX IF NOT EXISTS copy_bands_band ON copy_bands(band)",
    "CREATE INDEX IF NOT EXISTS copy_bands_document ON copy_bands(document_id)",
    """CREATE TABLE IF NOT EXISTS incidents (
        incident_id         TEXT PRIMARY KEY,
        type                TEXT NOT NULL,
        cameo               TEXT,
        start               TEXT,
        "end"               TEXT,
        place               TEXT,
        country             TEXT,
        fatalities          INTEGER,
        reports             INTEGER NOT NULL,
        stories             INTEGER NOT NULL,
        independent_sources INTEGER NOT NULL,
        unconfirmed_claim   INTEGER NOT NULL,
        summary_json        TEXT NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS incidents_start ON incidents(start)",
    """CREATE TABLE IF NOT EXISTS incident_reports (
        event_row   INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
        incident_id TEXT NOT NULL REFERENCES incidents(incident_id) ON DELETE CASCADE,
        event_id    TEXT NOT NULL,
        story       TEXT NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS incident_reports_incident ON incident_reports(incident_id)",
    "CREATE INDEX IF NOT EXISTS incident_reports_event ON incident_reports(event_id)",
    """CREATE TABLE IF NOT EXISTS incident_state (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL)""",
)


@contextmanager
def _write(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Join the caller's transaction, or run one of our own."""
    if conn.in_transaction:
        yield conn
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def ensure_schema(conn: sqlite3.Connection) -> None:
    """Create the corroboration tables if missing and record their version."""
    exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = "
                          "'incident_state'").fetchone()
    if exists:
        return
    with _write(conn):
        for sql in TABLES:
            conn.execute(sql)
        conn.execute(
            "INSERT OR IGNORE INTO schema_version(version, description, applied_at) "
            "VALUES (?, ?, ?)", (SCHEMA_VERSION, SCHEMA_DESCRIPTION,
                                 datetime.now(timezone.utc).isoformat(timespec="seconds")))


def connect(db_path: str | Path) -> sqlite3.Connection:
    """A read-write connection to an existing store, with the tables ensured."""
    conn = sqlite3.connect(str(db_path), isolation_level=None, timeout=30.0)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 30000")
    ensure_schema(conn)
    return conn


# -- copies ------------------------------------------------------------------
def find_copy(conn: sqlite3.Connection, print_: Fingerprint,
              threshold: float = COPY_THRESHOLD, exclude: int | None = None) -> CopyMatch | None:
    """The stored story ``print_`` is a copy of, or None."""
    row = conn.execute("SELECT story FROM copies WHERE exact_hash = ? AND document_id IS NOT ? "
                       "ORDER BY document_id LIMIT 1", (print_.exact, exclude)).fetchone()
    if row is not None:
        return CopyMatch(story=row[0], how="exact", similarity=1.0)
    if print_.size < MIN_SHINGLES:
        return None
    bands = print_.bands
    rows = conn.execute(
        f"""SELECT DISTINCT c.story, c.signature FROM copy_bands b
            JOIN copies c ON c.document_id = b.document_id
            WHERE b.band IN ({', '.join('?' for _ in bands)}) AND b.document_id IS NOT ?
              AND c.how = 'first'""", (*bands, exclude)).fetchall()
    candidates = {r[0]: Fingerprint.signature_from_text(r[1]) for r in rows}
    return best_near_copy(print_.signature, candidates, threshold)


def on_store(conn: sqlite3.Connection, record: dict[str, Any], doc_row: int | None = None,
             body: str | None = None) -> CopyMatch:
    """Place a just-stored document in its story (call it inside or after the
    transaction of ``Store.store_record``).  ``body`` is the story text when
    the caller has it; otherwise the record's event sentences stand for it."""
    ensure_schema(conn)
    doc_id = (record.get("doc") or {}).get("id")
    if doc_row is None:
        found = conn.execute("SELECT id FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        if found is None:
            raise KeyError(f"document {doc_id!r} is not stored")
        doc_row = int(found[0])
    print_ = fingerprint(body if body is not None else story_text(record))
    with _write(conn):
        conn.execute("DELETE FROM copies WHERE document_id = ?", (doc_row,))
        conn.execute("DELETE FROM copy_bands WHERE document_id = ?", (doc_row,))
        match = find_copy(conn, print_, exclude=doc_row) or CopyMatch(str(doc_id), "first", 1.0)
        conn.execute(
            "INSERT INTO copies(document_id, story, how, similarity, exact_hash, shingles, "
            "signature) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (doc_row, match.story, match.how, match.similarity, print_.exact, print_.size,
             print_.to_text()))
        if match.how == "first" and print_.size >= MIN_SHINGLES:
            conn.executemany("INSERT INTO copy_bands(band, document_id) VALUES (?, ?)",
                             [(band, doc_row) for band in print_.bands])
    return match


def note_unplaced(conn: sqlite3.Connection) -> int:
    """Place every stored document that has no copies row yet (stores filled
    before this layer existed, or by a path that does not call ``on_store``)."""
    ensure_schema(conn)
    rows = conn.execute("SELECT d.id, d.doc_id FROM documents d LEFT JOIN copies c "
                        "ON c.document_id = d.id WHERE c.document_id IS NULL ORDER BY d.id")
    todo = [(int(r[0]), str(r[1])) for r in rows]
    for doc_row, doc_id in todo:
        sentences = [r[0] for r in conn.execute(
            "SELECT sentence FROM events WHERE document_id = ? ORDER BY position", (doc_row,))]
        title = conn.execute("SELECT title FROM documents WHERE id = ?", (doc_row,)).fetchone()
        record = {"doc": {"id": doc_id, "title": title[0] if title else None},
                  "events": [{"sentence": s} for s in sentences]}
        on_store(conn, record, doc_row)
    return len(todo)


def story_copies(conn: sqlite3.Connection, story: str) -> list[dict[str, Any]]:
    """Every stored copy of a story: outlet, url, dates, how it was matched."""
    rows = conn.execute(
        """SELECT d.doc_id, d.source AS outlet, COALESCE(d.url, d.origin_url) AS url, d.origin,
                  d.published, d.page_date, c.how, c.similarity
           FROM copies c JOIN documents d ON d.id = c.document_id
           WHERE c.story = ? ORDER BY d.id""", (story,))
    return [dict(r) for r in rows]


def story_of(conn: sqlite3.Connection, doc_id: str) -> str | None:
    row = conn.execute("SELECT c.story FROM copies c JOIN documents d ON d.id = c.document_id "
                       "WHERE d.doc_id = ?", (doc_id,)).fetchone()
    return None if row is None else str(row[0])


# -- incidents ---------------------------------------------------------------
def _day(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def load_reports(conn: sqlite3.Connection) -> list[Report]:
    """Every stored event as a Report, its story taken from ``copies``."""
    parties: dict[int, dict[str, list[Party]]] = {}
    for r in conn.execute("""SELECT ea.event_row, ea.role, a.country, a.sector, a.name
                             FROM event_actors ea JOIN actors a ON a.id = ea.actor_row
                             ORDER BY ea.event_row, ea.role, ea.position"""):
        parties.setdefault(r[0], {"source": [], "target": []})[r[1]].append(
            Party(r[2], r[3], r[4] or ""))
    reports = []
    for r in conn.execute(
            """SELECT e.id, e.event_id, e.type, e.cameo, e.when_start, e.when_end, e.status,
                      e.attribution, e.fatalities, e.sentence, d.doc_id, d.published, d.source,
                      COALESCE(c.story, d.doc_id) AS story, COALESCE(c.how, 'first') AS how, p.name AS place_name, p.feature,
                      p.country, p.lat, p.lon
               FROM events e JOIN documents d ON d.id = e.document_id
               LEFT JOIN copies c ON c.document_id = d.id
               LEFT JOIN places p ON p.id = e.place_row ORDER BY e.id"""):
        roles = parties.get(r["id"], {"source": [], "target": []})
        reports.append(Report(
            event_id=r["event_id"], story=r["story"], type=r["type"], cameo=r["cameo"],
            start=_day(r["when_start"]), end=_day(r["when_end"]), published=_day(r["published"]),
            sources=tuple(roles["source"]), targets=tuple(roles["target"]),
            lat=r["lat"], lon=r["lon"], country=r["country"], feature=r["feature"],
            place_name=r["place_name"], fatalities=r["fatalities"], status=r["status"],
            attribution=r["attribution"], outlet=r["source"], terms=sentence_terms(r["sentence"]),
            extra={"row": r["id"], "doc_id": r["doc_id"], "how": r["how"],
                   "sentence": r["sentence"]}))
    return reports


def _state(conn: sqlite3.Connection) -> str:
    events = conn.execute("SELECT COUNT(*), COALESCE(MAX(id), 0) FROM events").fetchone()
    copies = conn.execute("SELECT COUNT(*), COALESCE(SUM(document_id), 0) FROM copies").fetchone()
    return f"{events[0]}:{events[1]}:{copies[0]}:{copies[1]}"


def rebuild_incidents(conn: sqlite3.Connection) -> int:
    """Cluster every stored event into incidents (replacing the old ones)."""
    ensure_schema(conn)
    note_unplaced(conn)
    primary, copies = split_copies(load_reports(conn))
    groups = cluster(primary)
    with _write(conn):
        conn.execute("DELETE FROM incident_reports")
        conn.execute("DELETE FROM incidents")
        for members in groups:
            key = incident_key(members)
            repeats = [c for r in members for c in copies.get(r.event_id, ())]
            summary = summarize(members)
            summary["reports"] += len(repeats)
            summary["copies"] = len(repeats)
            conn.execute(
                """INSERT INTO incidents(incident_id, type, cameo, start, "end", place, country,
                       fatalities, reports, stories, independent_sources, unconfirmed_claim,
                       summary_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (key, summary["type"], summary["cameo"], summary["start"], summary["end"],
                 summary["place"], summary["country"], summary["fatalities"],
                 summary["reports"], summary["stories"], summary["independent_sources"],
                 int(summary["unconfirmed_claim"]), json.dumps(summary, ensure_ascii=False)))
            conn.executemany(
                "INSERT INTO incident_reports(event_row, incident_id, event_id, story) "
                "VALUES (?, ?, ?, ?)",
                [(r.extra["row"], key, r.event_id, r.story) for r in [*members, *repeats]])
        conn.execute("INSERT OR REPLACE INTO incident_state(key, value) VALUES ('built_from', ?)",
                     (_state(conn),))
    return len(groups)


def refresh_incidents(conn: sqlite3.Connection) -> bool:
    """Rebuild the incidents when the store changed since they were built."""
    ensure_schema(conn)
    note_unplaced(conn)
    row = conn.execute("SELECT value FROM incident_state WHERE key = 'built_from'").fetchone()
    if row is not None and row[0] == _state(conn):
        return False
    rebuild_incidents(conn)
    return True


def incident_ids(conn: sqlite3.Connection, event_ids: Sequence[str]) -> dict[str, str]:
    """{event id: incident id} for the given events that belong to an incident."""
    ensure_schema(conn)
    out: dict[str, str] = {}
    ids = list(event_ids)
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        out.update((r[0], r[1]) for r in conn.execute(
            f"SELECT event_id, incident_id FROM incident_reports "
            f"WHERE event_id IN ({', '.join('?' for _ in chunk)})", chunk))
    return out


def event_incidents(db_path: str | Path, event_ids: Sequence[str]) -> dict[str, str]:
    """{event id: incident id} for exporters holding a store path: opens the
    file, brings the incidents up to date and looks the events up.  An
    in-memory store (":memory:") cannot be reopened and gives {}."""
    if str(db_path) == ":memory:":
        return {}
    with closing(connect(db_path)) as conn:
        refresh_incidents(conn)
        return incident_ids(conn, event_ids)


INCIDENT_COLUMNS = ("incident_id", "incident_reports", "incident_sources", "incident_unconfirmed_claim")


def incident_facts(db_path: str | Path, event_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """{event id: its incident's id, number of reports, number of independent sources and
    whether it is a claim no independent report asserts}, incidents brought up to date."""
    if str(db_path) == ":memory:":
        return {}
    out: dict[str, dict[str, Any]] = {}
    with closing(connect(db_path)) as conn:
        refresh_incidents(conn)
        ids = list(event_ids)
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            for row in conn.execute(
                    "SELECT r.event_id, i.incident_id, i.reports, i.independent_sources, "
                    "i.unconfirmed_claim FROM incident_reports r JOIN incidents i "
                    f"ON i.incident_id = r.incident_id WHERE r.event_id IN ({', '.join('?' for _ in chunk)})",
                    chunk):
                out[row[0]] = dict(zip(INCIDENT_COLUMNS, (row[1], row[2], row[3], bool(row[4]))))
    return out


def with_incident_ids(db_path: str | Path, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The flat event rows of ``Store.events`` with the incident columns added (None for an
    event in no incident): incident_id and the incident's corroboration counts."""
    facts = incident_facts(db_path, [r["event_id"] for r in rows])
    empty = dict.fromkeys(INCIDENT_COLUMNS)
    return [{**row, **facts.get(row["event_id"], empty)} for row in rows]


def _incident_row(row: sqlite3.Row) -> dict[str, Any]:
    summary = json.loads(row["summary_json"])
    return {"incident_id": row["incident_id"], **summary}


def incidents(conn: sqlite3.Connection, *, actor: str | None = None, type: str | None = None,
              since: str | None = None, until: str | None = None, flagged: bool | None = None,
              limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
    """Incidents in date order (undated last), filtered by a party of any report
    (name, mention, code or country, as ``Store.events``), type, dates, flag."""
    clauses, params = [], []
    if actor:
        where = query.build_where(with_fts=False, actor=actor)
        clauses.append(f"""i.incident_id IN (SELECT r.incident_id FROM incident_reports r
                           JOIN events e ON e.id = r.event_row
                           WHERE {' AND '.join(where.clauses)})""")
        params.extend(where.params)
    if type:
        clauses.append("i.type = ?")
        params.append(type.upper())
    if since:
        clauses.append('COALESCE(i."end", i.start) >= ?')
        params.append(since)
    if until:
        clauses.append('COALESCE(i.start, i."end") <= ?')
        params.append(until)
    if flagged is not None:
        clauses.append("i.unconfirmed_claim = ?")
        params.append(int(flagged))
    sql = ("SELECT i.* FROM incidents i" + (" WHERE " + " AND ".join(clauses) if clauses else "")
           + ' ORDER BY i.start IS NULL, i.start, i."end", i.incident_id')
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params.extend([limit, offset])
    return [_incident_row(r) for r in conn.execute(sql, params)]


def incident(conn: sqlite3.Connection, incident_id: str) -> dict[str, Any]:
    """One incident with its reports, each with its document and the story's copies."""
    row = conn.execute("SELECT * FROM incidents WHERE incident_id = ?", (incident_id,)).fetchone()
    if row is None:
        raise KeyError(incident_id)
    out = _incident_row(row)
    reports = []
    for r in conn.execute(
            """SELECT r.event_id, r.story, d.doc_id, d.source AS outlet,
                      COALESCE(d.url, d.origin_url) AS url, d.published, e.type, e.cameo,
                      e.when_start AS start, e.when_end AS "end", e.sentence, e.attribution,
                      e.status, e.fatalities
               FROM incident_reports r JOIN events e ON e.id = r.event_row
               JOIN documents d ON d.id = e.document_id
               WHERE r.incident_id = ? ORDER BY e.id""", (incident_id,)):
        reports.append(dict(r))
    out["report_list"] = reports
    out["copies"] = {story: story_copies(conn, story)
                     for story in sorted({r["story"] for r in reports})}
    return out
