"""Which of a sentence's triggers name an act of their own: what a demand asks for, what talks,
plans or deployments are about or for, what is pledged, reacted to or yielded, what a protest
voices, the act a light verb carries and the promised act of a commitment are folded into the
act they depend on (spec/ontology.md: a demand voiced by a protest is the protest's; promises
are coded by what is promised)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dateline.coding.lexicon import word_set

if TYPE_CHECKING:
    from dateline.coding.triggers import Found

Token = Any


def own_acts(found: list[Found]) -> list[Found]:
    """The triggers of one sentence (in order) that name acts of their own."""
    verbs = {f.token.i for f in found if not f.is_noun}
    requests = {f.token.i for f in found if not f.is_noun and f.trigger.type == "REQUEST"}
    found = [f for f in found if not (f.is_noun and _requested(f.token, requests))]
    topics = {f.token.i for f in found if f.trigger.type in TOPIC_HOLDERS}
    deployments = {f.token.i for f in found if f.trigger.type == "MOBILIZE"}
    found = [f for f in found if not _topic(f.token, topics) and not _purpose(f.token, deployments)]
    pledges = {f.token.i for f in found if not f.is_noun and f.trigger.type == "AGREE"
               and f.token.lemma_.lower() in word_set("commitment")}
    found = [f for f in found if not (f.is_noun and _pledged(f.token, pledges))]
    # ("promised aid to Haiti", "pledged $500 million in aid": what is pledged is the pledge's, not an act of its own)
    acts = {f.token.i for f in found if f.is_noun}
    found = [f for f in found if not (f.trigger.type in ("SUPPORT", "AID", "COOPERATE") and not f.is_noun and any(
        c.dep_ == "nsubj" and c.i in acts for c in f.token.children))]
    # ("air strikes will support ground operations": backing by force, not words)
    yields = {f.token.i for f in found if not f.is_noun and f.trigger.type in ("CONCEDE", "RETREAT")}
    found = [f for f in found if not (f.is_noun and f.token.dep_ == "pobj" and f.token.head.lower_ in ("to", "from")
                                      and f.token.head.head.i in yields)]
    # ("freed her from house arrest", "agreed to the protesters' demands": what is yielded from or to)
    reactions = {f.token.i for f in found if not f.is_noun and f.trigger.type in REACTIONS
                 and (f.trigger.type != "ACCUSE" or f.trigger.mode == "disapprove")}
    found = [f for f in found if not _reacted_to(f, reactions)]
    protests = [f.token.i for f in found if f.trigger.type == "PROTEST"]
    found = [f for f in found if not (f.trigger.type == "REQUEST" and not f.is_noun and protests
                                      and min(protests) < f.token.i
                                      and any(c.dep_ == "aux" and c.tag_ == "TO" for c in f.token.children))]
    # ("marched ... to demand the release": the demand a protest voices is the protest's, not a
    # separate REQUEST, spec/ontology.md PROTEST)
    promised = _promised_acts(found)
    found = [f for f in found if f.is_noun or f.token.i in promised or not _purpose_of_act(f.token, verbs)]
    found = [f for f in found if f.is_noun or f.token.i not in promised.values()]
    return _fold_light_verbs(found)


def _pledged(noun: Token, pledges: set[int]) -> bool:
    """The object of a pledge, or what the pledged sum is in ("pledged $500 million in aid")."""
    if noun.dep_ == "dobj":
        return noun.head.i in pledges
    sum_ = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ in ("in", "of") else None
    return sum_ is not None and sum_.dep_ == "dobj" and sum_.head.i in pledges


def _promised_acts(found: list[Found]) -> dict[int, int]:
    """Acts a party commits to ("agreed to withdraw", "pledged to send aid"): the promised act is
    the event (put in the future, so coded by what is promised), not the verb of commitment.
    Maps each promised act's token index to its commitment verb's."""
    commitments = {f.token.i: f for f in found if not f.is_noun and f.trigger.type == "AGREE"
                   and f.token.lemma_.lower() in word_set("commitment") and not _between_parties(f.token)}
    promised = {f.token.i: f.token.head.i for f in found
                if not f.is_noun and f.token.dep_ == "xcomp" and f.token.head.i in commitments}
    for f in found:             # "vowed to continue its armed struggle": the act a light verb carries
        verb = f.token.head
        if f.is_noun and f.token.dep_ == "dobj" and verb.dep_ == "xcomp" and is_light(verb) \
                and verb.head.i in commitments:
            promised[f.token.i] = verb.head.i
    return promised


def _purpose_of_act(tok: Token, trigger_verbs: set[int]) -> bool:
    """An infinitive of purpose under another event ("mobilised militias to fight", "travelled
    to Moscow to discuss details") is what the act was for, not a second act."""
    if tok.dep_ not in ("xcomp", "advcl", "ccomp") or not any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children):
        return False            # (a ccomp: the act someone is asked or allowed to do, "wants Putin to attack")
    return tok.head.i in trigger_verbs and tok.head.i != tok.i


