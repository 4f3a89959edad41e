"""The content words of a report's sentence, for telling apart acts of one
kind, day and place that different sentences report (a bridge blast and a
troop deployment, both 'accusations' against one country on one day)."""
from __future__ import annotations

import functools
import re

# Words of attribution carry no content: every report has them.
REPORTING_WORDS = frozenset({
    "said", "says", "say", "saying", "told", "tell", "stated", "states", "according",
    "added", "reported", "reports", "statement", "spokesman", "spokeswoman", "officials",
    "official", "announced", "cited", "quoted", "claimed", "confirmed"})
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


@functools.cache
def stop_words() -> frozenset[str]:
    """spaCy's English stop words (loaded on first use) and reporting words."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | REPORTING_WORDS


def sentence_terms(sentence: str | None) -> frozenset[str]:
    """Lower-cased content words (stop and reporting words, one-letter tokens
    dropped), with a crude plural fold so 'strikes' meets 'strike'."""
    if not sentence:
        return frozenset()
    stops = stop_words()
    out = set()
    for token in _TOKEN.findall(sentence.lower()):
        if len(token) < 2 or token in stops:
            continue
        if len(token) > 4 and token.endswith("s") and not token.endswith("ss"):
            token = token[:-1]
        out.add(token)
    return frozenset(out)


def overlap(one: frozenset[str], other: frozenset[str]) -> float:
    """Jaccard similarity of two term sets (0 when either is empty)."""
    if not one or not other:
        return 0.0
    return len(one & other) / len(one | other)
