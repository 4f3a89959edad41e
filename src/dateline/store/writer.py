"""Writing one document's record (records.md shape) into the store's tables.

These functions run inside the transaction that ``Store.store_record`` opens;
they raise ``ValueError`` for a record that does not hang together (an event
naming an actor or place the record does not list, duplicate ids) so that the
whole document is rolled back.
"""
from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone
from typing import Any

DOC_KEYS = ("id", "title", "published", "page_date", "source", "language", "body_chars",
            "url", "byline", "subtitle", "modified", "keywords", "warnings")
ACTOR_KEYS = ("id", "name", "kind", "country", "sector", "mentions", "note")
PLACE_KEYS = ("id", "mention", "name", "geonameid", "feature", "country", "lat", "lon",
              "admin1", "admin1_code", "confidence")
EVENT_KEYS = ("id", "type", "mode", "cameo", "acled", "source", "target", "place", "when",
              "sentence", "span", "attribution", "status", "fatalities", "evidence")


def global_event_id(doc_id: str, local_id: str) -> str:
    """Event ids are unique across documents: ``<doc id>:<event id>``."""
    return f"{doc_id}:{local_id}"


def _extra(obj: dict[str, Any], known: tuple[str, ...]) -> str | None:
    """Fields a later version of records.md may add, kept verbatim as JSON."""
    rest = {k: v for k, v in obj.items() if k not in known}
    return json.dumps(rest, ensure_ascii=False) if rest else None


def _json_list(value: Any) -> str | None:
    return json.dumps(list(value), ensure_ascii=False) if value else None


def _pair(value: Any) -> tuple[int | None, int | None]:
    if isinstance(value, (list, tuple)) and len(value) == 2 and all(
            isinstance(x, int) and not isinstance(x, bool) for x in value):
        return int(value[0]), int(value[1])
    return None, None


