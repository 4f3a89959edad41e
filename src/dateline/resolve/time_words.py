"""The vocabulary of time expressions (data/time_words.tsv) and text clean-up.

``Vocabulary`` is loaded once per process behind a cache; ``clean`` turns an
expression into lower-case, space-separated words the grammar can match
("Oct. 12th, 2015" -> "oct 12 2015", "mid-2015" -> "mid 2015").
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from dateline.resources import read_tsv

WORDS_FILE = "time_words.tsv"


@dataclass(frozen=True)
class Vocabulary:
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, float]
    quantities: dict[str, tuple[int, int] | None]
    units: dict[str, str]
    seasons: dict[str, str]
    parts: dict[str, str]
    ordinals: dict[str, int]
    dayparts: dict[str, str]
    connectives: tuple[str, ...]
    holidays: dict[str, str]

    def alternation(self, category: str) -> str:
        """A regex alternation of the words of one category, longest first."""
        words = sorted(getattr(self, category), key=len, reverse=True)
        return "|".join(re.escape(word) for word in words)


def _quantity(value: str) -> tuple[int, int] | None:
    if value == "X":
        return None
    low, high = value.split("-")
    return int(low), int(high)


@functools.cache
def vocabulary() -> Vocabulary:
    rows = read_tsv(WORDS_FILE)

    def pick(category: str) -> dict[str, str]:
        return {row["word"]: row["value"] for row in rows if row["category"] == category}

    return Vocabulary(
        months={w: int(v) for w, v in pick("month").items()},
        weekdays={w: int(v) for w, v in pick("weekday").items()},
        numbers={w: float(v) for w, v in pick("number").items()},
        quantities={w: _quantity(v) for w, v in pick("quantity").items()},
        units=pick("unit"),
        seasons=pick("season"),
        parts=pick("part"),
        ordinals={w: int(v) for w, v in pick("ordinal").items()},
        dayparts=pick("daypart"),
        connectives=tuple(sorted(pick("connective"), key=len, reverse=True)),
        holidays=pick("holiday"),
    )


_APOSTROPHES = re.compile(r"[\u2018\u2019\u02bc`]")
_DASHES = re.compile(r"[\u2010-\u2015]")
_ORDINAL_SUFFIX = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b")
_LETTER_HYPHEN = re.compile(r"(?<=[a-z])-(?=[a-z0-9])|(?<=[0-9])-(?=[a-z])")
_MERIDIEM = re.compile(r"\b([ap])\.\s?m\b\.?")
_DOT = re.compile(r"(?<![0-9])\.|\.(?![0-9])")
_PUNCT = re.compile(r"[,;:!?()\[\]\"](?![0-9]{2})")
_POSSESSIVE = re.compile(r"'s\b")
_SPACES = re.compile(r"\s+")
_FISCAL = re.compile(r"\bfiscal (?=\S)")   # fiscal periods are read as calendar ones
_KIND_OF_DAY = re.compile(r"\b(?:trading|business|working|calendar|school) (days?|weeks?|years?|hours?)\b")


def clean(text: str) -> str:
    """Lower-case words separated by single spaces; digits, ISO dates, clock times and
    numeric ranges kept whole."""
    text = _APOSTROPHES.sub("'", text.lower()).replace("centuries", "centurys")
    text = _DASHES.sub("-", text)
    text = _MERIDIEM.sub(r" \1m", text)
    text = _POSSESSIVE.sub("", text)
    text = _ORDINAL_SUFFIX.sub(r"\1", text)
    text = _LETTER_HYPHEN.sub(" ", text)
    text = _DOT.sub(" ", text)
    text = _PUNCT.sub(" ", text)
    text = _KIND_OF_DAY.sub(r"\1", text)
    text = _FISCAL.sub("", text)
    return _years_in_digits(_SPACES.sub(" ", text).strip())


_CENTURY_WORDS = ("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                  "eighteen", "nineteen", "twenty", "two")


def _years_in_digits(text: str) -> str:
    """Years said in words written in digits: "nineteen ninety four" -> "1994"."""
    if not any(word in text for word in _CENTURY_WORDS):
        return text
    words = text.split()
    out: list[str] = []
    i = 0
    while i < len(words):
        for size in (4, 3, 2):
            if words[i] in _CENTURY_WORDS and i + size <= len(words):
                year = spelled_year(" ".join(words[i:i + size]))
                if year is not None:
                    out.append(str(year))
                    i += size
                    break
        else:
            out.append(words[i])
            i += 1
    return " ".join(out)


def number_value(words: str) -> float | None:
    """The value of a number written in digits or words ("12", "twenty five", "a", "1/2")."""
    words = words.strip()
    if not words:
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", words.replace(",", "")):
        return float(words.replace(",", ""))
    table = vocabulary().numbers
    if words in table:
        return table[words]
    total = 0.0
    for word in words.replace(" and ", " ").split():
        if word not in table:
            return None
        value = table[word]
        total = total * value if value == 100 and total else total + value
    return total


def spelled_year(words: str) -> int | None:
    """A year said in words: "nineteen ninety six" -> 1996, "two thousand and one" -> 2001."""
    parts = words.replace(" and ", " ").split()
    if parts[:2] == ["two", "thousand"]:
        rest = number_value(" ".join(parts[2:])) if parts[2:] else 0.0
        return 2000 + int(rest) if rest is not None and rest < 100 else None
    if not parts or parts[0] not in ("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
                                     "seventeen", "eighteen", "nineteen", "twenty"):
        return None
    century = number_value(parts[0])
    if century is None:
        return None
    if parts[1:] == ["hundred"]:
        return int(century) * 100
    rest = number_value(" ".join(parts[1:])) if parts[1:] else None
    if rest is None or not 10 <= rest < 100:
        return None
    return int(century) * 100 + int(rest)
