"""The time of one event: the expression that governs its trigger, or a stated fallback.

Order of evidence:
1. a time expression in the trigger's own clause (the dependency parse: the
   expression modifies the trigger or hangs from the same verb), then any dated
   expression of the sentence, nearest first;
2. a sentence that opens with a connective continuing the narrative ("Then",
   "Meanwhile", "At the same time") takes the preceding event's time, keeping the
   connective's words as its text;
3. a clause in the present or present perfect reports the state at publication:
   the publication day;
4. otherwise the time is unknown.  The crawl or page date is never used.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from dateline.records import AnnotatedArticle, TimeMention, TimeSpan
from dateline.resolve.time_normalise import interpret
from dateline.resolve.time_tense import clause_tense, verb_tense
from dateline.resolve.time_words import vocabulary

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
    governing = _governing_mention(doc, block.offset, here, trigger, trigger_start)
    if governing is not None:
        return _value(annotated, governing, previous, doc, block.offset)
    carried = _carry_over(annotated.article.text, record.start, record.end, previous)
    if carried is not None:
        return carried
    published = annotated.article.published     # first publication only, never the page date
    if published is not None and trigger is not None and _reports_present(trigger):
        return TimeSpan(published, published, None, "day")
    return TimeSpan()


def _token_at(doc: Any, start: int, end: int) -> Any | None:
    span = doc.char_span(start, max(end, start + 1), alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def _clause_verb(token: Any) -> Any:
    seen = 0
    while seen < 30 and not (token.pos_ in ("VERB", "AUX") and token.dep_ != "aux") and token.head is not token:
        token = token.head
        seen += 1
    return token


def _governing_mention(doc: Any, offset: int, mentions: list[TimeMention], trigger: Any | None,
                       trigger_start: int) -> TimeMention | None:
    if not mentions:
        return None
    if trigger is not None:
        trigger_verb = _clause_verb(trigger)
        scored: list[tuple[int, int, TimeMention]] = []
        for mention in mentions:
            span = doc.char_span(mention.start - offset, mention.end - offset, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            root = span.root
            if trigger in root.ancestors or trigger == root:
                rank = 0            # the expression modifies the trigger itself ("the July trip")
            elif _clause_verb(root) == trigger_verb:
                rank = 1            # it hangs from the trigger's verb
            else:
                continue
            scored.append((rank, abs(mention.start - trigger_start), mention))
        if scored:
            return min(scored, key=lambda item: (item[0], item[1]))[2]
    dated = [m for m in mentions if m.value.start is not None or m.value.end is not None]
    if not dated:
        return None
    return min(dated, key=lambda m: abs(m.start - trigger_start))


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


def _reports_present(trigger: Any) -> bool:
    """Whether the trigger's clause is in the present or present perfect."""
    verb = _clause_verb(trigger)
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBN" and any(a.lemma_ == "have" and a.tag_ in ("VBZ", "VBP") for a in auxiliaries):
        return True
    if verb_tense(verb) != "present":
        return False
    return verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxiliaries)
