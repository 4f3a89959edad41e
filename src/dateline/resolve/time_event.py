"""The time of one event: the expression that governs its trigger, or a stated fallback.

Order of evidence:
1. a time expression in the trigger's own clause (the dependency parse: the
   expression modifies the trigger or hangs from the same verb), nearest first;
2. a sentence that opens with a connective continuing the narrative ("Then",
   "Meanwhile", "At the same time") takes the preceding event's time, keeping the
   connective's words as its text: the connective is itself an adverbial of the
   main clause, so it beats expressions buried in other clauses;
3. a dated expression in a clause above the trigger's ("In July, officials said
   the two men met"); expressions inside relative or other subordinate clauses
   that do not hold the trigger date something else and are not used;
4. a clause in the present perfect or progressive, or an event noun in a present-tense
   clause, reports what happened over the recent past: the seven days up to first
   publication (as "in recent days"); a simple-present verb reports the state at
   publication: the publication day;
5. otherwise the time is unknown.  The crawl or page date is never used.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta
from typing import Any

from dateline.records import AnnotatedArticle, TimeMention, TimeSpan
from dateline.resolve.time_normalise import interpret
from dateline.resolve.time_tense import clause_tense, verb_tense
from dateline.resolve.time_words import vocabulary

RECENT_PAST_DAYS = 7
ANAPHORIC = re.compile(r"\b(?:then|that time|the time|that day|the same day|that same day|"
                       r"the same time|later|earlier|afterwards|before|after)\b", re.I)


def event_time(annotated: AnnotatedArticle, times: list[TimeMention], sentence: int,
               trigger_start: int, trigger_end: int, previous: TimeSpan | None = None) -> TimeSpan:
    """The time of the event whose trigger is at [trigger_start, trigger_end) of sentence ``sentence``."""
    record = annotated.sentences[sentence]
    block = annotated.parsed[record.block]
    doc = block.doc
    here = [m for m in times if m.sentence == sentence]
    trigger = _token_at(doc, trigger_start - block.offset, trigger_end - block.offset)
    governing = _clause_mention(doc, block.offset, here, trigger, trigger_start)
    if governing is not None:
        return _value(annotated, governing, previous, doc, block.offset)
    carried = _carry_over(annotated.article.text, record.start, record.end, previous)
    if carried is not None:
        return carried
    higher = _higher_mention(doc, block.offset, here, trigger, trigger_start)
    if higher is not None:
        return _value(annotated, higher, previous, doc, block.offset)
    published = annotated.article.published     # first publication only, never the page date
    if published is not None and trigger is not None:
        aspect = _present_aspect(trigger)
        if aspect == "recent":
            return TimeSpan(published - timedelta(days=RECENT_PAST_DAYS - 1), published, None, "day")
        if aspect == "present":
            return TimeSpan(published, published, None, "day")
    return TimeSpan()


def _token_at(doc: Any, start: int, end: int) -> Any | None:
    span = doc.char_span(start, max(end, start + 1), alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def _clause_verb(token: Any) -> Any:
    seen = 0
    while seen < 30 and not (token.pos_ in ("VERB", "AUX") and token.dep_ != "aux") and token.head.i != token.i:
        token = token.head
        seen += 1
    return token


def _mention_root(doc: Any, offset: int, mention: TimeMention) -> Any | None:
    span = doc.char_span(mention.start - offset, mention.end - offset, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _clause_mention(doc: Any, offset: int, mentions: list[TimeMention], trigger: Any | None,
                    trigger_start: int) -> TimeMention | None:
    """The expression of the trigger's own clause: one that modifies the trigger itself
    ("the July trip") first, then one that hangs from the trigger's verb; nearest first."""
    if trigger is None:
        return None
    trigger_verb = _clause_verb(trigger)
    scored: list[tuple[int, int, TimeMention]] = []
    for mention in mentions:
        root = _mention_root(doc, offset, mention)
        if root is None:
            continue
        if _modifies(root, trigger):
            rank = 0
        elif _clause_verb(root) == trigger_verb:
            rank = 1
        else:
            continue
        scored.append((rank, abs(mention.start - trigger_start), mention))
    return min(scored, key=lambda item: (item[0], item[1]))[2] if scored else None


def _modifies(root: Any, trigger: Any) -> bool:
    """Whether the expression hangs from the trigger without a clause between ("the July trip")."""
    token = root
    for _ in range(30):
        if token == trigger:
            return True
        if token.i != root.i and token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            return False
        token = token.head
    return False


def _higher_mention(doc: Any, offset: int, mentions: list[TimeMention], trigger: Any | None,
                    trigger_start: int) -> TimeMention | None:
    """A dated expression of a clause that contains the trigger's clause."""
    dated = [m for m in mentions if m.value.start is not None or m.value.end is not None]
    if trigger is None:
        return None
    trigger_verb = _clause_verb(trigger)
    above = []
    for mention in dated:
        root = _mention_root(doc, offset, mention)
        if root is not None and _clause_verb(root) in trigger_verb.ancestors:
            above.append(mention)
    return min(above, key=lambda m: abs(m.start - trigger_start)) if above else None


def _value(annotated: AnnotatedArticle, mention: TimeMention, previous: TimeSpan | None,
           doc: Any, offset: int) -> TimeSpan:
    """The mention's interval; an anaphoric one ("since then") is re-read against ``previous``."""
    ref = annotated.article.reference_date
    words = mention.value.text or mention.text
    if previous is not None and ref is not None and ANAPHORIC.search(words) \
            and (previous.start is not None or previous.end is not None):
        tense = clause_tense(doc, mention.start - offset, mention.end - offset)
        reading = interpret(words, ref, tense, anchor=previous)
        if reading is not None and reading.anchored:
            return reading.span(words)
    if mention.value.start is None and mention.value.end is None:
        return TimeSpan()
    return replace(mention.value)


def _carry_over(text: str, start: int, end: int, previous: TimeSpan | None) -> TimeSpan | None:
    opening = text[start:end].lstrip("\u201c\"' ")
    lowered = opening.lower()
    for connective in vocabulary().connectives:
        if lowered.startswith(connective) and not lowered[len(connective):len(connective) + 1].isalnum():
            if previous is None or (previous.start is None and previous.end is None):
                return TimeSpan()
            return TimeSpan(previous.start, previous.end, opening[:len(connective)], previous.granularity)
    return None


def _present_aspect(trigger: Any) -> str | None:
    """How a present-tense clause frames the event: 'recent' when it extends over the days up
    to publication (present perfect "has hit", progressive "is bombing", or an event noun such as
    "the airstrikes" reported in the present), 'present' for a simple-present verb ("controls"),
    None when the clause is not in the present."""
    verb = _clause_verb(trigger)
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    if any(a.lemma_ == "have" and a.tag_ in ("VBZ", "VBP") for a in auxiliaries) and \
            (verb.tag_ == "VBN" or any(a.tag_ == "VBN" for a in auxiliaries)):
        return "recent"
    if verb_tense(verb) != "present":
        return None
    if not (verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxiliaries)):
        return None
    if verb.tag_ == "VBG" or trigger is not verb:
        return "recent"
    return "present"
