"""Actors: every noun phrase that names or describes a party, resolved to a key.

A mention is described from its head token: named people (with titles giving
the sector), states and their capitals and demonyms, known organisations and
armed groups, and role nouns ("warplanes", "rebels", "the army") whose country
comes from a demonym, a possessive, an "of"/"from" phrase, or the document's
focus country.  Mentions of one party share a ``key`` (a person's surname, a
named organisation, or country + sector for states and role nouns).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from dateline.records import ActorMention, AnnotatedArticle
from dateline.resolve.actor_lexicon import ActorLexicon, load_actor_lexicon, norm
from dateline.resolve.named_countries import allegiance, countries_in, entity_of, located_in, same_kind_earlier

Token = Any
MODIFIER_DEPS = {"amod", "compound", "nmod", "poss", "nummod", "det", "quantmod", "npadvmod"}
UNMARKED_FOCUS_SECTORS = {"REB", "INS", "MIL", "GOV", "COP", "OPP", "UAF"}
SECTOR_NAMES = {"MIL": "armed forces", "GOV": "government", "REB": "rebels", "INS": "insurgents",
                "COP": "police", "OPP": "opposition", "CVL": "civilians", "UAF": "militias"}
PLURAL_TAGS = {"NNS", "NNPS"}
# "hundreds of troops", "a number of them": the party is the object of "of"
QUANTITY_HEADS = {"hundred", "hundreds", "thousand", "thousands", "dozen", "dozens", "number", "some",
                  "many", "most", "several", "scores", "millions", "tens", "group", "unit", "contingent"}


@dataclass(frozen=True)
class ActorContext:
    lexicon: ActorLexicon
    focus: str | None                        # ISO-3 of the country the document is mostly about
    persons: dict[str, str] = field(default_factory=dict)   # normalised name or surname -> full name


LOCATIVE = {"in", "at", "near", "inside", "across", "throughout", "around", "outside"}


def focus_country(annotated: AnnotatedArticle, lexicon: ActorLexicon | None = None,
                  places: list | None = None) -> str | None:
    """The country the story is about: where things happen counts more than who acts.

    Each mention of a place counts for its country: 3 after "in"/"at"/"near" (where things
    happen), 1 otherwise (a country named as a party); a demonym counts 1; a state named in the
    headline 3. Without resolved places, spaCy's GPE entities stand in for them. Ties go to the
    first named."""
    lex = lexicon or load_actor_lexicon()
    counts: Counter[str] = Counter()
    by_iso2 = {entry.iso2: iso3 for iso3, entry in lex.states.items()}
    title_words = re.findall(r"[A-Za-z\u00C0-\u024F'-]+", annotated.article.title or "")
    for i, word in enumerate(title_words):        # the headline says what the story is about
        for text in (word, " ".join(title_words[i:i + 2]), " ".join(title_words[i:i + 3])):
            iso = lex.state_for(text) or lex.demonym_country(text)
            if iso:
                counts[iso] += 3
                break
    locative = _locative_offsets(annotated)
    for place in places or []:
        if place.country in by_iso2 and place.feature in ("city", "admin1", "country", "region"):
            for start, _ in place.spans:
                counts[by_iso2[place.country]] += 3 if start in locative else 1
    for block in annotated.parsed:
        for ent in block.doc.ents:
            if ent.label_ in ("GPE", "LOC") and places is None:
                iso = lex.state_for(ent.text)
                if iso:
                    counts[iso] += 3 if block.offset + ent.start_char in locative else 1
            elif ent.label_ == "NORP":
                iso = lex.demonym_country(ent.text)
                if iso:
                    counts[iso] += 1
    return counts.most_common(1)[0][0] if counts else None


def _locative_offsets(annotated: AnnotatedArticle) -> set[int]:
    """Start offsets of the first token of every noun phrase after a locative preposition."""
    out: set[int] = set()
    for block in annotated.parsed:
        for tok in block.doc:
            if tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE:
                out.update(block.offset + t.idx for t in tok.subtree)
    return out


def person_names(annotated: AnnotatedArticle, lex: ActorLexicon) -> dict[str, str]:
    """Full names of the people the body names, reachable by full name and by surname."""
    names: dict[str, str] = {}
    for block in annotated.parsed:
        for ent in block.doc.ents:
            if ent.label_ != "PERSON":
                continue
            words = [t.text for t in ent if not t.is_punct and t.tag_ != "POS"
                     and not (lex.role(t.text) or lex.role(t.lemma_))]
            if len(words) < 2 or lex.org(" ".join(words)) or lex.state_for(" ".join(words)):
                continue                 # "Boko Haram" tagged as a person is still the group
            full = " ".join(words)
            names.setdefault(norm(full), full)
            names.setdefault(norm(words[-1]), full)
    return names


def build_context(annotated: AnnotatedArticle, places: list | None = None) -> ActorContext:
    lex = load_actor_lexicon()
    return ActorContext(lex, focus_country(annotated, lex, places), person_names(annotated, lex))


def phrase_tokens(head: Token) -> list[Token]:
    """The head with its left modifiers (and flat name parts), without clauses or appositions."""
    keep = {head.i}
    for child in head.children:
        if child.i < head.i and child.dep_ in MODIFIER_DEPS | {"punct"}:
            keep.update(t.i for t in child.subtree)
        elif child.i > head.i and child.dep_ in ("compound", "flat"):
            keep.update(t.i for t in child.subtree)
    ent = entity_of(head)
    if ent is not None and ent.label_ in ("PERSON", "ORG", "GPE", "NORP"):
        keep.update(range(ent.start, ent.end))
    lo, hi = min(keep), max(keep)
    toks = [head.doc[i] for i in range(lo, hi + 1)]
    while toks and (toks[-1].is_punct or toks[-1].tag_ == "POS"):
        toks.pop()
    while toks and toks[0].is_punct:
        toks.pop(0)
    return toks


def _text(tokens: list[Token]) -> str:
    if not tokens:
        return ""
    return tokens[0].doc[tokens[0].i: tokens[-1].i + 1].text


def _role_of(head: Token, lex: ActorLexicon):
    for child in head.children:
        if child.dep_ in ("compound", "amod") and child.i == head.i - 1:
            entry = (lex.role(f"{child.lemma_} {head.lemma_}") or lex.role(f"{child.text} {head.text}"))
            if entry:
                return entry
    return lex.role(head.lemma_) or lex.role(head.text)


def _owner_phrase(head: Token) -> Token | None:
    """The object of an 'of'/'from' phrase that tells whose a role noun is."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "from"):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def _state_name(iso3: str | None, lex: ActorLexicon) -> str:
    if iso3 and iso3 in lex.states:
        return lex.states[iso3].name
    return iso3 or ""


