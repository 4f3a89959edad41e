"""Drafts of events and the rules that join, split and date them across a document."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from collections.abc import Iterator
from typing import Any

from dateline.coding.attribution import Speaker
from dateline.coding.lexicon import word_set
from dateline.coding.triggers import Found
from dateline.records import ActorMention, Place, Sentence, TimeSpan

Token = Any
FORCE_TYPES = {"ASSAULT", "MOBILIZE"}
MATERIAL_TYPES = {"ASSAULT", "MOBILIZE", "COERCE", "AID", "PROTEST", "RETREAT"}
JOINT_TYPES = {"CONSULT", "AGREE", "COOPERATE"}
RECIPIENT_TYPES = {"AID", "COOPERATE", "SUPPORT", "REQUEST", "ACCUSE", "THREATEN", "CONCEDE", "RETREAT", "AGREE"}


@dataclass
class Draft:
    found: Found
    sentence: Sentence
    sources: list[ActorMention]
    targets: list[ActorMention]
    places: list[Place]
    speaker: Speaker | None
    mode: str | None
    cameo: str | None
    fatalities: int | None = None
    local_place: bool = False        # the place is named with the trigger, not elsewhere in the sentence
    sides: bool = False              # the doers were named as modifiers of one event noun


LOCATIVE_PREPS = {"in", "at", "near", "inside", "outside", "across", "around", "into", "on", "over", "outside"}


def _place_heads(doc: Any, place: Place, offset: int) -> Iterator[Token]:
    """The head word of each mention of a place, through the lists and appositions it stands in."""
    for start, end in place.spans:
        span = doc.char_span(start - offset, end - offset, alignment_mode="expand")
        if span is None:
            continue
        head = span.root
        while head.dep_ in ("conj", "appos") and head.head.i != head.i:
            head = head.head
        yield head


def place_role(doc: Any, place: Place, offset: int) -> str:
    """How a place name is used in its sentence: 'locative' after in/at/near, else its head's dependency."""
    for head in _place_heads(doc, place, offset):
        if head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS:
            return "locative"
        return head.dep_
    return ""


def place_prepositions(doc: Any, place: Place, offset: int) -> set[str]:
    """The prepositions a place name is the object of ("of" in "an ally of Damascus")."""
    return {head.head.lower_ for head in _place_heads(doc, place, offset) if head.dep_ == "pobj"}


def split_sides(draft: Draft) -> list[Draft]:
    """"Russian and American air strikes" are two sets of strikes, one by each side: a one-sided
    act named by a noun with several doers of different countries gives one event per doer.
    Joint acts (talks, agreements, cooperation) keep all their parties together."""
    if not draft.sides or draft.found.trigger.type in JOINT_TYPES or len(draft.sources) < 2:
        return [draft]
    if draft.found.trigger.lemma in word_set("exercise"):
        return [draft]        # "French and Egyptian warships launched war games": one joint drill
    countries = [m.country for m in draft.sources]
    if None in countries or len(set(countries)) != len(countries):
        return [draft]
    return [replace(draft, sources=[m]) for m in draft.sources]


def retold_times(drafts: list[Draft], times: list[TimeSpan]) -> list[TimeSpan]:
    """An undated event that retells a dated one (same type and mode, the same doers, the same
    place) happened when that one did: the earlier telling first, else the later."""
    out = list(times)
    for i, draft in enumerate(drafts):
        if times[i].start or times[i].end or not draft.sources:
            continue
        order = list(range(i - 1, -1, -1)) + list(range(i + 1, len(drafts)))
        for j in order:
            other = drafts[j]
            if (times[j].start or times[j].end) and same_incident(draft, other):
                out[i] = times[j]
                break
    return out


