"""Checks on the actor reference data: states.tsv, organizations.tsv, roles.tsv."""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable

import pycountry
import pytest

from dateline.resources import data_path, read_tsv

# CAMEO/Phoenix/PLOVER role codes listed in spec ontology.md, section 5.2.
SECTORS = frozenset(
    "GOV MIL COP JUD LEG SPY PTY OPP REB INS SEP UAF PRM ELI CVL MED HLH EDU BUS LAB "
    "AGR REL REF CRM DEV ENV HRI MOD RAD NGO IGO IMG INT MNC NGM UIS PKO SET "
    "SOC JRN UNK PRE".split()
)

HEADERS = {
    "states.tsv": ["iso3", "iso2", "name", "aliases", "demonyms", "capital", "capital_aliases", "source"],
    "organizations.tsv": ["name", "aliases", "kind", "country", "sector", "note", "source"],
    "roles.tsv": ["term", "sector", "kind", "plural", "note"],
}

# Codes outside ISO 3166-1 that the states table uses on purpose.
USER_ASSIGNED = {"XKX": "XK"}  # Kosovo

DATED_SECTOR = re.compile(r"sector ([A-Z]{3}) (from|until) (\d{4}-\d{2}-\d{2})")


def split_multi(cell: str) -> list[str]:
    return [part for part in cell.split("|") if part]


def raw_lines(name: str) -> list[str]:
    return data_path(name).read_text(encoding="utf-8").splitlines()


def find_clashes(entries: Iterable[tuple[str, str]]) -> dict[str, set[str]]:
    """Surface forms (case-insensitive) claimed by more than one entity.

    ``entries`` are (surface form, entity key) pairs.
    """
    owners: dict[str, set[str]] = defaultdict(set)
    for form, entity in entries:
        owners[form.casefold()].add(entity)
    return {form: keys for form, keys in owners.items() if len(keys) > 1}


def state_forms() -> list[tuple[str, str]]:
    pairs = []
    for row in read_tsv("states.tsv"):
        key = "state:" + row["iso3"]
        for column in ("name", "aliases", "demonyms", "capital", "capital_aliases"):
            pairs.extend((form, key) for form in split_multi(row[column]))
    return pairs


def organization_forms() -> list[tuple[str, str]]:
    pairs = []
    for row in read_tsv("organizations.tsv"):
        key = "org:" + row["name"]
        pairs.append((row["name"], key))
        pairs.extend((form, key) for form in split_multi(row["aliases"]))
    return pairs


def role_forms() -> list[tuple[str, str]]:
    pairs = []
    for row in read_tsv("roles.tsv"):
        key = "role:" + row["term"]
        pairs.append((row["term"], key))
        if row["plural"]:
            pairs.append((row["plural"], key))
    return pairs


def by_key(name: str, column: str) -> dict[str, dict[str, str]]:
    return {row[column]: row for row in read_tsv(name)}


# --- file shape -----------------------------------------------------------

@pytest.mark.parametrize("name", sorted(HEADERS))
def test_file_has_documented_header_and_full_rows(name: str) -> None:
    rows = read_tsv(name)
    assert rows, name
    assert list(rows[0]) == HEADERS[name]
    data = [line for line in raw_lines(name) if line.strip() and not line.startswith("#")]
    assert data[0].split("\t") == HEADERS[name]
    for number, line in enumerate(data[1:], start=2):
        assert line.count("\t") == len(HEADERS[name]) - 1, f"{name} data line {number}: {line!r}"


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_cells_are_trimmed_and_lists_have_no_empty_items(name: str) -> None:
    for row in read_tsv(name):
        for column, cell in row.items():
            assert cell == cell.strip(), (name, column, cell)
            if "|" in cell:
                assert all(part.strip() == part and part for part in cell.split("|")), (name, column, cell)


def test_each_file_names_its_sources() -> None:
    for name in ("states.tsv", "organizations.tsv"):
        assert all(row["source"] for row in read_tsv(name)), name
    # roles.tsv has no source column: its header comment must name the source.
    comments = [line for line in raw_lines("roles.tsv") if line.startswith("#")]
    assert any("Source:" in line for line in comments)


