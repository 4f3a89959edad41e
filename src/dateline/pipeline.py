"""pipeline: the one place that knows the order of the stages.

    ingest -> clean -> annotate -> resolve (times, places, actors) -> code

Every stage is a function from one typed record to the next.  ``run`` streams
documents through them in batches (spaCy's ``nlp.pipe`` for the parse) and
yields, per input document, either a finished ``Record`` or a ``Failure`` —
one bad document never stops the batch.

``Limits`` (``dateline.limits``) bound each document: its text is cut at
``max_text_chars`` (noted in its warnings), each stage gets ``timeout_s`` per
document, and a page not written in English is skipped with a reason (a
``Failure`` whose ``skipped`` is true), not coded with an English model.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from dateline.annotate import annotate_many
from dateline.clean import body_text, clean_document
from dateline.clean.language import detect_language
from dateline.coding import code_events
from dateline.ingest import read_paths
from dateline.limits import DocumentTimeout, Limits, time_limit
from dateline.records import (AnnotatedArticle, Article, InputError, RawDocument, Record,
                              ResolvedArticle)
from dateline.resolve import resolve

BATCH_SIZE = 32


@dataclass
class Failure:
    """A document that produced no record: where, at which stage, why.

    ``skipped`` marks a document left out on purpose (not English) rather than
    one that broke.
    """

    origin: str
    stage: str
    error: str
    skipped: bool = False

    def line(self) -> str:
        error = self.error.removeprefix(f"{self.origin}: ")
        verb = "skipped" if self.skipped else "failed"
        return f"{self.origin}: {self.stage} {verb}: {error}"


@dataclass
class Result:
    raw: RawDocument
    record: Record
    content_hash: str


def content_hash(raw: RawDocument) -> str:
    data = raw.data.encode("utf-8", "surrogatepass") if isinstance(raw.data, str) else raw.data
    return hashlib.sha256(data).hexdigest()


def _clean(raw: RawDocument, limits: Limits) -> Article | Failure:
    try:
        with time_limit(limits.timeout_s):
            article = clean_document(raw, limits.max_text_chars)
    except DocumentTimeout as exc:
        return Failure(raw.origin, "clean", f"{raw.origin}: {exc}")
    except InputError as exc:
        return Failure(raw.origin, exc.stage or "clean", str(exc))
    except Exception as exc:  # noqa: BLE001 - a bad page must not stop the batch
        return Failure(raw.origin, "clean", f"{type(exc).__name__}: {exc}")
    if limits.skip_non_english:
        language = _foreign_language(article)
        if language:
            return Failure(raw.origin, "language",
                           f"{raw.origin}: written in '{language}', not English; not coded "
                           "(the models read English only)", skipped=True)
    return article


def _foreign_language(article: Article) -> str | None:
    """The page's language when both its declaration (if any) and its story text say
    it is not English; None for English or when unsure."""
    if article.language == "en":
        return None
    story = body_text(article) or article.text
    detected = detect_language(story)
    return detected if detected != "en" else None


def finish(annotated: AnnotatedArticle) -> Record:
    """Resolve and code one annotated article."""
    resolved: ResolvedArticle = resolve(annotated)
    return code_events(resolved)


def process_batch(raws: list[RawDocument], limits: Limits | None = None
                  ) -> Iterator[Result | Failure]:
    """Run one batch of raw documents through every stage after ingest."""
    limits = limits or Limits.from_env()
    cleaned: list[tuple[RawDocument, Article]] = []
    for raw in raws:
        out = _clean(raw, limits)
        if isinstance(out, Failure):
            yield out
        else:
            cleaned.append((raw, out))
    for raw, annotated in _annotate(cleaned, limits):
        if isinstance(annotated, Failure):
            yield annotated
            continue
        try:
            with time_limit(limits.timeout_s):
                record = finish(annotated)
        except DocumentTimeout as exc:
            yield Failure(raw.origin, "code", f"{raw.origin}: {exc}")
            continue
        except Exception as exc:  # noqa: BLE001 - reported per document, batch goes on
            yield Failure(raw.origin, "code", f"{type(exc).__name__}: {exc}")
            continue
        yield Result(raw=raw, record=record, content_hash=content_hash(raw))


def _annotate(cleaned: list[tuple[RawDocument, Article]], limits: Limits
              ) -> list[tuple[RawDocument, AnnotatedArticle | Failure]]:
    """Parse the batch together (fast), within the batch's share of time; when that
    runs out, parse the rest one by one so only the slow document fails."""
    done: list[tuple[RawDocument, AnnotatedArticle | Failure]] = []
    if not cleaned:
        return done
    by_id = {id(article): raw for raw, article in cleaned}
    try:
        with time_limit(limits.timeout_s * len(cleaned)):
            for annotated in annotate_many(article for _, article in cleaned):
                done.append((by_id[id(annotated.article)], annotated))
    except DocumentTimeout:
        for raw, article in cleaned[len(done):]:
            try:
                with time_limit(limits.timeout_s):
                    one = next(annotate_many([article]))
                done.append((raw, one))
            except DocumentTimeout as exc:
                done.append((raw, Failure(raw.origin, "annotate", f"{raw.origin}: {exc}")))
    except Exception as exc:  # noqa: BLE001 - the parser broke on one page: find which
        if len(cleaned) == 1:
            raw = cleaned[0][0]
            return [(raw, Failure(raw.origin, "annotate", f"{type(exc).__name__}: {exc}"))]
        for pair in cleaned[len(done):]:
            done.extend(_annotate([pair], limits))
    return done


def run(items: Iterable[RawDocument | InputError], batch_size: int = BATCH_SIZE,
        limits: Limits | None = None) -> Iterator[Result | Failure]:
    """Stream documents (or ingest errors) through the pipeline, batch by batch."""
    limits = limits or Limits.from_env()
    stream = iter(items)
    while True:
        chunk = list(islice(stream, batch_size))
        if not chunk:
            return
        raws: list[RawDocument] = []
        for item in chunk:
            if isinstance(item, InputError):
                yield Failure(item.origin, item.stage, str(item))
            else:
                raws.append(item)
        yield from process_batch(raws, limits)


def run_paths(paths: Iterable[str | Path], batch_size: int = BATCH_SIZE,
              limits: Limits | None = None) -> Iterator[Result | Failure]:
    limits = limits or Limits.from_env()
    return run(read_paths(paths, limits), batch_size=batch_size, limits=limits)


def extract_text(text: str, doc_id: str = "doc", limits: Limits | None = None) -> Record:
    """Convenience: the record for one page given as a string."""
    raw = RawDocument(id=doc_id, data=text, origin=doc_id)
    for out in run([raw], limits=limits):
        if isinstance(out, Failure):
            raise InputError(out.error, origin=out.origin, stage=out.stage)
        return out.record
    raise InputError("no document produced", origin=doc_id)
