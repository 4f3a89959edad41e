"""The workbench page in real headless Chromium (Debian's `chromium`, driven by Playwright).

A missing browser or missing browser libraries FAIL these tests with the
command that fixes it: a skipped UI test would hide a broken page.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from test_api_support import SCRIPT_PAGE, TOKEN, copy_of_corpus, running_server

from dateline.serve import Settings, vendor_missing

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's browser with "
                    "`apt-get install -y chromium`")
    missing = vendor_missing()
    if missing:
        pytest.fail("the web UI lacks its browser libraries " + ", ".join(missing)
                    + ": run `npm ci && python tools/build_ui.py`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db_path = copy_of_corpus(tmp_path_factory.mktemp("ui"))
    settings = Settings(db_path=db_path, allow_ingest=True, token=TOKEN)
    with running_server(settings) as base:
        yield base


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda err: problems.append(f"page error: {err}"))
    page.on("console", lambda msg: problems.append(f"console {msg.type}: {msg.text}")
            if msg.type == "error" else None)
    page.problems = problems
    yield page
    context.close()


def load(page: Any, base: str) -> None:
    page.goto(base + "/")
    page.wait_for_selector("body[data-state=ready]", timeout=20_000)


def test_filter_by_actor_click_marker_and_read_the_highlighted_sentence(
        page: Any, server: str, tmp_path: Path) -> None:
    russian = httpx.get(server + "/api/events", params={"actor": "Russian armed forces"}).json()
    located = [e for e in russian["events"] if e["lat"] is not None]
    assert located, "the Kharkiv page should give a located event of Russian armed forces"
    event = located[0]

    load(page, server)
    all_markers = page.locator("path.event-marker").count()
    all_rows = page.locator("#events tbody tr").count()
    assert all_markers >= 3 and all_rows >= 5

    page.fill("#f-actor", "Russian armed forces")
    page.click("#f-apply")
    page.wait_for_selector("body[data-state=ready]")
    rows = page.locator("#events tbody tr")
    assert rows.count() == len(russian["events"]) < all_rows
    for i in range(rows.count()):
        assert "Russian armed forces" in rows.nth(i).inner_text()

    marker = page.locator(f"path.event-marker[data-events~='{event['event_id']}']")
    assert marker.count() == 1
    assert page.locator("path.event-marker").count() < all_markers
    marker.click()
    page.locator(f".leaflet-popup button.open-event[data-event='{event['event_id']}']").click()
    page.wait_for_selector("#doc-view[data-state=ready]")

    assert page.locator("#doc-title").inner_text() == event["doc_title"]
    highlighted = "".join(page.locator("mark.event-sentence.selected").all_text_contents())
    assert highlighted == event["sentence"]
    card = page.locator(f"#card-{event['local_id']}")
    assert "selected" in (card.get_attribute("class") or "")
    assert event["type"] in card.inner_text()
    page.screenshot(path=str(tmp_path / "document-view.png"))
    page.click("#doc-close")
    assert page.locator("#doc-view").is_hidden()
    page.screenshot(path=str(tmp_path / "workbench.png"), full_page=True)
    assert (tmp_path / "workbench.png").stat().st_size > 10_000
    assert page.problems == []


def test_timeline_and_network_follow_the_filters(page: Any, server: str) -> None:
    load(page, server)
    counts = httpx.get(server + "/api/aggregates/time", params={"interval": "month"}).json()
    bars = page.locator("#timeline rect.bar")
    assert bars.count() == len(counts["counts"])
    drawn = sum(int(bars.nth(i).get_attribute("data-count")) for i in range(bars.count()))
    assert drawn == sum(c["count"] for c in counts["counts"])
    assert page.locator("#network .node").count() >= 2
    assert page.locator("#network line.edge").count() >= 1

    page.locator("#network .node[data-actor='Chile']").click()
    page.wait_for_selector("body[data-state=ready]")
    assert page.input_value("#f-actor") == "Chile"
    names = {page.locator("#network .node").nth(i).get_attribute("data-actor")
             for i in range(page.locator("#network .node").count())}
    assert "Chile" in names and "Russian armed forces" not in names
    assert page.problems == []


def test_article_markup_is_shown_as_text_and_never_run(page: Any, server: str) -> None:
    response = httpx.post(server + "/api/documents", json={"content": SCRIPT_PAGE,
                                                           "doc_id": "lagos"},
                          headers={"Authorization": f"Bearer {TOKEN}"}, timeout=60)
    assert response.status_code == 201, response.text
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    load(page, server)
    page.fill("#f-text", "banner")
    page.click("#f-apply")
    page.wait_for_selector("body[data-state=ready]")
    row = page.locator("#events tbody tr").first
    assert "<script>window.__pwned = 1</script>" in row.inner_text()
    row.locator("button.open-event").click()
    page.wait_for_selector("#doc-view[data-state=ready]")
    text = page.locator("#doc-text").inner_text()
    assert "<script>window.__pwned = 1</script>" in text
    assert '<img src=x onerror="window.__pwned = 2">' in text
    assert page.locator("#doc-view script, #doc-view img").count() == 0
    assert page.evaluate("() => window.__pwned === undefined")
    assert dialogs == []


def test_a_link_to_an_event_opens_its_document(page: Any, server: str) -> None:
    event = httpx.get(server + "/api/events", params={"actor": "Chile"}).json()["events"][0]
    page.goto(f"{server}/#doc={event['doc_id']}&event={event['local_id']}")
    page.wait_for_selector("#doc-view[data-state=ready]", timeout=20_000)
    highlighted = "".join(page.locator("mark.event-sentence.selected").all_text_contents())
    assert highlighted == event["sentence"]
    page.click("#doc-close")
    assert page.evaluate("() => window.location.hash") == ""
    assert page.problems == []
