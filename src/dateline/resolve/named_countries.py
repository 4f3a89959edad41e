"""Which states a phrase names, and which country an unmarked role noun belongs to ("rebels in
Syria", "Iranian forces ... hundreds of troops"): helpers of resolve/actors.py."""
from __future__ import annotations

from typing import Any

from dateline.resolve.actor_lexicon import ActorLexicon

Token = Any


def entity_of(token: Token) -> Any | None:
    """The named-entity span holding ``token``, found from its IOB tags (no scan of doc.ents)."""
    if not token.ent_type_:
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return _span(doc, start, end, token.ent_type_)


def _span(doc: Any, start: int, end: int, label: str) -> Any:
    from spacy.tokens import Span

    return Span(doc, start, end, label=label)


def countries_in(tokens: list[Token], lex: ActorLexicon, skip: int | None = None) -> list[str]:
    """States named in a phrase's modifiers (demonyms, names, capitals, possessives)."""
    found: list[str] = []
    for tok in tokens:
        if tok.i == skip or allegiance(tok):
            continue
        pieces = tok.text.split("-")
        ent = entity_of(tok) if tok.ent_type_ == "GPE" else None
        if ent is not None and len(ent) > 1:
            pieces.append(ent.text.removeprefix("the ").removesuffix("'s"))   # "Ivory Coast's", "Great Britain"
        for piece in pieces:
            iso = lex.demonym_country(piece) or lex.state_for(piece)
            if iso is None and tok.ent_type_ == "GPE":
                iso = lex.capital_country(piece)
            if iso and iso not in found:
                found.append(iso)
    return found


def same_kind_earlier(head: Token, sector: str, lex: ActorLexicon) -> str | None:
    """The country of the one party of the same kind named earlier in the sentence: "the biggest
    deployment of Iranian forces yet, hundreds of troops ..." are Iranian troops."""
    found = set()
    for tok in head.sent:
        if tok.i >= head.i:
            break
        role = lex.role(tok.lemma_) or lex.role(tok.text)
        if role is not None and role.sector == sector and tok.pos_ == "NOUN":
            found.update(countries_in([c for c in tok.children if c.dep_ in ("amod", "compound", "poss")], lex))
    return found.pop() if len(found) == 1 else None


def located_in(head: Token, lex: ActorLexicon) -> str | None:
    """The one country an unmarked role noun is placed in by its own words ("officers who seized
    power in Niger", "rebels in Syria"), else by its sentence ("... fought rebels in Syria")."""
    def states_in(tokens) -> set[str]:
        found = set()
        for tok in tokens:
            if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "across", "inside", "throughout"):
                iso = lex.state_for(tok.text) or (lex.state_for(ent.text) if (ent := entity_of(tok)) else None)
                if iso:
                    found.add(iso)
        return found

    own = states_in(head.subtree)
    if len(own) == 1:
        return own.pop()
    sentence = states_in(head.sent)
    return sentence.pop() if len(sentence) == 1 else None


def allegiance(token: Token) -> bool:
    """A word after "pro-" or "anti-" names a side taken, not a nationality or a body:
    "pro-Russian separatists" in Ukraine are Ukrainian, "pro-government groups" are no government."""
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ in ("pro", "anti")
