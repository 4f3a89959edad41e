"""Place recognition and resolution on sentences written for these tests."""
from __future__ import annotations

from dateline.records import AnnotatedArticle, Article, ParsedBlock, Place, Sentence
from dateline.resources import nlp
from dateline.resolve.place_mentions import bare_name, direction_of
from dateline.resolve.places import place_at, resolve_places, resolve_spans


def annotate(text: str) -> AnnotatedArticle:
    blocks, pos = [], 0
    for para in text.split("\n"):
        if para.strip():
            blocks.append((pos, pos + len(para)))
        pos += len(para) + 1
    parsed = [ParsedBlock(start, nlp()(text[start:end])) for start, end in blocks]
    sentences = []
    for b, block in enumerate(parsed):
        for sent in block.doc.sents:
            start = block.offset + sent.start_char
            sentences.append(Sentence(len(sentences), start, start + len(sent.text), sent.text, b))
    return AnnotatedArticle(Article("t", text, blocks), parsed, sentences)


def by_mention(places: list[Place], mention: str) -> list[Place]:
    return [p for p in places if p.mention == mention]


def test_palmyra_in_a_syria_story_is_tadmur() -> None:
    text = ("Syrian troops backed by Russian jets pushed towards Palmyra on Sunday. "
            "The army said it had cleared villages east of Homs and would press on to Palmyra.")
    places = resolve_places(annotate(text))
    palmyra = by_mention(places, "Palmyra")
    assert len(palmyra) == 1 and palmyra[0].country == "SY" and palmyra[0].geonameid == 163808
    assert len(palmyra[0].spans) == 2
    for start, end in palmyra[0].spans:
        assert text[start:end] == "Palmyra"


def test_palmyra_in_a_new_york_story_stays_in_the_us() -> None:
    text = ("Firefighters from Rochester and Syracuse helped in Palmyra, New York, "
            "after the barn fire in Wayne County.")
    places = resolve_places(annotate(text))
    palmyra = by_mention(places, "Palmyra")
    assert palmyra and palmyra[0].country == "US"


def test_tripoli_follows_the_country_context() -> None:
    lebanon = resolve_places(annotate(
        "Clashes broke out in Tripoli, Lebanon's second city, as troops deployed from Beirut."))
    libya = resolve_places(annotate(
        "Militias fought near the airport of Tripoli while the government in Benghazi "
        "appealed to Libya's neighbours."))
    assert by_mention(lebanon, "Tripoli")[0].country == "LB"
    assert by_mention(libya, "Tripoli")[0].country == "LY"


def test_jordan_is_the_country_and_georgia_follows_context() -> None:
    places = resolve_places(annotate("Refugees crossed from Syria into Jordan last week."))
    assert by_mention(places, "Jordan")[0].feature == "country"
    assert by_mention(places, "Jordan")[0].country == "JO"
    caucasus = resolve_places(annotate(
        "Russia moved troops to the border with Georgia, and officials in Tbilisi protested."))
    assert by_mention(caucasus, "Georgia")[0].country == "GE"
    south = resolve_places(annotate(
        "Voters in Atlanta and Savannah went to the polls as Georgia counted ballots "
        "alongside Alabama and Florida."))
    georgia = by_mention(south, "Georgia")[0]
    assert georgia.country == "US" and georgia.feature == "admin1"


def test_aleppo_city_versus_province() -> None:
    text = ("Shelling hit Aleppo on Monday. Rebels later advanced in Hama and Aleppo provinces, "
            "and fighting spread across Idlib province.")
    places = resolve_places(annotate(text))
    kinds = {p.feature for p in by_mention(places, "Aleppo")}
    assert kinds == {"city", "admin1"}
    idlib = by_mention(places, "Idlib")
    assert [p.feature for p in idlib] == ["admin1"]
    assert idlib[0].admin1_code == "SY.12"
    hama = by_mention(places, "Hama")
    assert hama and hama[0].feature == "admin1"


def test_demonyms_and_organisations_are_not_places() -> None:
    text = ("Iranian officials met Russian diplomats. The Islamic State claimed the attack, "
            "and the Supreme Court ruled on the case in Paris.")
    places = resolve_places(annotate(text))
    mentions = {p.mention for p in places}
    assert "Paris" in mentions
    assert not mentions & {"Iranian", "Russian", "Islamic State", "State", "Supreme Court"}


def test_water_and_compass_region_of_the_focus_country() -> None:
    text = ("Warships in the Caspian Sea fired missiles at targets in Syria. "
            "Most strikes hit the northwest, near Idlib, and Syria's northwest saw heavy fighting.")
    places = resolve_places(annotate(text))
    water = by_mention(places, "Caspian Sea")
    assert water and water[0].feature == "water"
    northwest = by_mention(places, "northwest")
    assert len(northwest) == 1 and northwest[0].feature == "region"
    assert northwest[0].country == "SY" and len(northwest[0].spans) == 2
    assert northwest[0].lat is not None and northwest[0].lat > 35.0
    assert northwest[0].lon is not None and northwest[0].lon < 38.0


