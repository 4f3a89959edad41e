"""Party resolution in the coder, on sentences written for these tests."""
from __future__ import annotations

import pytest

PAGE = "Monday, March 6, 2023\n\nTest report\n\n{body}\n"


def coded(code_text, body):
    record = code_text(PAGE.format(body=body))
    actors = {a["id"]: a for a in record["actors"]}
    codes = lambda ids: [(actors[i]["country"], actors[i]["sector"]) for i in ids]  # noqa: E731
    return record["events"], actors, codes


def _event(code_text, body: str, etype: str) -> tuple[dict, dict]:
    """The first event of a type in a one-paragraph page, and the page's actors by id."""
    events, actors, _ = coded(code_text, body)
    return next(e for e in events if e["type"] == etype), actors


def test_noun_strikes_by_two_sides_are_two_events(code_text):
    events, _, codes = coded(code_text, "French and British air strikes hit targets near Raqqa in Syria.")
    strikes = [e for e in events if e["type"] == "ASSAULT" and e.get("mode") == "aerial"]
    assert sorted(tuple(codes(e["source"])) for e in strikes) == [(("FRA", "MIL"),), (("GBR", "MIL"),)]


def test_joint_talks_keep_every_party_together(code_text):
    events, _, codes = coded(code_text, "Armenian-Azerbaijani talks resumed in Brussels on Sunday.")
    talks = next(e for e in events if e["type"] == "CONSULT")
    assert set(codes(talks["source"] + talks["target"])) >= {("ARM", "GOV"), ("AZE", "GOV")}


def test_a_definite_event_noun_as_subject_takes_the_earlier_doers(code_text):
    body = ("Israeli jets bombed Hamas positions in Gaza on Sunday. "
            "Many of the air strikes hit residential buildings, residents said.")
    events, _, codes = coded(code_text, body)
    second = [e for e in events if e["sentence"].startswith("Many")]
    assert second and codes(second[0]["source"]) == [("ISR", "MIL")]


def test_quantities_stand_for_what_they_count(code_text):
    events, _, codes = coded(code_text, "Hundreds of Nigerian soldiers attacked a Boko Haram camp in Borno.")
    attack = next(e for e in events if e["type"] == "ASSAULT")
    assert codes(attack["source"]) == [("NGA", "MIL")]


def test_he_follows_the_subject_through_a_paragraph(code_text):
    body = ("Kenyan President William Ruto travelled to Addis Ababa on Monday. "
            "Officials from the African Union greeted Ethiopian Prime Minister Abiy Ahmed. "
            "He later met Somali leaders in Mogadishu.")
    events, actors, _ = coded(code_text, body)
    met = next(e for e in events if e["sentence"].startswith("He later"))
    assert any(actors[i]["name"].endswith("Ruto") or actors[i]["name"].endswith("Abiy Ahmed")
               for i in met["source"])


def test_ground_named_by_its_holder_stands_for_the_holder(code_text):
    events, _, codes = coded(code_text, "Turkish drones struck Kurdish militant positions near Qamishli in Syria.")
    strike = next(e for e in events if e["type"] == "ASSAULT")
    assert codes(strike["source"]) == [("TUR", "MIL")]
    assert strike["target"], "the holders of the positions are the target"


def test_a_town_is_never_a_party(code_text):
    events, actors, _ = coded(code_text, "Lviv, Dnipro and Kharkiv were hit by Russian missiles on Monday.")
    names = {a["name"] for a in actors.values()}
    assert not names & {"Lviv", "Dnipro", "Kharkiv"}
    assert len([e for e in events if e["type"] == "ASSAULT"]) == 3     # one per place struck


def test_a_listed_group_named_like_a_person_is_the_group(code_text):
    events, _, codes = coded(code_text, "Boko Haram seized Gwoza in Borno state on Monday.")
    seize = next(e for e in events if e["type"] == "COERCE")
    assert codes(seize["source"]) == [("NGA", "INS")]
    assert seize["cameo"] == "192"                    # a named place taken, not property seized