def _fold_light_verbs(found: list[Found]) -> list[Found]:
    """A verb trigger whose object ("launched an attack") or subject ("air strikes hit") is an event
    noun of the same type names one event, not two: the verb's event is kept."""
    nouns = {f.token.i: f for f in found if f.is_noun}
    drop: set[int] = set()
    for f in found:
        if f.is_noun:
            continue
        for child in f.token.children:
            heads = [child]
            if child.dep_ in ("nsubj", "nsubjpass", "dobj"):   # "many of the air strikes have hit ...",
                #                                                "lifted the state of emergency"
                heads += [o for c in child.children if c.dep_ == "prep" and c.lower_ == "of"
                          for o in c.children if o.dep_ == "pobj"]
            for head in heads:
                if child.dep_ in ("dobj", "nsubj") and head.i in nouns \
                        and nouns[head.i].trigger.type == f.trigger.type:
                    drop.add(head.i)
                elif child.dep_ == "dobj" and head.i in nouns and f.trigger.condition.startswith("obj="):
                    drop.add(head.i)    # "lifted sanctions": the object only chose the verb's reading
    return [f for f in found if f.token.i not in drop]


def is_light(token: Token) -> bool:
    return token.lemma_.lower() in word_set("light")


def _between_parties(verb: Token) -> bool:
    """"Belarus and Russia agreed to deploy ...", "the two sides agreed to ...", "agreed with Iran to
    ...": an agreement between parties is itself the event, whatever it is about."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    several = any(c.dep_ == "conj" or (c.dep_ in ("nummod", "det", "predet") and c.lower_ in ("two", "three", "both"))
                  for s in subjects for c in s.children) or any(s.lower_ == "both" for s in subjects)
    return several or any(c.dep_ == "prep" and c.lower_ in ("with", "between") for c in verb.children)


TOPIC_HOLDERS = {"CONSULT", "REQUEST"}       # talks and demands are about acts not (yet) done


def _topic(tok: Token, holders: set[int]) -> bool:
    """An act named only as what talks, demands or proposals are about is no act yet: "talks
    on a ceasefire and the release of hostages", "demands for the withdrawal of forces", "a
    proposal to release 40 hostages"."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head                                   # "a ceasefire and the release": both
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("on", "over", "about", "for"):
        holder = head.head
        return holder.i in holders or holder.lemma_.lower() in word_set("proposal")
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN" \
            and head.head.lemma_.lower() in word_set("commitment"):
        return True                                      # "a pledge of aid": what is pledged
    if tok.pos_ == "VERB" and tok.dep_ == "acl" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children):
        return head.i in holders or head.lemma_.lower() in word_set("proposal")
    return False


REACTIONS = {"REJECT", "ACCUSE"}      # turning down or criticising something
TOPIC_OF_REACTION = {"AGREE", "SANCTION", "ACCUSE"}   # offers, deals, sanctions, accusations reacted to


def _reacted_to(found: Found, reactions: set[int]) -> bool:
    """An offer, decision, deal, sanction or accusation named only as what a party rejects or criticises ("the
    offer was rejected by the rebels", "criticised the decision") is the reaction's topic, told
    as background: the reaction is the act reported."""
    tok = found.token
    return (found.is_noun and found.trigger.type in TOPIC_OF_REACTION and tok.dep_ in ("dobj", "nsubjpass")
            and tok.head.i in reactions)


def _purpose(noun: Token, deployments: set[int]) -> bool:
    """What forces are deployed or mobilised for ("the arrival of special forces for ground
    operations", "mobilised for the battle") is their purpose, not yet an act."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "for":
        return False
    holder = noun.head.head
    if holder.dep_ == "pobj" and holder.head.lower_ == "of":      # "the arrival of forces for ..."
        holder = holder.head.head
    return holder.i in deployments


def _requested(noun: Token, requests: set[int]) -> bool:
    """What a demand asks for is not yet done: "demanded the release of X", "called for an inquiry"."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    return noun.dep_ in ("dobj", "pobj") and head.i in requests
