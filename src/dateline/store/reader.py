"""Reading one stored document back in the shape of spec/records.md.

Optional keys follow ``Record.to_dict``: absent when empty or null (doc url,
byline, subtitle, modified, keywords, warnings, body_chars; actor note; place
admin1/admin1_code and confidence; event mode, cameo, acled, evidence).
Fields the store does not know are kept in ``extra_json`` and restored as-is.
"""
from __future__ import annotations

import json
import sqlite3
from typing import Any


def _with_extra(out: dict[str, Any], extra_json: str | None) -> dict[str, Any]:
    if extra_json:
        out.update(json.loads(extra_json))
    return out


def _doc(row: sqlite3.Row) -> dict[str, Any]:
    doc: dict[str, Any] = {"id": row["doc_id"], "title": row["title"],
                           "published": row["published"], "page_date": row["page_date"],
                           "source": row["source"], "language": row["language"]}
    if row["body_start"] is not None and row["body_end"] is not None:
        doc["body_chars"] = [row["body_start"], row["body_end"]]
    for key in ("url", "byline", "subtitle", "modified"):
        if row[key]:
            doc[key] = row[key]
    for key in ("keywords", "warnings"):
        if row[f"{key}_json"]:
            doc[key] = json.loads(row[f"{key}_json"])
    return _with_extra(doc, row["extra_json"])


def _actors(conn: sqlite3.Connection, document_row: int) -> list[dict[str, Any]]:
    mentions: dict[int, list[str]] = {}
    for m in conn.execute(
            """SELECT m.actor_row, m.text FROM actor_mentions m JOIN actors a ON a.id = m.actor_row
               WHERE a.document_id = ? ORDER BY m.actor_row, m.position""", (document_row,)):
        mentions.setdefault(m["actor_row"], []).append(m["text"])
    out = []
    for row in conn.execute("SELECT * FROM actors WHERE document_id = ? ORDER BY id",
                            (document_row,)):
        actor: dict[str, Any] = {"id": row["actor_id"], "name": row["name"], "kind": row["kind"],
                                 "country": row["country"], "sector": row["sector"],
                                 "mentions": mentions.get(row["id"], [])}
        if row["note"]:
            actor["note"] = row["note"]
        out.append(_with_extra(actor, row["extra_json"]))
    return out


def _places(conn: sqlite3.Connection, document_row: int) -> list[dict[str, Any]]:
    out = []
    for row in conn.execute("SELECT * FROM places WHERE document_id = ? ORDER BY id",
                            (document_row,)):
        place: dict[str, Any] = {key: row[key] for key in (
            "mention", "name", "geonameid", "feature", "country", "lat", "lon")}
        place = {"id": row["place_id"], **place}
        if row["admin1"] is not None:
            place["admin1"] = row["admin1"]
            place["admin1_code"] = row["admin1_code"]
        if row["confidence"] is not None:
            place["confidence"] = row["confidence"]
        out.append(_with_extra(place, row["extra_json"]))
    return out


def event_dict(row: sqlite3.Row, roles: dict[str, list[str]],
               evidence: dict[str, Any]) -> dict[str, Any]:
    """One event in records.md shape from its events row joined with its place id."""
    event: dict[str, Any] = {"id": row["local_id"], "type": row["type"]}
    for key in ("mode", "cameo", "acled"):
        if row[key]:
            event[key] = row[key]
    span = ([row["span_start"], row["span_end"]]
            if row["span_start"] is not None and row["span_end"] is not None else None)
    event.update({
        "source": roles.get("source", []), "target": roles.get("target", []),
        "place": row["place_id"],
        "when": {"start": row["when_start"], "end": row["when_end"], "text": row["when_text"]},
        "sentence": row["sentence"], "span": span, "attribution": row["attribution"],
        "status": row["status"], "fatalities": row["fatalities"]})
    if evidence:
        event["evidence"] = evidence
    return _with_extra(event, row["extra_json"])


def events_of(conn: sqlite3.Connection, document_row: int,
              event_rows: set[int] | None = None) -> list[dict[str, Any]]:
    """The document's events (only those in ``event_rows`` when given), in stored order."""
    roles: dict[int, dict[str, list[str]]] = {}
    for r in conn.execute(
            """SELECT ea.event_row, ea.role, a.actor_id FROM event_actors ea
               JOIN events e ON e.id = ea.event_row JOIN actors a ON a.id = ea.actor_row
               WHERE e.document_id = ? ORDER BY ea.event_row, ea.role, ea.position""",
            (document_row,)):
        roles.setdefault(r["event_row"], {}).setdefault(r["role"], []).append(r["actor_id"])
    evidence: dict[int, dict[str, Any]] = {}
    for r in conn.execute(
            """SELECT v.event_row, v.key, v.value_json FROM event_evidence v
               JOIN events e ON e.id = v.event_row
               WHERE e.document_id = ? ORDER BY v.event_row, v.position""", (document_row,)):
        evidence.setdefault(r["event_row"], {})[r["key"]] = json.loads(r["value_json"])
    out = []
    for row in conn.execute(
            """SELECT e.*, p.place_id FROM events e LEFT JOIN places p ON p.id = e.place_row
               WHERE e.document_id = ? ORDER BY e.position""", (document_row,)):
        if event_rows is not None and row["id"] not in event_rows:
            continue
        out.append(event_dict(row, roles.get(row["id"], {}), evidence.get(row["id"], {})))
    return out


def read_record(conn: sqlite3.Connection, doc_id: str,
                event_rows: set[int] | None = None) -> dict[str, Any]:
    """The stored document ``doc_id`` in records.md shape; KeyError when absent."""
    row = conn.execute("SELECT * FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
    if row is None:
        raise KeyError(doc_id)
    return {"doc": _doc(row), "actors": _actors(conn, row["id"]),
            "places": _places(conn, row["id"]),
            "events": events_of(conn, row["id"], event_rows)}
