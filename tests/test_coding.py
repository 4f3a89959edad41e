"""The coder on sentences written for these tests: one or more per PLOVER type and common modes."""
from __future__ import annotations

import pytest

PAGE = """Monday, March 6, 2023

{title}

{body}
"""


def events_of(code_text, body: str, title: str = "Test report") -> tuple[list[dict], dict]:
    record = code_text(PAGE.format(title=title, body=body))
    return record["events"], {a["id"]: a for a in record["actors"]}


CASES = [
    ("Turkish warplanes bombed Kurdish militant positions in northern Iraq on Sunday, the army said.",
     "ASSAULT", "aerial"),
    ("Police arrested dozens of opposition activists in Minsk on Saturday.", "COERCE", "arrest"),
    ("Thousands of workers protested against pension cuts in Paris on Thursday.", "PROTEST", "demo"),
    ("Japanese Prime Minister Fumio Kishida visited Kyiv on Tuesday.", "CONSULT", "visit"),
    ("Ethiopia and the Tigrayan forces agreed to a permanent cessation of hostilities in Pretoria.",
     "AGREE", None),
    ("The European Union imposed new sanctions on Russian banks on Friday.", "SANCTION", "discontinue"),
    ("Ukraine accused Russia of shelling the Zaporizhzhia nuclear plant.", "ACCUSE", "allege"),
    ("The United Nations urged both sides to open humanitarian corridors.", "REQUEST", None),
    ("Hamas rejected the Egyptian proposal for a truce.", "REJECT", None),
    ("North Korea threatened to respond with force to the joint drills.", "THREATEN", None),
    ("Russia deployed thousands of troops near the Ukrainian border in November.", "MOBILIZE", "troops"),
    ("Germany supplied air defence systems to the Ukrainian army.", "AID", None),
    ("Armenian troops withdrew from the Lachin corridor on Wednesday.", "RETREAT", "withdraw"),
    ("The junta lifted the curfew in Niamey on Sunday.", "CONCEDE", None),
    ("China praised the agreement between Iran and Saudi Arabia.", "SUPPORT", None),
    ("Israel and the United States held joint military exercises in the Negev.", "COOPERATE", None),
    ("Poland held military exercises near the Belarusian border.", "MOBILIZE", "troops"),
]


@pytest.mark.parametrize("sentence,etype,mode", CASES)
def test_each_type_is_found(code_text, sentence, etype, mode):
    events, _ = events_of(code_text, sentence)
    types = [(e["type"], e.get("mode")) for e in events]
    assert any(t == etype for t, _ in types), types
    if mode:
        assert (etype, mode) in types, types


def test_air_strike_parties_and_country_of_role_nouns(code_text):
    events, actors = events_of(code_text,
                               "Russian warplanes bombed rebels near Idlib in Syria on Sunday. "
                               "The rebels said dozens of fighters had been killed.")
    strike = next(e for e in events if e["type"] == "ASSAULT")
    src = [actors[i] for i in strike["source"]]
    tgt = [actors[i] for i in strike["target"]]
    assert [(a["country"], a["sector"]) for a in src] == [("RUS", "MIL")]
    assert [(a["country"], a["sector"]) for a in tgt] == [("SYR", "REB")]
    assert strike["acled"].startswith("Explosions/Remote violence")


def test_passive_voice_puts_the_agent_in_source(code_text):
    events, actors = events_of(code_text, "Three protesters were killed by police in Khartoum on Monday.")
    ev = next(e for e in events if e["type"] == "ASSAULT")
    assert [actors[i]["sector"] for i in ev["source"]] == ["COP"]


def test_claim_by_a_party_about_its_own_act(code_text):
    events, _ = events_of(code_text,
                          "The Israeli military said its jets struck Hamas targets in Gaza City overnight.")
    ev = next(e for e in events if e["type"] == "ASSAULT")
    assert ev["status"] == "claimed"
    assert ev["attribution"] == "The Israeli military"


def test_third_party_account_is_asserted_with_its_attribution(code_text):
    events, _ = events_of(code_text,
                          "Government forces shelled the town of Maarat al-Numan, residents said.")
    ev = next(e for e in events if e["type"] == "ASSAULT")
    assert ev["attribution"] == "residents"
    assert ev["status"] == "asserted"


def test_future_agreement_is_planned(code_text):
    events, _ = events_of(code_text, "Kenya will send police officers to Haiti under a deal with the UN.")
    assert any(e["status"] == "planned" for e in events)


