"""A small language guesser: script first, then function-word counts.

Enough to tell English from the other languages a news crawl commonly holds;
ISO 639-1 codes.  Unknown or too little text gives the caller's default.
"""
from __future__ import annotations

import re
from collections import Counter

_STOPWORDS = {
    "en": "the of and to in is that for on with was as by at from it his are said has have were be this which",
    "fr": "le la les de des du et est un une dans pour que qui sur pas par au aux avec ce il elle sont ont",
    "de": "der die das und ist nicht mit den dem des ein eine zu auf für sich von sie wird wurde auch im",
    "es": "el la los las de del y que en un una por con para es se lo al como su más pero sus fue",
    "it": "il la lo gli le di del della che e un una per con non sono è nel alla dei delle anche",
    "pt": "o a os as de do da dos das e que em um uma para com não por se na no mais foi ao",
    "nl": "de het een en van is dat op te in voor met zijn niet aan er ook als bij door",
    "id": "yang dan di dari untuk dengan ini itu dalam tidak akan pada juga ke oleh",
    "tr": "ve bir bu da de için ile olarak çok daha olan gibi sonra kadar ama",
}
_STOP = {lang: frozenset(words.split()) for lang, words in _STOPWORDS.items()}
_SCRIPTS = (
    ("ru", re.compile(r"[\u0400-\u04ff]")), ("ar", re.compile(r"[\u0600-\u06ff]")),
    ("he", re.compile(r"[\u0590-\u05ff]")), ("el", re.compile(r"[\u0370-\u03ff]")),
    ("hi", re.compile(r"[\u0900-\u097f]")), ("zh", re.compile(r"[\u4e00-\u9fff]")),
    ("ja", re.compile(r"[\u3040-\u30ff]")), ("ko", re.compile(r"[\uac00-\ud7af]")),
    ("th", re.compile(r"[\u0e00-\u0e7f]")), ("uk", re.compile(r"[ієїґ]")),
)
_WORDS = re.compile(r"[^\W\d_]+")


def detect_language(text: str, default: str = "en") -> str:
    sample = text[:20000]
    letters = sum(ch.isalpha() for ch in sample)
    if letters < 20:
        return default
    scripts = Counter()
    for code, pattern in _SCRIPTS:
        scripts[code] = len(pattern.findall(sample))
    if scripts["ja"] > letters * 0.05:
        return "ja"
    code, count = max(scripts.items(), key=lambda kv: kv[1])
    if count > letters * 0.3:
        if code == "ru" and scripts["uk"] > count * 0.02:
            return "uk"
        return code
    words = [w.lower() for w in _WORDS.findall(sample)]
    if len(words) < 5:
        return default
    hits = {lang: sum(w in stop for w in words) for lang, stop in _STOP.items()}
    best = max(hits, key=hits.get)
    # a verdict against the default needs clear evidence: a short English sentence can hold two
    # words that are also Dutch or German function words ("Hamas leaders met officials in Cairo")
    if hits[best] < max(3, len(words) * 0.05) or hits[best] < 2 * hits.get(default, 0) + 1:
        return default
    return best
