"""Reading a control layer: a GeoJSON FeatureCollection of areas and who holds them.

Each feature is a Polygon or MultiPolygon, or a Point with a ``radius_km``;
its properties name the ``controller`` and may give ``valid_from``,
``valid_to`` (ISO dates, either open), ``source``, ``name`` and
``confidence``.  ``read_layer`` checks every feature and returns either the
areas ready to store or, when anything is wrong, a ``LayerError`` listing
every problem with the feature it concerns: a file is taken whole or not at
all.  Problems that do not make a feature unusable (an unknown property, two
controllers claiming the same ground at the same time) are warnings.
"""
from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import shapely
import shapely.affinity
import shapely.errors
from shapely.geometry import Point, shape
from shapely.geometry.base import BaseGeometry
from shapely.validation import explain_validity

from dateline.control.controllers import Controller, resolve_controller

KNOWN_PROPERTIES = frozenset({"controller", "valid_from", "valid_to", "source", "name",
                              "radius_km", "confidence", "note"})
AREA_TYPES = ("Polygon", "MultiPolygon")
KM_PER_DEGREE = 111.32
CIRCLE_SEGMENTS = 32
DEFAULT_CONFIDENCE = 1.0


class LayerError(ValueError):
    """A control layer that cannot be imported; ``problems`` names each feature at fault."""

    def __init__(self, origin: str, problems: list[str]):
        self.origin = origin
        self.problems = problems
        lines = "\n".join(f"  {p}" for p in problems)
        super().__init__(f"{origin}: not imported, nothing stored:\n{lines}")


@dataclass
class Area:
    position: int
    label: str
    controller_text: str
    controller: Controller
    valid_from: date | None
    valid_to: date | None
    source: str | None
    confidence: float
    geometry: BaseGeometry
    properties: dict[str, Any]

    def row(self) -> dict[str, Any]:
        """The columns of ``control_areas`` (see dateline.store.control)."""
        west, south, east, north = self.geometry.bounds
        return {"position": self.position, "label": self.label,
                "controller": self.controller_text, "controller_name": self.controller.name,
                "controller_kind": self.controller.kind,
                "controller_country": self.controller.country,
                "controller_sector": self.controller.sector,
                "valid_from": _iso(self.valid_from), "valid_to": _iso(self.valid_to),
                "source": self.source, "confidence": self.confidence,
                "geometry_wkb": shapely.to_wkb(self.geometry), "min_lon": west,
                "min_lat": south, "max_lon": east, "max_lat": north,
                "properties_json": json.dumps(self.properties, ensure_ascii=False)}


@dataclass
class Layer:
    name: str
    origin: str
    content_hash: str
    source: str | None
    areas: list[Area]
    warnings: list[str] = field(default_factory=list)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def read_layer(path: str | Path) -> Layer:
    """Read and check one GeoJSON file; LayerError if any feature is unusable."""
    origin = str(path)
    data = Path(path).read_bytes()
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise LayerError(origin, [f"not a GeoJSON file: not JSON ({err})"]) from None
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection" or not isinstance(
            doc.get("features"), list):
        raise LayerError(origin, ["not a GeoJSON file: expected a FeatureCollection "
                                  "with a 'features' list"])
    name = str(doc.get("name") or Path(path).stem)
    layer_source = doc.get("source") if isinstance(doc.get("source"), str) else None
    problems: list[str] = []
    warnings: list[str] = []
    found: list[Area] = []
    for position, feature in enumerate(doc["features"], start=1):
        area = read_feature(feature, position, layer_source, problems, warnings)
        if area is not None:
            found.append(area)
    if not doc["features"]:
        problems.append("the FeatureCollection has no features")
    if problems:
        raise LayerError(origin, problems)
    warnings.extend(overlapping_claims(found))
    return Layer(name=name, origin=origin, content_hash=hashlib.sha256(data).hexdigest(),
                 source=layer_source, areas=found, warnings=warnings)


def feature_label(feature: Any, position: int) -> str:
    """How messages name a feature: its number, and its name or id when it has one."""
    label = f"feature {position}"
    if isinstance(feature, dict):
        props = feature.get("properties") if isinstance(feature.get("properties"), dict) else {}
        given = props.get("name") or feature.get("id")
        if given not in (None, ""):
            label += f" ({given!s})"
    return label


