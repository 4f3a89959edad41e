"""Line-level classifier for page furniture: what on a news page is not the story.

:func:`classify` looks at one line (a paragraph of a text dump, or one block
that an HTML extractor returned) and says what it is: story prose, a bullet, a
subhead, a date or byline line, a credited source, a keyword list, or one of
the furniture kinds listed in ``data/furniture.tsv`` (widget headings, teaser
headlines, share and comment controls, captions, navigation).  Context — the
line before, whether the story has started — is the caller's business.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from dateline.clean.dates import find_dates, is_date_only
from dateline.resources import read_tsv

# Sentence-final punctuation, looked for after stripping closing quotes and brackets.
_CLOSERS = "\"'”’»)]」』）】"
_FINAL = ".!?…:;。！？"
BULLET = re.compile(r"^\s*(?:[*•·▪◦‣○●■□➤►–-]|\d{1,2}[.)])\s+(?=\S)")
# An image label or file slug glued to the first word: "conflict-zone-graphHis Moscow ...".
_GLUED_SLUG = re.compile(r"^(?:[a-z0-9]+(?:[-_][a-z0-9]+)+|[\w-]+\.(?:jpe?g|png|gif|webp|svg))(?=[A-Z“\"‘'])")
# "MOSCOW (Reuters) -", "BEIRUT, Oct 12 (AP) —", "NEW DELHI (PTI):"
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’/ -]{1,40}[A-Z.](?:,\s*[A-Z][\w.' -]{1,30}?)?(?:,\s*[A-Z][a-z]{2,8}\.? \d{1,2})?)\s*"
    r"\((?P<agency>[A-Z][\w.&' -]{1,30})\)\s*[-–—:]+\s*")
_GLUED_DATELINE = re.compile(r"^(?P<place>[A-Z][\w.'’ ,-]{1,40}?\s*)?\((?P<agency>[A-Z][\w.&' -]{1,30})\)(?=[A-Z“\"])")
_PLAIN_DATELINE = re.compile(r"^(?P<place>[A-Z][A-Z.'’/ -]{2,30}[A-Z])(?:,\s*[A-Z][a-z]{2,8}\.? \d{1,2})?"
                             r"(?:\s*[:–—]|\s+-)\s+(?=[A-Z“\"])")
_BYLINE = re.compile(r"^(?:by|written by|reported by|story by|words by|posted by|author:?)\s+(?P<value>[A-Z][\w.'’-]*"
                     r"(?:[ ,]+(?:and |& )?[A-Z][\w.'’-]*){0,8})(?:\s*[|,/–—-]\s*.{0,80})?$", re.I)
_PUBLISHED = re.compile(r"^(?:first published|originally published|published|posted|released|date(?:d)?|"
                        r"publish(?:ed)? date|created)(?:\s+(?:on|at))?\s*[:\-–—]?\s*", re.I)
_UPDATED = re.compile(r"^(?:last updated|updated|last modified|modified|edited|revised)(?:\s+(?:on|at))?\s*[:\-–—]?\s*", re.I)
_TEASER_TAIL = re.compile(r"(?:\.\.\.|…)\s*(?:premium|read more|more|»|›)?\s*$|(?<=[a-z0-9’'\".?!])Premium\s*$", re.I)
SUBHEAD_MAX_WORDS = 16
ITEM_MAX_WORDS = 6         # a bullet this short without final punctuation is a list item, not a paragraph
TEASER_MAX_WORDS = 20      # a line cut off with "..." is a teaser only when headline-sized
LONG_LINE = 300            # a punctuated line this long is prose: no furniture rule needs testing
_NAV_SPLIT = re.compile(r"\s+[|»›>/•·]\s+|\s*\|\s*")
FIELD_SPLIT = re.compile(r"\s+[|·•]\s+|\s*\|\s*")    # "By X | Updated: ..." and "Outlet | Section | Date"
_CREDIT_END = re.compile(r"[.;]\s|\s+(?:and|with) (?:additional )?(?:reporting|inputs)")
_DIGIT = re.compile(r"\d")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_FUNCTION_WORDS = frozenset("""the a an is are was were be been being has have had do does did said says say will
would can could should may might must and or but that which who whom whose this these those it its he she they we
you i his her their our my your to of in on at for with from by as than then when while after before because""".split())


@dataclass(frozen=True)
class Label:
    kind: str                 # prose bullet subhead title-like date published updated byline credit keywords
                              # widget teaser end furniture nav blank
    start: int = 0            # where the story text of the line starts (after a bullet, label or dateline)
    value: str | None = None  # byline name, credited source, dateline agency
    note: str = ""


@functools.cache
def _rules() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """The rules of ``furniture.tsv`` in the order they are tried, alternatives of a kind joined."""
    order = {"end": 0, "widget": 1, "credit": 2, "keywords": 3, "line": 4}
    grouped: dict[tuple[str, str], list[str]] = {}
    valued: list[tuple[str, str, str]] = []
    for row in read_tsv("furniture.tsv"):
        if "(?P<value>" in row["pattern"]:
            valued.append((row["kind"], row["match"], row["pattern"]))
        else:
            grouped.setdefault((row["kind"], row["match"]), []).append(row["pattern"])
    rules = [(kind, how, "|".join(f"(?:{p})" for p in patterns)) for (kind, how), patterns in grouped.items()]
    rules += valued
    rules.sort(key=lambda r: order.get(r[0], 9))
    return tuple((kind, how, re.compile(pattern, re.I)) for kind, how, pattern in rules)


def match_rule(line: str) -> tuple[str, str | None] | None:
    """(kind, value) of the first furniture rule the stripped line matches."""
    text = line.strip().rstrip(":").strip()
    for kind, how, pattern in _rules():
        if how == "full":
            m = pattern.fullmatch(text)
        elif how == "start":
            m = pattern.match(text)
        else:
            m = pattern.search(text)
        if m:
            value = m.groupdict().get("value")
            if value and kind == "credit":
                value = _CREDIT_END.split(value)[0]
            return kind, value.strip(" .,") if value else None
    return None


def ends_sentence(line: str) -> bool:
    body = line.rstrip().rstrip(_CLOSERS).rstrip()
    return bool(body) and body[-1] in _FINAL


def is_keyword_list(line: str) -> bool:
    """Many short comma-separated items, no verbs or articles: a tag line."""
    items = [x.strip() for x in line.strip().rstrip(".").split(",")]
    items = [x for x in items if x]
    if len(items) < 4:
        return False
    if any(len(x.split()) > 5 for x in items) or items[-1].lower().startswith(("and ", "or ")):
        return False
    with_function_words = sum(any(w.lower() in _FUNCTION_WORDS for w in x.split()) for x in items)
    capitalised = sum(x[:1].isupper() for x in items)
    return with_function_words <= len(items) // 5 and capitalised * 2 >= len(items)


def is_title_case(line: str) -> bool:
    """Headline style: most longer words capitalised."""
    words = [w for w in _WORD.findall(line) if len(w) > 3]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def is_navigation(line: str) -> bool:
    parts = [p.strip() for p in _NAV_SPLIT.split(line.strip()) if p.strip()]
    return len(parts) >= 3 and all(len(p.split()) <= 4 and not ends_sentence(p) for p in parts)


def _dated_header(line: str) -> bool:
    """'Outlet | Section | 26 November 2023': short segments, one of them a date."""
    parts = [p.strip() for p in FIELD_SPLIT.split(line) if p.strip()]
    return len(parts) >= 2 and any(is_date_only(p) for p in parts) and all(len(p.split()) <= 5 for p in parts)


def is_teaser(line: str) -> bool:
    """A headline cut short ("...") or flagged as paywalled ("...Premium")."""
    s = line.strip()
    m = _TEASER_TAIL.search(s)
    if not m or ends_sentence(s[:m.start()]):
        return False
    return bool(m.group(0).strip(" .…")) or _words(s) <= TEASER_MAX_WORDS


def dateline(line: str) -> tuple[int, str | None]:
    """Length of a leading dateline ("MOSCOW (Reuters) - ") and the agency it credits."""
    m = _DATELINE.match(line)
    if m and len(m.group("place").split()) <= 6:
        return m.end(), m.group("agency").strip()
    m = _GLUED_DATELINE.match(line)
    if m:
        return m.end(), m.group("agency").strip()
    m = _PLAIN_DATELINE.match(line)
    if m:
        return m.end(), None
    return 0, None


def classify(line: str) -> Label:
    """What one line (one paragraph) of a page is, on its own."""
    s = line.strip()
    if not s:
        return Label("blank")
    lead = len(line) - len(line.lstrip())
    if s.startswith("|") and s.endswith("|"):
        return Label("table")
    long_prose = len(s) > LONG_LINE and ends_sentence(s)
    if not long_prose:
        label = _short_line(s)
        if label is not None:
            return label
    m = BULLET.match(line)
    if m:
        inner = line[m.end():]
        inner_label = classify(inner)
        if inner_label.kind not in ("prose", "subhead"):
            return Label(inner_label.kind, start=m.end(), value=inner_label.value)
        if ends_sentence(inner) or (_words(inner) > ITEM_MAX_WORDS and not is_title_case(inner)):
            return Label("bullet", start=m.end())
        return Label("item", start=m.end())
    start = lead
    glued = _GLUED_SLUG.match(s)
    if glued:
        start = lead + glued.end()
    offset, agency = dateline(line[start:])
    if offset and len(line) - start - offset > 40:
        return Label("prose", start=start + offset, value=agency, note="dateline")
    if not long_prose and not ends_sentence(s) and _words(s) <= SUBHEAD_MAX_WORDS:
        return Label("subhead", start=start)
    return Label("prose", start=start, note="glued label" if glued else "")


def _short_line(s: str) -> Label | None:
    """The furniture and metadata tests, which only short or unpunctuated lines can pass."""
    rule = match_rule(s)
    if rule:
        kind, value = rule
        return Label("furniture" if kind == "line" else kind, value=value)
    if len(s) < 200 and _DIGIT.search(s):
        if _UPDATED.match(s) and find_dates(s):
            return Label("updated")
        if _PUBLISHED.match(s) and find_dates(s):
            return Label("published")
        if is_date_only(s) or _dated_header(s):
            return Label("date")
    m = _BYLINE.match(s)
    if m and len(s) < 160:
        return Label("byline", value=m.group("value").strip(" ,"))
    if is_teaser(s):
        return Label("teaser")
    if is_navigation(s):
        return Label("nav")
    if is_keyword_list(s):
        return Label("keywords")
    return None


def _words(s: str) -> int:
    """Words, counting CJK characters two to a word."""
    cjk = len(_CJK.findall(s))
    return len(_WORD.findall(s)) + cjk // 2 if cjk else len(_WORD.findall(s))
