"""HTML pages: metadata from the markup, the body from trafilatura, furniture filtered out.

The page is parsed once.  Metadata comes from ``<title>``, Open Graph and
article meta tags, JSON-LD (``datePublished``, ``dateModified``, ``author``,
``publisher``, ``keywords``), ``<time>`` and byline elements.  trafilatura
(``favor_precision``, no comments) finds the body; its paragraphs, joined by
blank lines, become ``Article.text`` and go through the same furniture pass
as text pages, so widget blocks, captions and teasers it let through stay out
of the blocks.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from lxml import html as lxml_html

_META_TITLE = ("og:title", "twitter:title", "title", "dc.title", "headline", "sailthru.title", "parsely-title")
_META_PUBLISHED = ("article:published_time", "og:published_time", "published_time", "datepublished",
                   "pubdate", "publishdate", "publish-date", "publish_date", "date", "dc.date.issued",
                   "dc.date", "dcterms.created", "sailthru.date", "parsely-pub-date", "article.published",
                   "originalpublicationdate", "cxenseparse:recs:publishtime", "displaydate", "og:pubdate")
_META_MODIFIED = ("article:modified_time", "og:updated_time", "modified_time", "datemodified",
                  "last-modified", "dcterms.modified", "article.updated", "lastmod")
_META_AUTHOR = ("author", "article:author", "byl", "dc.creator", "sailthru.author", "parsely-author", "twitter:creator")
_META_KEYWORDS = ("news_keywords", "keywords", "article:tag", "parsely-tags", "sailthru.tags")
_ARTICLE_TYPES = re.compile(r"(?:News|Reportage|Analysis|Opinion|Review|Background|Blog|Satirical|Scholarly|Tech)?"
                            r"(?:Article|Posting|Report)$|^LiveBlogPosting$")
_TITLE_SUFFIX = re.compile(r"\s+[|–—·:-]\s+[^|–—·:-]{2,60}$")
_BYLINE_XPATH = ("//*[@rel='author'][1]", "//*[contains(@class,'byline')][1]",
                 "//*[contains(@class,'author-name')][1]", "//*[@itemprop='author'][1]")


@dataclass
class HtmlMeta:
    title: str | None = None
    published: str | None = None
    modified: str | None = None
    author: str | None = None
    publisher: str | None = None
    site_name: str | None = None
    keywords: list[str] = field(default_factory=list)
    language: str | None = None
    url: str | None = None


def parse(html_text: str) -> Any:
    """The lxml tree of a page (trafilatura's loader, so both see the same tree)."""
    from trafilatura.utils import load_html

    return load_html(html_text)


def _meta_map(tree: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    for el in tree.iterfind(".//meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv") or "").strip().lower()
        value = (el.get("content") or "").strip()
        if key and value:
            if key in out and key in _META_KEYWORDS:
                out[key] += ", " + value
            else:
                out.setdefault(key, value)
    return out


def _first(meta: dict[str, str], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        if meta.get(key):
            return meta[key]
    return None


def _ld_objects(tree: Any) -> list[dict[str, Any]]:
    """JSON-LD objects on the page, flattened out of lists and @graph."""
    out: list[dict[str, Any]] = []
    stack: list[Any] = []
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            stack.append(json.loads(script.text or "", strict=False))
        except ValueError:
            continue
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            out.append(item)
            if isinstance(item.get("@graph"), list):
                stack.extend(item["@graph"])
    return out


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


def _ld_article(objects: list[dict[str, Any]]) -> dict[str, Any]:
    for obj in objects:
        types = obj.get("@type")
        types = types if isinstance(types, list) else [types]
        if any(isinstance(t, str) and _ARTICLE_TYPES.search(t) for t in types):
            return obj
    for obj in objects:
        if obj.get("datePublished") or obj.get("headline"):
            return obj
    return {}


def _text_of(el: Any) -> str:
    return re.sub(r"\s+", " ", el.text_content()).strip()


def read_meta(tree: Any) -> HtmlMeta:
    meta = _meta_map(tree)
    ld = _ld_article(_ld_objects(tree))
    out = HtmlMeta()
    title = ld.get("headline") if isinstance(ld.get("headline"), str) else None
    title = title or _first(meta, _META_TITLE)
    if not title:
        h1 = tree.find(".//h1")
        title = _text_of(h1) if h1 is not None else None
    if not title:
        t = tree.find(".//title")
        if t is not None and t.text:
            title = _TITLE_SUFFIX.sub("", t.text.strip())
    out.title = re.sub(r"\s+", " ", title).strip() if title else None
    out.published = _as_str(ld.get("datePublished")) or _first(meta, _META_PUBLISHED)
    out.modified = _as_str(ld.get("dateModified")) or _first(meta, _META_MODIFIED)
    if not out.published:
        times = tree.xpath("//time[@datetime]/@datetime | //*[@itemprop='datePublished']/@content")
        out.published = str(times[0]) if times else None
    authors = _names(ld.get("author")) or [a for a in [_first(meta, _META_AUTHOR)] if a and "://" not in a]
    if not authors:
        for xp in _BYLINE_XPATH:
            found = tree.xpath(xp)
            if found and 2 < len(_text_of(found[0])) < 100:
                authors = [re.sub(r"^(?:by|written by)\s+", "", _text_of(found[0]), flags=re.I)]
                break
    out.author = ", ".join(dict.fromkeys(authors)) or None
    publishers = _names(ld.get("publisher"))
    out.publisher = publishers[0] if publishers else None
    out.site_name = meta.get("og:site_name") or meta.get("application-name")
    kw = ld.get("keywords")
    kw_text = ", ".join(kw) if isinstance(kw, list) else (kw if isinstance(kw, str) else _first(meta, _META_KEYWORDS))
    if kw_text:
        out.keywords = list(dict.fromkeys(k.strip() for k in re.split(r"[,;]", kw_text) if k.strip()))
    root = tree.getroottree().getroot()
    out.language = root.get("lang") or root.get("xml:lang") or meta.get("og:locale") or meta.get("content-language") or \
        _as_str(ld.get("inLanguage"))
    canon = tree.xpath("//link[@rel='canonical']/@href")
    out.url = (str(canon[0]) if canon else None) or meta.get("og:url")
    return out


def _as_str(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    return value.strip() if isinstance(value, str) and value.strip() else None


def body_paragraphs(tree: Any, *, url: str | None = None, favor_precision: bool = True) -> list[str]:
    """The story's paragraphs as trafilatura finds them (comments left out)."""
    import trafilatura

    text = trafilatura.extract(tree, url=url, include_comments=False, favor_precision=favor_precision,
                               include_tables=True, deduplicate=False)
    if not text:
        return []
    return [line.strip() for line in text.split("\n") if line.strip()]


def looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) and "<html" in text[:4096].lower() or \
        bool(re.search(r"<(?:html|head|body|div|p|article|meta|title)\b[^>]*>", text[:4096], re.I)) and \
        text.count("<") > 5


def from_fragment(text: str) -> Any:
    """Parse a fragment that is not a whole document."""
    return lxml_html.fromstring(f"<html><body><div>{text}</div></body></html>")
