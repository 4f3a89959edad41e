"""ACLED-style CSV: one row per event that has an ACLED type, with ACLED's columns.

Follows spec/ontology.md section 4: column names and order of section 4.3,
actor types of 4.2 (``data/acled_inter.tsv``), and the export rules of
section 3 (claimed events carry the claimant in ``source`` and ``notes``;
denied, planned and hypothetical events are not exported).  After ACLED's 31
columns come the incident columns of the other exports (``INCIDENT_COLUMNS``:
the event's incident, its reports, its independent sources and whether it is a
claim no independent report asserts), so ACLED's own columns keep their order.
"""
from __future__ import annotations

import csv
import functools
import hashlib
from datetime import date, datetime
from typing import Any, TextIO

from dateline.export import countries
from dateline.export.output import cell
from dateline.resources import read_tsv
from dateline.store.corroboration import INCIDENT_COLUMNS

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp")
EXPORT_COLUMNS = (*ACLED_COLUMNS, *INCIDENT_COLUMNS)     # ACLED's, then the incident's

EXPORTED_STATUSES = ("asserted", "claimed")
STATE_FORCES, EXTERNAL_FORCES, RIOTERS, PROTESTERS, CIVILIANS = 1, 8, 5, 6, 7
RIOT_MODES = ("riot", "vandalize")
PROTEST_SEVERITY = ("Peaceful protest", "Protest with intervention",
                    "Excessive force against protesters")
GEO_PRECISION = {"city": 1, "other": 1, "water": 2, "admin2": 2, "admin1": 3, "region": 3,
                 "country": 3}


@functools.cache
def _inter_by_sector() -> dict[str, int]:
    return {row["sector"]: int(row["inter"]) for row in read_tsv("acled_inter.tsv")}


def split_acled(label: str) -> tuple[str, str]:
    """'Battles: Armed clash' -> ('Battles', 'Armed clash')."""
    event_type, _, sub_type = label.partition(": ")
    return event_type.strip(), sub_type.strip()


def disorder_type(event_type: str, sub_type: str) -> str:
    """ACLED's disorder type of a sub-event type (ontology.md 4.1)."""
    if event_type == "Strategic developments":
        return "Strategic developments"
    if event_type == "Protests":
        return ("Political violence; Demonstrations"
                if sub_type == "Excessive force against protesters" else "Demonstrations")
    if event_type == "Riots" and sub_type == "Violent demonstration":
        return "Demonstrations"
    return "Political violence"


def time_precision(start: str | None, end: str | None) -> int:
    """1 = a day, 2 = up to a week, 3 = longer or unknown (ontology.md 4.3)."""
    if not start or not end:
        return 3
    days = (date.fromisoformat(end) - date.fromisoformat(start)).days + 1
    return 1 if days <= 1 else 2 if days <= 7 else 3


def event_number(event_id: str) -> int:
    """A stable 12-digit number for an event id."""
    return int.from_bytes(hashlib.sha256(event_id.encode("utf-8")).digest()[:8], "big") % 10**12


def actor_inter(actor: dict[str, Any], row: dict[str, Any], role: str) -> int | None:
    """ACLED actor type of one party of this event."""
    if role == "source" and row["type"] == "PROTEST":
        return RIOTERS if row.get("mode") in RIOT_MODES else PROTESTERS
    inter = _inter_by_sector().get(actor.get("sector") or "")
    if inter == STATE_FORCES and actor.get("country") and row.get("place_country"):
        home = countries.by_iso3(actor["country"])
        if home is not None and home.iso2 != row["place_country"]:
            return EXTERNAL_FORCES            # state forces acting outside their country
    return inter


def actor_name(actor: dict[str, Any], inter: int | None, row: dict[str, Any]) -> str:
    """ACLED naming style for generic parties; named parties keep their name."""
    home = countries.by_iso3(actor.get("country")) or countries.by_iso2(row.get("place_country"))
    where = home.name if home else ""
    sector = actor.get("sector")
    if not where:
        return actor["name"]
    if inter == PROTESTERS:
        return f"Protesters ({where})"
    if inter == RIOTERS:
        return f"Rioters ({where})"
    if sector == "MIL":
        return f"Military Forces of {where}"
    if sector == "COP":
        return f"Police Forces of {where}"
    if sector == "CVL":
        return f"Civilians ({where})"
    return actor["name"]


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    if inter1 is None:
        return None
    if inter2 is None:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def _sides(parties: dict[str, list[dict[str, Any]]]) -> tuple[list, list]:
    """(side 1, side 2): source and target, or a joint event's first party against the rest."""
    source, target = parties["source"], parties["target"]
    if not target and len(source) > 1:
        return source[:1], source[1:2] + source[2:]
    return source, target


