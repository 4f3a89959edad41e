"""The claims report end to end: the real pipeline over a fictional campaign corpus
(tests/fixtures/control/reports, real towns of north-east Nigeria, invented
events) plus a synthetic control layer, with the answer known by construction."""
from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from fastapi import FastAPI
from fastapi.testclient import TestClient

from dateline.cli_control import register
from dateline.control import claims_report, compute_ground, import_layer
from dateline.pipeline import Failure, run_paths
from dateline.serve.routes_control import router
from dateline.serve.settings import Settings
from dateline.store import Store
from dateline.store import control as control_store

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "control"
ACTOR = "Nigerian armed forces"
ISWAP = "Islamic State West Africa Province"


@pytest.fixture(scope="module")
def campaign_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus run through the pipeline into a store; no layer yet."""
    db = tmp_path_factory.mktemp("control") / "campaign.db"
    with Store(db) as store:
        for out in run_paths(sorted((FIXTURES / "reports").glob("*.txt"))):
            assert not isinstance(out, Failure), out
            store.store_record(out.record.to_dict(), content_hash=out.content_hash,
                               origin=out.raw.origin)
    return db


@pytest.fixture(scope="module")
def layered_db(campaign_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("layered") / "campaign.db"
    shutil.copy(campaign_db, db)
    conn = control_store.connect(db)
    import_layer(conn, FIXTURES / "layer.geojson")
    conn.close()
    return db


@pytest.fixture(scope="module")
def report(layered_db: Path) -> dict:
    return claims_report(str(layered_db), ACTOR)


def counts(groups: list[dict]) -> dict[str, int]:
    return {g["key"]: g["count"] for g in groups}


def test_claimed_targets(report: dict) -> None:
    assert report["claimed"]["total"] == 4
    assert counts(report["claimed"]["by_target"]) == {"Boko Haram": 3, ISWAP: 1}


def test_asserted_attacks_by_admin1(report: dict) -> None:
    assert report["asserted"]["total"] == 8
    assert counts(report["asserted"]["by_admin1"]) == {
        "Borno (NG.27)": 6, "Yobe (NG.44)": 1, "Adamawa (NG.35)": 1}


def test_asserted_attacks_by_ground(report: dict) -> None:
    assert counts(report["asserted"]["by_ground"]) == {
        ISWAP: 4, "Boko Haram": 2, "Nigerian armed forces": 1, "unknown": 1}
    by_both = counts(report["asserted"]["by_admin1_and_ground"])
    assert by_both["Borno (NG.27) | " + ISWAP] == 3
    assert by_both["Yobe (NG.44) | " + ISWAP] == 1


def test_claims_set_against_ground(report: dict) -> None:
    rows = {r["target"]: r for r in report["claimed_targets_vs_ground"]}
    assert (rows["Boko Haram"]["on_its_ground"], rows["Boko Haram"]["share"]) == (2, 0.25)
    assert (rows[ISWAP]["on_its_ground"], rows[ISWAP]["share"]) == (4, 0.5)


def test_every_count_links_to_its_events(report: dict) -> None:
    for side in ("claimed", "asserted"):
        for key in ("by_target", "by_admin1", "by_ground", "by_admin1_and_ground"):
            for g in report[side][key]:
                assert g["count"] == len(g["events"])
                assert g["share"] == round(g["count"] / report[side]["total"], 3)
                for event_id in g["events"]:
                    ref = report["events"][event_id]
                    assert ref["status"] == side and ref["sentence"]
    sentences = {r["sentence"] for r in report["events"].values()}
    assert "Boko Haram attacked the town of Konduga" not in " ".join(sentences)


def test_derived_control_from_withdrawal_and_capture(layered_db: Path) -> None:
    conn = control_store.connect(layered_db)
    monguno = [i for i in control_store.intervals(conn) if i["place_name"] == "Monguno"]
    conn.close()
    assert [(i["how"], i["controller_name"], i["valid_from"], i["valid_to"]) for i in monguno] == [
        ("withdrawal", "Nigerian armed forces", None, "2024-03-10"),
        ("vacated", None, "2024-03-11", "2024-03-12"),
        ("capture", ISWAP, "2024-03-13", None)]
    assert all(i["evidence_event_id"] for i in monguno)


def test_layer_overrides_text(campaign_db: Path, layered_db: Path) -> None:
    strike = "r02-kukawa:e1"
    conn = control_store.connect(campaign_db)     # text only: Boko Haram took Kukawa in January
    compute_ground(conn)
    before = control_store.ground(conn, [strike])[strike]
    conn.close()
    assert (before["controller_name"], before["basis"]) == ("Boko Haram", "text")
    conn = control_store.connect(layered_db)
    compute_ground(conn)
    after = control_store.ground(conn, [strike])[strike]
    conn.close()
    assert (after["controller_name"], after["basis"]) == (ISWAP, "layer")
    assert after["layer_name"] == "northeast-synthetic"


def test_since_until_narrow_the_report(layered_db: Path) -> None:
    april = claims_report(str(layered_db), ACTOR, since="2024-04-01", until="2024-04-30")
    assert april["asserted"]["total"] == 3
    assert april["claimed"]["total"] == 1          # the Geidam claim is dated 31 March


def test_cli_claims_formats(layered_db: Path) -> None:
    @click.group()
    def cli() -> None:
        """test group"""

    register(cli)
    runner = CliRunner()
    as_json = runner.invoke(cli, ["claims", "--db", str(layered_db), "--actor", "NGAMIL",
                                  "--format", "json"])
    assert as_json.exit_code == 0, as_json.output
    assert json.loads(as_json.output)["asserted"]["total"] == 8
    as_csv = runner.invoke(cli, ["claims", "--db", str(layered_db), "--actor", ACTOR,
                                 "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(as_csv.output)))
    ground_rows = [r for r in rows if r["side"] == "asserted" and r["grouping"] == "by_ground"]
    assert len(ground_rows) == 8 and all(r["sentence"] for r in ground_rows)
    table = runner.invoke(cli, ["claims", "--db", str(layered_db), "--actor", ACTOR])
    assert "Boko Haram: 2 of 8 asserted attacks on its ground (25.0%)" in table.output


def test_http_route(layered_db: Path) -> None:
    app = FastAPI()
    app.state.settings = Settings(db_path=layered_db)
    app.include_router(router)
    client = TestClient(app)
    body = client.get("/api/claims", params={"actor": ACTOR}).json()
    assert counts(body["claimed"]["by_target"]) == {"Boko Haram": 3, ISWAP: 1}
    assert client.get("/api/claims", params={"actor": ACTOR, "since": "May"}).status_code == 422


def test_ground_recomputed_when_documents_change(layered_db: Path, tmp_path: Path,
                                                 code_text) -> None:
    db = tmp_path / "grown.db"
    shutil.copy(layered_db, db)
    conn = control_store.connect(db)
    compute_ground(conn)
    assert control_store.ground_is_current(conn)
    record = code_text("Jets over Ngala\n\nMAIDUGURI, April 22 (Lakeside Courier) - Nigerian "
                       "warplanes bombed the town of Kukawa on Sunday, residents said.\n\n"
                       "Telephone lines in the area were down for much of the day.\n\n"
                       "The accounts could not be independently verified.\n\n"
                       "First published on April 22, 2024\n", "r14-kukawa")
    with Store(db) as store:
        store.store_record(record, content_hash="r14", origin="r14-kukawa.txt")
    assert not control_store.ground_is_current(conn)
    conn.close()
    report = claims_report(str(db), ACTOR)
    assert report["asserted"]["total"] == 9
    assert counts(report["asserted"]["by_ground"])[ISWAP] == 5


def test_event_ground_objects(layered_db: Path) -> None:
    from dateline.control import event_ground

    found = event_ground(str(layered_db), ["r05-monguno-strike:e1", "r06-marte:e1",
                                           "r10-madagali:e1"])
    monguno = found["r05-monguno-strike:e1"]
    assert monguno["controller"] == ISWAP and monguno["basis"] == "text"
    assert monguno["evidence_event"] == "r04-monguno-capture:e1"
    marte = found["r06-marte:e1"]
    assert (marte["code"], marte["basis"], marte["area"]) == ("NGAMIL", "layer", "Marte garrison")
    assert found["r10-madagali:e1"] is None


def test_event_detail_carries_its_ground(layered_db: Path) -> None:
    from dateline.serve.routes_events import router as events_router

    report = claims_report(str(layered_db), ACTOR)             # computes the ground once
    group = next(g for g in report["asserted"]["by_ground"] if g["key"] == ISWAP)
    app = FastAPI()
    app.state.settings = Settings(db_path=layered_db)
    app.include_router(events_router)
    client = TestClient(app)
    for event_id in group["events"]:
        assert client.get(f"/api/events/{event_id}").json()["event"]["ground"]["controller"] == ISWAP
