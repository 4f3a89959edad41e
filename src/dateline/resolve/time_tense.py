"""The tense of the clause a time expression sits in, from the spaCy parse.

The direction of a bare name ("on Tuesday", "in July") follows its clause: back
in time for a past or present-perfect verb, forward for "will"/"going to"/
"expected to" or a plan, and the nearest one for anything else.
"""
from __future__ import annotations

from typing import Any

FUTURE_AUX = ("will", "shall", "'ll", "wo", "would")
SCHEDULING = ("plan", "schedule", "postpone", "delay", "reschedule", "defer", "adjourn")
FUTURE_GOVERNORS = ("expect", "plan", "schedule", "set", "due", "intend", "hope", "aim", "prepare",
                    "want", "promise", "vow", "pledge", "threaten", "seek", "agree", "decide", "begin")


def clause_tense(doc: Any, start: int, end: int) -> str:
    """'past', 'future' or 'present' for the clause holding doc characters [start, end)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return "present"
    verb = _governing_verb(span.root)
    if verb is None:
        return "present"
    return verb_tense(verb)


def _governing_verb(token: Any) -> Any | None:
    seen = 0
    while seen < 30:
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "aux":
            return token
        if token.head.i == token.i:
            return token if token.pos_ in ("VERB", "AUX") else None
        token = token.head
        seen += 1
    return None


def verb_tense(verb: Any) -> str:
    """The tense of a verb with its auxiliaries: 'past', 'future' or 'present'."""
    if verb.lemma_ in SCHEDULING:
        return "future"     # what is planned or put off lies after the planning
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    lowers = [aux.lower_ for aux in auxiliaries]
    if any(word in FUTURE_AUX for word in lowers):
        return "future"
    if verb.tag_ in ("VBD",) or any(aux.tag_ in ("VBD",) for aux in auxiliaries):
        return "past"
    if verb.tag_ == "VBN" and any(aux.lemma_ == "have" for aux in auxiliaries):
        return "past"
    if verb.dep_ in ("xcomp", "ccomp") and verb.head.pos_ in ("VERB", "AUX", "ADJ"):
        head = verb.head
        if any(child.lower_ == "to" for child in verb.children) and head.lemma_ in FUTURE_GOVERNORS:
            return "future"
        if verb.dep_ == "xcomp" and head.lemma_ == "go" and head.tag_ == "VBG":
            return "future"
    if verb.tag_ == "VBN" and (verb.dep_ in ("amod", "acl") or not auxiliaries):
        return "past"   # a bare participle: a reduced clause or a simple past tagged as participle
    return "present"
