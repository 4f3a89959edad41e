"""Exports: ACLED CSV, GDELT TSV, flat CSV, GeoJSON and records JSON lines."""
from __future__ import annotations

import csv
import io
import json
from contextlib import closing
from pathlib import Path

import jsonschema
import pytest

from dateline import export, store
from dateline.export import ACLED_COLUMNS, GDELT_COLUMNS, ExportError
from dateline.export import acled, cameo, gdelt
from dateline.resources import data_path
from dateline.store.corroboration import INCIDENT_COLUMNS
from dateline.store.query import FLAT_COLUMNS
from test_store_samples import clash_record, port_record


@pytest.fixture
def db(tmp_path: Path):
    with store.open(tmp_path / "x.db") as opened:
        opened.store_record(clash_record(), content_hash="h1", origin="clash.html")
        opened.store_record(port_record(), content_hash="h2", origin="port.html")
        yield opened


def run(db: store.Store, fmt: str, **filters) -> tuple[int, str]:
    stream = io.StringIO()
    count = export.export(db, fmt, stream, **filters)
    return count, stream.getvalue()


# -- ACLED -------------------------------------------------------------------
def acled_rows(db: store.Store, **filters) -> list[dict[str, str]]:
    count, text = run(db, "acled", **filters)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    rows = list(reader)
    assert tuple(reader.fieldnames or ()) == (*ACLED_COLUMNS, *INCIDENT_COLUMNS)
    assert len(rows) == count
    return rows


def test_acled_has_acled_columns_and_parses(db: store.Store) -> None:
    assert len(ACLED_COLUMNS) == 31
    assert {"event_id_cnty", "event_date", "sub_event_type", "inter1", "interaction",
            "civilian_targeting", "geo_precision", "fatalities", "timestamp"} <= set(ACLED_COLUMNS)
    rows = acled_rows(db)
    # the denied attack and the events without an ACLED type are left out
    assert len(rows) == 3
    assert len({r["event_id_cnty"] for r in rows}) == 3
    # each event of these two unrelated documents is an incident of its own
    assert len({r["incident_id"] for r in rows}) == 3
    assert all(r["incident_id"].startswith("inc-") for r in rows)
    assert {(r["incident_reports"], r["incident_sources"]) for r in rows} == {("1", "1")}


def test_acled_battle_row(db: store.Store) -> None:
    [battle] = [r for r in acled_rows(db) if r["event_type"] == "Battles"]
    assert battle["sub_event_type"] == "Armed clash"
    assert battle["disorder_type"] == "Political violence"
    assert (battle["actor1"], battle["inter1"]) == ("Military Forces of Mali", "1")
    assert (battle["actor2"], battle["inter2"]) == ("Malian rebels", "2")
    assert battle["interaction"] == "12"
    assert battle["event_date"] == "2024-03-08" and battle["year"] == "2024"
    assert battle["time_precision"] == "1"
    assert (battle["iso"], battle["country"], battle["admin1"]) == ("466", "Mali", "Gao")
    assert (battle["location"], battle["geo_precision"]) == ("Gao", "1")
    assert float(battle["latitude"]) == pytest.approx(16.27167)
    assert battle["fatalities"] == "12"
    assert battle["event_id_cnty"].startswith("MLI")
    assert battle["source"] == "Wire Agency"


def test_acled_claimed_strike_names_the_claimant(db: store.Store) -> None:
    [strike] = [r for r in acled_rows(db) if r["notes"].startswith("The army said")]
    assert strike["sub_event_type"] == "Air/drone strike"
    assert strike["notes"].endswith("(claimed by the army)")
    assert strike["source"] == "Wire Agency; the army"
    assert strike["actor2"] == "Civilians (Mali)" and strike["inter2"] == "7"
    assert strike["civilian_targeting"] == "Civilian targeting"
    assert strike["time_precision"] == "2"                # "last week"
    assert strike["fatalities"] == "3"


def test_acled_state_forces_abroad_are_external(db: store.Store) -> None:
    [drone] = acled_rows(db, country="UA")
    assert drone["actor1"] == "Military Forces of Russia"
    assert drone["inter1"] == "8" and drone["inter2"] == "1" and drone["interaction"] == "18"
    assert drone["fatalities"] == "0" and drone["country"] == "Ukraine"


