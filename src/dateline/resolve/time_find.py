"""Find the time expressions of an annotated article and normalise them.

Candidates are spaCy's DATE and TIME entities plus the time adverbs the
statistical model leaves out ("now", "currently", "recently", "daily") and
"since then".  Each is trimmed to the words that carry time, read with the
preposition before it ("since", "by", "until"), and normalised against the
article's reference date, in the direction of the tense of its clause.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from dateline.records import AnnotatedArticle, TimeMention, TimeSpan
from dateline.resolve.time_normalise import interpret
from dateline.resolve.time_reading import Reading
from dateline.resolve.time_tense import clause_tense
from dateline.resolve.time_words import vocabulary

ADVERBS = re.compile(r"\b(?:now|currently|recently|today|tonight|yesterday|tomorrow|daily|weekly|"
                     r"since then|nowadays|lately|at present|these days|the future|the near future|every day|"
                     r"in the past)\b", re.I)
AGE = re.compile(r"^\d+[- ](?:year|month|week|day)s?[- ]old$|^\w+[- ]years?[- ]old$", re.I)
RANGE_PARTS = re.compile(r"(?:(?:from|between)\s+)?(?P<first>\S.*?)\s*(?:\b(?:to|and|through|until|till)\b|"
                         r"(?<=\d)\s*[-\u2013]\s*(?=\d))\s*(?P<last>\S.*)", re.I)
DEADLINE_WORDS = ("until", "till", "by")
BOUND_WORDS = ("since", "until", "till", "by", "before", "after", "from", "through")
TRIM_HEAD = re.compile(r"^(?:(?:for|during|in|on|of|its|their|both|just|only|as early as|as late as)\s+|"
                       r"the\s+(?=[A-Z][a-z]{2,8}\.? \d{1,2}\b)|"
                       r"at\s+(?!least\b|most\b)|an?\s+(?=\d|[A-Z][a-z]+\.? \d|(?:one|two|three|four|five|six|"
                       r"seven|eight|nine|ten|first|second|third|fourth)\b))+", re.I)
EXTEND_LEFT = re.compile(r"\b(?:this|last|next|each|every|early|late|earlier|later|noon|midnight|"
                         r"\d{1,2}(?::\d\d)?\s?[ap]\.?m\.?(?:\s+(?:[A-Z][SD]T|GMT|UTC))?)\s+$", re.I)
EXTEND_RIGHT = re.compile(r"\s+(?:morning|afternoon|evening|night|nights)\b", re.I)
SPLIT_AT = re.compile(r"\s+(?:ended|ending|that ended|which ended)\s+", re.I)
TIME_WORD = re.compile(r"\d{4}|\b(?:year|month|week|day|hour|minute|decade|centur|quarter|season|"
                       r"spring|summer|autumn|fall|winter|morning|night|evening|afternoon|noon|"
                       r"today|yesterday|tomorrow|now|ago|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|"
                       r"dec|mon|tue|wed|thu|fri|sat|sun)", re.I)
SIGNAL_TAIL = re.compile(r"\s+(?:later|before|after)$", re.I)
TRIM_TAIL = re.compile(r"(?:'s|’s|\s+(?:old|long))$")
NOT_TIME = re.compile(r"^(?:\d{1,3}(?:,\d{3})*|the (?:day|time|moment)|one|\d+ percent)$", re.I)


@dataclass(frozen=True)
class Candidate:
    start: int          # offsets into the block's doc text
    end: int
    label: str
    signal: str = ""    # a relating word cut off the end ("later", "before"): read, not kept


def find_times(annotated: AnnotatedArticle, dayfirst: bool = False) -> list[TimeMention]:
    """All time expressions of the body sentences, in text order (see ``times.find_times``)."""
    return [mention for mention, _ in find_readings(annotated, dayfirst)]


def find_readings(annotated: AnnotatedArticle, dayfirst: bool = False,
                  ) -> list[tuple[TimeMention, Reading | None]]:
    """Each time mention with the full reading behind it (kind, TIMEX3 type and value)."""
    article = annotated.article
    ref = article.reference_date
    found: list[tuple[TimeMention, Reading | None]] = []
    anchor: TimeSpan | None = None
    texts: dict[int, str] = {}
    entities: dict[int, list[Any]] = {}
    for sentence in annotated.sentences:
        block = annotated.parsed[sentence.block]
        doc = block.doc
        if sentence.block not in texts:     # Doc.text rebuilds the string on every access
            texts[sentence.block] = doc.text
            entities[sentence.block] = [ent for ent in doc.ents if ent.label_ in ("DATE", "TIME")]
        doc_text = texts[sentence.block]
        lo, hi = sentence.start - block.offset, sentence.end - block.offset
        for candidate in _candidates(entities[sentence.block], doc_text, lo, hi):
            if ref is not None:
                pair = _range_pair(doc, doc_text, candidate, ref, dayfirst, anchor)
                if pair:
                    for start, end, reading, span in pair:
                        text = article.text[block.offset + start:block.offset + end]
                        found.append((TimeMention(block.offset + start, block.offset + end, text,
                                                  sentence.index, span, "point"), reading))
                    continue
            text = doc_text[candidate.start:candidate.end]
            bounded = text
            reading: Reading | None = None
            if ref is not None:
                tense = clause_tense(doc, candidate.start, candidate.end)
                bounded = _with_bound(doc_text, candidate.start, text) + candidate.signal
                if tense == "past" and bounded.split()[0].lower() in DEADLINE_WORDS:
                    tense = "present"   # "postponed until Tuesday": a deadline may lie ahead
                reading = interpret(bounded, ref, tense, dayfirst, anchor)
                if candidate.signal:
                    reading = _with_own_timex(reading, interpret(text, ref, tense, dayfirst, anchor))
            if reading is None and (NOT_TIME.match(text) or not TIME_WORD.search(text)
                                    or text.strip().isdigit()):
                continue
            start, end = block.offset + candidate.start, block.offset + candidate.end
            mention = to_mention(reading, article.text[start:end], start, end, sentence.index,
                                 bounded if bounded != text else None)
            found.append((mention, reading))
            if reading is not None and reading.kind == "point" and reading.start and reading.end \
                    and not reading.anchored:
                anchor = mention.value
    return found


def _range_pair(doc: Any, doc_text: str, candidate: Candidate, ref: date, dayfirst: bool,
                anchor: TimeSpan | None) -> list[tuple[int, int, Reading, TimeSpan]] | None:
    """The two ends of a range ("from May to July", "between 1985 and 1987", "2009-2010") as
    two mentions, each with its own TIMEX3 value and both with the whole range as interval."""
    text = doc_text[candidate.start:candidate.end]
    match = RANGE_PARTS.fullmatch(text)
    if match is None:
        return None
    tense = clause_tense(doc, candidate.start, candidate.end)
    whole = interpret(text, ref, tense, dayfirst, anchor)
    first_text, last_text = match["first"], match["last"]
    last = interpret(last_text, ref, tense, dayfirst, anchor)
    first = interpret(first_text, ref, tense, dayfirst, anchor)
    if first is None and last is not None and last.start is not None \
            and first_text.lower().rstrip(".") in vocabulary().months:
        first = interpret(f"{first_text} {last.start.year}", ref, tense, dayfirst, anchor)
    if last is None and first is not None and first.start is not None and last_text.isdigit() \
            and first.granularity == "day":
        try:    # "April 24 and 25": the second day borrows the month
            day = first.start.replace(day=int(last_text))
        except ValueError:
            return None
        last = replace(first, start=day, end=day, timex=day.isoformat())
    if first is None or last is None or first.start is None or last.end is None:
        return None
    if whole is not None and whole.start is not None and whole.end is not None:
        span = TimeSpan(whole.start, whole.end, text, whole.granularity)
    elif first.start <= last.end:
        span = TimeSpan(first.start, last.end, text, first.granularity)
    else:
        return None
    pieces = []
    for name, reading in (("first", first), ("last", last)):
        start, end = candidate.start + match.start(name), candidate.start + match.end(name)
        pieces.append((start, end, reading, span))
    return pieces


def to_mention(reading: Reading | None, text: str, start: int, end: int, sentence: int,
               bounded: str | None = None) -> TimeMention:
    """A mention whose value keeps the words that date it (with "since"/"by" when they bound it)."""
    if reading is None:
        return TimeMention(start, end, text, sentence, TimeSpan(), "vague")
    return TimeMention(start, end, text, sentence, reading.span(bounded or text), reading.kind)


def _candidates(entities: list[Any], doc_text: str, lo: int, hi: int) -> list[Candidate]:
    """DATE/TIME entities of the sentence [lo, hi) and the time adverbs the model missed."""
    found: list[Candidate] = []
    for ent in entities:
        if ent.start_char < lo or ent.end_char > hi:
            continue
        if AGE.match(ent.text) or (len(ent) == 1 and ent[0].tag_ == "JJ"):
            continue    # ages ("6-year-old") and adjectives ("quarterly results") date nothing
        for piece in _split(doc_text, ent.start_char, ent.end_char):
            trimmed = _trim(doc_text, *piece)
            if trimmed:
                start, end = _extend(doc_text, trimmed[0], trimmed[1], lo, hi)
                signal = SIGNAL_TAIL.search(doc_text, start, end)
                if signal is not None and signal.start() > start and signal.end() == end:
                    found.append(Candidate(start, signal.start(), ent.label_, doc_text[signal.start():end]))
                else:
                    found.append(Candidate(start, end, ent.label_))
    for match in ADVERBS.finditer(doc_text, lo, hi):
        if not any(c.start < match.end() and match.start() < c.end for c in found):
            found.append(Candidate(match.start(), match.end(), "ADV"))
    return sorted(found, key=lambda c: c.start)


def _with_own_timex(reading: Reading | None, own: Reading | None) -> Reading | None:
    """The interval read with the relating word, the TIMEX3 value of the words kept
    ("three days" of "three days later" is the duration P3D)."""
    if reading is None or own is None:
        return reading or own
    return replace(reading, timex_type=own.timex_type, timex=own.timex)


def _split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """An entity that joins two expressions ("the year ended Sept. 30") as two pieces."""
    match = SPLIT_AT.search(text, start, end)
    if match is None or match.end() > end:
        return [(start, end)]
    return [(start, match.start()), (match.end(), end)]


def _extend(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """Take in a determiner or clock time the model left outside ("this" year, "noon" Thursday)
    and a part of the day after a weekday ("Thursday evening")."""
    left = EXTEND_LEFT.search(text, max(lo, start - 14), start)
    if left is not None and left.end() == start:
        start = left.start()
    right = EXTEND_RIGHT.match(text, end, hi)
    if right is not None:
        end = right.end()
    return start, end


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    span = text[start:end]
    head = TRIM_HEAD.match(span)
    if head and head.end() < len(span):
        start += head.end()
        span = text[start:end]
    tail = TRIM_TAIL.search(span)
    if tail and tail.start() > 0:
        end -= len(span) - tail.start()
    while end > start and not text[end - 1].isalnum():
        end -= 1
    while start < end and not (text[start].isalnum() or text[start] == "'"):
        start += 1
    return (start, end) if end > start else None


def _with_bound(text: str, start: int, expression: str) -> str:
    """The expression with the bounding preposition just before it ("since", "by")."""
    before = text[max(0, start - 12):start].rstrip().lower()
    for word in BOUND_WORDS:
        if before.endswith(" " + word) or before == word:
            return f"{word} {expression}"
    return expression

