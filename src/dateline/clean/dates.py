"""Document dates: find calendar dates in common written formats and normalise them.

Numeric dates such as ``12-10-2015`` are ambiguous between day-month and
month-day.  The order is decided per page (:func:`numeric_order`) from the
page's own evidence — unambiguous numeric dates elsewhere on it, its spelling
conventions, its declared locale, the separator it uses — never from the year.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
    "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
    "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
    "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_MONTH = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|" \
         r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_ORD = r"(?:st|nd|rd|th)?"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso", re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d\d)(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d])")),
    ("compact", re.compile(r"(?<![\d])(?P<y>(?:19|20)\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])T\d")),
    ("numeric", re.compile(r"(?<![\d.:/-])(?P<a>\d{1,2})(?P<sep>[-/.])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d\d|\d\d)(?![\d])")),
    ("mdy", re.compile(rf"\b{_MONTH}\s*(?P<d>\d{{1,2}}){_ORD}(?:,\s*|\s+|,)(?P<y>(?:19|20)\d\d)\b", re.I)),
    ("dmy", re.compile(rf"\b(?P<d>\d{{1,2}}){_ORD}(?:\s+of)?[\s-]+{_MONTH},?[\s-]+(?P<y>(?:19|20)\d\d)\b", re.I)),
)
TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*\(?(?:[A-Z]{2,4}|UTC[+-]?\d*|GMT[+-]?\d*)\)?)?|"
                  r"\b\d{1,2}\s*[ap]\.?m\.?", re.I)
WEEKDAY = re.compile(rf"\b{_WEEKDAY}(?=\W|$)", re.I)


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    text: str
    kind: str                     # iso | compact | numeric | mdy | dmy
    year: int
    first: int                    # for "numeric": the first number; else the month
    second: int                   # for "numeric": the second number; else the day
    sep: str = ""

    @property
    def ambiguous(self) -> bool:
        return self.kind == "numeric" and self.first <= 12 and self.second <= 12 and self.first != self.second

    def order_evidence(self) -> str | None:
        """'DMY' or 'MDY' when this numeric date can only be read one way."""
        if self.kind != "numeric":
            return None
        if self.first > 12 >= self.second:
            return "DMY"
        if self.second > 12 >= self.first:
            return "MDY"
        return None

    def to_date(self, order: str = "DMY") -> date | None:
        if self.kind == "numeric":
            order = self.order_evidence() or order
            day, month = (self.first, self.second) if order == "DMY" else (self.second, self.first)
        else:
            month, day = self.first, self.second
        try:
            return date(self.year, month, day)
        except ValueError:
            return None


def _year(text: str) -> int:
    y = int(text)
    if y < 100:
        y += 2000 if y < 70 else 1900
    return y


def find_dates(text: str) -> list[DateMatch]:
    """Every date written in ``text``, left to right, without overlaps."""
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            g = m.groupdict()
            if kind in ("iso", "compact"):
                dm = DateMatch(s, e, m.group(0), kind, int(g["y"]), int(g["m"]), int(g["d"]), g.get("sep") or "")
            elif kind == "numeric":
                dm = DateMatch(s, e, m.group(0), kind, _year(g["y"]), int(g["a"]), int(g["b"]), g["sep"])
            else:
                dm = DateMatch(s, e, m.group(0), kind, int(g["y"]), MONTHS[g["mon"].lower().rstrip(".")], int(g["d"]))
            if dm.kind != "numeric" and dm.to_date() is None:
                continue
            found.append(dm)
            taken.append((s, e))
    found.sort(key=lambda d: d.start)
    return found


# Spelling conventions: (British/Commonwealth, American) word pairs that mark a page's locale.
_UK_WORDS = frozenset("""colour colours favour favoured favourite honour honoured labour neighbour neighbours
neighbouring behaviour harbour rumour rumours vigour armoured centre centres metre metres kilometre kilometres
theatre defence offence licence organisation organisations organised organising mobilise mobilised mobilising
recognise recognised realise realised criticise criticised apologise apologised authorised programme travelled
travelling cancelled modelling labelled fuelled analyse analysed jewellery grey whilst""".split())
_US_WORDS = frozenset("""color colors favor favored favorite honor honored labor neighbor neighbors neighboring
behavior harbor rumor rumors vigor armored center centers meter meters kilometer kilometers theater defense
offense license organization organizations organized organizing mobilize mobilized mobilizing recognize
recognized realize realized criticize criticized apologize apologized authorized traveled traveling canceled
modeling labeled fueled analyze analyzed jewelry gray""".split())
_DMY_LOCALES = re.compile(r"^(?:en[-_](?:gb|uk|in|au|nz|ie|za|pk|ng|ke|sg)|fr|de|es|it|pt|nl|ru|pl|tr)", re.I)
_DMY_TLDS = (".uk", ".in", ".au", ".nz", ".ie", ".za", ".pk", ".ng", ".ke", ".sg", ".fr", ".de", ".es", ".it")


def numeric_order(text: str, *, locale: str | None = None, url: str | None = None,
                  dates: list[DateMatch] | None = None) -> tuple[str, str]:
    """Decide how this page writes numeric dates: ('DMY' | 'MDY', the reason).

    Evidence, strongest first: numeric dates on the page that can only be read
    one way; the page's declared locale or its URL's country; its spelling
    (British or American); the separator (slashes lean month-first).
    """
    dates = find_dates(text) if dates is None else dates
    votes = [d.order_evidence() for d in dates]
    dmy, mdy = votes.count("DMY"), votes.count("MDY")
    if dmy != mdy:
        return ("DMY", "unambiguous numeric dates") if dmy > mdy else ("MDY", "unambiguous numeric dates")
    if locale:
        if locale.lower().replace("_", "-") == "en-us":
            return "MDY", "declared locale"
        if _DMY_LOCALES.match(locale):
            return "DMY", "declared locale"
    if url:
        host = re.sub(r"^[a-z]+://", "", url.lower()).split("/")[0].split(":")[0]
        if host.endswith(_DMY_TLDS):
            return "DMY", "country of the URL"
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", text)]
    uk = sum(w in _UK_WORDS for w in words)
    us = sum(w in _US_WORDS for w in words)
    if uk != us and max(uk, us) >= 2:
        return ("DMY", "British spelling") if uk > us else ("MDY", "American spelling")
    seps = [d.sep for d in dates if d.kind == "numeric"]
    if seps and seps.count("/") * 2 > len(seps):
        return "MDY", "slash-separated numeric dates"
    return "DMY", "default (day before month)"


def parse_date(text: str, order: str = "DMY") -> date | None:
    """The first date written in ``text``, or None."""
    for m in find_dates(text):
        d = m.to_date(order)
        if d is not None:
            return d
    return None


_FILLER = re.compile(r"[\s,;|·•/()\[\]:–—-]+|\b(?:on|at|the|of|am|pm|a\.m\.|p\.m\.|hrs?|IST|GMT|UTC|BST|CET|CEST|EST|EDT|"
                     r"ET|PST|PDT|CST|CDT|MSK|AEST|JST|local|time)\b", re.I)


def is_date_only(line: str) -> bool:
    """True when ``line`` says nothing but a date (with weekday, time and zone)."""
    found = find_dates(line)
    if not found:
        return False
    rest = line
    for m in reversed(found):
        rest = rest[:m.start] + " " + rest[m.end:]
    rest = TIME.sub(" ", rest)
    rest = WEEKDAY.sub(" ", rest)
    rest = _FILLER.sub(" ", rest)
    return not rest.strip()
