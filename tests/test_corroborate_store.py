"""Copies, incidents and timelines in a real store, from pages run through the pipeline."""
from __future__ import annotations

from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi import FastAPI
from fastapi.testclient import TestClient

from dateline.cli import cli
from dateline.cli_corroborate import register
from dateline.serve.routes_incidents import router
from dateline.serve.settings import Settings
from dateline.store import Store, corroboration

BODY = """MOSUL, March 14 (Riverside Wire) - Iraqi troops attacked Islamic State fighters in western Mosul on Tuesday, pushing into the old city after a night of heavy shelling, the Iraqi army said.

Local officials said at least 12 civilians were killed when mortar rounds hit a market near the Nuri mosque on Tuesday.

Iraqi police arrested four suspected militants at a checkpoint on the road to Erbil on Monday, a police spokesman said.

The United Nations said on Tuesday that more than 4,000 families had fled the fighting in the past week and appealed for money to build new camps."""

ORIGINAL = ("Riverside Wire | Wednesday, March 15, 2017\n\n"
            "Iraqi forces push into Mosul old city\n\n" + BODY +
            "\n\nRelated: Oil prices steady | Election date set\n\n"
            "Copyright 2017 Riverside Wire. All rights reserved.\n")
REPUBLISHED = ("Saturday, Jun 06, 2020\n\nTHE HILLSIDE GAZETTE - World - Middle East\n\n"
               "Archive: Iraqi troops storm Mosul's old city\n\n"
               + BODY.replace("the Iraqi army said", "the Iraqi military said") +
               "\n\nMore from the Gazette: Ten best lakeside walks | Crossword answers\n\n"
               "Share this article on Facebook Twitter Email\n")
UNRELATED = """Saturday, May 4, 2019

Farmers protest over water prices in Valencia

VALENCIA, May 4 (Harbour Herald) - Thousands of farmers marched through Valencia on Saturday to protest against higher prices for irrigation water, blocking the main avenue with tractors.

Police said the march was peaceful. Organisers said 8,000 people took part, while city officials put the figure at 3,000.
"""


@pytest.fixture(scope="module")
def pages(code_text) -> dict[str, dict]:
    return {name: code_text(text, name) for name, text in
            (("wire", ORIGINAL), ("gazette", REPUBLISHED), ("valencia", UNRELATED))}


def stored(path: Path, pages: dict[str, dict], names: list[str]) -> Path:
    db = path / "c.db"
    with Store(db) as store:
        for name in names:
            store.store_record(pages[name], content_hash=f"hash-{name}", origin=f"{name}.txt",
                               url=f"https://{name}.example/story")
    with closing(corroboration.connect(db)) as conn:
        for name in names:
            corroboration.on_store(conn, pages[name])
    return db


def test_a_story_republished_with_new_furniture_and_page_date_is_a_copy(
        pages: dict[str, dict], tmp_path: Path) -> None:
    assert pages["gazette"]["doc"].get("page_date") != pages["wire"]["doc"].get("page_date")
    db = stored(tmp_path, pages, ["wire", "valencia", "gazette"])
    with closing(corroboration.connect(db)) as conn:
        assert corroboration.story_of(conn, "gazette") == "wire"
        assert corroboration.story_of(conn, "valencia") == "valencia"
        copies = corroboration.story_copies(conn, "wire")
        assert [c["doc_id"] for c in copies] == ["wire", "gazette"]
        assert [c["how"] for c in copies] == ["first", "near"]
        assert copies[1]["url"] == "https://gazette.example/story"
        assert {"published", "page_date", "outlet"} <= set(copies[1])


