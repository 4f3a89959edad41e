"""Normalised keys for place names: the two levels the gazetteer indexes.

``name_key`` folds case, diacritics, apostrophes, hyphens and spacing, and a
leading "the".  ``skeleton_key`` goes further so that common romanisations of
one name meet: Arabic article prefixes (al-, el-, ash-, ad-, az- ...) are
dropped, vowel and consonant spellings that vary between transliteration
schemes are merged (ou/u/o, ei/ai/ay/e/i, sh/ch, z/s, q/k, doubled letters, a
final -ah/-a) and spaces disappear, so "Deir ez-Zor", "Deir al-Zour" and
"Dayr az Zawr" share one key.
"""
from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = "'’‘ʻʼʿʾ`´"
_SEPARATORS = re.compile(r"[\s\-‐‑–—_/.,]+")
_NON_WORD = re.compile(r"[^a-z0-9 ]")
# Arabic definite article, sun-letter assimilated forms included, as its own word.
_ARTICLE = re.compile(r"(?:(?<= )|^)(?:al|el|ul|as|ash|ad|adh|ar|az|an|at|ath|es|esh|ed|er|ez|en|et|il)(?= )")
_SKELETON_RULES: tuple[tuple[str, str], ...] = (
    ("kh", "k"), ("gh", "g"), ("dh", "d"), ("th", "t"), ("ch", "sh"), ("sch", "sh"),
    ("ph", "f"), ("ck", "k"), ("q", "k"), ("c", "k"), ("z", "s"), ("dj", "j"),
    ("ou", "u"), ("oo", "u"), ("aw", "u"), ("ow", "u"), ("w", "u"), ("o", "u"),
    ("ei", "e"), ("ai", "e"), ("ay", "e"), ("ey", "e"), ("ie", "i"), ("ee", "i"), ("y", "i"),
    ("e", "i"),
)
_DOUBLE = re.compile(r"(.)\1+")


def fold(text: str) -> str:
    """Lower case, no diacritics, apostrophes removed, separators as single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = stripped.replace("ı", "i").replace("ß", "ss").replace("ø", "o").replace("đ", "d")
    stripped = stripped.replace("ł", "l").replace("æ", "ae").replace("œ", "oe")
    for mark in _APOSTROPHES:
        stripped = stripped.replace(mark, "")
    lowered = _SEPARATORS.sub(" ", stripped.casefold())
    return " ".join(_NON_WORD.sub("", lowered).split())


def name_key(text: str) -> str:
    """Exact-match key: folded, without a leading English article."""
    key = fold(text)
    if key.startswith("the "):
        key = key[4:]
    return key


def skeleton_key(text: str) -> str:
    """Loose key shared by transliteration variants of one name."""
    key = name_key(text)
    without_article = _ARTICLE.sub("", key).strip()
    if without_article:
        key = without_article
    words = []
    for word in key.split():
        for old, new in _SKELETON_RULES:
            word = word.replace(old, new)
        word = _DOUBLE.sub(r"\1", word)
        if len(word) > 3 and word.endswith("ah"):
            word = word[:-1]
        if len(word) > 3 and word.endswith("h") and word[-2] in "aeiu":
            word = word[:-1]
        words.append(word)
    return "".join(words)