def role_actor_name(iso3: str | None, sector: str, term: str, lex: ActorLexicon) -> str:
    label = SECTOR_NAMES.get(sector, term)
    if iso3 and iso3 in lex.states:
        if sector == "GOV":
            return f"{lex.states[iso3].demonym} government"
        return f"{lex.states[iso3].demonym} {label}"
    return label


def _has_possessive_pronoun(head: Token) -> bool:
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children)


def describe(head: Token, ctx: ActorContext, offset: int = 0) -> ActorMention | None:
    """An ActorMention for the noun phrase headed by ``head``, or None if it names no party."""
    lex = ctx.lexicon
    if head.is_punct or allegiance(head):
        return None                           # "pro-government (groups)": a side taken, not the body
    if head.like_num or head.lemma_.lower() in QUANTITY_HEADS:
        owner = _owner_phrase(head)
        if owner is not None and owner.pos_ != "PRON":
            return describe(owner, ctx, offset)
        if head.like_num or owner is not None:
            return None
    if head.pos_ == "PRON":
        return None
    tokens = phrase_tokens(head)
    if not tokens:
        return None
    text = _text(tokens)
    start = offset + tokens[0].idx
    end = offset + tokens[-1].idx + len(tokens[-1].text)
    ent = entity_of(head)
    label = ent.label_ if ent is not None else ""
    surface = ent.text if ent is not None else head.text

    def mention(key: str, name: str, kind: str, country: str | None, sector: str | None) -> ActorMention:
        return ActorMention(start=start, end=end, text=text, key=key, name=name, kind=kind,
                            country=country, sector=sector, head=offset + head.idx, dep=head.dep_)

    if head.pos_ == "PROPN" or label in ("PERSON", "ORG", "GPE", "NORP"):
        known = _known_person(head, ent, ctx)
        if known is not None:
            return _person(known, tokens, ent, ctx, mention)
        phrase = " ".join(t.text for t in tokens if t.dep_ not in ("det", "poss", "case") and t.tag_ != "POS")
        org = lex.org(surface) or (lex.org(surface.split(" ", 1)[-1]) if " " in surface else None) \
            or lex.org(phrase)
        if org is None and label != "PERSON":
            org = lex.org(head.text)
        if org is not None:
            return mention(f"org:{org.name}", org.name, org.kind, org.country, org.sector)
        iso = lex.state_for(surface) or lex.capital_country(surface) if label != "PERSON" else None
        if iso:
            return mention(f"{iso}:GOV", _state_name(iso, lex), "state", iso, "GOV")
    if label == "NORP" or head.tag_ in PLURAL_TAGS:
        iso = lex.demonym_country(head.text)
        if iso and any(c.lower_ == "ethnic" for c in head.children):
            # "ethnic Albanians in south Serbia": a community where it lives, not the state of its name
            home = located_in(head, lex) or ctx.focus
            return mention(f"{home or '---'}:CVL:{norm(head.text)}", text, "group", home, "CVL")
        if iso and (head.tag_ in PLURAL_TAGS or head.dep_ in ("nsubj", "dobj", "pobj", "nsubjpass")):
            return mention(f"{iso}:GOV", _state_name(iso, lex), "state", iso, "GOV")
    if label == "PERSON":
        return _person(surface, tokens, ent, ctx, mention)
    if head.pos_ == "NOUN" and head.tag_ in PLURAL_TAGS:     # "world powers", "donor countries"
        org = lex.org(" ".join(t.text for t in tokens if t.dep_ not in ("det", "poss", "case", "nummod")))
        if org is not None:
            return mention(f"org:{org.name}", org.name, org.kind, org.country, org.sector)
    role = _role_of(head, lex)
    if role is not None:
        return _role_mention(head, role, tokens, text, start, end, ctx, offset, mention)
    if label == "ORG" and ent is not None:
        countries = countries_in(list(ent), lex)
        sector = next((r.sector for t in ent if (r := lex.role(t.lemma_)) is not None), None)
        return mention(f"org:{norm(ent.text)}", ent.text.removeprefix("the ").strip(), "organization",
                       countries[0] if countries else None, sector)
    return None


