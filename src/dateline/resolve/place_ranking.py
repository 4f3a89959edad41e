"""Toponym resolution: pick one gazetteer entry per mention.

Each candidate gets a prior (population, kind of place, how well the name
matched, the words around the mention) and a context score that rewards the
countries and admin1 areas the rest of the document is about, an explicit
container ("Austin, Texas") and closeness to the other places resolved in the
document.  The document focus is re-estimated from the current choices over a
few rounds.  Confidence is the softmax share of the winning candidate.
"""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, replace

from dateline.resolve.gazetteer import Candidate, Gazetteer
from dateline.resolve.place_mentions import Mention
from dateline.resolve.place_names import name_key

@dataclass(frozen=True)
class Weights:
    """The knobs of the ranker (set on the dev splits of the geoparsing sets)."""

    feature: tuple[tuple[str, float], ...] = (
        ("city", 0.0), ("admin1", 0.5), ("admin2", 0.5), ("country", 3.0), ("region", 7.0),
        ("water", 8.0), ("other", 5.0))
    match: tuple[tuple[str, float], ...] = (
        ("name", 0.0), ("alt", -0.3), ("skeleton", -2.0), ("fuzzy", -3.5), ("part", -1.0))
    admin_hint: tuple[tuple[str, float], ...] = (
        ("admin1", 4.0), ("admin2", 3.0), ("city", -1.5), ("country", -1.0))
    city_hint: tuple[tuple[str, float], ...] = (
        ("city", 2.0), ("admin1", -2.0), ("admin2", -2.0), ("country", -2.0))
    article: tuple[tuple[str, float], ...] = (("water", 2.0), ("region", 2.0), ("other", 1.0))
    capital: float = 3.0            # national capitals stand for their governments and are named often
    twin_admin_penalty: float = 3.0  # bare "Idlib": the city, not the governorate of the same name
    country_focus: float = 3.0
    neighbour_share: float = 0.6     # mentions of a bordering country count this much towards focus
    admin_focus: float = 3.0
    container: float = 6.0
    near: tuple[tuple[float, float], ...] = ((50.0, 1.5), (200.0, 1.0), (800.0, 0.4))
    rounds: int = 3
    temperature: float = 1.0


DEFAULT_WEIGHTS = Weights()
GENERIC_NAME_WORDS = frozenset({"university", "college", "school", "academy", "state", "city", "county", "hall",
                      "airport", "international", "national", "federal", "north", "south", "east",
                      "west", "new", "saint", "st.", "st", "the", "of", "and", "centre", "center",
                      "street", "road", "park", "bank", "church", "hospital", "court", "house",
                      "station", "district", "area", "government", "local", "general", "royal",
                      "great", "grand", "old", "upper", "lower", "central", "united", "mount"})
MAX_CANDIDATES = 60
MIN_LOOSE_MATCH_POPULATION = 20_000
KM_PER_DEGREE_LATITUDE = 111.0
TWIN_CITY_SHARE = 0.1            # a twin city holds at least this share of the area's population


@dataclass
class Choice:
    mention: Mention
    candidate: Candidate
    confidence: float


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def prior(candidate: Candidate, mention: Mention, twins: set[str], capitals: frozenset[int],
          weights: Weights = DEFAULT_WEIGHTS) -> float:
    score = math.log10(candidate.population + 10) + dict(weights.feature).get(candidate.feature, 0.0)
    score += dict(weights.match)[candidate.match]
    if candidate.pid in capitals and candidate.match in ("name", "alt"):
        score += weights.capital
    if mention.admin_hint:
        score += dict(weights.admin_hint).get(candidate.feature, 0.0)
    elif candidate.feature in ("admin1", "admin2") and candidate.admin1_key in twins:
        score -= weights.twin_admin_penalty
    if mention.city_hint:
        score += dict(weights.city_hint).get(candidate.feature, 0.0)
    if mention.article:
        score += dict(weights.article).get(candidate.feature, 0.0)
    return score


