"""Across documents, without the store: fingerprints, copies, incidents, corroboration."""
from __future__ import annotations

import time
from dataclasses import replace
from datetime import date, timedelta

from dateline.corroborate import (
    CopyFinder, Party, Report, attribution_kind, cluster, fingerprint, group_copies, similarity,
    story_text, summarize)
from dateline.corroborate.copies import split_copies
from dateline.corroborate.terms import sentence_terms

STORY = (
    "Heavy rain swept through the river valley on Thursday, and the regional water authority "
    "said three dams had reached their highest levels in a decade. Engineers opened the "
    "spillways at the northern dam before dawn, flooding farmland along both banks. The "
    "provincial governor ordered the evacuation of four villages and said troops would help "
    "move families to schools on higher ground. Two people drowned when their car was swept "
    "off a bridge near the market town, police said. Forecasters expect more rain at the "
    "weekend, and the authority warned that it may have to release more water.")
OTHER = (
    "The central bank raised its main interest rate by half a point on Wednesday, its third "
    "increase this year, saying prices of food and fuel were still rising too fast. The "
    "governor told reporters that the bank would act again if inflation did not slow by the "
    "spring. Shares of the largest lenders rose after the announcement while the currency "
    "held steady against the dollar. Business groups said higher borrowing costs would hurt "
    "small firms that are already struggling to pay their debts.")

RUS_MIL, UKR_CVL = Party("RUS", "MIL", "Russian forces"), Party("UKR", "CVL", "civilians")
UKR_MIL = Party("UKR", "MIL", "Ukrainian army")
KYIV, LVIV = (50.45, 30.52), (49.84, 24.03)


def report(event_id: str, story: str, *, day: date = date(2022, 10, 10), end: date | None = None,
           type: str = "ASSAULT", sources: tuple[Party, ...] = (RUS_MIL,),
           targets: tuple[Party, ...] = (UKR_CVL,), where: tuple[float, float] | None = KYIV,
           **kw: object) -> Report:
    return Report(event_id=event_id, story=story, type=type, start=day, end=end or day,
                  published=day + timedelta(days=1), sources=sources, targets=targets,
                  lat=where[0] if where else None, lon=where[1] if where else None,
                  country="UA", feature="city", place_name="Kyiv", **kw)  # type: ignore[arg-type]


def test_exact_hash_ignores_case_spacing_and_punctuation() -> None:
    one = fingerprint(STORY)
    two = fingerprint("  " + STORY.upper().replace(",", "").replace(" ", "\n  "))
    assert one.exact == two.exact
    assert fingerprint(OTHER).exact != one.exact


def test_minhash_similarity_tracks_overlap() -> None:
    same = fingerprint(STORY).signature
    edited = fingerprint(STORY.replace("Two people drowned", "Three people drowned")
                         + " Schools in the valley will stay shut on Friday.").signature
    assert similarity(same, same) == 1.0
    assert similarity(same, edited) >= 0.7
    assert similarity(same, fingerprint(OTHER).signature) < 0.2


def test_a_republished_body_with_small_edits_is_a_near_copy() -> None:
    finder = CopyFinder()
    republished = STORY.replace("Two people drowned", "Two men drowned") + \
        " This story first appeared in the Valley Courier."
    assert finder.add("courier", STORY).how == "first"
    match = finder.add("harbour", republished)
    assert (match.story, match.how) == ("courier", "near")
    assert finder.add("bank", OTHER).story == "bank"
    assert finder.add("courier-again", STORY.upper()).how == "exact"


def test_a_retelling_that_keeps_only_part_of_the_story_is_not_a_copy() -> None:
    finder = CopyFinder()
    finder.add("courier", STORY)
    sentences = STORY.split(". ")
    retold = ". ".join(sentences[:2] + ["Officials said the water would recede slowly"])
    assert finder.add("retold", retold).how == "first"


def test_group_copies_is_one_pass_over_a_stream() -> None:
    stream = [("a", STORY), ("b", OTHER), ("c", STORY + " Roads remain closed."), ("d", "Short.")]
    stories = {key: match.story for key, match in group_copies(stream)}
    assert stories == {"a": "a", "b": "b", "c": "a", "d": "d"}


def test_story_text_uses_event_sentences_not_furniture() -> None:
    record = {"doc": {"id": "x", "title": "Title"},
              "events": [{"sentence": "One."}, {"sentence": "One."}, {"sentence": "Two."}]}
    assert story_text(record) == "One.\nTwo."
    assert story_text({"doc": {"id": "y", "title": "Only a title"}, "events": []}) == \
        "Only a title"


def test_reports_of_one_strike_become_one_incident() -> None:
    reports = [
        report("a:e1", "wire", fatalities=19, attribution="Ukrainian officials"),
        report("b:e1", "paper", day=date(2022, 10, 3), end=date(2022, 10, 10),  # "last week"
               fatalities=14, attribution="reporter"),
        report("c:e2", "tv", targets=(UKR_MIL,), where=(50.40, 30.60)),        # 7 km away
    ]
    incidents = cluster(reports)
    assert [[r.event_id for r in i] for i in incidents] == [["a:e1", "b:e1", "c:e2"]]


