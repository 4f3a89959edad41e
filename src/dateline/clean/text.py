"""Plain-text pages (scraped dumps): find the story's paragraphs and the page's metadata.

The page is cut into units (a line, or a hard-wrapped paragraph), each unit is
labelled by :func:`furniture.classify`, and a short pass over the labels in
order decides the title, the header (standfirst, byline, dates, keywords), the
body blocks and the trailer (credits, "Next Story", comments).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date

from dateline.clean import furniture
from dateline.clean.dates import find_dates
from dateline.clean.furniture import Label
from dateline.records import Span

HEADER_WINDOW = 4          # content units after the title that may still be header
STANDFIRST_MAX = 2         # prose units a header signal may follow and so mark as standfirst
TITLE_MAX_WORDS = 30
_HEADER_SIGNALS = frozenset({"date", "published", "updated", "byline", "keywords", "credit"})
_WIDGET_ZONE = frozenset({"subhead", "teaser", "nav", "furniture", "widget", "item"})
_STORY_ONLY = frozenset({"subhead", "item", "table"})
_AGENCIES = frozenset("""ap afp reuters pti ians ani uni xinhua tass dpa efe bloomberg agencies aap cna bernama
anadolu kyodo yonhap associated-press""".split())


@dataclass
class Unit:
    start: int
    end: int
    label: Label
    chunk: int                 # units of one chunk are separated by single newlines only

    @property
    def kind(self) -> str:
        return self.label.kind


@dataclass
class PageFacts:
    """What the page says about itself, gathered while reading it."""

    title: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    credits: list[str] = field(default_factory=list)
    dateline_agency: str | None = None
    keywords: list[str] = field(default_factory=list)
    published: list[str] = field(default_factory=list)     # the text of each labelled date
    updated: list[str] = field(default_factory=list)
    shown: list[str] = field(default_factory=list)         # unlabelled date lines in the header


def units(text: str) -> list[Unit]:
    """The page's lines (hard-wrapped paragraphs joined), labelled."""
    out: list[Unit] = []
    chunk: list[tuple[int, int]] = []
    chunk_no = 0

    def flush() -> None:
        nonlocal chunk_no
        if not chunk:
            return
        if _hard_wrapped(text, chunk):
            spans = [(chunk[0][0], chunk[-1][1])]
        else:
            spans = chunk
        for s, e in spans:
            out.append(Unit(s, e, furniture.classify(text[s:e]), chunk_no))
        chunk.clear()
        chunk_no += 1

    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        s, e = pos, pos + len(body)
        pos += len(line)
        stripped = body.strip()
        if not stripped:
            flush()
            continue
        lead = len(body) - len(body.lstrip())
        chunk.append((s + lead, s + lead + len(stripped)))
    flush()
    return out


def _hard_wrapped(text: str, chunk: list[tuple[int, int]]) -> bool:
    """A chunk of lines that are one paragraph wrapped at a fixed width."""
    if len(chunk) < 2:
        return False
    lines = [text[s:e] for s, e in chunk]
    head = lines[:-1]
    if any(furniture.BULLET.match(x) for x in lines):
        return False
    lengths = [len(x) for x in head]
    if min(lengths) < 55 or max(lengths) > 100 or max(lengths) - min(lengths) > 30:
        return False
    if any(furniture.classify(x).kind not in ("prose", "subhead") for x in lines):
        return False
    open_ends = sum(not furniture.ends_sentence(x) for x in head)
    return open_ends * 2 >= len(head) and len(lines[-1]) <= max(lengths) + 5


def _normal(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text.lower()).strip()


@dataclass
class Reading:
    """One pass over a page: the blocks to annotate, the story text around them, the facts."""

    blocks: list[Span]         # story paragraphs for annotation
    story: list[Span]          # the story as a reader sees it: blocks plus subheads, list items and tables
    facts: PageFacts


def read_page(text: str, *, title: str | None = None) -> Reading:
    """The body blocks of a page's text and the facts its furniture states.

    With ``title`` given (an HTML page's metadata title), the text holds no
    headline of its own but may repeat that one in its first lines.
    """
    us = units(text)
    facts = PageFacts()
    content = [i for i, u in enumerate(us) if u.kind != "blank"]
    if title is None:
        title_at = _find_title(text, us, content)
    else:
        title_at = None
        wanted = _normal(title)
        for i in content[:HEADER_WINDOW]:
            if wanted and _normal(text[us[i].start:us[i].end]) == wanted:
                us[i].label = Label("furniture", note="the headline again")
                title_at = i if i == content[0] else title_at
    if title_at is not None:
        facts.title = text[us[title_at].start:us[title_at].end].strip()
    body_from = _header(text, us, content, title_at, facts)
    blocks, story = _body(text, us, body_from, facts)
    return Reading(blocks, story, facts)


def _find_title(text: str, us: list[Unit], content: list[int]) -> int | None:
    for i in content:
        u = us[i]
        if u.kind in ("subhead",) or (u.kind == "prose" and not u.label.note and
                                      not furniture.ends_sentence(text[u.start:u.end]) and
                                      len(text[u.start:u.end].split()) <= TITLE_MAX_WORDS):
            return i
        if u.kind in ("prose", "bullet"):
            return None
    return None


