#!/usr/bin/env python3
"""Throughput, memory and start-up of dateline against its floor, the spaCy parse.

In one run, on the same pages (made by ``bench/make_corpus.py`` unless
``--corpus`` is given), each measured in its own fresh process:

- spaCy alone: ``nlp.pipe`` over the body paragraphs dateline parses, same model,
  same ``nlp.pipe`` batch size (``dateline.annotate.BATCH_SIZE``);
- dateline, one worker: files in, finished record dicts out (read, clean, parse,
  resolve, code), in this process;
- dateline, N workers (default 2): the same through ``dateline.engines.LocalPool``;
- peak RSS of each process (for the pool: the parent and the largest worker).

Model loading is outside the timed part of all three (each process loads and
warms up first).  Start-up is timed separately: process start to the first
coded document (``run_paths`` on one page) against a bare
``import spacy; spacy.load(MODEL)``, best of alternating rounds.

    python bench/throughput.py --pages 2000
    python bench/throughput.py --corpus /tmp/pages --workers 2 --json out.json
    python bench/throughput.py --corpus /tmp/pages --stages [--top 15]

``--stages`` times one worker stage by stage (clean, the spaCy parse, sentences,
places, actor context, times, actor mentions, event coding, record dict): the
place to look when dateline falls behind its floor.
"""
from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

BENCH = Path(__file__).resolve().parent
MiB = 1024 * 1024


def peak_rss(who: int) -> int:
    """Peak resident set size in bytes (Linux reports KiB)."""
    return resource.getrusage(who).ru_maxrss * 1024


def cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def measure_spacy(corpus: Path) -> dict:
    from dateline.annotate import BATCH_SIZE
    from dateline.clean import clean_document
    from dateline.ingest import read_paths
    from dateline.records import InputError
    from dateline.resources import nlp

    model = nlp()
    texts: list[str] = []
    pages = 0
    for raw in read_paths([corpus]):
        if isinstance(raw, InputError):
            continue
        try:
            article = clean_document(raw)
        except InputError:
            continue
        pages += 1
        texts.extend(article.text[s:e] for s, e in article.blocks)
    list(model.pipe(texts[:64], batch_size=BATCH_SIZE))
    start, cpu = time.perf_counter(), cpu_seconds(resource.RUSAGE_SELF)
    tokens = sum(len(doc) for doc in model.pipe(texts, batch_size=BATCH_SIZE))
    seconds = time.perf_counter() - start
    return {"pages": pages, "paragraphs": len(texts), "tokens": tokens, "seconds": seconds,
            "cpu": cpu_seconds(resource.RUSAGE_SELF) - cpu, "rss": peak_rss(resource.RUSAGE_SELF)}


def _consume(outputs) -> tuple[int, int, int]:
    from dateline.pipeline import Failure

    pages = events = failures = 0
    for out in outputs:
        if isinstance(out, Failure):
            failures += 1
            continue
        record = out.record.to_dict()
        pages += 1
        events += len(record["events"])
    return pages, events, failures


def measure_dateline(corpus: Path, workers: int) -> dict:
    from dateline.engines.local import LocalPool, load_resources, run_items
    from dateline.ingest import read_paths

    if workers <= 1:
        load_resources()
        start, cpu = time.perf_counter(), cpu_seconds(resource.RUSAGE_SELF)
        pages, events, failures = _consume(run_items(read_paths([corpus]), 1))
        seconds = time.perf_counter() - start
        cpu = cpu_seconds(resource.RUSAGE_SELF) - cpu
        children, worker_cpu = 0, 0.0
    else:
        with LocalPool(workers) as pool:
            pool.warm()
            start, cpu = time.perf_counter(), cpu_seconds(resource.RUSAGE_SELF)
            pages, events, failures = _consume(pool.run(read_paths([corpus])))
            seconds = time.perf_counter() - start
            cpu = cpu_seconds(resource.RUSAGE_SELF) - cpu
        children = peak_rss(resource.RUSAGE_CHILDREN)
        worker_cpu = cpu_seconds(resource.RUSAGE_CHILDREN)     # includes their start-up
    return {"pages": pages, "events": events, "failures": failures, "seconds": seconds,
            "cpu": cpu, "worker_cpu": worker_cpu, "rss": peak_rss(resource.RUSAGE_SELF),
            "worker_rss": children}


