"""Words of the trigger lexicon beyond the PLOVER starter lists (data/triggers.tsv), each on a
sentence written for this file in the style of the CAMEO codebook's examples: the first event
of the sentence must be of the type the CAMEO category of the word maps to in spec/ontology.md."""
from __future__ import annotations

import pytest

PAGE = "Monday, March 6, 2023\n\nTest report\n\n{body}\n"


def types_of(code_text, sentence: str) -> list[tuple[str, str | None]]:
    return [(e["type"], e.get("mode")) for e in code_text(PAGE.format(body=sentence))["events"]]


@pytest.mark.parametrize("sentence,expected", [
    # CONSULT
    ("The envoy briefed the Security Council on the situation in Darfur.", ("CONSULT", None)),
    ("The president greeted the Pope at the airport.", ("CONSULT", "visit")),
    ("The two ministers spoke by telephone on Sunday.", ("CONSULT", "phone")),
    # SUPPORT
    ("The president saluted the courage of the peacekeepers.", ("SUPPORT", None)),
    ("The council complimented the mediators on their efforts.", ("SUPPORT", None)),
    # COOPERATE
    ("Police in the two countries worked together to dismantle the smuggling ring.", ("COOPERATE", None)),
    # AID
    ("Doctors Without Borders treated wounded civilians in Aden.", ("AID", None)),
    ("The UN refugee agency distributed blankets and tents to the displaced.", ("AID", None)),
    ("Helicopters evacuated the injured to hospitals in the capital.", ("AID", None)),
    # CONCEDE
    ("The government scrapped the controversial law after weeks of demonstrations.", ("CONCEDE", None)),
    ("The junta revoked the ban on political parties.", ("CONCEDE", None)),
    ("The parliament repealed the emergency laws.", ("CONCEDE", None)),
    ("The president abolished the death penalty.", ("CONCEDE", None)),
    ("The rebels gave up their claim to the oil fields.", ("CONCEDE", None)),
    # RETREAT
    ("The minister quit on Friday.", ("RETREAT", "resign")),
    ("The general quit his post after the defeat.", ("RETREAT", "resign")),
    ("Rebels handed back the captured town to the army.", ("RETREAT", "withdraw")),
    ("The militia handed back twelve hostages.", ("RETREAT", "release")),
    ("The militia gave up its weapons under the peace deal.", ("RETREAT", "disarm")),
    # ACCUSE
    ("Police are looking into the death of the journalist.", ("ACCUSE", "investigate")),
    ("Prosecutors questioned the former minister about the bribes.", ("ACCUSE", "investigate")),
    ("Investigators interrogated the suspects for two days.", ("ACCUSE", "investigate")),
    ("Several senators questioned the legality of the strikes.", ("ACCUSE", "disapprove")),
    ("The minister assailed the opposition for spreading lies.", ("ACCUSE", "disapprove")),
    ("The government branded the rebels terrorists.", ("ACCUSE", "allege")),
    ("The opposition leader hit out at the government over corruption.", ("ACCUSE", "disapprove")),
    ("Iran ridiculed the American proposal.", ("ACCUSE", "disapprove")),
    ("Washington rapped Beijing for its human rights record.", ("ACCUSE", "disapprove")),
    ("Moscow filed a complaint with the United Nations.", ("ACCUSE", "disapprove")),
    ("Greece protested to Turkey over the violation of its airspace.", ("ACCUSE", "disapprove")),
    # SANCTION
    ("The court found the former president guilty of corruption.", ("SANCTION", "convict")),
    ("The regulator fined the company for price fixing.", ("SANCTION", "convict")),
    ("The European Union penalised Belarus for the crackdown.", ("SANCTION", None)),
    # REJECT
    ("Israel repudiated the report as biased.", ("REJECT", None)),
    ("The rebels brushed aside calls for a ceasefire.", ("REJECT", None)),
    ("The rebels balked at the terms of the peace deal.", ("REJECT", None)),
    # THREATEN
    ("Washington cautioned Damascus against interfering in Lebanon.", ("THREATEN", None)),
    # PROTEST
    ("Protesters converged on the parliament building.", ("PROTEST", "demo")),
    ("Workers downed tools at the car factory.", ("PROTEST", "strike")),
    # MOBILIZE
    ("Iraq amassed troops on the Kuwaiti border.", ("MOBILIZE", "troops")),
    ("The Iraqi army bolstered its presence along the frontier.", ("MOBILIZE", "troops")),
    # COERCE
    ("Police took the opposition leader into custody.", ("COERCE", "arrest")),
    ("The authorities jammed foreign radio broadcasts.", ("COERCE", "censor")),
    ("The government nationalised the foreign oil companies.", ("COERCE", "seize")),
    ("Police harassed journalists covering the trial.", ("COERCE", "restrict")),
    # ASSAULT
    ("Fighter jets strafed rebel positions near the border.", ("ASSAULT", "aerial")),
    ("Gunmen mowed down worshippers at a mosque.", ("ASSAULT", "firearms")),
    ("A landmine maimed three children near the village.", ("ASSAULT", None)),
    ("Government troops launched a counterattack against the rebels.", ("ASSAULT", None)),
    ("The militants answered with rocket fire on Israeli towns.", ("ASSAULT", "heavy-weapons")),
    # AGREE
    ("The rebels proposed a ceasefire to the government.", ("AGREE", None)),
    ("Egypt volunteered to host the peace conference.", ("AGREE", None)),
])
def test_the_first_event_is_of_the_words_category(code_text, sentence, expected):
    found = types_of(code_text, sentence)
    assert found and found[0] == expected, found


