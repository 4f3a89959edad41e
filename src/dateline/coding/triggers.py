"""Finding event triggers in a sentence: verbs and nouns of the lexicon, light verbs folded in."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dateline.coding.arguments import is_role_word, raised_subjects
from dateline.coding.dependent_acts import own_acts
from dateline.coding.lexicon import Trigger, TriggerLexicon, word_forms, word_set

Token = Any


@dataclass
class Found:
    token: Token
    trigger: Trigger
    is_noun: bool


def _lemmas(tokens: list[Token]) -> set[str]:
    out: set[str] = set()
    heads = list(tokens)
    for tok in list(tokens):
        for child in tok.children:            # "waves of missiles", "dozens of rockets"
            if child.dep_ == "prep" and child.lower_ == "of":
                tokens = tokens + [o for o in child.children if o.dep_ == "pobj"]
    for tok in tokens:
        if tok.ent_type_ in ("GPE", "LOC", "FAC") or (tok.pos_ == "PROPN" and not tok.ent_type_):
            out.add("@place")
        if tok.ent_type_ in ("GPE", "ORG", "NORP", "PERSON") or is_role_word(tok) or _names_party(tok):
            out.add("@party")
        if tok.ent_type_ in ("NORP", "PERSON") or is_role_word(tok):
            out.add("@people")
        if tok.ent_type_ == "PERSON" or _names_person(tok):
            out.add("@person")
        if tok in heads and (tok.ent_type_ == "ORG" or _names_org(tok)):
            out.add("@org")                                 # (not "opponents of the Senate")
        if _names_state(tok):
            out.add("@state")
        if tok.lemma_.lower() in word_set("armed unit") or tok.lower_ in word_set("armed unit"):
            out.add("@force")
        if tok.lemma_.lower() in word_set("armament"):
            out.add("@weapon")
        out.add("@any")                                     # there is one at all
        out.add(tok.lemma_.lower())
        out.add(tok.text.lower())
        for child in tok.children:
            if child.dep_ in ("compound", "amod"):          # "air strike", "tear gas"
                out.add(f"{child.lemma_.lower()} {tok.lemma_.lower()}")
                out.add(child.lemma_.lower())
    return out


def noun_key(token: Token, lex: TriggerLexicon) -> str | None:
    """The lexicon key of an event noun, preferring a two-word compound ("air strike")."""
    lemma = token.lemma_.lower()
    for child in token.children:
        if child.dep_ in ("compound", "amod") and child.i == token.i - 1:
            pair = f"{child.lemma_.lower()} {lemma}"
            if lex.for_noun(pair):
                return pair
            pair = f"{child.text.lower()} {token.text.lower()}"
            if lex.for_noun(pair):
                return pair
    if lex.for_noun(lemma):
        return lemma
    return None


def _pick(options: tuple[Trigger, ...], token: Token, objs: set[str], subjs: set[str]) -> Trigger | None:
    row = _holding_row(options, token, objs, subjs)
    return None if row is None or row.type == "NONE" else row


def _holding_row(options: tuple[Trigger, ...], token: Token, objs: set[str], subjs: set[str]) -> Trigger | None:
    """The first row whose condition holds, a NONE row included."""
    return next((trig for trig in options if trig.holds(token, objs, subjs)), None)


def _first_holding(option_sets: list[tuple[Trigger, ...]], token: Token, objs: set[str],
                   subjs: set[str]) -> Trigger | None:
    """The first holding row of the first set of rows (see _verb_options) that has one."""
    return next((row for options in option_sets if (row := _holding_row(options, token, objs, subjs))), None)


def find_triggers(sentence: Any, lex: TriggerLexicon) -> list[Found]:
    """Event triggers of one spaCy sentence span, in order."""
    found: list[Found] = []
    for tok in sentence:
        if tok.pos_ == "VERB":
            option_sets = _verb_options(tok, lex)
            if not option_sets:
                continue
            if tok.dep_ == "amod" and not any(c.dep_ == "nsubj" for c in tok.children):
                continue                  # an adjective ("the long-threatened invasion") names no act
                                          # (one with a subject is a verb misread: "the army tortured prisoners")
            if tok.dep_ in NOMINAL_DEPS and any(c.dep_ == "det" for c in tok.children):
                continue                  # a participle used as a noun ("evacuated the injured") names people
            if _given_a_deadline(tok):
                continue                  # "gave the junta a week to reinstate him": demanded, not done
            objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")] + raised_subjects(tok)
            objs += [c for c in tok.children if c.dep_ == "ccomp" and c.pos_ in ("NOUN", "PROPN")
                     and not any(g.dep_ in ("nsubj", "aux") for g in c.children)]
            # (a bare noun read as a clause is the object: "allowed UN monitors into the area")
            objs += [g for c in tok.children if c.dep_ in ("ccomp", "xcomp", "oprd") and c.pos_ == "ADJ"
                     for g in c.children if g.dep_ == "nsubj"]   # "freed the hostages unharmed"
            if tok.dep_ == "conj" and not objs and not any(c.dep_ == "nsubj" for c in tok.children):
                if any(c.dep_ == "auxpass" for c in tok.children):
                    objs = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]
                elif tok.tag_ == "VBN":
                    objs = [c for c in tok.head.children if c.dep_ == "nsubjpass"]
                # ("were detained in March and released on Friday": a passive verb shares its subject)
            objs += [c2 for c in objs for c2 in c.children if c2.dep_ == "conj"]
            subjs = [c for c in tok.children if c.dep_ == "nsubj"]
            if not subjs and tok.dep_ == "xcomp":      # "Armenian forces began leaving": the controller
                subjs = [c for c in tok.head.children if c.dep_ == "nsubj"]
            if not subjs and tok.dep_ == "acl" and tok.tag_ == "VBD":
                subjs = [tok.head]        # a finite verb read as a noun's modifier: "..., a rights group protested"
            obj_lemmas, subj_lemmas = _lemmas(objs), _lemmas(subjs)
            row = _first_holding(option_sets, tok, obj_lemmas, subj_lemmas)
            trig = None if row is None or row.type == "NONE" or _names_no_act(tok, option_sets, subj_lemmas) else row
            if trig is not None and not _descriptive(tok, trig):
                found.append(Found(tok, trig, False))
        elif tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in ("compound",):
            key = noun_key(tok, lex)
            if key is None or tok.ent_type_ in ("PERSON", "GPE", "ORG", "DATE"):
                continue
            trig = _pick(lex.for_noun(key), tok, set(), set())
            if trig is not None and trig.type in FRAMES and tok.dep_ == "pobj" and tok.head.lower_ in word_set("frame"):
                continue                  # "under the deal, Hamas is to free ...": the frame, not the act
            if trig is not None and (_background(tok) or _era(tok, key)):
                continue
            if trig is not None:
                found.append(Found(tok, trig, True))
    return own_acts(found)


def _names_no_act(tok: Token, option_sets: list[tuple[Trigger, ...]], subjs: set[str]) -> bool:
    """A participle that describes the noun it follows by what no act is done to ("a report released
    on Tuesday"): the noun is read as the verb's object, for the lexicon's "not an act" rows only
    ("ten hostages freed" keeps the verb's reading without an object)."""
    if tok.dep_ != "acl" or tok.tag_ != "VBN":
        return False
    row = _first_holding(option_sets, tok, _lemmas([tok.head]), subjs)
    return row is not None and row.type == "NONE"


def _background(noun: Token) -> bool:
    """An act named in a fronted phrase of time or cause ("After three days of talks, ...",
    "Following the collapse of the talks, ...", "Despite the fighting, ...") is the setting the
    sentence's own act happens in, told as background."""
    node = noun
    for _ in range(5):
        if node.dep_ == "pobj" and node.head.dep_ == "prep" and (
                node.head.lower_ in word_set("setting") or node.lemma_.lower() in word_set("setting noun")):
            return _fronted(node.head)
        if node.dep_ == "nsubj" and node.head.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in word_set("setting") for c in node.head.children):
            if node.head.lemma_.lower() in word_set("onset") and any(
                    c.dep_ == "mark" and c.lower_ == "since" for c in node.head.children):
                return True                        # "since the war began": a span of time wherever it stands
            return _fronted(node.head)             # "Hours after the ceasefire took effect, ..."
        if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lemma_.lower() in word_set("part of deal"):
            return True                            # "the terms of the deal": what the deal says, not the deal
        if node.dep_ not in ("pobj", "prep", "compound", "npadvmod") or node.head.i == node.i:
            return False
        node = node.head
    return False


def _era(noun: Token, key: str) -> bool:
    """A war named as a span of time ("during the war on Islamic State", "since the civil war")
    dates another act; it is not reported as one."""
    return (key in word_set("era") and noun.dep_ == "pobj"
            and noun.head.lower_ in ("during", "since", "throughout"))


def _fronted(phrase: Token) -> bool:
    """The phrase comes before the verb it belongs to ("After the talks, they agreed"), or hangs
    on a participle that does ("Speaking after the talks, the minister criticised")."""
    governor = phrase.head
    if phrase.i < governor.i:
        return True
    return governor.dep_ == "advcl" and governor.i < governor.head.i and governor.tag_ == "VBG"


def _given_a_deadline(tok: Token) -> bool:
    """An act a party is given time to do ("gave the coup leaders one week to reinstate Bazoum",
    "a 48-hour deadline to withdraw") is what a deadline demands, not an act done."""
    if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children):
        return False
    deadline, giving = word_set("deadline"), word_set("give time")
    if tok.dep_ in ("relcl", "acl") and tok.head.lemma_.lower() in deadline:
        return tok.head.head.lemma_.lower() in giving             # not "for a sixth day to demand"
    return tok.dep_ in ("relcl", "advcl", "xcomp") and tok.head.lemma_.lower() in giving and any(
        c.dep_ in ("npadvmod", "dobj") and c.lemma_.lower() in deadline and c.i < tok.i
        for c in tok.head.children)                               # the parser hung it on the verb