def test_other_place_day_type_or_parties_make_other_incidents() -> None:
    base = report("a:e1", "wire")
    others = [report("b:e1", "paper", where=LVIV),                       # 470 km away
              report("c:e1", "tv", day=date(2022, 10, 20)),              # ten days later
              report("d:e1", "radio", type="PROTEST"),                   # another kind of act
              report("e:e1", "blog", sources=(Party("BLR", "GOV"),), targets=(Party("POL", "GOV"),))]
    incidents = cluster([base, *others])
    assert len(incidents) == 5


def test_sides_telling_who_did_it_differently_still_meet() -> None:
    one = report("a:e1", "kyiv-paper", sources=(RUS_MIL,), targets=(UKR_CVL,))
    other = report("b:e1", "moscow-paper", sources=(UKR_MIL,), targets=(UKR_CVL,))
    incidents = cluster([one, other])
    assert len(incidents) == 1
    assert "source" in summarize(incidents[0])["disagreements"]


def test_chains_of_drifting_reports_do_not_snowball() -> None:
    chain = [report(f"d{i}:e1", f"s{i}", where=(50.45, 30.52 + 0.5 * i)) for i in range(8)]
    incidents = cluster(chain)
    assert len(incidents) > 1
    assert max(len(i) for i in incidents) <= 3


def test_summary_keeps_the_range_and_who_said_what() -> None:
    reports = [report("a:e1", "wire", fatalities=19, attribution="Ukrainian officials",
                      outlet="Northgate Wire"),
               report("b:e1", "wire", fatalities=19, outlet="Northgate Wire"),
               report("c:e1", "paper", fatalities=12, attribution="the defence ministry",
                      outlet="Harbour Herald")]
    summary = summarize(reports)
    assert (summary["fatalities_min"], summary["fatalities_max"]) == (12, 19)
    assert summary["fatalities"] == 19
    said = {d["value"]: [r["attribution"] for r in d["reports"]]
            for d in summary["disagreements"]["fatalities"]}
    assert said == {19: ["Ukrainian officials", "reporter"], 12: ["the defence ministry"]}
    assert summary["independent_sources"] == 2 and summary["stories"] == 2
    assert summary["attributions"] == {"reporter": 1, "named": 1, "anonymous": 1}


def test_copies_of_one_wire_story_count_once() -> None:
    reports = [report(f"site{i}:e1", "wire-story") for i in range(5)]
    assert summarize(reports)["independent_sources"] == 1
    reports.append(report("own:e1", "own-story", outlet="Coastline Daily"))
    assert summarize(reports)["independent_sources"] == 2


def test_a_claim_nobody_else_asserts_is_flagged() -> None:
    claim = report("a:e1", "army-statement", status="claimed", attribution="the army")
    assert summarize([claim])["unconfirmed_claim"] is True
    seen = report("b:e1", "reporter-story", status="asserted")
    assert summarize([claim, seen])["unconfirmed_claim"] is False
    denial = report("c:e1", "other", status="denied", attribution="the ministry")
    assert summarize([claim, denial])["status"] == {"claimed": 1, "denied": 1}


def test_attribution_kinds() -> None:
    assert attribution_kind(None) == "reporter"
    assert attribution_kind("reporter") == "reporter"
    assert attribution_kind("a senior regional official") == "anonymous"
    assert attribution_kind("Ukrainian officials") == "anonymous"
    assert attribution_kind("two witnesses") == "anonymous"
    assert attribution_kind("Vladimir Putin") == "named"
    assert attribution_kind("the defence ministry") == "named"


def test_undated_reports_fall_back_to_publication_and_unknown_ones_stay_alone() -> None:
    dated = report("a:e1", "wire", day=date(2022, 10, 10))
    undated = Report(event_id="b:e1", story="paper", type="ASSAULT", published=date(2022, 10, 11),
                     sources=(RUS_MIL,), targets=(UKR_CVL,), lat=KYIV[0], lon=KYIV[1],
                     country="UA", feature="city")
    nothing = Report(event_id="c:e1", story="x", type="ASSAULT", sources=(RUS_MIL,))
    incidents = cluster([dated, undated, nothing])
    assert sorted(len(i) for i in incidents) == [1, 2]


