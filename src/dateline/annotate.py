"""annotate: spaCy over the clean body, one parse per body block.

Each block (paragraph) of ``Article.blocks`` is parsed on its own, so sentences
never run across paragraphs or furniture, and every character offset maps back
to ``Article.text`` by adding the block's offset.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from dateline.records import AnnotatedArticle, Article, ParsedBlock, Sentence
from dateline.resources import nlp as load_nlp

BATCH_SIZE = 64


def _sentences(parsed: list[ParsedBlock]) -> list[Sentence]:
    out: list[Sentence] = []
    for b, block in enumerate(parsed):
        for sent in block.doc.sents:
            text = sent.text.strip()
            if not text or not any(ch.isalpha() for ch in text):
                continue
            lead = len(sent.text) - len(sent.text.lstrip())
            start = block.offset + sent.start_char + lead
            out.append(Sentence(index=len(out), start=start, end=start + len(text), text=text, block=b))
    return out


def annotate(article: Article, nlp: Any = None) -> AnnotatedArticle:
    """Parse one article's body blocks."""
    return next(annotate_many([article], nlp=nlp))


def annotate_many(articles: Iterable[Article], nlp: Any = None,
                  batch_size: int = BATCH_SIZE) -> Iterator[AnnotatedArticle]:
    """Parse a stream of articles with ``nlp.pipe``, block by block, in batches."""
    model = nlp or load_nlp()

    def blocks() -> Iterator[tuple[str, tuple[Article, int, int]]]:
        for article in articles:
            spans = article.blocks or []
            if not spans:
                yield "", (article, -1, len(spans))
            for i, (start, end) in enumerate(spans):
                yield article.text[start:end], (article, i, len(spans))

    current: list[ParsedBlock] = []
    for doc, (article, index, total) in model.pipe(blocks(), as_tuples=True, batch_size=batch_size):
        if index >= 0:
            current.append(ParsedBlock(offset=article.blocks[index][0], doc=doc))
        if index == total - 1 or total == 0:
            parsed, current = current, []
            yield AnnotatedArticle(article=article, parsed=parsed, sentences=_sentences(parsed))