def test_quoted_sentences_take_the_tag_of_their_quotation(code_text):
    body = ("\u201cThe army shelled the village for three hours. Many houses burned,\u201d "
            "a local official said.")
    events, _ = events_of(code_text, body)
    ev = next(e for e in events if e["type"] == "ASSAULT")
    assert ev["attribution"] == "a local official"


def test_pronoun_source_resolves_to_the_person(code_text):
    body = ("Turkish President Recep Tayyip Erdogan spoke in Ankara on Monday. "
            "He visited Baghdad later in the week.")
    events, actors = events_of(code_text, body)
    visit = next(e for e in events if e["type"] == "CONSULT")
    assert actors[visit["source"][0]]["name"].endswith("Erdogan")


def test_every_event_keeps_sentence_span_and_evidence(code_text):
    body = "Nigerian troops killed 12 Boko Haram fighters in Borno state on Friday, the army said."
    record = code_text(PAGE.format(title="t", body=body))
    text = PAGE.format(title="t", body=body)
    for ev in record["events"]:
        start, end = ev["span"]
        assert text[start:end] == ev["sentence"]
        assert ev["evidence"]["trigger"]
    assert any(e["fatalities"] == 12 for e in record["events"])


def test_a_but_clause_after_a_report_is_the_reporters_own(code_text):
    body = ("Ankara says its jets are striking Kurdish militants, but many of the strikes have hit "
            "villages near Qamishli in Syria.")
    events, _ = events_of(code_text, body)
    hit = next(e for e in events if e["evidence"]["trigger"] == "hit")
    assert hit["attribution"] == "reporter" and hit["status"] == "asserted"


def test_a_government_speaking_of_its_forces_claims(code_text):
    body = "The Russian government says its deployment of troops to Belarus was requested by Minsk."
    events, _ = events_of(code_text, body)
    deploy = next(e for e in events if e["type"] == "MOBILIZE")
    assert deploy["status"] == "claimed"


def test_participles_that_describe_a_party_are_not_events(code_text):
    events, _ = events_of(code_text, "France supplied weapons to rebels fighting the government in Libya.")
    assert [e["type"] for e in events] == ["AID"]


def test_a_purpose_infinitive_is_not_a_second_event(code_text):
    events, _ = events_of(code_text, "The envoy travelled to Doha to discuss a truce with Hamas.")
    assert [e["type"] for e in events if e["type"] == "CONSULT"] == ["CONSULT"]


def test_an_infinitive_under_a_non_event_verb_is_coded(code_text):
    events, _ = events_of(code_text, "Egypt sent an envoy to Tel Aviv to meet Israeli officials.")
    assert any(e["type"] == "CONSULT" for e in events)


def test_then_carries_the_time_of_the_same_story_line(code_text):
    body = ("Last week, Russian jets bombed rebel positions in Idlib in Syria. "
            "The rebels, who seized the town of Saraqeb earlier this year, said many fighters died. "
            "Then, Russian warships fired cruise missiles at targets in Aleppo province.")
    events, _ = events_of(code_text, body)
    then = [e for e in events if e["sentence"].startswith("Then") and e["type"] == "ASSAULT"]
    assert then and then[0]["when"]["start"] == "2023-02-27" and then[0]["when"]["end"] == "2023-03-05"


def test_a_place_named_on_an_event_noun_is_its_place(code_text):
    body = ("His Geneva meeting covered the fighting in Sudan, where the army holds the port "
            "of Port Sudan.")
    record = code_text(PAGE.format(title="t", body=body))
    places = {p["id"]: p["name"] for p in record["places"]}
    meeting = next(e for e in record["events"] if e["type"] == "CONSULT")
    assert places[meeting["place"]] == "Geneva"


def test_deaths_stated_in_words_are_counted(code_text):
    events, actors = events_of(code_text, "Nigerian military aircraft bombed Dikwa on Sunday, killing four traders.")
    strike = next(e for e in events if e["type"] == "ASSAULT")
    assert strike["fatalities"] == 4
    assert [(actors[i]["country"], actors[i]["sector"]) for i in strike["source"]] == [("NGA", "MIL")]


def test_number_words():
    from dateline.coding.drafts import number_value

    assert [number_value(t) for t in ("1,500", "four", "twenty-three", "two hundred", "many")] == [
        1500, 4, 23, 200, None]
