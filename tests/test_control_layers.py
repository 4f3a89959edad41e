"""Control layers: import checks, controller resolution, derived intervals, the spatial join."""
from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
import shapely

from dateline.control import (LayerError, build_index, derive_intervals, import_layer,
                              join_points, read_layer, resolve_controller)
from dateline.store import Store
from dateline.store import control as control_store

SQUARE = [[[13.0, 11.0], [14.0, 11.0], [14.0, 12.0], [13.0, 12.0], [13.0, 11.0]]]
BOWTIE = [[[13.0, 11.0], [14.0, 12.0], [14.0, 11.0], [13.0, 12.0], [13.0, 11.0]]]


def feature(name: str, coords: list = SQUARE, kind: str = "Polygon", **props: object) -> dict:
    return {"type": "Feature", "properties": {"name": name, "source": "test", **props},
            "geometry": {"type": kind, "coordinates": coords}}


def write(tmp_path: Path, *features: dict) -> Path:
    path = tmp_path / "layer.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": list(features)}))
    return path


@pytest.fixture()
def conn(tmp_path: Path) -> sqlite3.Connection:
    connection = control_store.connect(tmp_path / "store.db")
    yield connection
    connection.close()


def stored_nothing(conn: sqlite3.Connection) -> bool:
    return (conn.execute("SELECT COUNT(*) FROM control_layers").fetchone()[0] == 0
            and conn.execute("SELECT COUNT(*) FROM control_areas").fetchone()[0] == 0)


@pytest.mark.parametrize("bad, message", [
    (feature("Crossed", BOWTIE, controller="Boko Haram"), "feature 2 (Crossed): invalid Polygon"),
    (feature("Nobody"), "feature 2 (Nobody): missing controller"),
    (feature("Backwards", controller="ISWAP", valid_from="2024-05-01", valid_to="2024-04-01"),
     "feature 2 (Backwards): valid_to 2024-04-01 is before valid_from 2024-05-01"),
    (feature("Stranger", controller="the Purple Hand"),
     "feature 2 (Stranger): controller 'the Purple Hand' is not an actor"),
    (feature("Line", [[13, 11], [14, 12]], "LineString", controller="ISWAP"),
     "feature 2 (Line): geometry 'LineString'"),
])
def test_rejected_feature_names_itself_and_nothing_is_stored(
        tmp_path: Path, conn: sqlite3.Connection, bad: dict, message: str) -> None:
    good = feature("Fine", controller="Boko Haram")
    with pytest.raises(LayerError) as err:
        import_layer(conn, write(tmp_path, good, bad))
    assert message in str(err.value)
    assert "nothing stored" in str(err.value)
    assert stored_nothing(conn)


def test_self_crossing_message_says_where(tmp_path: Path) -> None:
    with pytest.raises(LayerError) as err:
        read_layer(write(tmp_path, feature("Crossed", BOWTIE, controller="ISWAP")))
    assert "Self-intersection" in str(err.value)


@pytest.mark.parametrize("text", ["just some words\n", '{"type": "Feature"}', "[1, 2]"])
def test_non_geojson_file_rejected(tmp_path: Path, conn: sqlite3.Connection, text: str) -> None:
    path = tmp_path / "notes.geojson"
    path.write_text(text)
    with pytest.raises(LayerError, match="not a GeoJSON file"):
        import_layer(conn, path)
    assert stored_nothing(conn)


def test_every_problem_is_listed(tmp_path: Path) -> None:
    with pytest.raises(LayerError) as err:
        read_layer(write(tmp_path, feature("A"), feature("B", BOWTIE, controller="ISWAP")))
    assert err.value.problems[0].startswith("feature 1 (A)")
    assert err.value.problems[1].startswith("feature 2 (B)")


def test_warnings_unknown_property_and_overlapping_claims(tmp_path: Path,
                                                          conn: sqlite3.Connection) -> None:
    result = import_layer(conn, write(
        tmp_path,
        feature("North", controller="ISWAP", valid_from="2024-01-01", colour="red"),
        feature("Same ground", controller="Boko Haram", valid_from="2024-03-01"),
        feature("Earlier", controller="NGAMIL", valid_to="2023-12-31")))
    assert result.areas == 3
    assert any("feature 1 (North): unknown property 'colour'" in w for w in result.warnings)
    overlaps = [w for w in result.warnings if "overlapping ground" in w]
    assert len(overlaps) == 1 and "North" in overlaps[0] and "Same ground" in overlaps[0]
    layer = control_store.layers(conn)[0]
    assert layer["feature_count"] == 3 and "colour" in layer["warnings_json"]


def test_point_with_radius_is_a_circle(tmp_path: Path) -> None:
    layer = read_layer(write(tmp_path, feature("Garrison", [13.83, 12.37], "Point",
                                               controller="the Nigerian army", radius_km=10)))
    circle = layer.areas[0].geometry
    assert circle.contains(shapely.Point(13.83 + 0.08, 12.37))     # ~8.7 km east
    assert not circle.contains(shapely.Point(13.83, 12.37 + 0.1))  # ~11 km north
    with pytest.raises(LayerError, match="radius_km"):
        read_layer(write(tmp_path, feature("Dot", [13.8, 12.3], "Point", controller="ISWAP")))