# --- states -----------------------------------------------------------------

def test_states_cover_un_members_and_the_five_extra_entities() -> None:
    rows = read_tsv("states.tsv")
    codes = [row["iso3"] for row in rows]
    assert len(codes) == len(set(codes)) == 193 + 5
    assert {"PSE", "XKX", "TWN", "ESH", "VAT"} <= set(codes)     # VAT: the Holy See, a sovereign observer
    assert {"USA", "RUS", "CHN", "SSD", "TLS", "MNE", "SRB"} <= set(codes)
    # Territories that are not states are not listed.
    assert not {"PRI", "GRL", "HKG", "BMU"} & set(codes)


def test_state_codes_agree_with_iso_3166() -> None:
    for row in read_tsv("states.tsv"):
        if row["iso3"] in USER_ASSIGNED:
            assert row["iso2"] == USER_ASSIGNED[row["iso3"]]
            assert "user-assigned" in row["source"]
            continue
        country = pycountry.countries.get(alpha_3=row["iso3"])
        assert country is not None, row["iso3"]
        assert country.alpha_2 == row["iso2"], row["iso3"]


def test_every_state_has_a_capital_and_most_have_demonyms() -> None:
    rows = read_tsv("states.tsv")
    assert all(row["name"] and row["capital"] for row in rows)
    without_demonym = {row["iso3"] for row in rows if not row["demonyms"]}
    # Only the states whose demonym is shared with a better-known state, and the Holy See.
    assert without_demonym == {"COG", "DMA", "VAT"}


def test_state_aliases_and_demonyms_on_known_examples() -> None:
    states = by_key("states.tsv", "iso3")
    usa = states["USA"]
    assert {"United States", "United States of America", "US", "U.S.", "America", "the US"} <= set(
        split_multi(usa["aliases"]) + [usa["name"]])
    assert split_multi(usa["demonyms"]) == ["American", "Americans"]
    assert usa["capital"] == "Washington"
    assert {"Iranian", "Iranians"} <= set(split_multi(states["IRN"]["demonyms"]))
    assert {"Russian", "Russians"} <= set(split_multi(states["RUS"]["demonyms"]))
    assert {"British", "Briton", "Britons"} <= set(split_multi(states["GBR"]["demonyms"]))
    assert {"Syrian", "Syrians"} <= set(split_multi(states["SYR"]["demonyms"]))
    assert "Lebanese" in split_multi(states["LBN"]["demonyms"])
    assert states["UKR"]["capital"] == "Kyiv" and "Kiev" in split_multi(states["UKR"]["capital_aliases"])
    assert "Burma" in split_multi(states["MMR"]["aliases"])


# --- organisations --------------------------------------------------------

def test_organizations_codes_are_valid() -> None:
    rows = read_tsv("organizations.tsv")
    assert len(rows) >= 120
    state_codes = {row["iso3"] for row in read_tsv("states.tsv")}
    for row in rows:
        assert row["kind"] in {"organization", "group"}, row["name"]
        assert row["sector"] in SECTORS, row["name"]
        assert row["country"] == "" or row["country"] in state_codes, row["name"]
        if row["sector"] in {"IGO", "PKO"}:
            assert row["country"] == "", row["name"]
    names = [row["name"] for row in rows]
    assert len(names) == len(set(names))


def test_armed_groups_explain_their_code() -> None:
    for row in read_tsv("organizations.tsv"):
        if row["kind"] == "group" and row["sector"] in {"REB", "INS", "MIL", "UAF"}:
            assert row["note"], row["name"]


def test_dated_sector_notes_parse() -> None:
    dated = {}
    for row in read_tsv("organizations.tsv"):
        for sector, direction, day in DATED_SECTOR.findall(row["note"]):
            assert sector in SECTORS and sector != row["sector"], row["name"]
            dated[row["name"]] = (sector, direction, dt.date.fromisoformat(day))
    assert dated["Taliban"] == ("GOV", "from", dt.date(2021, 8, 15))
    assert dated["Rapid Support Forces"] == ("MIL", "until", dt.date(2023, 4, 14))