def _header(text: str, us: list[Unit], content: list[int], title_at: int | None, facts: PageFacts) -> int:
    """Read the header; return the index of the first unit the body may start at."""
    first = 0 if title_at is None else title_at + 1
    for i in content:
        if i >= first:
            break
        _note_meta(text, us[i], facts, header=True)
    window = [i for i in content if i >= first][:HEADER_WINDOW + STANDFIRST_MAX]
    last_signal, prose_seen = None, 0
    for i in window:
        kind = us[i].kind
        if kind in _HEADER_SIGNALS:
            last_signal = i
        elif kind == "prose":
            prose_seen += 1
            if prose_seen > STANDFIRST_MAX:
                break
    if last_signal is None:
        return first
    standfirst = [i for i in window if i < last_signal and us[i].kind == "prose"]
    if standfirst:
        u = us[standfirst[0]]
        facts.subtitle = text[u.start:u.end].strip()
    for i in window:
        if i > last_signal:
            break
        _note_meta(text, us[i], facts, header=True)
    return last_signal + 1


def _note_meta(text: str, u: Unit, facts: PageFacts, *, header: bool) -> None:
    line = text[u.start:u.end].strip()
    kind = u.kind
    if kind == "date" and header:
        facts.shown.append(line)
    elif kind in ("published", "updated", "byline"):
        for part in furniture.FIELD_SPLIT.split(line):
            label = furniture.classify(part)
            if label.kind == "published":
                facts.published.append(part)
            elif label.kind == "updated":
                facts.updated.append(part)
            elif label.kind == "date" and header:
                facts.shown.append(part)
        if kind == "byline" and not facts.byline:
            facts.byline = u.label.value
    elif kind == "keywords" and not facts.keywords:
        listed = u.label.value or line
        facts.keywords = list(dict.fromkeys(x.strip() for x in re.split(r"[,;|]", listed.rstrip(".")) if x.strip()))
    elif kind == "credit" and u.label.value:
        facts.credits.append(u.label.value)


def _body(text: str, us: list[Unit], first: int, facts: PageFacts) -> tuple[list[Span], list[Span]]:
    story: list[tuple[int, Span, bool]] = []          # (unit index, span, is a block)
    dropped: list[int] = []
    in_widget, widget_chunk = False, -1
    for i in range(first, len(us)):
        u = us[i]
        kind = u.kind
        if kind == "blank":
            continue
        if kind == "end" and any(block for _, _, block in story):
            for rest in us[i + 1:]:
                if rest.kind in ("published", "updated", "credit"):
                    _note_meta(text, rest, facts, header=False)
            break
        if kind == "widget":
            in_widget, widget_chunk = True, u.chunk
            dropped.append(i)
            continue
        if in_widget:
            listed = kind == "bullet" and not furniture.ends_sentence(text[u.start:u.end])
            if u.chunk == widget_chunk or kind in _WIDGET_ZONE or listed:
                dropped.append(i)
                continue
            in_widget = False
        span = (u.start + u.label.start, u.end)
        if kind in ("prose", "bullet"):
            if u.label.note == "dateline":
                if u.label.value and not story and not facts.dateline_agency:
                    facts.dateline_agency = u.label.value
                story.append((i, (u.start, span[0]), False))
            story.append((i, span, True))
        elif kind in _STORY_ONLY:
            story.append((i, span, False))
        else:
            dropped.append(i)
            _note_meta(text, u, facts, header=False)
    story = _trim(story, dropped)
    repeats = _repeats(text, [span for _, span, block in story if block])
    blocks = [span for _, span, block in story if block and span not in repeats]
    return blocks, [span for _, span, _ in story if span not in repeats]


def _trim(story: list[tuple[int, Span, bool]], dropped: list[int]) -> list[tuple[int, Span, bool]]:
    """Keep subheads, items and tables around the blocks only where no furniture parts them from the story."""
    block_at = [k for k, (_, _, block) in enumerate(story) if block]
    if not block_at:
        return story
    first, last = story[block_at[0]][0], story[block_at[-1]][0]
    before = max((d for d in dropped if d < first), default=-1)
    after = min((d for d in dropped if d > last), default=math.inf)
    return [item for item in story if before < item[0] < after]


def _repeats(text: str, spans: list[Span]) -> set[Span]:
    """Paragraphs whose words all recur inside a longer one (pull quotes)."""
    normal = [_normal(text[s:e]) for s, e in spans]
    haystack = "\n".join(normal)
    return {span for span, words in zip(spans, normal)
            if len(words) >= 20 and haystack.count(words) > normal.count(words)}


def resolve_dates(facts: PageFacts, order: str, *, today: date | None = None) -> tuple[date | None, date | None, date | None]:
    """(published, page_date, modified) from the dates the page states."""
    today = today or date.today()

    def readings(line: str) -> list[date]:
        out = []
        for m in find_dates(line)[:1]:
            first = m.to_date(order)
            other = m.to_date("MDY" if order == "DMY" else "DMY") if m.ambiguous else None
            out.extend(d for d in (first, other) if d is not None)
        return out

    shown = [r[0] for r in map(readings, facts.shown) if r]
    page_date = shown[0] if shown else None
    ceiling = min(x for x in (page_date, today) if x is not None)
    published = None
    for line in facts.published:
        options = [d for d in readings(line) if d <= ceiling] or readings(line)[:1]
        if options and (published is None or options[0] < published):
            published = options[0]
    modified = None
    for line in facts.updated:
        options = readings(line)[:1]
        if options and (modified is None or options[0] > modified):
            modified = options[0]
    if published is None:
        published = page_date
    return published, page_date, modified


def pick_source(facts: PageFacts) -> str | None:
    """Credited agency first ("Source: Agencies"), then a dateline's, then an agency byline."""
    if facts.credits:
        return facts.credits[-1]
    if facts.dateline_agency:
        return facts.dateline_agency
    return agency(facts.byline)


def agency(name: str | None) -> str | None:
    """``name`` when it is a news agency rather than a person."""
    if name and name.strip().lower().replace(" ", "-") in _AGENCIES:
        return name.strip()
    return None
