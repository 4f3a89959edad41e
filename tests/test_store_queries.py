"""Every filter of Store.events, on two small hand-written records."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dateline import store
from dateline.store.query import haversine_km
from test_store_samples import clash_record, port_record


@pytest.fixture
def db(tmp_path: Path):
    with store.open(tmp_path / "q.db") as opened:
        opened.store_record(clash_record(), content_hash="h1", origin="clash.html")
        opened.store_record(port_record(), content_hash="h2", origin="port.html",
                            url="https://example.org/port")
        yield opened


def ids(rows: list[dict]) -> list[str]:
    return sorted(r["event_id"] for r in rows)


def test_rows_are_flat_and_complete(db: store.Store) -> None:
    [row] = db.events(text="market")
    assert row["event_id"] == "river-clash:e2" and row["doc_id"] == "river-clash"
    expected = {"type": "ASSAULT", "mode": "aerial", "cameo": "195",
                "acled": "Explosions/Remote violence: Air/drone strike",
                "source_names": "Malian armed forces", "source_codes": "MLIMIL",
                "target_names": "Civilians", "target_codes": "MLICVL",
                "place_name": "Gao", "lat": 16.27167, "lon": -0.04472, "place_country": "ML",
                "admin1": "Gao", "start": "2024-03-04", "end": "2024-03-10",
                "span_start": 98, "span_end": 172, "attribution": "the army",
                "status": "claimed", "fatalities": 3, "doc_title": "Fighting flares near Gao",
                "doc_published": "2024-03-10", "doc_source": "Wire Agency",
                "doc_url": "https://example.org/river-clash"}
    assert {k: row[k] for k in expected} == expected
    assert row["sentence"].startswith("The army said its aircraft")
    assert all(not isinstance(v, (list, dict)) for v in row.values())


def test_url_given_at_storage_fills_doc_url(db: store.Store) -> None:
    rows = db.events(type="REQUEST")
    assert rows[0]["doc_url"] == "https://example.org/port"


def test_null_country_code_is_dashes(db: store.Store) -> None:
    [row] = db.events(type="CONSULT")
    assert row["source_codes"] == "---IGO; MLIMIL"
    assert row["source_names"] == "United Nations; Malian armed forces"


def test_no_filter_returns_everything_in_date_order(db: store.Store) -> None:
    rows = db.events()
    assert len(rows) == 6
    dates = [r["event_date"] for r in rows]
    assert dates == sorted(dates)          # e3 has no when: falls back to doc.published


def test_filter_type_and_mode(db: store.Store) -> None:
    assert len(db.events(type="ASSAULT")) == 4
    assert len(db.events(type="assault")) == 4
    assert ids(db.events(type=["CONSULT", "REQUEST"])) == ["port-strike:e2", "river-clash:e3"]
    assert ids(db.events(mode="drone")) == ["port-strike:e1"]
    assert ids(db.events(type="ASSAULT", mode=["aerial", "firearms"])) == [
        "river-clash:e1", "river-clash:e2"]


def test_filter_cameo_root(db: store.Store) -> None:
    assert ids(db.events(cameo_root="19")) == [
        "port-strike:e1", "river-clash:e1", "river-clash:e2", "river-clash:e4"]
    assert ids(db.events(cameo_root="195")) == ["port-strike:e1", "river-clash:e2"]
    assert ids(db.events(cameo_root=["04", "02"])) == ["port-strike:e2", "river-clash:e3"]
    assert db.events(cameo_root="1") != []          # a prefix, compared as text
    assert db.events(cameo_root="2") == []          # no "2..." code stored


def test_filter_actor_by_name_code_country_and_mention(db: store.Store) -> None:
    assert ids(db.events(actor="rebels")) == ["river-clash:e1", "river-clash:e4"]
    assert ids(db.events(actor="RUSMIL")) == ["port-strike:e1"]
    assert ids(db.events(actor="rus")) == ["port-strike:e1", "port-strike:e2"]
    assert ids(db.events(actor="Kyiv")) == ["port-strike:e1", "port-strike:e2"]   # a mention
    assert ids(db.events(actor="---IGO")) == ["river-clash:e3"]
    assert ids(db.events(actor="civilians")) == ["river-clash:e2"]       # target side counts
    assert db.events(actor="Atlantis") == []


def test_filter_country_accepts_iso2_iso3_and_name(db: store.Store) -> None:
    mali = ["river-clash:e1", "river-clash:e2", "river-clash:e3"]
    assert ids(db.events(country="ML")) == mali
    assert ids(db.events(country="mli")) == mali
    assert ids(db.events(country="Mali")) == mali
    assert ids(db.events(country="UA")) == ["port-strike:e1"]
    with pytest.raises(ValueError, match="unknown country"):
        db.events(country="Narnia")


def test_filter_dates_keep_overlapping_events(db: store.Store) -> None:
    assert ids(db.events(since="2024-01-01")) == [f"river-clash:e{i}" for i in range(1, 5)]
    assert ids(db.events(until=date(2023, 12, 31))) == ["port-strike:e1", "port-strike:e2"]
    # the strike spans 2023-10-30..2023-11-01: it overlaps a range starting on its last day
    assert ids(db.events(since="2023-11-01", until="2023-11-01")) == ["port-strike:e1"]
    # "last week" (03-04..03-10) overlaps 03-09; the denied attack is dated 03-09 itself;
    # e3 has no date of its own and takes the publication date, 03-10
    assert ids(db.events(since="2024-03-09", until="2024-03-09")) == [
        "river-clash:e2", "river-clash:e4"]
    assert ids(db.events(since="2024-03-10", until="2024-03-10")) == [
        "river-clash:e2", "river-clash:e3"]
    with pytest.raises(ValueError):
        db.events(since="last Tuesday")


def test_filter_status_and_attribution(db: store.Store) -> None:
    assert ids(db.events(status="claimed")) == ["river-clash:e2"]
    assert ids(db.events(status=["denied", "claimed"])) == ["river-clash:e2", "river-clash:e4"]
    assert ids(db.events(attribution="THE ARMY")) == ["river-clash:e2"]
    assert ids(db.events(attribution="officials")) == ["port-strike:e1"]
    assert len(db.events(attribution="reporter")) == 3


def test_filter_text_uses_full_text_search(db: store.Store) -> None:
    assert db.full_text
    assert ids(db.events(text="market")) == ["river-clash:e2"]
    assert ids(db.events(text="port Odesa")) == ["port-strike:e1"]       # all words required
    assert ids(db.events(text="fought")) == ["river-clash:e1"]
    assert db.events(text="market Odesa") == []


def test_text_with_query_syntax_is_taken_literally(db: store.Store) -> None:
    assert db.events(text='"unbalanced AND (NEAR') == []
    assert ids(db.events(text="attacks.")) == ["port-strike:e2"]
    assert db.events(text="*") == []


def test_filter_bbox(db: store.Store) -> None:
    sahel = (-6.0, 10.0, 5.0, 25.0)                 # west, south, east, north
    assert ids(db.events(bbox=sahel)) == ["river-clash:e1", "river-clash:e2", "river-clash:e3"]
    black_sea = (28.0, 44.0, 42.0, 48.0)
    assert ids(db.events(bbox=black_sea)) == ["port-strike:e1"]
    assert db.events(bbox=(100.0, -10.0, 120.0, 10.0)) == []
    across_antimeridian = (170.0, -60.0, 1.0, 60.0)   # lon >= 170 or lon <= 1
    assert ids(db.events(bbox=across_antimeridian)) == [
        "river-clash:e1", "river-clash:e2", "river-clash:e3"]


def test_filter_near(db: store.Store) -> None:
    assert ids(db.events(near=(16.0, 0.0, 50))) == ["river-clash:e1", "river-clash:e2"]
    assert db.events(near=(16.0, 0.0, 20)) == []
    assert ids(db.events(near=(46.4, 30.7, 15))) == ["port-strike:e1"]


def test_haversine_distance() -> None:
    assert haversine_km(0.0, 0.0, 0.0, 1.0) == pytest.approx(111.19, abs=0.1)
    assert haversine_km(16.27167, -0.04472, 16.27167, -0.04472) == 0.0
    assert haversine_km(None, 0.0, 1.0, 1.0) is None


def test_limit_offset_and_combined_filters(db: store.Store) -> None:
    everything = db.events()
    assert db.events(limit=2) == everything[:2]
    assert db.events(limit=2, offset=2) == everything[2:4]
    assert db.events(offset=5) == everything[5:]
    assert ids(db.events(type="ASSAULT", country="ML", status="asserted")) == ["river-clash:e1"]


def test_filters_are_parameters_not_sql(db: store.Store) -> None:
    assert db.events(actor="x' OR 1=1 --") == []
    assert db.events(type="ASSAULT'; DROP TABLE events; --") == []
    assert db.events(attribution="%") == []
    assert db.events(actor="%") == []                 # LIKE wildcards are escaped
    assert db.counts()["events"] == 6


def test_parties_give_actor_details(db: store.Store) -> None:
    parties = db.parties(["river-clash:e3", "port-strike:e1"])
    assert [a["name"] for a in parties["river-clash:e3"]["source"]] == [
        "United Nations", "Malian armed forces"]
    assert parties["port-strike:e1"]["target"] == [
        {"id": "a1", "name": "Ukraine", "kind": "state", "country": "UKR", "sector": "GOV",
         "code": "UKRGOV"}]


def test_rows_have_the_documented_columns(db: store.Store) -> None:
    from dateline.store.query import FLAT_COLUMNS
    for row in db.events():
        assert tuple(row) == FLAT_COLUMNS


def test_lead_sentence_is_marked_per_document(db: store.Store) -> None:
    leads = sorted(r["event_id"] for r in db.events() if r["is_lead"])
    assert leads == ["port-strike:e1", "river-clash:e1"]
