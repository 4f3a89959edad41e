"""The plain formats: flat events CSV, records JSON lines, GeoJSON points."""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

from dateline.store.corroboration import INCIDENT_COLUMNS
from dateline.store.query import FLAT_COLUMNS


def write_csv(rows: list[dict[str, Any]], stream: TextIO) -> int:
    """One row per event with the columns of ``Store.events`` (RFC 4180 quoting)."""
    columns = [*FLAT_COLUMNS, *INCIDENT_COLUMNS]
    writer = csv.DictWriter(stream, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if row.get(k) is None else row[k] for k in columns})
    return len(rows)


def write_json_lines(records: Iterable[dict[str, Any]], stream: TextIO) -> int:
    """One record (spec/records.md shape) per line."""
    count = 0
    for record in records:
        stream.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
        count += 1
    return count


def geojson_features(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A Point feature for every event whose place has coordinates."""
    features = []
    for row in rows:
        if row.get("lat") is None or row.get("lon") is None:
            continue
        properties = {k: v for k, v in row.items() if k not in ("lat", "lon")}
        features.append({"type": "Feature", "id": row["event_id"],
                         "geometry": {"type": "Point",
                                      "coordinates": [float(row["lon"]), float(row["lat"])]},
                         "properties": properties})
    return features


def write_geojson(rows: list[dict[str, Any]], stream: TextIO) -> int:
    """A GeoJSON FeatureCollection (RFC 7946: [lon, lat], WGS84); returns features written."""
    features = geojson_features(rows)
    json.dump({"type": "FeatureCollection", "features": features}, stream, ensure_ascii=False)
    stream.write("\n")
    return len(features)
