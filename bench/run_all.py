#!/usr/bin/env python3
"""Run every benchmark in turn (`make bench`): each prints its own table beside the
published figures.  The data are read from ../shared/datasets, never copied."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHES = [
    ("article bodies (extraction)", ["extraction.py"]),
    ("toponyms (geoparsing)", ["geoparse.py"]),
    ("time expressions (TempEval-3)", ["time.py"]),
    ("event coding", ["coding.py"]),
    ("incidents across documents", ["incidents.py"]),
    ("control join", ["control.py"]),
    ("throughput", ["throughput.py"]),
]


def main() -> int:
    failed = []
    for title, args in BENCHES:
        script = HERE / args[0]
        if not script.exists():
            continue
        print(f"\n=== {title}: bench/{' '.join(args)}", flush=True)
        if subprocess.run([sys.executable, str(script), *args[1:]]).returncode:
            failed.append(args[0])
    if failed:
        print("failed: " + ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