def retold_details(drafts: list[Draft]) -> list[Draft]:
    """A retelling that leaves out whom or where ("Soleimani's July trip") takes them from an
    earlier telling of the same incident ("his visit to Moscow")."""
    for i, draft in enumerate(drafts):
        if (draft.targets and draft.places) or not draft.sources:
            continue
        earlier = next((d for d in reversed(drafts[:i]) if same_incident(draft, d)
                        and (d.targets or d.places) and d.mode == draft.mode), None)
        if earlier is None:
            continue
        if not draft.targets:
            draft.targets = list(earlier.targets)
        if not draft.places and earlier.local_place:
            draft.places, draft.local_place = list(earlier.places), True
    return drafts


def same_incident(a: Draft, b: Draft) -> bool:
    if a.found.trigger.type != b.found.trigger.type or (a.mode and b.mode and a.mode != b.mode):
        return False              # a retelling may leave the mode out ("his Moscow meeting" of a visit)
    if not {m.key for m in a.sources} & {m.key for m in b.sources}:
        return False
    pa = {p.id for p in a.places}
    pb = {p.id for p in b.places}
    return not pa or not pb or bool(pa & pb)


def most_specific(places: list[Place]) -> Place:
    rank = {"city": 0, "admin1": 1, "region": 2, "other": 3, "country": 4, "water": 5}
    return min(places, key=lambda p: rank.get(p.feature, 9))


def number_value(text: str) -> int | None:
    """A stated count: digits ("1,500") or number words ("four", "twenty-three")."""
    digits = re.sub(r"[,\s]", "", text)
    if digits.isdigit():
        return int(digits)
    words = number_words()
    total = 0
    for word in re.split(r"[\s-]+", text.lower().strip()):
        value = words.get(word)
        if value is None or value < 1 or value != int(value):
            return None
        total = total * int(value) if value == 100 and total else total + int(value)
    return total or None


@functools.cache
def number_words() -> dict[str, float]:
    """English number words, from the time vocabulary (data/time_words.tsv)."""
    from dateline.resources import read_tsv

    return {row["word"]: float(row["value"]) for row in read_tsv("time_words.tsv")
            if row["category"] == "number" and " " not in row["word"]}


def dedupe(drafts: list[Draft]) -> list[Draft]:
    """Two triggers of one sentence that describe one act (one inside the other, same type,
    same doers, compatible modes) give one event: the one with the more specific place."""
    keep: list[Draft] = []
    for d in drafts:
        twin = next((k for k in keep if same_act(k, d)), None)
        if twin is None:
            keep.append(d)
        elif len(d.places) > len(twin.places):
            keep[keep.index(twin)] = d
    return keep


def same_act(a: Draft, b: Draft) -> bool:
    if a.sentence.index != b.sentence.index or a.found.trigger.type != b.found.trigger.type:
        return False
    if {m.key for m in a.sources} != {m.key for m in b.sources}:
        return False
    if a.mode and b.mode and a.mode != b.mode:
        return False
    ta, tb = a.found.token, b.found.token
    linked = (ta.left_edge.i <= tb.i <= ta.right_edge.i) or (tb.left_edge.i <= ta.i <= tb.right_edge.i)
    return linked and (a.found.is_noun or b.found.is_noun or a.found.trigger.type in FORCE_TYPES)


def weapon_mode(tok: Token) -> str | None:
    """ASSAULT's mode from the weapons named around the trigger ("air strikes", "artillery")."""
    words = {t.lemma_.lower() for t in tok.subtree} | {t.lemma_.lower() for t in tok.head.subtree}
    if words & word_set("aerial"):
        return "aerial"
    if words & word_set("heavy"):
        return "heavy-weapons"
    return None


def fatalities_of(tok: Token) -> int | None:
    """The number of dead stated for an act ("killing at least 15 people")."""
    for t in tok.subtree:
        if t.lemma_.lower() in ("kill", "die") and t.pos_ == "VERB":
            for obj in t.children:
                if obj.dep_ in ("dobj", "nsubjpass", "nsubj"):
                    for num in obj.children:
                        if num.dep_ == "nummod":
                            value = number_value(num.text)
                            if value is not None:
                                return value
    return None
