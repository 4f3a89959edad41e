"""Properties over generated input (hypothesis): whatever bytes, text or HTML arrive,
the clean stage, time resolution and the record schema raise nothing but dateline's
own errors, every span they emit lies inside the input, and every record the
pipeline emits validates against spec/records.md.

Every property runs 2,000 examples, the whole-pipeline one included (it parses each
example with spaCy, about 45 s in all).
"""
from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from dateline.clean import clean_document, clean_html, clean_text
from dateline.clean.decode import decode
from dateline.pipeline import extract_text
from dateline.records import Article, InputError, RawDocument
from dateline.resolve.times import normalise
from dateline.schema import RecordError, validate_record

MANY = settings(max_examples=2000, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

TAGS = ["p", "div", "article", "title", "h1", "script", "style", "nav", "footer", "span", "br",
        "meta", "html", "head", "body", "table", "td", "li", "time", "!--", "![CDATA["]
ATTRS = ['class="story"', 'lang="fr"', 'charset="utf-16"', 'property="article:published_time" '
         'content="2021-02-30"', 'itemprop="datePublished"', "onerror=alert(1)", 'id="x"']
WORDS = ["police", "arrested", "protesters", "in", "Lima", "on", "Monday", "said", "the", "army",
         "shelled", "Kharkiv", "2015", "March", "3", "ago", "years", "last", "week", "(Reuters)",
         "-", "\n\n", "\u202e", "\ufeff", "\x00", "&amp;", "&#0;", "&#x110000;", "<", ">", '"']

texts = st.text(max_size=600)
word_texts = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=8)), max_size=120).map(" ".join)


@st.composite
def markup(draw: st.DrawFn) -> str:
    """HTML-like text: tags (often unbalanced), attributes, entities, words and noise."""
    parts = []
    for _ in range(draw(st.integers(0, 25))):
        choice = draw(st.integers(0, 4))
        if choice == 0:
            tag = draw(st.sampled_from(TAGS))
            attrs = " ".join(draw(st.lists(st.sampled_from(ATTRS), max_size=2)))
            parts.append(f"<{tag} {attrs}>")
        elif choice == 1:
            parts.append(f"</{draw(st.sampled_from(TAGS))}>")
        elif choice == 2:
            parts.append(draw(st.text(max_size=30)))
        else:
            parts.append(" ".join(draw(st.lists(st.sampled_from(WORDS), max_size=12))))
    return "".join(parts)


def assert_blocks_inside(article: Article) -> None:
    previous_end = 0
    for start, end in article.blocks:
        assert 0 <= start <= end <= len(article.text)
        assert start >= previous_end, "blocks overlap or are out of order"
        previous_end = end
    if article.body_chars:
        start, end = article.body_chars
        assert 0 <= start <= end <= len(article.text)


@MANY
@given(st.binary(max_size=2000))
def test_decoding_any_bytes_gives_text_or_an_input_error(data: bytes) -> None:
    try:
        text, encoding, warnings = decode(data, "generated")
    except InputError:
        event("refused as input")
        return
    event(f"decoded as {encoding}")
    assert isinstance(text, str) and text.strip() and encoding
    assert all(isinstance(w, str) for w in warnings)


@MANY
@given(st.one_of(st.binary(max_size=1500), texts.map(str.encode), markup().map(str.encode)))
def test_cleaning_any_bytes_keeps_blocks_inside_the_text(data: bytes) -> None:
    try:
        article = clean_document(RawDocument(id="g", data=data, origin="generated"))
    except InputError:
        return
    assert_blocks_inside(article)


@MANY
@given(st.one_of(texts, word_texts))
def test_cleaning_any_text_keeps_blocks_inside_the_text(text: str) -> None:
    cleaned = clean_text(text, doc_id="g")
    assert cleaned.article.text == text
    assert_blocks_inside(cleaned.article)
    for start, end in cleaned.story:
        assert 0 <= start <= end <= len(text)


@MANY
@given(markup())
def test_cleaning_any_html_keeps_blocks_inside_the_text(page: str) -> None:
    try:
        cleaned = clean_html(page, doc_id="g")
    except InputError:
        return
    assert_blocks_inside(cleaned.article)
    for start, end in cleaned.story:
        assert 0 <= start <= end <= len(cleaned.article.text)


references = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
tenses = st.sampled_from(["past", "present", "future"])


@MANY
@given(st.one_of(texts, word_texts), references, tenses, st.booleans())
def test_time_resolution_of_any_text_gives_an_ordered_interval_or_none(
        text: str, ref: date, tense: str, dayfirst: bool) -> None:
    try:
        span = normalise(text, ref, tense, dayfirst)
    except InputError:
        return
    if span is not None:
        assert span.start is None or span.end is None or span.start <= span.end


