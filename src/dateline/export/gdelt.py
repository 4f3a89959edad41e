"""GDELT-2.0-style events TSV: GDELT's 61 tab-separated columns, then the four
incident columns, no header row.

Column meanings and how dateline fills them: spec/ontology.md section 6.
Only events with a CAMEO code whose status is asserted or claimed are
written (GDELT records reported acts; intentions have their own 03x codes).
Columns 62-65 (``INCIDENT_COLUMNS``) are dateline's: the event's incident id,
the incident's reports and independent sources, and 1/0 for a claim that no
independent report asserts (all four empty for an event in no incident); a
reader that expects exactly GDELT's columns keeps the first 61.
"""
from __future__ import annotations

import hashlib
from datetime import date, datetime
from typing import Any, TextIO

from dateline.export import cameo, countries
from dateline.export.output import cell
from dateline.store.corroboration import INCIDENT_COLUMNS

ACTOR_FIELDS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
                "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
GEO_FIELDS = ("Geo_Type", "Geo_FullName", "Geo_CountryCode", "Geo_ADM1Code", "Geo_ADM2Code",
              "Geo_Lat", "Geo_Long", "Geo_FeatureID")
GDELT_COLUMNS = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{f}" for f in ACTOR_FIELDS), *(f"Actor2{f}" for f in ACTOR_FIELDS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1{f}" for f in GEO_FIELDS), *(f"Actor2{f}" for f in GEO_FIELDS),
    *(f"Action{f}" for f in GEO_FIELDS), "DATEADDED", "SOURCEURL")
EXPORT_COLUMNS = (*GDELT_COLUMNS, *INCIDENT_COLUMNS)     # GDELT's 61, then the incident's

EXPORTED_STATUSES = ("asserted", "claimed")
GEO_COUNTRY, GEO_US_STATE, GEO_US_CITY, GEO_WORLD_CITY, GEO_WORLD_ADM1 = 1, 2, 3, 4, 5


def global_event_id(doc_id: str, local_id: str) -> int:
    """A stable 63-bit integer from the document and event ids."""
    digest = hashlib.sha256(f"{doc_id}\x1f{local_id}".encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") >> 1


def fraction_date(day: date) -> str:
    """GDELT's YYYY.FFFF: year + (month * 30 + day) / 365."""
    return f"{day.year + (day.month * 30 + day.day) / 365:.4f}"


def actor_fields(actor: dict[str, Any] | None) -> list[Any]:
    """The ten Actor* columns for one party (blank when there is none)."""
    if actor is None:
        return [""] * len(ACTOR_FIELDS)
    country = actor.get("country") or ""
    sector = actor.get("sector") or ""
    return [f"{country}{sector}", (actor.get("name") or "").upper(), country, "", "", "", "",
            sector, "", ""]


def action_geo(row: dict[str, Any]) -> list[Any]:
    """The eight ActionGeo columns from the event place."""
    if not row.get("place_id"):
        return [""] * len(GEO_FIELDS)
    country = countries.by_iso2(row.get("place_country"))
    feature = row.get("place_feature") or ""
    in_us = row.get("place_country") == "US"
    if feature == "country":
        geo_type = GEO_COUNTRY
    elif feature == "admin1":
        geo_type = GEO_US_STATE if in_us else GEO_WORLD_ADM1
    else:
        geo_type = GEO_US_CITY if in_us else GEO_WORLD_CITY
    names = [row.get("place_name")]
    if feature != "country":
        if feature != "admin1":
            names.append(row.get("admin1"))
        names.append(country.name if country else None)
    full_name = ", ".join(dict.fromkeys(n for n in names if n))
    fips = country.fips if country else ""
    adm1 = fips + (row.get("admin1_code") or "") if feature != "country" and fips else fips
    return [geo_type, full_name, fips, adm1, "", row.get("lat"), row.get("lon"),
            row.get("geonameid")]


def _sides(parties: dict[str, list[dict[str, Any]]]) -> tuple[dict | None, dict | None]:
    source, target = parties["source"], parties["target"]
    first = source[0] if source else None
    if target:
        return first, target[0]
    return first, source[1] if len(source) > 1 else None


def incident_fields(row: dict[str, Any]) -> list[Any]:
    """The trailing incident columns; the unconfirmed-claim flag as 1/0 (as IsRootEvent)."""
    if not row.get("incident_id"):
        return [""] * len(INCIDENT_COLUMNS)
    flag = row.get("incident_unconfirmed_claim")
    return [row["incident_id"], row.get("incident_reports"), row.get("incident_sources"),
            "" if flag is None else int(bool(flag))]


def gdelt_row(row: dict[str, Any], parties: dict[str, list[dict[str, Any]]]) -> list[Any]:
    code = cameo.gdelt_code(row["cameo"])
    day_text = row.get("event_date")
    day = date.fromisoformat(day_text) if day_text else None
    actor1, actor2 = _sides(parties)
    stored = row.get("doc_stored_at")
    added = datetime.fromisoformat(stored).strftime("%Y%m%d%H%M%S") if stored else ""
    return [
        global_event_id(row["doc_id"], row["local_id"]),
        day.strftime("%Y%m%d") if day else "", day.strftime("%Y%m") if day else "",
        day.year if day else "", fraction_date(day) if day else "",
        *actor_fields(actor1), *actor_fields(actor2),
        1 if row.get("is_lead") else 0, code, code[:3], code[:2], cameo.quad_class(code),
        cameo.goldstein(code), 1, 1, 1, 0,
        *([""] * len(GEO_FIELDS)), *([""] * len(GEO_FIELDS)), *action_geo(row),
        added, row.get("doc_url") or row.get("doc_origin") or "",
        *incident_fields(row),
    ]


def exportable(row: dict[str, Any]) -> bool:
    return bool(row.get("cameo")) and row.get("status") in EXPORTED_STATUSES


def write_gdelt(rows: list[dict[str, Any]], parties: dict[str, dict[str, list]],
                stream: TextIO) -> int:
    """Write one tab-separated line per exportable event (GDELT's columns, then the
    incident columns); returns lines written."""
    count = 0
    for row in rows:
        if not exportable(row):
            continue
        values = gdelt_row(row, parties[row["event_id"]])
        stream.write("\t".join(cell(v) for v in values) + "\n")
        count += 1
    return count
