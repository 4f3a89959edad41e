"""Typed records that flow between the stages: the contract inside dateline.

Each stage is a function from one of these records to the next:

    RawDocument --clean--> Article --annotate--> AnnotatedArticle
        --resolve--> ResolvedArticle --code--> Record

Offsets (``start``/``end``, ``span``) are Python string indices into
``Article.text``, the decoded input, so every answer points into what the
user gave.  ``Record.to_dict`` writes the shape of ``spec/records.md``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

Span = tuple[int, int]


class InputError(ValueError):
    """A document dateline cannot read: empty, binary, undecodable, too large.

    Raised by the early stages; the pipeline records it as a failure for that
    document and carries on with the rest of the batch.
    """

    def __init__(self, message: str, *, origin: str = "", stage: str = "ingest"):
        super().__init__(message)
        self.origin = origin
        self.stage = stage


@dataclass
class RawDocument:
    """One document as read from disk, a WARC record or a JSON line."""

    id: str
    data: bytes | str
    origin: str                      # path, "path#n" or target URI
    kind: str | None = None          # "text" | "html" once detected
    url: str | None = None
    hints: dict[str, Any] = field(default_factory=dict)   # title/published given by the caller


@dataclass
class Article:
    """A cleaned article: the decoded input plus where its story lies in it."""

    id: str
    text: str                        # the decoded input; all offsets point here
    blocks: list[Span]               # body paragraphs kept for annotation, in order
    title: str | None = None
    subtitle: str | None = None
    published: date | None = None    # first publication
    page_date: date | None = None    # date shown on the page or crawl date
    modified: date | None = None
    source: str | None = None        # credited agency or outlet
    byline: str | None = None
    keywords: list[str] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)
    language: str = "en"
    url: str | None = None
    kind: str = "text"
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def body_chars(self) -> Span | None:
        if not self.blocks:
            return None
        return (self.blocks[0][0], self.blocks[-1][1])

    @property
    def reference_date(self) -> date | None:
        """The date relative expressions resolve against: first publication."""
        return self.published or self.page_date


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str
    block: int                       # index into AnnotatedArticle.parsed


@dataclass
class ParsedBlock:
    """One body paragraph parsed by spaCy; ``offset`` maps doc chars to Article.text."""

    offset: int
    doc: Any                         # spacy.tokens.Doc


@dataclass
class AnnotatedArticle:
    article: Article
    parsed: list[ParsedBlock]
    sentences: list[Sentence]


@dataclass
class TimeSpan:
    """A calendar interval; an open bound is None."""

    start: date | None = None
    end: date | None = None
    text: str | None = None
    granularity: str | None = None   # day week month season year decade

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start.isoformat() if self.start else None,
                "end": self.end.isoformat() if self.end else None,
                "text": self.text}


@dataclass
class TimeMention:
    """A time expression found in the text and normalised."""

    start: int
    end: int
    text: str
    sentence: int                    # index into AnnotatedArticle.sentences
    value: TimeSpan
    kind: str = "point"              # point | duration | set | vague


@dataclass
class Place:
    id: str
    mention: str
    name: str
    geonameid: int | None
    feature: str                     # city | admin1 | country | region | water | other
    country: str | None              # ISO 3166-1 alpha-2
    lat: float | None
    lon: float | None
    admin1: str | None = None
    admin1_code: str | None = None
    confidence: float = 1.0
    spans: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out = {"id": self.id, "mention": self.mention, "name": self.name,
               "geonameid": self.geonameid, "feature": self.feature, "country": self.country,
               "lat": self.lat, "lon": self.lon}
        if self.admin1 is not None:
            out["admin1"] = self.admin1
            out["admin1_code"] = self.admin1_code
        out["confidence"] = round(self.confidence, 3)
        return out


INTERNATIONAL_SECTORS = frozenset({"IGO", "IMG", "NGO", "NGM", "INT", "MNC", "UIS"})   # spec ontology.md 5.1


@dataclass
class Actor:
    id: str
    name: str
    kind: str                        # person | organization | state | group
    country: str | None              # ISO 3166-1 alpha-3
    sector: str | None               # CAMEO/Phoenix role code
    mentions: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    note: str | None = None

    @property
    def code(self) -> str:
        """The CAMEO actor code (spec/ontology.md 5.1): country and sector ("RUSMIL"); an international
        or transnational body with no country takes its type as the prefix ("IGO" for the UN)."""
        if not self.country and self.sector in INTERNATIONAL_SECTORS:
            return self.sector
        return f"{self.country or '---'}{self.sector or ''}"

    def to_dict(self) -> dict[str, Any]:
        out = {"id": self.id, "name": self.name, "kind": self.kind, "country": self.country,
               "sector": self.sector, "mentions": list(self.mentions)}
        if self.note:
            out["note"] = self.note
        return out


@dataclass
class ActorMention:
    """A stretch of text that names or describes a party, resolved to an actor key."""

    start: int
    end: int
    text: str
    key: str                         # canonical key shared by mentions of one actor
    name: str
    kind: str
    country: str | None
    sector: str | None
    head: int | None = None          # char offset of the head token
    dep: str | None = None           # syntactic role of the head (nsubj, dobj, ...), for salience


@dataclass
class ResolvedArticle:
    annotated: AnnotatedArticle
    times: list[TimeMention]
    places: list[Place]
    actor_mentions: list[ActorMention]

    @property
    def article(self) -> Article:
        return self.annotated.article


@dataclass
class Event:
    id: str
    type: str
    sentence: str
    span: Span
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    mode: str | None = None
    cameo: str | None = None
    acled: str | None = None
    place: str | None = None
    when: TimeSpan = field(default_factory=TimeSpan)
    attribution: str = "reporter"
    status: str = "asserted"
    fatalities: int | None = None
    evidence: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "type": self.type}
        if self.mode:
            out["mode"] = self.mode
        if self.cameo:
            out["cameo"] = self.cameo
        if self.acled:
            out["acled"] = self.acled
        out.update({"source": list(self.source), "target": list(self.target), "place": self.place,
                    "when": self.when.to_dict(), "sentence": self.sentence, "span": list(self.span),
                    "attribution": self.attribution, "status": self.status,
                    "fatalities": self.fatalities})
        if self.evidence:
            out["evidence"] = self.evidence
        return out


@dataclass
class Record:
    """The output for one document, in the shape of spec/records.md."""

    article: Article
    actors: list[Actor]
    places: list[Place]
    events: list[Event]

    def to_dict(self) -> dict[str, Any]:
        a = self.article
        doc: dict[str, Any] = {
            "id": a.id, "title": a.title,
            "published": a.published.isoformat() if a.published else None,
            "page_date": a.page_date.isoformat() if a.page_date else None,
            "source": a.source, "language": a.language,
        }
        if a.body_chars:
            doc["body_chars"] = list(a.body_chars)
        for key in ("url", "byline", "subtitle"):
            if getattr(a, key):
                doc[key] = getattr(a, key)
        if a.modified:
            doc["modified"] = a.modified.isoformat()
        if a.keywords:
            doc["keywords"] = list(a.keywords)
        if a.warnings:
            doc["warnings"] = list(a.warnings)
        return {"doc": doc,
                "actors": [x.to_dict() for x in self.actors],
                "places": [x.to_dict() for x in self.places],
                "events": [x.to_dict() for x in self.events]}
