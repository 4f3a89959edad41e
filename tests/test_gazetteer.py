"""Gazetteer index: names, transliteration keys, admin1 areas, countries."""
from __future__ import annotations

from dateline.resolve.gazetteer import load_gazetteer
from dateline.resolve.place_names import name_key, skeleton_key


def test_name_key_folds_case_diacritics_and_article() -> None:
    assert name_key("The Hague") == "hague"
    assert name_key("Şanlıurfa") == "sanliurfa"
    assert name_key("Jisr ash-Shughūr") == "jisr ash shughur"


def test_skeleton_key_merges_transliterations() -> None:
    variants = ["Deir ez-Zor", "Deir al-Zour", "Dayr az Zawr"]
    assert len({skeleton_key(v) for v in variants}) == 1
    assert skeleton_key("Raqqa") == skeleton_key("Ar-Raqqah")
    assert skeleton_key("Jisr al-Shughour") == skeleton_key("Jisr ash Shughur")
    assert skeleton_key("Aleppo") != skeleton_key("Idlib")


def test_lookup_finds_city_country_and_admin1() -> None:
    gaz = load_gazetteer()
    features = {(c.feature, c.country) for c in gaz.lookup("Aleppo")}
    assert ("city", "SY") in features and ("admin1", "SY") in features
    jordan = [c for c in gaz.lookup("Jordan") if c.feature == "country"]
    assert jordan and jordan[0].country == "JO"
    georgia = {(c.feature, c.country) for c in gaz.lookup("Georgia")}
    assert ("country", "GE") in georgia and ("admin1", "US") in georgia


def test_lookup_variant_spellings() -> None:
    gaz = load_gazetteer()
    assert 170794 in {c.geonameid for c in gaz.lookup("Dayr az Zawr")}
    assert 170794 in {c.geonameid for c in gaz.lookup("Deir al-Zour")}
    assert 163808 in {c.geonameid for c in gaz.lookup("Palmyra")}     # Tadmur's English name


def test_lookup_fuzzy_only_when_nothing_else_matches() -> None:
    gaz = load_gazetteer()
    misspelt = gaz.lookup("Damasxus")
    assert misspelt and misspelt[0].match == "fuzzy"
    assert any(c.geonameid == 170654 for c in misspelt)
    assert all(c.match != "fuzzy" for c in gaz.lookup("Damascus"))
    assert gaz.lookup("") == []


def test_water_bodies_regions_and_aliases() -> None:
    gaz = load_gazetteer()
    caspian = gaz.lookup("the Caspian Sea")
    assert caspian[0].feature == "water" and 40 < (caspian[0].lat or 0) < 45
    assert any(c.feature == "region" and c.country == "PS" for c in gaz.lookup("Gaza Strip"))
    assert any(c.country == "US" and c.feature == "country" for c in gaz.lookup("U.S."))
    assert any(c.admin1_key == "US.CA" for c in gaz.lookup("Calif."))


def test_country_and_admin1_accessors() -> None:
    gaz = load_gazetteer()
    syria = gaz.country("sy")
    assert syria is not None and syria.name == "Syria" and syria.geonameid == 163843
    raqqa = gaz.admin1("SY", "04")
    assert raqqa is not None and raqqa.feature == "admin1" and "Raqqa" in raqqa.name
    assert gaz.admin1("SY", "99") is None
    assert gaz.country("XX") is None
    assert gaz.is_demonym("Syrian") and not gaz.is_demonym("Syria")


def test_demonyms_point_to_their_country() -> None:
    gaz = load_gazetteer()
    canadian = [c for c in gaz.lookup("Canadian") if c.feature == "country"]
    assert canadian and canadian[0].country == "CA"
    assert any(c.country == "PS" and c.feature == "country" for c in gaz.lookup("Palestinians"))
    chinese = [c for c in gaz.lookup("Chinese") if c.feature == "country"]
    assert [c.country for c in chinese] == ["CN"]    # shared demonym: the most populous country


def test_second_level_areas_and_capitals() -> None:
    gaz = load_gazetteer()
    county = [c for c in gaz.lookup("Licking County") if c.feature == "admin2"]
    assert county and county[0].admin1_key == "US.OH"
    damascus = [c for c in gaz.lookup("Damascus") if c.geonameid == 170654][0]
    assert damascus.pid in gaz.capitals
    small = [c for c in gaz.lookup("Damascus") if c.country == "US"]
    assert small and all(c.pid not in gaz.capitals for c in small)


def test_index_is_named_by_its_fingerprint() -> None:
    import sqlite3

    from dateline.resolve.place_index import ensure_index, fingerprint, index_path

    load_gazetteer()
    path = ensure_index()
    assert path == index_path() and path.exists()
    assert fingerprint() in path.name
    with sqlite3.connect(str(path)) as conn:
        stored = conn.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()[0]
    assert stored == fingerprint()
