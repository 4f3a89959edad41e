"""Whole pages through clean_document: the seed, and fixture pages written for each furniture kind."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.clean import clean_document, read_document
from dateline.ingest import read_paths
from dateline.records import RawDocument

FIXTURES = Path(__file__).parent / "fixtures" / "clean"
PAGES = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".txt", ".html"))


def _inside(blocks, start, end):
    return any(s <= start and end <= e for s, e in blocks)


def _overlaps(blocks, start, end):
    return any(start < e and s < end for s, e in blocks)


@pytest.fixture(scope="module")
def seed(shared_dir):
    (raw,) = read_paths([shared_dir / "gold" / "seed.txt"])
    gold = json.loads((shared_dir / "gold" / "seed.json").read_text(encoding="utf-8"))
    return clean_document(raw), gold


def test_seed_metadata(seed):
    article, _ = seed
    assert article.id == "seed"
    assert article.title == "Qassem Soleimani: He plotted the Syrian assault in Moscow"
    assert article.published.isoformat() == "2015-10-12"        # 12-10-2015, day first on this page
    assert article.page_date.isoformat() == "2022-10-05"
    assert article.source == "Agencies"
    assert article.language == "en" and article.encoding == "utf-8"
    assert "Qassem Soleimani" in article.keywords


def test_seed_body_matches_gold(seed):
    article, gold = seed
    (gs, ge), (s, e) = gold["doc"]["body_chars"], article.body_chars
    overlap = max(0, min(e, ge) - max(s, gs)) / (max(e, ge) - min(s, gs))
    assert overlap >= 0.95


def test_seed_gold_sentences_each_lie_in_one_block(seed):
    article, gold = seed
    outside = [ev["sentence"][:60] for ev in gold["events"] if not _inside(article.blocks, *ev["span"])]
    assert outside == []


@pytest.mark.parametrize("furniture", [
    "Subscriber Only Stories", "UPSC Key-October 5", "conflict-zone-graph", "Putin told him, ‘Okay… send",
    "The plan unfolds", "Two fronts, two divergent", "The Iranian general and his cult", "Source: Agencies",
    "First published on", "Next Story", "Farmers’ unrest", "Latest Comment"])
def test_seed_furniture_outside_blocks(seed, furniture):
    article, _ = seed
    start = article.text.index(furniture)
    assert not _overlaps(article.blocks, start, start + len(furniture))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_fixture_page(page):
    expected = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    (raw,) = read_paths([page])
    cleaned = read_document(raw)
    article = cleaned.article
    for key in ("title", "subtitle", "source", "byline", "language", "url", "keywords"):
        if key in expected:
            assert getattr(article, key) == expected[key], key
    for key in ("published", "page_date", "modified"):
        if key in expected:
            value = getattr(article, key)
            assert (value.isoformat() if value else None) == expected[key], key
    text, blocks = article.text, article.blocks
    assert text[blocks[0][0]:].startswith(expected["first_block_starts"])
    assert text[:blocks[-1][1]].endswith(expected["last_block_ends"])
    for sentence in expected["in_blocks"]:
        start = text.index(sentence)
        assert _inside(blocks, start, start + len(sentence)), sentence
    for furniture in expected["not_in_blocks"]:
        start = text.find(furniture)
        if start >= 0:
            assert not _overlaps(blocks, start, start + len(furniture)), furniture
    if "blocks" in expected:
        assert len(blocks) == expected["blocks"]
    assert set(blocks) <= set(cleaned.story)


def test_subheads_stay_in_the_story_but_not_in_the_blocks():
    (raw,) = read_paths([FIXTURES / "agency_dump.txt"])
    cleaned = read_document(raw)
    assert "What the government says" in cleaned.story_text
    assert "Most Read" not in cleaned.story_text


def test_pull_quote_repeating_a_paragraph_is_dropped():
    quote = "The minister said the new bridge would be finished before the winter storms arrived"
    text = (f"Bridge works speed up\n\nWork on the bridge resumed on Monday after a pause of three weeks. {quote}, "
            f"according to officials.\n\n“{quote}”\n\nEngineers said the deck would be lifted into place in June.\n")
    article = clean_document(RawDocument(id="q", data=text, origin="q"))
    assert len(article.blocks) == 2
    assert all("“" not in article.text[s:e] for s, e in article.blocks)


def test_hints_from_the_caller_win():
    raw = RawDocument(id="h", data="Some headline\n\nThe council met on Monday and approved the plan.\n",
                      origin="h", hints={"title": "Given title", "published": "2020-03-01"})
    article = clean_document(raw)
    assert article.title == "Given title" and article.published.isoformat() == "2020-03-01"


def test_page_without_story_says_so():
    article = clean_document(RawDocument(id="n", data="Home | News | Sport\n\nShare\n", origin="n"))
    assert article.blocks == [] and "no story paragraphs found" in article.warnings


def test_a_short_english_sentence_with_words_shared_by_dutch_stays_english():
    from dateline.clean.language import detect_language

    assert detect_language("Hamas leaders met Egyptian officials in Cairo.") == "en"
    assert detect_language("De minister van Buitenlandse Zaken is met de premier naar Brussel gereisd.") == "nl"