def test_copies_count_once_in_the_incidents(pages: dict[str, dict], tmp_path: Path) -> None:
    db = stored(tmp_path, pages, ["wire", "gazette", "valencia"])
    with closing(corroboration.connect(db)) as conn:
        assert corroboration.refresh_incidents(conn) is True
        assert corroboration.refresh_incidents(conn) is False     # nothing changed
        found = corroboration.incidents(conn)
        assert found
        doubled = [i for i in found if i["reports"] == 2]
        assert doubled, "each event of the wire story meets its republished copy"
        assert all(i["independent_sources"] == 1 and i["stories"] == 1 for i in doubled)
        events = [r[0] for r in conn.execute("SELECT event_id FROM events")]
        ids = corroboration.incident_ids(conn, events)
        assert set(ids) == set(events)
    with Store(db) as store:
        rows = corroboration.with_incident_ids(db, store.events(actor="Iraq"))
    assert rows and all(r["incident_id"] == ids[r["event_id"]] for r in rows)
    with closing(corroboration.connect(db)) as conn:
        one = corroboration.incident(conn, doubled[0]["incident_id"])
        assert {r["doc_id"] for r in one["report_list"]} == {"wire", "gazette"}
        assert [c["doc_id"] for c in one["copies"]["wire"]] == ["wire", "gazette"]
        with pytest.raises(KeyError):
            corroboration.incident(conn, "inc-none")


def test_schema_version_row_does_not_raise_the_store_version(pages: dict[str, dict],
                                                             tmp_path: Path) -> None:
    db = stored(tmp_path, pages, ["valencia"])
    with Store(db) as store:
        before = store.schema_version
    with closing(corroboration.connect(db)) as conn:
        rows = conn.execute("SELECT version, description FROM schema_version "
                            "WHERE description LIKE 'corroboration%'").fetchall()
        assert [r[0] for r in rows] == [corroboration.SCHEMA_VERSION]
    with Store(db) as store:                       # the store still opens at its own version
        assert store.schema_version == before


def test_timeline_command_lists_an_actors_incidents_in_date_order(
        pages: dict[str, dict], tmp_path: Path) -> None:
    db = stored(tmp_path, pages, ["wire", "gazette", "valencia"])
    group = type(cli)(name="dateline", commands=dict(cli.commands))
    register(group)
    result = CliRunner().invoke(group, ["timeline", "--db", str(db), "--actor", "Iraq"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if not line.startswith(" ")]
    assert lines and all("Valencia" not in line for line in lines)
    dates = [line.split()[0] for line in lines]
    assert dates == sorted(dates)
    assert "independent source" in result.output
    none = CliRunner().invoke(group, ["timeline", "--db", str(db), "--actor", "Atlantis"])
    assert none.exit_code == 0 and "no incidents" in none.output


def test_incident_routes(pages: dict[str, dict], tmp_path: Path) -> None:
    db = stored(tmp_path, pages, ["wire", "gazette", "valencia"])
    app = FastAPI()
    app.state.settings = Settings(db_path=db)
    app.include_router(router)
    client = TestClient(app)
    listed = client.get("/api/incidents", params={"limit": 2}).json()
    assert len(listed["incidents"]) == 2 and listed["next_offset"] == 2
    first = listed["incidents"][0]["incident_id"]
    detail = client.get(f"/api/incidents/{first}").json()
    assert detail["incident_id"] == first and detail["report_list"]
    assert client.get("/api/incidents/inc-missing").status_code == 404
    timeline = client.get("/api/timeline", params={"actor": "Iraq"}).json()
    assert timeline["incidents"]
    assert all(i["country"] in (None, "IQ") for i in timeline["incidents"])
    assert client.get("/api/timeline").status_code == 422


def test_on_store_joins_the_callers_transaction(pages: dict[str, dict], tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    with Store(db) as store:
        store.store_record(pages["wire"], content_hash="h1", origin="wire.txt")
    with closing(corroboration.connect(db)) as conn:
        assert corroboration.story_of(conn, "wire") is not None       # placed by store_record itself
        conn.execute("DELETE FROM copies")
        conn.execute("BEGIN IMMEDIATE")
        match = corroboration.on_store(conn, pages["wire"])
        assert match.how == "first" and conn.in_transaction
        conn.execute("ROLLBACK")
        assert corroboration.story_of(conn, "wire") is None          # rolled back with it