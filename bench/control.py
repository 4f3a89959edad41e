"""Benchmark: ground for 100,000 events against 5,000 control polygons (goal: < 20 s).

Synthetic and seeded: 5,000 random quadrilaterals and circles over a 20 x 20
degree region, each valid for a random stretch of 2020-2024, and 100,000
random dated points.  Times building the STRtree index and the join (the
spatial and time step of ``compute_ground``).  With ``--store`` it also
writes the events into a temporary store (1,000 documents) and the areas as a
layer, then times the whole ``compute_ground`` stage: reading, deriving,
joining and writing one ground row per event.
Run: .venv/bin/python bench/control.py [--events N --areas N] [--store]
"""
from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from datetime import date
from pathlib import Path

import shapely

from dateline.control import build_index, compute_ground, import_layer, join_points
from dateline.store import Store
from dateline.store import control as control_store

START = date(2020, 1, 1).toordinal()
END = date(2024, 12, 31).toordinal()


def synthetic_areas(count: int, rng: random.Random) -> tuple[list, list, list]:
    geoms, starts, ends = [], [], []
    for _ in range(count):
        lon, lat = rng.uniform(0, 20), rng.uniform(0, 20)
        size = rng.uniform(0.05, 0.6)
        if rng.random() < 0.5:
            geoms.append(shapely.Point(lon, lat).buffer(size, quad_segs=8))
        else:
            geoms.append(shapely.Polygon([(lon, lat), (lon + size, lat + size / 3),
                                          (lon + size / 2, lat + size), (lon - size / 4,
                                                                         lat + size / 2)]))
        first = rng.randint(START, END)
        starts.append(None if rng.random() < 0.1 else date.fromordinal(first).isoformat())
        ends.append(None if rng.random() < 0.3 else
                    date.fromordinal(min(END, first + rng.randint(30, 900))).isoformat())
    return geoms, starts, ends


def synthetic_record(doc: int, points: list[tuple[float, float, int]]) -> dict:
    """One document whose events each strike a town at one of ``points``."""
    places = [{"id": f"p{i}", "mention": f"Town {doc}-{i}", "name": f"Town {doc}-{i}",
               "geonameid": None, "feature": "city", "country": "NG", "lat": lat, "lon": lon,
               "admin1": "Province", "admin1_code": "NG.01"}
              for i, (lon, lat, _day) in enumerate(points)]
    events = [{"id": f"e{i}", "type": "ASSAULT", "cameo": "195", "source": ["a1"],
               "target": [], "place": f"p{i}",
               "when": {"start": date.fromordinal(day).isoformat(),
                        "end": date.fromordinal(day).isoformat(), "text": None},
               "sentence": f"Jets struck town {doc}-{i}.", "attribution": "reporter",
               "status": "asserted", "fatalities": None}
              for i, (_lon, _lat, day) in enumerate(points)]
    return {"doc": {"id": f"d{doc}", "title": None, "published": None, "source": None,
                    "language": "en"},
            "actors": [{"id": "a1", "name": "Air force", "kind": "organization",
                        "country": "NGA", "sector": "MIL", "mentions": ["jets"]}],
            "places": places, "events": events}


def bench_store(geoms: list, starts: list, ends: list,
                points: list[tuple[float, float, int]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.db"
        t0 = time.perf_counter()
        per_doc = max(1, len(points) // 1000)
        with Store(db) as store:
            for doc, first in enumerate(range(0, len(points), per_doc)):
                store.store_record(synthetic_record(doc, points[first:first + per_doc]),
                                   content_hash=f"h{doc}", origin=f"d{doc}")
        layer = {"type": "FeatureCollection", "name": "bench", "source": "synthetic",
                 "features": [{"type": "Feature", "geometry": shapely.geometry.mapping(g),
                               "properties": {"controller": "ISWAP", "valid_from": s,
                                              "valid_to": e}}
                              for g, s, e in zip(geoms, starts, ends)]}
        (Path(folder) / "layer.geojson").write_text(json.dumps(layer))
        t1 = time.perf_counter()
        conn = control_store.connect(db)
        import_layer(conn, Path(folder) / "layer.geojson")
        t2 = time.perf_counter()
        counts = compute_ground(conn)
        t3 = time.perf_counter()
        conn.close()
    print(f"store: writing events {t1 - t0:.1f} s (not part of the stage)  import layer "
          f"{t2 - t1:.1f} s  compute_ground {t3 - t2:.1f} s  "
          f"({counts['events']} events, {counts['from_layers']} with ground)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--areas", type=int, default=5_000)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--store", action="store_true",
                        help="also time compute_ground on a temporary store")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    geoms, starts, ends = synthetic_areas(args.areas, rng)
    lons = [rng.uniform(0, 20) for _ in range(args.events)]
    lats = [rng.uniform(0, 20) for _ in range(args.events)]
    days = [rng.randint(START, END) for _ in range(args.events)]
    t0 = time.perf_counter()
    index = build_index(geoms, starts, ends)
    t1 = time.perf_counter()
    won = join_points(index, lons, lats, days)
    t2 = time.perf_counter()
    held = int((won >= 0).sum())
    print(f"areas {args.areas}  events {args.events}  with ground {held}")
    print(f"index {t1 - t0:.2f} s  join {t2 - t1:.2f} s  total {t2 - t0:.2f} s  "
          f"(goal < 20 s: {'met' if t2 - t0 < 20 else 'MISSED'})")
    if args.store:
        bench_store(geoms, starts, ends, list(zip(lons, lats, days)))


if __name__ == "__main__":
    main()
