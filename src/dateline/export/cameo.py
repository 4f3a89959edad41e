"""CAMEO facts the GDELT exporter needs: GDELT-known codes, QuadClass, Goldstein values."""
from __future__ import annotations

import functools

from dateline.resources import read_tsv

# CAMEO 1.1b3 codes GDELT's lookups lack, exported as their parent (ontology.md 2.3).
GDELT_FALLBACK = {"1951": "195", "1952": "195", "1834": "183", "155": "150", "176": "170",
                  "1213": "121"}


def gdelt_code(cameo: str) -> str:
    """The event code GDELT knows for ``cameo``: the code itself or its listed parent."""
    return GDELT_FALLBACK.get(cameo, cameo)


def quad_class(cameo: str) -> int:
    """GDELT QuadClass from the root: 01-05 verbal coop, 06-09 material coop,
    10-14 verbal conflict, 15-20 material conflict (ontology.md 2.1)."""
    root = int(cameo[:2])
    if root <= 5:
        return 1
    if root <= 9:
        return 2
    if root <= 14:
        return 3
    return 4


@functools.cache
def _goldstein() -> dict[str, float]:
    return {row["code"]: float(row["goldstein"]) for row in read_tsv("gdelt_goldstein.tsv")}


def goldstein(cameo: str) -> float | None:
    """GDELT Goldstein value of the code, else of its longest listed prefix."""
    table = _goldstein()
    for length in range(len(cameo), 1, -1):
        value = table.get(cameo[:length])
        if value is not None:
            return value
    return None