@pytest.mark.parametrize("sentence,absent", [
    ("The spokesman briefed reporters in Geneva on Monday.", "CONSULT"),
    ("The president greeted the news with relief.", "CONSULT"),
    ("The minister resigned in protest at the cuts.", "PROTEST"),
    ("Helicopters evacuated the wounded to hospitals in the capital.", "ASSAULT"),
])
def test_what_the_words_do_not_make(code_text, sentence, absent):
    assert absent not in [t for t, _ in types_of(code_text, sentence)]


def test_a_verb_the_lemmatizer_left_inflected_is_still_found(code_text):
    # spaCy's small model reads "petitioned" as its own lemma; the regular ending is taken off
    assert ("REQUEST", None) in types_of(code_text, "Villagers petitioned the governor for a new school.")


@pytest.mark.parametrize("sentence,expected", [
    ("NATO suspended meetings of the NATO-Russia Council over the conflict.", ("SANCTION", "discontinue")),
    ("The parliament voted to impeach the president for abuse of power.", ("ACCUSE", "allege")),
    ("The army overthrew the elected president on Wednesday.", ("COERCE", None)),
    ("Thousands of protesters occupied the prime minister's compound in Bangkok.", ("PROTEST", "obstruct")),
    ("Opposition supporters clashed with police in Santa Cruz.", ("PROTEST", "riot")),
    ("The United States is providing military intelligence to the Colombian army.", ("COOPERATE", None)),
    ("Jordan and Israel exchanged intelligence on the militants.", ("COOPERATE", None)),
])
def test_who_acts_and_on_what_decides_the_category(code_text, sentence, expected):
    found = types_of(code_text, sentence)
    assert found and found[0] == expected, found


@pytest.mark.parametrize("sentence,expected", [
    # what a statement or a resolution does is the act reported
    ("The Foreign Ministry issued a statement condemning the attack.", ("ACCUSE", "disapprove")),
    ("The Security Council adopted a resolution endorsing the peace plan.", ("SUPPORT", None)),
    # an offer or a decision named only as what is rejected or criticised is background
    ("The offer was rejected by the rebels.", ("REJECT", None)),
    ("The decision was widely criticised by human rights groups.", ("ACCUSE", "disapprove")),
    # a verb the parser hung on a noun as an adjective, but with a subject of its own
    ("Witnesses say the army tortured prisoners in the camp.", ("ASSAULT", "torture")),
    ("Israel has sealed off the West Bank and the Gaza Strip.", ("COERCE", "restrict")),
    ("The two sides are expected to sign a peace agreement next week.", ("AGREE", None)),
])
def test_the_act_a_sentence_reports_comes_first(code_text, sentence, expected):
    found = types_of(code_text, sentence)
    assert found and found[0] == expected, found


@pytest.mark.parametrize("sentence,expected", [
    ("Rebels in Sierra Leone handed over 200 child soldiers to UN officials.", ("RETREAT", "release")),
    ("Indonesian students occupied the parliament building in Jakarta.", ("PROTEST", "obstruct")),
])
def test_captives_handed_over_and_students_occupying(code_text, sentence, expected):
    found = types_of(code_text, sentence)
    assert found and found[0] == expected, found