def _role_mention(head, role, tokens, text, start, end, ctx: ActorContext, offset: int, mention):
    lex = ctx.lexicon
    # a role word modifying a noun ("rebel advances", "police raids") means the whole body
    plural = head.tag_ in PLURAL_TAGS or head.dep_ in ("compound", "amod")
    for child in head.children:                 # "Boko Haram fighters", "Hamas gunmen"
        if child.dep_ in ("compound", "nmod") and child.i < head.i:
            named = entity_of(child)
            org = lex.org(named.text if named is not None else child.text)
            if org is not None:
                return mention(f"org:{org.name}", org.name, org.kind, org.country, org.sector)
    owner = _owner_phrase(head)
    if owner is not None and role.kind != "person" or (owner is not None and plural):
        owned = describe(owner, ctx, offset)
        # "officials of the Red Cross", "leaders of the opposition coalition": the body they belong to
        if owned is not None and (owned.key.startswith("org:") or (
                role.sector == "GOV" and owned.sector and owned.sector != "GOV" and owned.kind != "state")):
            return ActorMention(start=start, end=max(end, owned.end),
                                text=head.doc[tokens[0].i: max(tokens[-1].i, owner.i) + 1].text,
                                key=owned.key, name=owned.name, kind=owned.kind, country=owned.country,
                                sector=owned.sector, head=offset + head.idx, dep=head.dep_)
    countries = countries_in(tokens, lex, skip=head.i)
    if not countries and owner is not None:
        iso = lex.state_for(owner.text) or lex.demonym_country(owner.text) or lex.capital_country(owner.text)
        countries = [iso] if iso else []
    if role.kind == "person" and not plural:
        return mention(f"role:{norm(text)}", text, "person", countries[0] if countries else None, role.sector)
    if not countries and role.sector in UNMARKED_FOCUS_SECTORS and not _has_possessive_pronoun(head):
        local = located_in(head, lex) or same_kind_earlier(head, role.sector, lex)
        countries = [local] if local else ([ctx.focus] if ctx.focus else [])
    iso = countries[0] if countries else None
    kind = "organization" if iso and role.sector in ("MIL", "GOV", "COP", "SPY", "JUD", "LEG") else "group"
    return mention(f"{iso or '---'}:{role.sector}", role_actor_name(iso, role.sector, role.term, lex),
                   kind, iso, role.sector)