def test_named_groups_follow_the_documented_conventions() -> None:
    forms = {form.casefold(): key for form, key in organization_forms()}
    rows = by_key("organizations.tsv", "name")

    def code(surface: str) -> tuple[str, str]:
        row = rows[forms[surface.casefold()].removeprefix("org:")]
        return row["country"], row["sector"]

    for surface in ("ISIS", "ISIL", "IS", "Daesh", "Islamic State"):
        assert code(surface) == ("", "INS")
    assert code("al-Qaida") == ("", "INS")
    assert code("al-Shabab") == ("SOM", "INS")
    assert code("AQAP") == ("YEM", "INS")
    assert code("Jabhat al-Nusra") == ("SYR", "INS")
    assert code("Hizbollah") == ("LBN", "MIL")
    assert code("Ansar Allah") == ("YEM", "REB")
    assert code("PKK") == ("TUR", "REB")
    assert code("SDF") == ("SYR", "REB")
    assert code("Wagner") == ("RUS", "MIL")
    assert code("Revolutionary Guards") == ("IRN", "MIL")
    assert code("Pentagon") == ("USA", "MIL")
    assert code("Kremlin") == ("RUS", "GOV")
    assert code("Mossad") == ("ISR", "SPY")
    assert code("U.N.") == ("", "IGO")
    assert code("Doctors Without Borders") == ("", "NGO")
    assert code("AFP") == ("FRA", "MED")


# --- roles ----------------------------------------------------------------

def test_roles_codes_are_valid() -> None:
    rows = read_tsv("roles.tsv")
    assert len(rows) >= 150
    for row in rows:
        assert row["sector"] in SECTORS, row["term"]
        assert row["kind"] in {"person", "group", "organization"}, row["term"]
        # Lower case, except acronyms ("MP", "NGO", "state TV").
        assert all(word.islower() or word.isupper() for word in row["term"].split()), row["term"]


def test_roles_on_known_examples() -> None:
    roles: dict[str, dict[str, str]] = {}
    for row in read_tsv("roles.tsv"):
        roles[row["term"]] = row
        if row["plural"]:
            roles[row["plural"]] = row
    expected = {
        "army": "MIL", "troops": "MIL", "soldiers": "MIL", "warplanes": "MIL", "warship": "MIL",
        "special forces": "MIL", "air force": "MIL", "navy": "MIL", "general": "MIL",
        "police": "COP", "security forces": "COP", "rebels": "REB", "insurgents": "REB",
        "militants": "UAF", "militia": "UAF", "government": "GOV", "regime": "GOV",
        "president": "GOV", "foreign minister": "GOV", "diplomats": "GOV", "envoy": "GOV",
        "lawmakers": "LEG", "parliament": "LEG", "court": "JUD", "judge": "JUD",
        "protesters": "OPP", "demonstrators": "OPP", "opposition": "OPP", "civilians": "CVL",
        "residents": "CVL", "refugees": "REF", "journalist": "MED", "doctors": "HLH",
        "students": "EDU", "workers": "LAB", "company": "BUS", "clerics": "REL",
        "peacekeepers": "PKO", "settlers": "SET",
    }
    assert {term: roles[term]["sector"] for term in expected} == expected
    assert roles["soldier"]["kind"] == "person"
    assert roles["army"]["kind"] != "person"


# --- uniqueness ------------------------------------------------------------

def test_clash_finder_reports_a_form_shared_by_two_entities() -> None:
    entries = [("Congo", "state:COD"), ("congo", "state:COG"), ("Kinshasa", "state:COD"),
               ("DRC", "state:COD"), ("drc", "state:COD")]
    assert find_clashes(entries) == {"congo": {"state:COD", "state:COG"}}


@pytest.mark.parametrize("forms", [state_forms, organization_forms, role_forms],
                         ids=["states", "organizations", "roles"])
def test_no_surface_form_names_two_entities_within_a_file(forms) -> None:
    assert find_clashes(forms()) == {}


def test_no_surface_form_names_two_entities_across_files() -> None:
    assert find_clashes(state_forms() + organization_forms() + role_forms()) == {}
