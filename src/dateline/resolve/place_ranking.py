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
from dataclasses import dataclass

from dateline.resolve.gazetteer import Candidate, Gazetteer
from dateline.resolve.place_mentions import Mention
from dateline.resolve.place_names import name_key

FEATURE_PRIOR = {"city": 0.0, "admin1": 1.0, "country": 3.0, "region": 5.0, "water": 5.0, "other": 4.0}
MATCH_PRIOR = {"name": 0.0, "alt": -0.3, "skeleton": -2.0, "fuzzy": -3.5}
ADMIN_HINT = {"admin1": 4.0, "city": -1.5, "country": -1.0}
CITY_HINT = {"city": 2.0, "admin1": -2.0, "country": -2.0}
TWIN_ADMIN_PENALTY = 3.0          # bare "Idlib": the city, not the governorate of the same name
COUNTRY_FOCUS_WEIGHT = 3.0
ADMIN_FOCUS_WEIGHT = 1.5
CONTAINER_BONUS = 6.0
NEAR_BONUS = ((50.0, 1.5), (200.0, 1.0), (800.0, 0.4))
ROUNDS = 3
TEMPERATURE = 1.0
MAX_CANDIDATES = 60


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


def prior(candidate: Candidate, mention: Mention, twins: set[str]) -> float:
    score = math.log10(candidate.population + 10) + FEATURE_PRIOR.get(candidate.feature, 0.0)
    score += MATCH_PRIOR[candidate.match]
    if mention.admin_hint:
        score += ADMIN_HINT.get(candidate.feature, 0.0)
    elif candidate.feature == "admin1" and candidate.admin1_key in twins:
        score -= TWIN_ADMIN_PENALTY
    if mention.city_hint:
        score += CITY_HINT.get(candidate.feature, 0.0)
    return score


def _twin_admins(candidates: list[Candidate]) -> set[str]:
    """Admin1 areas among the candidates that share their name with a city inside them."""
    admins = {c.admin1_key: c for c in candidates if c.feature == "admin1" and c.admin1_key}
    twins: set[str] = set()
    for cand in candidates:
        admin = admins.get(cand.admin1_key) if cand.feature == "city" else None
        if admin is not None and cand.match in ("name", "alt"):
            twins.add(admin.admin1_key or "")
    return twins


def _softmax(scores: list[float]) -> list[float]:
    top = max(scores)
    weights = [math.exp((s - top) / TEMPERATURE) for s in scores]
    total = sum(weights)
    return [w / total for w in weights]


def _candidates(gazetteer: Gazetteer, mention: Mention) -> list[Candidate]:
    found = gazetteer.lookup(mention.text, fuzzy=mention.source == "ent")
    pool = list(found)
    pool.sort(key=lambda c: (-(c.match in ("name", "alt")), -c.population))
    return pool[:MAX_CANDIDATES]


def _unit_key(mention: Mention, mentions_by_span: dict[tuple[int, int], Mention]) -> tuple[str, ...]:
    container = mentions_by_span.get(mention.container) if mention.container else None
    return (name_key(mention.text), str(mention.admin_hint), str(mention.city_hint),
            name_key(container.text) if container else "")


def rank(mentions: list[Mention], gazetteer: Gazetteer) -> list[Choice]:
    """The chosen candidate for every mention that has one (text order kept).

    Mentions with the same text and the same cues are resolved together, as one
    unit weighted by how often it occurs.
    """
    named = [m for m in mentions if m.direction is None]
    by_span = {(m.start, m.end): m for m in named}
    unit_of: dict[tuple[str, ...], int] = {}
    units: list[Mention] = []
    weights: list[int] = []
    for mention in named:
        key = _unit_key(mention, by_span)
        if key not in unit_of:
            unit_of[key] = len(units)
            units.append(mention)
            weights.append(0)
        weights[unit_of[key]] += 1
    container_unit = [unit_of.get(_unit_key(by_span[u.container], by_span))
                      if u.container in by_span else None for u in units]
    pools = [_candidates(gazetteer, u) for u in units]
    priors = [[prior(c, u, _twin_admins(pool)) for c in pool] for u, pool in zip(units, pools)]
    scores = [list(p) for p in priors]
    for _ in range(ROUNDS):
        shares = [_softmax(row) if row else [] for row in scores]
        best = [pool[max(range(len(pool)), key=row.__getitem__)] if pool else None
                for pool, row in zip(pools, scores)]
        countries, admins, total = _focus(pools, shares, weights)
        scores = []
        for i, (unit, pool) in enumerate(zip(units, pools)):
            if len(pool) < 2:
                scores.append(list(priors[i]))
                continue
            own_countries, own_admins, _ = _focus([pool], [shares[i]], [weights[i]])
            rest = max(total - weights[i], 1)
            container = best[container_unit[i]] if container_unit[i] is not None else None
            surface = name_key(unit.text)
            others = {b.pid: b for j, b in enumerate(best)
                      if b is not None and j != i and name_key(units[j].text) != surface}
            row = []
            for cand, base in zip(pool, priors[i]):
                country_share = (countries.get(cand.country or "", 0.0)
                                 - own_countries.get(cand.country or "", 0.0)) / rest
                admin_share = (admins.get(cand.admin1_key or "", 0.0)
                               - own_admins.get(cand.admin1_key or "", 0.0)) / rest
                score = base + COUNTRY_FOCUS_WEIGHT * country_share + ADMIN_FOCUS_WEIGHT * admin_share
                if container is not None and _inside(cand, container):
                    score += CONTAINER_BONUS
                score += _near_bonus(cand, list(others.values()))
                row.append(score)
            scores.append(row)
    chosen: list[Choice | None] = []
    for pool, row in zip(pools, scores):
        if not pool:
            chosen.append(None)
            continue
        shares = _softmax(row)
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


def _near_bonus(candidate: Candidate, others: list[Candidate]) -> float:
    if candidate.lat is None or candidate.lon is None or candidate.feature in ("country", "region", "water"):
        return 0.0
    nearest = min((km(candidate.lat, candidate.lon, o.lat, o.lon) for o in others
                   if o.lat is not None and o.lon is not None
                   and o.feature not in ("country", "region", "water")), default=None)
    if nearest is None:
        return 0.0
    for limit, bonus in NEAR_BONUS:
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