def test_fighting_a_problem_is_no_violence(code_text):
    found = types_of(code_text, "Thailand and Burma agreed to cooperate in fighting drug trafficking.")
    assert "ASSAULT" not in [t for t, _ in found] and found[0][0] == "AGREE", found


@pytest.mark.parametrize("sentence,expected", [
    ("The government solicited bids from foreign firms to rebuild the port.", "REQUEST"),
    ("The mothers entreated the soldiers to spare their sons.", "REQUEST"),
    ("Villagers clamoured for protection from the militias.", "REQUEST"),
    ("The president instructed the army to withdraw from the capital.", "REQUEST"),
    ("Washington assured Seoul that it would defend South Korea.", "AGREE"),
    ("The Norwegian foreign minister chaired the donors' meeting in Oslo.", "CONSULT"),
    ("The president dined with the visiting Saudi king on Tuesday.", "CONSULT"),
    ("Mediators huddled with rebel leaders in Addis Ababa.", "CONSULT"),
    ("The president honoured the peacekeepers at a ceremony in Accra.", "SUPPORT"),
    ("Sweden has championed the rights of refugees at the United Nations.", "SUPPORT"),
    ("Moscow sided with Damascus in the dispute.", "SUPPORT"),
    ("The opposition embraced the peace plan.", "SUPPORT"),
    ("The president paid tribute to the peacekeepers killed in Mali.", "SUPPORT"),
    ("The Kurdish factions allied with the government against the insurgents.", "COOPERATE"),
    ("The Gulf states pooled their resources.", "COOPERATE"),
    ("The World Food Programme fed two million refugees in Darfur.", "AID"),
    ("Japan rebuilt schools and hospitals in the province.", "AID"),
    ("French troops escorted the aid convoy to the besieged town.", "AID"),
    ("Norway resettled 500 refugees from the camps.", "AID"),
    ("The Paris Club wrote off Iraq's debts.", "AID"),
    ("The European Union bailed out the Greek banks.", "AID"),
    ("UN peacekeepers protected civilians in the camp.", "AID"),
    ("The king abdicated in favour of his son.", "RETREAT"),
    ("The government reinstated the dismissed judges.", "CONCEDE"),
    ("The authorities unblocked access to the website.", "CONCEDE"),
    ("Thailand waived visa requirements for Chinese tourists.", "CONCEDE"),
    ("The governor commuted the death sentences of the prisoners.", "CONCEDE"),
    ("The court exonerated the opposition leader.", "CONCEDE"),
    ("The junta legalised the opposition party.", "CONCEDE"),
    ("The government reversed its decision to close the border.", "CONCEDE"),
    ("The government gave in to the strikers' demands.", "CONCEDE"),
    ("Auditors audited the accounts of the ministry.", "ACCUSE"),
    ("A parliamentary committee will inquire into the sale of the state company.", "ACCUSE"),
    ("The newspaper excoriated the minister for his remarks.", "ACCUSE"),
    ("The opposition challenged the election results in court.", "ACCUSE"),
    ("Three generals were tried for war crimes in Belgrade.", "ACCUSE"),
    ("Prosecutors brought charges against the former mayor.", "ACCUSE"),
    ("The president insulted the journalists at a news conference.", "ACCUSE"),
    ("The army disputed the death toll given by the rebels.", "REJECT"),
    ("Donors shunned the conference.", "REJECT"),
    ("The rebels reneged on the peace deal.", "REJECT"),
    ("Hardliners scuttled the talks.", "REJECT"),
    ("The ministry refuted the allegations of torture.", "REJECT"),
    ("Both sides breached the ceasefire agreement.", "REJECT"),
    ("Militiamen intimidated voters outside polling stations.", "THREATEN"),
    ("Students heckled the minister during his speech.", "PROTEST"),
    ("Farmers agitated for higher crop prices.", "PROTEST"),
    ("Rioters vandalised shops in the city centre.", "PROTEST"),
    ("Warships patrolled the Strait of Hormuz.", "MOBILIZE"),
    ("The army fortified its positions along the border.", "MOBILIZE"),
    ("Russia positioned missiles near the frontier.", "MOBILIZE"),
    ("The donors curtailed aid to the government.", "SANCTION"),
    ("Washington terminated the defence cooperation agreement with Manila.", "SANCTION"),
    ("The European Union withheld aid payments to the government.", "SANCTION"),
    ("The Group of Eight excluded Russia from its meetings.", "SANCTION"),
    ("Police nabbed the suspected smugglers at the border.", "COERCE"),
    ("The regime purged dozens of officers from the army.", "COERCE"),
    ("The government curtailed press freedoms.", "COERCE"),
    ("Snipers sniped at civilians crossing the bridge.", "ASSAULT"),
    ("Militiamen bludgeoned three villagers to death.", "ASSAULT"),
    ("Youths stoned police cars in the town.", "ASSAULT"),
    ("Saboteurs sabotaged the oil pipeline.", "ASSAULT"),
    ("Government troops repelled the rebel attack.", "ASSAULT"),
    ("The army routed the rebels in the hills.", "ASSAULT"),
    ("Government forces defeated the rebels in a battle for the town.", "ASSAULT"),
    ("Soldiers plundered the villages.", "COERCE"),
])
def test_more_words_of_the_cameo_categories(code_text, sentence, expected):
    found = types_of(code_text, sentence)
    assert found and found[0][0] == expected, found