def test_fighters_of_a_listed_group_are_the_group(code_text):
    events, _, codes = coded(code_text, "Al-Shabaab fighters attacked a military base near Mogadishu on Friday.")
    attack = next(e for e in events if e["type"] == "ASSAULT")
    assert codes(attack["source"]) == [("SOM", "INS")]


def test_the_talks_are_the_talks_already_reported(code_text):
    body = ("Serbian and Kosovar negotiators held talks in Brussels on Monday. "
            "The talks ended without agreement, officials said.")
    events, _, codes = coded(code_text, body)
    later = next(e for e in events if e["sentence"].startswith("The talks"))
    assert set(codes(later["source"] + later["target"])) == {("SRB", "GOV"), ("XKX", "GOV")}


def test_crowds_of_people_protest(code_text):
    events, _, codes = coded(code_text, "Thousands of people rallied in Tbilisi on Sunday against the law.")
    rally = next(e for e in events if e["type"] == "PROTEST")
    assert [s for _, s in codes(rally["source"])] == ["CVL"]


def test_sites_named_for_a_listed_group_are_the_groups(code_text):
    events, _, codes = coded(code_text, "Britain launched air strikes on Houthi military sites across Yemen.")
    strike = next(e for e in events if e["type"] == "ASSAULT")
    assert codes(strike["target"]) == [("YEM", "REB")]


def test_strikes_on_ground_the_text_says_a_group_holds_target_that_group(code_text):
    body = ("Al-Shabaab has strongholds in Jilib and Bu'aale. "
            "On Monday, American drones struck Jilib, the US military said.")
    events, _, codes = coded(code_text, body)
    strike = next(e for e in events if e["type"] == "ASSAULT")
    assert codes(strike["target"]) == [("SOM", "INS")]


def test_where_a_group_is_in_control(code_text):
    body = ("Most of the shells landed in Bakhmut, where Russian forces are in control, "
            "and Ukrainian artillery kept firing on Bakhmut.")
    events, _, codes = coded(code_text, body)
    firing = [e for e in events if e["type"] == "ASSAULT" and codes(e["source"]) == [("UKR", "MIL")]]
    assert firing and codes(firing[0]["target"]) == [("RUS", "MIL")]


def test_an_agreement_reached_at_talks_is_between_the_parties_of_the_talks(code_text):
    events, _, codes = coded(code_text, "A ceasefire agreement was reached at talks between Armenia and Azerbaijan in Brussels.")
    agreement = next(e for e in events if e["type"] == "AGREE")
    assert set(codes(agreement["source"])) == {("ARM", "GOV"), ("AZE", "GOV")}


def test_a_retelling_takes_whom_and_where_from_the_first_telling(code_text):
    body = ("Turkish President Recep Tayyip Erdogan made a visit to Tehran in May. "
            "Officials said Erdogan's trip was planned for months.")
    events, actors, _ = coded(code_text, body)
    trip = next(e for e in events if e["evidence"]["trigger"] == "trip")
    assert [actors[i]["country"] for i in trip["target"]] == ["IRN"]


def test_western_powers_are_a_group_of_governments(code_text):
    events, actors, codes = coded(code_text, "Western powers imposed sanctions on Belarus in June.")
    sanction = next(e for e in events if e["type"] == "SANCTION")
    assert codes(sanction["source"]) == [(None, "GOV")]
    assert actors[sanction["source"][0]]["name"] == "Western governments"


def test_ground_named_by_its_possessor_stands_for_the_possessor(code_text):
    events, _, codes = coded(code_text, "Ukrainian troops recaptured the Russian army's positions near Kupiansk.")
    taking = next(e for e in events if e["type"] == "COERCE")
    assert codes(taking["target"]) == [("RUS", "MIL")]


