"""According to whom, and how sure: attribution and status of an event."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from dateline.coding.lexicon import word_forms, word_set

Token = Any
QUOTE_PAIRS = (("\u201c", "\u201d"), ('"', '"'))


@dataclass(frozen=True)
class Speaker:
    text: str            # as written ("a senior regional official")
    head: Token          # the head of the speaker phrase, for party resolution


def _subject_phrase(verb: Token) -> Token | None:
    """The speaker: the active subject of a report verb (a passive subject is what is reported)."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if subjects:      # the nearest: "Israeli strikes killed 30, health officials said" misparsed with two
        before = [c for c in subjects if c.i < verb.i]
        return before[-1] if before else subjects[0]
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _phrase_text(head: Token) -> str:
    toks = [t for t in head.subtree]
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks.pop()
    while toks and (toks[0].is_punct or toks[0].is_space):
        toks.pop(0)
    return head.doc[toks[0].i: toks[-1].i + 1].text if toks else head.text


def speaker_for(trigger: Token, sentence: Any) -> Speaker | None:
    """The source a report verb credits for the clause holding ``trigger``."""
    speech = word_set("speech")
    node = trigger
    for _ in range(12):
        head = node.head
        if head.i == node.i:
            break
        if head.lemma_.lower() in speech and head.pos_ in ("VERB", "AUX") and node.dep_ in (
                "ccomp", "parataxis", "xcomp", "advcl", "dobj"):
            subj = _subject_phrase(head)
            if subj is not None and not trigger_in(subj, trigger):
                return Speaker(_phrase_text(subj), subj)
        node = head
    # a trailing tag: ', the official said.' attached as the sentence root
    for tok in sentence:
        if tok.lemma_.lower() in speech and tok.dep_ == "ROOT" and tok.i > trigger.i:
            subj = _subject_phrase(tok)
            if subj is not None and subj.i > trigger.i:
                return Speaker(_phrase_text(subj), subj)
    for tok in sentence:
        if tok.lower_ == "according" and tok.nbor(1).lower_ == "to":
            objs = [c for c in tok.nbor(1).children if c.dep_ == "pobj"]
            if objs:
                return Speaker(_phrase_text(objs[0]), objs[0])
    return None


def trigger_in(phrase: Token, trigger: Token) -> bool:
    return phrase.left_edge.i <= trigger.i <= phrase.right_edge.i


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Spans of quoted passages ("…" or “…”) in a text."""
    regions: list[tuple[int, int]] = []
    for opening, closing in QUOTE_PAIRS:
        pattern = re.escape(opening) + r"[^" + re.escape(closing) + r"]{3,}" + re.escape(closing)
        regions += [(m.start(), m.end()) for m in re.finditer(pattern, text)]
    return sorted(regions)


def status_of(trigger: Token, is_agree: bool, speaker_is_party: bool) -> str:
    """asserted | claimed | denied | planned | hypothetical, from the clause around the trigger."""
    conditional = word_set("conditional")
    intention = word_set("intention")
    denial = word_set("denial")
    node = trigger
    chain = [trigger]
    for _ in range(4):
        if node.head.i == node.i:
            break
        node = node.head
        chain.append(node)
    if any(c.dep_ == "det" and c.lower_ in ("any", "whatever") for c in trigger.children):
        return "hypothetical"      # "a harsh response to any further attacks": none in particular yet
    for tok in chain[:2]:
        for child in tok.children:
            if child.dep_ == "mark" and child.lower_ in conditional:
                return "hypothetical"
            if child.dep_ == "aux" and child.lower_ in ("could", "might"):
                return "hypothetical"
    if any(c.dep_ == "neg" for c in trigger.children):
        return "denied"
    for tok in chain[1:]:
        if tok.lemma_.lower() in denial and tok.pos_ == "VERB":
            return "denied"
    if is_agree:
        return "planned"
    if any(c.dep_ == "aux" and c.lower_ in intention for c in trigger.children):
        return "planned"
    if trigger.pos_ == "NOUN" and (trigger.dep_ == "dobj" or (
            trigger.dep_ == "nsubj" and trigger.head.lemma_.lower() in word_set("continuation"))) and any(
            c.dep_ == "aux" and c.lower_ in intention for c in trigger.head.children):
        return "planned"           # "it would hold talks", "the war will resume": the verb carries the future
    if trigger.dep_ == "xcomp" and trigger.head.lemma_ == "be" and any(
            c.dep_ == "aux" and c.tag_ == "TO" for c in trigger.children):
        return "planned"           # "Israel is to release 150 prisoners": an arrangement for the future
    for tok in chain[1:3]:
        if word_forms(tok) & intention and tok.lemma_.lower() not in ("need",):
            return "planned"
        if tok.pos_ == "ADJ" and tok.lemma_.lower() in word_set("disposed"):
            return "planned"       # "Iran said it was open to talks"
    if speaker_is_party:
        return "claimed"
    return "asserted"
