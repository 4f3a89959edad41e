"""The clean stage: a RawDocument in, an Article out.

Decode the bytes, decide text or HTML, then find the title, the dates
(``published`` is the FIRST publication), the credited source, byline,
keywords, language, and the body blocks: spans of ``Article.text`` that hold
the story's paragraphs and nothing else.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dateline.clean import html as html_page
from dateline.clean import text as text_page
from dateline.clean.dates import find_dates, numeric_order, parse_date
from dateline.clean.decode import decode
from dateline.clean.language import detect_language
from dateline.limits import MAX_TEXT_CHARS, truncate_text
from dateline.records import Article, RawDocument, Span

__all__ = ["Cleaned", "clean_document", "read_document", "clean_text", "clean_html", "body_text"]


@dataclass
class Cleaned:
    """An article and the story as a reader sees it (blocks plus subheads, list items, tables)."""

    article: Article
    story: list[Span]

    @property
    def story_text(self) -> str:
        return "\n".join(self.article.text[s:e] for s, e in self.story)


def clean_document(raw: RawDocument, max_chars: int = MAX_TEXT_CHARS) -> Article:
    """Decode, reject empty or binary input (InputError), then read the page.

    Text beyond ``max_chars`` characters is dropped, and the article says so in
    its warnings.
    """
    return read_document(raw, max_chars).article


def read_document(raw: RawDocument, max_chars: int = MAX_TEXT_CHARS) -> Cleaned:
    text, encoding, warnings = decode(raw.data, raw.origin or raw.id)
    text, truncated = truncate_text(text, max_chars)
    if truncated:
        warnings = [*warnings, truncated]
    kind = raw.kind or ("html" if html_page.looks_like_html(text) else "text")
    reader = clean_html if kind == "html" else clean_text
    cleaned = reader(text, doc_id=raw.id, url=raw.url, hints=raw.hints)
    article = cleaned.article
    article.encoding = encoding
    article.warnings = warnings + article.warnings
    if not article.blocks:
        article.warnings.append("no story paragraphs found")
    return cleaned


def clean_text(text: str, *, doc_id: str = "doc", url: str | None = None, hints: dict | None = None) -> Cleaned:
    """A plain-text page: offsets index the text as given."""
    reading = text_page.read_page(text)
    facts = reading.facts
    order = _order(text, facts, url=url)
    published, page_date, modified = text_page.resolve_dates(facts, order)
    article = Article(id=doc_id, text=text, blocks=reading.blocks, title=facts.title, subtitle=facts.subtitle,
                      published=published, page_date=page_date, modified=modified,
                      source=text_page.pick_source(facts), byline=facts.byline, keywords=facts.keywords,
                      url=url, kind="text")
    article.language = detect_language(" ".join(text[s:e] for s, e in reading.blocks[:20]) or text)
    _apply_hints(article, hints or {}, order)
    return Cleaned(article, reading.story)


def clean_html(markup: str, *, doc_id: str = "doc", url: str | None = None, hints: dict | None = None) -> Cleaned:
    """An HTML page: ``text`` is the extracted story text, paragraphs joined by blank lines."""
    tree = html_page.parse(markup)
    if tree is None:
        tree = html_page.from_fragment(markup)
    meta = html_page.read_meta(tree)
    url = url or meta.url
    text = "\n\n".join(html_page.body_paragraphs(tree, url=url))
    reading = text_page.read_page(text, title=meta.title or "")
    facts = reading.facts
    order = _order(text, facts, meta.published, meta.modified, locale=meta.language, url=url)
    published_text, page_text, modified_text = text_page.resolve_dates(facts, order)
    published = (parse_date(meta.published, order) if meta.published else None) or published_text
    modified = (parse_date(meta.modified, order) if meta.modified else None) or modified_text
    source = text_page.pick_source(facts) or text_page.agency(meta.author) or meta.publisher or meta.site_name
    article = Article(id=doc_id, text=text, blocks=reading.blocks, title=meta.title or facts.title,
                      subtitle=facts.subtitle, published=published, page_date=page_text or published,
                      modified=modified, source=source, byline=meta.author or facts.byline,
                      keywords=meta.keywords or facts.keywords, url=url, kind="html")
    lang = (meta.language or "").replace("_", "-").split("-")[0].lower()
    article.language = lang if len(lang) == 2 else detect_language(text)
    _apply_hints(article, hints or {}, order)
    return Cleaned(article, reading.story)


def _order(text: str, facts: text_page.PageFacts, *extra: str | None, locale: str | None = None,
           url: str | None = None) -> str:
    """The page's numeric date order, worked out only when a stated date needs it."""
    stated = [*facts.published, *facts.updated, *facts.shown, *(x for x in extra if x)]
    if any(m.ambiguous for line in stated for m in find_dates(line)):
        return numeric_order(text, locale=locale, url=url)[0]
    return "DMY"


def _apply_hints(article: Article, hints: dict, order: str) -> None:
    """Values the caller gave (a JSON line's title or date) win over what the page says."""
    if hints.get("title"):
        article.title = str(hints["title"]).strip()
    published = hints.get("published")
    if isinstance(published, date):
        article.published = published
    elif published:
        found = parse_date(str(published), order)
        if found:
            article.published = found
        else:
            article.warnings.append(f"could not read the given published date {published!r}")
    if hints.get("crawl_date") and not article.page_date:
        article.page_date = parse_date(str(hints["crawl_date"]), order)
    if hints.get("url") and not article.url:
        article.url = str(hints["url"])
    given = hints.get("warnings")
    if isinstance(given, list):
        article.warnings.extend(str(w) for w in given if w)


def body_text(article: Article) -> str:
    """The text of the blocks, one paragraph a line."""
    return "\n".join(article.text[s:e] for s, e in article.blocks)
