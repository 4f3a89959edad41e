"""Checks on people.tsv, the table of well-known people the actor resolver falls back on."""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

import pycountry
import pytest

from dateline.resolve.actor_lexicon import load_actor_lexicon, norm
from dateline.resources import data_path, read_tsv

COLUMNS = ["name", "aliases", "country", "sector", "role", "from", "to", "source"]
SECTORS = frozenset({"GOV", "MIL", "REB", "INS", "OPP", "IGO", "JUD", "LEG", "REL"})
# Sectors whose holders may lack a country: international officials and judges, and leaders of
# transnational armed groups (Islamic State, al-Qaeda).
STATELESS_SECTORS = frozenset({"IGO", "JUD", "INS", "REB"})
YEAR = re.compile(r"\d{4}")

# States whose heads of state or government the table must cover: the G20 members, the permanent
# members of the Security Council, and the Middle East, North Africa, the Sahel, the Horn of Africa,
# the Caucasus, Eastern Europe, South Asia and East Asia.
REQUIRED_STATES = (
    "ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA "
    "BHR CYP EGY IRN IRQ ISR JOR KWT LBN OMN PSE QAT SYR ARE YEM "
    "DZA LBY MAR TUN SDN "
    "MRT MLI BFA NER TCD SEN NGA "
    "ETH ERI DJI SOM SSD KEN "
    "ARM AZE GEO "
    "UKR BLR MDA POL ROU HUN CZE SVK BGR "
    "AFG PAK BGD LKA NPL BTN MDV "
    "PRK MNG TWN"
).split()

# Leaders of armed groups and the group they lead in organizations.tsv.
LEADER_GROUPS = {
    "Hassan Nasrallah": "Hezbollah",
    "Yahya Sinwar": "Hamas",
    "Abdul-Malik al-Houthi": "Houthis",
    "Abu Bakr al-Baghdadi": "Islamic State",
    "Ayman al-Zawahiri": "al-Qaeda",
    "Abubakar Shekau": "Boko Haram",
    "Ahmed Abdi Godane": "al-Shabaab",
    "Mohamed Hamdan Dagalo": "Rapid Support Forces",
    "Yevgeny Prigozhin": "Wagner Group",
    "Iyad Ag Ghaly": "Jama'at Nusrat al-Islam wal-Muslimin",
    "Abdullah Öcalan": "Kurdistan Workers' Party",
}


def rows() -> tuple[dict[str, str], ...]:
    return read_tsv("people.tsv")


def aliases(row: dict[str, str]) -> list[str]:
    return [part for part in row["aliases"].split("|") if part]


def surface_forms(row: dict[str, str]) -> list[str]:
    return [row["name"], *aliases(row)]


def by_name() -> dict[str, dict[str, str]]:
    return {row["name"]: row for row in rows()}