counted_phrases = st.tuples(st.integers(0, 10**13), st.sampled_from(["days", "weeks", "months", "years", "decades"]),
                            st.sampled_from(["ago", "later", "earlier", "from now", ""]),
                            st.sampled_from(["", "in ", "next ", "the next ", "the last "]))


@settings(max_examples=2000, deadline=None, derandomize=True, report_multiple_bugs=False)
@given(counted_phrases, references)
def test_time_resolution_of_counted_phrases_never_leaves_the_calendar(
        phrase: tuple[int, str, str, str], ref: date) -> None:
    count, unit, after, before = phrase
    span = normalise(f"{before}{count} {unit} {after}".strip(), ref)
    if span is not None:
        assert span.start is None or span.end is None or span.start <= span.end


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=10)


@st.composite
def record_like(draw: st.DrawFn) -> dict:
    """Dicts near the records.md shape: the right keys with arbitrary values, or junk."""
    event = draw(st.fixed_dictionaries(
        {"id": json_values, "type": st.sampled_from(["PROTEST", "ASSAULT", "X"]) | json_values,
         "source": st.lists(st.text(max_size=4), max_size=2), "target": st.lists(st.text(max_size=4), max_size=2),
         "place": st.none() | st.text(max_size=4), "when": json_values, "sentence": st.text(max_size=20),
         "span": st.lists(st.integers(-5, 50), min_size=2, max_size=2) | json_values,
         "attribution": st.text(max_size=8), "status": st.text(max_size=8), "fatalities": json_values}))
    doc = draw(st.fixed_dictionaries({"id": st.text(max_size=8) | json_values, "title": json_values,
                                      "published": json_values, "page_date": json_values,
                                      "source": json_values, "language": json_values}))
    actors = draw(st.lists(st.fixed_dictionaries(
        {"id": st.text(max_size=4), "name": st.text(max_size=8), "kind": st.text(max_size=8),
         "country": json_values, "sector": json_values, "mentions": st.lists(st.text(max_size=5), max_size=2)}),
        max_size=2))
    record = {"doc": doc, "actors": actors, "places": draw(st.lists(json_values, max_size=2)),
              "events": [event]}
    drop = draw(st.sets(st.sampled_from(list(record)), max_size=1))
    return {k: v for k, v in record.items() if k not in drop}


@MANY
@given(st.one_of(record_like(), json_values), st.none() | st.text(max_size=40))
def test_validating_any_record_raises_only_record_errors(record: object, text: str | None) -> None:
    try:
        validate_record(record, text)  # type: ignore[arg-type]
    except RecordError:
        event("invalid")
        return
    event("valid")


SUBJECTS = ["Police", "The army", "Rebels", "Russia's president", "Protesters", "Kenyan police",
            "Government troops", "The United Nations"]
VERBS = ["arrested", "fired tear gas at", "shelled", "attacked", "met", "condemned", "killed",
         "demanded the release of", "marched against", "accused"]
OBJECTS = ["protesters", "the town", "two civilians", "opposition leaders", "the government",
           "2,000 people", "its neighbour", "journalists"]
WHERES = ["in Nairobi", "in Lima", "near Kharkiv", "in Paris", "outside parliament", ""]
WHENS = ["on Monday", "last week", "three years ago", "on March 3, 2019", "next month", "", "in 1999"]
SAYS = ["officials said", "witnesses said", "a spokesman said", "Reuters reported", ""]
noise = st.text(max_size=6)


@st.composite
def news_sentence(draw: st.DrawFn) -> str:
    """A news-like sentence, with generated noise between its parts now and then."""
    parts = [draw(st.sampled_from(options)) for options in (SUBJECTS, VERBS, OBJECTS, WHERES, WHENS)]
    said = draw(st.sampled_from(SAYS))
    words = [p for p in parts if p] + ([f", {said}"] if said else [])
    if draw(st.booleans()):
        at = draw(st.integers(0, len(words)))
        words.insert(at, draw(noise))
    return " ".join(words) + draw(st.sampled_from([".", ".", "!", "", "?"]))


news = st.lists(news_sentence(), min_size=1, max_size=4).map(" ".join)


@MANY
@given(st.lists(news, min_size=1, max_size=4).map("\n\n".join))
def test_every_emitted_record_validates_and_its_spans_lie_in_the_input(text: str) -> None:
    try:
        record = extract_text(text, "generated")
    except InputError:
        event("refused as input")
        return
    event("with events" if record.events else "record without events")
    as_dict = json.loads(json.dumps(record.to_dict()))
    validate_record(as_dict, record.article.text)
    article_text = record.article.text
    assert_blocks_inside(record.article)
    for coded in record.events:
        start, end = coded.span
        assert 0 <= start <= end <= len(article_text)
        assert article_text[start:end] == coded.sentence
    for item in [*record.actors, *record.places]:
        for start, end in item.spans:
            assert 0 <= start <= end <= len(article_text)
