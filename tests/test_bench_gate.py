"""Accuracy only ratchets up: the benchmark figures reached are floors here.

Fast benchmarks run in full on their test split; geoparsing, the slow one, on a
fixed sample (the first documents of each set's test split).  The data are read
from ../shared/datasets, never copied.  Raise a floor when a change improves a
figure; never lower one.
"""
from __future__ import annotations

import gzip
import importlib.util
import json
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"


def bench_module(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_extraction_test_split_floor(shared_dir):
    bench = bench_module("extraction")
    data = shared_dir / "datasets" / "extraction"
    gold = {row["id"]: row["body"] for row in map(json.loads, (data / "gold.jsonl").open(encoding="utf-8"))}
    ids = json.loads((data / "split.json").read_text())["test"]
    pages = {i: gzip.decompress((data / "pages" / f"{i}.html.gz").read_bytes()) for i in ids}
    preds, _ = bench.run_dateline(pages)
    figures = bench.score(gold, preds, ids)
    assert figures["f1"] >= 0.957 and figures["precision"] >= 0.957, figures


def test_time_test_split_floor(shared_dir, capsys):
    figures = bench_module("time").main(["--split", "test"])
    assert figures["relaxed_f1"] >= 0.952 and figures["value_f1"] >= 0.750, figures


CODING_FLOORS = {"petrarch2_gsr_validation": 0.499, "plover_gsr_cameo": 0.711, "petrarch_unittest": 0.081}


def test_coding_test_split_floor(shared_dir):
    bench = bench_module("coding")
    data = shared_dir / "datasets" / "coding"
    loaded = {name: bench.load_set(data, name, "test") for name in CODING_FLOORS}
    coded = bench.code_sentences([rec for recs in loaded.values() for rec in recs])
    for name, floor in CODING_FLOORS.items():
        figures = bench.score(loaded[name], coded, roots_only=name == "plover_gsr_cameo")
        assert figures["type"] >= floor, (name, figures)


GEO_SAMPLE = 40     # documents per set
# (gold-toponym acc@161km, end-to-end recognition F1 with overlap) on the sample
GEO_FLOORS = {"geowebnews": (0.838, 0.644), "lgl": (0.792, 0.641), "trnews": (0.831, 0.805)}


@pytest.mark.parametrize("name", sorted(GEO_FLOORS))
def test_geoparse_sample_floor(shared_dir, name):
    figures = bench_module("geoparse").evaluate(name, "test", GEO_SAMPLE)
    accuracy, recognition = GEO_FLOORS[name]
    assert figures["resolution_gold_toponyms"]["acc@161"] >= accuracy, figures
    assert figures["recognition_overlap"]["F1"] >= recognition, figures


def test_incident_clustering_floor(tmp_path):
    """B-cubed on one held-out seed of the generated syndication benchmark (bench/incidents.py)."""
    figures = bench_module("incidents").run_once(12, tmp_path)
    _, _, f1_act = figures["scores"]["act"]                 # the hand-annotated act truth
    _, _, f1_typed = figures["scores"]["incident+type"]
    _, _, f1_incident = figures["scores"]["incident"]
    assert f1_act >= 0.887, figures["scores"]
    assert f1_typed >= 0.919 and f1_incident >= 0.686, figures["scores"]
    assert figures["copies_found"] == figures["copies_true"] and figures["false_copy_pairs"] == 0
