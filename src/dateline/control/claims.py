"""The claims report: what a party says it strikes, next to where its strikes landed.

For one actor, the report sets the targets of its ``claimed`` attacks (the
party, or anyone speaking for it, describing its own strikes) beside its
``asserted`` attacks (reported by the press or third parties), and groups
both by first-level administrative area and by who held the ground there
(``dateline.control.ground``).  Every count carries the events behind it,
with their sentences, so each figure can be checked by reading.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from typing import Any

from dateline.control.ground import compute_ground
from dateline.store import Store
from dateline.store import control as control_store

ATTACK_TYPE = "ASSAULT"
SIDES = ("claimed", "asserted")
UNKNOWN_GROUND = "unknown"
UNKNOWN_ADMIN1 = "unknown"
UNSTATED_TARGET = "(no target stated)"

SOURCE_MATCH = """
SELECT e.event_id FROM events e
JOIN event_actors ea ON ea.event_row = e.id AND ea.role = 'source'
JOIN actors a ON a.id = ea.actor_row
WHERE e.event_id IN ({ids}) AND (
    a.name LIKE ? ESCAPE '\\'
    OR COALESCE(a.country, '---') || COALESCE(a.sector, '') = ?
    OR a.country = ?
    OR EXISTS (SELECT 1 FROM actor_mentions m WHERE m.actor_row = a.id
               AND m.text LIKE ? ESCAPE '\\'))"""


def _like(text: str) -> str:
    escaped = text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def acting_events(conn: sqlite3.Connection, rows: list[dict[str, Any]], actor: str) -> set[str]:
    """Ids of ``rows`` whose source is the actor (name, mention, code or country)."""
    found: set[str] = set()
    ids = [r["event_id"] for r in rows]
    for i in range(0, len(ids), 500):
        part = ids[i:i + 500]
        sql = SOURCE_MATCH.format(ids=", ".join("?" for _ in part))
        code = actor.strip().upper()
        found.update(r[0] for r in conn.execute(sql, [*part, _like(actor), code, code,
                                                      _like(actor)]))
    return found


def speaks_for(row: dict[str, Any], actor: str) -> bool:
    """A claim whose attribution names the actor ("a spokesman for the army")."""
    return row["status"] == "claimed" and actor.strip().lower() in str(
        row.get("attribution") or "").lower()


def same_party(target: dict[str, Any], ground: dict[str, Any] | None) -> bool:
    """A claimed target and a ground controller are one party: same name, or the
    same country-specific code (a code without a country is too broad to tell)."""
    if not ground or not ground.get("controller_name"):
        return False
    if str(target["name"]).casefold() == str(ground["controller_name"]).casefold():
        return True
    return bool(target.get("country")) and (
        target.get("country") == ground.get("controller_country")
        and target.get("sector") == ground.get("controller_sector"))


def _event_ref(row: dict[str, Any], ground: dict[str, Any] | None,
               targets: list[dict[str, Any]]) -> dict[str, Any]:
    return {"event_id": row["event_id"], "doc_id": row["doc_id"], "date": row["event_date"],
            "status": row["status"], "attribution": row["attribution"],
            "place": row["place_name"], "admin1": row["admin1"],
            "admin1_code": row["admin1_code"], "country": row["place_country"],
            "lat": row["lat"], "lon": row["lon"],
            "targets": [t["name"] for t in targets],
            "ground": ground_summary(ground), "sentence": row["sentence"]}


def ground_summary(ground: dict[str, Any] | None) -> dict[str, Any] | None:
    """The ``ground`` object of an event: controller, basis, layer or evidence, confidence."""
    if ground is None:
        return None
    return {"controller": ground.get("controller_name"),
            "code": (None if ground.get("controller_name") is None else
                     f"{ground.get('controller_country') or '---'}"
                     f"{ground.get('controller_sector') or ''}"),
            "basis": ground["basis"], "layer": ground.get("layer_name"),
            "area": ground.get("area_label"), "evidence_event": ground.get("evidence_event_id"),
            "confidence": ground["confidence"]}


def _ground_label(ref: dict[str, Any]) -> str:
    ground = ref["ground"]
    return (ground or {}).get("controller") or UNKNOWN_GROUND


def _admin1_label(ref: dict[str, Any]) -> str:
    if ref["admin1"]:
        return f"{ref['admin1']} ({ref['admin1_code']})" if ref["admin1_code"] else ref["admin1"]
    return UNKNOWN_ADMIN1


def group(refs: list[dict[str, Any]], keys: Callable[[dict[str, Any]], Iterable[str]]
          ) -> list[dict[str, Any]]:
    """Groups of event refs under each key, with count, share of all refs, and the events."""
    buckets: dict[str, list[dict[str, Any]]] = {}
    for ref in refs:
        for key in dict.fromkeys(keys(ref)):
            buckets.setdefault(key, []).append(ref)
    total = len(refs)
    out = [{"key": key, "count": len(items), "share": round(len(items) / total, 3),
            "events": [r["event_id"] for r in items]} for key, items in buckets.items()]
    return sorted(out, key=lambda g: (-g["count"], g["key"]))


def _side(refs: list[dict[str, Any]]) -> dict[str, Any]:
    return {"total": len(refs),
            "by_target": group(refs, lambda r: r["targets"] or [UNSTATED_TARGET]),
            "by_admin1": group(refs, lambda r: [_admin1_label(r)]),
            "by_ground": group(refs, lambda r: [_ground_label(r)]),
            "by_admin1_and_ground": group(
                refs, lambda r: [f"{_admin1_label(r)} | {_ground_label(r)}"])}


def claims_report(db_path: str, actor: str, *, since: str | None = None,
                  until: str | None = None, refresh: bool | None = None) -> dict[str, Any]:
    """The claims report for ``actor`` over the store at ``db_path`` (see module doc).

    The ground of every event is recomputed first when ``refresh`` is True, or,
    by default (None), when documents or layers changed since it was computed.
    """
    with Store(db_path) as store:
        candidates = store.events(type=ATTACK_TYPE, status=list(SIDES), since=since,
                                  until=until)
        parties = store.parties([r["event_id"] for r in candidates])
    conn = control_store.connect(db_path)
    try:
        if refresh or (refresh is None and not control_store.ground_is_current(conn)):
            compute_ground(conn)
        acting = acting_events(conn, candidates, actor)
        chosen = [r for r in candidates if r["event_id"] in acting or speaks_for(r, actor)]
        grounds = control_store.ground(conn, [r["event_id"] for r in chosen])
    finally:
        conn.close()
    refs: dict[str, list[dict[str, Any]]] = {side: [] for side in SIDES}
    events: dict[str, dict[str, Any]] = {}
    for row in chosen:
        targets = parties[row["event_id"]]["target"]
        ref = _event_ref(row, grounds.get(row["event_id"]), targets)
        events[row["event_id"]] = ref
        refs[row["status"]].append(ref)
    return {"actor": actor, "since": since, "until": until,
            "claimed": _side(refs["claimed"]), "asserted": _side(refs["asserted"]),
            "claimed_targets_vs_ground": _targets_vs_ground(chosen, parties, grounds,
                                                            refs["asserted"]),
            "events": events}


def _targets_vs_ground(chosen: list[dict[str, Any]], parties: dict[str, Any],
                       grounds: dict[str, dict[str, Any]],
                       asserted: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """For each party the actor says it targets: how many asserted attacks fell on its ground."""
    claimed_targets: dict[str, dict[str, Any]] = {}
    for row in chosen:
        if row["status"] == "claimed":
            for target in parties[row["event_id"]]["target"]:
                claimed_targets.setdefault(str(target["name"]), target)
    out = []
    for name, target in claimed_targets.items():
        hits = [r["event_id"] for r in asserted if same_party(target, grounds.get(r["event_id"]))]
        out.append({"target": name, "code": target["code"], "asserted_attacks": len(asserted),
                    "on_its_ground": len(hits),
                    "share": round(len(hits) / len(asserted), 3) if asserted else None,
                    "events": hits})
    return out


def event_ground(db_path: str, event_ids: list[str]) -> dict[str, dict[str, Any] | None]:
    """The ``ground`` object of each event (None where no controller is known).

    Recomputes the ground first when documents or layers changed since it was
    last computed.
    """
    conn = control_store.connect(db_path)
    try:
        if not control_store.ground_is_current(conn):
            compute_ground(conn)
        rows = control_store.ground(conn, event_ids)
    finally:
        conn.close()
    return {event_id: ground_summary(rows.get(event_id)) for event_id in event_ids}