def test_ground_taken_by_rebels_is_taken_from_the_state(code_text):
    events, _, codes = coded(code_text, "Rebels seized the town of Kidal in northern Mali on Saturday.")
    taking = next(e for e in events if e["type"] == "COERCE")
    assert codes(taking["source"]) == [("MLI", "REB")]
    assert codes(taking["target"]) == [("MLI", "MIL")]


def test_ground_taken_from_a_named_party_keeps_that_party(code_text):
    events, _, codes = coded(code_text, "Rebels seized the Houthis' positions near Marib on Saturday.")
    taking = next(e for e in events if e["type"] == "COERCE")
    assert codes(taking["target"]) == [("YEM", "REB")]


def test_weapons_named_for_a_country_are_its_forces(code_text):
    events, _, codes = coded(code_text, "Russian missiles struck the centre of Kramatorsk on Sunday.")
    strike = next(e for e in events if e["type"] == "ASSAULT")
    assert codes(strike["source"]) == [("RUS", "MIL")]


def test_a_hyphenated_name_written_with_spaces_is_the_listed_person():
    """The parser splits "al-Assad" into three tokens; the name rebuilt from them still finds the person."""
    from dateline.resolve.actor_lexicon import load_actor_lexicon

    lex = load_actor_lexicon()
    assert lex.person("Bashar al Assad") == lex.person("Bashar al-Assad") is not None


def test_a_weapon_platform_acts_for_its_owner(code_text):
    events, actors, _ = coded(code_text,
                              "As France's jets bombed militants in Mali, its ships fired missiles at their bases.")
    fire = next(e for e in events if e["evidence"]["lemma"] == "fire")
    assert [(actors[i]["country"], actors[i]["sector"]) for i in fire["source"]] == [("FRA", "MIL")]


@pytest.mark.parametrize("sentence,etype,source,target", [
    ("Portugal will support Turkey's efforts to join the European Union.", "AGREE", "PRT", "TUR"),
    ("Hamas rejected the Egyptian proposal for a truce.", "REJECT", "PSE", "EGY"),
    ("The European Union provided 70 million dollars of aid for Romania.", "AID", None, "ROU"),
    ("Syria withdrew its troops from Lebanon.", "RETREAT", "SYR", "LBN"),
    ("The withdrawal of Russian troops from Georgia began on Monday.", "RETREAT", "RUS", "GEO"),
    ("Italy announced a suspension of air links with Serbia on Wednesday.", "SANCTION", "ITA", "SRB"),
    ("China condemned the Japanese prime minister's visit to the shrine.", "ACCUSE", "CHN", "JPN"),
])
def test_whom_an_act_is_done_to_when_the_object_is_theirs(code_text, sentence, etype, source, target):
    event, actors = _event(code_text, sentence, etype)
    if source:
        assert [actors[i]["country"] for i in event["source"]] == [source], event
    assert [actors[i]["country"] for i in event["target"]] == [target], event


def test_a_threat_is_against_the_parties_of_the_act_threatened(code_text):
    threat, actors = _event(code_text, "Iraq threatened to expel the UN inspectors.", "THREATEN")
    assert [actors[i]["sector"] for i in threat["target"]] == ["IGO"]


def test_demands_accepted_are_the_demanders(code_text):
    event, actors = _event(code_text, "The Mozambican government accepted demands from the rebels on Thursday.",
                           "CONCEDE")
    assert [actors[i]["sector"] for i in event["target"]] == ["REB"]


def test_a_list_of_three_states_meeting(code_text):
    event, actors = _event(code_text, "The US, Russia, and Switzerland met yesterday.", "CONSULT")
    assert sorted(actors[i]["country"] for i in event["source"] + event["target"]) == ["CHE", "RUS", "USA"]


