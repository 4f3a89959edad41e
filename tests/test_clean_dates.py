"""Document dates: formats, day-month order from the page's own evidence, date-only lines."""
from __future__ import annotations

from datetime import date

import pytest

from dateline.clean.dates import find_dates, is_date_only, numeric_order, parse_date


@pytest.mark.parametrize("text, expected", [
    ("Wednesday, Oct 05, 2022", date(2022, 10, 5)),
    ("October 5, 2022 10:31 am IST", date(2022, 10, 5)),
    ("5th October, 2022", date(2022, 10, 5)),
    ("5 Oct. 2022", date(2022, 10, 5)),
    ("Sept. 5 2022", date(2022, 9, 5)),
    ("2022-10-05T07:30:00+01:00", date(2022, 10, 5)),
    ("2022/10/05", date(2022, 10, 5)),
    ("25.12.2020", date(2020, 12, 25)),
    ("12/25/2020", date(2020, 12, 25)),
])
def test_formats(text, expected):
    assert parse_date(text) == expected


def test_ambiguous_numeric_follows_the_order_given():
    (m,) = find_dates("First published on: 12-10-2015 at 12:59:54 am")
    assert m.ambiguous
    assert m.to_date("DMY") == date(2015, 10, 12)
    assert m.to_date("MDY") == date(2015, 12, 10)


def test_invalid_dates_are_not_dates():
    assert parse_date("31.02.2020") is None
    assert find_dates("February 30, 2021") == []


def test_order_from_unambiguous_numeric_dates_on_the_page():
    assert numeric_order("Filed 03/04/2021. Corrected 03/25/2021.")[0] == "MDY"
    assert numeric_order("Filed 03-04-2021. Corrected 25-03-2021.")[0] == "DMY"


def test_order_from_spelling_locale_and_url():
    british = "The organisation's neighbouring centre was 10 kilometres away. Posted 03-04-2021"
    american = "The organization's neighboring center was 10 kilometers away. Posted 03-04-2021"
    assert numeric_order(british) == ("DMY", "British spelling")
    assert numeric_order(american) == ("MDY", "American spelling")
    assert numeric_order("Posted 03/04/2021", locale="en-GB")[0] == "DMY"
    assert numeric_order("Posted 03/04/2021", locale="en-US")[0] == "MDY"
    assert numeric_order("Posted 03/04/2021", url="https://news.example.co.uk/a")[0] == "DMY"


def test_order_never_comes_from_the_year():
    # the same page with only the years changed decides the same way
    assert numeric_order("Posted 03-04-2015")[0] == numeric_order("Posted 03-04-2022")[0]


@pytest.mark.parametrize("line, expected", [
    ("Wednesday, Oct 05, 2022", True),
    ("Updated 10:31 am IST, 5 October 2022", False),      # a labelled date is not a bare date line
    ("14 March 2023 | 09:15 GMT", True),
    ("The talks ended on 5 October 2022.", False),
    ("No date here", False),
])
def test_is_date_only(line, expected):
    assert is_date_only(line) is expected
