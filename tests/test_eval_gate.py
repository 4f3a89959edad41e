"""Accuracy only ratchets up: the best figures reached on the seed are floors here.

Raise a floor when a change improves a figure; never lower one.  The seed is
scored with the project-independent ../shared/tools/score.py, exactly as the
README's measuring commands do.
"""
from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest

# event F1 per level, and the other score.py figures (floors: the best reached so far)
SEED_FLOORS = {
    "found": 0.858,
    "typed": 0.843,
    "actors": 0.666,
    "full": 0.621,
    "places": 1.0,
    "event_time": 0.930,
    "event_place": 0.947,
}


@pytest.fixture(scope="module")
def seed_scores(shared_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("seed")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "dateline.cli", "extract",
                    str(shared_dir / "gold" / "seed.txt"), "--out", str(out), "--quiet"], check=True)
    elapsed = time.perf_counter() - started
    scored = subprocess.run([sys.executable, str(shared_dir / "tools" / "score.py"), str(out / "seed.json"),
                             str(shared_dir / "gold" / "seed.json"), "--json"],
                            check=True, capture_output=True, text=True)
    return json.loads(scored.stdout), elapsed, json.loads((out / "seed.json").read_text())


@pytest.mark.parametrize("level", sorted(SEED_FLOORS))
def test_seed_event_f1_floor(seed_scores, level):
    scores, _, _ = seed_scores
    assert scores[level]["f1"] >= SEED_FLOORS[level], f"{level} F1 {scores[level]['f1']:.3f}"


def test_seed_document_metadata(seed_scores):
    scores, _, record = seed_scores
    assert scores["published"]["f1"] == 1.0
    assert scores["counts"]["title_right"] == 1
    assert record["doc"]["page_date"] == "2022-10-05"
    assert record["doc"]["source"] == "Agencies"