def test_a_deadline_to_act_is_an_ultimatum_not_the_act(code_text):
    found = types_of(code_text, "The army gave the rebels 48 hours to surrender.")
    assert found == [("THREATEN", None)], found
    found = types_of(code_text, "ECOWAS imposed sanctions on Niger and gave the coup leaders one week to reinstate Bazoum.")
    assert "CONCEDE" not in [t for t, _ in found] and "THREATEN" in [t for t, _ in found], found


def test_a_day_of_protest_to_demand_is_no_deadline(code_text):
    found = types_of(code_text, "Thousands marched in Yangon for a sixth straight day to demand the release of the ousted leader.")
    assert "PROTEST" in [t for t, _ in found] and "RETREAT" not in [t for t, _ in found], found


@pytest.mark.parametrize("sentence,absent", [
    ("The bloc said it would use force if its demand was not met.", "CONSULT"),
    ("Under the deal, the rebels will free 50 hostages.", "AGREE"),
])
def test_frames_and_compliance_are_no_acts_of_their_own(code_text, sentence, absent):
    assert absent not in [t for t, _ in types_of(code_text, sentence)]


def test_house_arrest_is_still_an_arrest(code_text):
    assert types_of(code_text, "The opposition leader was placed under house arrest.")[0][0] == "COERCE"


def test_weapons_and_equipment_handed_over_are_a_disarmament(code_text):
    found = types_of(code_text, "The militia handed over its weapons and heavy equipment to the army.")
    assert found and found[0] == ("RETREAT", "disarm"), found


@pytest.mark.parametrize("sentence,expected", [
    ("Israel has not ruled out military action against Iran's nuclear sites.", ("THREATEN", "violence")),
    ("The government said it had no intention of negotiating with the rebels.", ("REJECT", "meet")),
    ("Iran said it was open to talks with the United States.", ("AGREE", None)),
    ("The militants vowed to retaliate for the air strikes.", ("THREATEN", "violence")),
    ("The Pope's call for a ceasefire went unheeded.", ("REQUEST", None)),
    ("The foreign ministers exchanged views on the crisis in Kosovo.", ("CONSULT", None)),
    ("The union called off the strike after the government raised wages.", ("CONCEDE", None)),
    ("The rebels called off their offensive on the capital.", ("CONCEDE", None)),
    ("The opposition called off the talks with the government.", ("REJECT", "meet")),
    ("The opposition suspended its protests ahead of the talks.", ("CONCEDE", None)),
    ("The kidnappers let the hostages go on Friday.", ("RETREAT", "release")),
    ("Russia banned imports of Georgian wine.", ("SANCTION", "discontinue")),
    ("The European Union imposed a travel ban on the country's leaders.", ("SANCTION", "discontinue")),
    ("A bomb blast ripped through a market in Peshawar.", ("ASSAULT", "explosives")),
])
def test_clauses_that_turn_the_act(code_text, sentence, expected):
    found = types_of(code_text, sentence)
    assert found and found[0] == expected, found


def test_ruling_out_force_is_no_threat(code_text):
    assert "THREATEN" not in [t for t, _ in types_of(code_text, "The president ruled out military action.")]


