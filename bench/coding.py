#!/usr/bin/env python3
"""Sentence-level event coding: dateline's coder on the three gold sets of
``shared/datasets/coding`` (see its README for the sets, splits and baselines).

Every sentence is run through the whole pipeline as a one-paragraph plain-text
page (its date, where the set gives one, as the published date; a full stop
added where the sentence has none, so that it reads as story text and not as a
title), all sentences of a split in one batched run.

How a sentence is counted (following the README):

* Accuracy columns (root, PLOVER, +actors) score only sentences with at least
  one gold event whose CAMEO root is a real one (01-20), as the README's
  baselines do.  dateline's answer for the sentence is its *first* event in
  text order; a sentence where dateline finds no event counts as wrong.  A
  sentence is right when that event's root (first two digits of its CAMEO code)
  is among the gold roots, and likewise for the PLOVER type.  ``any`` columns
  say how often *some* dateline event of the sentence has a gold root/type.
* ``+actors`` also needs one (source, target) pair of that event to equal the
  source and target codes of a gold event with the same root: ``ctry`` compares
  the first three characters (country), ``full`` the whole code (country +
  sector).  dateline's events are turned into CAMEO dyads the way the README
  turns PLOVER markup into them: every source x every target, and a joint event
  (several sources, no target) becomes A->B and B->A.  A missing party is "".
* ``strict`` is PETRARCH's own rule over *every* sentence of the split, the
  no-event ones included: the multiset of dateline's (source, target, CAMEO)
  triples must equal the gold one (an empty list for a no-event sentence).
  Codes are compared as full strings, except on ``plover_gsr_cameo`` whose gold
  codes are two-digit roots inferred from the type, where roots are compared.
  Triple precision/recall/F1 use the same triples.

    python bench/coding.py                  # test splits of all three sets
    python bench/coding.py --split dev      # tune here
    python bench/coding.py --set plover_gsr_cameo --save /tmp/preds.jsonl
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "datasets" / "coding"
SETS = ("petrarch2_gsr_validation", "petrarch_unittest", "plover_gsr_cameo")
# The README's table ("Baseline measured here"): majority and lexicon root / PLOVER accuracy.
BASELINES: dict[str, tuple[float, float, float, float]] = {
    "petrarch2_gsr_validation": (0.053, 0.079, 0.184, 0.237),
    "petrarch_unittest": (0.244, 0.244, 0.333, 0.341),
    "plover_gsr_cameo": (0.088, 0.088, 0.505, 0.541),
}
Triple = tuple[str, str, str]


@dataclass
class Coded:
    """dateline's events for one sentence, reduced to what the gold sets hold."""

    types: list[str] = field(default_factory=list)
    cameos: list[str] = field(default_factory=list)
    dyads: list[list[tuple[str, str]]] = field(default_factory=list)   # per event
    notes: list[str] = field(default_factory=list)                     # trigger lemma and status, per event
    error: str | None = None


def root_of(code: str | None) -> str | None:
    if code and len(code) >= 2 and code[:2].isdigit() and 1 <= int(code[:2]) <= 20:
        return code[:2]
    return None


def gold_roots(record: dict) -> set[str]:
    return {r for e in record["events"] if (r := root_of(e.get("cameo")))}


def event_dyads(sources: list[str], targets: list[str]) -> list[tuple[str, str]]:
    """CAMEO-style (source, target) pairs of one PLOVER-style event."""
    if len(sources) >= 2 and not targets:
        return [(a, b) for a in sources for b in sources if a != b]
    return [(s, t) for s in (sources or [""]) for t in (targets or [""])]


def load_set(data: Path, name: str, split: str) -> list[dict]:
    folder = data / name
    ids = set(json.loads((folder / "split.json").read_text())[split])
    with (folder / "records.jsonl").open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle]
    return [r for r in records if r["id"] in ids]


def as_paragraph(text: str) -> str:
    """The sentence as a story paragraph: the PLOVER set's {braces} dropped, and a final full stop
    added where it lacks one (a lone line without one reads as a page title, not as story text)."""
    text = text.strip()
    if text.startswith("{") and text.endswith("}"):
        text = text[1:-1].strip()
    if text and text[-1] not in ".!?\"'”":
        text += "."
    return text


def code_sentences(records: list[dict]) -> dict[str, Coded]:
    """Run the pipeline once over all sentences (batched) and keep each one's events."""
    from dateline.pipeline import Failure, run
    from dateline.records import RawDocument

    def pages() -> Iterable[RawDocument]:
        for rec in records:
            date = rec.get("date")
            hints = {"published": f"{date[:4]}-{date[4:6]}-{date[6:8]}"} if date and len(date) == 8 else {}
            yield RawDocument(id=rec["id"], data=as_paragraph(rec["text"]), origin=rec["id"], kind="text",
                              hints=hints)

    out: dict[str, Coded] = {}
    for result in run(pages()):
        if isinstance(result, Failure):
            out[result.origin] = Coded(error=result.error)
            continue
        record = result.record
        codes = {a.id: a.code for a in record.actors}
        coded = Coded()
        for event in sorted(record.events, key=lambda e: e.span[0]):
            coded.types.append(event.type)
            coded.cameos.append(event.cameo or "")
            coded.notes.append(f"{event.evidence.get('lemma', '?')}:{event.status}")
            coded.dyads.append(event_dyads([codes.get(s, "---") for s in event.source],
                                           [codes.get(t, "---") for t in event.target]))
        out[result.raw.id] = coded
    return out


