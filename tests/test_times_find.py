"""find_times and event_time on a small article written for these tests."""
from __future__ import annotations

from datetime import date

import pytest

from dateline.records import AnnotatedArticle, Article, ParsedBlock, Sentence, TimeMention, TimeSpan
from dateline.resources import nlp
from dateline.resolve.times import event_time, find_times

PARAGRAPHS = [
    "Rebels seized the town of Karam in July after a week of fighting. "
    "Government troops shelled the area last week, residents said.",
    "Then the army's jets bombed the bridge. The minister will visit the region on Tuesday.",
    "The ceasefire has held since late September, officials said. Talks have resumed.",
    "Meanwhile, aid convoys reached the city. Soldiers burned the market.",
    "The four-year-long conflict displaced thousands. Since then, fighting has spread.",
]


def annotate_text(paragraphs: list[str], published: date | None,
                  page_date: date | None = None) -> AnnotatedArticle:
    """A minimal annotated article: one block per paragraph, sentences from spaCy."""
    text = "\n\n".join(paragraphs)
    blocks, offset = [], 0
    for paragraph in paragraphs:
        blocks.append((offset, offset + len(paragraph)))
        offset += len(paragraph) + 2
    article = Article("t1", text, blocks, published=published, page_date=page_date)
    parsed = [ParsedBlock(start, nlp()(text[start:end])) for start, end in blocks]
    sentences: list[Sentence] = []
    for index, block in enumerate(parsed):
        for sent in block.doc.sents:
            start = block.offset + sent.start_char
            sentences.append(Sentence(len(sentences), start, start + len(sent.text), sent.text, index))
    return AnnotatedArticle(article, parsed, sentences)


@pytest.fixture(scope="module")
def annotated() -> AnnotatedArticle:
    return annotate_text(PARAGRAPHS, date(2015, 10, 12), page_date=date(2022, 10, 5))


def _mention(annotated: AnnotatedArticle, words: str) -> TimeMention:
    times = find_times(annotated)
    found = [m for m in times if words in m.text]
    assert found, [m.text for m in times]
    return found[0]


def _trigger(annotated: AnnotatedArticle, word: str) -> tuple[int, int, int]:
    text = annotated.article.text
    start = text.index(word)
    sentence = next(s.index for s in annotated.sentences if s.start <= start < s.end)
    return sentence, start, start + len(word)


def test_offsets_point_into_article_text(annotated: AnnotatedArticle) -> None:
    times = find_times(annotated)
    assert times
    for mention in times:
        assert annotated.article.text[mention.start:mention.end] == mention.text
        assert annotated.sentences[mention.sentence].start <= mention.start


def test_values_of_mentions(annotated: AnnotatedArticle) -> None:
    july = _mention(annotated, "July")
    assert (july.value.start, july.value.end, july.kind) == (date(2015, 7, 1), date(2015, 7, 31), "point")
    week = _mention(annotated, "last week")
    assert (week.value.start, week.value.end) == (date(2015, 10, 5), date(2015, 10, 11))
    tuesday = _mention(annotated, "Tuesday")        # future tense: the coming Tuesday
    assert tuesday.value.start == date(2015, 10, 13)
    september = _mention(annotated, "late September")
    assert (september.value.start, september.value.end) == (date(2015, 9, 21), None)
    assert september.value.text == "since late September"


def test_bare_duration_is_kept_apart(annotated: AnnotatedArticle) -> None:
    duration = _mention(annotated, "a week")
    assert duration.kind == "duration"
    assert duration.value.start is None and duration.value.end is None


def test_duration_that_dates_a_war(annotated: AnnotatedArticle) -> None:
    war = _mention(annotated, "four-year-long")
    assert (war.value.start, war.value.end) == (date(2011, 1, 1), date(2015, 10, 12))


def test_event_in_same_clause_takes_its_expression(annotated: AnnotatedArticle) -> None:
    times = find_times(annotated)
    when = event_time(annotated, times, *_trigger(annotated, "seized"))
    assert (when.start, when.end) == (date(2015, 7, 1), date(2015, 7, 31))
    when = event_time(annotated, times, *_trigger(annotated, "shelled"))
    assert (when.start, when.end) == (date(2015, 10, 5), date(2015, 10, 11))
    when = event_time(annotated, times, *_trigger(annotated, "visit"))
    assert when.start == date(2015, 10, 13)


