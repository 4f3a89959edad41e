"""Actors: every noun phrase that names or describes a party, resolved to a key.

A mention is described from its head token: named people (with titles giving
the sector), states and their capitals and demonyms, known organisations and
armed groups, and role nouns ("warplanes", "rebels", "the army") whose country
comes from a demonym, a possessive, an "of"/"from" phrase, or the document's
focus country.  Mentions of one party share a ``key`` (a person's surname, a
named organisation, or country + sector for states and role nouns).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from dateline.records import ActorMention, AnnotatedArticle
from dateline.resolve.actor_lexicon import ActorLexicon, load_actor_lexicon, norm

Token = Any
MODIFIER_DEPS = {"amod", "compound", "nmod", "poss", "nummod", "det", "quantmod", "npadvmod"}
UNMARKED_FOCUS_SECTORS = {"REB", "INS", "MIL", "GOV", "COP", "OPP"}
SECTOR_NAMES = {"MIL": "armed forces", "GOV": "government", "REB": "rebels", "INS": "insurgents",
                "COP": "police", "OPP": "opposition", "CVL": "civilians"}


@dataclass(frozen=True)
class ActorContext:
    lexicon: ActorLexicon
    focus: str | None            # ISO-3 of the country the document is mostly about


def focus_country(annotated: AnnotatedArticle, lexicon: ActorLexicon | None = None) -> str | None:
    """The state named most often in the body (names, capitals and demonyms)."""
    lex = lexicon or load_actor_lexicon()
    counts: Counter[str] = Counter()
    for block in annotated.parsed:
        for ent in block.doc.ents:
            if ent.label_ in ("GPE", "NORP", "LOC"):
                iso = lex.state_for(ent.text) or lex.demonym_country(ent.text)
                if iso:
                    counts[iso] += 1
    return counts.most_common(1)[0][0] if counts else None


def entity_of(token: Token) -> Any | None:
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return None


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
    doc = tokens[0].doc
    return doc[tokens[0].i: tokens[-1].i + 1].text


def countries_in(tokens: list[Token], lex: ActorLexicon, skip: int | None = None) -> list[str]:
    """States named in a phrase's modifiers (demonyms, names, capitals, possessives)."""
    found: list[str] = []
    for tok in tokens:
        if tok.i == skip:
            continue
        for piece in tok.text.split("-"):
            iso = lex.demonym_country(piece) or lex.state_for(piece)
            if iso is None and tok.ent_type_ == "GPE":
                iso = lex.capital_country(piece)
            if iso and iso not in found:
                found.append(iso)
    ent_texts = {e.text for t in tokens if (e := entity_of(t)) is not None and e.label_ == "GPE"}
    for text in ent_texts:
        iso = lex.state_for(text)
        if iso and iso not in found:
            found.append(iso)
    return found


def _role_of(head: Token, lex: ActorLexicon):
    for child in head.children:
        if child.dep_ == "compound" and child.i == head.i - 1:
            entry = lex.role(f"{child.lemma_} {head.lemma_}") or lex.role(f"{child.text} {head.text}")
            if entry:
                return entry
    for child in head.children:
        if child.dep_ == "amod" and child.i == head.i - 1:
            entry = lex.role(f"{child.text} {head.text}") or lex.role(f"{child.lemma_} {head.lemma_}")
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


def _role_actor_name(iso3: str | None, sector: str, term: str, lex: ActorLexicon) -> str:
    label = SECTOR_NAMES.get(sector, term)
    if iso3 and iso3 in lex.states:
        if sector == "GOV":
            return f"{lex.states[iso3].demonym} government"
        return f"{lex.states[iso3].demonym} {label}"
    return label


