"""The dateline store: one SQLite file holding documents, their actors, places
and events, and the documents that failed.  See docs/schema.md."""
from __future__ import annotations

import json

import sqlite3
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timezone
from pathlib import Path
from types import TracebackType
from typing import Any

from dateline.store import corroboration, query, reader, schema, writer

STORED = "stored"
UNCHANGED = "unchanged"
REPLACED = "replaced"


class Store:
    """An open dateline database (created and migrated on first open).

    The connection runs in autocommit mode; every write is an explicit
    transaction, so one document is stored completely or not at all.
    """

    def __init__(self, path: str | Path):
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._conn = sqlite3.connect(self.path, isolation_level=None, timeout=30.0)
        self._conn.row_factory = sqlite3.Row
        self._conn.execute("PRAGMA foreign_keys = ON")
        self._conn.execute("PRAGMA busy_timeout = 30000")
        self._conn.execute("PRAGMA journal_mode = WAL")
        self._conn.create_function("dateline_km", 4, query.haversine_km, deterministic=True)
        self.schema_version = schema.migrate(self._conn)
        self.full_text = schema.has_fts(self._conn)

    # -- lifecycle -----------------------------------------------------------
    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    # -- writing -------------------------------------------------------------
    def has_document(self, content_hash: str) -> bool:
        row = self._conn.execute("SELECT 1 FROM documents WHERE content_hash = ?",
                                 (content_hash,)).fetchone()
        return row is not None

    def store_record(self, record: dict[str, Any], *, content_hash: str, origin: str,
                     url: str | None = None, text: str | None = None,
                     story: list[tuple[int, int]] | None = None) -> str:
        """Store one document's record in ONE transaction.

        Returns 'stored'; 'unchanged' when a document with this content hash is
        already stored (nothing written); 'replaced' when a document with the
        same doc id or origin but another hash was stored (its rows are
        deleted and the new record written, atomically).  A document from another origin
        whose id is already taken is stored under ``<id>~<hash prefix>``.  A malformed record
        raises ValueError and leaves the database as it was.
        """
        doc_id = (record.get("doc") or {}).get("id")
        if not isinstance(doc_id, str) or not doc_id:
            raise ValueError("record has no doc.id")
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            if self.has_document(content_hash):
                conn.execute("ROLLBACK")
                return UNCHANGED
            old = conn.execute("DELETE FROM documents WHERE origin = ?", (origin,)).rowcount
            taken = conn.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
            if taken:   # another input with the same name ("a.html" beside "a.txt") keeps its own
                doc_id = f"{doc_id}~{content_hash[:8]}"
                record = {**record, "doc": {**record["doc"], "id": doc_id}}
            conn.execute("DELETE FROM failures WHERE origin = ?", (origin,))
            try:
                document_row = writer.insert_record(conn, record, content_hash=content_hash,
                                                    origin=origin, url=url)
                body = "\n".join(text[a:b] for a, b in story or []) if text is not None else None
                corroboration.on_store(conn, record, document_row, body=body or None)
                if text is not None:
                    conn.execute(
                        "INSERT INTO article_text (document_id, text, story_json) "
                        "SELECT id, ?, ? FROM documents WHERE doc_id = ?",
                        (text, json.dumps([list(s) for s in (story or [])]), doc_id))
            except (sqlite3.IntegrityError, KeyError, TypeError) as err:
                raise ValueError(f"cannot store record {doc_id!r}: {err}") from err
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        return REPLACED if old else STORED

    def article_text(self, doc_id: str) -> tuple[str, list[tuple[int, int]]] | None:
        """The text a stored document's offsets point into, with its story spans (None if not kept)."""
        row = self._conn.execute(
            "SELECT t.text, t.story_json FROM article_text t JOIN documents d ON d.id = t.document_id "
            "WHERE d.doc_id = ?", (doc_id,)).fetchone()
        if row is None:
            return None
        return row[0], [(int(a), int(b)) for a, b in json.loads(row[1])]

    def record_failure(self, origin: str, stage: str, error: str) -> None:
        """Note that ``origin`` failed at ``stage``.  The same failure seen again
        (same origin, stage and error) only has its time updated; storing the
        origin successfully later clears its failures."""
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self._transaction() as conn:
            updated = conn.execute(
                "UPDATE failures SET recorded_at = ? WHERE origin = ? AND stage = ? AND error = ?",
                (now, origin, stage, error)).rowcount
            if not updated:
                conn.execute(
                    "INSERT INTO failures(origin, stage, error, recorded_at) VALUES (?, ?, ?, ?)",
                    (origin, stage, error, now))

    def _transaction(self) -> _Transaction:
        return _Transaction(self._conn)

    # -- reading -------------------------------------------------------------
    def events(self, *, type: str | Iterable[str] | None = None,
               mode: str | Iterable[str] | None = None,
               cameo_root: str | Iterable[str] | None = None, actor: str | None = None,
               country: str | None = None, since: date | str | None = None,
               until: date | str | None = None, status: str | Iterable[str] | None = None,
               attribution: str | None = None, text: str | None = None,
               bbox: Sequence[float] | None = None, near: Sequence[float] | None = None,
               limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """Events matching every given filter, as flat rows (docs/schema.md lists them).

        type/mode/status/cameo_root take one value or several; cameo_root is a
        code prefix ("19" matches 190-196 and 1951); actor matches a name or
        mention (substring, any case), a code (RUSMIL) or a country (RUS) on
        either side; country is the event place's country (ISO-2, ISO-3 or
        name); since/until keep events whose dates overlap the range; text is a
        full-text search of the sentence; bbox is (west, south, east, north)
        in degrees; near is (lat, lon, km).
        """
        where = query.build_where(
            with_fts=self.full_text, type=type, mode=mode, cameo_root=cameo_root, actor=actor,
            country=country, since=since, until=until, status=status,
            attribution=attribution, text=text, bbox=bbox, near=near)
        rows = query.select_events(self._conn, where, limit=limit, offset=offset)
        return query.flat_rows(self._conn, rows)

    def parties(self, event_ids: Sequence[str]) -> dict[str, dict[str, list[dict[str, Any]]]]:
        """{event id: {"source": [actor...], "target": [actor...]}} with kind/country/sector."""
        return query.parties(self._conn, list(event_ids))

    def record(self, doc_id: str) -> dict[str, Any]:
        """The stored document in records.md shape; KeyError if it is not stored."""
        return reader.read_record(self._conn, doc_id)

    def records(self, event_ids: Iterable[str] | None = None) -> list[dict[str, Any]]:
        """Every stored record, or only the documents of ``event_ids`` with just those events."""
        if event_ids is None:
            ids = [r[0] for r in self._conn.execute("SELECT doc_id FROM documents ORDER BY id")]
            return [reader.read_record(self._conn, doc_id) for doc_id in ids]
        by_doc: dict[str, set[int]] = {}
        for event_id in event_ids:
            row = self._conn.execute(
                """SELECT d.doc_id, e.id FROM events e JOIN documents d ON d.id = e.document_id
                   WHERE e.event_id = ?""", (event_id,)).fetchone()
            if row is not None:
                by_doc.setdefault(row[0], set()).add(row[1])
        return [reader.read_record(self._conn, doc_id, rows) for doc_id, rows in by_doc.items()]

    def documents(self) -> list[dict[str, Any]]:
        """One row per stored document: id, origin, hash, title, published, when stored."""
        rows = self._conn.execute(
            """SELECT doc_id, origin, content_hash, COALESCE(url, origin_url) AS url, title,
                      published, stored_at,
                      (SELECT COUNT(*) FROM events e WHERE e.document_id = d.id) AS events
               FROM documents d ORDER BY id""")
        return [dict(r) for r in rows]

    def counts(self) -> dict[str, Any]:
        """Totals: documents, events, actors, places, failures, and events by type/status."""
        one = self._conn.execute
        out: dict[str, Any] = {
            table: one(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("documents", "events", "actors", "places", "failures")}
        out["by_type"] = {r[0]: r[1] for r in one(
            "SELECT type, COUNT(*) FROM events GROUP BY type ORDER BY COUNT(*) DESC, type")}
        out["by_status"] = {r[0]: r[1] for r in one(
            "SELECT status, COUNT(*) FROM events GROUP BY status ORDER BY COUNT(*) DESC, status")}
        return out

    def failures(self) -> list[dict[str, Any]]:
        rows = self._conn.execute(
            "SELECT id, origin, stage, error, recorded_at FROM failures ORDER BY id")
        return [dict(r) for r in rows]


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK when the block raises."""

    def __init__(self, conn: sqlite3.Connection):
        self._conn = conn

    def __enter__(self) -> sqlite3.Connection:
        self._conn.execute("BEGIN IMMEDIATE")
        return self._conn

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._conn.execute("ROLLBACK" if exc_type is not None else "COMMIT")


def open(path: str | Path) -> Store:   # noqa: A001 - the documented name dateline.store.open
    """Open (creating and migrating if needed) the store at ``path``."""
    return Store(path)
