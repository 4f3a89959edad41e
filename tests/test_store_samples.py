"""Small hand-written records (records.md shape) shared by the store and export tests."""
from __future__ import annotations

import copy
from typing import Any


def clash_record() -> dict[str, Any]:
    """Fighting near a city, a claimed air strike, a meeting and a denied attack."""
    return copy.deepcopy({
        "doc": {"id": "river-clash", "title": "Fighting flares near Gao", "published": "2024-03-10",
                "page_date": "2024-03-11", "source": "Wire Agency", "language": "en",
                "body_chars": [20, 400], "url": "https://example.org/river-clash",
                "byline": "A. Writer", "keywords": ["Mali", "conflict"]},
        "actors": [
            {"id": "a1", "name": "Malian armed forces", "kind": "organization", "country": "MLI",
             "sector": "MIL", "mentions": ["Malian troops", "the army", "its aircraft"]},
            {"id": "a2", "name": "Malian rebels", "kind": "group", "country": "MLI",
             "sector": "REB", "mentions": ["rebels", "The rebels"]},
            {"id": "a3", "name": "Civilians", "kind": "group", "country": "MLI",
             "sector": "CVL", "mentions": ["civilians"]},
            {"id": "a4", "name": "United Nations", "kind": "organization", "country": None,
             "sector": "IGO", "mentions": ["UN envoys"], "note": "international body"},
        ],
        "places": [
            {"id": "p1", "mention": "Gao", "name": "Gao", "geonameid": 2457163, "feature": "city",
             "country": "ML", "lat": 16.27167, "lon": -0.04472, "admin1": "Gao",
             "admin1_code": "09", "confidence": 0.9},
            {"id": "p2", "mention": "Mali", "name": "Mali", "geonameid": 2453866,
             "feature": "country", "country": "ML", "lat": 17.0, "lon": -4.0},
        ],
        "events": [
            {"id": "e1", "type": "ASSAULT", "mode": "firearms", "cameo": "193",
             "acled": "Battles: Armed clash", "source": ["a1", "a2"], "target": [], "place": "p1",
             "when": {"start": "2024-03-08", "end": "2024-03-08", "text": "on Friday"},
             "sentence": "Malian troops and rebels fought near Gao on Friday, leaving at least 12 dead.",
             "span": [20, 97], "attribution": "reporter", "status": "asserted", "fatalities": 12},
            {"id": "e2", "type": "ASSAULT", "mode": "aerial", "cameo": "195",
             "acled": "Explosions/Remote violence: Air/drone strike", "source": ["a1"],
             "target": ["a3"], "place": "p1",
             "when": {"start": "2024-03-04", "end": "2024-03-10", "text": "last week"},
             "sentence": "The army said its aircraft struck a market last week, killing 3 civilians.",
             "span": [98, 172], "attribution": "the army", "status": "claimed", "fatalities": 3,
             "evidence": {"trigger": [131, 137], "weapon": "aircraft"}},
            {"id": "e3", "type": "CONSULT", "cameo": "040", "source": ["a4", "a1"], "target": [],
             "place": "p2", "when": {"start": None, "end": None, "text": None},
             "sentence": "UN envoys met army commanders to discuss a truce.", "span": [173, 222],
             "attribution": "reporter", "status": "asserted", "fatalities": None},
            {"id": "e4", "type": "ASSAULT", "cameo": "190", "acled": "Battles: Armed clash",
             "source": ["a2"], "target": [], "place": None,
             "when": {"start": "2024-03-09", "end": "2024-03-09", "text": "on Saturday"},
             "sentence": "The rebels denied attacking a convoy on Saturday.", "span": [223, 272],
             "attribution": "The rebels", "status": "denied", "fatalities": None},
        ],
    })


def port_record() -> dict[str, Any]:
    """A drone strike on a port and an appeal, in another country and month."""
    return copy.deepcopy({
        "doc": {"id": "port-strike", "title": "Drones hit Odesa port", "published": "2023-11-02",
                "page_date": None, "source": None, "language": "en"},
        "actors": [
            {"id": "a1", "name": "Ukraine", "kind": "state", "country": "UKR", "sector": "GOV",
             "mentions": ["Ukraine", "Kyiv"]},
            {"id": "a2", "name": "Russia", "kind": "state", "country": "RUS", "sector": "GOV",
             "mentions": ["Moscow"]},
            {"id": "a3", "name": "Russian armed forces", "kind": "organization", "country": "RUS",
             "sector": "MIL", "mentions": ["Russian drones"]},
        ],
        "places": [
            {"id": "p1", "mention": "Odesa", "name": "Odesa", "geonameid": 698740,
             "feature": "city", "country": "UA", "lat": 46.47747, "lon": 30.73262,
             "admin1": "Odessa", "admin1_code": "17", "confidence": 0.95},
        ],
        "events": [
            {"id": "e1", "type": "ASSAULT", "mode": "drone", "cameo": "1952",
             "acled": "Explosions/Remote violence: Air/drone strike", "source": ["a3"],
             "target": ["a1"], "place": "p1",
             "when": {"start": "2023-10-30", "end": "2023-11-01", "text": "this week"},
             "sentence": "Russian drones hit the port of Odesa this week, officials said.",
             "span": [0, 63], "attribution": "officials", "status": "asserted",
             "fatalities": None},
            {"id": "e2", "type": "REQUEST", "cameo": "020", "source": ["a1"], "target": ["a2"],
             "place": None, "when": {"start": "2023-11-02", "end": "2023-11-02", "text": "Thursday"},
             "sentence": "Kyiv urged Moscow on Thursday to stop the attacks.", "span": [64, 114],
             "attribution": "reporter", "status": "asserted", "fatalities": None},
        ],
    })


def test_samples_are_consistent_records() -> None:
    """Every party and place an event names is listed; ids are unique per record."""
    for record in (clash_record(), port_record()):
        actor_ids = [a["id"] for a in record["actors"]]
        place_ids = [p["id"] for p in record["places"]]
        event_ids = [e["id"] for e in record["events"]]
        for ids in (actor_ids, place_ids, event_ids):
            assert len(ids) == len(set(ids))
        for event in record["events"]:
            assert set(event["source"]) | set(event["target"]) <= set(actor_ids)
            assert event["place"] is None or event["place"] in place_ids
            start, end = event["span"]
            assert 0 <= start < end
