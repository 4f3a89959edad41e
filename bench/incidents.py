#!/usr/bin/env python3
"""Incident clustering on generated syndicated and re-told reports (B-cubed), and
the time to cluster 100,000 synthetic events.

    .venv/bin/python bench/incidents.py                 # seed 11: 11 stories x 6 pages
    .venv/bin/python bench/incidents.py --seeds 11 12 13 --scale 100000

The pages come from ``bench/syndicate.py`` (which knows nothing of the
clusterer): each sample story, two syndicated copies with new furniture and
later page dates, and three re-told, re-phrased, re-dated reports by other
outlets.  Every page runs through the whole pipeline into a fresh store, each
stored record is placed in its story (``corroboration.on_store``, as ingest
does), and the stored events are clustered (``rebuild_incidents``).

Each event takes the true incident of the generated sentence it was found in
(matched by its words).  Two truths are scored:

* ``incident``: the true incident of that sentence (its original sentence, or
  the hand-marked group of sentences of one story that retell one incident);
* ``incident+type``: the same, split by event type, for sentences that report
  several acts (a strike and the accusation that follows it): the truth to
  read, since an incident is one act.

Events found in no labelled sentence (titles, furniture) are left out and
counted.  The same truth is scored for two baselines: every event its own
incident, and events merged only when their sentence words are equal.
"""
from __future__ import annotations

import argparse
import importlib.util
import random
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Hashable, Mapping
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from dateline.corroborate import Party, Report, cluster, summarize
from dateline.corroborate.fingerprint import exact_hash, words
from dateline.pipeline import Failure, run_paths
from dateline.store import Store, corroboration

BENCH = Path(__file__).resolve().parent