def insert_document(conn: sqlite3.Connection, doc: dict[str, Any], *, content_hash: str,
                    origin: str, url: str | None) -> int:
    doc_id = doc.get("id")
    if not isinstance(doc_id, str) or not doc_id:
        raise ValueError("record has no doc.id")
    body_start, body_end = _pair(doc.get("body_chars"))
    cur = conn.execute(
        """INSERT INTO documents(doc_id, content_hash, origin, origin_url, title, subtitle,
               published, page_date, modified, source, byline, language, url, body_start,
               body_end, keywords_json, warnings_json, extra_json, stored_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (doc_id, content_hash, origin, url, doc.get("title"), doc.get("subtitle"),
         doc.get("published"), doc.get("page_date"), doc.get("modified"), doc.get("source"),
         doc.get("byline"), doc.get("language"), doc.get("url"), body_start, body_end,
         _json_list(doc.get("keywords")), _json_list(doc.get("warnings")),
         _extra(doc, DOC_KEYS), datetime.now(timezone.utc).isoformat(timespec="seconds")))
    return int(cur.lastrowid)


def insert_actors(conn: sqlite3.Connection, document_row: int,
                  actors: list[dict[str, Any]]) -> dict[str, int]:
    rows: dict[str, int] = {}
    for actor in actors:
        actor_id = str(actor["id"])
        if actor_id in rows:
            raise ValueError(f"actor id {actor_id!r} appears twice")
        cur = conn.execute(
            """INSERT INTO actors(document_id, actor_id, name, kind, country, sector, note,
                   extra_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
            (document_row, actor_id, actor.get("name") or "", actor.get("kind"),
             actor.get("country"), actor.get("sector"), actor.get("note"),
             _extra(actor, ACTOR_KEYS)))
        row = int(cur.lastrowid)
        rows[actor_id] = row
        conn.executemany(
            "INSERT INTO actor_mentions(actor_row, position, text) VALUES (?, ?, ?)",
            [(row, i, str(text)) for i, text in enumerate(actor.get("mentions") or [])])
    return rows


def insert_places(conn: sqlite3.Connection, document_row: int,
                  places: list[dict[str, Any]]) -> dict[str, int]:
    rows: dict[str, int] = {}
    for place in places:
        place_id = str(place["id"])
        if place_id in rows:
            raise ValueError(f"place id {place_id!r} appears twice")
        cur = conn.execute(
            """INSERT INTO places(document_id, place_id, mention, name, geonameid, feature,
                   country, lat, lon, admin1, admin1_code, confidence, extra_json)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (document_row, place_id, place.get("mention"), place.get("name"),
             place.get("geonameid"), place.get("feature"), place.get("country"),
             place.get("lat"), place.get("lon"), place.get("admin1"),
             place.get("admin1_code"), place.get("confidence"), _extra(place, PLACE_KEYS)))
        rows[place_id] = int(cur.lastrowid)
    return rows


def _roles(event: dict[str, Any], actor_rows: dict[str, int]) -> list[tuple[str, int, int]]:
    roles: list[tuple[str, int, int]] = []
    for role in ("source", "target"):
        for position, actor_id in enumerate(event.get(role) or []):
            if actor_id not in actor_rows:
                raise ValueError(
                    f"event {event.get('id')!r} names actor {actor_id!r} missing from actors")
            roles.append((role, position, actor_rows[actor_id]))
    return roles


def insert_events(conn: sqlite3.Connection, document_row: int, doc_id: str,
                  events: list[dict[str, Any]], actor_rows: dict[str, int],
                  place_rows: dict[str, int]) -> int:
    seen: set[str] = set()
    for position, event in enumerate(events):
        local_id = str(event["id"])
        if local_id in seen:
            raise ValueError(f"event id {local_id!r} appears twice")
        seen.add(local_id)
        if not event.get("type"):
            raise ValueError(f"event {local_id!r} has no type")
        place = event.get("place")
        if place is not None and place not in place_rows:
            raise ValueError(f"event {local_id!r} names place {place!r} missing from places")
        roles = _roles(event, actor_rows)
        when = event.get("when") or {}
        span_start, span_end = _pair(event.get("span"))
        cur = conn.execute(
            """INSERT INTO events(document_id, event_id, local_id, position, type, mode, cameo,
                   acled, place_row, when_start, when_end, when_text, sentence, span_start,
                   span_end, attribution, status, fatalities, extra_json)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (document_row, global_event_id(doc_id, local_id), local_id, position,
             event["type"], event.get("mode"), event.get("cameo"), event.get("acled"),
             place_rows.get(place) if place is not None else None,
             when.get("start"), when.get("end"), when.get("text"), event.get("sentence") or "",
             span_start, span_end, event.get("attribution"), event.get("status"),
             event.get("fatalities"), _extra(event, EVENT_KEYS)))
        event_row = int(cur.lastrowid)
        conn.executemany(
            "INSERT INTO event_actors(event_row, role, position, actor_row) VALUES (?, ?, ?, ?)",
            [(event_row, role, pos, actor_row) for role, pos, actor_row in roles])
        evidence = event.get("evidence") or {}
        conn.executemany(
            """INSERT INTO event_evidence(event_row, position, key, value_json, span_start,
                   span_end) VALUES (?, ?, ?, ?, ?, ?)""",
            [(event_row, i, str(key), json.dumps(value, ensure_ascii=False), *_pair(value))
             for i, (key, value) in enumerate(evidence.items())])
    return len(events)


def insert_record(conn: sqlite3.Connection, record: dict[str, Any], *, content_hash: str,
                  origin: str, url: str | None) -> int:
    """Insert every part of one record; returns the documents row id."""
    doc = record.get("doc") or {}
    document_row = insert_document(conn, doc, content_hash=content_hash, origin=origin, url=url)
    actor_rows = insert_actors(conn, document_row, list(record.get("actors") or []))
    place_rows = insert_places(conn, document_row, list(record.get("places") or []))
    insert_events(conn, document_row, doc["id"], list(record.get("events") or []),
                  actor_rows, place_rows)
    return document_row