def test_clustering_ten_thousand_reports_is_quick() -> None:
    reports = [report(f"d{i}:e{k}", f"s{i}", day=date(2020, 1, 1) + timedelta(days=3 * (i // 4)),
                      where=(40.0 + (i % 4) * 3, 30.0))
               for i in range(2500) for k in range(4)]
    started = time.perf_counter()
    incidents = cluster(reports)
    assert time.perf_counter() - started < 10
    assert len(incidents) == 2500


def test_content_words_tell_apart_acts_of_one_kind_day_and_target() -> None:
    ukraine = (Party("UKR", "GOV", "Ukraine"),)
    bridge = Report(event_id="a:e1", story="a", type="ACCUSE", start=date(2022, 10, 10),
                    end=date(2022, 10, 10), sources=(Party("RUS", "GOV", "Putin"),),
                    targets=ukraine, terms=sentence_terms(
                        "Putin accused Ukrainian special services of organising the Kerch bridge "
                        "explosion."))
    troops = Report(event_id="b:e1", story="b", type="ACCUSE", start=date(2022, 10, 10),
                    end=date(2022, 10, 10), sources=(Party("BLR", "GOV", "Lukashenko"),),
                    targets=ukraine, terms=sentence_terms(
                        "Lukashenko said Belarus would deploy a joint grouping of troops, accusing "
                        "Ukraine of preparing an attack."))
    retold = replace(bridge, event_id="c:e1", story="c", terms=sentence_terms(
        "Putin stated that Ukraine's special services organised the explosion on the Kerch "
        "bridge."))
    incidents = cluster([bridge, troops, retold])
    assert sorted(sorted(r.event_id for r in i) for i in incidents) == [
        ["a:e1", "c:e1"], ["b:e1"]]


def test_sentence_terms_drop_stop_and_reporting_words() -> None:
    assert sentence_terms("Officials said the strikes hit Kyiv, the spokesman told them.") == \
        {"strike", "hit", "kyiv"}


def test_a_copys_events_follow_the_earliest_published_copy() -> None:
    def event(doc: str, n: int, published: date, day: date, sentence: str) -> Report:
        return Report(event_id=f"{doc}:e{n}", story="wire", type="ASSAULT", start=day, end=day,
                      published=published, extra={"doc_id": doc, "sentence": sentence})
    later, first = date(2025, 6, 6), date(2017, 3, 15)
    reports = [event("gazette", 1, later, date(2025, 6, 3), "Troops attacked on Tuesday."),
               event("gazette", 2, later, date(2025, 6, 2), "An edited sentence on Monday."),
               event("wire", 1, first, date(2017, 3, 14), "Troops attacked on Tuesday.")]
    primary, repeats = split_copies(reports)
    assert [r.event_id for r in primary] == ["gazette:e2", "wire:e1"]
    assert [r.event_id for r in repeats["wire:e1"]] == ["gazette:e1"]
    edited = primary[0]
    assert (edited.start, edited.published) == (None, first)


def test_a_retold_sentence_meets_its_original_even_when_parties_were_read_apart() -> None:
    words = sentence_terms("Police detained dozens of protesters outside parliament in Yerevan.")
    one = report("a:e1", "wire", type="COERCE", sources=(Party("ARM", "COP"),), targets=(),
                 terms=words)
    other = replace(one, event_id="b:e1", story="paper", sources=(Party("AZE", "COP"),))
    assert len(cluster([one, other])) == 1
    later = replace(other, event_id="c:e1", start=date(2022, 10, 20), end=date(2022, 10, 20))
    assert len(cluster([one, later])) == 2


def test_a_retelling_dated_only_by_its_own_page_day_meets_its_original() -> None:
    """A retold sentence whose time words were missed takes its page's day, days after the
    act: most of the same words still join it to the original, other words do not, and a
    page more than a week later does not."""
    words = sentence_terms("Soldiers detained the president and party leaders in early "
                           "morning raids before parliament was due to sit.")
    original = report("a:e1", "wire", type="COERCE", day=date(2021, 2, 1),
                      targets=(Party("MMR", "GOV"),), terms=words)
    retold = replace(original, event_id="b:e1", story="paper", start=date(2021, 2, 4),
                     end=date(2021, 2, 4), published=date(2021, 2, 4))
    assert len(cluster([original, retold])) == 1
    other_words = replace(retold, event_id="c:e1", terms=sentence_terms(
        "Police raided the party's headquarters and seized computers."))
    assert len(cluster([original, other_words])) == 2
    too_late = replace(retold, event_id="d:e1", start=date(2021, 2, 12), end=date(2021, 2, 12),
                       published=date(2021, 2, 12))
    assert len(cluster([original, too_late])) == 2
    own_date = replace(retold, event_id="e:e1", published=date(2021, 2, 6))   # dated by its text
    assert len(cluster([original, own_date])) == 2


def test_a_copy_redated_by_its_new_page_joins_its_original() -> None:
    """A syndicated copy tells the sentence word for word but its new page dates it a year
    later: same story, type and words make it the same report of the same incident."""
    words = sentence_terms("Russian missiles hit a power station in Kyiv, killing three people.")
    original = report("a:e1", "story-1", day=date(2022, 10, 10), terms=words)
    copy = report("b:e1", "story-1", day=date(2023, 11, 2), terms=words)
    other_act = report("c:e1", "story-2", day=date(2023, 11, 2), where=(49.99, 36.23), terms=sentence_terms(
        "Artillery shelled a market in Kharkiv on Thursday, wounding six."))
    incidents = cluster([original, copy, other_act])
    assert sorted(len(members) for members in incidents) == [1, 2]
    assert [r.event_id for r in next(m for m in incidents if len(m) == 2)] == ["a:e1", "b:e1"]