def test_acled_rules() -> None:
    assert acled.disorder_type("Protests", "Excessive force against protesters") == \
        "Political violence; Demonstrations"
    assert acled.disorder_type("Protests", "Peaceful protest") == "Demonstrations"
    assert acled.disorder_type("Riots", "Mob violence") == "Political violence"
    assert acled.disorder_type("Strategic developments", "Arrests") == "Strategic developments"
    assert acled.interaction(6, None) == 60 and acled.interaction(7, 1) == 17
    assert acled.time_precision("2024-05-01", "2024-05-31") == 3
    assert acled.time_precision(None, None) == 3
    protest = {"type": "PROTEST", "mode": "demo", "place_country": "FR"}
    riot = {"type": "PROTEST", "mode": "riot", "place_country": "FR"}
    person = {"name": "Students", "country": "FRA", "sector": "EDU"}
    assert acled.actor_inter(person, protest, "source") == 6
    assert acled.actor_inter(person, riot, "source") == 5
    assert acled.actor_inter(person, protest, "target") == 7
    assert acled.actor_name(person, 6, protest) == "Protesters (France)"


# -- GDELT -------------------------------------------------------------------
def gdelt_lines(db: store.Store, **filters) -> list[list[str]]:
    count, text = run(db, "gdelt", **filters)
    lines = [line.split("\t") for line in text.splitlines()]
    assert len(lines) == count
    return lines


def test_gdelt_rows_have_61_columns_and_no_header(db: store.Store) -> None:
    assert len(GDELT_COLUMNS) == 61
    assert GDELT_COLUMNS[26] == "EventCode" and GDELT_COLUMNS[60] == "SOURCEURL"
    lines = gdelt_lines(db)
    assert len(lines) == 5                     # the denied attack is not exported
    # GDELT's 61 columns, then dateline's four incident columns
    assert all(len(line) == 61 + len(INCIDENT_COLUMNS) for line in lines)
    assert all(line[0].isdigit() for line in lines)
    assert gdelt.EXPORT_COLUMNS[:61] == GDELT_COLUMNS
    assert gdelt.EXPORT_COLUMNS[61:] == INCIDENT_COLUMNS
    assert all(line[61].startswith("inc-") for line in lines)
    # only the army's own claim of its strike is a claim no independent report asserts
    claimed = str(gdelt.global_event_id("river-clash", "e2"))
    assert {line[0]: line[64] for line in lines if line[64] == "1"} == {claimed: "1"}


def test_gdelt_drone_strike_row(db: store.Store) -> None:
    [line] = gdelt_lines(db, country="UA")
    row = dict(zip(GDELT_COLUMNS, line))
    assert row["GlobalEventID"] == str(gdelt.global_event_id("port-strike", "e1"))
    assert (row["Day"], row["MonthYear"], row["Year"]) == ("20231030", "202310", "2023")
    assert row["FractionDate"] == "2023.9041"
    assert (row["Actor1Code"], row["Actor1Name"], row["Actor1CountryCode"],
            row["Actor1Type1Code"]) == ("RUSMIL", "RUSSIAN ARMED FORCES", "RUS", "MIL")
    assert (row["Actor2Code"], row["Actor2Type1Code"]) == ("UKRGOV", "GOV")
    # 1952 (drone) is unknown to GDELT and falls back to 195
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"]) == ("195", "195", "19")
    assert (row["QuadClass"], row["GoldsteinScale"]) == ("4", "-10.0")
    assert row["IsRootEvent"] == "1"
    assert (row["ActionGeo_Type"], row["ActionGeo_CountryCode"],
            row["ActionGeo_ADM1Code"]) == ("4", "UP", "UP17")     # FIPS, not ISO
    assert row["ActionGeo_FullName"] == "Odesa, Odessa, Ukraine"
    assert row["ActionGeo_FeatureID"] == "698740"
    assert row["Actor1Geo_Type"] == "" and row["SOURCEURL"] == "port.html"
    assert len(row["DATEADDED"]) == 14


