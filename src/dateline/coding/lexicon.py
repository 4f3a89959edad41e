"""The trigger lexicon (data/triggers.tsv) and the derived ACLED mapping (data/acled_map.tsv)."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from dateline.resources import read_tsv

Token = Any


def _governor(token: Token) -> Token:
    """The word a token hangs from, through a preposition ("went on strike" -> go)."""
    head = token.head
    if token.dep_ == "pobj" and head.dep_ in ("prep", "agent"):
        head = head.head
    return head


def _prep_objects(token: Token, depth: int) -> set[str]:
    """Lemmas of the objects of a word's prepositions, through a chain of them ("out of the talks")."""
    out: set[str] = set()
    for child in token.children:
        if child.dep_ in ("prep", "prt") and child.lower_ not in word_set("frame") | word_set("setting"):
            out |= {g.lemma_.lower() for g in child.children if g.dep_ == "pobj"}
            if depth > 1:
                out |= _prep_objects(child, depth - 1)
    return out


def _with_light_verb(token: Token) -> list[Token]:
    """A word's dependents, and for an event noun that is the object of a light verb, or counted
    in a measure, the verb's or the measure's too: the parser often hangs "against the
    insurgents" on "conducted" in "conducted operations against the insurgents"."""
    out = list(token.children)
    if token.pos_ == "NOUN" and token.dep_ == "dobj" and token.head.lemma_.lower() in word_set("light"):
        out += [c for c in token.head.children if c.i > token.i]
    measure = measure_of(token)
    if measure is not None:           # "months of planning between the allies"
        out += [c for c in measure.children if c.i > token.i]
    return out


def measure_of(token: Token) -> Token | None:
    """The measure an event noun is counted in ("months of planning", "three days of talks"),
    which the parser often gives the event's own dependents."""
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in word_set("measure"):
        return token.head.head
    return None


def _raises(token: Token) -> bool:
    from dateline.coding.arguments import raised_clause

    return raised_clause(token) is not None or (
        any(c.dep_ == "dobj" for c in token.children) and any(c.dep_ == "xcomp" for c in token.children))


@dataclass(frozen=True)
class Trigger:
    lemma: str
    pos: str
    type: str
    mode: str | None
    cameo: str | None
    condition: str
    source: str

    def holds(self, token: Token, obj_lemmas: set[str], subj_lemmas: set[str]) -> bool:
        cond = self.condition.strip()
        if cond in ("", "-"):
            return True
        for clause in cond.split(";"):
            name, _, values = clause.partition("=")
            allowed = set(values.split("|")) if values else set()
            if name == "obj" and not (obj_lemmas & allowed):
                return False
            if name == "subj" and not (subj_lemmas & allowed):
                return False
            if name == "prep" and not any(c.dep_ == "prep" and c.lower_ in allowed for c in _with_light_verb(token)) \
                    and not any(m.dep_ == "mark" and m.lower_ in allowed
                                for c in token.children if c.dep_ == "advcl" for m in c.children):
                return False          # ("called for the minister to resign": "for" parsed as a clause's mark)
            if name == "prt" and not any(c.dep_ in ("prt", "advmod") and c.lower_ in allowed for c in token.children):
                return False          # "pulled out", and "pulled back" where the parser reads "back" as an adverb
            if name == "pass" and not any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children):
                return False
            if name == "active" and any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children):
                return False          # not passive: "met the demands", not "until its demands are met"
            if name == "head" and _governor(token).lemma_.lower() not in allowed:
                return False          # the word it hangs from: "went on strike", "staged a strike"
            if name == "clause" and not any(c.dep_ == "ccomp" for c in token.children):
                return False          # a clause is said: "X protested that ..."
            if name == "pobj" and not (_prep_objects(token, 2) & allowed):
                return False          # the object of a preposition: "pulled out of the talks"
            if name == "child" and not any(c.lemma_.lower() in allowed for c in token.children):
                return False          # a word hanging from it: "found him guilty"
            if name == "raised" and not _raises(token):
                return False          # "wants X to do", "allowed X to do"
            if name == "act" and not any(c.dep_ == "xcomp" and load_triggers().for_verb(c.lemma_)
                                         for c in token.children):
                return False          # "declined to hand over" (an act), not "declined to comment"
        return True


@dataclass(frozen=True)
class TriggerLexicon:
    verbs: dict[str, tuple[Trigger, ...]]
    nouns: dict[str, tuple[Trigger, ...]]

    def for_verb(self, lemma: str) -> tuple[Trigger, ...]:
        return self.verbs.get(lemma.lower(), ())

    def for_noun(self, lemma: str) -> tuple[Trigger, ...]:
        return self.nouns.get(lemma.lower(), ())


@functools.cache
def load_triggers() -> TriggerLexicon:
    verbs: dict[str, list[Trigger]] = {}
    nouns: dict[str, list[Trigger]] = {}
    for row in read_tsv("triggers.tsv"):
        trig = Trigger(row["lemma"].strip().lower(), row["pos"].strip(), row["type"].strip(),
                       row["mode"].strip() or None, row["cameo"].strip() or None,
                       row["condition"].strip() or "-", row["source"].strip())
        (verbs if trig.pos == "verb" else nouns).setdefault(trig.lemma, []).append(trig)
    return TriggerLexicon({k: tuple(v) for k, v in verbs.items()}, {k: tuple(v) for k, v in nouns.items()})


@functools.cache
def acled_table() -> dict[tuple[str, str], str]:
    table: dict[tuple[str, str], str] = {}
    for row in read_tsv("acled_map.tsv"):
        table[(row["type"].strip(), row["mode"].strip())] = row["acled"].strip()
    return table


def acled_type(event_type: str, mode: str | None) -> str | None:
    table = acled_table()
    return table.get((event_type, mode or "")) or table.get((event_type, "*"))


@functools.cache
def word_set(name: str) -> frozenset[str]:
    """A named set of words from data/word_sets.tsv (speech verbs, light verbs, weapons...)."""
    return frozenset(row["word"].strip().lower() for row in read_tsv("word_sets.tsv")
                     if row["set"].strip() == name)


INFLECTIONS = (("ied", "y"), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("ies", "y"), ("es", ""), ("s", ""))


def word_forms(token: Token) -> set[str]:
    """The lemma, and the word with a regular English ending taken off: the small model's
    lemmatizer leaves some verbs wrong ("hoped" -> "hop", "fined" -> "fin")."""
    forms = {token.lemma_.lower()}
    word = token.lower_
    for ending, restore in INFLECTIONS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            forms.add(word[: -len(ending)] + restore)
    return forms
