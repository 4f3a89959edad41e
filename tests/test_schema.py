"""The shipped JSON Schema of records.md: the gold validates, broken records do not."""
from __future__ import annotations

import copy
import json

import pytest

from dateline.schema import RecordError, validate_record


@pytest.fixture(scope="module")
def gold(shared_dir):
    return json.loads((shared_dir / "gold" / "seed.json").read_text())


def test_gold_record_validates_with_spans(gold, shared_dir):
    validate_record(gold, (shared_dir / "gold" / "seed.txt").read_text())


@pytest.mark.parametrize("breakage", [
    lambda r: r["events"][0].__setitem__("type", "FIGHT"),
    lambda r: r["events"][0].__setitem__("status", "rumoured"),
    lambda r: r["events"][0].__setitem__("source", ["a999"]),
    lambda r: r["events"][0].__setitem__("place", "p999"),
    lambda r: r["actors"][0].__setitem__("country", "Iran"),
    lambda r: r["places"][0].__setitem__("lat", 123.0),
    lambda r: r["doc"].pop("published"),
    lambda r: r["events"][0]["when"].__setitem__("start", "July 2015"),
])
def test_broken_records_are_rejected(gold, breakage):
    broken = copy.deepcopy(gold)
    breakage(broken)
    with pytest.raises(RecordError):
        validate_record(broken)


def test_span_must_hold_the_sentence(gold, shared_dir):
    broken = copy.deepcopy(gold)
    broken["events"][0]["span"] = [0, 10]
    with pytest.raises(RecordError):
        validate_record(broken, (shared_dir / "gold" / "seed.txt").read_text())