def acled_row(row: dict[str, Any], parties: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    event_type, sub_type = split_acled(row["acled"])
    side1, side2 = _sides(parties)
    inters1 = [actor_inter(a, row, "source") for a in side1]
    inters2 = [actor_inter(a, row, "target") for a in side2]
    inter1 = inters1[0] if inters1 else None
    inter2 = inters2[0] if inters2 else None
    names1 = [actor_name(a, i, row) for a, i in zip(side1, inters1)]
    names2 = [actor_name(a, i, row) for a, i in zip(side2, inters2)]
    country = countries.by_iso2(row.get("place_country"))
    day = row.get("event_date") or ""
    claimed = row.get("status") == "claimed"
    sources = [s for s in (row.get("doc_source"), row["attribution"] if claimed else None) if s]
    notes = row["sentence"] + (f" (claimed by {row['attribution']})" if claimed else "")
    civilian = (event_type in ("Violence against civilians", "Explosions/Remote violence")
                and CIVILIANS in inters2)
    stored = row.get("doc_stored_at")
    return {
        "event_id_cnty": f"{country.iso3 if country else 'XXX'}{event_number(row['event_id'])}",
        "event_date": day, "year": day[:4],
        "time_precision": time_precision(row.get("start"), row.get("end")),
        "disorder_type": disorder_type(event_type, sub_type),
        "event_type": event_type, "sub_event_type": sub_type,
        "actor1": names1[0] if names1 else "", "assoc_actor_1": "; ".join(names1[1:]),
        "inter1": inter1,
        "actor2": names2[0] if names2 else "", "assoc_actor_2": "; ".join(names2[1:]),
        "inter2": inter2 if names2 else 0,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if civilian else "",
        "iso": country.numeric if country else "", "region": "",
        "country": country.name if country else "", "admin1": row.get("admin1"),
        "admin2": "", "admin3": "", "location": row.get("place_name"),
        "latitude": row.get("lat"), "longitude": row.get("lon"),
        "geo_precision": GEO_PRECISION.get(row.get("place_feature") or "", 1)
        if row.get("place_id") else "",
        "source": "; ".join(sources), "source_scale": "", "notes": notes,
        "fatalities": row.get("fatalities") or 0, "tags": "",
        "timestamp": int(datetime.fromisoformat(stored).timestamp()) if stored else "",
        **{column: row.get(column) for column in INCIDENT_COLUMNS},
    }


def exportable(row: dict[str, Any]) -> bool:
    return bool(row.get("acled")) and row.get("status") in EXPORTED_STATUSES


Parties = dict[str, list[dict[str, Any]]]


def _merge_protest(group: list[tuple[dict[str, Any], Parties]]) -> tuple[dict[str, Any], Parties]:
    """One Protests row for a protest and the responses to it (worst response wins)."""
    base_row, base_parties = next(
        (item for item in group if item[0]["type"] == "PROTEST"), group[0])
    worst = max((split_acled(row["acled"])[1] for row, _ in group),
                key=lambda sub: PROTEST_SEVERITY.index(sub) if sub in PROTEST_SEVERITY else 0)
    protesters = {a["id"] for a in base_parties["source"]}
    responders: list[dict[str, Any]] = list(base_parties["target"])
    for row, parties in group:
        if row is base_row:
            continue
        for actor in parties["source"] + parties["target"]:
            if actor["id"] not in protesters and actor not in responders:
                responders.append(actor)
    stated = [row["fatalities"] for row, _ in group if row.get("fatalities") is not None]
    merged = dict(base_row)
    merged.update({
        "acled": f"Protests: {worst}",
        "sentence": " ".join(dict.fromkeys(row["sentence"] for row, _ in group)),
        "fatalities": max(stated) if stated else None,
        "status": "asserted" if any(r["status"] == "asserted" for r, _ in group)
        else base_row["status"]})
    return merged, {"source": list(base_parties["source"]), "target": responders}


def merge_protests(items: list[tuple[dict[str, Any], Parties]]
                   ) -> list[tuple[dict[str, Any], Parties]]:
    """ACLED keeps a protest and the police action against it as ONE Protests row:
    events labelled Protests in one document at the same place and date merge."""
    groups: dict[tuple[Any, ...], list[tuple[dict[str, Any], Parties]]] = {}
    order: list[tuple[Any, ...] | None] = []          # a group key, or None for a lone item
    lone: list[tuple[dict[str, Any], Parties]] = []
    for row, parties in items:
        if split_acled(row["acled"])[0] != "Protests":
            order.append(None)
            lone.append((row, parties))
            continue
        key = (row["doc_id"], row.get("place_id"), row.get("event_date"))
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append((row, parties))
    singles = iter(lone)
    return [next(singles) if key is None else _merge_protest(groups[key]) for key in order]


def write_acled(rows: list[dict[str, Any]], parties: dict[str, Parties],
                stream: TextIO) -> int:
    """Write the ACLED CSV (header + one line per exportable event, a protest and the
    responses to it merged, each with its incident columns); returns rows written."""
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(EXPORT_COLUMNS)
    items = [(row, parties[row["event_id"]]) for row in rows if exportable(row)]
    merged = merge_protests(items)
    for row, row_parties in merged:
        out = acled_row(row, row_parties)
        writer.writerow([cell(out[c]) for c in EXPORT_COLUMNS])
    return len(merged)