def test_gdelt_joint_event_and_country_place(db: store.Store) -> None:
    [line] = gdelt_lines(db, type="CONSULT")
    row = dict(zip(GDELT_COLUMNS, line))
    assert row["Actor1Code"] == "IGO" and row["Actor1CountryCode"] == ""
    assert row["Actor2Code"] == "MLIMIL"                 # second party of a joint event
    assert (row["EventCode"], row["QuadClass"], row["GoldsteinScale"]) == ("040", "1", "1.0")
    assert (row["ActionGeo_Type"], row["ActionGeo_FullName"], row["ActionGeo_ADM1Code"]) == (
        "1", "Mali", "ML")
    assert row["Day"] == "20240310"                      # no date of its own: publication


def test_gdelt_ids_are_stable_and_distinct() -> None:
    first = gdelt.global_event_id("doc", "e1")
    assert first == gdelt.global_event_id("doc", "e1")
    assert first != gdelt.global_event_id("doc", "e2")
    assert first != gdelt.global_event_id("do", "ce1")
    assert 0 <= first < 2**63


def test_cameo_tables() -> None:
    assert cameo.gdelt_code("1951") == "195" and cameo.gdelt_code("0874") == "0874"
    assert [cameo.quad_class(c) for c in ("010", "057", "0874", "093", "112", "145", "204")] == [
        1, 1, 2, 2, 3, 3, 4]
    assert cameo.goldstein("042") == 1.9
    assert cameo.goldstein("0256") == cameo.goldstein("025") == -0.3   # parent value
    assert cameo.goldstein("18") == -9.0


# -- flat CSV, GeoJSON, JSON ----------------------------------------------------
def test_csv_is_the_flat_rows(db: store.Store) -> None:
    count, text = run(db, "csv")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    rows = list(reader)
    assert tuple(reader.fieldnames or ()) == (*FLAT_COLUMNS, *INCIDENT_COLUMNS)
    assert count == len(rows) == 6
    by_id = {r["event_id"]: r for r in rows}
    assert by_id["river-clash:e2"]["source_codes"] == "MLIMIL"
    assert by_id["river-clash:e3"]["start"] == ""            # None is written empty
    assert by_id["river-clash:e1"]["sentence"].endswith("at least 12 dead.")


def test_csv_with_no_match_still_has_a_header(db: store.Store) -> None:
    count, text = run(db, "csv", type="PROTEST")
    assert count == 0
    assert text.strip().split(",") == [*FLAT_COLUMNS, *INCIDENT_COLUMNS]


def test_geojson_is_a_feature_collection(db: store.Store) -> None:
    count, text = run(db, "geojson")
    data = json.loads(text)
    assert data["type"] == "FeatureCollection"
    assert count == len(data["features"]) == 4          # events with a located place
    for feature in data["features"]:
        assert feature["type"] == "Feature"
        lon, lat = feature["geometry"]["coordinates"]
        assert feature["geometry"]["type"] == "Point"
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        props = feature["properties"]
        assert "lat" not in props and "lon" not in props
        assert all(not isinstance(v, (dict, list)) for v in props.values())
    odesa = next(f for f in data["features"] if f["id"] == "port-strike:e1")
    assert odesa["geometry"]["coordinates"] == [30.73262, 46.47747]     # lon first


def test_json_lines_round_trip(db: store.Store) -> None:
    count, text = run(db, "json")
    records = [json.loads(line) for line in text.splitlines()]
    assert count == 2
    assert records == [clash_record(), port_record()]
    schema = json.loads(data_path("records.schema.json").read_text(encoding="utf-8"))
    for record in records:
        jsonschema.validate(record, schema)


def test_json_with_filters_keeps_only_matching_events(db: store.Store) -> None:
    count, text = run(db, "json", status="claimed")
    [record] = [json.loads(line) for line in text.splitlines()]
    assert count == 1
    assert [e["id"] for e in record["events"]] == ["e2"]
    assert record["doc"] == clash_record()["doc"]


def test_export_to_a_path(db: store.Store, tmp_path: Path) -> None:
    target = tmp_path / "out" / "events.csv"
    assert export.export(db, "acled", target) == 3
    with target.open(encoding="utf-8", newline="") as fh:
        assert len(list(csv.DictReader(fh))) == 3


def test_unknown_and_unavailable_formats(db: store.Store) -> None:
    with pytest.raises(ExportError, match="pyarrow"):
        export.export(db, "parquet", io.StringIO())
    with pytest.raises(ValueError, match="acled"):
        export.export(db, "xlsx", io.StringIO())


