"""Copy the workbench's browser libraries from node_modules into the package.

Run `npm ci` first (package.json / package-lock.json pin the versions), then

    python tools/build_ui.py

which copies Leaflet (script, stylesheet, marker images), topojson-client and
world-atlas's 1:110m country outlines (Natural Earth) into
src/dateline/serve/static/vendor/, with their licences.  The installed
versions must be those of package-lock.json.
"""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODULES = ROOT / "node_modules"
VENDOR = ROOT / "src" / "dateline" / "serve" / "static" / "vendor"

# (package, file inside the package, destination inside vendor/)
COPIES = (
    ("leaflet", "dist/leaflet.js", "leaflet/leaflet.js"),
    ("leaflet", "dist/leaflet.css", "leaflet/leaflet.css"),
    ("leaflet", "dist/images", "leaflet/images"),
    ("leaflet", "LICENSE", "leaflet/LICENSE"),
    ("topojson-client", "dist/topojson-client.min.js", "topojson-client.min.js"),
    ("topojson-client", "LICENSE", "topojson-client.LICENSE"),
    ("world-atlas", "countries-110m.json", "countries-110m.json"),
    ("world-atlas", "LICENSE", "world-atlas.LICENSE"),
)


def locked_versions() -> dict[str, str]:
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    return {path.removeprefix("node_modules/"): info["version"]
            for path, info in lock["packages"].items() if path.startswith("node_modules/")}


def check_installed(packages: set[str]) -> list[str]:
    """Problems with node_modules: a package missing or not at its locked version."""
    locked = locked_versions()
    problems = []
    for name in sorted(packages):
        manifest = MODULES / name / "package.json"
        if not manifest.is_file():
            problems.append(f"{name} is not installed (run `npm ci`)")
            continue
        version = json.loads(manifest.read_text(encoding="utf-8"))["version"]
        if version != locked.get(name):
            problems.append(f"{name} {version} installed, package-lock.json has "
                            f"{locked.get(name)} (run `npm ci`)")
    return problems


def build() -> list[Path]:
    """Copy every file of COPIES; returns the destinations."""
    written = []
    for package, inside, destination in COPIES:
        source = MODULES / package / inside
        target = VENDOR / destination
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(source, target)
        else:
            shutil.copyfile(source, target)
        written.append(target)
    return written


def main() -> int:
    problems = check_installed({package for package, _, _ in COPIES})
    if problems:
        for problem in problems:
            sys.stderr.write(f"build_ui: {problem}\n")
        return 1
    for path in build():
        sys.stdout.write(f"{path.relative_to(ROOT)}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
