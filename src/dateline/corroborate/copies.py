"""Copies of one story: exact and near-duplicate documents found in one pass.

``CopyFinder`` keeps, for the stories seen so far, their exact hashes and the
LSH band keys of their MinHash signatures.  Each new text is either a copy of
a story already seen (same exact hash, or estimated Jaccard similarity of the
shingle sets at or above ``threshold``) or the first document of a new story.
The store keeps the same index in SQLite (``store/corroboration.py``); this
in-memory form serves streams and the Dask parts before they are loaded.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from dateline.corroborate.fingerprint import Fingerprint, exact_hash, fingerprint, similarity
from dateline.corroborate.reports import Report

COPY_THRESHOLD = 0.8        # estimated Jaccard similarity of 4-word shingles
MIN_SHINGLES = 8            # shorter texts are copies only when exactly equal


@dataclass(frozen=True)
class CopyMatch:
    """The story a text belongs to, and how it was recognised."""

    story: str                 # key of the story's first document
    how: str                   # 'first' | 'exact' | 'near'
    similarity: float


@dataclass
class CopyFinder:
    """One-pass copy detection over a stream of (key, text)."""

    threshold: float = COPY_THRESHOLD
    _by_exact: dict[str, str] = field(default_factory=dict)
    _by_band: dict[str, list[str]] = field(default_factory=dict)
    _signatures: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def add(self, key: str, text: str) -> CopyMatch:
        """Place ``text`` (known as ``key``) in a story and remember it."""
        return self.add_fingerprint(key, fingerprint(text))

    def add_fingerprint(self, key: str, print_: Fingerprint) -> CopyMatch:
        match = self.match(print_)
        if match is None:
            match = CopyMatch(story=key, how="first", similarity=1.0)
            self._by_exact.setdefault(print_.exact, key)
            if print_.size >= MIN_SHINGLES:
                self._signatures[key] = print_.signature
                for band in print_.bands:
                    self._by_band.setdefault(band, []).append(key)
        return match

    def match(self, print_: Fingerprint) -> CopyMatch | None:
        """The story ``print_`` copies, or None; nothing is remembered."""
        story = self._by_exact.get(print_.exact)
        if story is not None:
            return CopyMatch(story=story, how="exact", similarity=1.0)
        if print_.size < MIN_SHINGLES:
            return None
        candidates = {key for band in print_.bands for key in self._by_band.get(band, ())}
        return best_near_copy(print_.signature,
                              {key: self._signatures[key] for key in candidates}, self.threshold)


def best_near_copy(signature: tuple[int, ...], candidates: Mapping[str, tuple[int, ...]],
                   threshold: float) -> CopyMatch | None:
    """The most similar candidate at or above ``threshold`` (ties: smallest key)."""
    best: CopyMatch | None = None
    for key in sorted(candidates):
        score = similarity(signature, candidates[key])
        if score >= threshold and (best is None or score > best.similarity):
            best = CopyMatch(story=key, how="near", similarity=score)
    return best


def story_text(record: Mapping[str, Any]) -> str:
    """The text a stored record is fingerprinted by when its body is not at hand:
    its event sentences in order (furniture never holds events), else its title."""
    sentences: list[str] = []
    for event in record.get("events") or []:
        sentence = event.get("sentence") or ""
        if sentence and (not sentences or sentences[-1] != sentence):
            sentences.append(sentence)
    if sentences:
        return "\n".join(sentences)
    return str((record.get("doc") or {}).get("title") or "")


def group_copies(items: Iterable[tuple[str, str]],
                 threshold: float = COPY_THRESHOLD) -> Iterator[tuple[str, CopyMatch]]:
    """(key, story match) for each (key, text) of a stream, in one pass."""
    finder = CopyFinder(threshold=threshold)
    for key, text in items:
        yield key, finder.add(key, text)


def canonical_documents(reports: Sequence[Report]) -> dict[str, str]:
    """{story: doc id of its canonical copy}: the earliest first publication
    (a copy republished later, or re-dated, never wins), then the first stored."""
    best: dict[str, tuple[date, int, str]] = {}
    for position, report in enumerate(reports):
        doc_id = str(report.extra.get("doc_id"))
        key = (report.published or date.max, position, doc_id)
        if report.story not in best or key < best[report.story]:
            best[report.story] = key
    return {story: key[2] for story, key in best.items()}


def split_copies(reports: Sequence[Report]) -> tuple[list[Report], dict[str, list[Report]]]:
    """Reports to cluster, and the reports of copies that repeat an event of
    their story's canonical document ({that event's id: [repeats]}).

    A copy repeats the story's sentences, but a page republished years later
    may get its relative dates resolved against the new page date; so a copy's
    event follows the canonical event with the same sentence and type (the
    n-th such event follows the n-th) instead of being clustered, and dated,
    on its own.

    Each report's ``extra`` holds its "doc_id" and "sentence".
    """
    canonical = canonical_documents(reports)
    published = {r.story: r.published for r in reports
                 if r.extra.get("doc_id") == canonical[r.story]}
    originals: dict[tuple[str, str, str, int], Report] = {}
    by_sentence: dict[tuple[str, str], Report] = {}
    seen: dict[tuple[str, str, str], int] = {}
    for report in reports:
        if report.extra.get("doc_id") == canonical[report.story]:
            sentence = exact_hash(str(report.extra.get("sentence") or ""))
            key = (report.story, sentence, report.type)
            seen[key] = seen.get(key, 0) + 1
            originals[(*key, seen[key])] = report
            by_sentence.setdefault((report.story, sentence), report)
    primary: list[Report] = []
    copies: dict[str, list[Report]] = {}
    counts: dict[tuple[str, str, str, str], int] = {}
    for report in reports:
        if report.extra.get("doc_id") == canonical[report.story]:
            primary.append(report)
            continue
        sentence = exact_hash(str(report.extra.get("sentence") or ""))
        key = (report.story, sentence, report.type)
        doc_key = (str(report.extra.get("doc_id")), *key)
        counts[doc_key] = counts.get(doc_key, 0) + 1
        original = originals.get((*key, counts[doc_key])) or by_sentence.get(key[:2])
        if original is not None:
            copies.setdefault(original.event_id, []).append(report)
        elif report.published != published.get(report.story):
            # an edited sentence of a copy dated by another page: its own dates
            # are unreliable, so it stands undated at the story's publication
            primary.append(replace(report, start=None, end=None,
                                   published=published.get(report.story)))
        else:
            primary.append(report)
    return primary, copies