def _known_person(head: Token, ent: Any, ctx: ActorContext) -> str | None:
    """The full name of a person this token names, from the document's names or the people table."""
    if ent is not None and ent.label_ not in ("PERSON", "GPE", "ORG", "NORP"):
        return None
    candidates = [ent.text] if ent is not None else []
    candidates.append(head.text)
    for text in candidates:
        key = norm(text)
        if key in ctx.persons:
            return ctx.persons[key]
        person = ctx.lexicon.person(text)
        if person is not None:
            return person.name
    if ent is not None and ent.label_ == "PERSON":
        return None
    return None


def _title_sector(tokens: list[Token], lex: ActorLexicon) -> str | None:
    """The sector a title before a name gives ("President", "Foreign Minister", "Major General")."""
    words = [t for t in tokens if not t.is_punct and t.tag_ != "POS"]
    for i in range(len(words) - 1):
        entry = lex.role(f"{words[i].text} {words[i + 1].text}")
        if entry is not None:
            return entry.sector
    for tok in words:
        entry = lex.role(tok.text) or lex.role(tok.lemma_)
        if entry is not None:
            return entry.sector
    return None


def _person(name_text: str, tokens: list[Token], ent: Any, ctx: ActorContext, mention) -> ActorMention:
    lex = ctx.lexicon
    in_name = set(range(ent.start, ent.end)) if ent is not None and ent.label_ == "PERSON" else set()
    title = [t for t in tokens if t.i not in in_name and t.dep_ != "poss"]
    name_words = [t.text for t in tokens if (t.i in in_name or t.pos_ == "PROPN")
                  and not t.is_punct and t.tag_ != "POS" and not (lex.role(t.text) or lex.role(t.lemma_))
                  and not lex.state_for(t.text) and not lex.demonym_country(t.text)]
    sector = _title_sector(title, lex) or _title_sector([t for t in tokens if t.i in in_name], lex)
    full = None
    if name_words:
        full = ctx.persons.get(norm(" ".join(name_words))) or ctx.persons.get(norm(name_words[-1]))
    name = full or " ".join(name_words) or name_text
    # a surname alone finds a listed person only when the text gives no more of the name
    known = lex.person(name) or (lex.person(name_words[-1]) if len(name.split()) == 1 and name_words else None)
    countries = countries_in([t for t in tokens if t.i not in in_name], lex)
    country = countries[0] if countries else (known.country if known else None)
    sector = (known.sector if known and known.sector else None) or sector
    if known is not None and (len(known.name) > len(name) or known.name.replace("-", " ") == name):
        name = known.name
    surname = norm(name.split()[-1]) if name.split() else norm(name)
    return mention(f"person:{surname}", name, "person", country, sector)


def _description(head: Token, ctx: ActorContext, offset: int) -> ActorMention | None:
    """What an apposition or a copula says a person is ("X, Iranian general"; "X is the commander of Y")."""
    for child in head.children:
        if child.dep_ == "appos":
            found = describe(child, ctx, offset)
            if found is not None:
                return found
    verb = head.head
    if head.dep_ == "nsubj" and verb.lemma_ == "be":
        for child in verb.children:
            if child.dep_ == "attr":
                found = describe(child, ctx, offset)
                if found is not None and (found.country or found.sector):
                    owner = _owner_phrase(child)
                    if owner is not None and found.country is None:
                        owned = describe(owner, ctx, offset)
                        if owned is not None and owned.country:
                            return ActorMention(found.start, found.end, found.text, found.key, found.name,
                                                found.kind, owned.country, found.sector or owned.sector)
                    return found
    return None


def find_actor_mentions(annotated: AnnotatedArticle, ctx: ActorContext | None = None) -> list[ActorMention]:
    """Every noun phrase in the body that names or describes a party, in text order."""
    ctx = ctx or build_context(annotated)
    out: list[ActorMention] = []
    for block in annotated.parsed:
        for tok in block.doc:
            if tok.pos_ not in ("NOUN", "PROPN") or (tok.dep_ in ("compound", "flat") and tok.head.pos_ == "PROPN"):
                continue
            found = describe(tok, ctx, block.offset)
            if found is None:
                continue
            if found.kind == "person" and (found.country is None or found.sector is None):
                desc = _description(tok, ctx, block.offset)
                if desc is not None:
                    found = ActorMention(found.start, found.end, found.text, found.key, found.name, found.kind,
                                         found.country or desc.country, found.sector or desc.sector,
                                         found.head, found.dep)
            out.append(found)
    return out
