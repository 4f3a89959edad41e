"""Places named in an article body: recognised, resolved, grouped into Place records.

``resolve_places`` is the stage entry point; ``place_at`` lets the coding stage
pick the places of one sentence or clause.
"""
from __future__ import annotations

from collections import Counter

from dateline.records import AnnotatedArticle, Place
from dateline.resolve.gazetteer import Candidate, Gazetteer, load_gazetteer
from dateline.resolve.place_mentions import DIRECTIONS, Mention, find_mentions, mentions_at
from dateline.resolve.place_names import name_key
from dateline.resolve.place_ranking import Choice, rank

DIRECTION_REACH = 0.5             # share of the half-extent a compass region sits off centre
DIRECTION_FALLBACK_DEGREES = 1.5  # offset used when a country's outline is unknown
REGION_CONFIDENCE = 0.6
MAJOR_CITY_POPULATION = 1_000_000  # loose matches to cities this big need no support
PLACE_FEATURES = frozenset({"city", "admin1", "country", "region", "water", "other"})   # admin2 is "other"


def resolve_places(annotated: AnnotatedArticle) -> list[Place]:
    """Every place mentioned in the body, resolved.

    One Place per distinct (bare surface form, resolved location); ``spans``
    lists every occurrence of that form, in text order.
    """
    gazetteer = load_gazetteer()
    mentions = find_mentions(annotated, gazetteer)
    choices = _coherent(rank(mentions, gazetteer))
    choices.extend(_direction_choices(mentions, choices, gazetteer))
    choices.sort(key=lambda c: c.mention.start)
    return _group(choices, gazetteer)


def resolve_spans(annotated: AnnotatedArticle, spans: list[tuple[int, int]]) -> list[Place | None]:
    """Resolve toponyms whose spans are given (evaluation on gold spans): one
    entry per span, None where the gazetteer has no candidate."""
    gazetteer = load_gazetteer()
    mentions = mentions_at(annotated, spans)
    places = _group(rank(mentions, gazetteer), gazetteer)
    by_span = {span: place for place in places for span in place.spans}
    return [by_span.get(span) for span in spans]


def _coherent(choices: list[Choice]) -> list[Choice]:
    """Drop towns reached only through a secondary, variant or near spelling in a
    country that no other place of the document is in, when other places point
    elsewhere ("Hamas" -> Hamm, Germany, in a story about Gaza and Israel)."""
    surfaces_by_country: dict[str, set[str]] = {}
    for choice in choices:
        if choice.candidate.country:
            surfaces_by_country.setdefault(choice.candidate.country, set()).add(
                name_key(choice.mention.text))
    surfaces = {name_key(c.mention.text) for c in choices}

    def supported(choice: Choice) -> bool:
        cand = choice.candidate
        if cand.match == "name" or cand.feature != "city":
            return True
        if choice.mention.city_hint and cand.match != "fuzzy":
            return True                      # "the town of X" vouches for a spelling variant
        if cand.population >= MAJOR_CITY_POPULATION:
            return True
        own = name_key(choice.mention.text)
        if not surfaces - {own}:
            return True                      # nothing else in the document to disagree
        return bool(surfaces_by_country.get(cand.country or "", set()) - {own})

    return [choice for choice in choices if supported(choice)]


def place_at(places: list[Place], start: int, end: int) -> list[Place]:
    """Places with a span inside [start, end), ordered by their first span there."""
    found: list[tuple[int, int, Place]] = []
    for order, place in enumerate(places):
        inside = [s for s, e in place.spans if s >= start and e <= end]
        if inside:
            found.append((min(inside), order, place))
    found.sort(key=lambda item: (item[0], item[1]))
    return [place for _, _, place in found]


def focus_country(choices: list[Choice]) -> str | None:
    """The country the document is mostly about: most mentions, countries doubled."""
    counts: Counter[str] = Counter()
    for choice in choices:
        if choice.candidate.country:
            counts[choice.candidate.country] += 2 if choice.candidate.feature == "country" else 1
    return counts.most_common(1)[0][0] if counts else None


def direction_point(gazetteer: Gazetteer, iso2: str, direction: str) -> tuple[float, float] | None:
    """A point in the given compass part of a country."""
    north, east = DIRECTIONS[direction]
    bbox = gazetteer.bbox(iso2)
    country = gazetteer.country(iso2)
    if bbox is not None and bbox[3] - bbox[1] < 180:
        south, west, top, right = bbox
        mid_lat, mid_lon = (south + top) / 2, (west + right) / 2
        return (mid_lat + north * DIRECTION_REACH * (top - south) / 2,
                mid_lon + east * DIRECTION_REACH * (right - west) / 2)
    if country is None or country.lat is None or country.lon is None:
        return None
    return (country.lat + north * DIRECTION_FALLBACK_DEGREES,
            country.lon + east * DIRECTION_FALLBACK_DEGREES)


def _direction_choices(mentions: list[Mention], choices: list[Choice],
                       gazetteer: Gazetteer) -> list[Choice]:
    by_text = {name_key(c.mention.text): c.candidate for c in choices}
    default = focus_country(choices)
    out: list[Choice] = []
    for mention in mentions:
        if mention.direction is None:
            continue
        anchor = by_text.get(name_key(mention.anchor)) if mention.anchor else None
        iso2 = anchor.country if anchor is not None and anchor.feature == "country" else None
        if mention.anchor is None:
            iso2 = default
        country = gazetteer.country(iso2) if iso2 else None
        point = direction_point(gazetteer, iso2, mention.direction) if iso2 else None
        if country is None or point is None:
            continue
        adjective = mention.direction + "ern"
        region = Candidate(pid=-1, geonameid=None, name=f"{adjective} {country.name}", feature="region",
                           country=iso2, admin1_code=None, lat=round(point[0], 4),
                           lon=round(point[1], 4), population=0)
        out.append(Choice(mention, region, REGION_CONFIDENCE))
    return out


def _identity(candidate: Candidate) -> tuple[object, ...]:
    if candidate.pid >= 0:
        return ("pid", candidate.pid)
    return ("made", candidate.name, candidate.lat, candidate.lon)


def _group(choices: list[Choice], gazetteer: Gazetteer) -> list[Place]:
    places: list[Place] = []
    index: dict[tuple[object, ...], Place] = {}
    for choice in choices:
        cand = choice.candidate
        key = (name_key(choice.mention.text), *_identity(cand))
        place = index.get(key)
        if place is None:
            admin_name, admin_code = _admin1_of(cand, gazetteer)
            feature = cand.feature if cand.feature in PLACE_FEATURES else "other"
            place = Place(id=f"p{len(places) + 1}", mention=choice.mention.text, name=cand.name,
                          geonameid=cand.geonameid, feature=feature, country=cand.country,
                          lat=cand.lat, lon=cand.lon, admin1=admin_name, admin1_code=admin_code,
                          confidence=choice.confidence, spans=[])
            index[key] = place
            places.append(place)
        span = (choice.mention.start, choice.mention.end)
        if span not in place.spans:
            place.spans.append(span)
    return places


def _admin1_of(candidate: Candidate, gazetteer: Gazetteer) -> tuple[str | None, str | None]:
    if candidate.feature == "admin1":
        return candidate.name, candidate.admin1_key
    if candidate.feature not in ("city", "admin2") or not candidate.country or not candidate.admin1_code:
        return None, None
    admin = gazetteer.admin1(candidate.country, candidate.admin1_code)
    return (admin.name if admin else None), candidate.admin1_key
