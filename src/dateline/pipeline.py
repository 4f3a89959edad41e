"""pipeline: the one place that knows the order of the stages.

    ingest -> clean -> annotate -> resolve (times, places, actors) -> code

Every stage is a function from one typed record to the next.  ``run`` streams
documents through them in batches (spaCy's ``nlp.pipe`` for the parse) and
yields, per input document, either a finished ``Record`` or a ``Failure`` —
one bad document never stops the batch.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from dateline.annotate import annotate_many
from dateline.clean import clean_document
from dateline.coding import code_events
from dateline.ingest import read_paths
from dateline.records import (AnnotatedArticle, Article, InputError, RawDocument, Record,
                              ResolvedArticle)
from dateline.resolve import resolve

BATCH_SIZE = 32


@dataclass
class Failure:
    origin: str
    stage: str
    error: str

    def line(self) -> str:
        error = self.error.removeprefix(f"{self.origin}: ")
        return f"{self.origin}: {self.stage} failed: {error}"


@dataclass
class Result:
    raw: RawDocument
    record: Record
    content_hash: str


def content_hash(raw: RawDocument) -> str:
    data = raw.data.encode("utf-8", "surrogatepass") if isinstance(raw.data, str) else raw.data
    return hashlib.sha256(data).hexdigest()


def _clean(raw: RawDocument) -> Article | Failure:
    try:
        return clean_document(raw)
    except InputError as exc:
        return Failure(raw.origin, exc.stage or "clean", str(exc))
    except Exception as exc:  # noqa: BLE001 - a bad page must not stop the batch
        return Failure(raw.origin, "clean", f"{type(exc).__name__}: {exc}")


def finish(annotated: AnnotatedArticle) -> Record:
    """Resolve and code one annotated article."""
    resolved: ResolvedArticle = resolve(annotated)
    return code_events(resolved)


def process_batch(raws: list[RawDocument]) -> Iterator[Result | Failure]:
    """Run one batch of raw documents through every stage after ingest."""
    cleaned: list[tuple[RawDocument, Article]] = []
    for raw in raws:
        out = _clean(raw)
        if isinstance(out, Failure):
            yield out
        else:
            cleaned.append((raw, out))
    by_id = {id(article): raw for raw, article in cleaned}
    for annotated in annotate_many(article for _, article in cleaned):
        raw = by_id[id(annotated.article)]
        try:
            record = finish(annotated)
        except Exception as exc:  # noqa: BLE001 - reported per document, batch goes on
            yield Failure(raw.origin, "code", f"{type(exc).__name__}: {exc}")
            continue
        yield Result(raw=raw, record=record, content_hash=content_hash(raw))


def run(items: Iterable[RawDocument | InputError], batch_size: int = BATCH_SIZE
        ) -> Iterator[Result | Failure]:
    """Stream documents (or ingest errors) through the pipeline, batch by batch."""
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
        yield from process_batch(raws)


def run_paths(paths: Iterable[str | Path], batch_size: int = BATCH_SIZE) -> Iterator[Result | Failure]:
    return run(read_paths(paths), batch_size=batch_size)


def extract_text(text: str, doc_id: str = "doc") -> Record:
    """Convenience: the record for one page given as a string."""
    raw = RawDocument(id=doc_id, data=text, origin=doc_id)
    for out in run([raw]):
        if isinstance(out, Failure):
            raise InputError(out.error, origin=out.origin, stage=out.stage)
        return out.record
    raise InputError("no document produced", origin=doc_id)
