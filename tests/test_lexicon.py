"""The trigger lexicon (data/triggers.tsv): its rows are well formed and valid per the ontology
(PLOVER types, their modes, CAMEO codes that agree with the type), and sentences written for
each PLOVER type come out of the real pipeline with that type."""
from __future__ import annotations

import re
from collections import Counter

import pytest

from dateline.coding.lexicon import load_triggers
from dateline.pipeline import Failure, run
from dateline.records import RawDocument, Record
from dateline.resources import data_path

# spec/ontology.md §1.2: the sixteen PLOVER types and the modes each one allows.
PLOVER_MODES: dict[str, set[str]] = {
    "AGREE": set(), "SUPPORT": set(), "CONCEDE": set(), "COOPERATE": set(), "AID": set(),
    "CONSULT": {"visit", "third-party", "multilateral", "phone"},
    "RETREAT": {"withdraw", "release", "disarm", "ceasefire", "access", "resign"},
    "REQUEST": {"assist", "change", "yield", "meet"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"disapprove", "investigate", "allege"},
    "THREATEN": {"restrict", "arrest", "relations", "expel", "territory", "violence"},
    "PROTEST": {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "COERCE": {"seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold",
               "misinformation", "cyber"},
    "ASSAULT": {"abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms",
                "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control",
                "unconventional"},
}
# spec/ontology.md §2: the PLOVER type of each CAMEO root (01 has none; 02 is REQUEST in dateline) ...
ROOT_TYPE = {"02": "REQUEST", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE",
             "07": "AID", "09": "ACCUSE", "10": "REQUEST", "11": "ACCUSE", "12": "REJECT",
             "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE",
             "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT"}
# ... and the codes below a root that the ontology's tables send to another type.
CODE_TYPE_EXCEPTIONS = [("035", "CONCEDE"), ("055", "CONCEDE"), ("080", "CONCEDE"), ("081", "CONCEDE"),
                        ("082", "CONCEDE"), ("083", "CONCEDE"), ("083", "RETREAT"), ("0871", "CONCEDE"), ("0871", "RETREAT"), ("08", "RETREAT"), ("116", "SANCTION"),
                        ("1712", "ASSAULT"), ("175", "ASSAULT"), ("175", "COERCE"), ("191", "COERCE"),
                        ("192", "COERCE")]
CONDITION_NAMES = {"child", "pobj", "obj", "subj", "prep", "prt", "pass", "active", "clause", "raised", "head", "act"}
CAMEO_CODE = re.compile(r"^\d{2,4}$")


def allowed_types(code: str) -> set[str]:
    """PLOVER types a CAMEO code may carry: those of the longest matching exception, else the root's."""
    for length in (4, 3, 2):
        hits = {t for prefix, t in CODE_TYPE_EXCEPTIONS if len(prefix) == length and code.startswith(prefix)}
        if hits:
            return hits
    return {ROOT_TYPE[code[:2]]} if code[:2] in ROOT_TYPE else set()


def table_rows() -> list[dict[str, str]]:
    lines = data_path("triggers.tsv").read_text(encoding="utf-8").splitlines()
    body = [line for line in lines if line.strip() and not line.startswith("#")]
    header = body[0].split("\t")
    assert header == ["lemma", "pos", "type", "mode", "cameo", "condition", "source"]
    rows = []
    for line in body[1:]:
        fields = line.split("\t")
        assert len(fields) == len(header), f"wrong number of columns: {line!r}"
        rows.append(dict(zip(header, fields)))
    return rows


def test_table_parses_and_loads() -> None:
    rows = table_rows()
    lex = load_triggers()
    assert len(rows) > 300
    assert len(lex.verbs) + len(lex.nouns) == len({(r["lemma"].lower(), r["pos"] == "verb") for r in rows})
    assert lex.for_verb("attack") and lex.for_noun("air strike")


def test_every_row_is_valid_per_ontology() -> None:
    for row in table_rows():
        where = f"{row['lemma']}/{row['pos']}/{row['condition']}"
        assert row["lemma"] == row["lemma"].strip().lower() and row["lemma"], where
        assert row["pos"] in ("verb", "noun"), where
        assert row["source"].strip(), f"{where}: every row says where it comes from"
        if row["type"] == "NONE":
            assert not row["mode"] and not row["cameo"], where
            continue
        assert row["type"] in PLOVER_MODES, where
        assert row["mode"] == "" or row["mode"] in PLOVER_MODES[row["type"]], where
        assert CAMEO_CODE.match(row["cameo"]), f"{where}: CAMEO code {row['cameo']!r} is not 2-4 digits"
        assert row["type"] in allowed_types(row["cameo"]), f"{where}: {row['cameo']} is not {row['type']}"


def test_conditions_are_well_formed() -> None:
    for row in table_rows():
        cond = row["condition"]
        if cond == "-":
            continue
        for clause in cond.split(";"):
            name, eq, values = clause.partition("=")
            assert name in CONDITION_NAMES, f"{row['lemma']}: unknown condition {name!r}"
            if name in ("pass", "active", "clause", "raised", "act"):
                assert not eq
            else:
                assert values and all(v and v == v.strip() for v in values.split("|")), row["lemma"]


def test_no_row_is_unreachable() -> None:
    """Rows of one lemma are tried in order: a repeated condition, or any row after an
    unconditional one, could never be chosen."""
    seen: Counter[tuple[str, str, str]] = Counter()
    open_ended: set[tuple[str, str]] = set()
    for row in table_rows():
        key = (row["lemma"], row["pos"])
        assert key not in open_ended, f"{key} has a row after its unconditional row"
        seen[(row["lemma"], row["pos"], row["condition"])] += 1
        if row["condition"] == "-":
            open_ended.add(key)
    assert [k for k, n in seen.items() if n > 1] == []


def test_allowed_types_reads_the_ontology_tables() -> None:
    assert allowed_types("0841") == {"RETREAT"}
    assert allowed_types("0813") == {"CONCEDE"}
    assert allowed_types("1712") == {"ASSAULT"}
    assert allowed_types("192") == {"COERCE"}
    assert allowed_types("010") == set()


# Sentences written for these tests: (PLOVER type, trigger lemma, sentence).
SENTENCES: list[tuple[str, str, str]] = [
    ("AGREE", "agree", "Kenya and Uganda agreed on Monday to build a new railway line."),
    ("AGREE", "pledge", "Japan pledged on Tuesday to help rebuild schools in Haiti."),
    ("AGREE", "promise", "The Peruvian president promised opposition leaders a new electoral law."),
    ("CONSULT", "meet", "The Indian foreign minister met his Chinese counterpart in Geneva on Monday."),
    ("CONSULT", "visit", "The French president visited Senegal on Thursday."),
    ("CONSULT", "talk", "Colombian officials began talks with rebel leaders in Havana on Friday."),
    ("SUPPORT", "praise", "The Canadian prime minister praised Ghana for its peaceful election."),
    ("SUPPORT", "sign", "Peru and Chile signed a border treaty in Lima on Friday."),
    ("SUPPORT", "recognize", "Sweden recognized the new government of Somalia on Wednesday."),
    ("COOPERATE", "share", "Norway and Denmark shared intelligence on the smuggling network."),
    ("COOPERATE", "extradite", "Spain extradited a Russian businessman to Moscow on Tuesday."),
    ("AID", "donate", "Germany donated ten ambulances to hospitals in Ukraine."),
    ("AID", "send", "Turkey sent food and medicine to flood victims in Pakistan."),
    ("RETREAT", "release", "Colombian rebels released three hostages on Sunday."),
    ("RETREAT", "withdraw", "Ethiopia withdrew its troops from the disputed border town on Friday."),
    ("RETREAT", "resign", "The Italian interior minister resigned on Tuesday."),
    ("RETREAT", "lift", "The United States lifted sanctions on Myanmar on Monday."),
    ("RETREAT", "reopen", "Egypt reopened the Rafah border crossing on Saturday."),
    ("CONCEDE", "apologize", "The Japanese prime minister apologized to South Korea on Monday."),
    ("CONCEDE", "lift", "The Thai government lifted the curfew in Bangkok on Sunday."),
    ("CONCEDE", "back", "The Peruvian president backed down on the tax plan on Monday."),
    ("REQUEST", "urge", "The Brazilian president urged Venezuela on Monday to hold free elections."),
    ("REQUEST", "demand", "Opposition leaders in Togo demanded the release of political prisoners."),
    ("ACCUSE", "accuse", "The Iraqi government accused Turkey of bombing villages in the north."),
    ("ACCUSE", "condemn", "The Egyptian foreign ministry condemned the Israeli raid on Thursday."),
    ("ACCUSE", "investigate", "Police in Kenya investigated the Nairobi mayor over missing funds."),
    ("ACCUSE", "open", "The Kenyan government opened an inquiry into the bank collapse."),
    ("REJECT", "reject", "Serbia rejected the Kosovo peace proposal on Wednesday."),
    ("REJECT", "veto", "Russia vetoed a Security Council resolution on Syria on Thursday."),
    ("THREATEN", "threaten", "North Korea threatened South Korea with military action on Friday."),
    ("THREATEN", "warn", "Iran warned Saudi Arabia of a harsh response on Tuesday."),
    ("PROTEST", "protest", "Thousands of students protested in Santiago on Thursday."),
    ("PROTEST", "march", "Farmers marched through the streets of Paris on Sunday."),
    ("PROTEST", "stop", "Dock workers stopped work in Rotterdam on Monday."),
    ("PROTEST", "block", "Greek farmers blocked the main highway to Athens on Tuesday."),
    ("SANCTION", "sanction", "The United States sanctioned three Iranian banks on Monday."),
    ("SANCTION", "expel", "Poland expelled two Russian diplomats on Friday."),
    ("SANCTION", "convict", "The Chilean court convicted a former general of torture."),
    ("MOBILIZE", "deploy", "India deployed troops along the Pakistani border on Saturday."),
    ("MOBILIZE", "mobilize", "Armenia mobilized its army reserves on Sunday."),
    ("COERCE", "arrest", "Egyptian police arrested twenty activists in Cairo on Monday."),
    ("COERCE", "confiscate", "Police in Mexico confiscated weapons from a drug gang on Friday."),
    ("COERCE", "deport", "Malaysia deported fifty Indonesian workers on Wednesday."),
    ("ASSAULT", "bomb", "Russian aircraft bombed rebel positions near Aleppo on Monday."),
    ("ASSAULT", "kill", "Gunmen killed four soldiers in northern Mali on Tuesday."),
    ("ASSAULT", "kidnap", "Gunmen kidnapped two Italian engineers in Nigeria on Sunday."),
    ("ASSAULT", "open", "Police opened fire on protesters in Khartoum on Monday."),
    ("PROTEST", "strike", "Thousands of nurses struck in London on Tuesday over pay."),
    ("ASSAULT", "fire", "Police fired tear gas at protesters in Nairobi on Monday."),
    ("AID", "give", "Germany gave asylum to the Russian dissident on Friday."),
    ("CONSULT", "arrive", "The Chinese president arrived in Paris on Monday."),
    ("ACCUSE", "present", "Ukraine presented evidence against Russia at the tribunal on Monday."),
    ("ACCUSE", "dispatch", "The United Nations dispatched inspectors to the Iranian plant on Monday."),
    ("SANCTION", "force", "Eritrea forced the aid agency out of the country on Tuesday."),
    ("SANCTION", "break", "Hungary broke relations with Serbia on Tuesday."),
    ("COERCE", "declare", "The Chilean government declared a state of siege in the south on Sunday."),
    ("AID", "pay", "Germany paid compensation to the Namibian tribes on Friday."),
    ("CONCEDE", "allow", "The Kenyan government allowed the opposition rally in Nairobi on Friday."),
]
# Sentences where a trigger word must NOT give that type (the rows' conditions at work).
NOT_CODED: list[tuple[str, str]] = [
    ("ASSAULT", "The company fired its chief executive on Monday."),
    ("SUPPORT", "Iranian-backed militias control the town."),
]


@pytest.fixture(scope="module")
def coded() -> dict[str, Record]:
    """One batched pipeline run over every test sentence, keyed by the sentence."""
    texts = [s for _, _, s in SENTENCES] + [s for _, s in NOT_CODED]
    raws = [RawDocument(id=f"s{i}", data=text, origin=f"s{i}", kind="text", hints={"published": "2024-03-04"})
            for i, text in enumerate(texts)]
    out: dict[str, Record] = {}
    for result in run(raws):
        assert not isinstance(result, Failure), result.line()
        out[texts[int(result.raw.id[1:])]] = result.record
    return out


def test_every_type_has_two_sentences() -> None:
    per_type = Counter(t for t, _, _ in SENTENCES)
    assert set(per_type) == set(PLOVER_MODES)
    assert min(per_type.values()) >= 2


@pytest.mark.parametrize(("event_type", "lemma", "sentence"), SENTENCES,
                         ids=[f"{t}-{lemma}-{i}" for i, (t, lemma, _) in enumerate(SENTENCES)])
def test_sentence_is_coded_with_its_type(coded: dict[str, Record], event_type: str, lemma: str,
                                         sentence: str) -> None:
    events = coded[sentence].events
    got = [(e.type, e.evidence.get("lemma")) for e in events]
    assert (event_type, lemma) in got, got
    event = next(e for e in events if (e.type, e.evidence.get("lemma")) == (event_type, lemma))
    assert event.cameo and event.type in allowed_types(event.cameo)


@pytest.mark.parametrize(("event_type", "sentence"), NOT_CODED)
def test_condition_keeps_type_out(coded: dict[str, Record], event_type: str, sentence: str) -> None:
    assert event_type not in [e.type for e in coded[sentence].events]


def test_weapon_decides_the_mode(coded: dict[str, Record]) -> None:
    gas = [e for e in coded["Police fired tear gas at protesters in Nairobi on Monday."].events if e.type == "ASSAULT"]
    assert [(e.mode, e.cameo) for e in gas] == [("crowd-control", "175")]
    shot = [e for e in coded["Police opened fire on protesters in Khartoum on Monday."].events if e.type == "ASSAULT"]
    assert [e.mode for e in shot] == ["firearms"]


def test_eased_economic_sanctions_are_a_retreat_and_a_curfew_a_concession(coded: dict[str, Record]) -> None:
    lifted = {e.evidence.get("lemma"): e for e in coded["The United States lifted sanctions on Myanmar on Monday."].events}
    assert lifted["lift"].cameo == "085"
    curfew = {e.evidence.get("lemma"): e for e in coded["The Thai government lifted the curfew in Bangkok on Sunday."].events}
    assert curfew["lift"].cameo == "0813"


def test_no_row_is_shadowed_by_an_unconditional_one() -> None:
    """Rows of a lemma are tried in order: one after a row that always holds could never fire."""
    lex = load_triggers()
    for table in (lex.verbs, lex.nouns):
        for lemma, rows in table.items():
            always = [i for i, row in enumerate(rows) if row.condition == "-"]
            assert not always or always[0] == len(rows) - 1, f"{lemma}: rows after an unconditional one"
