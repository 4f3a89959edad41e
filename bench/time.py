"""Benchmark of dateline's time expressions on TempEval-3 (TIMEX3 recognition + normalisation).

    .venv/bin/python bench/time.py              # test split: TE3-Platinum (report this)
    .venv/bin/python bench/time.py --split dev  # TimeBank + AQUAINT (tune on this only)
    .venv/bin/python bench/time.py --errors 40  # also list value errors

The data stays in ../shared/datasets/time (evaluation only, never copied here).
Each document is split into paragraphs, parsed with the project's spaCy model,
and run through ``find_times`` exactly as the pipeline does, with the document
creation time as the publication date.  Scoring follows the TE3 scorer with the
character-level stand-in of the dataset's README: relaxed = any overlap,
strict = identical offsets (whitespace trimmed); value and type accuracy over
relaxed-matched gold timexes (each gold timex against the system timex that
overlaps it most); value/type F1 = accuracy x relaxed F1.  Also times the
resolution step (everything after parsing, caches warm, best of three passes)
per 1,000 words.
"""
from __future__ import annotations

import argparse
import json
import re
import time
from datetime import date
from pathlib import Path
from typing import Any

from dateline.records import AnnotatedArticle, Article, ParsedBlock, Sentence
from dateline.resolve.time_find import find_readings
from dateline.resources import nlp

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DATA = SHARED / "datasets" / "time"
SETS = {"test": ["te3_platinum"], "dev": ["timebank", "aquaint"]}
PUBLISHED = [  # TE3-Platinum Task A, from the dataset README (marked there as recalled, unverified)
    ("HeidelTime (t)", "81.34", "90.30", "77.61", "82.09"),
    ("SUTime", "~79.6", "~91.3", "~67.4", "~80.3"),
    ("ClearTK", "~82.7", "~90.2", "~64.7", "?"),
    ("NavyTime", "~78.7", "~90", "~71", "?"),
    ("spaCy + dateparser (README)", "78.2", "89.1", "43.1", "63.9"),
]


def load(split: str) -> list[dict[str, Any]]:
    wanted = set(json.loads((DATA / "split.json").read_text())[split])
    docs = []
    for name in SETS[split]:
        with (DATA / name / "docs.jsonl").open(encoding="utf-8") as fh:
            docs.extend(d for d in map(json.loads, fh) if d["id"] in wanted)
    return docs