def _descriptive(tok: Token, trigger: Trigger) -> bool:
    """A present participle that characterises a party ("rebels fighting the government",
    "groups supporting the opposition") describes who they are, not a reported act; a meeting
    ("leaders meeting in Abuja") is still an act, and so is what a statement or a resolution does
    ("issued a statement condemning the attack")."""
    if tok.dep_ != "acl" or tok.tag_ != "VBG" or trigger.type == "CONSULT":
        return False
    return tok.head.lemma_.lower() not in word_set("utterance")   # "a statement condemning": what it says


FRAMES = {"AGREE", "CONCEDE", "SUPPORT"}     # deals, truces and accords other acts happen under
NOMINAL_DEPS = ("dobj", "pobj", "nsubj", "nsubjpass")


def _names_party(token: Token) -> bool:
    """A state, capital or listed organisation the parser did not tag as an entity ("Kyiv")."""
    from dateline.resolve.actor_lexicon import load_actor_lexicon

    if token.pos_ != "PROPN":
        return False
    lex = load_actor_lexicon()
    return bool(lex.state_for(token.text) or lex.capital_country(token.text) or lex.org(token.text))


def _names_person(token: Token) -> bool:
    """A listed person the parser did not tag as one ("Musharraf quit")."""
    from dateline.resolve.actor_lexicon import load_actor_lexicon

    return token.pos_ in ("PROPN", "NOUN") and token.text[:1].isupper() and bool(load_actor_lexicon().person(token.text))