def stage_times(corpus: Path) -> tuple[Counter, int]:
    from dateline.annotate import BATCH_SIZE, _sentences
    from dateline.clean import clean_document
    from dateline.coding import code_events
    from dateline.engines.local import load_resources
    from dateline.ingest import read_paths
    from dateline.records import AnnotatedArticle, InputError, ParsedBlock, ResolvedArticle
    from dateline.resolve.actors import build_context, find_actor_mentions
    from dateline.resolve.places import resolve_places
    from dateline.resolve.times import find_times
    from dateline.resources import nlp

    load_resources()
    model = nlp()
    spent: Counter = Counter()
    clock = time.process_time
    pages = 0
    for raw in read_paths([corpus]):
        if isinstance(raw, InputError):
            continue
        t = clock()
        try:
            article = clean_document(raw)
        except InputError:
            continue
        spent["clean"] += clock() - t
        t = clock()
        docs = list(model.pipe((article.text[s:e] for s, e in article.blocks), batch_size=BATCH_SIZE))
        spent["spaCy parse"] += clock() - t
        t = clock()
        parsed = [ParsedBlock(offset=s, doc=d) for (s, _), d in zip(article.blocks, docs)]
        annotated = AnnotatedArticle(article=article, parsed=parsed, sentences=_sentences(parsed))
        spent["sentences"] += clock() - t
        t = clock()
        places = resolve_places(annotated)
        spent["resolve: places"] += clock() - t
        t = clock()
        ctx = build_context(annotated, places)
        spent["resolve: actor context"] += clock() - t
        t = clock()
        times = find_times(annotated)
        spent["resolve: times"] += clock() - t
        t = clock()
        mentions = find_actor_mentions(annotated, ctx)
        spent["resolve: actor mentions"] += clock() - t
        t = clock()
        record = code_events(ResolvedArticle(annotated, times, places, mentions))
        spent["code events"] += clock() - t
        t = clock()
        record.to_dict()
        spent["record dict"] += clock() - t
        pages += 1
    return spent, pages


def print_stages(corpus: Path, top: int) -> None:
    """Where one worker's CPU time goes, stage by stage; with ``top``, dateline's
    own functions by cProfile self time (profiling slows Python code, not spaCy)."""
    profiler = cProfile.Profile() if top else None
    if profiler:
        profiler.enable()
    spent, pages = stage_times(corpus)
    if profiler:
        profiler.disable()
    total = sum(spent.values())
    print(f"{pages} pages, {total:.2f} CPU s ({1000 * total / max(pages, 1):.0f} ms a page)")
    for name, seconds in spent.most_common():
        print(f"  {name:<26}{seconds:>8.2f} s {100 * seconds / total:>6.1f} %")
    if profiler:
        stats = pstats.Stats(profiler)
        own = [(key, value) for key, value in stats.stats.items() if "/dateline/" in key[0]]
        own.sort(key=lambda item: item[1][2], reverse=True)
        print(f"dateline functions by self time (profiled, {top} largest):")
        for (path, line, name), value in own[:top]:
            short = path[path.index("/dateline/") + 1:]
            print(f"  {short}:{name} (line {line}){value[2]:>9.2f} s")


BARE = "import spacy; spacy.load({model!r})"
FIRST = ("from dateline.pipeline import run_paths; out = next(iter(run_paths([{page!r}]))); "
         "assert hasattr(out, 'record'), out")


def startup(page: Path, rounds: int) -> dict:
    from dateline.resources import MODEL_NAME

    commands = {"bare_model_load": BARE.format(model=MODEL_NAME),
                "first_coded_document": FIRST.format(page=str(page))}
    best = {name: float("inf") for name in commands}
    for _ in range(rounds):
        for name, code in commands.items():
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True)
            best[name] = min(best[name], time.perf_counter() - start)
    return best


