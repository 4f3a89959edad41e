"""The browser libraries: pinned in package.json/package-lock.json, copied by tools/build_ui.py."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from dateline.serve.app import VENDOR_FILES

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import build_ui  # noqa: E402  (a script in tools/, imported for its tables)


def test_versions_are_exact_and_locked() -> None:
    manifest = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    locked = build_ui.locked_versions()
    for name, version in manifest["dependencies"].items():
        assert re.fullmatch(r"\d+\.\d+\.\d+", version), f"{name} is not pinned: {version}"
        assert locked[name] == version


def test_build_copies_every_file_the_app_serves() -> None:
    copied = {destination for _, _, destination in build_ui.COPIES}
    for name in VENDOR_FILES:
        assert name in copied


def test_page_loads_only_local_files() -> None:
    page = (ROOT / "src/dateline/serve/static/index.html").read_text(encoding="utf-8")
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert sources and all(s.startswith("/static/") for s in sources)
    assert "<script>" not in page and " on" not in page.split("<body", 1)[1].split(">")[0]
    scripts = (ROOT / "src/dateline/serve/static/js").glob("*.js")
    for script in scripts:
        code = script.read_text(encoding="utf-8")
        assert "innerHTML" not in code and "insertAdjacentHTML" not in code, script.name
        without_namespace = code.replace("http://www.w3.org/2000/svg", "")
        assert "http://" not in without_namespace, script.name
        assert "https://" not in without_namespace, script.name
