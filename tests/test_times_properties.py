"""Properties of the normaliser over generated expressions and reference dates."""
from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.resolve.times import normalise, timex

WORDS = ["last", "next", "this", "the", "early", "late", "mid", "since", "by", "until", "in", "on",
         "two", "a few", "several", "days", "weeks", "months", "years", "ago", "later", "earlier",
         "July", "May", "Tuesday", "summer", "2015", "1990s", "quarter", "third", "week", "year",
         "12", "Oct.", "yesterday", "now", "-", "of", "and", "to", "between", "2009-2010", "noon"]

phrases = st.lists(st.sampled_from(WORDS), min_size=1, max_size=5).map(" ".join)
references = st.dates(min_value=date(1950, 1, 1), max_value=date(2049, 12, 31))
tenses = st.sampled_from(["past", "present", "future"])


@settings(max_examples=2000, deadline=None)
@given(phrases, references, tenses)
def test_intervals_are_ordered_and_bounded(text: str, ref: date, tense: str) -> None:
    span = normalise(text, ref, tense)
    if span is None:
        return
    assert span.start is not None or span.end is not None
    if span.start is not None and span.end is not None:
        assert span.start <= span.end, (text, ref, span)
    assert span.granularity is not None


@settings(max_examples=2000, deadline=None)
@given(phrases, references, tenses)
def test_timex_values_are_strings_of_known_types(text: str, ref: date, tense: str) -> None:
    value = timex(text, ref, tense)
    if value is None:
        return
    kind, text_value = value
    assert kind in ("DATE", "TIME", "DURATION", "SET")
    assert text_value and " " not in text_value


@settings(max_examples=2000, deadline=None)
@given(references)
def test_last_week_is_the_monday_to_sunday_before(ref: date) -> None:
    span = normalise("last week", ref, "past")
    assert span is not None and span.start is not None and span.end is not None
    assert span.start.weekday() == 0 and (span.end - span.start).days == 6
    assert 1 <= (ref - span.end).days <= 7
