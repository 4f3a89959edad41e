"""Toponym recognition: where the body names places, and what the words around
each name say about its kind ("Idlib province", "the town of X", "X, Syria").

Sources of mentions, in order of trust:
* spaCy GPE/LOC/FAC entities (demonyms and names the document uses for people
  are dropped);
* PERSON/ORG/NORP entities the small model mislabels, kept only when the name
  is in the gazetteer and the context is locative ("in Idlib", "towns including
  Jisr al-Shughour", "Aleppo provinces");
* capitalised runs the model left unlabelled that name a country, admin1 area,
  water body, region or sizeable city;
* compass regions ("the northwest", "Syria's northwest", "northern Syria").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from dateline.records import AnnotatedArticle
from dateline.resolve.gazetteer import Gazetteer

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
RESCUE_LABELS = frozenset({"PERSON", "ORG", "NORP", "PRODUCT"})
ADMIN_WORDS = frozenset({"province", "provinces", "governorate", "governorates", "region", "regions",
               "state", "states", "oblast", "prefecture", "district", "districts", "county",
               "counties", "department", "emirate", "canton", "territory"})
CITY_WORDS = frozenset({"city", "town", "village", "port", "capital", "suburb", "township"})
LOCATIVE_WORDS = frozenset({"in", "at", "near", "from", "to", "into", "outside", "around", "including",
                  "toward", "towards", "across", "through", "of", "between", "and", "inside",
                  "within", "via", "across"})
DIRECTIONS = {"north": (1, 0), "south": (-1, 0), "east": (0, 1), "west": (0, -1),
              "northeast": (1, 1), "northwest": (1, -1), "southeast": (-1, 1), "southwest": (-1, -1)}
_DIRECTION_FORM = re.compile(r"^(north|south)?-?(east|west)?(ern)?$", re.IGNORECASE)
MIN_UNLABELLED_CITY_POPULATION = 100_000
MIN_CUED_RESCUE_POPULATION = 10_000
MIN_UNCUED_HAMLET_POPULATION = 5_000
SPEECH_LEMMAS = frozenset({"say", "tell", "add", "note", "state", "announce", "claim", "write", "argue",
                 "explain", "insist", "warn", "ask", "reply", "deny", "believe", "think", "want"})
PLACE_VERB_LEMMAS = frozenset({"flee", "leave", "enter", "reach", "visit", "capture", "seize", "take",
                               "retake", "recapture", "shell", "bomb", "attack", "strike", "hit",
                               "besiege", "liberate", "evacuate", "storm", "encircle", "raid",
                               "overrun", "control", "invade", "occupy", "tour", "cross"})
LEADING_WORDS = ("the ",)


@dataclass
class Mention:
    """One stretch of article text taken for a place name."""

    start: int
    end: int
    text: str                          # the bare toponym as written
    source: str                        # ent | rescue | scan | direction
    admin_hint: bool = False           # "X province", "Raqqa and Aleppo provinces"
    city_hint: bool = False            # "the town of X", "X city"
    article: bool = False              # "the Red Sea", "the Sahel": seas and regions take "the"
    direction: str | None = None       # compass word for a region mention
    anchor: str | None = None          # "Syria" in "Syria's northwest"/"northern Syria"
    container: tuple[int, int] | None = None   # span of "Texas" in "Austin, Texas"
    query: str | None = None           # the name to look up when it differs from text


def direction_of(word: str) -> str | None:
    """'northwestern' -> 'northwest'; None for non-compass words."""
    match = _DIRECTION_FORM.match(word.replace(" ", ""))
    if not match or not (match.group(1) or match.group(2)):
        return None
    return (match.group(1) or "").lower() + (match.group(2) or "").lower()


def _strip_leading(text: str, start: int) -> tuple[str, int]:
    for word in LEADING_WORDS:
        if text.lower().startswith(word):
            return text[len(word):], start + len(word)
    return text, start


def _strip_possessive(text: str) -> str:
    for tail in ("'s", "’s"):
        if text.endswith(tail):
            return text[: -len(tail)]
    return text


def _listed_party(text: str) -> bool:
    """A name the actor tables list as a group (an armed group, a party) and not as a state or
    capital ("Hamas", which the gazetteer also knows as a name of Hamm)."""
    from dateline.resolve.actor_lexicon import load_actor_lexicon

    lex = load_actor_lexicon()
    org = lex.org(text)
    return org is not None and org.kind == "group" and not lex.state_for(text) and not lex.capital_country(text)


def _person_words(doc_ents: list[Any]) -> set[str]:
    """Words used as parts of longer personal names ("Soleimani" in "Qassem Soleimani")."""
    words: set[str] = set()
    for ent in doc_ents:
        if ent.label_ == "PERSON" and len(ent) >= 2:
            for token in ent:
                if token.is_title:
                    words.add(token.text)
    return words


def _next_tokens(doc: Any, index: int, count: int) -> list[Any]:
    return [doc[i] for i in range(index, min(len(doc), index + count))]


def _admin_hint_after(doc: Any, end: int) -> bool:
    """The name is followed by an admin word, directly or across a coordination
    ("Raqqa and Aleppo provinces")."""
    following = _next_tokens(doc, end, 6)
    for i, token in enumerate(following):
        low = token.lower_
        if low in ADMIN_WORDS:
            plural_ok = i == 0 or low.endswith("s")
            return plural_ok and all(t.is_title or t.lower_ in {"and", ",", "or", "-", "al"}
                                     or t.text.startswith("al-") for t in following[:i])
        if not (token.is_title or low in {"and", ",", "or", "-"}):
            return False
    return False


def _city_hint_near(doc: Any, start: int, end: int) -> bool:
    if end < len(doc) and doc[end].lower_ == "city":
        return True
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in CITY_WORDS:
        return True
    return start >= 1 and doc[start - 1].lower_ in {"city", "town", "village"}


def _without_the(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text


def _looks_like_name(text: str) -> bool:
    """Starts with a capital letter and holds at least two letters ("D", "meth" are not names)."""
    return len([ch for ch in text if ch.isalpha()]) >= 2 and text[:1].isupper()


def _modifies_noun(doc: Any, end: int) -> bool:
    """The name is used as a modifier of a common noun ("Quds force", "Western officials")."""
    if end >= len(doc):
        return False
    following = doc[end]
    return following.pos_ == "NOUN" and following.lower_ not in ADMIN_WORDS | CITY_WORDS \
        and doc[end - 1].head.i == following.i


def _speaks(span: Any) -> bool:
    """The span is the subject of a verb of saying or thinking: a person or body, not a place."""
    root = span.root
    return root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_ in SPEECH_LEMMAS


def _locative_before(doc: Any, start: int) -> bool:
    """A preposition of place before the name, or the name is the object of a verb
    of moving, taking or striking ("fled Bakhmut", "shelled Kharkiv")."""
    if start >= 1 and doc[start - 1].lower_ in LOCATIVE_WORDS:
        return True
    token = doc[start]
    while token.dep_ == "compound" and token.head.i != token.i:
        token = token.head
    return token.dep_ == "dobj" and token.head.lemma_ in PLACE_VERB_LEMMAS


def _gazetteer_named(gazetteer: Gazetteer, text: str, min_city: int,
                     primary_only: bool = False, loose: bool = False) -> bool:
    allowed = ("name",) if primary_only else ("name", "alt", "skeleton") if loose else ("name", "alt")
    for cand in gazetteer.lookup(text, fuzzy=False):
        if cand.match not in allowed:
            continue
        if cand.feature != "city" or cand.population >= min_city:
            return True
    return False


def _trim_admin_word(doc: Any, span: Any) -> tuple[int, int, bool]:
    """Token range without a trailing admin word ("Idlib province" -> "Idlib")."""
    start, end = span.start, span.end
    admin = False
    while end - start > 1 and doc[end - 1].lower_ in ADMIN_WORDS:
        end -= 1
        admin = True
    if end - start > 1 and doc[start].lower_ in {"province", "governorate", "state"} \
            and doc[start + 1].lower_ == "of":
        start += 2
        admin = True
    return start, end, admin


def find_mentions(annotated: AnnotatedArticle, gazetteer: Gazetteer) -> list[Mention]:
    """Every toponym mention in the body, in text order, without overlaps."""
    mentions: list[Mention] = []
    person_words: set[str] = set()
    for block in annotated.parsed:
        person_words |= _person_words(list(block.doc.ents))
    for block in annotated.parsed:
        mentions.extend(_block_mentions(block.doc, block.offset, gazetteer, person_words))
    mentions.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Mention] = []
    for mention in (m for m in mentions if m.direction is None):
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    _link_containers(kept, annotated.article.text)
    kept.extend(m for m in mentions if m.direction is not None)
    kept.sort(key=lambda m: (m.start, -(m.end - m.start)))
    return kept


def _block_mentions(doc: Any, offset: int, gazetteer: Gazetteer,
                    person_words: set[str]) -> list[Mention]:
    out: list[Mention] = []
    ents = list(doc.ents)
    covered: set[int] = set()
    for ent in ents:
        for i in range(ent.start, ent.end):
            covered.add(i)
        if ent.label_ not in PLACE_LABELS | RESCUE_LABELS:
            continue
        start, end, admin = _trim_admin_word(doc, ent)
        if admin and _gazetteer_named(gazetteer, _without_the(ent.text), 0):
            start, end, admin = ent.start, ent.end, False     # "United States", "Gaza Strip"
        if doc[start].lower_ == "the":
            start += 1
        if start >= end:
            continue
        span = doc[start:end]
        text = _strip_possessive(span.text)
        if not _looks_like_name(text) or gazetteer.is_demonym(text):
            continue
        char_start = offset + span.start_char
        admin = admin or _admin_hint_after(doc, end)
        if _listed_party(text) and not (admin or _city_hint_near(doc, start, end)):
            continue            # "Hamas", "Hezbollah": a listed group, not the town whose name it shares
        if ent.label_ in PLACE_LABELS:
            if text in person_words and not admin:
                continue
            if len(span) == 1 and not (admin or _locative_before(doc, start)) \
                    and not _gazetteer_named(gazetteer, text, MIN_UNCUED_HAMLET_POPULATION) \
                    and gazetteer.lookup(text, fuzzy=False):
                continue        # "Julia", "Levi": a lone word naming only hamlets, with no cue
        else:
            if ent.label_ == "NORP" and text.endswith(("an", "ans", "ese", "ish", "is")) \
                    and not _gazetteer_named(gazetteer, text, MIN_CUED_RESCUE_POPULATION,
                                             primary_only=True):
                continue        # "Iranian", "Kurdish"; but "Omdurman" is a city
            if text in person_words or _speaks(doc[start:end]):
                continue
            if _modifies_noun(doc, end):
                # "Gainesville man", "Ohio voters": a modifier only under its primary name
                if ent.label_ == "NORP" or not _gazetteer_named(
                        gazetteer, text, MIN_CUED_RESCUE_POPULATION, primary_only=True):
                    continue
            kind_named = admin or _city_hint_near(doc, start, end)      # "the town of X"
            cued = kind_named or _locative_before(doc, ent.start)
            threshold = MIN_CUED_RESCUE_POPULATION if cued else MIN_UNLABELLED_CITY_POPULATION
            if not _gazetteer_named(gazetteer, text, 0 if kind_named else threshold,
                                    loose=kind_named):
                continue
        out.append(Mention(char_start, char_start + len(text), text,
                           "ent" if ent.label_ in PLACE_LABELS else "rescue",
                           admin_hint=admin, city_hint=_city_hint_near(doc, start, end),
                           article=start >= 1 and doc[start - 1].lower_ == "the"))
    out.extend(_scan_unlabelled(doc, offset, gazetteer, covered, person_words))
    out.extend(_direction_mentions(doc, offset))
    return out


def _scan_unlabelled(doc: Any, offset: int, gazetteer: Gazetteer, covered: set[int],
                     person_words: set[str]) -> list[Mention]:
    """Capitalised runs outside any entity that the gazetteer knows well."""
    out: list[Mention] = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if i in covered or not token.is_title or token.is_sent_start or token.pos_ != "PROPN":
            i += 1
            continue
        j = i
        while j < len(doc) and j not in covered and (doc[j].is_title or doc[j].lower_ in {"of", "al"}) \
                and j - i < 4:
            j += 1
        while j > i + 1 and doc[j - 1].lower_ in {"of", "al"}:
            j -= 1
        matched = False
        for end in range(j, i, -1):
            span = doc[i:end]
            if span.text in person_words or gazetteer.is_demonym(span.text) \
                    or _modifies_noun(doc, end) or _listed_party(span.text):
                continue
            threshold = MIN_CUED_RESCUE_POPULATION if _locative_before(doc, i) \
                else MIN_UNLABELLED_CITY_POPULATION
            if _gazetteer_named(gazetteer, span.text, threshold):
                start_char = offset + span.start_char
                out.append(Mention(start_char, start_char + len(span.text), span.text, "scan",
                                   admin_hint=_admin_hint_after(doc, end),
                                   city_hint=_city_hint_near(doc, i, end)))
                i = end
                matched = True
                break
        if not matched:
            i += 1
    return out


def _direction_mentions(doc: Any, offset: int) -> list[Mention]:
    """'the northwest', 'Syria's northwest', 'northern Syria'."""
    out: list[Mention] = []
    for token in doc:
        direction = direction_of(token.text)
        if direction is None or token.text[0].isupper() and not token.is_sent_start:
            continue
        low = token.lower_
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        prev = doc[token.i - 1] if token.i >= 1 else None
        start = offset + token.idx
        if low.endswith("ern") and nxt is not None and nxt.ent_type_ == "GPE":
            ent_end = nxt.i + 1
            while ent_end < len(doc) and doc[ent_end].ent_iob_ == "I":
                ent_end += 1
            anchor = doc[nxt.i:ent_end].text
            end = offset + doc[ent_end - 1].idx + len(doc[ent_end - 1].text)
            out.append(Mention(start, end, doc[token.i:ent_end].text, "direction",
                               direction=direction, anchor=anchor))
            continue
        if low.endswith("ern"):
            continue
        if nxt is not None and (nxt.pos_ in {"NOUN", "PROPN"} or nxt.lower_ in {"of", "-"}):
            continue
        anchor = None
        if prev is not None and prev.lower_ in {"'s", "’s"} and token.i >= 2 \
                and doc[token.i - 2].ent_type_ == "GPE":
            anchor = doc[token.i - 2].text
        elif prev is None or prev.lower_ not in {"the", "and", ","}:
            continue
        out.append(Mention(start, start + len(token.text), token.text, "direction",
                           direction=direction, anchor=anchor))
    return out