def triples(coded: Coded, roots_only: bool) -> Counter[Triple]:
    found: Counter[Triple] = Counter()
    for cameo, dyads in zip(coded.cameos, coded.dyads):
        code = (root_of(cameo) or cameo) if roots_only else cameo
        for source, target in dyads:
            found[(source, target, code)] += 1
    return found


def gold_triples(record: dict, roots_only: bool) -> Counter[Triple]:
    return Counter((e.get("source") or "", e.get("target") or "",
                    (root_of(e.get("cameo")) or e.get("cameo") or "") if roots_only else (e.get("cameo") or ""))
                   for e in record["events"])


def actors_match(coded: Coded, record: dict, width: int | None) -> bool:
    """The first event's root and one of its dyads agree with some gold event."""
    root = root_of(coded.cameos[0])
    cut = (lambda code: code[:width]) if width else (lambda code: code)
    for gold in record["events"]:
        if root_of(gold.get("cameo")) != root:
            continue
        want = (cut(gold.get("source") or ""), cut(gold.get("target") or ""))
        if any((cut(s), cut(t)) == want for s, t in coded.dyads[0]):
            return True
    return False


def score(records: list[dict], coded: dict[str, Coded], roots_only: bool) -> dict[str, float]:
    scored = [r for r in records if gold_roots(r)]
    hits: Counter[str] = Counter()
    for rec in scored:
        got = coded.get(rec["id"], Coded())
        roots, types = gold_roots(rec), {e.get("plover") for e in rec["events"]} - {None}
        hits["any_root"] += any(root_of(c) in roots for c in got.cameos)
        hits["any_type"] += any(t in types for t in got.types)
        if not got.types:
            continue
        root_ok = root_of(got.cameos[0]) in roots
        hits["root"] += root_ok
        hits["type"] += got.types[0] in types
        hits["actors_ctry"] += root_ok and actors_match(got, rec, 3)
        hits["actors_full"] += root_ok and actors_match(got, rec, None)
    tp = fp = fn = strict = 0
    for rec in records:
        mine, gold = triples(coded.get(rec["id"], Coded()), roots_only), gold_triples(rec, roots_only)
        strict += mine == gold
        tp += sum((mine & gold).values())
        fp += sum((mine - gold).values())
        fn += sum((gold - mine).values())
    n = max(len(scored), 1)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    out = {"n": len(scored), "n_all": len(records)}
    out.update({k: hits[k] / n for k in ("root", "type", "actors_ctry", "actors_full", "any_root", "any_type")})
    out.update({"strict": strict / max(len(records), 1), "triple_p": p, "triple_r": r,
                "triple_f1": 2 * p * r / (p + r) if p + r else 0.0,
                "no_event": sum(1 for rec in scored if not coded.get(rec["id"], Coded()).types) / n})
    return out


def save(path: Path, records: list[dict], coded: dict[str, Coded], name: str) -> None:
    with path.open("a", encoding="utf-8") as handle:
        for rec in records:
            got = coded.get(rec["id"], Coded())
            handle.write(json.dumps({"set": name, "id": rec["id"], "text": rec["text"],
                                     "gold": [[e.get("source"), e.get("target"), e.get("cameo"), e.get("plover")]
                                              for e in rec["events"]],
                                     "dateline": [[t, c, d, n] for t, c, d, n in zip(got.types, got.cameos, got.dyads, got.notes)],
                                     "error": got.error}) + "\n")


def table(rows: list[tuple[str, dict[str, float]]], split: str) -> str:
    head = ("| set | n | majority root / PLOVER | lexicon root / PLOVER | dateline root | dateline PLOVER "
            "| +actors ctry / full | any root / PLOVER | no event | strict (n all) | triple P / R / F1 |")
    lines = [head, "|---" * (head.count("|") - 1) + "|"]
    for name, m in rows:
        base = BASELINES.get(name)
        maj = f"{base[0]:.3f} / {base[1]:.3f}" if base and split == "test" else "-"
        lex = f"{base[2]:.3f} / {base[3]:.3f}" if base and split == "test" else "-"
        lines.append(f"| {name} | {m['n']} | {maj} | {lex} | {m['root']:.3f} | {m['type']:.3f} "
                     f"| {m['actors_ctry']:.3f} / {m['actors_full']:.3f} | {m['any_root']:.3f} / {m['any_type']:.3f} "
                     f"| {m['no_event']:.3f} | {m['strict']:.3f} ({m['n_all']}) "
                     f"| {m['triple_p']:.3f} / {m['triple_r']:.3f} / {m['triple_f1']:.3f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--split", choices=("dev", "test"), default="test")
    parser.add_argument("--set", dest="sets", action="append", choices=SETS)
    parser.add_argument("--save", type=Path, help="append per-sentence predictions (JSON lines) here")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    args = parser.parse_args(argv)
    names = args.sets or list(SETS)
    loaded = {name: load_set(args.data, name, args.split) for name in names}
    start = time.perf_counter()
    coded = code_sentences([rec for name in names for rec in loaded[name]])
    seconds = time.perf_counter() - start
    rows = [(name, score(loaded[name], coded, roots_only=name == "plover_gsr_cameo")) for name in names]
    if args.save:
        for name in names:
            save(args.save, loaded[name], coded, name)
    print(f"split {args.split}: {sum(len(v) for v in loaded.values())} sentences coded in {seconds:.0f}s")
    print(table(rows, args.split))
    if args.json:
        print(json.dumps(dict(rows), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