def _twin_admins(candidates: list[Candidate]) -> set[str]:
    """Admin areas among the candidates that share their name with a sizeable city of
    the same country ("Aleppo", "Mandalay", "New York"): a bare name means the city."""
    cities: dict[str, int] = defaultdict(int)
    for cand in candidates:
        if cand.feature == "city" and cand.match in ("name", "alt") and cand.country:
            cities[cand.country] = max(cities[cand.country], cand.population)
    return {c.admin1_key or "" for c in candidates
            if c.feature in ("admin1", "admin2") and c.country in cities
            and cities[c.country] >= TWIN_CITY_SHARE * c.population}


def _softmax(scores: list[float], temperature: float) -> list[float]:
    top = max(scores)
    exps = [math.exp((s - top) / temperature) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


def _candidates(gazetteer: Gazetteer, mention: Mention) -> list[Candidate]:
    fuzzy = mention.source in ("ent", "given")
    found = gazetteer.lookup(mention.text, fuzzy=fuzzy and mention.query is None)
    if not found and mention.query:
        found = gazetteer.lookup(mention.query, fuzzy=fuzzy)
    if not found and mention.source == "given":
        found = _part_candidates(gazetteer, mention.query or mention.text)
    if mention.source != "given" and not (mention.city_hint or mention.admin_hint):
        found = [c for c in found if _plausible_for_recognised(c, mention.text)]
    pool = list(found)
    pool.sort(key=lambda c: (-(c.match in ("name", "alt")), -c.population))
    return pool[:MAX_CANDIDATES]


def _unit_key(mention: Mention, mentions_by_span: dict[tuple[int, int], Mention]) -> tuple[str, ...]:
    container = mentions_by_span.get(mention.container) if mention.container else None
    return (name_key(mention.text), str(mention.admin_hint), str(mention.city_hint),
            str(mention.article), name_key(container.text) if container else "")


def _plausible_for_recognised(candidate: Candidate, text: str) -> bool:
    """Loose matches (variant spelling, near spelling) of names the system found itself
    must point at a notable place; acronyms must match exactly."""
    if candidate.match in ("name", "alt"):
        return True
    if text.replace(".", "").isupper() and len(text) <= 5:
        return False
    return candidate.feature != "city" or candidate.population >= MIN_LOOSE_MATCH_POPULATION


def _part_candidates(gazetteer: Gazetteer, name: str) -> list[Candidate]:
    """A longer name that the gazetteer lacks, resolved by the longest place name
    inside it ("University of California" -> California)."""
    words = name.split()
    for size in range(len(words) - 1, 0, -1):
        for first in range(len(words) - size + 1):
            part = words[first:first + size]
            if not any(w[:1].isupper() and w.lower() not in GENERIC_NAME_WORDS for w in part):
                continue
            found = [replace(c, match="part") for c in gazetteer.lookup(" ".join(part), fuzzy=False)
                     if c.match in ("name", "alt")]
            if found:
                return found
    return []


def rank(mentions: list[Mention], gazetteer: Gazetteer,
         weights: Weights = DEFAULT_WEIGHTS) -> list[Choice]:
    """The chosen candidate for every mention that has one (text order kept).

    Mentions with the same text and the same cues are resolved together, as one
    unit weighted by how often it occurs.
    """
    named = [m for m in mentions if m.direction is None]
    by_span = {(m.start, m.end): m for m in named}
    unit_of: dict[tuple[str, ...], int] = {}
    units: list[Mention] = []
    counts: list[int] = []
    for mention in named:
        key = _unit_key(mention, by_span)
        if key not in unit_of:
            unit_of[key] = len(units)
            units.append(mention)
            counts.append(0)
        counts[unit_of[key]] += 1
    container_unit = [unit_of.get(_unit_key(by_span[u.container], by_span))
                      if u.container in by_span else None for u in units]
    pools = [_candidates(gazetteer, u) for u in units]
    surfaces = [name_key(u.text) for u in units]
    twins = [_twin_admins(pool) for pool in pools]
    priors = [[prior(c, u, twin, gazetteer.capitals, weights) for c in pool]
              for u, pool, twin in zip(units, pools, twins)]
    scores = [list(p) for p in priors]
    for _ in range(weights.rounds):
        shares = [_softmax(row, weights.temperature) if row else [] for row in scores]
        best = [pool[max(range(len(pool)), key=row.__getitem__)] if pool else None
                for pool, row in zip(pools, scores)]
        countries, admins, total = _focus(pools, shares, counts)
        scores = []
        for i, (unit, pool) in enumerate(zip(units, pools)):
            if len(pool) < 2:
                scores.append(list(priors[i]))
                continue
            # a name does not vote for its own reading: leave out every unit with this surface
            same = [j for j in range(len(units)) if surfaces[j] == surfaces[i]]
            own_countries, own_admins, own_total = _focus(
                [pools[j] for j in same], [shares[j] for j in same], [counts[j] for j in same])
            rest = max(total - own_total, 1)
            container = best[container_unit[i]] if container_unit[i] is not None else None
            others = {b.pid: b for j, b in enumerate(best)
                      if b is not None and j != i and surfaces[j] != surfaces[i]}
            row = []
            for cand, base in zip(pool, priors[i]):
                country_share = (countries.get(cand.country or "", 0.0)
                                 - own_countries.get(cand.country or "", 0.0)) / rest
                if cand.country:
                    country_share += weights.neighbour_share * sum(
                        countries.get(n, 0.0) - own_countries.get(n, 0.0)
                        for n in gazetteer.neighbours(cand.country)) / rest
                admin_share = (admins.get(cand.admin1_key or "", 0.0)
                               - own_admins.get(cand.admin1_key or "", 0.0)) / rest
                score = base + weights.country_focus * country_share + weights.admin_focus * admin_share
                if container is not None and _inside(cand, container):
                    score += weights.container
                score += _near_bonus(cand, list(others.values()), weights.near)
                row.append(score)
            scores.append(row)
    chosen: list[Choice | None] = []
    for pool, row in zip(pools, scores):
        if not pool:
            chosen.append(None)
            continue
        shares = _softmax(row, weights.temperature)
        top = max(range(len(pool)), key=row.__getitem__)
        chosen.append(Choice(units[0], pool[top], shares[top]))
    out: list[Choice] = []
    for mention in named:
        choice = chosen[unit_of[_unit_key(mention, by_span)]]
        if choice is not None:
            out.append(Choice(mention, choice.candidate, choice.confidence))
    return out


def _inside(candidate: Candidate, container: Candidate) -> bool:
    if container.feature == "country":
        return candidate.country == container.country and candidate.pid != container.pid
    if container.feature == "admin1":
        return candidate.admin1_key == container.admin1_key and candidate.pid != container.pid
    return False


def _near_bonus(candidate: Candidate, others: list[Candidate],
                near: tuple[tuple[float, float], ...]) -> float:
    if candidate.feature == "country":
        # a country is as near as can be to the places the document names inside it
        inside = any(o.country == candidate.country and o.feature != "country" for o in others)
        return max((bonus for _, bonus in near), default=0.0) if inside else 0.0
    if candidate.lat is None or candidate.lon is None or candidate.feature in ("region", "water"):
        return 0.0
    reach = max((limit for limit, _ in near), default=0.0) / KM_PER_DEGREE_LATITUDE
    nearest = min((km(candidate.lat, candidate.lon, o.lat, o.lon) for o in others
                   if o.lat is not None and o.lon is not None and abs(o.lat - candidate.lat) <= reach
                   and o.feature not in ("country", "region", "water")), default=None)
    if nearest is None:
        return 0.0
    for limit, bonus in near:
        if nearest <= limit:
            return bonus
    return 0.0


def _focus(pools: list[list[Candidate]], shares: list[list[float]],
           weights: list[int]) -> tuple[dict[str, float], dict[str, float], int]:
    """Probability mass of the mentions (weighted by count) per country and per admin1."""
    countries: dict[str, float] = defaultdict(float)
    admins: dict[str, float] = defaultdict(float)
    for pool, share, weight in zip(pools, shares, weights):
        for cand, p in zip(pool, share):
            if cand.country:
                countries[cand.country] += p * weight
            if cand.admin1_key:
                admins[cand.admin1_key] += p * weight
    total = sum(w for pool, w in zip(pools, weights) if pool)
    return countries, admins, total
