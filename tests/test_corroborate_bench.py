"""The generator of syndicated and re-told pages, and the B-cubed scorer of the bench."""
from __future__ import annotations

import importlib.util
import subprocess
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[1]


def load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, REPO / "bench" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_the_generator_does_not_import_the_clusterer() -> None:
    code = ("import importlib.util, sys\n"
            f"spec = importlib.util.spec_from_file_location('s', {str(REPO / 'bench' / 'syndicate.py')!r})\n"
            "m = importlib.util.module_from_spec(spec); sys.modules['s'] = m\n"
            "spec.loader.exec_module(m)\n"
            "pages = m.generate(11)\n"
            "print(len(pages), sorted(k for k in sys.modules if k.startswith('dateline.corroborate')))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    count, modules = out.stdout.split(" ", 1)
    assert int(count) >= 6 and modules.strip() == "[]"


def test_redating_turns_weekdays_into_calendar_dates() -> None:
    syndicate = load("syndicate")
    published = date(2022, 10, 11)                 # a Tuesday
    assert syndicate.redate("Russia fired missiles on Monday.", published, 1) == \
        "Russia fired missiles on October 10."
    assert syndicate.redate("On Tuesday, leaders met.", published, 0) == \
        "On 11 October, leaders met."
    assert syndicate.redate("He blamed Saturday's explosion.", published, 1) == \
        "He blamed the October 8 explosion."
    assert syndicate.redate("It happened yesterday.", published, 1) == \
        "It happened on October 10."


def test_sentences_split_but_not_after_abbreviations() -> None:
    syndicate = load("syndicate")
    assert syndicate.split_sentences("It began on Oct. 7 at dawn. Then it stopped.") == [
        "It began on Oct. 7 at dawn.", "Then it stopped."]


def test_one_story_gives_an_original_copies_and_retellings_with_labels(tmp_path: Path) -> None:
    syndicate = load("syndicate")
    page = tmp_path / "floods.txt"
    page.write_text(
        "Thursday, Mar 14, 2024\n\nRiver floods force evacuations\n\n"
        "TOWNVILLE, March 14 (Valley Wire) - The river burst its banks on Wednesday, flooding "
        "two villages, police said. Troops moved 400 families to schools on higher ground.\n\n"
        "The governor said on Thursday that the dam would be repaired. At least 3 people were "
        "killed when a bridge collapsed on Tuesday, officials said.\n", encoding="utf-8")
    story = syndicate.read_story(page)
    assert story is not None
    retellings = {(story.id, 0): "flood", (story.id, 1): "flood"}
    import random
    pages = syndicate.pages_of(story, random.Random(3), retellings, copies=2, retold=2)
    assert [p.role for p in pages] == ["original", "copy", "copy", "retold", "retold"]
    labels = {s["label"] for p in pages for s in p.sentences}
    assert f"{story.id}#flood" in labels and f"{story.id}#2" in labels
    for copy in pages[1:3]:
        assert copy.page_date > "2024-05-01"
        assert "Related:" in copy.text
    for retold in pages[3:]:
        assert "Wednesday" not in retold.text and "Tuesday" not in retold.text
        assert retold.outlet not in (pages[1].outlet, pages[2].outlet)


def test_b_cubed() -> None:
    bench = load("incidents")
    truth = {"a": 1, "b": 1, "c": 2}
    assert bench.b_cubed({"a": "x", "b": "x", "c": "y"}, truth) == (1.0, 1.0, 1.0)
    p, r, f = bench.b_cubed({"a": "x", "b": "x", "c": "x"}, truth)
    assert (round(p, 3), r) == (round(5 / 9, 3), 1.0)
    p, r, _ = bench.b_cubed({"a": "x", "b": "y", "c": "z"}, truth)
    assert (p, round(r, 3)) == (1.0, round(2 / 3, 3))


def test_the_act_truth_names_real_sentences_one_type_per_act_and_cues_where_needed() -> None:
    import json
    from collections import Counter

    syndicate = load("syndicate")
    schema = json.loads((REPO / "src" / "dateline" / "data" / "records.schema.json")
                        .read_text(encoding="utf-8"))
    plover = set(schema["properties"]["events"]["items"]["properties"]["type"]["enum"])
    acts = syndicate.read_acts()
    stories = {}
    for path in sorted(syndicate.SAMPLES.iterdir()):
        if path.suffix in (".txt", ".html") and not path.name.lower().startswith("readme"):
            story = syndicate.read_story(path)
            assert story is not None
            stories[story.id] = [s for paragraph in story.paragraphs for s in paragraph]
    assert {story for story, _ in acts} == set(stories)          # every sample story annotated
    for (story, number), listed in acts.items():
        sentence = stories[story][number].lower()                # a real body sentence
        assert {act["type"] for act in listed} <= plover
        for type_, count in Counter(act["type"] for act in listed).items():
            if count > 1:                                        # two acts of one type: cues
                cues = [act["cue"] for act in listed if act["type"] == type_]
                assert all(cues) and all(w.lower() in sentence for c in cues for w in c)
    retold = Counter((story, act["incident"]) for (story, _), listed in acts.items()
                     for act in listed)
    assert sum(1 for n in retold.values() if n > 1) >= 20         # acts told more than once


def test_an_act_with_two_types_is_refused(tmp_path: Path) -> None:
    syndicate = load("syndicate")
    bad = tmp_path / "acts.tsv"
    bad.write_text("story\tsentence\ttype\tincident\tcue\tnote\n"
                   "s\t0\tAGREE\tdeal\t\t\ns\t1\tSUPPORT\tdeal\t\t\n", encoding="utf-8")
    try:
        syndicate.read_acts(bad)
    except ValueError as err:
        assert "s#deal" in str(err)
    else:
        raise AssertionError("an act with two types was read")


def test_events_align_to_the_act_of_their_type_and_cue() -> None:
    bench = load("incidents")
    syndicate = load("syndicate")
    rewordings = [*syndicate.REPHRASE, *syndicate.SYNONYMS]
    acts = [{"type": "ASSAULT", "incident": "capture", "cue": ["captured"]},
            {"type": "ASSAULT", "incident": "downing", "cue": ["shot", "down"]},
            {"type": "CONCEDE", "incident": "release", "cue": []}]
    assert bench.align("CONCEDE", "release", acts, rewordings) == (acts[2], "aligned")
    assert bench.align("ASSAULT", "captured", acts, rewordings) == (acts[0], "aligned")
    assert bench.align("ASSAULT", "shot", acts, rewordings) == (acts[1], "aligned")
    assert bench.align("ASSAULT", "plane", acts, rewordings) == (None, "ambiguous")
    assert bench.align("PROTEST", "marched", acts, rewordings) == (None, "unaligned")
    # a retelling may say 'held' where the original said 'detained' ('arrested' before it)
    arrests = [{"type": "COERCE", "incident": "a", "cue": ["arrested"]},
               {"type": "COERCE", "incident": "b", "cue": ["raided"]}]
    assert bench.align("COERCE", "held", arrests, rewordings) == (arrests[0], "aligned")


def test_every_page_sentence_carries_its_number_and_acts() -> None:
    syndicate = load("syndicate")
    pages = syndicate.generate(11)
    acts = syndicate.read_acts()
    for page in pages:
        for item in page.sentences:
            assert item["acts"] == acts.get((page.story, item["sentence"]), [])
    told = [item for page in pages if page.role == "retold" for item in page.sentences]
    assert told and any(item["acts"] for item in told)