def test_controllers_resolve_like_event_parties() -> None:
    assert resolve_controller("the Nigerian army").code == "NGAMIL"
    assert resolve_controller("NGAMIL").name == "Nigerian armed forces"
    assert resolve_controller("ISWAP").name == "Islamic State West Africa Province"
    assert resolve_controller("Syrian rebels").code == "SYRREB"
    assert resolve_controller("Chad").code == "TCDGOV"
    assert resolve_controller("XYZMIL") is None
    assert resolve_controller("the Purple Hand") is None


def event(eid: str, type_: str, cameo: str, day: str, who: str, mode: str | None = None,
          status: str = "asserted") -> dict:
    return {"event_id": eid, "type": type_, "cameo": cameo, "mode": mode, "status": status,
            "event_date": day, "geonameid": 1, "lat": 1.0, "lon": 2.0, "place_name": "Town",
            "admin1": "Province", "admin1_code": "XX.01", "source_name": who,
            "source_country": None, "source_sector": "REB"}


def test_derived_intervals_follow_the_events() -> None:
    rows = derive_intervals([
        event("d:e3", "COERCE", "192", "2024-05-01", "Red Front"),
        event("d:e1", "COERCE", "192", "2024-01-10", "Blue Army"),
        event("d:e2", "RETREAT", "0874", "2024-03-01", "Blue Army", mode="withdraw"),
        event("d:e4", "COERCE", "171", "2024-06-01", "Looters"),           # not territory
        event("d:e5", "COERCE", "192", "2024-05-20", "Red Front"),         # retold: stands
        event("d:e6", "COERCE", "192", "2024-07-01", "Green", status="denied")])
    assert [(r["how"], r["controller_name"], r["valid_from"], r["valid_to"],
             r["evidence_event_id"]) for r in rows] == [
        ("capture", "Blue Army", "2024-01-10", "2024-02-29", "d:e1"),
        ("vacated", None, "2024-03-01", "2024-04-30", "d:e2"),
        ("capture", "Red Front", "2024-05-01", None, "d:e3")]


def test_withdrawal_alone_says_who_held_the_place_before() -> None:
    rows = derive_intervals([event("d:e1", "RETREAT", "0874", "2024-03-11", "Blue Army",
                                   mode="withdraw")])
    assert [(r["how"], r["controller_name"], r["valid_from"], r["valid_to"]) for r in rows] == [
        ("withdrawal", "Blue Army", None, "2024-03-10"), ("vacated", None, "2024-03-11", None)]


def test_join_points_respects_time_and_prefers_newest() -> None:
    big = shapely.box(0, 0, 10, 10)
    small = shapely.box(4, 4, 6, 6)
    index = build_index([big, small, big], ["2024-01-01", "2024-01-01", "2024-03-01"],
                        ["2024-12-31", "2024-02-28", None])
    days = [date(2024, 2, 1).toordinal(), date(2024, 4, 1).toordinal(),
            date(2024, 2, 1).toordinal(), date(2023, 6, 1).toordinal(),
            date(2024, 2, 1).toordinal()]
    won = join_points(index, [5, 5, 1, 5, 20], [5, 5, 1, 5, 20], days)
    # in the small box in February: small (same start, smaller); April: the newest big area
    assert won.tolist() == [1, 2, 0, -1, -1]


def test_control_schema_version_row_is_apart_from_core(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    control_store.connect(db).close()
    conn = control_store.connect(db)           # idempotent
    rows = conn.execute("SELECT version, description FROM schema_version ORDER BY version"
                        ).fetchall()
    conn.close()
    assert [r[0] for r in rows].count(control_store.CONTROL_VERSION_ROW) == 1
    assert rows[0][1].startswith("control")
    with Store(db) as store:                   # the core store still opens it
        assert store.schema_version >= 1


def test_cli_import_reports_and_refuses(tmp_path: Path) -> None:
    import click
    from click.testing import CliRunner

    from dateline.cli_control import register

    @click.group()
    def cli() -> None:
        """test group"""

    register(cli)
    runner = CliRunner()
    db = str(tmp_path / "store.db")
    bad = write(tmp_path, feature("Fine", controller="ISWAP"), feature("Nobody"))
    refused = runner.invoke(cli, ["control", "import", str(bad), "--db", db])
    assert refused.exit_code == 1
    assert "feature 2 (Nobody): missing controller" in refused.output
    good = tmp_path / "good.geojson"
    good.write_text(json.dumps({"type": "FeatureCollection", "name": "test layer",
                                "features": [feature("Fine", controller="ISWAP")]}))
    first = runner.invoke(cli, ["control", "import", str(good), "--db", db])
    assert first.exit_code == 0 and "1 areas" in first.output
    again = runner.invoke(cli, ["control", "import", str(good), "--db", db])
    assert "already imported" in again.output
    listed = runner.invoke(cli, ["control", "layers", "--db", db])
    assert listed.output.count("test layer") == 1
