#!/usr/bin/env python3
"""A generator of syndicated and re-told news pages with known true incidents.

    .venv/bin/python bench/syndicate.py --out /tmp/syndicated   # writes pages + truth.json

Starting from the sample stories in ``samples/`` (written for this project),
each story gives:

* the original page, as it is;
* syndicated copies: the same story body under another site's furniture
  (header, section line, related links, share and copyright lines) with a page
  date months or years later; some keep a "First published" line, some do
  not (so a copy may be re-dated against its new page date, as old stories
  republished on other sites often are); one copy edits a sentence;
* re-told reports by other outlets a few days later: sentences re-phrased
  (function phrases, and content words by a synonym list), some dropped, the casualty figure changed in one
  telling (the other side's number), and every weekday or yesterday/today
  reference re-dated as a calendar date, since the retelling's page date is
  not the original's.

Every body sentence keeps the label of the original sentence it came from
("<story>#<n>"), or, where sentences of one story retell one incident
(``bench/data/sample_incidents.tsv``, annotated by hand from the samples),
that incident's name ("<story>#<incident>"); its number in the original story
(``sentence``); and the acts it reports (``acts``: PLOVER type, the act's name,
shared by the sentences that retell it, and cue words where a sentence reports
two acts of one type), from ``bench/data/sample_acts.tsv``, annotated by hand
from the samples.  This module knows nothing of how dateline clusters
incidents: it uses only the page cleaner to find the body of the original pages.
"""
from __future__ import annotations

import argparse
import json
import random
import re
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from dateline.clean import clean_document
from dateline.ingest import read_paths
from dateline.records import InputError

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
RETELLINGS = Path(__file__).resolve().parent / "data" / "sample_incidents.tsv"
ACTS = Path(__file__).resolve().parent / "data" / "sample_acts.tsv"
OUTLETS = ("Lakeside Post", "The Evening Courant", "Northern Star Online", "Daily Atlas",
           "Capital Observer", "Metro Sentinel", "The Plains Review", "Bayview Chronicle")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
REPHRASE = (   # (pattern, replacement): wording another outlet might use
    (r"\bsaid\b", "stated"), (r"\bat least\b", "no fewer than"), (r"\bmore than\b", "over"),
    (r"\bbegan\b", "started"), (r"\bannounced\b", "declared"), (r"\bhelped\b", "assisted"),
    (r"\bmany\b", "numerous"), (r"\bbig\b", "large"), (r"\bquickly\b", "rapidly"),
    (r"\bhowever\b", "though"), (r"\balso\b", "as well"), (r"\bshortly after\b", "soon after"),
)
SYNONYMS = (   # content words another outlet might choose instead
    (r"\battacked\b", "struck"), (r"\bprotesters\b", "demonstrators"),
    (r"\bdemonstrators\b", "protesters"), (r"\btroops\b", "soldiers"),
    (r"\bsoldiers\b", "troops"), (r"\bagreement\b", "accord"), (r"\bdeal\b", "pact"),
    (r"\btalks\b", "negotiations"), (r"\bfired\b", "launched"), (r"\bkilled\b", "left dead"),
    (r"\bwounded\b", "injured"), (r"\barrested\b", "detained"), (r"\bdetained\b", "held"),
    (r"\bcity\b", "town"), (r"\bcapital\b", "capital city"), (r"\bwarned\b", "cautioned"),
    (r"\baccused\b", "blamed"), (r"\bdenied\b", "rejected claims"), (r"\bhit\b", "struck"),
    (r"\bstrikes\b", "attacks"), (r"\bfighting\b", "clashes"), (r"\bministry\b", "department"),
    (r"\bgovernment\b", "authorities"), (r"\bleaders\b", "heads of government"),
    (r"\bsanctions\b", "penalties"), (r"\bceasefire\b", "truce"), (r"\btruce\b", "ceasefire"),
    (r"\bcrowds\b", "throngs"), (r"\bresidents\b", "locals"), (r"\bmilitary\b", "armed forces"),
    (r"\bpresident\b", "head of state"), (r"\bpeople\b", "persons"), (r"\bhelp\b", "aid"),
)
NUMBER = re.compile(r"\b(at least|more than|no fewer than|over|some|about)? ?(\d{1,4})\b"
                    r"(?= (?:people|civilians|soldiers|fighters|protesters|were|dead|killed))")
SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[\"“‘(]?[A-Z0-9])")
DAY_WORD = re.compile(r"\b(?:((?i:on|last|this|late on|early on|by)) )?"
                      r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)('s)?\b"
                      r"|\b(yesterday|today|tonight)\b")

ABBREVIATION_END = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|Gen|"
                              r"Col|Lt|Sgt|No|Gov|Sen|Rep|a\.m|p\.m|U\.S|U\.N)\.$")
PRONOUN_START = re.compile(r"(He|She|It|They|His|Her|Its|Their|This|That|These|Those)\b")


@dataclass
class Page:
    id: str
    text: str
    story: str
    role: str                           # original | copy | retold
    outlet: str | None
    page_date: str
    sentences: list[dict[str, Any]] = field(default_factory=list)   # text, label, sentence, acts


