"""Shared fixtures: real files, real SQLite, the real spaCy model (loaded once per session)."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "gold" / "seed.txt").exists():
        pytest.fail(f"the shared folder with the gold seed is missing at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def code_text():
    """Run the whole pipeline over a page given as text; returns the record dict."""
    from dateline.pipeline import extract_text

    def run(text: str, doc_id: str = "t") -> dict:
        return extract_text(text, doc_id).to_dict()

    return run
