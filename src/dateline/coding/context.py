"""What the rest of the document says about an event: who holds the ground it hit, and who
took part in the meeting where an agreement was reached."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dateline.coding.drafts import Draft
from dateline.coding.lexicon import word_set
from dateline.records import ActorMention, Place, ResolvedArticle
from dateline.resolve.actor_lexicon import norm
from dateline.resolve.places import place_at

Token = Any
Resolve = Callable[[Token, int], "ActorMention | None"]


def presence_holders(resolved: ResolvedArticle, resolve: Resolve) -> list[tuple[Place, ActorMention]]:
    """Places the text says a party holds: "IS has strongholds in Raqqa", "the rebels control
    Idlib", "the northwest, where rebel groups are in control"."""
    holding_verbs = word_set("hold_verb")
    holdings = word_set("holding")
    out: list[tuple[Place, ActorMention]] = []
    annotated = resolved.annotated
    for sent in annotated.sentences:
        block = annotated.parsed[sent.block]
        span = block.doc.char_span(sent.start - block.offset, sent.end - block.offset, alignment_mode="expand")
        if span is None:
            continue
        places = place_at(resolved.places, sent.start, sent.end)
        for verb in span:
            if verb.pos_ not in ("VERB", "AUX"):
                continue
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is None or not _holds(verb, holding_verbs, holdings):
                continue
            holder = resolve(subject, block.offset)
            if holder is None:
                continue
            region = _held_region(verb)
            lo, hi = block.offset + region.left_edge.idx, block.offset + region.right_edge.idx + len(region.right_edge.text)
            for place in places:
                if any(lo <= s < hi for s, _ in place.spans) and not _inside(place, subject, block.offset):
                    out.append((place, holder))
    return out


def _holds(verb: Token, holding_verbs: frozenset[str], holdings: frozenset[str]) -> bool:
    lemma = verb.lemma_.lower()
    objects = {c.lemma_.lower() for c in verb.children if c.dep_ == "dobj"}
    in_control = any(c.dep_ == "prep" and c.lower_ == "in" and any(o.lemma_.lower() in holdings
                                                                      for o in c.children)
                     for c in verb.children)
    return (lemma in holding_verbs and (bool(objects & holdings) or lemma in holdings)) or (
        lemma == "be" and in_control)


def _held_region(verb: Token) -> Token:
    """Where the holding is: the verb's own phrase, or the place a "where ..." clause describes."""
    if verb.dep_ == "relcl" and any(c.lower_ == "where" for c in verb.children):
        return verb.head
    return verb


def _inside(place: Place, node: Token, offset: int) -> bool:
    lo, hi = offset + node.left_edge.idx, offset + node.right_edge.idx + len(node.right_edge.text)
    return any(lo <= s < hi for s, _ in place.spans)


def holder_of(place: Place | None, holders: list[tuple[Place, ActorMention]]) -> ActorMention | None:
    """Who the text says held a place: the same place, or one with the same name."""
    if place is None:
        return None
    for held, holder in reversed(holders):
        if held.id == place.id or norm(held.mention) == norm(place.mention):
            return holder
    return None


def meeting_parties(drafts: list[Draft]) -> list[Draft]:
    """An agreement or decision with no parties of its own, reported in the same sentence as a
    meeting or talks that have them, was reached by those parties ("the decision was taken at a
    meeting between Lavrov and Khamenei")."""
    by_sentence: dict[int, list[Draft]] = {}
    for draft in drafts:
        by_sentence.setdefault(draft.sentence.index, []).append(draft)
    for draft in drafts:
        if draft.found.trigger.type != "AGREE" or draft.sources:
            continue
        meetings = [d for d in by_sentence[draft.sentence.index]
                    if d.found.trigger.type == "CONSULT" and d.sources]
        meeting = min(meetings, key=lambda d: abs(d.found.token.i - draft.found.token.i), default=None)
        if meeting is not None:
            draft.sources = list(meeting.sources) + list(meeting.targets)
    return drafts