def protest_record() -> dict:
    """A march, the police dispersing it, and a second march elsewhere the same day."""
    when = {"start": "2024-06-01", "end": "2024-06-01", "text": "on Saturday"}
    return {
        "doc": {"id": "march", "title": "Marchers dispersed", "published": "2024-06-02",
                "page_date": None, "source": "City Paper", "language": "en"},
        "actors": [
            {"id": "a1", "name": "Farmers", "kind": "group", "country": "FRA", "sector": "AGR",
             "mentions": ["farmers"]},
            {"id": "a2", "name": "French police", "kind": "organization", "country": "FRA",
             "sector": "COP", "mentions": ["police"]},
        ],
        "places": [
            {"id": "p1", "mention": "Lyon", "name": "Lyon", "geonameid": 2996944,
             "feature": "city", "country": "FR", "lat": 45.74846, "lon": 4.84671},
            {"id": "p2", "mention": "Nantes", "name": "Nantes", "geonameid": 2990969,
             "feature": "city", "country": "FR", "lat": 47.21725, "lon": -1.55336},
        ],
        "events": [
            {"id": "e1", "type": "PROTEST", "mode": "demo", "cameo": "141",
             "acled": "Protests: Peaceful protest", "source": ["a1"], "target": [],
             "place": "p1", "when": when, "sentence": "Farmers marched through Lyon on Saturday.",
             "span": [0, 41], "attribution": "reporter", "status": "asserted",
             "fatalities": None},
            {"id": "e2", "type": "ASSAULT", "mode": "crowd-control", "cameo": "175",
             "acled": "Protests: Protest with intervention", "source": ["a2"],
             "target": ["a1"], "place": "p1", "when": when,
             "sentence": "Police fired tear gas to disperse them.", "span": [42, 81],
             "attribution": "reporter", "status": "asserted", "fatalities": None},
            {"id": "e3", "type": "PROTEST", "mode": "demo", "cameo": "141",
             "acled": "Protests: Peaceful protest", "source": ["a1"], "target": [],
             "place": "p2", "when": when, "sentence": "Farmers also rallied in Nantes.",
             "span": [82, 113], "attribution": "reporter", "status": "asserted",
             "fatalities": None},
        ],
    }


def test_acled_merges_a_protest_and_its_dispersal(tmp_path: Path) -> None:
    with store.open(tmp_path / "p.db") as db:
        db.store_record(protest_record(), content_hash="hp", origin="march.html")
        rows = acled_rows(db)
    assert len(rows) == 2
    lyon = next(r for r in rows if r["location"] == "Lyon")
    assert lyon["sub_event_type"] == "Protest with intervention"
    assert lyon["disorder_type"] == "Demonstrations"
    assert (lyon["actor1"], lyon["inter1"]) == ("Protesters (France)", "6")
    assert (lyon["actor2"], lyon["inter2"]) == ("Police Forces of France", "1")
    assert lyon["interaction"] == "16"
    assert "marched through Lyon" in lyon["notes"] and "tear gas" in lyon["notes"]
    nantes = next(r for r in rows if r["location"] == "Nantes")
    assert nantes["sub_event_type"] == "Peaceful protest" and nantes["interaction"] == "60"


def test_acled_csv_opens_in_pandas_with_acled_columns(db: store.Store, tmp_path: Path) -> None:
    import pandas as pd

    path = tmp_path / "acled.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        count = export.export(db, "acled", fh)
    frame = pd.read_csv(path)
    assert tuple(frame.columns[:31]) == ACLED_COLUMNS          # ACLED's own, in ACLED's order
    assert tuple(frame.columns[31:]) == INCIDENT_COLUMNS
    assert len(frame) == count == 3
    assert frame["event_date"].str.match(r"^\d{4}-\d{2}-\d{2}$").all()
    assert frame["fatalities"].dtype.kind in "iu"


REPORT_A = """Monday, March 6, 2023

Strike hits Kramatorsk

KRAMATORSK - Russian missiles struck the centre of Kramatorsk on Sunday, killing three people,
regional officials said.
"""
REPORT_B = """Monday, March 6, 2023

Missiles strike eastern city

Russian missiles hit the centre of Kramatorsk in eastern Ukraine on Sunday and killed three
people, the regional governor said.
"""