def test_admin1_and_country_filled_for_cities() -> None:
    places = resolve_places(annotate("Protesters gathered in Damascus and Baghdad."))
    damascus = by_mention(places, "Damascus")[0]
    assert damascus.country == "SY" and damascus.admin1 and damascus.admin1_code == "SY.13"
    assert 0.0 < damascus.confidence <= 1.0


def test_place_at_returns_places_in_a_range_in_text_order() -> None:
    text = "Rebels seized Hama. Later, jets struck Homs and then Hama again."
    places = resolve_places(annotate(text))
    second = text.index("Later")
    inside = place_at(places, second, len(text))
    assert [p.mention for p in inside] == ["Homs", "Hama"]
    assert [p.mention for p in place_at(places, 0, second)] == ["Hama"]
    assert place_at(places, 0, 5) == []


def test_given_spans_resolve_with_their_cues() -> None:
    text = "Gunmen attacked villages in Benue State and near Makurdi, officials in Abuja said."
    annotated = annotate(text)
    spans = [(text.index("Benue State"), text.index("Benue State") + len("Benue State")),
             (text.index("Makurdi"), text.index("Makurdi") + len("Makurdi")),
             (0, 0)]
    benue, makurdi, empty = resolve_spans(annotated, spans)
    assert benue is not None and benue.feature == "admin1" and benue.country == "NG"
    assert makurdi is not None and makurdi.country == "NG" and makurdi.feature == "city"
    assert empty is None


def test_part_names_only_for_given_spans() -> None:
    text = "She studied at the University of California before moving to Denver."
    annotated = annotate(text)
    start = text.index("University")
    end = start + len("University of California")
    given = resolve_spans(annotated, [(start, end)])[0]
    assert given is not None and given.admin1_code == "US.CA"
    recognised = {p.mention for p in resolve_places(annotated)}
    assert "Denver" in recognised and "University of California" not in recognised


def test_bare_name_and_compass_words() -> None:
    assert bare_name("Benue State") == ("Benue", True)
    assert bare_name("the Caspian Sea") == ("Caspian Sea", False)
    assert bare_name("Licking County") == ("Licking County", False)
    assert direction_of("northwestern") == "northwest"
    assert direction_of("South") == "south"
    assert direction_of("western") == "west"
    assert direction_of("northern-most") is None
    assert direction_of("Syria") is None


def test_misspelt_entity_resolves_by_near_spelling() -> None:
    text = "Officials met in Dmascus on Friday to discuss the ceasefire."
    places = resolve_places(annotate(text))
    assert [(p.mention, p.geonameid) for p in places] == [("Dmascus", 170654)]


def test_names_ending_in_an_admin_word_stay_whole() -> None:
    text = "Trade talks between the United States and China stalled, while Benue State stayed calm."
    places = resolve_places(annotate(text))
    us = by_mention(places, "United States")
    assert us and us[0].country == "US" and us[0].feature == "country"
    assert us[0].spans == [(text.index("United States"), text.index("United States") + 13)]


def test_kind_words_rescue_mislabelled_small_towns() -> None:
    text = "A London-based monitor said fighting raged in the town of Maarat al-Numan and north of Hama."
    places = resolve_places(annotate(text))
    town = by_mention(places, "Maarat al-Numan")
    assert town and town[0].country == "SY" and town[0].feature == "city"
    assert by_mention(places, "London")[0].country == "GB"
    assert by_mention(places, "Hama")[0].country == "SY"


def test_outlying_variant_matches_are_dropped() -> None:
    text = ("Hamas released hostages in Gaza as Israel paused strikes. "
            "Mediators in Qatar and Egypt said the truce would hold.")
    places = resolve_places(annotate(text))
    assert all(p.country != "DE" for p in places)
    assert by_mention(places, "Gaza")[0].country == "PS"


def test_sea_versus_state_of_the_same_name() -> None:
    sea = resolve_places(annotate(
        "Houthi forces in Yemen attacked ships in the Red Sea, and Saudi Arabia raised its alert."))
    assert [p.feature for p in by_mention(sea, "Red Sea")] == ["water"]
    state = resolve_places(annotate(
        "Floods hit Port Sudan and other towns of Red Sea state, Sudanese officials said."))
    red_sea_state = by_mention(state, "Red Sea")
    assert red_sea_state and red_sea_state[0].feature == "admin1" and red_sea_state[0].country == "SD"


def test_no_body_or_no_places_gives_nothing() -> None:
    empty = AnnotatedArticle(Article("e", "", []), [], [])
    assert resolve_places(empty) == []
    assert resolve_places(annotate("The committee met on Tuesday and agreed to meet again.")) == []


def test_towns_the_model_mislabels_are_kept_by_their_context() -> None:
    for text, name, country in [
            ("Fighting was reported in Omdurman on Tuesday, officials said.", "Omdurman", "SD"),
            ("Fighting was reported in Timbuktu on Tuesday, officials said.", "Timbuktu", "ML"),
            ("Residents fled Kramatorsk as shelling intensified.", "Kramatorsk", "UA")]:
        found = by_mention(resolve_places(annotate(text)), name)
        assert found and found[0].country == country, text
    assert not resolve_places(annotate("Kurdish and Iranian officials met."))
