"""Who holds an area: a controller named in a layer, resolved like the parties of events.

A layer names its controller as an actor name ("Boko Haram", "the Nigerian
army", "Nigeria") or as a CAMEO-style code ("NGAMIL", "---INS").  Names go
through the same actor vocabulary the coder uses (organisations, states,
demonym + role noun), so an area held by "the Nigerian army" and an event
whose source is "Nigerian troops" share the code NGAMIL.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from dateline.resolve.actor_lexicon import ActorLexicon, load_actor_lexicon, norm
from dateline.resolve.actors import role_actor_name

CODE_PATTERN = re.compile(r"^(?P<country>[A-Z]{3}|---)(?P<sector>[A-Z]{3})$")


@dataclass(frozen=True)
class Controller:
    name: str
    kind: str                 # person | organization | state | group
    country: str | None       # ISO 3166-1 alpha-3
    sector: str | None

    @property
    def code(self) -> str:
        return f"{self.country or '---'}{self.sector or ''}"


def resolve_controller(text: str, lexicon: ActorLexicon | None = None) -> Controller | None:
    """The party a layer's ``controller`` names, or None when dateline cannot tell."""
    lex = lexicon or load_actor_lexicon()
    raw = text.strip()
    if not raw:
        return None
    code = CODE_PATTERN.match(raw)
    if code:
        country = None if code["country"] == "---" else code["country"]
        if country is not None and country not in lex.states:
            return None
        sector = code["sector"]
        return Controller(role_actor_name(country, sector, sector, lex) or raw,
                          "organization", country, sector)
    org = lex.org(raw)
    if org is not None:
        return Controller(org.name, org.kind, org.country, org.sector)
    iso3 = lex.state_for(raw) or lex.capital_country(raw)
    if iso3 is not None:
        return Controller(lex.states[iso3].name, "state", iso3, "GOV")
    return _demonym_role(raw, lex)


def _demonym_role(text: str, lex: ActorLexicon) -> Controller | None:
    """'the Nigerian army', 'Syrian rebels': a demonym followed by a role noun."""
    words = norm(text).split(" ")
    for cut in range(1, len(words)):
        iso3 = lex.demonym_country(" ".join(words[:cut]))
        role = lex.role(" ".join(words[cut:]))
        if iso3 is not None and role is not None:
            return Controller(role_actor_name(iso3, role.sector, role.term, lex),
                              "organization", iso3, role.sector)
    return None
