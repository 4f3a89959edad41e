"""Benchmark: ground for 100,000 events against 5,000 control polygons (goal: < 20 s).

Synthetic and seeded: 5,000 random quadrilaterals and circles over a 20 x 20
degree region, each valid for a random stretch of 2020-2024, and 100,000
random dated points.  Times building the STRtree index and the join (the
spatial and time step of ``compute_ground``; reading and writing the store is
not included).  Run: .venv/bin/python bench/control.py [--events N --areas N]
"""
from __future__ import annotations

import argparse
import random
import time
from datetime import date

import shapely

from dateline.control import build_index, join_points

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--areas", type=int, default=5_000)
    parser.add_argument("--seed", type=int, default=12)
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


if __name__ == "__main__":
    main()
