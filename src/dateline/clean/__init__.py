"""The clean stage: a RawDocument in, an Article out.

Decode the bytes, decide text or HTML, then find the title, the dates
(``published`` is the FIRST publication), the credited source, byline,
keywords, language, and the body blocks: spans of ``Article.text`` that hold
the story's paragraphs and nothing else.
"""
from __future__ import annotations

from datetime import date

from dateline.clean import html as html_page
from dateline.clean import text as text_page
from dateline.clean.dates import numeric_order, parse_date
from dateline.clean.decode import decode
from dateline.clean.language import detect_language
from dateline.records import Article, RawDocument

__all__ = ["clean_document", "clean_text", "clean_html", "body_text"]


def clean_document(raw: RawDocument) -> Article:
    """Decode, reject empty or binary input (InputError), then read the page."""
    text, encoding, warnings = decode(raw.data, raw.origin or raw.id)
    kind = raw.kind or ("html" if html_page.looks_like_html(text) else "text")
    if kind == "html":
        article = clean_html(text, doc_id=raw.id, url=raw.url, hints=raw.hints)
    else:
        article = clean_text(text, doc_id=raw.id, url=raw.url, hints=raw.hints)
    article.encoding = encoding
    article.warnings = warnings + article.warnings
    if not article.blocks:
        article.warnings.append("no story paragraphs found")
    return article


def clean_text(text: str, *, doc_id: str = "doc", url: str | None = None, hints: dict | None = None) -> Article:
    """A plain-text page: offsets index the text as given."""
    hints = hints or {}
    blocks, facts = text_page.read_page(text)
    order, _ = numeric_order(text, url=url)
    published, page_date, modified = text_page.resolve_dates(facts, order)
    article = Article(id=doc_id, text=text, blocks=blocks, title=facts.title, subtitle=facts.subtitle,
                      published=published, page_date=page_date, modified=modified,
                      source=text_page.pick_source(facts), byline=facts.byline, keywords=facts.keywords,
                      url=url, kind="text")
    article.language = detect_language(" ".join(text[s:e] for s, e in blocks[:20]) or text)
    _apply_hints(article, hints, order)
    return article


def clean_html(markup: str, *, doc_id: str = "doc", url: str | None = None, hints: dict | None = None,
               favor_precision: bool = True) -> Article:
    """An HTML page: ``text`` is the extracted story text, paragraphs joined by blank lines."""
    hints = hints or {}
    tree = html_page.parse(markup)
    if tree is None:
        tree = html_page.from_fragment(markup)
    meta = html_page.read_meta(tree)
    paragraphs = html_page.body_paragraphs(tree, url=url or meta.url, favor_precision=favor_precision)
    text = "\n\n".join(paragraphs)
    blocks, facts = text_page.read_page(text) if text else ([], text_page.PageFacts())
    order, _ = numeric_order(text, locale=meta.language, url=url or meta.url)
    published_text, page_text, modified_text = text_page.resolve_dates(facts, order)
    published = _iso_or_text(meta.published, order) or published_text
    modified = _iso_or_text(meta.modified, order) or modified_text
    source = text_page.pick_source(facts) or _agency(meta.author) or meta.publisher or meta.site_name
    article = Article(id=doc_id, text=text, blocks=blocks, title=meta.title or facts.title,
                      subtitle=facts.subtitle, published=published, page_date=page_text or published,
                      modified=modified, source=source, byline=meta.author or facts.byline,
                      keywords=meta.keywords or facts.keywords, url=url or meta.url, kind="html")
    lang = (meta.language or "").split("-")[0].split("_")[0].lower()
    article.language = lang if len(lang) == 2 else detect_language(text)
    _apply_hints(article, hints, order)
    return article


def _iso_or_text(value: str | None, order: str) -> date | None:
    return parse_date(value, order) if value else None


def _agency(author: str | None) -> str | None:
    if author and author.lower().replace(" ", "-") in text_page._AGENCIES:
        return author
    return None


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


def body_text(article: Article) -> str:
    """The story's text: the blocks, one paragraph a line."""
    return "\n".join(article.text[s:e] for s, e in article.blocks)