def _names_org(token: Token) -> bool:
    """A listed organisation the parser did not tag as one."""
    from dateline.resolve.actor_lexicon import load_actor_lexicon

    return token.pos_ == "PROPN" and bool(load_actor_lexicon().org(token.text))


def _names_state(token: Token) -> bool:
    """A state or the capital that stands for its government ("Russia protested", "Moscow said")."""
    from dateline.resolve.actor_lexicon import load_actor_lexicon

    lex = load_actor_lexicon()
    return bool(lex.state_for(token.text) or (token.ent_type_ == "GPE" and lex.capital_country(token.text)))


def _hyphenated(token: Token) -> str:
    """The lemma with a hyphenated first part the tokenizer split off ("test-fired" -> test-fire)."""
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 1].idx + 1 == token.idx:
        return f"{doc[token.i - 2].lower_}-{token.lemma_.lower()}"
    return token.lemma_


def _verb_options(token: Token, lex: TriggerLexicon) -> list[tuple[Trigger, ...]]:
    """The lexicon rows a verb may take, in the order they are tried: its hyphenated form
    ("test-fired"), its lemma, then the word with a regular ending taken off, for verbs the
    lemmatizer left inflected ("petitioned") or misread ("raped" as "rap", "fined" as "fin"),
    whose rows are tried when none of the lemma's rows holds."""
    sets = [rows for rows in (lex.for_verb(_hyphenated(token)), lex.for_verb(token.lemma_)) if rows][:1]
    if token.tag_ in ("VBD", "VBN", "VBG", "VBZ", "VBP"):
        sets += [rows for form in sorted(word_forms(token) - {token.lemma_.lower()})
                 if (rows := lex.for_verb(form)) and rows not in sets]
    return sets