@pytest.mark.parametrize("sentence,expected", [
    ("Following the collapse of the talks, the rebels threatened to resume attacks on the capital.", "THREATEN"),
    ("After three days of talks in Geneva, the two sides agreed to a prisoner exchange.", "AGREE"),
    ("In the wake of the bombing, the government accused the rebels of targeting civilians.", "ACCUSE"),
    ("After the protests, police arrested more than 200 people.", "COERCE"),
    ("Despite the fighting, envoys of the two governments met in Nairobi on Sunday.", "CONSULT"),
    ("Hours after the ceasefire took effect, rebels attacked an army post near the border.", "ASSAULT"),
    ("As part of the peace deal, the army withdrew from three towns in the north.", "RETREAT"),
    ("Speaking after the talks, the minister criticised the rebels for their intransigence.", "ACCUSE"),
])
def test_acts_in_a_fronted_setting_are_background(code_text, sentence, expected):
    assert [t for t, _ in types_of(code_text, sentence)][:1] == [expected]


def test_an_act_after_the_main_verb_is_kept(code_text):
    found = [t for t, _ in types_of(code_text, "Police arrested more than 200 people after the protests.")]
    assert found == ["COERCE", "PROTEST"], found


@pytest.mark.parametrize("sentence,expected", [
    ("The opposition called for the minister to resign.", ["REQUEST"]),
    ("He rose to prominence during the war on Islamic State.", []),
    ("She has led the party since the civil war.", []),
    ("Soldiers were killed during clashes with the rebels.", ["ASSAULT"]),
    ("He is at the heart of planning for the new offensive.", []),
])
def test_what_a_sentence_names_only_as_its_time_or_plan(code_text, sentence, expected):
    assert [t for t, _ in types_of(code_text, sentence)] == expected


@pytest.mark.parametrize("sentence,expected", [
    ("The defence minister refused to rule out a military strike on the nuclear sites.", ("THREATEN", "violence")),
    ("Zimbabwe's opposition pulled out of the power-sharing talks.", ("REJECT", "meet")),
    ("Russia pulled out of the arms control treaty.", ("SANCTION", "withdraw")),
    ("Russian troops pulled out of Gori on Friday.", ("RETREAT", "withdraw")),
    ("The rebels withdrew from the peace talks in Geneva.", ("REJECT", "meet")),
    ("Russia suspended its participation in the treaty.", ("SANCTION", "withdraw")),
    ("The United States began flying humanitarian aid to Georgia.", ("AID", None)),
    ("Russian troops set up checkpoints on the road to Tbilisi.", ("COERCE", "restrict")),
    ("The new government restored the deposed judges.", ("CONCEDE", None)),
    ("Both sides used cluster bombs against civilians.", ("ASSAULT", None)),
])
def test_what_is_left_excluded_or_pulled_out_of(code_text, sentence, expected):
    found = types_of(code_text, sentence)
    assert found and found[0] == expected, found


def test_a_withdrawal_under_an_accord_is_still_a_withdrawal(code_text):
    found = types_of(code_text, "Syrian troops began pulling out of Beirut under the 1989 Taif accord.")
    assert found and found[0] == ("RETREAT", "withdraw"), found


@pytest.mark.parametrize("sentence,expected", [
    ("The United Nations called upon Iraq to comply with the resolutions.", ("REQUEST", None)),
    ("Russia blocked a UN resolution condemning the crackdown.", ("REJECT", None)),
    ("Belgrade would not allow NATO troops into Kosovo.", ("REJECT", "yield")),
    ("Hamas vowed to continue its armed struggle against Israel.", ("THREATEN", "violence")),
    ("The rebels said they hoped to sign a peace deal soon.", ("AGREE", None)),
    ("The rebels signalled their readiness to negotiate.", ("AGREE", None)),
])
def test_more_clauses_that_turn_the_act(code_text, sentence, expected):
    found = types_of(code_text, sentence)
    assert found and found[0] == expected, found


@pytest.mark.parametrize("sentence,expected", [
    ("The government stood by its decision to send troops.", "SUPPORT"),
    ("France sold fighter jets to India.", "AID"),
    ("Iraq admitted UN inspectors to the site.", "RETREAT"),
    ("The warring parties ceased fire at midnight.", "RETREAT"),
    ("The family took the police to court over the killing.", "ACCUSE"),
    ("The rebels broke off talks with the government.", "SANCTION"),
    ("The militants used civilians as human shields.", "ASSAULT"),
    ("The authorities seized the passports of the journalists.", "COERCE"),
    ("The UN deployed peacekeepers to the border region.", "AID"),
    ("The World Bank froze loans to the country.", "SANCTION"),
])
def test_words_of_the_cameo_subcategories(code_text, sentence, expected):
    found = types_of(code_text, sentence)
    assert found and found[0][0] == expected, found


