"""From argument tokens to actors: mention lookup, light coreference, and the registry of actors."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from dateline.coding.lexicon import word_set
from dateline.records import Actor, ActorMention
from dateline.resolve.actor_lexicon import ActorLexicon
from dateline.resolve.actors import QUANTITY_HEADS, ActorContext, describe
from dateline.resolve.named_countries import allegiance

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

    def __init__(self, mentions: list[ActorMention], ctx: ActorContext, parsed: list[Any] = (),
                 places: list[Any] = ()):
        self.ctx = ctx
        # towns, provinces and regions named in the text are where things happen, not who acts
        self.place_spans = sorted(span for p in places if p.feature != "country" for span in p.spans)
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        self.by_head = {m.head: m for m in self.mentions if m.head is not None}
        # subjects of a sentence's main clause: more salient antecedents than subjects of
        # clauses nested in it ("he is credited with ... that helped Assad turn the tide")
        self.main_subjects = {block.offset + tok.idx for block in parsed for tok in block.doc
                              if tok.dep_ in ("nsubj", "nsubjpass") and (tok.head.dep_ == "ROOT" or (
                                  tok.head.dep_ == "conj" and tok.head.head.dep_ == "ROOT"))}
        self._profile()
        self._resolve_pronouns(parsed)

    def _resolve_pronouns(self, parsed: list[Any]) -> None:
        """Resolve third-person pronouns in text order, each resolved one joining the chain,
        so "he ... his ... him" follow the same person through a paragraph."""
        for block in parsed:
            for tok in block.doc:
                if tok.lower_ not in PERSON_PRONOUNS | THING_PRONOUNS | GROUP_PRONOUNS:
                    continue
                pos = block.offset + tok.idx
                ante = self.antecedent(tok.lower_, pos)
                if ante is None:
                    continue
                linked = ActorMention(pos, pos + len(tok.text), tok.text, ante.key, ante.name, ante.kind,
                                      ante.country, ante.sector, pos, tok.dep_)
                at = bisect.bisect_left(self.starts, pos)
                self.starts.insert(at, pos)
                self.mentions.insert(at, linked)
                self.by_head[pos] = linked

    def _profile(self) -> None:
        """What the whole document says of each person (country and sector from any mention)."""
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
            return self.by_head.get(pos) or self.antecedent(token.lower_, pos)
        if token.lemma_.lower() in QUANTITY_HEADS or token.like_num:
            owner = next((o for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                          for o in c.children if o.dep_ == "pobj"), None)
            if owner is not None and owner.pos_ == "PRON":
                return self.resolve(owner, offset)
        if token.pos_ == "ADJ" or token.dep_ in ("amod", "compound"):
            iso = self.lexicon.demonym_country(token.text)
            if iso:
                entry = self.lexicon.states[iso]
                return ActorMention(pos, pos + len(token.text), token.text, f"{iso}:GOV", entry.name,
                                    "state", iso, "GOV", pos, token.dep_)
        found = self.by_head.get(pos) or describe(token, self.ctx, offset)
        if found is not None and self._is_place(pos) and not self._names_a_party(found):
            return None
        if found is None:
            return None if self._is_place(pos) else self._holder(token, offset)
        return self._complete(found, token, offset)

    def _names_a_party(self, found: ActorMention) -> bool:
        """Inside a place name only a state, a listed organisation or a known person can act."""
        if found.kind == "state":
            return True
        if found.key.startswith("org:"):
            return self.lexicon.org(found.name) is not None
        if found.key.startswith("person:"):
            return found.name in self.ctx.persons.values() or self.lexicon.person(found.name) is not None
        return False

    def _is_place(self, pos: int) -> bool:
        at = bisect.bisect_right(self.place_spans, (pos, float("inf"))) - 1
        return at >= 0 and self.place_spans[at][0] <= pos < self.place_spans[at][1]

    def _holder(self, token: Token, offset: int) -> ActorMention | None:
        """Ground named by who holds it ("rebel territory", "Hamas positions") stands for its holder."""
        for child in token.children:                       # "Assad's control", "the rebels' positions"
            if child.dep_ == "poss" and token.lemma_.lower() in word_set("held_ground"):
                found = self.resolve(child, offset)
                if found is not None:
                    return found
        for child in token.children:                       # a named holder first ("Houthi sites")
            if child.dep_ in ("amod", "compound", "nmod") and child.i < token.i:
                org = self.lexicon.org(child.text) or self.lexicon.org(child.text + "s")
                if org is not None:
                    return ActorMention(offset + child.idx, offset + child.idx + len(child.text), child.text,
                                        f"org:{org.name}", org.name, org.kind, org.country, org.sector,
                                        offset + child.idx, token.dep_)
        for child in token.children:
            if child.dep_ in ("amod", "compound") and child.i < token.i and not allegiance(child):
                entry = self.lexicon.role(child.lemma_) or self.lexicon.role(child.text)
                if entry is not None or child.ent_type_ in ("ORG", "NORP"):
                    found = describe(child, self.ctx, offset) if entry is None else None
                    if found is None and entry is not None:
                        from dateline.resolve.actors import countries_in, role_actor_name
                        named = countries_in([c for c in token.children if c.i < token.i], self.lexicon)
                        iso = named[0] if named else self.ctx.focus
                        found = ActorMention(offset + child.idx, offset + child.idx + len(child.text),
                                             child.text, f"{iso or '---'}:{entry.sector}",
                                             role_actor_name(iso, entry.sector, entry.term, self.lexicon),
                                             "organization" if iso else "group", iso, entry.sector,
                                             offset + child.idx, token.dep_)
                    if found is not None:
                        return found
        return None

    def _complete(self, mention: ActorMention, token: Token, offset: int) -> ActorMention:
        """Fill a role noun's country from a possessive pronoun ("its ships"), a person's from their profile."""
        poss = [c for c in token.children if c.dep_ == "poss" and c.pos_ == "PRON"]
        if poss and mention.sector and not mention.key.startswith(("person:", "org:")):
            ante = self.antecedent(poss[0].lower_, offset + poss[0].idx)
            if ante is not None and ante.country:
                return rekey(mention, ante.country, self.lexicon)
        if mention.key in self.profiles:
            prof = self.profiles[mention.key]
            return ActorMention(mention.start, mention.end, mention.text, mention.key,
                                prof.name if len(prof.name) > len(mention.name) else mention.name,
                                mention.kind, mention.country or prof.country,
                                mention.sector or prof.sector, mention.head)
        return mention

    def antecedent(self, pronoun: str, pos: int) -> ActorMention | None:
        """The most salient earlier mention a pronoun can stand for: a recent grammatical
        subject first, then the most recent compatible mention; named people before role nouns."""
        idx = bisect.bisect_left(self.starts, pos) - 1
        window = [m for m in self.mentions[max(0, idx - 40): idx + 1] if m.end <= pos]
        if pronoun in PERSON_PRONOUNS:
            fits = [m for m in window if m.kind == "person"]
            named = [m for m in fits if m.key.startswith("person:")]
            fits = named or fits
        elif pronoun in THING_PRONOUNS:
            fits = [m for m in window if m.kind in ("state", "organization", "group") and m.country]
        else:
            fits = [m for m in window if m.kind in ("group", "state", "organization")]
        if not fits:
            return None
        # salience: the latest subject among the last dozen mentions of any party, else the latest fit
        recent_starts = {m.start for m in window[-12:]}
        subjects = [m for m in fits if m.start in recent_starts and m.dep in ("nsubj", "nsubjpass")]
        main = [m for m in subjects if m.head in self.main_subjects]
        best = (main or subjects or fits)[-1]
        return self._complete_key(best)

    def _complete_key(self, m: ActorMention) -> ActorMention:
        prof = self.profiles.get(m.key)
        if prof is None:
            return m
        return ActorMention(m.start, m.end, m.text, m.key, prof.name, m.kind,
                            m.country or prof.country, m.sector or prof.sector, m.head, m.dep)


def _merge(prev: ActorMention | None, new: ActorMention) -> ActorMention:
    if prev is None:
        return new
    name = prev.name if len(prev.name) >= len(new.name) else new.name
    return ActorMention(prev.start, prev.end, prev.text, prev.key, name, prev.kind,
                        prev.country or new.country, prev.sector or new.sector, prev.head)


def rekey(mention: ActorMention, iso3: str, lex: ActorLexicon) -> ActorMention:
    from dateline.resolve.actors import role_actor_name

    sector = mention.sector or "GOV"
    return ActorMention(mention.start, mention.end, mention.text, f"{iso3}:{sector}",
                        role_actor_name(iso3, sector, mention.name, lex), "organization", iso3, sector,
                        mention.head, mention.dep)


def as_people(mention: ActorMention, lex: ActorLexicon) -> ActorMention:
    """A nationality that protests ("Albanians demonstrated") is its people, not its state."""
    if mention.kind != "state" or not mention.country or not lex.demonym_country(mention.text.split()[-1]):
        return mention
    from dateline.resolve.actors import role_actor_name

    return ActorMention(mention.start, mention.end, mention.text, f"{mention.country}:CVL",
                        role_actor_name(mention.country, "CVL", "civilians", lex), "group", mention.country,
                        "CVL", mention.head, mention.dep)


def as_force(mention: ActorMention, lex: ActorLexicon) -> ActorMention:
    """A state acting with armed force acts through its armed forces (country / MIL)."""
    if mention.kind in ("state", "organization") and mention.sector == "GOV" and mention.country \
            and not mention.key.startswith("org:"):
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
