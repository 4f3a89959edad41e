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

Each event is matched (by its words) to the generated sentence it was found
in.  Three truths are scored:

* ``act``, the truth to read: the act the event reports.  Every body sentence
  of the samples lists, by hand, the acts it reports (``bench/data/
  sample_acts.tsv``: PLOVER type and the act's name, shared by the sentences
  that retell it), written by reading the pages, not from dateline's output.
  An event is aligned to the act of its sentence with its type (where a
  sentence reports two acts of one type, to the one whose cue words hold the
  event's trigger, or a rewording the generator makes of them).  Events whose
  type matches no act of their sentence are left out and counted as
  ``unaligned``; those that fit two acts and no cue, as ``ambiguous``; acts
  that no event of their sentence is aligned to are counted as unfound;
* ``incident``: the hand-marked incident of the sentence (its original
  sentence, or the group of sentences of one story in ``bench/data/
  sample_incidents.tsv``), which lumps the several acts a sentence or a group
  may report (an agreement and its signing);
* ``incident+type``: the same split by the event's own type: kept for
  comparison, but it borrows the system's type, so it is no independent truth.

Events found in no labelled sentence (titles, furniture) are left out and
counted.  Two baselines are scored on the act and incident truths: every event
its own incident, and events merged only when their sentence words are equal.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import random
import re
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


def sentence_of(sentence: str, labelled: list[dict[str, Any]]) -> int | None:
    """The index of the generated sentence an event sentence came from."""
    text = " ".join(words(sentence))
    target = set(text.split())
    best, best_score = None, 0.0
    for index, item in enumerate(labelled):
        candidate = " ".join(words(item["text"]))
        if candidate and (candidate in text or text in candidate):
            score = 1.0 + len(candidate) / (len(text) + 1)
        else:
            cand = set(candidate.split())
            score = len(cand & target) / (len(cand | target) or 1)
        if score > best_score:
            best, best_score = index, score
    return best if best_score >= 0.6 else None


def label_of(sentence: str, labelled: list[dict[str, Any]]) -> str | None:
    """The label of the generated sentence an event sentence came from."""
    index = sentence_of(sentence, labelled)
    return None if index is None else labelled[index]["label"]


def cue_words(cue: list[str], rewordings: list[tuple[str, str]]) -> set[str]:
    """The cue words and every word the generator's rewordings may put in their place."""
    out = {w.lower() for w in cue}
    while True:
        more = {new for pattern, replacement in rewordings for word in out
                if re.fullmatch(pattern, word) for new in replacement.lower().split()}
        if more <= out:
            return out
        out |= more


def align(type_: str, trigger: str | None, acts: list[dict[str, Any]],
          rewordings: list[tuple[str, str]]) -> tuple[dict[str, Any] | None, str]:
    """The act of the sentence an event of ``type_`` reports: (act, "aligned"), or
    (None, "unaligned") when no act has its type, (None, "ambiguous") when two do and
    the event's trigger is in the cue words of neither or both."""
    fits = [act for act in acts if act["type"] == type_]
    if len(fits) <= 1:
        return (fits[0], "aligned") if fits else (None, "unaligned")
    said = {w.lower() for w in re.findall(r"[^\W_]+", trigger or "")}
    named = [act for act in fits if said & cue_words(act["cue"], rewordings)]
    return (named[0], "aligned") if len(named) == 1 else (None, "ambiguous")


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
        rows = conn.execute("""SELECT e.event_id, d.doc_id, e.type, e.sentence, r.incident_id,
                                      v.value_json
                               FROM events e JOIN documents d ON d.id = e.document_id
                               JOIN incident_reports r ON r.event_row = e.id
                               LEFT JOIN event_evidence v
                                 ON v.event_row = e.id AND v.key = 'trigger'""").fetchall()
        copies = {r[0]: (r[1], r[2]) for r in conn.execute(
            "SELECT d.doc_id, c.story, c.how FROM copies c JOIN documents d "
            "ON d.id = c.document_id").fetchall()}
    system, truth, truth_typed, same_words = {}, {}, {}, {}
    truth_act: dict[str, str] = {}
    found_acts: set[tuple[str, int, str]] = set()
    unlabelled, missed = 0, {"unaligned": 0, "ambiguous": 0}
    rewordings = [*generator.REPHRASE, *generator.SYNONYMS]
    for event_id, doc_id, type_, sentence, incident_id, trigger in rows:
        page = by_id.get(doc_id)
        index = sentence_of(sentence, page.sentences) if page else None
        if index is None:
            unlabelled += 1
            continue
        item = page.sentences[index]
        system[event_id] = incident_id
        truth[event_id] = item["label"]
        truth_typed[event_id] = (item["label"], type_)
        same_words[event_id] = (type_, exact_hash(sentence))
        act, how = align(type_, json.loads(trigger) if trigger else None, item["acts"],
                         rewordings)
        if act is None:
            missed[how] += 1
            continue
        truth_act[event_id] = f"{page.story}#{act['incident']}"
        found_acts.add((page.id, index, act["incident"]))
    acts_told = sum(len(item["acts"]) for page in pages for item in page.sentences)
    system_act = {e: system[e] for e in truth_act}
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
        "aligned": len(truth_act), "unaligned": missed["unaligned"],
        "ambiguous": missed["ambiguous"], "acts_told": acts_told, "acts_found": len(found_acts),
        "scores": {
            "act": b_cubed(system_act, truth_act),
            "incident": b_cubed(system, truth), "incident+type": b_cubed(system, truth_typed),
            "baseline singletons / act": b_cubed(singletons, truth_act),
            "baseline equal sentence words / act": b_cubed(same_words, truth_act),
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
            print(f"  act truth: {res['aligned']} events aligned to an act, {res['unaligned']} "
                  f"unaligned (no act of their type in their sentence), {res['ambiguous']} "
                  f"ambiguous; acts found {res['acts_found']} of the {res['acts_told']} "
                  f"the pages tell ({res['acts_told'] - res['acts_found']} unfound)")
            for name, (p, r, f) in res["scores"].items():
                print(f"  {name:44s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    if args.scale:
        t = time_scale(args.scale)
        print(f"synthetic: {t['events']} events -> {t['incidents']} incidents in "
              f"{t['cluster_s']:.1f} s (summaries {t['summary_s']:.1f} s); "
              f"B-cubed P {t['p']:.3f} R {t['r']:.3f} F1 {t['f']:.3f}")


if __name__ == "__main__":
    main()