@pytest.mark.parametrize("sentence,etype,target", [
    ("Ukraine ratified a sweeping agreement with the European Union on Tuesday.", "SUPPORT", "IGO"),
    ("Obama said he would not give permission to Russia to help Israel.", "REJECT", "RUS"),
    ("Evidence against Russia was presented by the United States.", "ACCUSE", "RUS"),
    ("Georgian demonstrators received assurances from the Georgian government.", "AGREE", "GEO"),
])
def test_the_other_party_of_an_act(code_text, sentence, etype, target):
    event, actors = _event(code_text, sentence, etype)
    assert target in [actors[i]["country"] or actors[i]["sector"] for i in event["target"]], event


def test_the_doer_of_a_passive_killing_is_the_strike_it_happened_in(code_text):
    event, actors = _event(code_text, "Three soldiers were killed in an Israeli air strike on Monday.", "ASSAULT")
    assert [(actors[i]["country"], actors[i]["sector"]) for i in event["source"]] == [("ISR", "MIL")]
    assert ("ISR", "MIL") not in [(actors[i]["country"], actors[i]["sector"]) for i in event["target"]]


def test_platforms_named_by_state_and_demonym_act_for_both(code_text):
    event, actors = _event(code_text, "The drones were shot down by U.S. and British warships, officials said.",
                           "ASSAULT")
    assert sorted(actors[i]["country"] for i in event["source"]) == ["GBR", "USA"]


def test_parties_acting_along_with_the_subject_are_sources_too(code_text):
    event, actors = _event(code_text, "Hezbollah fighters mobilised for the battle, along with Iraqi militias.",
                           "MOBILIZE")
    assert {actors[i]["country"] for i in event["source"]} == {"LBN", "IRQ"}
    event, actors = _event(code_text, "Kurdish fighters fought alongside the Iraqi army near Mosul.", "ASSAULT")
    assert "IRQ" in {actors[i]["country"] for i in event["source"]} and not event["target"]


def test_states_named_by_a_common_noun_have_no_single_country(code_text):
    event, actors = _event(code_text, "The United States and other nations called on Russia to stop the strikes.",
                           "REQUEST")
    assert {(actors[i]["country"], actors[i]["sector"]) for i in event["source"]} == \
        {(None, "GOV"), ("USA", "GOV")}
    event, actors = _event(code_text, "World powers urged Iran to resume talks.", "REQUEST")
    assert [actors[i]["country"] for i in event["source"]] == [None]
    assert [actors[i]["country"] for i in event["target"]] == ["IRN"]


def test_what_is_pledged_goes_to_its_recipient_in_one_event(code_text):
    record = code_text(PAGE.format(body="Japan promised aid to Haiti."))
    actors = {a["id"]: a for a in record["actors"]}
    assert [(e["type"], [actors[i]["country"] for i in e["target"]]) for e in record["events"]] == \
        [("AGREE", ["HTI"])]


def test_forces_a_state_mobilises_act_with_it(code_text):
    events, _, codes = coded(code_text, "Iran mobilised Shi'ite militias to fight in Syria.")
    event = next(e for e in events if e["type"] == "MOBILIZE")
    assert ("IRN", "GOV") in codes(event["source"]) and not event["target"]
    events, _, codes = coded(code_text, "Russia deployed troops to the border.")
    assert codes(next(e for e in events if e["type"] == "MOBILIZE")["source"]) == [("RUS", "MIL")]


def test_a_listed_group_is_no_town(code_text):
    record = code_text(PAGE.format(body="Hamas and Islamic Jihad fighters attacked the post."))
    assert not record["places"]
    actors = {a["id"]: a for a in record["actors"]}
    assert [actors[i]["name"] for i in record["events"][0]["source"]] == ["Hamas"]


def test_what_is_provided_or_pledged_goes_from_its_owner_to_its_recipient(code_text):
    events, _, codes = coded(code_text, "The deal included the provision of Russian weapons to the Syrian army.")
    event = next(e for e in events if e["evidence"]["lemma"] == "provision")
    assert codes(event["source"]) == [("RUS", "GOV")] and codes(event["target"]) == [("SYR", "MIL")]
    events, _, codes = coded(code_text, "Japan announced a pledge of aid to Haiti.")
    assert [(e["type"], codes(e["target"])) for e in events] == [("AGREE", [("HTI", "GOV")])]


