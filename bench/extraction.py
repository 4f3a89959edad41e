#!/usr/bin/env python3
"""Body extraction: dateline's clean stage against trafilatura on the Zyte benchmark.

Data, split and metric as in ``shared/datasets/extraction/README.md``: 4-token
shingles of ``\\w+`` tokens, per-page precision and recall, macro means, F1
from the means.  Both systems read the same pages in one run; dateline's body
is the text of its blocks, one paragraph a line.  Speed is pages per second
over the same pages, the fastest of a few alternating rounds (dateline also
decodes the bytes and reads the page's metadata).

    python bench/extraction.py                 # the test split (tune on dev only)
    python bench/extraction.py --split dev
    python bench/extraction.py --data DIR --save preds.jsonl
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

WORD = re.compile(r"\w+")
DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "extraction"


def shingles(text: str | None, n: int = 4) -> Counter:
    toks = WORD.findall(text or "")
    if not toks:
        return Counter()
    if len(toks) < n:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i:i + n]) for i in range(len(toks) - n + 1))


def page_scores(gold: str, pred: str | None) -> tuple[float | None, float | None, bool]:
    g, p = shingles(gold), shingles(pred)
    tp, fp, fn = sum((g & p).values()), sum((p - g).values()), sum((g - p).values())
    prec = None if tp + fp == 0 else (1.0 if fp == fn == 0 else tp / (tp + fp))
    rec = None if tp + fn == 0 else (1.0 if fp == fn == 0 else tp / (tp + fn))
    return prec, rec, WORD.findall(gold or "") == WORD.findall(pred or "")


def score(gold: dict[str, str], preds: dict[str, str | None], ids: list[str]) -> dict[str, float]:
    rows = [page_scores(gold[i], preds.get(i)) for i in ids]
    ps = [r[0] for r in rows if r[0] is not None]
    rs = [r[1] for r in rows if r[1] is not None]
    p, r = sum(ps) / len(ps), sum(rs) / len(rs)
    return {"n": len(ids), "precision": p, "recall": r, "f1": 2 * p * r / (p + r),
            "accuracy": sum(x[2] for x in rows) / len(rows)}


def run_trafilatura(pages: dict[str, bytes]) -> tuple[dict[str, str | None], float]:
    import trafilatura

    texts = {i: data.decode("utf-8") for i, data in pages.items()}
    start = time.perf_counter()
    out = {i: trafilatura.extract(html, include_comments=False) for i, html in texts.items()}
    return out, time.perf_counter() - start


def run_dateline(pages: dict[str, bytes]) -> tuple[dict[str, str | None], float]:
    from dateline.clean import read_document
    from dateline.records import RawDocument

    start = time.perf_counter()
    out = {i: read_document(RawDocument(id=i, data=data, origin=i, kind="html")).story_text
           for i, data in pages.items()}
    return out, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--split", choices=["test", "dev", "full"], default="test")
    ap.add_argument("--save", type=Path, help="write dateline's {id, body} lines here")
    ap.add_argument("--rounds", type=int, default=3, help="timing rounds; each system's fastest counts")
    a = ap.parse_args(argv)
    if not (a.data / "gold.jsonl").exists():
        print(f"no benchmark data under {a.data}", file=sys.stderr)
        return 2
    gold = {}
    with open(a.data / "gold.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            gold[row["id"]] = row["body"]
    split = json.loads((a.data / "split.json").read_text())
    ids = sorted(gold) if a.split == "full" else split[a.split]
    pages = {i: gzip.decompress((a.data / "pages" / f"{i}.html.gz").read_bytes()) for i in ids}

    import trafilatura

    runners = {f"trafilatura {trafilatura.__version__} (include_comments=False)": run_trafilatura,
               "dateline clean": run_dateline}
    for runner in runners.values():
        runner(dict(list(pages.items())[:3]))          # warm up imports and caches
    best: dict[str, float] = {}
    outputs: dict[str, dict[str, str | None]] = {}
    for _ in range(a.rounds):                          # alternate the systems; keep each one's fastest round
        for name, runner in runners.items():
            outputs[name], seconds = runner(pages)
            best[name] = min(best.get(name, seconds), seconds)
    systems = {name: (score(gold, outputs[name], ids), len(ids) / best[name], outputs[name]) for name in runners}

    print(f"split={a.split}  pages={len(ids)}")
    print(f"{'system':<44} {'P':>7} {'R':>7} {'F1':>7} {'acc':>6} {'pages/s':>8}")
    for name, (m, speed, _) in systems.items():
        print(f"{name:<44} {m['precision']:7.4f} {m['recall']:7.4f} {m['f1']:7.4f} {m['accuracy']:6.3f} {speed:8.1f}")
    (tm, tspeed, _), (dm, dspeed, dpreds) = systems.values()
    print(f"dateline - trafilatura: F1 {dm['f1'] - tm['f1']:+.4f}, P {dm['precision'] - tm['precision']:+.4f}, "
          f"speed x{dspeed / tspeed:.2f}")
    if a.save:
        with open(a.save, "w", encoding="utf-8") as fh:
            for i in ids:
                fh.write(json.dumps({"id": i, "body": dpreds[i]}, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
