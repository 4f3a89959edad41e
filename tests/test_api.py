"""The workbench HTTP API, against a real uvicorn server on a loopback port."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from test_api_support import TOKEN, built_corpus, copy_of_corpus, running_server

from dateline.serve import Settings
from dateline.serve.doctext import document_view, merge_intervals, paragraphs
from dateline.serve.filters import MAX_PAGE_SIZE


@pytest.fixture(scope="module")
def api() -> Iterator[httpx.Client]:
    settings = Settings(db_path=built_corpus().db_path)
    with running_server(settings) as base, httpx.Client(base_url=base, timeout=30) as client:
        yield client


@pytest.fixture()
def ingest_api(tmp_path: Path) -> Iterator[httpx.Client]:
    settings = Settings(db_path=copy_of_corpus(tmp_path), allow_ingest=True, token=TOKEN,
                        max_body_bytes=64 * 1024)
    with running_server(settings) as base, httpx.Client(base_url=base, timeout=60) as client:
        yield client


def all_events(api: httpx.Client, **params: str | int) -> list[dict]:
    rows, offset = [], 0
    while offset is not None:
        page = api.get("/api/events", params={**params, "limit": 2, "offset": offset}).json()
        assert len(page["events"]) <= 2
        rows.extend(page["events"])
        offset = page["next_offset"]
    return rows


def test_events_page_through_every_stored_event(api: httpx.Client) -> None:
    total = api.get("/api/meta").json()["counts"]["events"]
    rows = all_events(api)
    assert total >= 5
    assert len(rows) == total
    assert len({r["event_id"] for r in rows}) == total
    one_page = api.get("/api/events", params={"limit": MAX_PAGE_SIZE}).json()
    assert one_page["next_offset"] is None
    assert [r["event_id"] for r in one_page["events"]] == [r["event_id"] for r in rows]


@pytest.mark.parametrize("limit", [0, MAX_PAGE_SIZE + 1, -3])
def test_page_size_has_hard_limits(api: httpx.Client, limit: int) -> None:
    assert api.get("/api/events", params={"limit": limit}).status_code == 422
    assert api.get("/api/actors", params={"limit": limit}).status_code == 422


def test_actor_filter_keeps_events_of_that_actor(api: httpx.Client) -> None:
    rows = all_events(api, actor="Russian")
    assert rows, "the Kharkiv page should give an event with Russian forces"
    for row in rows:
        assert "russian" in (row["source_names"] + row["target_names"]).lower()
    assert len(rows) < len(all_events(api))


def test_type_filter_takes_several_types(api: httpx.Client) -> None:
    types = {r["type"] for r in all_events(api)}
    assert len(types) >= 2
    first, second = sorted(types)[:2]
    rows = all_events(api, type=f"{first},{second.lower()}")
    assert {r["type"] for r in rows} == {first, second}


def test_country_and_box_filters(api: httpx.Client) -> None:
    kenya = all_events(api, country="Kenya")
    assert kenya and all(r["place_country"] == "KE" for r in kenya)
    box = all_events(api, bbox="33,-5,42,5")        # around Kenya
    assert {r["event_id"] for r in box} == {r["event_id"] for r in kenya}


@pytest.mark.parametrize("params", [{"country": "Atlantis"}, {"bbox": "1,2,3"},
                                    {"near": "a,b,c"}, {"since": "yesterday"},
                                    {"actor": "x" * 201}])
def test_bad_filters_are_client_errors(api: httpx.Client, params: dict[str, str]) -> None:
    response = api.get("/api/events", params=params)
    assert response.status_code == 422
    assert "detail" in response.json()


def test_one_event_with_evidence_actors_place_and_document(api: httpx.Client) -> None:
    row = next(r for r in all_events(api, actor="Russian") if r["lat"] is not None)
    body = api.get(f"/api/events/{row['event_id']}").json()
    assert body["event"]["id"] == row["local_id"]
    assert body["event"]["sentence"] == row["sentence"]
    assert "trigger" in body["event"]["evidence"]
    assert {a["id"] for a in body["actors"]} >= set(body["event"]["source"])
    assert body["place"]["name"] == row["place_name"]
    assert body["document"]["id"] == row["doc_id"]
    assert api.get("/api/events/nothing:e1").status_code == 404


def test_documents_record_and_view(api: httpx.Client) -> None:
    docs = api.get("/api/documents").json()["documents"]
    assert {d["doc_id"] for d in docs} == {"kharkiv", "nairobi", "santiago"}
    record = api.get("/api/documents/nairobi").json()
    assert record["doc"]["id"] == "nairobi" and record["events"]
    view = api.get("/api/documents/nairobi/view").json()
    assert view["text_available"] is True
    assert "tear gas" in "".join(p["text"] for para in view["paragraphs"] for p in para)
    for event in view["events"]:
        marked = "".join(p["text"] for para in view["paragraphs"] for p in para
                         if event["id"] in p["events"])
        assert marked == event["sentence"]
    assert api.get("/api/documents/missing").status_code == 404


def test_aggregates_add_up(api: httpx.Client) -> None:
    rows = all_events(api)
    by_type = api.get("/api/aggregates/types").json()["counts"]
    assert sum(c["count"] for c in by_type) == len(rows)
    days = api.get("/api/aggregates/time", params={"interval": "day"}).json()["counts"]
    assert sum(c["count"] for c in days) == sum(1 for r in rows if r["event_date"])
    weeks = api.get("/api/aggregates/time", params={"interval": "week"}).json()["counts"]
    assert sum(c["count"] for c in weeks) == sum(c["count"] for c in days)
    from datetime import date
    assert all(date.fromisoformat(c["period"]).weekday() == 0 for c in weeks)
    assert api.get("/api/aggregates/time", params={"interval": "hour"}).status_code == 422
    first = api.get("/api/aggregates/time", params={"interval": "day", "limit": 1}).json()
    assert first["counts"] == days[:1] and first["next_offset"] == 1 < len(days)
    pairs = api.get("/api/aggregates/actor-pairs").json()["pairs"]
    with_both = [r for r in rows if r["source_names"] and r["target_names"]]
    assert pairs and sum(p["count"] for p in pairs) >= len(with_both)
    russian = api.get("/api/aggregates/types", params={"actor": "Russian"}).json()["counts"]
    assert sum(c["count"] for c in russian) == len(all_events(api, actor="Russian"))


def test_actors_and_places_lists(api: httpx.Client) -> None:
    actors = api.get("/api/actors").json()["actors"]
    assert any(a["name"] == "Russian armed forces" and a["code"] == "RUSMIL" for a in actors)
    places = api.get("/api/places").json()["places"]
    assert any(p["name"] == "Kharkiv" and p["lat"] is not None for p in places)


def test_security_headers_and_closed_cors(api: httpx.Client) -> None:
    for path in ("/", "/api/events", "/static/js/main.js", "/api/nowhere"):
        response = api.get(path, headers={"Origin": "http://evil.example"})
        csp = response.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "access-control-allow-origin" not in response.headers
    preflight = api.options("/api/events", headers={
        "Origin": "http://evil.example", "Access-Control-Request-Method": "GET"})
    assert "access-control-allow-origin" not in preflight.headers


def test_foreign_host_names_are_refused(api: httpx.Client) -> None:
    assert api.get("/api/meta", headers={"Host": "attacker.example"}).status_code == 400
    assert api.get("/api/meta", headers={"Host": "localhost:1234"}).status_code == 200


def test_openapi_spec_lists_the_routes(api: httpx.Client) -> None:
    spec = api.get("/api/openapi.json").json()
    for path in ("/api/events", "/api/events/{event_id}", "/api/documents",
                 "/api/documents/{doc_id}/view", "/api/aggregates/time",
                 "/api/aggregates/actor-pairs"):
        assert path in spec["paths"]
    assert "post" in spec["paths"]["/api/documents"]


def test_submitting_is_off_by_default(api: httpx.Client) -> None:
    response = api.post("/api/documents", json={"content": "Some page."},
                        headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 403


def test_submitting_needs_the_token_and_a_small_body(ingest_api: httpx.Client) -> None:
    page = {"content": "Chile expelled two Peruvian diplomats on Monday."}
    assert ingest_api.post("/api/documents", json=page).status_code == 401
    wrong = {"Authorization": "Bearer not-the-token-at-all"}
    assert ingest_api.post("/api/documents", json=page, headers=wrong).status_code == 401
    big = {"content": "x" * (70 * 1024)}
    good = {"Authorization": f"Bearer {TOKEN}"}
    assert ingest_api.post("/api/documents", json=big, headers=good).status_code == 413
    streamed = ingest_api.post("/api/documents", headers={**good,
                               "Content-Type": "application/json"},
                               content=iter([b'{"content": "', b"y" * (70 * 1024), b'"}']))
    assert streamed.status_code == 413


def test_submitted_page_is_processed_stored_and_viewable(ingest_api: httpx.Client) -> None:
    from test_api_support import SCRIPT_PAGE

    response = ingest_api.post("/api/documents", json={"content": SCRIPT_PAGE,
                                                       "doc_id": "../lagos banner"},
                               headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 201, response.text
    [stored] = response.json()["documents"]
    assert stored["doc_id"] == "lagos-banner" and stored["status"] == "stored"
    view = ingest_api.get("/api/documents/lagos-banner/view").json()
    assert view["text_available"] is True
    text = "".join(p["text"] for para in view["paragraphs"] for p in para)
    assert "<script>window.__pwned = 1</script>" in text


def test_paragraph_pieces_follow_event_spans() -> None:
    text = "Alpha one. Beta two.\nGamma three."
    paras = paragraphs(text, [(0, 20), (21, 33)], {"e1": (11, 20), "e2": (0, 20)})
    assert [[(p.text, p.events) for p in para] for para in paras] == [
        [("Alpha one. ", ("e2",)), ("Beta two.", ("e1", "e2"))],
        [("Gamma three.", ())]]
    outside = paragraphs(text, [(21, 33)], {"e1": (0, 10)})
    assert [p.text for para in outside for p in para] == ["Alpha one.", "Gamma three."]
    assert merge_intervals([(5, 9), (0, 3), (3, 4), (8, 12)]) == [(0, 4), (5, 12)]


def test_view_without_the_article_shows_the_event_sentences() -> None:
    record = {"doc": {"id": "gone"}, "actors": [], "places": [],
              "events": [{"id": "e1", "type": "ASSAULT", "sentence": "Troops fired.",
                          "span": [10, 23]},
                         {"id": "e2", "type": "PROTEST", "sentence": None, "span": None}]}
    view = document_view(record, None)
    assert view["text_available"] is False
    assert view["paragraphs"] == [[{"text": "Troops fired.", "start": -1, "events": ["e1"]}]]
    assert view["events"] == record["events"]


def test_document_ids_with_slashes_are_reachable(tmp_path: Path) -> None:
    from urllib.parse import quote

    from dateline.store import Store

    doc_id = "https://news.example/world/2024/story"
    record = {"doc": {"id": doc_id, "title": "A story", "published": "2024-01-02",
                      "page_date": None, "source": None, "language": "en"},
              "actors": [], "places": [], "events": []}
    with Store(tmp_path / "web.db") as store:
        store.store_record(record, content_hash="h1", origin=doc_id, url=doc_id)
    with running_server(Settings(db_path=tmp_path / "web.db")) as base:
        quoted = quote(doc_id, safe="")
        got = httpx.get(f"{base}/api/documents/{quoted}").json()
        assert got["doc"]["id"] == doc_id
        view = httpx.get(f"{base}/api/documents/{quoted}/view").json()
        assert view["doc"]["id"] == doc_id and view["text_available"] is False