def test_a_pronoun_follows_the_main_clause_subject_not_a_nested_one(code_text):
    body = ("General Tahir Rahimi led the offensive. He is credited with a plan that helped President Omar "
            "Farouk win the war. Party leaders called for him to run for president.")
    events, actors, _ = coded(code_text, body)
    request = next(e for e in events if e["type"] == "REQUEST")
    assert [actors[i]["name"] for i in request["target"]] == ["Tahir Rahimi"]


def test_operations_against_a_party_conducted_by_another(code_text):
    events, _, codes = coded(code_text, "The Iraqi army has been conducting operations against the insurgents.")
    event = next(e for e in events if e["type"] == "ASSAULT")
    assert codes(event["source"]) == [("IRQ", "MIL")] and codes(event["target"]) == [("IRQ", "REB")]


def test_forces_deployed_for_an_operation_do_not_make_the_operation(code_text):
    events, _, codes = coded(code_text, "The arrival of Iranian special forces for ground operations worried the rebels.")
    assert [e["type"] for e in events] == ["MOBILIZE"]
    events, _, codes = coded(code_text, "Hezbollah mobilised 3,000 fighters for the battle of Aleppo.")
    assert [(e["type"], codes(e["source"])) for e in events] == [("MOBILIZE", [("LBN", "MIL")])]


def test_events_counted_in_a_measure_keep_their_parties(code_text):
    events, _, codes = coded(code_text, "The deal followed several months of planning between Moscow and Tehran.")
    planning = next(e for e in events if e["evidence"]["lemma"] == "planning")
    assert planning["type"] == "CONSULT" and sorted(codes(planning["source"])) == [("IRN", "GOV"), ("RUS", "GOV")]


@pytest.mark.parametrize("sentence,code", [
    ("Tamil Tiger rebels attacked a naval base in the northeast.", ("LKA", "REB")),
    ("The Organization of African Unity urged the factions to negotiate.", (None, "IGO")),
    ("The Kosovo Liberation Army ambushed a police patrol.", ("SRB", "REB")),
])
def test_armed_groups_and_bodies_of_the_nineties(code_text, sentence, code):
    events, _, codes = coded(code_text, sentence)
    assert codes(events[0]["source"]) == [code]


def test_factions_and_inspectors_are_parties(code_text):
    events, _, codes = coded(code_text, "The African Union urged the warring factions in Somalia to negotiate.")
    assert codes(events[0]["target"]) == [("SOM", "UAF")]
    events, _, codes = coded(code_text, "Iraq barred weapons inspectors from the presidential palaces.")
    assert codes(events[0]["target"]) == [(None, "IGO")]


def test_a_resolution_demanding_speaks_for_its_authors_and_the_attacks_stay_their_doers(code_text):
    body = ("The United States launched air strikes on Houthi sites. The Security Council adopted a "
            "resolution demanding that the Houthis immediately stop the attacks.")
    events, actors, codes = coded(code_text, body)
    request = next(e for e in events if e["type"] == "REQUEST")
    assert codes(request["source"]) == [(None, "IGO")] and codes(request["target"]) == [("YEM", "REB")]
    attacks = [e for e in events if e["type"] == "ASSAULT" and e["evidence"]["lemma"] == "attack"]
    assert [codes(e["source"]) for e in attacks] == [[("YEM", "REB")]]


def test_unmarked_troops_take_the_country_of_forces_named_before_them(code_text):
    body = "In the biggest deployment of Iranian forces yet, hundreds of troops took part in a ground offensive."
    events, _, codes = coded(code_text, body)
    offensive = next(e for e in events if e["type"] == "ASSAULT")
    assert codes(offensive["source"]) == [("IRN", "MIL")]


