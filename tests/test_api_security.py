"""SQL-injection and XSS payloads through every filter and path parameter of the HTTP API,
against a real uvicorn server on a loopback port: no payload runs as SQL (the database is
unchanged, no filter widens to rows it should not match), no error leaks internals, every
answer is JSON with the security headers, and stored markup comes back as data."""
from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from test_api_support import running_server

from dateline.pipeline import Failure, run_paths
from dateline.serve import Settings
from dateline.store import Store

XSS_TITLE = "<script>document.title='pwned'</script><img src=x onerror=alert(1)>"
SQL_TITLE = "Robert'); DROP TABLE events;--"
PAGES = {
    "xss-title.txt": f"""{XSS_TITLE}

NAIROBI, June 25, 2024 (Test Wire) - Kenyan police fired tear gas at protesters in Nairobi on \
Tuesday, witnesses said. A banner read <script>alert("banner")</script> and "'; DELETE FROM documents; --".
""",
    "sql-title.txt": f"""{SQL_TITLE}

LIMA, April 2, 2024 (Test Wire) - Peruvian police arrested 40 protesters in Lima on Monday, \
officials said.
""",
}

SQL_PAYLOADS = [
    "' OR '1'='1", "' OR 1=1 --", "\" OR \"\"=\"", "1; DROP TABLE events; --",
    "x') UNION SELECT name, sql, 1, 1 FROM sqlite_master --", "%", "_", "%' --", "\\",
    "ASSAULT' OR type LIKE '%", "1 OR 1=1", "'; ATTACH DATABASE '/tmp/x.db' AS x; --",
    "\x00", "NEAR(", "\"unbalanced", "*", "1e309", "-1", "9999-99-99", "2024-01-01' OR '1'='1",
]
XSS_PAYLOADS = [
    "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)",
    "</script><svg onload=alert(1)>", "{{7*7}}", "${7*7}",
]
PAYLOADS = SQL_PAYLOADS + XSS_PAYLOADS

# Every filter each list route takes (the query-string names of the API).
EVENT_FILTERS = ["type", "mode", "cameo_root", "actor", "country", "since", "until", "status",
                 "attribution", "text", "bbox", "near"]
LIST_ROUTES = ["/api/events", "/api/actors", "/api/places", "/api/aggregates/time",
               "/api/aggregates/types", "/api/aggregates/actor-pairs"]
OTHER_ROUTES = {"/api/incidents": ["actor", "type", "since", "until"],
                "/api/timeline": ["actor"], "/api/claims": ["actor", "since", "until"]}
PATH_ROUTES = ["/api/documents/{}", "/api/documents/{}/view", "/api/events/{}", "/api/incidents/{}"]
PAGING = ["limit", "offset"]

LEAKS = re.compile(r"Traceback|sqlite3\.|OperationalError|IntegrityError|CREATE TABLE|"
                   r"File \"|/site-packages/|syntax error", re.I)
ALLOWED_STATUS = {200, 400, 404, 422}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("api-security")
    paths = []
    for name, text in PAGES.items():
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(folder / name)
    db = folder / "security.db"
    with Store(db) as store:
        for out in run_paths(paths):
            assert not isinstance(out, Failure), out.line()
            store.store_record(out.record.to_dict(), content_hash=out.content_hash,
                               origin=out.raw.origin, url=out.raw.url,
                               text=out.record.article.text, story=out.record.article.blocks)
    return db


@pytest.fixture(scope="module")
def api(database: Path) -> Iterator[httpx.Client]:
    # this suite floods the server on purpose: reads are not rate limited here
    with running_server(Settings(db_path=database, reads_per_second=1e6)) as base, \
            httpx.Client(base_url=base, timeout=30) as client:
        yield client


def same_data(before: tuple, after: tuple) -> bool:
    """Every table there before is still there, with the same rows counted and titles.
    (Tables a read route creates for its own use, such as the control layers the claims
    report sets up, are allowed: see SECURITY.md.)"""
    return set(before[0]) <= set(after[0]) and before[1:] == after[1:]