@pytest.mark.parametrize("sentence,expected", [
    ("Azerbaijan began what it called anti-terrorist measures in Karabakh.", []),
    ("Iran condemned the sanctions on Tuesday.", ["ACCUSE"]),
    ("Ukrainian officials rejected the accusation.", ["REJECT"]),
    ("Netanyahu said the war will resume when the pause ends.", ["THREATEN"]),
    ("A Houthi official said the group's attacks on shipping would continue.", ["THREATEN"]),
])
def test_what_is_named_reacted_to_or_said_to_go_on(code_text, sentence, expected):
    assert [t for t, _ in types_of(code_text, sentence)] == expected


def test_a_war_as_the_object_of_a_plain_verb_is_the_war_as_a_whole(code_text):
    found = types_of(code_text, "The intervention has reshaped the Syrian war and forged a new alliance.")
    assert "ASSAULT" not in [t for t, _ in found], found


@pytest.mark.parametrize("sentence,absent", [
    ("Shipping companies have diverted dozens of vessels since the attacks began in November.", "ASSAULT"),
    ("Since the war began, two million people have fled.", "ASSAULT"),
    ("Hamas said Israel had not kept to the terms of the deal.", "AGREE"),
])
def test_a_beginning_as_a_date_and_the_terms_of_a_deal_are_no_acts(code_text, sentence, absent):
    assert absent not in [t for t, _ in types_of(code_text, sentence)]


def test_an_attack_that_began_is_still_reported_when_it_is_the_news(code_text):
    assert "ASSAULT" in [t for t, _ in types_of(code_text, "The attack began at dawn, police said.")]


@pytest.mark.parametrize("sentence,expected", [
    ("Both sides have accused each other of breaking previous ceasefires.", ["ACCUSE", "ASSAULT"]),
    ("Government troops defended the town against the rebels.", ["ASSAULT"]),
])
def test_broken_truces_and_defended_ground(code_text, sentence, expected):
    assert [t for t, _ in types_of(code_text, sentence)] == expected


def test_crowds_gathering_to_welcome_do_not_protest(code_text):
    assert "PROTEST" not in [t for t, _ in types_of(code_text, "Crowds gathered in the square to welcome the freed prisoners.")]


def test_a_reflexive_object_is_no_other_party(code_text):
    record = code_text(PAGE.format(body="The militia said its fighters were defending themselves against army attacks."))
    defend = next(e for e in record["events"] if e["evidence"]["lemma"] == "defend")
    actors = {a["id"]: a for a in record["actors"]}
    assert not set(defend["source"]) & set(defend["target"])
    assert all(actors[i]["sector"] != "UAF" for i in defend["target"])


def test_acts_that_support_other_acts_are_no_diplomatic_support(code_text):
    found = [t for t, _ in types_of(code_text, "Russian air strikes will support ground operations by Iranian forces.")]
    assert "AGREE" not in found and "SUPPORT" not in found and found[0] == "ASSAULT", found


def test_hit_with_sanctions_is_a_sanction_and_a_missile_hit_an_assault(code_text):
    assert types_of(code_text, "Washington hit Moscow with new sanctions.")[0][0] == "SANCTION"
    assert types_of(code_text, "A missile hit a hospital in Kharkiv.")[0][0] == "ASSAULT"


@pytest.mark.parametrize("sentence,expected", [
    ("The Pentagon delivered Patriot missiles to Ukraine.", ["AID"]),
    ("Qatar paid the salaries of Gaza civil servants.", ["AID"]),
    ("The EU approved a 5 billion euro aid package for Ukraine.", ["AID"]),
    ("Jordan has taken in more than a million Syrian refugees.", ["AID"]),
    ("The military government freed the opposition leader from house arrest.", ["RETREAT"]),
    ("The government agreed to the protesters' demands.", ["CONCEDE"]),
    ("The junta dropped its plan to extend military rule.", ["CONCEDE"]),
])
def test_aid_given_and_demands_met(code_text, sentence, expected):
    assert [t for t, _ in types_of(code_text, sentence)] == expected


def test_an_inquiry_opened_is_an_act_not_a_topic(code_text):
    assert types_of(code_text, "An inquiry into the killings was opened on Monday.")[0] == ("ACCUSE", "investigate")


def test_a_postponed_protest_is_conceded_and_postponed_talks_refused(code_text):
    assert types_of(code_text, "The union postponed the strike.")[0][0] == "CONCEDE"
    assert types_of(code_text, "Serbia postponed the talks with Kosovo.")[0][0] == "REJECT"