def test_a_capital_named_as_a_partner_is_no_place_of_the_event(code_text):
    record = code_text(PAGE.format(body="Iran, a close ally of Damascus, sent weapons to the Syrian army."))
    places = {p["id"]: p for p in record["places"]}
    aid = next(e for e in record["events"] if e["type"] == "AID")
    assert aid["place"] is None or places[aid["place"]]["name"] != "Damascus"
    record = code_text(PAGE.format(body="Russian jets struck targets near Damascus on Monday."))
    places = {p["id"]: p for p in record["places"]}
    assert places[record["events"][0]["place"]]["name"] == "Damascus"


def test_who_is_ready_or_offers_and_to_whom(code_text):
    events, _, codes = coded(code_text, "France is ready to contribute troops to a peacekeeping force.")
    assert codes(events[0]["source"]) == [("FRA", "GOV")]
    events, _, codes = coded(code_text, "Libya has offered to hand over to Britain two of its nationals.")
    assert events[0]["type"] == "AGREE" and codes(events[0]["target"]) == [("GBR", "GOV")]


def test_leaders_of_a_body_belong_to_it(code_text):
    events, _, codes = coded(code_text, "Leaders of the rebels met the envoy in Nairobi.")
    assert [s for _, s in codes(events[0]["source"])] == ["REB"]


def test_force_used_to_disperse_a_crowd_targets_the_crowd(code_text):
    events, _, codes = coded(code_text, "Egyptian police opened fire to disperse demonstrators in Cairo.")
    assault = next(e for e in events if e["type"] == "ASSAULT")
    assert [s for _, s in codes(assault["target"])] == ["OPP"]


def test_an_ethnic_community_is_civilians_of_the_country_it_lives_in(code_text):
    events, _, codes = coded(code_text, "Serb forces killed three ethnic Albanians in southern Serbia.")
    assert codes(events[0]["target"]) == [("SRB", "CVL")]


def test_a_two_word_state_owning_a_body_gives_its_country(code_text):
    events, _, codes = coded(code_text, "The Ivory Coast's Supreme Court allowed the candidate to run in the elections.")
    assert codes(events[0]["source"]) == [("CIV", "JUD")]


def test_a_nationality_that_protests_is_its_people_and_a_state_that_protests_complains(code_text):
    events, _, codes = coded(code_text, "Albanians protested in Tirana against the new law.")
    assert events[0]["type"] == "PROTEST" and codes(events[0]["source"]) == [("ALB", "CVL")]
    events, _, codes = coded(code_text, "Russia protested against the decision.")
    assert events[0]["type"] == "ACCUSE" and codes(events[0]["source"]) == [("RUS", "GOV")]


def test_pro_and_anti_name_a_side_taken_not_a_nationality_or_body(code_text):
    events, _, codes = coded(code_text, "Pro-Russian separatists attacked Ukrainian positions near Donetsk.")
    assert codes(events[0]["source"]) == [("UKR", "REB")]
    events, _, codes = coded(code_text, "Pro-government groups rallied in Tehran on Friday.")
    assert ("IRN", "GOV") not in codes(events[0]["source"])


def test_actor_codes_follow_cameo_for_states_and_international_bodies(code_text):
    """spec/ontology.md 5.1: country + sector, and an international body's type as the prefix."""
    from dateline.records import Actor

    page = "Monday, March 6, 2023\n\nTest report\n\n{}\n"
    record = code_text(page.format("The United Nations urged Russian forces to leave the plant."))
    codes = {a["name"]: Actor(a["id"], a["name"], a["kind"], a["country"], a["sector"]).code
             for a in record["actors"]}
    assert "IGO" in codes.values() and "RUSMIL" in codes.values(), codes
    assert Actor("a1", "rebels", "group", None, "REB").code == "---REB"
