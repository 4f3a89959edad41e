"""Who held the ground where and when each event happened.

``join_points`` is the spatial step: every event point is matched against
every control area at once through a shapely STRtree, and the areas valid on
the event's date are kept; where several are, the one whose validity starts
last wins (the newest word on the place), then the smaller area, then the
later import.  ``compute_ground`` runs the whole stage on a store: it derives
control intervals from capture and withdrawal events, joins the located,
dated events to the imported areas, falls back to the text intervals of the
same place where no area speaks, and stores one ground row per event.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Any

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from dateline.control.derive import derive_intervals, place_key
from dateline.store import control as control_store

OPEN_START = np.iinfo(np.int64).min
OPEN_END = np.iinfo(np.int64).max
# How far a place's point stands for where the event happened: a town's point is the
# town, an admin1 centroid only roughly says where in the province.  Countries, seas
# and direction regions ("northern Nigeria") are too coarse to have one controller.
PLACE_PRECISION = MappingProxyType({"city": 1.0, "other": 1.0, "admin2": 0.6, "admin1": 0.3})


@dataclass(frozen=True)
class AreaIndex:
    """Control areas ready for joining: geometries, validity as day ordinals, priority."""

    tree: shapely.STRtree
    starts: np.ndarray          # int64 ordinal of valid_from, OPEN_START when open
    ends: np.ndarray            # int64 ordinal of valid_to, OPEN_END when open
    sizes: np.ndarray           # area in square degrees (smaller wins a tie)


def day_ordinal(value: str | date | None, default: int) -> int:
    if value is None or value == "":
        return default
    day = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    return day.toordinal()


def build_index(geometries: Sequence[BaseGeometry], valid_from: Sequence[str | date | None],
                valid_to: Sequence[str | date | None]) -> AreaIndex:
    geoms = np.asarray(geometries, dtype=object)
    return AreaIndex(
        tree=shapely.STRtree(geoms),
        starts=np.array([day_ordinal(v, OPEN_START) for v in valid_from], dtype=np.int64),
        ends=np.array([day_ordinal(v, OPEN_END) for v in valid_to], dtype=np.int64),
        sizes=shapely.area(geoms).astype(float))


def join_points(index: AreaIndex, lons: Sequence[float], lats: Sequence[float],
                days: Sequence[int]) -> np.ndarray:
    """For each point (lon, lat, day ordinal) the index of the area holding it, or -1."""
    points = shapely.points(np.asarray(lons, dtype=float), np.asarray(lats, dtype=float))
    day = np.asarray(days, dtype=np.int64)
    hit_point, hit_area = index.tree.query(points, predicate="intersects")
    valid = (index.starts[hit_area] <= day[hit_point]) & (day[hit_point] <= index.ends[hit_area])
    hit_point, hit_area = hit_point[valid], hit_area[valid]
    winner = np.full(len(points), -1, dtype=np.int64)
    if len(hit_point) == 0:
        return winner
    # Sort so that, per point, the preferred area comes last: newest start, smallest, latest.
    order = np.lexsort((hit_area, -index.sizes[hit_area], index.starts[hit_area], hit_point))
    hit_point, hit_area = hit_point[order], hit_area[order]
    last = np.r_[hit_point[1:] != hit_point[:-1], True]
    winner[hit_point[last]] = hit_area[last]
    return winner


def _text_ground(event: dict[str, Any], day: int,
                 by_place: dict[str, list[dict[str, Any]]]) -> dict[str, Any] | None:
    best: dict[str, Any] | None = None
    for interval in by_place.get(place_key(event), []):
        if day_ordinal(interval["valid_from"], OPEN_START) <= day <= day_ordinal(
                interval["valid_to"], OPEN_END):
            if best is None or day_ordinal(interval["valid_from"], OPEN_START) >= day_ordinal(
                    best["valid_from"], OPEN_START):
                best = interval
    return best


def compute_ground(conn: sqlite3.Connection) -> dict[str, int]:
    """Derive text intervals, join every located, dated event and store its ground.

    Returns counts: intervals, events considered, ground from layers, from text.
    """
    events = control_store.located_events(conn)
    control_store.replace_intervals(conn, derive_intervals(events))
    stored_intervals = control_store.intervals(conn)
    by_place: dict[str, list[dict[str, Any]]] = {}
    for interval in stored_intervals:
        by_place.setdefault(interval["place_key"], []).append(interval)
    dated = [e for e in events if e.get("event_date")
             and e.get("place_feature") in PLACE_PRECISION]
    days = [day_ordinal(e["event_date"], 0) for e in dated]
    areas = control_store.areas(conn)
    winners = np.full(len(dated), -1, dtype=np.int64)
    if areas and dated:
        index = build_index([shapely.from_wkb(a["geometry_wkb"]) for a in areas],
                            [a["valid_from"] for a in areas], [a["valid_to"] for a in areas])
        winners = join_points(index, [e["lon"] for e in dated], [e["lat"] for e in dated], days)
    rows: list[dict[str, Any]] = []
    from_layers = from_text = 0
    for event, day, won in zip(dated, days, winners.tolist()):
        precision = PLACE_PRECISION[event["place_feature"]]
        if won >= 0:
            area = areas[won]
            from_layers += 1
            rows.append({"event_id": event["event_id"], "controller_name": area["controller_name"],
                         "controller_country": area["controller_country"],
                         "controller_sector": area["controller_sector"], "basis": "layer",
                         "area_id": area["id"], "interval_id": None, "evidence_event_id": None,
                         "confidence": round(area["confidence"] * precision, 3)})
            continue
        interval = _text_ground(event, day, by_place)
        if interval is None:
            continue
        from_text += 1
        rows.append({"event_id": event["event_id"],
                     "controller_name": interval["controller_name"],
                     "controller_country": interval["controller_country"],
                     "controller_sector": interval["controller_sector"], "basis": "text",
                     "area_id": None, "interval_id": interval["id"],
                     "evidence_event_id": interval["evidence_event_id"],
                     "confidence": round(interval["confidence"] * precision, 3)})
    control_store.replace_ground(conn, rows)
    return {"intervals": len(stored_intervals), "events": len(dated),
            "from_layers": from_layers, "from_text": from_text}
