"""The claims panel and the incident timeline of the workbench, in real headless Chromium.

The store is built with the real pipeline from five short reports written for these
tests (an invented air campaign over real towns of north-east Nigeria in May 2024;
none of it happened) plus a synthetic control layer of three boxes:

* asserted attacks of the Nigerian armed forces: Mubi twice (two outlets), Gwoza,
  Buni Yadi; claimed: ISWAP near Mubi, Boko Haram in Damboa;
* the layer gives Mubi and Buni Yadi to ISWAP, Gwoza to Boko Haram; Damboa has no area;
* so the asserted attacks fell 3 on ISWAP ground and 1 on Boko Haram ground, 2 in
  Adamawa, 1 in Borno, 1 in Yobe; the Mubi strike is one incident with two
  independent sources, and the Damboa claim is an unconfirmed one.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import test_ui
from test_api_support import running_server

from dateline.control import import_layer
from dateline.pipeline import Failure, run_paths
from dateline.serve import Settings
from dateline.store import Store
from dateline.store import control as control_store

# The browser and page fixtures (and the page loader) of the workbench page tests.
browser = test_ui.browser
page = test_ui.page
load = test_ui.load

ACTOR = "Nigerian armed forces"
ISWAP = "Islamic State West Africa Province"
FILLER = ("The roads out of the area were closed for most of the day.\n\n"
          "Aid groups said they could not reach the area to check the reports.")


def report_page(title: str, dateline: str, body: str, published: str) -> str:
    return f"{title}\n\n{dateline} {body}\n\n{FILLER}\n\nFirst published on {published}\n"


PAGES = {
    "mubi-wire.txt": report_page(
        "Jets hit Mubi", "YOLA, May 8 (Savanna Wire) -",
        "Nigerian warplanes bombed the town of Mubi on Tuesday, residents said.\n\n"
        "The Nigerian military said its jets struck ISWAP fighters near Mubi on Tuesday.",
        "May 8, 2024"),
    "mubi-radio.txt": report_page(
        "Air raid on Mubi market", "YOLA, May 9 (Chad Basin Radio) -",
        "Nigerian warplanes bombed the market in Mubi on Tuesday, killing four traders, "
        "a local councillor told the station.", "May 9, 2024"),
    "gwoza.txt": report_page(
        "Bombing near Gwoza", "MAIDUGURI, May 16 (Savanna Wire) -",
        "Nigerian warplanes bombed the town of Gwoza on Wednesday, witnesses said.",
        "May 16, 2024"),
    "buni-yadi.txt": report_page(
        "Strike in Buni Yadi", "DAMATURU, May 21 (Savanna Wire) -",
        "Nigerian warplanes bombed the town of Buni Yadi on Monday, residents said.",
        "May 21, 2024"),
    "damboa-claim.txt": report_page(
        "Military says jets hit Damboa", "ABUJA, May 25 (Savanna Wire) -",
        "The Nigerian military said its jets struck Boko Haram in Damboa on Friday.",
        "May 25, 2024"),
}


def box(lon: float, lat: float, half: float = 0.08) -> dict[str, Any]:
    ring = [[lon - half, lat - half], [lon + half, lat - half], [lon + half, lat + half],
            [lon - half, lat + half], [lon - half, lat - half]]
    return {"type": "Polygon", "coordinates": [ring]}


def area(name: str, controller: str, geometry: dict[str, Any]) -> dict[str, Any]:
    return {"type": "Feature", "geometry": geometry,
            "properties": {"name": name, "controller": controller, "valid_from": "2024-01-01"}}


LAYER = {"type": "FeatureCollection", "name": "ui-panels-synthetic",
         "source": "synthetic boxes drawn for the UI panel tests; not a real control map",
         "features": [area("Mubi box", "ISWAP", box(13.26, 10.27)),
                      area("Gwoza box", "Boko Haram", box(13.69, 11.08)),
                      area("Buni Yadi box", "ISWAP", box(11.99, 11.27))]}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("ui-panels")
    paths = []
    for name, text in PAGES.items():
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(folder / name)
    db_path = folder / "campaign.db"
    with Store(db_path) as store:
        for out in run_paths(paths):
            assert not isinstance(out, Failure), out.line()
            store.store_record(out.record.to_dict(), content_hash=out.content_hash,
                               origin=out.raw.origin)
    (folder / "layer.geojson").write_text(json.dumps(LAYER), encoding="utf-8")
    conn = control_store.connect(db_path)
    import_layer(conn, folder / "layer.geojson")
    conn.close()
    with running_server(Settings(db_path=db_path)) as base:
        yield base


def choose_actor(page: Any, base: str, actor: str) -> None:
    load(page, base)
    page.fill("#f-actor", actor)
    page.click("#f-apply")
    page.wait_for_selector("body[data-state=ready]")


def count_of(page: Any, selector: str) -> int:
    button = page.locator(selector)
    assert button.count() == 1, selector
    return int(button.inner_text())


def test_claims_panel_counts_equal_the_report_and_colour_the_map(
        page: Any, server: str, tmp_path: Path) -> None:
    report = httpx.get(server + "/api/claims", params={"actor": ACTOR}).json()
    asserted = report["asserted"]
    assert ({g["key"]: g["count"] for g in asserted["by_ground"]}
            == {ISWAP: 3, "Boko Haram": 1})
    assert ({g["key"]: g["count"] for g in asserted["by_admin1"]}
            == {"Adamawa (NG.35)": 2, "Borno (NG.27)": 1, "Yobe (NG.44)": 1})

    choose_actor(page, server, ACTOR)
    assert page.locator("#ground-legend").is_hidden()
    page.click("#claims-toggle")
    page.wait_for_selector("#claims-panel[data-state=ready]")

    for g in report["claimed"]["by_target"]:
        assert count_of(page, f"button.count[data-side=claimed][data-kind=target]"
                              f"[data-key='{g['key']}']") == g["count"]
    for row in report["claimed_targets_vs_ground"]:
        assert count_of(page, f"button.count[data-kind=on-ground]"
                              f"[data-key='{row['target']}']") == row["on_its_ground"]
    for g in asserted["by_admin1"]:
        assert count_of(page, f"button.count[data-kind=admin1][data-key='{g['key']}']") \
            == g["count"]
    for g in asserted["by_ground"]:
        assert count_of(page, f"button.count[data-kind=ground][data-key='{g['key']}']") \
            == g["count"]
    cells = page.locator("button.count[data-kind=admin1-ground]")
    drawn = {}
    for i in range(cells.count()):
        cell = cells.nth(i)
        key = f"{cell.get_attribute('data-admin1')} | {cell.get_attribute('data-ground')}"
        drawn[key] = int(cell.inner_text())
    assert drawn == {g["key"]: g["count"] for g in asserted["by_admin1_and_ground"]}

    # A count lists the sentences of its events.
    iswap = next(g for g in asserted["by_ground"] if g["key"] == ISWAP)
    page.click(f"button.count[data-kind=ground][data-key='{ISWAP}']")
    listed = page.locator("#claims-events li")
    assert listed.count() == iswap["count"]
    assert ({listed.nth(i).locator("q.sentence").inner_text() for i in range(listed.count())}
            == {report["events"][e]["sentence"] for e in iswap["events"]})

    # Markers take the colour of who held the ground, with a legend.
    legend = page.locator("#ground-legend")
    assert legend.is_visible()
    swatches = {legend.locator(".swatch").nth(i).get_attribute("data-ground"):
                legend.locator(".swatch").nth(i).get_attribute("data-colour")
                for i in range(legend.locator(".swatch").count())}
    assert {ISWAP, "Boko Haram"} <= set(swatches)
    gwoza = next(g for g in asserted["by_ground"] if g["key"] == "Boko Haram")["events"][0]
    marker = page.locator(f"path.event-marker[data-events~='{gwoza}']")
    assert marker.get_attribute("data-ground") == "Boko Haram"
    assert marker.get_attribute("fill") == swatches["Boko Haram"] != swatches[ISWAP]
    page.screenshot(path=str(tmp_path / "claims-panel.png"), full_page=True)

    page.click("#claims-toggle")
    assert legend.is_hidden()
    assert marker.get_attribute("data-ground") is None
    assert page.problems == []


def test_the_open_panel_follows_the_date_filters(page: Any, server: str) -> None:
    early = httpx.get(server + "/api/claims",
                      params={"actor": ACTOR, "until": "2024-05-10"}).json()
    assert early["asserted"]["total"] == 2
    choose_actor(page, server, ACTOR)
    page.click("#claims-toggle")
    page.wait_for_selector("#claims-panel[data-state=ready]")
    assert page.locator("#claims-landed tr.totals td.total").last.inner_text() == "4"
    page.fill("#f-until", "2024-05-10")
    page.click("#f-apply")
    page.wait_for_selector("body[data-state=ready]")
    assert page.locator("#claims-landed tr.totals td.total").last.inner_text() == "2"
    for g in early["asserted"]["by_ground"]:
        assert count_of(page, f"button.count[data-kind=ground][data-key='{g['key']}']") \
            == g["count"]
    timeline = httpx.get(server + "/api/timeline", params={"actor": ACTOR}).json()["incidents"]
    early_incidents = [i["incident_id"] for i in timeline if i["start"] <= "2024-05-10"]
    assert len(early_incidents) == 1 < len(timeline)
    items = page.locator("#incidents li.incident")
    assert [items.nth(i).get_attribute("data-incident") for i in range(items.count())] \
        == early_incidents
    assert page.problems == []


def test_an_actor_without_claims_gets_an_empty_panel_and_markup_stays_text(
        page: Any, server: str) -> None:
    actor = 'Chadian <img src=x onerror="window.__pwned = 1"> forces'
    choose_actor(page, server, actor)
    page.click("#claims-toggle")
    page.wait_for_selector("#claims-panel[data-state=ready]")
    assert page.locator("#claims-panel button.count").count() == 0
    note = page.locator("#claims-note").inner_text()
    assert note.startswith(actor + ": 0 claimed attacks")
    assert page.locator("#incidents-note").inner_text() == f"No incidents of {actor}."
    assert page.locator("#claims-panel img, #incident-timeline img").count() == 0
    assert page.evaluate("() => window.__pwned === undefined")
    assert page.problems == []


def test_incident_timeline_lists_incidents_and_opens_their_reports(
        page: Any, server: str, tmp_path: Path) -> None:
    timeline = httpx.get(server + "/api/timeline", params={"actor": ACTOR}).json()["incidents"]
    by_place = {i["place"]: i for i in timeline}
    assert by_place["Mubi"]["independent_sources"] == 2
    assert by_place["Damboa"]["unconfirmed_claim"]

    choose_actor(page, server, ACTOR)
    page.wait_for_selector("#incident-timeline[data-state=ready]")
    items = page.locator("#incidents li.incident")
    assert [items.nth(i).get_attribute("data-incident") for i in range(items.count())] \
        == [i["incident_id"] for i in timeline]
    starts = [i["start"] for i in timeline]
    assert starts == sorted(starts)

    damboa = page.locator(f"li[data-incident='{by_place['Damboa']['incident_id']}']")
    assert "unconfirmed" in (damboa.get_attribute("class") or "")
    assert damboa.locator(".badge.flag").inner_text() == "unconfirmed claim"
    assert page.locator("#incidents .badge.flag").count() == sum(
        1 for i in timeline if i["unconfirmed_claim"])

    mubi = by_place["Mubi"]
    item = page.locator(f"li[data-incident='{mubi['incident_id']}']")
    assert item.locator(".badge.sources").inner_text() == "2 independent sources"
    assert item.locator(".badge.flag").count() == 0
    for status, n in mubi["status"].items():
        assert f"{status} {n}" in item.locator(".badge.status").inner_text()
    item.locator("button.incident-open").click()
    page.wait_for_selector(f"#incident-reports[data-incident='{mubi['incident_id']}']"
                           "[data-state=ready]")
    detail = httpx.get(f"{server}/api/incidents/{mubi['incident_id']}").json()
    reports = page.locator("#incident-reports li")
    assert reports.count() == len(detail["report_list"]) == 3
    assert ([reports.nth(i).locator("q.sentence").inner_text() for i in range(reports.count())]
            == [r["sentence"] for r in detail["report_list"]])
    assert {"Savanna Wire", "Chad Basin Radio"} <= {r["outlet"] for r in detail["report_list"]}
    page.screenshot(path=str(tmp_path / "incident-timeline.png"), full_page=True)

    radio = next(r for r in detail["report_list"] if r["outlet"] == "Chad Basin Radio")
    page.locator(f"#incident-reports li[data-event='{radio['event_id']}'] "
                 "button.open-event").click()
    page.wait_for_selector("#doc-view[data-state=ready]")
    highlighted = "".join(page.locator("mark.event-sentence.selected").all_text_contents())
    assert highlighted == radio["sentence"]
    assert page.problems == []