@dataclass
class Story:
    id: str
    path: Path
    title: str
    published: date
    source: str | None
    paragraphs: list[list[str]]         # sentences, by paragraph


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of a paragraph; a split after an abbreviation ("Oct. 7") is undone."""
    out: list[str] = []
    for piece in SENTENCE_END.split(" ".join(paragraph.split())):
        piece = piece.strip()
        if not piece:
            continue
        if out and ABBREVIATION_END.search(out[-1]):
            out[-1] += " " + piece
        else:
            out.append(piece)
    return out


def read_story(path: Path) -> Story | None:
    raws = [r for r in read_paths([path]) if not isinstance(r, InputError)]
    if not raws:
        return None
    article = clean_document(raws[0])
    published = article.published or article.page_date
    if published is None or not article.blocks:
        return None
    paragraphs = [split_sentences(article.text[a:b]) for a, b in article.blocks]
    return Story(id=path.stem, path=path, title=article.title or path.stem, published=published,
                 source=article.source, paragraphs=[p for p in paragraphs if p])


def day_text(day: date, style: int) -> str:
    if style % 2:
        return f"{MONTHS[day.month - 1]} {day.day}"
    return f"{day.day} {MONTHS[day.month - 1]}"


def redate(sentence: str, published: date, style: int) -> str:
    """Weekdays and yesterday/today as calendar dates, resolved against the
    original publication date (a bare weekday is the latest such day on or
    before it; 'last Monday' the one of the week before)."""
    def replace(match: re.Match[str]) -> str:
        lead, weekday, possessive, word = match.groups()
        lead = (lead or "").lower()
        if word:
            offset = {"yesterday": 1, "today": 0, "tonight": 0}[word.lower()]
            day = published - timedelta(days=offset)
            return f"on {day_text(day, style)}" if word.lower() != "tonight" else \
                f"on the night of {day_text(day, style)}"
        back = (published.weekday() - WEEKDAYS.index(weekday)) % 7
        if lead == "last" and back == 0:
            back = 7
        day = published - timedelta(days=back)
        if possessive:
            return f"the {day_text(day, style)}"
        prefix = {"late on": "late on ", "early on": "early on ", "by": "by "}.get(lead, "on ")
        return prefix + day_text(day, style)
    out = DAY_WORD.sub(replace, sentence)
    return out[0].upper() + out[1:] if out else out


def rephrase(sentence: str, rng: random.Random, synonyms: float = 0.0) -> str:
    """Another outlet's wording: function phrases swapped (each with chance
    0.6), and content words (each with chance ``synonyms``)."""
    out = sentence
    for pattern, replacement in REPHRASE:
        if rng.random() < 0.6:
            out = re.sub(pattern, replacement, out, count=1)
    for pattern, replacement in SYNONYMS:
        if synonyms and rng.random() < synonyms:
            out = re.sub(pattern, replacement, out, count=1)
    return out


def other_figure(sentence: str, rng: random.Random) -> str:
    """The casualty figure as the other side gives it."""
    def replace(match: re.Match[str]) -> str:
        qualifier, number = match.group(1), int(match.group(2))
        new = max(1, number + rng.choice((-3, -2, 2, 3, 5)))
        return f"{qualifier + ' ' if qualifier else ''}{new}"
    return NUMBER.sub(replace, sentence, count=1)


def furniture(outlet: str, page_date: date, rng: random.Random) -> tuple[str, str]:
    header = (f"{WEEKDAYS[page_date.weekday()]}, {MONTHS[page_date.month - 1][:3]} "
              f"{page_date.day:02d}, {page_date.year}\n\n{outlet.upper()} | World | Politics\n")
    related = rng.sample(["Markets close lower", "Ten quiet beaches", "Cup final preview",
                          "Rail fares to rise", "Storm warning for coast", "Budget vote delayed"], 3)
    footer = (f"\nRelated: {' | '.join(related)}\n\nShare this story: Facebook Twitter Email\n\n"
              f"(c) {page_date.year} {outlet}. All rights reserved.\n")
    return header, footer


Acts = dict[tuple[str, int], list[dict[str, Any]]]
Body = list[list[tuple[str, str, int]]]       # paragraphs of (text, label, sentence number)


def sentence_dicts(story: Story, body: Body, acts: Acts) -> list[dict[str, Any]]:
    return [{"text": text, "label": label, "sentence": n,
             "acts": acts.get((story.id, n), [])} for paragraph in body
            for text, label, n in paragraph]


def compose(story: Story, page_id: str, role: str, outlet: str, page_date: date,
            bodies: Body, title: str, first_published: date | None,
            rng: random.Random, acts: Acts) -> Page:
    header, footer = furniture(outlet, page_date, rng)
    parts = [header, title, ""]
    if first_published is not None:
        parts.append(f"First published on {first_published.isoformat()}")
        parts.append("")
    for paragraph in bodies:
        if paragraph:
            parts.append(" ".join(text for text, _, _ in paragraph))
            parts.append("")
    parts.append(footer)
    return Page(id=page_id, text="\n".join(parts), story=story.id, role=role, outlet=outlet,
                page_date=page_date.isoformat(), sentences=sentence_dicts(story, bodies, acts))


def read_retellings(path: Path = RETELLINGS) -> dict[tuple[str, int], str]:
    """{(story, sentence number): incident} for sentences that retell one incident."""
    out: dict[tuple[str, int], str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("story\t"):
            continue
        story, numbers, incident = line.split("\t")[:3]
        for number in numbers.split(","):
            out[(story, int(number))] = incident
    return out


def read_acts(path: Path = ACTS) -> Acts:
    """{(story, sentence number): [{"type", "incident", "cue"}]}: the acts each
    sentence reports.  An act (story, incident) must keep one type."""
    out: Acts = {}
    types: dict[tuple[str, str], str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("story\t"):
            continue
        story, number, type_, incident, cue = (line.split("\t") + [""])[:5]
        if types.setdefault((story, incident), type_) != type_:
            raise ValueError(f"{path.name}: act {story}#{incident} has two types")
        out.setdefault((story, int(number)), []).append(
            {"type": type_, "incident": incident, "cue": cue.split()})
    return out


def labelled(story: Story, retellings: dict[tuple[str, int], str]) -> Body:
    """Each body sentence with its true incident (the shared one of a retelling
    group, else its own number) and its number in the story."""
    out, n = [], 0
    for paragraph in story.paragraphs:
        row = []
        for sentence in paragraph:
            row.append((sentence, f"{story.id}#{retellings.get((story.id, n), n)}", n))
            n += 1
        out.append(row)
    return out


def pages_of(story: Story, rng: random.Random, retellings: dict[tuple[str, int], str],
             copies: int = 2, retold: int = 3, acts: Acts | None = None) -> list[Page]:
    acts = acts or {}
    body = labelled(story, retellings)
    original = Page(id=story.id, text=story.path.read_text(encoding="utf-8"), story=story.id,
                    role="original", outlet=story.source,
                    page_date=story.published.isoformat(),
                    sentences=sentence_dicts(story, body, acts))
    pages = [original]
    outlets = rng.sample(OUTLETS, copies + retold)
    for k in range(copies):
        later = story.published + timedelta(days=rng.randint(60, 1500))
        copy_body = [list(p) for p in body]
        if k == copies - 1:                     # one copy edits a sentence
            i = rng.randrange(len(copy_body))
            j = rng.randrange(len(copy_body[i]))
            text, label, n = copy_body[i][j]
            copy_body[i][j] = (rephrase(text, rng), label, n)
        pages.append(compose(story, f"{story.id}--copy{k + 1}", "copy", outlets[k], later,
                             copy_body, story.title, story.published if k % 2 else None, rng,
                             acts))
    for k in range(retold):
        later = story.published + timedelta(days=rng.randint(1, 3))
        style = rng.randrange(2)
        told = []
        changed_figure = k == 0
        for paragraph in body:
            row = []
            for text, label, n in paragraph:
                if rng.random() < 0.3:
                    continue
                new = rephrase(redate(text, story.published, style), rng, synonyms=0.5)
                if changed_figure and NUMBER.search(new):
                    new, changed_figure = other_figure(new, rng), False
                row.append((new, label, n))
            if len(row) > 1 and rng.random() < 0.3 and not PRONOUN_START.match(row[1][0]):
                row[0], row[1] = row[1], row[0]
            told.append(row)
        title = rephrase(story.title, rng)
        pages.append(compose(story, f"{story.id}--retold{k + 1}", "retold",
                             outlets[copies + k], later, told, title, later, rng, acts))
    return pages


def generate(seed: int = 11, copies: int = 2, retold: int = 3,
             samples: Path = SAMPLES) -> list[Page]:
    rng = random.Random(seed)
    retellings = read_retellings()
    acts = read_acts()
    pages: list[Page] = []
    for path in sorted(samples.iterdir()):
        if path.suffix not in (".txt", ".html") or path.name.lower().startswith("readme"):
            continue
        story = read_story(path)
        if story is not None:
            pages.extend(pages_of(story, rng, retellings, copies, retold, acts))
    return pages


def write(pages: list[Page], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for page in pages:
        suffix = ".html" if page.role == "original" and page.text.lstrip().startswith("<") else ".txt"
        (out / f"{page.id}{suffix}").write_text(page.text, encoding="utf-8")
    truth = [{k: v for k, v in asdict(p).items() if k != "text"} for p in pages]
    (out / "truth.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False),
                                    encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--copies", type=int, default=2)
    parser.add_argument("--retold", type=int, default=3)
    args = parser.parse_args()
    pages = generate(args.seed, args.copies, args.retold)
    write(pages, args.out)
    print(f"{len(pages)} pages, {sum(len(p.sentences) for p in pages)} labelled sentences "
          f"-> {args.out}")


if __name__ == "__main__":
    main()
