"""Geoparsing benchmark: toponym recognition and resolution on GeoWebNews, LGL
and TR-News (shared/datasets/geoparsing), test split by default.

Recognition: the spans of ``resolve_places`` against the gold spans, micro
P/R/F1, strict (exact span) and overlap (>= 1 shared character), one-to-one.
Resolution of the GOLD toponyms: ``resolve_spans`` on the gold spans; error in
km to the gold coordinates (0 when the GeoNames id is the gold id), unresolved
= 20,039 km; accuracy@161 km, mean and median error, AUC (Gritta et al.).
Also times the index load in a fresh process and resolve_places on a
1,000-word article.

    python bench/geoparse.py [--split dev|test] [--sets geowebnews,lgl,trnews] [--limit N]
"""
from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from dateline.records import AnnotatedArticle, Article, ParsedBlock
from dateline.resources import nlp
from dateline.resolve.gazetteer import load_gazetteer
from dateline.resolve.place_ranking import km
from dateline.resolve.places import resolve_places, resolve_spans

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DATA = SHARED / "datasets" / "geoparsing"
MAX_KM = 20039.0
PUBLISHED = {  # from shared/datasets/geoparsing/README.md (gold toponyms)
    "geowebnews": "population baseline (test): acc@161 0.487, mean 8225, median 579, AUC 0.494; "
                  "Mordecai 3 (own GWN slice, N=1564): acc@161 0.957, mean 178",
    "lgl": "population baseline (test): acc@161 0.360, mean 7714, median 1536, AUC 0.573; "
           "Mordecai 3 (own LGL slice, N=967): acc@161 0.827, mean 304",
    "trnews": "population baseline (test): acc@161 0.477, mean 7156, median 833, AUC 0.492; "
              "Mordecai 3 (own TR slice, N=274): acc@161 0.873, mean 295",
}


def annotate(doc_id: str, text: str) -> AnnotatedArticle:
    blocks, pos = [], 0
    for para in text.split("\n"):
        if para.strip():
            blocks.append((pos, pos + len(para)))
        pos += len(para) + 1
    docs = nlp().pipe(text[s:e] for s, e in blocks)
    parsed = [ParsedBlock(s, d) for (s, _), d in zip(blocks, docs)]
    return AnnotatedArticle(Article(doc_id, text, blocks), parsed, [])


def auc(errors: list[float]) -> float:
    ys = sorted(math.log(e + 1) for e in errors)
    if len(ys) < 2:
        return float("nan")
    return sum((ys[i] + ys[i + 1]) / 2 for i in range(len(ys) - 1)) / (math.log(MAX_KM) * (len(ys) - 1))


def match_spans(pred: list[tuple[int, int]], gold: list[tuple[int, int]], strict: bool) -> int:
    used: set[int] = set()
    hits = 0
    for ps, pe in sorted(pred):
        for gi, (gs, ge) in enumerate(gold):
            if gi in used:
                continue
            if (ps, pe) == (gs, ge) if strict else (ps < ge and gs < pe):
                used.add(gi)
                hits += 1
                break
    return hits


def gold_error(place: Any, toponym: dict[str, Any]) -> float:
    if place is None or place.lat is None or place.lon is None:
        return MAX_KM
    if place.geonameid is not None and place.geonameid == toponym["geonameid"]:
        return 0.0
    return km(place.lat, place.lon, toponym["lat"], toponym["lon"])