def run_measure(kind: str, corpus: Path, workers: int) -> dict:
    """Run one measurement in a fresh interpreter and return its JSON."""
    cmd = [sys.executable, str(BENCH / "throughput.py"), "--measure", kind, "--corpus", str(corpus),
           "--workers", str(workers)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def report(results: dict) -> None:
    spacy, one, many = results["spacy"], results["dateline_1"], results["dateline_n"]
    n = results["workers"]
    print(f"corpus: {spacy['pages']} pages, {spacy['paragraphs']} paragraphs, "
          f"{spacy['tokens']} tokens")
    print(f"{'run':<22}{'seconds':>9}{'pages/s':>9}{'CPU s':>8}{'peak RSS MiB':>15}")
    rows = [("spaCy alone", spacy, spacy["rss"]), ("dateline, 1 worker", one, one["rss"]),
            (f"dateline, {n} workers", many, max(many["rss"], many["worker_rss"]))]
    for name, row, rss in rows:
        cpu = row["cpu"] + row.get("worker_cpu", 0.0)
        print(f"{name:<22}{row['seconds']:>9.2f}{row['pages'] / row['seconds']:>9.1f}"
              f"{cpu:>8.1f}{rss / MiB:>15.0f}")
    print(f"  ({n} workers: parent {many['rss'] / MiB:.0f} MiB and {many['cpu']:.1f} CPU s, "
          f"largest worker {many['worker_rss'] / MiB:.0f} MiB; worker CPU includes their start-up)")
    rate = {k: results[k]["pages"] / results[k]["seconds"] for k in ("spacy", "dateline_1", "dateline_n")}
    ratio_floor = rate["dateline_1"] / rate["spacy"]
    ratio_workers = rate["dateline_n"] / rate["dateline_1"]
    print(f"dateline 1 worker / spaCy alone: {ratio_floor:.2f}  (target >= 0.75); by CPU time "
          f"{spacy['cpu'] / one['cpu']:.2f}")
    print(f"dateline {n} workers / 1 worker:  {ratio_workers:.2f}  (target >= 1.6 for 2)")
    if "startup" in results:
        s = results["startup"]
        ratio = s["first_coded_document"] / s["bare_model_load"]
        print(f"start-up: bare spaCy load {s['bare_model_load']:.2f} s, dateline to first coded "
              f"document {s['first_coded_document']:.2f} s, ratio {ratio:.2f}  (target <= 1.5)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=2000, help="pages to generate")
    parser.add_argument("--corpus", type=Path, help="an existing folder of pages")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3, help="start-up rounds")
    parser.add_argument("--no-startup", action="store_true")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--stages", action="store_true",
                        help="only: one worker's CPU time by pipeline stage")
    parser.add_argument("--top", type=int, default=0,
                        help="with --stages: also the N dateline functions with most self time")
    parser.add_argument("--measure", choices=["spacy", "dateline", "warm"], help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.measure == "warm":
        from dateline.engines.local import load_resources

        load_resources()                  # builds the on-disk indexes if they are stale
        print(json.dumps({}))
        return
    if args.measure:
        result = measure_spacy(args.corpus) if args.measure == "spacy" else \
            measure_dateline(args.corpus, args.workers)
        print(json.dumps(result))
        return

    if args.stages:
        if args.corpus is None:
            parser.error("--stages needs --corpus")
        print_stages(args.corpus, args.top)
        return
    made = None
    corpus = args.corpus
    if corpus is None:
        sys.path.insert(0, str(BENCH))
        from make_corpus import make_corpus

        made = Path(tempfile.mkdtemp(prefix="dateline-bench-"))
        make_corpus(args.pages, made)
        corpus = made
    try:
        results: dict = {"workers": args.workers, "corpus_pages": sum(1 for _ in corpus.iterdir())}
        run_measure("warm", corpus, 1)    # index building stays out of every figure
        results["spacy"] = run_measure("spacy", corpus, 1)
        results["dateline_1"] = run_measure("dateline", corpus, 1)
        results["dateline_n"] = run_measure("dateline", corpus, args.workers)
        if not args.no_startup:
            first = min(p for p in corpus.iterdir() if p.is_file())
            results["startup"] = startup(first, args.rounds)
    finally:
        if made is not None:
            shutil.rmtree(made, ignore_errors=True)
    report(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
