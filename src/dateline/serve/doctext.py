"""The cleaned article of a stored document, cut into paragraphs with its events marked.

The store keeps offsets, not the article text, so the text is rebuilt by
reading the document again from its ``origin`` (a path, or ``path#n`` inside
an archive) and cleaning it; it is used only when the bytes still have the
stored content hash, so the offsets of the stored events point into it.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateline.clean import Cleaned, read_document
from dateline.ingest import read_paths
from dateline.pipeline import content_hash
from dateline.records import InputError, RawDocument

Interval = tuple[int, int]


@dataclass(frozen=True)
class Piece:
    text: str
    start: int
    events: tuple[str, ...]     # local ids of the events whose sentence covers this piece

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "events": list(self.events)}


def _file_of(origin: str) -> str:
    path, _, _ = origin.partition("#")
    return path if Path(path).is_file() else origin


def find_raw(origin: str, stored_hash: str, search_dirs: Sequence[Path]) -> RawDocument | None:
    """The document read again from ``origin`` if its bytes still hash to ``stored_hash``."""
    file_part = _file_of(origin)
    candidates = [Path(file_part)]
    if not Path(file_part).is_absolute():
        candidates += [folder / file_part for folder in search_dirs]
    rest = origin[len(file_part):]          # "#n" inside an archive, else ""
    for path in candidates:
        if not path.is_file():
            continue
        for item in read_paths([path]):
            if isinstance(item, InputError):
                continue
            same_place = item.origin in (origin, str(path) + rest)
            if same_place and content_hash(item) == stored_hash:
                return item
    return None


def clean_again(raw: RawDocument) -> Cleaned | None:
    try:
        return read_document(raw)
    except InputError:
        return None


def merge_intervals(intervals: Sequence[Interval]) -> list[Interval]:
    """Sorted union of the intervals; touching ones are joined."""
    out: list[list[int]] = []
    for start, end in sorted(i for i in intervals if i[1] > i[0]):
        if out and start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return [(s, e) for s, e in out]


def paragraphs(text: str, story: Sequence[Interval],
               event_spans: dict[str, Interval]) -> list[list[Piece]]:
    """The story's paragraphs (plus any event sentence outside them) as pieces of text,
    each piece tagged with the events whose sentence covers it."""
    limit = len(text)
    spans = {eid: (max(0, s), min(limit, e)) for eid, (s, e) in event_spans.items() if e > s}
    blocks = list(story) or [(0, limit)]
    out: list[list[Piece]] = []
    for start, end in merge_intervals([*blocks, *spans.values()]):
        cuts = {start, end}
        for s, e in spans.values():
            cuts.update(c for c in (s, e) if start < c < end)
        edges = sorted(cuts)
        pieces = []
        for a, b in zip(edges, edges[1:]):
            covering = tuple(eid for eid, (s, e) in spans.items() if s <= a and b <= e)
            pieces.append(Piece(text=text[a:b], start=a, events=covering))
        out.append(pieces)
    return out


def document_view(record: dict[str, Any], cleaned: Cleaned | tuple[str, Sequence[Interval]] | None
                  ) -> dict[str, Any]:
    """What the document view shows: the record's doc, actors, places and events, and the
    article as paragraphs of pieces (``text_available`` false when it could not be read
    again; the paragraphs are then the events' sentences)."""
    spans: dict[str, Interval] = {}
    for event in record["events"]:
        if event.get("span"):
            spans[event["id"]] = (int(event["span"][0]), int(event["span"][1]))
    if isinstance(cleaned, tuple):           # the text kept in the store
        body = paragraphs(cleaned[0], cleaned[1], spans)
    elif cleaned is not None:
        body = paragraphs(cleaned.article.text, cleaned.story, spans)
    else:
        body = [[Piece(text=event.get("sentence") or "", start=-1, events=(event["id"],))]
                for event in record["events"] if event.get("sentence")]
    return {**record, "text_available": cleaned is not None,
            "paragraphs": [[piece.to_dict() for piece in para] for para in body]}