def paragraphs(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in re.finditer(r"\S(?:.*?\S)?(?=\s*\n\s*\n|\s*$)", text, re.S):
        spans.append((match.start(), match.end()))
    return spans


def annotate(doc_id: str, text: str, published: date, model: Any) -> AnnotatedArticle:
    article = Article(doc_id, text, paragraphs(text), published=published)
    parsed = [ParsedBlock(start, d) for (start, _), d in
              zip(article.blocks, model.pipe(text[s:e] for s, e in article.blocks))]
    sentences: list[Sentence] = []
    for index, block in enumerate(parsed):
        for sent in block.doc.sents:
            if sent.text.strip():
                start = block.offset + sent.start_char
                sentences.append(Sentence(len(sentences), start, start + len(sent.text), sent.text, index))
    return AnnotatedArticle(article, parsed, sentences)


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def prf(hit_sys: int, n_sys: int, hit_gold: int, n_gold: int) -> tuple[float, float, float]:
    p = hit_sys / n_sys if n_sys else 0.0
    r = hit_gold / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _resolve_time(annotated_docs: list[AnnotatedArticle]) -> float:
    """Seconds to find and normalise the time expressions of all documents (parses given)."""
    began = time.perf_counter()
    for annotated in annotated_docs:
        find_readings(annotated)
    return time.perf_counter() - began


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=sorted(SETS), default="test")
    parser.add_argument("--errors", type=int, default=0, help="print this many value/extent errors")
    args = parser.parse_args(argv)
    model = nlp()
    docs = load(args.split)
    n_gold = n_sys = sys_rel = sys_str = gold_rel = gold_str = value_ok = type_ok = 0
    errors: list[str] = []
    words = 0
    annotated_docs: list[AnnotatedArticle] = []
    for doc in docs:
        text = doc["text"]
        annotated = annotate(doc["id"], text, date.fromisoformat(doc["dct"][:10]), model)
        words += len(text.split())
        annotated_docs.append(annotated)
        found = find_readings(annotated)
        system = []
        for mention, reading in found:
            s, e = trimmed(text, mention.start, mention.end)
            system.append({"start": s, "end": e, "type": reading.timex_type if reading else "DATE",
                           "value": reading.timex if reading else None})
        gold = []
        for g in doc["timexes"]:
            s, e = trimmed(text, g["start"], g["end"])
            gold.append(dict(g, start=s, end=e))
        n_gold += len(gold)
        n_sys += len(system)

        def overlap(a: dict[str, Any], b: dict[str, Any]) -> int:
            return min(a["end"], b["end"]) - max(a["start"], b["start"])

        for s in system:
            if any(overlap(s, g) > 0 for g in gold):
                sys_rel += 1
                sys_str += any((s["start"], s["end"]) == (g["start"], g["end"]) for g in gold)
            elif len(errors) < args.errors * 2:
                errors.append(f"FP   {doc['dct'][:10]} {text[s['start']:s['end']]!r} -> {s['value']}")
        for g in gold:
            candidates = [s for s in system if overlap(s, g) > 0]
            if not candidates:
                if len(errors) < args.errors * 2:
                    errors.append(f"MISS {doc['dct'][:10]} {g['text']!r} {g['type']} {g['value']}")
                continue
            best = max(candidates, key=lambda s: overlap(s, g))
            gold_rel += 1
            gold_str += any((s["start"], s["end"]) == (g["start"], g["end"]) for s in candidates)
            value_ok += best["value"] == g["value"]
            type_ok += best["type"] == g["type"]
            if best["value"] != g["value"] and len(errors) < args.errors * 2:
                errors.append(f"VAL  {doc['dct'][:10]} {g['text']!r} gold {g['type']} {g['value']}"
                              f" | sys {text[best['start']:best['end']]!r} {best['type']} {best['value']}")
    resolve_seconds = min(_resolve_time(annotated_docs) for _ in range(3))
    sp, sr, sf = prf(sys_str, n_sys, gold_str, n_gold)
    rp, rr, rf = prf(sys_rel, n_sys, gold_rel, n_gold)
    va = value_ok / gold_rel if gold_rel else 0.0
    ta = type_ok / gold_rel if gold_rel else 0.0
    print(f"split={args.split} docs={len(docs)} gold={n_gold} system={n_sys}")
    print(f"strict  P={sp:.4f} R={sr:.4f} F1={sf:.4f}")
    print(f"relaxed P={rp:.4f} R={rr:.4f} F1={rf:.4f}")
    print(f"value accuracy={va:.4f} ({value_ok}/{gold_rel})  value F1={va * rf:.4f}")
    print(f"type  accuracy={ta:.4f} ({type_ok}/{gold_rel})  type F1={ta * rf:.4f}")
    print(f"resolve time (after parsing, warm, best of 3): {1000 * resolve_seconds:.1f} ms for {words} words"
          f" = {1000 * resolve_seconds / words * 1000:.2f} ms per 1,000 words")
    print("\n| system | strict F1 | relaxed F1 | value F1 | type F1 |\n|---|---|---|---|---|")
    print(f"| dateline ({args.split}) | {100 * sf:.1f} | {100 * rf:.1f} | {100 * va * rf:.1f} | {100 * ta * rf:.1f} |")
    for row in PUBLISHED:
        print("| " + " | ".join(row) + " |")
    for line in errors:
        print(line)
    return {"strict_f1": sf, "relaxed_f1": rf, "value_f1": va * rf, "type_f1": ta * rf}


if __name__ == "__main__":
    main()