def snapshot(db: Path) -> tuple:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        tables = sorted(n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"))
        counts = tuple(conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                       for t in ("documents", "events", "actors", "places", "failures"))
        titles = sorted((t or "") for (t,) in conn.execute("SELECT title FROM documents"))
    return tables, counts, titles


def check_answer(response: httpx.Response) -> None:
    where = f"{response.request.method} {response.request.url}"
    assert response.status_code in ALLOWED_STATUS, f"{where}: {response.status_code} {response.text[:300]}"
    assert response.headers["content-type"].startswith("application/json"), where
    assert response.headers["x-content-type-options"] == "nosniff"
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "access-control-allow-origin" not in response.headers, where
    assert not LEAKS.search(response.text), f"{where} leaks internals: {response.text[:300]}"


LIST_FILTERS = ("type", "mode", "status", "cameo_root")     # comma-separated values
TEXT_FILTERS = ("actor", "attribution", "text", *LIST_FILTERS)


def matches_nothing(name: str, payload: str) -> bool:
    """Whether no stored row may match ``payload`` given as filter ``name``: text filters
    match names, codes and sentences, none of which holds these payloads (a list filter's
    comma-separated parts are values of their own, so a payload with commas may match)."""
    if "\x00" in payload:
        return False          # see test_a_nul_in_a_text_filter_matches_nothing
    return name in TEXT_FILTERS and not (name in LIST_FILTERS and "," in payload)


def count_of(response: httpx.Response) -> int:
    body = response.json()
    for key in ("events", "actors", "places", "incidents", "documents", "counts", "pairs", "types"):
        if isinstance(body.get(key), list):
            return len(body[key])
    return 0


def test_payloads_in_every_list_filter_are_data(api: httpx.Client, database: Path) -> None:
    before = snapshot(database)
    sent, widened = 0, []
    for route in LIST_ROUTES:
        for name in EVENT_FILTERS:
            for payload in PAYLOADS:
                response = api.get(route, params={name: payload})
                check_answer(response)
                sent += 1
                if matches_nothing(name, payload) and response.status_code == 200 and count_of(response):
                    widened.append(f"{route}?{name}={payload!r}")
    assert sent == len(LIST_ROUTES) * len(EVENT_FILTERS) * len(PAYLOADS)
    assert not widened, f"payloads that matched rows: {widened}"
    assert same_data(before, snapshot(database))


def test_payloads_in_incident_timeline_and_claims_filters_are_data(api: httpx.Client, database: Path) -> None:
    before = snapshot(database)
    widened = []
    for route, names in OTHER_ROUTES.items():
        for name in names:
            for payload in PAYLOADS:
                params = {name: payload}
                if name != "actor" and route != "/api/incidents":
                    params["actor"] = "police"
                response = api.get(route, params=params)
                check_answer(response)
                if response.status_code == 200 and name == "actor" and matches_nothing(name, payload) \
                        and response.json().get("incidents"):
                    widened.append(f"{route}?actor={payload!r}")
    assert not widened, f"payloads that matched rows: {widened}"
    assert same_data(before, snapshot(database))


def test_a_nul_in_a_text_filter_matches_nothing(api: httpx.Client) -> None:
    for route, name in [("/api/events", "actor"), ("/api/events", "text"), ("/api/incidents", "actor"),
                        ("/api/timeline", "actor")]:
        response = api.get(route, params={name: "\x00"})
        assert response.status_code == 422 or count_of(response) == 0, f"{route}?{name}=NUL"


def test_payloads_in_paging_and_path_parameters_are_data(api: httpx.Client, database: Path) -> None:
    before = snapshot(database)
    for route in LIST_ROUTES:
        for name in PAGING:
            for payload in PAYLOADS:
                check_answer(api.get(route, params={name: payload}))
    for template in PATH_ROUTES:
        for payload in PAYLOADS:
            response = api.get(template.format(quote(payload, safe="")))
            check_answer(response)
            assert response.status_code in (404, 422), f"{template} found {payload!r}"
    assert same_data(before, snapshot(database))


def test_stored_markup_comes_back_as_json_data(api: httpx.Client) -> None:
    documents = api.get("/api/documents").json()["documents"]
    titles = {d["doc_id"]: d["title"] for d in documents}
    assert titles["xss-title"] == XSS_TITLE and titles["sql-title"] == SQL_TITLE
    for doc_id in titles:
        for path in (f"/api/documents/{doc_id}", f"/api/documents/{doc_id}/view"):
            response = api.get(path)
            check_answer(response)
            assert response.status_code == 200
            assert "<script>" not in response.text.replace("\\u003c", "<") or \
                response.headers["content-type"].startswith("application/json")
    record = api.get("/api/documents/xss-title").json()
    assert record["doc"]["title"] == XSS_TITLE


def test_the_page_itself_forbids_inline_script(api: httpx.Client) -> None:
    response = api.get("/")
    assert response.status_code == 200
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "object-src 'none'" in csp
    assert response.headers["x-frame-options"] == "DENY"
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", response.text), "inline script in the page"
    assert not re.search(r"\son[a-z]+\s*=", response.text), "inline event handler in the page"


def test_the_ui_code_never_writes_markup_from_data() -> None:
    js_dir = Path(__file__).resolve().parents[1] / "src" / "dateline" / "serve" / "static" / "js"
    sinks = re.compile(r"\.(innerHTML|outerHTML)\s*\+?=|insertAdjacentHTML|document\.write|\beval\(|"
                       r"new Function\(|setTimeout\(\s*['\"`]")
    found = [f"{p.name}:{n}" for p in sorted(js_dir.glob("*.js"))
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if sinks.search(line)]
    assert not found, f"HTML/script sinks in the UI code: {found}"


def test_writing_is_refused_without_ingest_or_token(api: httpx.Client, database: Path) -> None:
    before = snapshot(database)
    body = {"content": "Police arrested ten people in Lima on Monday, officials said.", "doc_id": "x"}
    assert api.post("/api/documents", json=body).status_code == 403
    assert api.post("/api/documents", json=body, headers={"Authorization": "Bearer ' OR 1=1 --"}).status_code == 403
    for method in ("PUT", "DELETE", "PATCH"):
        assert api.request(method, "/api/events").status_code == 405
    assert same_data(before, snapshot(database))


def test_a_foreign_host_name_is_refused(api: httpx.Client) -> None:
    response = api.get("/api/meta", headers={"Host": "attacker.example"})
    assert response.status_code == 400


def test_cross_origin_requests_get_no_cors_grant(api: httpx.Client) -> None:
    response = api.options("/api/events", headers={"Origin": "https://attacker.example",
                                                   "Access-Control-Request-Method": "GET"})
    assert "access-control-allow-origin" not in response.headers
    response = api.get("/api/events", headers={"Origin": "https://attacker.example"})
    assert "access-control-allow-origin" not in response.headers


def test_token_and_body_limits_hold_when_ingest_is_on(tmp_path: Path, database: Path) -> None:
    copy = tmp_path / "copy.db"
    copy.write_bytes(database.read_bytes())
    settings = Settings(db_path=copy, allow_ingest=True, token="s3cret-token-for-tests",
                        max_body_bytes=4096)
    with running_server(settings) as base, httpx.Client(base_url=base, timeout=60) as client:
        before = snapshot(copy)
        body = {"content": "Police arrested ten people in Lima on Monday, officials said."}
        for header in (None, "Bearer wrong", "Bearer ' OR '1'='1", "s3cret-token-for-test", "Basic xyz"):
            headers = {"Authorization": header} if header else {}
            assert client.post("/api/documents", json=body, headers=headers).status_code == 401
        big = {"content": "x" * 10_000}
        response = client.post("/api/documents", json=big,
                               headers={"Authorization": "Bearer s3cret-token-for-tests"})
        assert response.status_code == 413
        assert same_data(before, snapshot(copy))


def test_writes_are_rate_limited_per_client() -> None:
    from dateline.serve.guards import RateLimit

    limiter = RateLimit(app=None, writes_per_minute=6, write_burst=3)
    now = [100.0]
    limiter.clock = lambda: now[0]
    assert [limiter._allow("1.2.3.4", "write") for _ in range(4)] == [True, True, True, False]
    assert limiter._allow("5.6.7.8", "write")             # another client has its own bucket
    now[0] += 10.0                                          # one token back per 10 s at 6/min
    assert limiter._allow("1.2.3.4", "write") and not limiter._allow("1.2.3.4", "write")