def describe(head: Token, ctx: ActorContext, offset: int = 0) -> ActorMention | None:
    """An ActorMention for the noun phrase headed by ``head``, or None if it names no party."""
    lex = ctx.lexicon
    if head.pos_ == "PRON" or head.is_punct:
        return None
    tokens = phrase_tokens(head)
    text = _text(tokens)
    start = offset + tokens[0].idx
    end = offset + tokens[-1].idx + len(tokens[-1].text)
    ent = entity_of(head)
    label = ent.label_ if ent is not None else ""

    def mention(key: str, name: str, kind: str, country: str | None, sector: str | None) -> ActorMention:
        return ActorMention(start=start, end=end, text=text, key=key, name=name, kind=kind,
                            country=country, sector=sector, head=offset + head.idx)

    if label in ("ORG", "PERSON", "GPE", "NORP") or head.pos_ == "PROPN":
        org = lex.org(ent.text if ent is not None else head.text) if label != "PERSON" else None
        if org is None and ent is not None and label != "PERSON":
            org = lex.org(ent.text.split(" ", 1)[-1])
        if org is not None:
            return mention(f"org:{org.name}", org.name, org.kind, org.country, org.sector)
    if label == "GPE" or (label == "" and head.pos_ == "PROPN"):
        name = ent.text if ent is not None else head.text
        iso = lex.state_for(name) or lex.capital_country(name)
        if iso:
            return mention(f"{iso}:GOV", _state_name(iso, lex), "state", iso, "GOV")
    if label == "NORP" and head.tag_ in ("NNPS", "NNS") or (label == "NORP" and head.dep_ in ("nsubj", "dobj", "pobj", "nsubjpass")):
        iso = lex.demonym_country(head.text)
        if iso:
            return mention(f"{iso}:GOV", _state_name(iso, lex), "state", iso, "GOV")
    if label == "PERSON":
        return _person(head, ent, tokens, ctx, mention)
    role = _role_of(head, lex)
    if role is not None:
        owner = _owner_phrase(head)
        if owner is not None and role.kind != "person":
            owned = describe(owner, ctx, offset)
            if owned is not None and owned.key.startswith("org:"):
                return ActorMention(start=start, end=owned.end, text=_text(tokens) if owned.end <= end
                                    else head.doc[tokens[0].i: owner.i + 1].text, key=owned.key,
                                    name=owned.name, kind=owned.kind, country=owned.country,
                                    sector=owned.sector, head=offset + head.idx)
        countries = countries_in(tokens, lex, skip=head.i)
        if not countries and owner is not None:
            iso = lex.state_for(owner.text) or lex.demonym_country(owner.text)
            countries = [iso] if iso else []
        if not countries and role.sector in UNMARKED_FOCUS_SECTORS and role.kind != "person":
            countries = [ctx.focus] if ctx.focus else []
        iso = countries[0] if countries else None
        if role.kind == "person":
            return mention(f"role:{norm(text)}", text, "person", iso, role.sector)
        return mention(f"{iso or '---'}:{role.sector}", _role_actor_name(iso, role.sector, role.term, lex),
                       "state" if role.sector == "GOV" and iso and head.lemma_ in ("government", "regime") and False
                       else ("organization" if iso else "group"), iso, role.sector)
    if label == "ORG" and ent is not None:
        countries = countries_in(list(ent), lex)
        sector = next((r.sector for t in ent if (r := lex.role(t.lemma_)) is not None), None)
        return mention(f"org:{norm(ent.text)}", ent.text.removeprefix("the ").strip(), "organization",
                       countries[0] if countries else None, sector)
    return None


def _person(head: Token, ent: Any, tokens: list[Token], ctx: ActorContext, mention) -> ActorMention:
    lex = ctx.lexicon
    words = [t for t in ent if not t.is_punct and t.tag_ != "POS"]
    sector = None
    name_words = []
    for tok in words:
        entry = lex.role(tok.text) or lex.role(tok.lemma_)
        if entry is not None and not name_words:
            sector = sector or entry.sector
            continue
        name_words.append(tok.text)
    for tok in tokens:
        if tok.i < ent.start and sector is None:
            entry = lex.role(tok.lemma_) or lex.role(tok.text)
            if entry is not None:
                sector = entry.sector
    name = " ".join(name_words) or ent.text
    countries = countries_in([t for t in tokens if t.i < ent.start], lex)
    surname = norm(name_words[-1]) if name_words else norm(ent.text)
    return mention(f"person:{surname}", name, "person", countries[0] if countries else None, sector)


def find_actor_mentions(annotated: AnnotatedArticle, ctx: ActorContext | None = None) -> list[ActorMention]:
    """Every noun phrase in the body that names or describes a party, in text order."""
    if ctx is None:
        ctx = ActorContext(load_actor_lexicon(), focus_country(annotated))
    out: list[ActorMention] = []
    for block in annotated.parsed:
        for tok in block.doc:
            if tok.pos_ in ("NOUN", "PROPN") and not (tok.dep_ in ("compound", "flat") and tok.head.pos_ == "PROPN"):
                found = describe(tok, ctx, block.offset)
                if found is not None:
                    out.append(found)
    return out
