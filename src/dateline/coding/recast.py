"""How the clause around a trigger recasts the act it names (spec/ontology.md §1.2 and §1.4).

The lexicon says what a word names; the clause decides what was done.  A cooperative act put in
the future is a promise (AGREE), an announced retreat a concession (CONCEDE), force or pressure
announced against someone a threat (THREATEN); a cooperative act refused in the future tense
("will not allow"), one a party has "no intention" of doing, or a deal the parties failed to reach is a
refusal (REJECT); force a party has "not ruled out" is a threat (THREATEN); a quoted order
("Release the hostages," the Pope said) is the speaker's REQUEST; an act a speaker says another party *must* do is a demand
(REQUEST) by the speaker; violence by a crowd of protesters is a riot (PROTEST); a drill held by
the forces of several states is joint (COOPERATE); a site seized by protesters is occupied in protest
(PROTEST obstruct).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from dateline.coding.lexicon import word_set
from dateline.records import ActorMention

Token = Any

FUTURE_AS = {"CONSULT": "AGREE", "SUPPORT": "AGREE", "COOPERATE": "AGREE", "AID": "AGREE",
             "RETREAT": "CONCEDE", "COERCE": "THREATEN"}
FUTURE_CAMEO = {"AGREE": "030", "CONCEDE": "035", "THREATEN": "130"}   # CAMEO 035: intent to yield
# force or a cut in relations announced against someone: the threat's mode and CAMEO code
THREAT_OF = {"ASSAULT": ("violence", "138"), "SANCTION": ("relations", "131"), "PROTEST": ("restrict", "133")}
COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
# what a refusal or a demand is about (the REQUEST/REJECT modes), and the CAMEO code of the refusal
ABOUT = {"CONSULT": "meet", "AGREE": "meet", "CONCEDE": "yield", "RETREAT": "yield",
         "AID": "assist", "SUPPORT": "assist", "COOPERATE": "assist"}
REFUSAL_CAMEO = {"meet": "125", "yield": "124", "assist": "121"}
# a cooperative act stopped ("stopped lending to Burma", "halted talks") cuts relations (SANCTION),
# with the CAMEO code of what is cut; force stopped ("stopped shelling the town") is de-escalation
STOPPED_AS = {"AID": ("SANCTION", None, "162"), "COOPERATE": ("SANCTION", None, "161"),
              "SUPPORT": ("SANCTION", None, "161"), "CONSULT": ("SANCTION", None, "164"),
              "ASSAULT": ("RETREAT", "ceasefire", "087")}


@dataclass(frozen=True)
class Coding:
    type: str
    mode: str | None
    cameo: str | None
    status: str
    sources: list[ActorMention]
    targets: list[ActorMention]


def _clause_verbs(tok: Token) -> list[Token]:
    """The trigger, and for an event noun the verb it is the object of ("must reach an agreement")."""
    out = [tok]
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX"):
        out.append(tok.head)
    elif tok.pos_ == "NOUN" and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in word_set("continuation"):
        out.append(tok.head)      # "the war will resume", "the attacks would continue"
    return out


def _auxiliaries(tok: Token) -> set[str]:
    return {c.lower_ for v in _clause_verbs(tok) for c in v.children if c.dep_ == "aux"}


def _announced(tok: Token) -> bool:
    """An act put in the future by a party's own words ("will strike", "wants to attack", "vowed to
    boycott"), not one tried, sought or being prepared ("attempts to sanction", "preparing an
    offensive")."""
    if _alleged(tok):
        return False              # "accused Israel of planning to strike": an intention alleged by another
    if _auxiliaries(tok) & word_set("future"):
        return True
    node = tok
    for _ in range(3):
        if node.head.i == node.i or node.dep_ not in ("xcomp", "ccomp", "dobj", "conj"):
            return False          # "rebel advances threatened the city": a subject is not announced
        node = node.head
        if node.lemma_.lower() in word_set("declared"):
            return True
        if node.lemma_.lower() in word_set("attempt"):
            return False
    return False


def _alleged(tok: Token) -> bool:
    node = tok
    for _ in range(5):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.lemma_.lower() in word_set("allegation"):
            return True
    return False


def _failed(tok: Token) -> bool:
    """"failed to reach an agreement", "failed to agree"."""
    return any(v.head.lemma_.lower() in word_set("failure") and v.dep_ == "xcomp" for v in _clause_verbs(tok))


def _refused(tok: Token) -> bool:
    """A cooperative act negated in the future or as an ability: "would not give permission",
    "will not attend", "cannot accept"; and acceptance withheld in any tense ("did not accept the offer")."""
    negated = any(c.dep_ == "neg" for v in _clause_verbs(tok) for c in v.children)
    if negated and tok.lemma_.lower() in word_set("acceptance"):
        return True               # "did not accept the offer", "has not agreed to the plan": whatever the tense
    return negated and bool(_auxiliaries(tok) & (word_set("future") | {"can", "ca"}))


def _object_lemmas(tok: Token) -> set[str]:
    return {c.lemma_.lower() for c in tok.children if c.dep_ in ("dobj", "nsubjpass")}


def _keeps_force_open(tok: Token) -> bool:
    """"refused to rule out a military strike": declining to exclude force keeps it as a threat."""
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in word_set("exclusion") and _object_lemmas(c) & word_set("force")
               for c in tok.children)