def test_exports_carry_incidents_and_their_corroboration(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from dateline.cli import cli

    (tmp_path / "a.txt").write_text(REPORT_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(REPORT_B, encoding="utf-8")
    db = tmp_path / "d.db"
    assert CliRunner().invoke(cli, ["ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"),
                                    "--db", str(db), "--quiet"]).exit_code == 0
    with store.open(db) as opened:
        text = io.StringIO()
        export.export(opened, "csv", text)
        rows = [r for r in csv.DictReader(io.StringIO(text.getvalue())) if r["type"] == "ASSAULT"]
        geo = io.StringIO()
        export.export(opened, "geojson", geo)
    assert len({r["doc_id"] for r in rows}) == 2
    assert len({r["incident_id"] for r in rows}) == 1 and rows[0]["incident_id"]
    assert {r["incident_sources"] for r in rows} == {"2"} and {r["incident_reports"] for r in rows} == {"2"}
    features = [f for f in json.loads(geo.getvalue())["features"] if f["properties"]["type"] == "ASSAULT"]
    assert {f["properties"]["incident_sources"] for f in features} == {2}
    import pyarrow.parquet as pq

    with store.open(db) as opened:
        export.export(opened, "parquet", tmp_path / "e.parquet")
    table = pq.read_table(tmp_path / "e.parquet").to_pylist()
    assert {r["incident_sources"] for r in table if r["type"] == "ASSAULT"} == {2}


def test_acled_and_gdelt_carry_incidents_and_their_corroboration(tmp_path: Path) -> None:
    """Two outlets' reports of one strike, stored and clustered in a real store: their
    ACLED and GDELT rows share one incident and carry its counts, written alike by the
    API and by `dateline export`."""
    import pandas as pd
    from click.testing import CliRunner

    from dateline.cli import cli
    from dateline.store import corroboration

    (tmp_path / "a.txt").write_text(REPORT_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(REPORT_B, encoding="utf-8")
    db = tmp_path / "d.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"),
                               "--db", str(db), "--quiet"]).exit_code == 0
    with closing(corroboration.connect(db)) as conn:
        assert corroboration.rebuild_incidents(conn) >= 1
    with store.open(db) as opened:
        acled_count = export.export(opened, "acled", tmp_path / "api.csv")
        gdelt_count = export.export(opened, "gdelt", tmp_path / "api.tsv")
    for fmt, name in (("acled", "cli.csv"), ("gdelt", "cli.tsv")):
        result = runner.invoke(cli, ["export", "--db", str(db), "--format", fmt,
                                     "--out", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
    assert (tmp_path / "cli.csv").read_bytes() == (tmp_path / "api.csv").read_bytes()
    assert (tmp_path / "cli.tsv").read_bytes() == (tmp_path / "api.tsv").read_bytes()

    frame = pd.read_csv(tmp_path / "api.csv")
    assert tuple(frame.columns) == (*ACLED_COLUMNS, *INCIDENT_COLUMNS) and len(frame) == acled_count
    strikes = frame[frame["event_type"] == "Explosions/Remote violence"]
    assert len(strikes) == 2 and set(strikes["location"]) == {"Kramatorsk"}
    assert strikes["incident_id"].nunique() == 1 and strikes["incident_id"].iloc[0].startswith("inc-")
    assert set(strikes["incident_reports"]) == {2} and set(strikes["incident_sources"]) == {2}
    assert set(strikes["incident_unconfirmed_claim"]) == {False}

    lines = [dict(zip(gdelt.EXPORT_COLUMNS, line.split("\t")))
             for line in (tmp_path / "api.tsv").read_text(encoding="utf-8").splitlines()]
    assert len(lines) == gdelt_count
    hits = [r for r in lines if r["EventRootCode"] in ("18", "19", "20")]
    assert len(hits) == 2 and len({r["SOURCEURL"] for r in hits}) == 2
    assert {r["incident_id"] for r in hits} == set(strikes["incident_id"])
    assert {(r["incident_reports"], r["incident_sources"], r["incident_unconfirmed_claim"])
            for r in hits} == {("2", "2", "0")}