def mentions_at(annotated: AnnotatedArticle, spans: list[tuple[int, int]]) -> list[Mention]:
    """Mentions for given character spans (e.g. gold toponyms), with the same cues
    that recognition reads from the words around them."""
    out: list[Mention] = []
    for start, end in spans:
        text = annotated.article.text[start:end]
        query, admin_word = bare_name(text)
        mention = Mention(start, end, text, "given", query=query if query != text else None)
        for block in annotated.parsed:
            doc = block.doc
            span = doc.char_span(start - block.offset, end - block.offset, alignment_mode="expand")
            if span is None:
                continue
            mention.admin_hint = admin_word or _admin_hint_after(doc, span.end)
            mention.city_hint = _city_hint_near(doc, span.start, span.end)
            mention.article = span[0].lower_ == "the" or (
                span.start >= 1 and doc[span.start - 1].lower_ == "the")
            break
        out.append(mention)
    out.sort(key=lambda m: m.start)
    _link_containers(out, annotated.article.text)
    return out


def bare_name(text: str) -> tuple[str, bool]:
    """'Benue State' -> ('Benue', True); 'the Caspian Sea' -> ('Caspian Sea', False)."""
    words = text.split()
    if len(words) > 1 and words[0].lower() == "the":
        words = words[1:]
    admin = False
    while len(words) > 1 and words[-1].lower() in ADMIN_WORDS and words[-1].lower() != "county":
        words = words[:-1]
        admin = True
    return " ".join(words), admin


def _link_containers(mentions: list[Mention], text: str) -> None:
    """'Austin, Texas': the second name contains the first."""
    for first, second in zip(mentions, mentions[1:]):
        between = text[first.end:second.start]
        if between.strip() == "," and second.direction is None:
            first.container = (second.start, second.end)