def test_header_and_cells() -> None:
    lines = [line for line in data_path("people.tsv").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    assert lines[0].split("\t") == COLUMNS
    for line in lines[1:]:
        cells = line.split("\t")
        assert len(cells) == len(COLUMNS), line
        assert all(cell == cell.strip() for cell in cells), line


def test_at_least_350_people() -> None:
    assert len(rows()) >= 350


def test_required_cells_filled() -> None:
    for row in rows():
        assert row["name"] and row["role"] and row["source"], row
        assert all(form.strip() == form and form for form in aliases(row)), row


def test_countries_are_iso3_or_empty() -> None:
    for row in rows():
        code = row["country"]
        if code:
            assert pycountry.countries.get(alpha_3=code) is not None, row


def test_sectors_allowed() -> None:
    for row in rows():
        assert row["sector"] in SECTORS, row


def test_country_missing_only_for_international_or_transnational_roles() -> None:
    for row in rows():
        if not row["country"]:
            assert row["sector"] in STATELESS_SECTORS, row
        if row["sector"] == "IGO":
            assert not row["country"], row


def test_years() -> None:
    this_year = dt.date.today().year
    for row in rows():
        start, end = row["from"], row["to"]
        for year in (start, end):
            assert not year or YEAR.fullmatch(year), row
            assert not year or 1940 <= int(year) <= this_year, row
        if start and end:
            assert int(start) <= int(end), row


def test_no_surface_form_shared_by_two_rows() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for row in rows():
        for form in surface_forms(row):
            owners[norm(form)].add(row["name"])
    shared = {key: names for key, names in owners.items() if len(names) > 1}
    assert not shared


def test_no_alias_repeats_within_a_row() -> None:
    for row in rows():
        keys = [norm(form) for form in surface_forms(row)]
        assert len(keys) == len(set(keys)), row


def _keys(table: str, cells: tuple[str, ...]) -> set[str]:
    return {norm(part) for row in read_tsv(table) for cell in cells
            for part in row.get(cell, "").split("|") if part}


def test_no_surface_form_is_a_place_an_organisation_or_a_title() -> None:
    """A person's name must not shadow a state ("SADR"), a group or a role noun in the other tables."""
    taken = (_keys("states.tsv", ("name", "aliases", "demonyms", "capital", "capital_aliases"))
             | _keys("organizations.tsv", ("name", "aliases"))
             | _keys("roles.tsv", ("term", "plural")))
    for row in rows():
        for form in surface_forms(row):
            assert norm(form) not in taken, (form, row["name"])


def test_ambiguous_surnames_left_out() -> None:
    keys = {norm(form) for row in rows() for form in surface_forms(row)}
    for surname in ("Kim", "Khan", "Sharif", "Aliyev", "Barzani", "Hariri", "Aoun", "Maliki",
                    "Rajapaksa", "Clinton", "Bush", "Hafez", "Li", "Brown", "May", "Hague"):
        assert norm(surname) not in keys, surname


def test_every_required_state_has_a_head() -> None:
    covered = {row["country"] for row in rows() if row["sector"] == "GOV"}
    missing = [code for code in REQUIRED_STATES if code not in covered]
    assert not missing


def test_permanent_members_have_foreign_and_defence_ministers_since_2010() -> None:
    for code in ("USA", "RUS", "CHN", "GBR", "FRA"):
        roles = [row["role"].lower() for row in rows() if row["country"] == code
                 and (not row["to"] or int(row["to"]) >= 2010)]
        assert any("foreign" in role or "secretary of state" in role for role in roles), code
        assert any("defence" in role or "defense" in role or "armed forces" in role
                   for role in roles), code


@pytest.mark.parametrize("leader,group", sorted(LEADER_GROUPS.items()))
def test_armed_group_leaders_coded_like_their_group(leader: str, group: str) -> None:
    groups = {row["name"]: row for row in read_tsv("organizations.tsv")}
    person = by_name()[leader]
    assert (person["country"], person["sector"]) == (groups[group]["country"], groups[group]["sector"])


@pytest.mark.parametrize("text,name,country,sector", [
    ("Putin", "Vladimir Putin", "RUS", "GOV"),
    ("Assad", "Bashar al-Assad", "SYR", "GOV"),
    ("Hafez al-Assad", "Hafez al-Assad", "SYR", "GOV"),
    ("Zelenskyy", "Volodymyr Zelensky", "UKR", "GOV"),
    ("Erdoğan", "Recep Tayyip Erdoğan", "TUR", "GOV"),
    ("Khamenei", "Ali Khamenei", "IRN", "GOV"),
    ("Qasem Soleimani", "Qassem Soleimani", "IRN", "MIL"),
    ("al-Baghdadi", "Abu Bakr al-Baghdadi", None, "INS"),
    ("Guterres", "António Guterres", None, "IGO"),
    ("Hemedti", "Mohamed Hamdan Dagalo", "SDN", "REB"),
    ("Jolani", "Ahmed al-Sharaa", "SYR", "GOV"),
])
def test_lexicon_resolves_people(text: str, name: str, country: str | None, sector: str) -> None:
    person = load_actor_lexicon().person(text)
    assert person is not None
    assert (person.name, person.country, person.sector) == (name, country, sector)


def test_lexicon_does_not_resolve_shared_surnames() -> None:
    lexicon = load_actor_lexicon()
    assert lexicon.person("Kim") is None
    assert lexicon.person("Sharif") is None
    assert lexicon.person("Kim Jong-un").name == "Kim Jong-un"
    assert lexicon.person("Kim Jong-il").name == "Kim Jong-il"