def read_feature(feature: Any, position: int, layer_source: str | None,
                 problems: list[str], warnings: list[str]) -> Area | None:
    """One checked Area, or None after adding the feature's problems to ``problems``."""
    label = feature_label(feature, position)
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        problems.append(f"{label}: not a GeoJSON Feature")
        return None
    props = feature.get("properties")
    if not isinstance(props, dict):
        props = {}
    own: list[str] = []
    for key in sorted(set(props) - KNOWN_PROPERTIES):
        warnings.append(f"{label}: unknown property {key!r} ignored")
    geometry = _geometry(feature.get("geometry"), props, own)
    controller_text = props.get("controller")
    controller: Controller | None = None
    if not isinstance(controller_text, str) or not controller_text.strip():
        own.append("missing controller")
    else:
        controller = resolve_controller(controller_text)
        if controller is None:
            own.append(f"controller {controller_text!r} is not an actor dateline can resolve "
                       "(give a known name or a code such as NGAMIL)")
    valid_from = _date(props.get("valid_from"), "valid_from", own)
    valid_to = _date(props.get("valid_to"), "valid_to", own)
    if valid_from and valid_to and valid_to < valid_from:
        own.append(f"valid_to {valid_to} is before valid_from {valid_from}")
    confidence = _confidence(props.get("confidence"), own)
    source = props.get("source") if isinstance(props.get("source"), str) else layer_source
    if source is None:
        warnings.append(f"{label}: no source given")
    if own:
        problems.extend(f"{label}: {p}" for p in own)
        return None
    assert geometry is not None and controller is not None and isinstance(controller_text, str)
    return Area(position=position, label=str(props.get("name") or label),
                controller_text=controller_text.strip(), controller=controller,
                valid_from=valid_from, valid_to=valid_to, source=source,
                confidence=confidence, geometry=geometry, properties=props)


def _geometry(raw: Any, props: dict[str, Any], problems: list[str]) -> BaseGeometry | None:
    if not isinstance(raw, dict) or "type" not in raw:
        problems.append("no geometry")
        return None
    kind = raw.get("type")
    if kind not in (*AREA_TYPES, "Point"):
        problems.append(f"geometry {kind!r} is not a Polygon, MultiPolygon or Point")
        return None
    try:
        geometry = shape(raw)
    except (ValueError, TypeError, AttributeError, IndexError, shapely.errors.ShapelyError) as err:
        problems.append(f"unreadable {kind} coordinates ({err})")
        return None
    if geometry.is_empty:
        problems.append(f"empty {kind}")
        return None
    west, south, east, north = geometry.bounds
    if west < -180 or east > 180 or south < -90 or north > 90:
        problems.append("coordinates outside longitude -180..180 / latitude -90..90 "
                        "(GeoJSON order is [lon, lat])")
        return None
    if kind == "Point":
        return _circle(geometry, props.get("radius_km"), problems)
    if not geometry.is_valid:
        problems.append(f"invalid {kind}: {explain_validity(geometry)} "
                        "(a ring must not cross itself)")
        return None
    return geometry


def _circle(point: BaseGeometry, radius: Any, problems: list[str]) -> BaseGeometry | None:
    """A Point with radius_km as a polygon (local equirectangular scaling of longitude)."""
    if isinstance(radius, bool) or not isinstance(radius, (int, float)) or not radius > 0:
        problems.append("a Point needs a positive radius_km")
        return None
    assert isinstance(point, Point)
    lat_degrees = float(radius) / KM_PER_DEGREE
    circle = point.buffer(lat_degrees, quad_segs=CIRCLE_SEGMENTS // 4)
    stretch = 1.0 / max(math.cos(math.radians(point.y)), 0.01)
    return shapely.affinity.scale(circle, xfact=stretch, yfact=1.0, origin=point)


def _date(value: Any, key: str, problems: list[str]) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        problems.append(f"{key} {value!r} is not an ISO date (YYYY-MM-DD)")
        return None


def _confidence(value: Any, problems: list[str]) -> float:
    if value is None:
        return DEFAULT_CONFIDENCE
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        problems.append(f"confidence {value!r} is not a number from 0 to 1")
        return DEFAULT_CONFIDENCE
    return float(value)


def _overlap_in_time(a: Area, b: Area) -> bool:
    return ((a.valid_to is None or b.valid_from is None or b.valid_from <= a.valid_to)
            and (b.valid_to is None or a.valid_from is None or a.valid_from <= b.valid_to))


def overlapping_claims(found: list[Area]) -> list[str]:
    """Warnings for two different controllers holding overlapping ground at the same time."""
    if len(found) < 2:
        return []
    tree = shapely.STRtree([a.geometry for a in found])
    left, right = tree.query([a.geometry for a in found], predicate="intersects")
    out: list[str] = []
    for i, j in zip(left.tolist(), right.tolist()):
        a, b = found[i], found[j]
        if i >= j or a.controller.code == b.controller.code and a.controller.name == b.controller.name:
            continue
        if not _overlap_in_time(a, b) or a.geometry.intersection(b.geometry).area <= 0:
            continue
        out.append(f"feature {a.position} ({a.label}) and feature {b.position} ({b.label}): "
                   f"{a.controller.name} and {b.controller.name} both hold overlapping ground "
                   "at the same time; the later valid_from wins where both apply")
    return out
