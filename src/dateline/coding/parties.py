"""From argument tokens to actors: mention lookup, light coreference, and the registry of actors."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from dateline.records import Actor, ActorMention
from dateline.resolve.actor_lexicon import ActorLexicon
from dateline.resolve.actors import ActorContext, describe

Token = Any
PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "himself", "herself"}
THING_PRONOUNS = {"it", "its", "itself"}
GROUP_PRONOUNS = {"they", "them", "their", "themselves"}


@dataclass
class ActorRegistry:
    """Actors in order of first use in an event; one per key."""

    by_key: dict[str, Actor] = field(default_factory=dict)

    def get(self, mention: ActorMention) -> Actor:
        actor = self.by_key.get(mention.key)
        if actor is None:
            actor = Actor(id=f"a{len(self.by_key) + 1}", name=mention.name, kind=mention.kind,
                          country=mention.country, sector=mention.sector)
            self.by_key[mention.key] = actor
        if mention.text and mention.text not in actor.mentions:
            actor.mentions.append(mention.text)
        if (mention.start, mention.end) not in actor.spans:
            actor.spans.append((mention.start, mention.end))
        actor.country = actor.country or mention.country
        actor.sector = actor.sector or mention.sector
        return actor

    def actors(self) -> list[Actor]:
        return list(self.by_key.values())


class PartyResolver:
    """Resolves argument tokens to actor mentions, pronouns to earlier mentions."""

    def __init__(self, mentions: list[ActorMention], ctx: ActorContext):
        self.ctx = ctx
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        self.by_head = {m.head: m for m in self.mentions if m.head is not None}
        self.profiles: dict[str, ActorMention] = {}
        for m in self.mentions:
            if m.kind == "person" and m.key.startswith("person:"):
                prev = self.profiles.get(m.key)
                if prev is None or (prev.country is None and m.country) or (prev.sector is None and m.sector):
                    self.profiles[m.key] = _merge(prev, m)

    @property
    def lexicon(self) -> ActorLexicon:
        return self.ctx.lexicon

    def resolve(self, token: Token, offset: int) -> ActorMention | None:
        pos = offset + token.idx
        if token.pos_ == "PRON" or token.lower_ in PERSON_PRONOUNS | THING_PRONOUNS | GROUP_PRONOUNS:
            return self.antecedent(token.lower_, pos)
        found = self.by_head.get(pos) or describe(token, self.ctx, offset)
        if found is None:
            return None
        return self._complete(found, token, offset)

    def _complete(self, mention: ActorMention, token: Token, offset: int) -> ActorMention:
        """Fill a role noun's country from a possessive pronoun ("its ships"), a person's from their profile."""
        poss = [c for c in token.children if c.dep_ == "poss" and c.pos_ == "PRON"]
        if poss and mention.sector and not mention.key.startswith(("person:", "org:")):
            ante = self.antecedent(poss[0].lower_, offset + poss[0].idx)
            if ante is not None and ante.country:
                return _rekey(mention, ante.country, self.lexicon)
        if mention.key in self.profiles:
            prof = self.profiles[mention.key]
            return ActorMention(mention.start, mention.end, mention.text, mention.key,
                                prof.name if len(prof.name) > len(mention.name) else mention.name,
                                mention.kind, mention.country or prof.country,
                                mention.sector or prof.sector, mention.head)
        return mention

    def antecedent(self, pronoun: str, pos: int) -> ActorMention | None:
        idx = bisect.bisect_left(self.starts, pos) - 1
        want_person = pronoun in PERSON_PRONOUNS
        for m in reversed(self.mentions[max(0, idx - 40): idx + 1]):
            if m.end > pos:
                continue
            if want_person and m.kind == "person":
                return self._complete_key(m)
            if pronoun in THING_PRONOUNS and m.kind in ("state", "organization") and m.country:
                return m
            if pronoun in GROUP_PRONOUNS and m.kind in ("group", "state", "organization"):
                return m
        return None

    def _complete_key(self, m: ActorMention) -> ActorMention:
        prof = self.profiles.get(m.key)
        if prof is None:
            return m
        return ActorMention(m.start, m.end, m.text, m.key, prof.name, m.kind,
                            m.country or prof.country, m.sector or prof.sector, m.head)


def _merge(prev: ActorMention | None, new: ActorMention) -> ActorMention:
    if prev is None:
        return new
    name = prev.name if len(prev.name) >= len(new.name) else new.name
    return ActorMention(prev.start, prev.end, prev.text, prev.key, name, prev.kind,
                        prev.country or new.country, prev.sector or new.sector, prev.head)


def _rekey(mention: ActorMention, iso3: str, lex: ActorLexicon) -> ActorMention:
    from dateline.resolve.actors import _role_actor_name

    sector = mention.sector or "GOV"
    return ActorMention(mention.start, mention.end, mention.text, f"{iso3}:{sector}",
                        _role_actor_name(iso3, sector, mention.name, lex), mention.kind, iso3, sector,
                        mention.head)


def as_force(mention: ActorMention, lex: ActorLexicon) -> ActorMention:
    """A state acting with armed force acts through its armed forces (country / MIL)."""
    if mention.kind == "state" and mention.sector == "GOV" and mention.country:
        return ActorMention(mention.start, mention.end, mention.text, f"{mention.country}:MIL",
                            _force_name(mention.country, lex), "organization", mention.country, "MIL",
                            mention.head)
    return mention


def _force_name(iso3: str, lex: ActorLexicon) -> str:
    entry = lex.states.get(iso3)
    return f"{entry.demonym} armed forces" if entry else f"{iso3} armed forces"


def host_state(iso2: str | None, lex: ActorLexicon, start: int, end: int, text: str) -> ActorMention | None:
    """The government of the country a visitor travels to."""
    if not iso2:
        return None
    for iso3, entry in lex.states.items():
        if entry.iso2 == iso2:
            return ActorMention(start, end, text, f"{iso3}:GOV", entry.name, "state", iso3, "GOV")
    return None