def evaluate(name: str, split: str, limit: int | None) -> dict[str, Any]:
    ids = set(json.loads((DATA / name / "split.json").read_text())[split])
    docs = [json.loads(line) for line in (DATA / name / "docs.jsonl").open(encoding="utf-8")]
    docs = [d for d in docs if d["id"] in ids][:limit]
    counts = {"pred": 0, "gold": 0, "gold_literal": 0, "strict": 0, "overlap": 0, "literal_overlap": 0}
    errors: list[float] = []
    exact = 0
    resolve_seconds = 0.0
    for doc in docs:
        annotated = annotate(doc["id"], doc["text"])
        started = time.perf_counter()
        places = resolve_places(annotated)
        resolve_seconds += time.perf_counter() - started
        pred = sorted({span for p in places for span in p.spans})
        gold = [(t["start"], t["end"]) for t in doc["toponyms"]]
        counts["pred"] += len(pred)
        counts["gold"] += len(gold)
        counts["strict"] += match_spans(pred, gold, True)
        counts["overlap"] += match_spans(pred, gold, False)
        if name == "geowebnews":
            literal = [(t["start"], t["end"]) for t in doc["toponyms"]
                       if t.get("type") in {"Literal", "Literal_Modifier", "Embedded_Literal", "Mixed",
                                            "Coercion"}]
            counts["gold_literal"] += len(literal)
            counts["literal_overlap"] += match_spans(pred, literal, False)
        scored = [t for t in doc["toponyms"] if t["lat"] is not None
                  and (name != "geowebnews" or t["geonameid"] is not None)]
        resolved = resolve_spans(annotated, [(t["start"], t["end"]) for t in scored])
        for place, toponym in zip(resolved, scored):
            errors.append(gold_error(place, toponym))
            exact += bool(place is not None and place.geonameid == toponym["geonameid"])

    def prf(hits: int, pred: int, gold: int) -> dict[str, float]:
        p, r = hits / pred if pred else 0.0, hits / gold if gold else 0.0
        return {"P": round(p, 3), "R": round(r, 3), "F1": round(2 * p * r / (p + r) if p + r else 0.0, 3)}

    out = {"set": name, "split": split, "docs": len(docs),
           "recognition_strict": prf(counts["strict"], counts["pred"], counts["gold"]),
           "recognition_overlap": prf(counts["overlap"], counts["pred"], counts["gold"]),
           "resolution_gold_toponyms": {
               "N": len(errors), "acc@161": round(sum(e <= 161 for e in errors) / len(errors), 3),
               "mean_km": round(statistics.mean(errors), 1), "median_km": round(statistics.median(errors), 1),
               "auc": round(auc(errors), 3), "exact_id": round(exact / len(errors), 3)},
           "resolve_places_ms_per_doc": round(1000 * resolve_seconds / max(len(docs), 1), 2),
           "published": PUBLISHED[name]}
    if name == "geowebnews":
        out["recognition_overlap_literal_only_recall"] = round(
            counts["literal_overlap"] / max(counts["gold_literal"], 1), 3)
    return out


def time_index_load() -> float:
    """Seconds to import and open the (already built) index in a fresh process."""
    code = ("import time; t=time.perf_counter(); from dateline.resolve.gazetteer import load_gazetteer;"
            "g=load_gazetteer(); g.lookup('Aleppo'); print(time.perf_counter()-t)")
    return float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                check=True).stdout.strip())


def time_long_article() -> dict[str, float]:
    """resolve_places on a ~1,000-word article built from dev documents of GeoWebNews:
    its first call (names not yet looked up in this process) and repeats."""
    ids = set(json.loads((DATA / "geowebnews" / "split.json").read_text())["dev"])
    texts: list[str] = []
    for line in (DATA / "geowebnews" / "docs.jsonl").open(encoding="utf-8"):
        doc = json.loads(line)
        if doc["id"] in ids:
            texts.append(doc["text"])
        if sum(len(t.split()) for t in texts) >= 1000:
            break
    words = " ".join(texts).split()[:1000]
    annotated = annotate("long", " ".join(words))
    started, cpu = time.perf_counter(), time.process_time()
    resolve_places(annotated)
    first, first_cpu = time.perf_counter() - started, time.process_time() - cpu
    runs, cpus = [], []
    for _ in range(5):
        started, cpu = time.perf_counter(), time.process_time()
        places = resolve_places(annotated)
        runs.append(time.perf_counter() - started)
        cpus.append(time.process_time() - cpu)
    return {"words": len(words), "places": len(places),
            "ms_first_call": round(1000 * first, 1), "cpu_ms_first_call": round(1000 * first_cpu, 1),
            "ms_median_repeat": round(1000 * statistics.median(runs), 1),
            "cpu_ms_median_repeat": round(1000 * statistics.median(cpus), 1),
            "load_average_1min": round(os.getloadavg()[0], 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="test", choices=["dev", "test"])
    parser.add_argument("--sets", default="geowebnews,lgl,trnews")
    parser.add_argument("--limit", type=int, default=None, help="first N documents per set")
    args = parser.parse_args()
    load_gazetteer()
    print(json.dumps({"index_load_s": round(time_index_load(), 3)}))
    print(json.dumps({"resolve_1000_words": time_long_article()}))
    for name in args.sets.split(","):
        print(json.dumps(evaluate(name, args.split, args.limit)))


if __name__ == "__main__":
    main()
