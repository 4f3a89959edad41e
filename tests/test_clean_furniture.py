"""The line classifier: each furniture kind, and story lines left alone."""
from __future__ import annotations

import pytest

from dateline.clean.furniture import classify, dateline, is_keyword_list


@pytest.mark.parametrize("line, kind", [
    ("Subscriber Only Stories", "widget"),
    ("Most Read", "widget"),
    ("Related Stories", "widget"),
    ("Also Read", "widget"),
    ("Trending", "widget"),
    ("You may also like", "widget"),
    ("Harbour crane collapse injures two, inquiry ord...Premium", "teaser"),
    ("Fuel duty frozen for another year as prices climb...", "teaser"),
    ("Next Story", "end"),
    ("Latest Comment", "end"),
    ("Post Comment", "end"),
    ("Read Comments", "end"),
    ("Share", "furniture"),
    ("Follow us", "furniture"),
    ("Advertisement", "furniture"),
    ("Story continues below advertisement", "furniture"),
    ("Also read: Mayor names new head of the transit authority", "furniture"),
    ("Photo: Reuters", "furniture"),
    ("Sign up for our morning briefing newsletter", "furniture"),
    ("© 2022 The Harbour Times. All rights reserved.", "furniture"),
    ("Reporting by Bart Meijer; Editing by Alison Williams", "furniture"),
    ("Home | World | Africa | Politics", "nav"),
    ("Source: Agencies", "credit"),
    ("First published on: 12-10-2015 at 12:59:54 am", "published"),
    ("Updated: October 5, 2022 10:31 am IST", "updated"),
    ("Wednesday, Oct 05, 2022", "date"),
    ("Coastline Daily | World | Sunday 26 November 2023", "date"),
    ("By Amina Odhiambo", "byline"),
    ("Tags: transit, budget, light rail", "keywords"),
    ("Harbour strike, port workers, Rotterdam, shipping news, Europe, trade unions", "keywords"),
    ("The plan unfolds: airstrikes, missiles, ground offensive", "subhead"),
    ("| Team | Won | Lost |", "table"),
    ("- Swim proof", "item"),
    ("* In 2001, he provided intelligence to the US.", "bullet"),
    ("The council voted on Monday to approve the budget.", "prose"),
])
def test_kinds(line, kind):
    assert classify(line).kind == kind


def test_credit_value_stops_at_the_agency():
    assert classify("Source: Agencies. Additional reporting by Coastline Daily staff.").value == "Agencies"
    assert classify("(With inputs from PTI)").value == "PTI"


def test_bullet_block_starts_after_the_marker():
    label = classify("* Garissa and Wajir counties are the worst hit.")
    assert (label.kind, label.start) == ("bullet", 2)


def test_glued_image_label_is_cut_off():
    line = "conflict-zone-graphHis Moscow meeting outlined the deteriorating situation in the region."
    label = classify(line)
    assert label.kind == "prose" and line[label.start:].startswith("His Moscow")


@pytest.mark.parametrize("line, agency, rest", [
    ("MOSCOW (Reuters) - Russia said on Monday", "Reuters", "Russia"),
    ("BEIRUT, Oct 12 (AP) — Israeli jets struck", "AP", "Israeli"),
    ("BAKU/YEREVAN (Global Desk) - Officials from Azerbaijan met", "Global Desk", "Officials"),
    ("(CNN)President Donald Trump made a trip", "CNN", "President"),
    ("JERUSALEM/GAZA - Hamas handed over a second group", None, "Hamas"),
])
def test_datelines(line, agency, rest):
    end, found = dateline(line)
    assert found == agency and line[end:].startswith(rest)


def test_prose_lists_are_not_keyword_lines():
    assert not is_keyword_list("Russia, Iran, Iraq, Syria and Hezbollah agreed to share intelligence.")
    assert not is_keyword_list("He visited Paris, Rome, Berlin, and then flew home to Madrid.")