def _disavowed(tok: Token) -> bool:
    """An act a party says it has no intention or plan of doing ("had no intention of negotiating
    with the rebels", "has no plans to withdraw") is refused."""
    node = tok
    for _ in range(4):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.pos_ == "NOUN" and node.lemma_.lower() in word_set("intention") and any(
                c.dep_ == "det" and c.lower_ == "no" for c in node.children):
            return True
    return False


def _imperative(tok: Token) -> bool:
    """A bare verb that opens its clause with no subject or auxiliary of its own ("Release the
    hostages now", "Stop the bombing")."""
    if tok.pos_ != "VERB" or tok.tag_ != "VB" or tok.dep_ not in ("ROOT", "ccomp", "advcl"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in tok.children):
        return False
    first = next((t for t in tok.sent if not (t.is_punct or t.pos_ == "PUNCT" or t.text in "`'\"")), None)
    return first is not None and first.i == tok.i


def _obliged(tok: Token) -> bool:
    """"must reach", "should withdraw", "have to release"."""
    if _auxiliaries(tok) & word_set("obligation"):
        return True
    return any(v.dep_ == "xcomp" and v.head.lemma_.lower() == "have" for v in _clause_verbs(tok))


def _stopped(tok: Token) -> bool:
    """The act is what its verb's governor stops: "stopped lending", "ceased shelling"."""
    return tok.pos_ == "VERB" and tok.dep_ == "xcomp" and tok.head.lemma_.lower() in word_set("halting") and not any(
        c.dep_ == "neg" for c in tok.head.children)


def _crowd(mention: ActorMention) -> bool:
    return bool(set(re.findall(r"[a-z]+", f"{mention.text} {mention.name}".lower())) & word_set("crowd"))


def recast(coding: Coding, tok: Token, lemma: str, speaker: ActorMention | None, quoted: bool = False) -> Coding:
    """The act the clause around the trigger ``tok`` (lexicon entry ``lemma``) reports, from the
    one its word names; ``speaker`` is the party whose words report it, if any; ``quoted``, that
    someone's words report it (a speaker the text names, resolved to a party or not)."""
    kind = coding.type
    keys = {m.key for m in coding.sources}
    if kind in ("AGREE", "CONSULT") and _failed(tok):
        return replace(coding, type="REJECT", mode="meet", cameo="125" if kind == "CONSULT" else "127",
                       status="asserted")
    if kind == "REJECT" and (_keeps_force_open(tok) or (coding.status == "denied" and lemma in word_set("exclusion")
                                                        and _object_lemmas(tok) & word_set("force"))):
        return replace(coding, type="THREATEN", mode="violence", cameo="138", status="asserted")
    if kind in COOPERATIVE and _disavowed(tok):
        about = ABOUT.get(kind)
        return replace(coding, type="REJECT", mode=about, cameo=REFUSAL_CAMEO.get(about or "", "120"),
                       status="asserted")
    if coding.status == "denied" and kind in COOPERATIVE and _refused(tok):
        about = ABOUT.get(kind)
        return replace(coding, type="REJECT", mode=about, cameo=REFUSAL_CAMEO.get(about or "", "120"),
                       status="asserted")
    if (speaker is not None or quoted) and _imperative(tok):
        # '"Release the hostages now," the Pope said': an order the speaker gives, not an act done
        return replace(coding, type="REQUEST", mode=ABOUT.get(kind), cameo="020", status="asserted",
                       sources=[speaker] if speaker is not None else [],
                       targets=[m for m in coding.targets if speaker is None or m.key != speaker.key])
    if speaker is not None and speaker.key not in keys and coding.sources and _obliged(tok):
        return replace(coding, type="REQUEST", mode=ABOUT.get(kind), cameo="100", status="asserted", sources=[speaker],
                       targets=[m for m in coding.sources if m.key != speaker.key])
    if kind in STOPPED_AS and _stopped(tok):
        new, mode, cameo = STOPPED_AS[kind]
        return replace(coding, type=new, mode=mode, cameo=cameo)
    if coding.status == "planned":
        if kind in FUTURE_AS:
            new = FUTURE_AS[kind]
            return replace(coding, type=new, mode=None, cameo=FUTURE_CAMEO[new])
        threat = THREAT_OF.get(kind) or (("relations", "134") if kind == "REJECT" and coding.mode == "meet" else None)
        if threat and _announced(tok) and (coding.sources or speaker is not None):
            # ('"We will crush any attempt," the president said': the speaker announces it)
            return replace(coding, type="THREATEN", mode=threat[0], cameo=threat[1],
                           sources=coding.sources or [speaker])
    if kind == "ASSAULT" and coding.sources and all(_crowd(m) for m in coding.sources):
        return replace(coding, type="PROTEST", mode="riot", cameo="145")
    if kind == "COERCE" and coding.mode == "seize" and coding.sources and all(_crowd(m) for m in coding.sources):
        return replace(coding, type="PROTEST", mode="obstruct", cameo="144")   # protesters occupying a site
    if kind == "MOBILIZE" and lemma in word_set("exercise") and (
            len({m.country for m in coding.sources + coding.targets if m.country}) >= 2
            or any(c.lower_ in word_set("joint") for c in tok.children)):
        return replace(coding, type="COOPERATE", mode=None, cameo="062",
                       sources=coding.sources + coding.targets, targets=[])
    return coding