def test_connective_carries_the_previous_time(annotated: AnnotatedArticle) -> None:
    times = find_times(annotated)
    previous = TimeSpan(date(2015, 10, 5), date(2015, 10, 11), "last week", "week")
    when = event_time(annotated, times, *_trigger(annotated, "bombed"), previous=previous)
    assert (when.start, when.end, when.text) == (date(2015, 10, 5), date(2015, 10, 11), "Then")
    when = event_time(annotated, times, *_trigger(annotated, "reached"), previous=previous)
    assert (when.start, when.text) == (date(2015, 10, 5), "Meanwhile")


def test_connective_without_previous_time_is_unknown(annotated: AnnotatedArticle) -> None:
    when = event_time(annotated, find_times(annotated), *_trigger(annotated, "bombed"))
    assert when.start is None and when.end is None


def test_present_perfect_report_takes_the_days_up_to_publication(annotated: AnnotatedArticle) -> None:
    when = event_time(annotated, find_times(annotated), *_trigger(annotated, "resumed"))
    assert (when.start, when.end) == (date(2015, 10, 6), date(2015, 10, 12))


def test_present_progressive_report_takes_the_days_up_to_publication() -> None:
    article = annotate_text(["The general is now overseeing the siege. Engineers are repairing the dam."],
                            date(2015, 10, 12))
    when = event_time(article, find_times(article), *_trigger(article, "repairing"))
    assert (when.start, when.end) == (date(2015, 10, 6), date(2015, 10, 12))
    when = event_time(article, find_times(article), *_trigger(article, "overseeing"))
    assert (when.start, when.end) == (date(2015, 10, 12), date(2015, 10, 12))   # "now" governs


def test_simple_present_takes_publication_day() -> None:
    article = annotate_text(["The army controls the northern districts."], date(2015, 10, 12))
    when = event_time(article, find_times(article), *_trigger(article, "controls"))
    assert (when.start, when.end) == (date(2015, 10, 12), date(2015, 10, 12))


def test_event_noun_in_present_clause_takes_the_days_up_to_publication() -> None:
    article = annotate_text(["The pattern of the airstrikes shows their goals."], date(2015, 10, 12))
    when = event_time(article, find_times(article), *_trigger(article, "airstrikes"))
    assert (when.start, when.end) == (date(2015, 10, 6), date(2015, 10, 12))


def test_expression_in_a_relative_clause_does_not_date_the_main_event() -> None:
    article = annotate_text(["Jets struck the towns that rebels captured in March."], date(2015, 10, 12))
    times = find_times(article)
    captured = event_time(article, times, *_trigger(article, "captured"))
    assert captured.start == date(2015, 3, 1)
    struck = event_time(article, times, *_trigger(article, "struck"))
    assert struck.start is None and struck.end is None


def test_connective_beats_an_expression_of_another_clause() -> None:
    article = annotate_text(["At the same time, troops who began arriving in September joined the assault."],
                            date(2015, 10, 12))
    previous = TimeSpan(date(2015, 10, 5), date(2015, 10, 11), "last week", "week")
    when = event_time(article, find_times(article), *_trigger(article, "joined"), previous=previous)
    assert (when.start, when.text) == (date(2015, 10, 5), "At the same time")


def test_undated_past_event_is_unknown_never_page_date(annotated: AnnotatedArticle) -> None:
    when = event_time(annotated, find_times(annotated), *_trigger(annotated, "burned"))
    assert when.start is None and when.end is None and when.text is None


def test_since_then_starts_at_previous_event(annotated: AnnotatedArticle) -> None:
    previous = TimeSpan(date(2015, 7, 1), date(2015, 7, 31), "in July", "month")
    when = event_time(annotated, find_times(annotated), *_trigger(annotated, "spread"), previous=previous)
    assert (when.start, when.end) == (date(2015, 7, 1), None)


def test_no_publication_date_gives_no_present_default() -> None:
    article = annotate_text(["Talks have resumed."], None, page_date=date(2022, 10, 5))
    sentence, start, end = _trigger(article, "resumed")
    when = event_time(article, find_times(article), sentence, start, end)
    assert when.start is None and when.end is None


def test_range_gives_two_mentions_sharing_the_whole_interval() -> None:
    article = annotate_text(["Prices rose between 1985 and 1987, officials said."], date(2015, 10, 12))
    times = find_times(article)
    assert [m.text for m in times] == ["1985", "1987"]
    for mention in times:
        assert (mention.value.start, mention.value.end) == (date(1985, 1, 1), date(1987, 12, 31))


def test_age_is_not_a_time() -> None:
    article = annotate_text(["The 6-year-old boy arrived in Miami on Thursday."], date(2000, 1, 7))
    assert [m.text for m in find_times(article)] == ["Thursday"]
