"""The actor vocabulary: states (names, demonyms, capitals), organisations and role nouns.

Read once from the TSV files in ``dateline/data`` (states.tsv, organizations.tsv,
roles.tsv) and indexed by normalised surface form.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from dateline.resources import data_path, read_tsv


@functools.lru_cache(maxsize=65536)
def norm(text: str) -> str:
    """Lower case, no diacritics, curly quotes straightened, no leading article, hyphens as spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("\u2019", "'").replace("\u2018", "'").lower().strip()
    text = re.sub(r"'s$", "", text)
    text = re.sub(r"^(the)\s+", "", text)
    text = re.sub(r"\s*[-\u2010\u2011]\s*", " ", text)     # "al-Assad", "al Assad" and "al - Assad" alike
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class StateEntry:
    iso3: str
    iso2: str
    name: str
    demonym: str          # adjective form, for naming ("Russian armed forces")


@dataclass(frozen=True)
class OrgEntry:
    name: str
    kind: str
    country: str | None
    sector: str | None


@dataclass(frozen=True)
class PersonEntry:
    name: str
    country: str | None
    sector: str | None


@dataclass(frozen=True)
class RoleEntry:
    term: str
    sector: str
    kind: str


@dataclass(frozen=True)
class ActorLexicon:
    states: dict[str, StateEntry]        # iso3 -> entry
    state_names: dict[str, str]          # normalised name/alias -> iso3
    demonyms: dict[str, str]             # normalised demonym (adj. or people) -> iso3
    capitals: dict[str, str]             # normalised capital -> iso3
    orgs: dict[str, OrgEntry]            # normalised name/alias -> entry
    roles: dict[str, RoleEntry]          # normalised term (and plural) -> entry
    max_org_words: int
    exact: dict[str, str | OrgEntry]     # short all-capital aliases ("US", "IS"), matched case-sensitively
    people: dict[str, PersonEntry]       # normalised name/alias -> well-known person

    def person(self, text: str) -> PersonEntry | None:
        return self.people.get(norm(text))

    def state_for(self, text: str) -> str | None:
        text = _drop_article(text)
        if _is_short_caps(text):
            hit = self.exact.get(text)
            return hit if isinstance(hit, str) else None
        return self.state_names.get(norm(text))

    def demonym_country(self, text: str) -> str | None:
        return self.demonyms.get(norm(text))

    def capital_country(self, text: str) -> str | None:
        return self.capitals.get(norm(text))

    def org(self, text: str) -> OrgEntry | None:
        text = _drop_article(text)
        if _is_short_caps(text):
            hit = self.exact.get(text)
            return hit if isinstance(hit, OrgEntry) else None
        return self.orgs.get(norm(text))

    def role(self, text: str) -> RoleEntry | None:
        return self.roles.get(norm(text))


def _drop_article(text: str) -> str:
    return re.sub(r"^(the|The)\s+", "", text.strip())


def _is_short_caps(text: str) -> bool:
    """Acronyms of up to four letters ("US", "IS", "CAR") clash with words when lower-cased."""
    letters = text.replace(".", "")
    return 0 < len(letters) <= 4 and letters.isalpha() and letters.isupper()


def _split(cell: str) -> list[str]:
    return [part.strip() for part in (cell or "").split("|") if part.strip()]


@functools.cache
def load_actor_lexicon() -> ActorLexicon:
    states: dict[str, StateEntry] = {}
    names: dict[str, str] = {}
    exact: dict[str, str | OrgEntry] = {}
    demonyms: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for row in read_tsv("states.tsv"):
        iso3 = row["iso3"].strip()
        dems = _split(row.get("demonyms", ""))
        states[iso3] = StateEntry(iso3, row["iso2"].strip(), row["name"].strip(),
                                  dems[0] if dems else row["name"].strip())
        for alias in [row["name"], *_split(row.get("aliases", ""))]:
            if _is_short_caps(alias):
                exact.setdefault(alias, iso3)
            else:
                names.setdefault(norm(alias), iso3)
        for dem in dems:
            demonyms.setdefault(norm(dem), iso3)
        for cap in [row.get("capital", ""), *_split(row.get("capital_aliases", ""))]:
            if cap.strip():
                capitals.setdefault(norm(cap), iso3)
    orgs: dict[str, OrgEntry] = {}
    longest = 1
    for row in read_tsv("organizations.tsv"):
        entry = OrgEntry(row["name"].strip(), (row.get("kind") or "organization").strip(),
                         row.get("country", "").strip() or None, row.get("sector", "").strip() or None)
        for alias in [row["name"], *_split(row.get("aliases", ""))]:
            if _is_short_caps(alias):
                exact.setdefault(alias, entry)
                continue
            key = norm(alias)
            orgs.setdefault(key, entry)
            longest = max(longest, len(key.split()))
    roles: dict[str, RoleEntry] = {}
    for row in read_tsv("roles.tsv"):
        entry = RoleEntry(row["term"].strip(), row["sector"].strip(), (row.get("kind") or "group").strip())
        for form in [row["term"], *_split(row.get("plural", ""))]:
            roles.setdefault(norm(form), entry)
    people: dict[str, PersonEntry] = {}
    if data_path("people.tsv").exists():
        for row in read_tsv("people.tsv"):
            person = PersonEntry(row["name"].strip(), row.get("country", "").strip() or None,
                                 row.get("sector", "").strip() or None)
            for alias in [row["name"], *_split(row.get("aliases", ""))]:
                people.setdefault(norm(alias), person)
    return ActorLexicon(states, names, demonyms, capitals, orgs, roles, longest, exact, people)
