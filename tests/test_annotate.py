"""annotate: blocks parsed one by one, sentence offsets point into the input."""
from __future__ import annotations

from dateline.annotate import annotate, annotate_many
from dateline.records import Article

TEXT = ("Headline that is not a block\n\n"
        "Rebels shelled the city on Monday. Two people died.\n\n"
        "SHARE THIS\n\n"
        "Talks resumed in Geneva on Friday, officials said.")


def article() -> Article:
    first = TEXT.index("Rebels")
    end_first = TEXT.index("\n\nSHARE")
    second = TEXT.index("Talks")
    return Article(id="a", text=TEXT, blocks=[(first, end_first), (second, len(TEXT))])


def test_sentences_map_back_into_the_input():
    annotated = annotate(article())
    assert [s.text for s in annotated.sentences] == [
        "Rebels shelled the city on Monday.", "Two people died.",
        "Talks resumed in Geneva on Friday, officials said."]
    for sent in annotated.sentences:
        assert TEXT[sent.start:sent.end] == sent.text
    assert [s.block for s in annotated.sentences] == [0, 0, 1]


def test_text_outside_blocks_is_never_parsed():
    annotated = annotate(article())
    parsed = " ".join(block.doc.text for block in annotated.parsed)
    assert "SHARE" not in parsed and "Headline" not in parsed


def test_many_articles_stream_in_order_including_empty_ones():
    empty = Article(id="empty", text="", blocks=[])
    out = list(annotate_many([article(), empty, article()]))
    assert [a.article.id for a in out] == ["a", "empty", "a"]
    assert out[1].sentences == [] and len(out[2].sentences) == 3