def load_generator() -> Any:
    spec = importlib.util.spec_from_file_location("syndicate", BENCH / "syndicate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["syndicate"] = module
    spec.loader.exec_module(module)
    return module


def b_cubed(system: Mapping[str, Hashable], truth: Mapping[str, Hashable]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 over the items of ``truth``."""
    items = [i for i in truth if i in system]
    by_system: dict[Hashable, set[str]] = defaultdict(set)
    by_truth: dict[Hashable, set[str]] = defaultdict(set)
    for item in items:
        by_system[system[item]].add(item)
        by_truth[truth[item]].add(item)
    precision = recall = 0.0
    for item in items:
        both = len(by_system[system[item]] & by_truth[truth[item]])
        precision += both / len(by_system[system[item]])
        recall += both / len(by_truth[truth[item]])
    n = len(items) or 1
    p, r = precision / n, recall / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def label_of(sentence: str, labelled: list[dict[str, str]]) -> str | None:
    """The label of the generated sentence an event sentence came from."""
    text = " ".join(words(sentence))
    target = set(text.split())
    best, best_score = None, 0.0
    for item in labelled:
        candidate = " ".join(words(item["text"]))
        if candidate and (candidate in text or text in candidate):
            score = 1.0 + len(candidate) / (len(text) + 1)
        else:
            cand = set(candidate.split())
            score = len(cand & target) / (len(cand | target) or 1)
        if score > best_score:
            best, best_score = item["label"], score
    return best if best_score >= 0.6 else None


def run_once(seed: int, work: Path) -> dict[str, Any]:
    generator = load_generator()
    pages = generator.generate(seed)
    out = work / f"pages-{seed}"
    generator.write(pages, out)
    by_id = {p.id: p for p in pages}
    paths = sorted(p for p in out.iterdir() if p.name != "truth.json")
    started = time.perf_counter()
    db = work / f"incidents-{seed}.db"
    failures = 0
    if db.exists():                       # --work: reuse the pipeline's output, place again
        with closing(corroboration.connect(db)) as conn:
            conn.execute("DELETE FROM copies")
            conn.execute("DELETE FROM copy_bands")
        paths = []
    with Store(db) as store:
        for result in run_paths(paths):
            if isinstance(result, Failure):
                failures += 1
                continue
            record = result.record.to_dict()
            store.store_record(record, content_hash=result.content_hash, origin=result.raw.origin)
    pipeline_s = time.perf_counter() - started
    with closing(corroboration.connect(db)) as conn:
        placed = corroboration.note_unplaced(conn)
        started = time.perf_counter()
        incidents = corroboration.rebuild_incidents(conn)
        cluster_s = time.perf_counter() - started
        rows = conn.execute("""SELECT e.event_id, d.doc_id, e.type, e.sentence, r.incident_id
                               FROM events e JOIN documents d ON d.id = e.document_id
                               JOIN incident_reports r ON r.event_row = e.id""").fetchall()
        copies = {r[0]: (r[1], r[2]) for r in conn.execute(
            "SELECT d.doc_id, c.story, c.how FROM copies c JOIN documents d "
            "ON d.id = c.document_id").fetchall()}
    system, truth, truth_typed, same_words = {}, {}, {}, {}
    unlabelled = 0
    for event_id, doc_id, type_, sentence, incident_id in rows:
        page = by_id.get(doc_id)
        label = label_of(sentence, page.sentences) if page else None
        if label is None:
            unlabelled += 1
            continue
        system[event_id] = incident_id
        truth[event_id] = label
        truth_typed[event_id] = (label, type_)
        same_words[event_id] = (type_, exact_hash(sentence))
    singletons = {e: e for e in system}
    story_of = {doc_id: story for doc_id, (story, _) in copies.items()}
    copy_hits = sum(1 for doc_id, page in by_id.items() if page.role == "copy"
                    and story_of.get(doc_id) is not None
                    and story_of.get(doc_id) == story_of.get(page.story))
    false_copies = sum(1 for a in by_id.values() for b in by_id.values()
                       if a.id < b.id and story_of.get(a.id) == story_of.get(b.id)
                       and (a.story != b.story or "retold" in (a.role, b.role)))
    return {
        "seed": seed, "pages": len(pages), "stored": len(copies), "failures": failures,
        "placed": placed, "events": len(rows), "scored": len(system), "unlabelled": unlabelled,
        "incidents": incidents, "pipeline_s": pipeline_s, "cluster_s": cluster_s,
        "copies_found": copy_hits, "copies_true": sum(p.role == "copy" for p in pages),
        "false_copy_pairs": false_copies,
        "scores": {
            "incident": b_cubed(system, truth), "incident+type": b_cubed(system, truth_typed),
            "baseline singletons / incident": b_cubed(singletons, truth),
            "baseline equal sentence words / incident": b_cubed(same_words, truth),
        },
    }


def synthetic_reports(count: int, seed: int = 5) -> list[Report]:
    """``count`` reports of count/4 incidents: 4 reports each, spread over
    three years, 16 event types, places worldwide, parties from 60 countries,
    sentences of 8 content words drawn from a 5,000-word vocabulary (a report
    keeps 5 of its incident's 8 and adds 3 of its own)."""
    rng = random.Random(seed)
    vocabulary = [f"w{n}" for n in range(5000)]
    types = ["ASSAULT", "PROTEST", "COERCE", "ACCUSE", "AGREE", "CONSULT", "SANCTION", "SUPPORT",
             "REQUEST", "THREATEN", "MOBILIZE", "RETREAT", "AID", "REJECT", "CONCEDE", "ENGAGE"]
    countries = [f"C{n:02d}" for n in range(60)]
    sectors = ["MIL", "GOV", "REB", "CVL", "COP", "OPP"]
    reports = []
    for incident in range(count // 4):
        type_ = rng.choice(types)
        day = date(2020, 1, 1) + timedelta(days=rng.randrange(3 * 365))
        lat, lon = rng.uniform(-50, 60), rng.uniform(-120, 150)
        source = Party(rng.choice(countries), rng.choice(sectors))
        target = Party(rng.choice(countries), rng.choice(sectors))
        topic = rng.sample(vocabulary, 8)
        for k in range(4):
            start = day - timedelta(days=rng.choice((0, 0, 0, 1, 6)))
            reports.append(Report(
                event_id=f"s{incident}-{k}:e1", story=f"s{incident}-{k}", type=type_,
                start=start, end=day, sources=(source,), targets=(target,) if k % 2 else (),
                lat=lat + rng.uniform(-0.1, 0.1), lon=lon + rng.uniform(-0.1, 0.1),
                country=source.country, feature="city", fatalities=rng.choice((None, 3, 4)),
                status=rng.choice(("asserted", "claimed")), outlet=f"outlet{k}",
                terms=frozenset(rng.sample(topic, 5) + rng.sample(vocabulary, 3))))
    rng.shuffle(reports)
    return reports


def time_scale(count: int) -> dict[str, float]:
    reports = synthetic_reports(count)
    started = time.perf_counter()
    incidents = cluster(reports)
    cluster_s = time.perf_counter() - started
    truth = {r.event_id: r.story.split("-")[0] for r in reports}
    system = {r.event_id: n for n, members in enumerate(incidents) for r in members}
    started = time.perf_counter()
    for members in incidents:
        summarize(members)
    summary_s = time.perf_counter() - started
    p, r, f = b_cubed(system, truth)
    return {"events": count, "incidents": len(incidents), "cluster_s": cluster_s,
            "summary_s": summary_s, "p": p, "r": r, "f": f}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[11])
    parser.add_argument("--work", type=Path,
                        help="keep pages and stores here; a store already there is reused")
    parser.add_argument("--scale", type=int, default=100_000,
                        help="synthetic events to time (0: skip)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for seed in args.seeds:
            res = run_once(seed, args.work or Path(tmp))
            print(f"seed {seed}: {res['pages']} pages ({res['failures']} failed), "
                  f"{res['events']} events, {res['scored']} scored, {res['unlabelled']} in no "
                  f"labelled sentence; {res['incidents']} incidents; copies found "
                  f"{res['copies_found']}/{res['copies_true']}, false copy pairs "
                  f"{res['false_copy_pairs']}; pipeline {res['pipeline_s']:.1f} s, "
                  f"clustering {res['cluster_s']:.2f} s")
            for name, (p, r, f) in res["scores"].items():
                print(f"  {name:44s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    if args.scale:
        t = time_scale(args.scale)
        print(f"synthetic: {t['events']} events -> {t['incidents']} incidents in "
              f"{t['cluster_s']:.1f} s (summaries {t['summary_s']:.1f} s); "
              f"B-cubed P {t['p']:.3f} R {t['r']:.3f} F1 {t['f']:.3f}")


if __name__ == "__main__":
    main()
