"""Fingerprints of a story's text: an exact hash and a MinHash signature.

A story republished by another site keeps its sentences but gains new page
furniture (menus, related links, a new page date) and small edits.  The exact
hash catches byte-for-byte copies of the normalised body; the MinHash
signature over word shingles estimates the Jaccard similarity of two bodies,
so a copy with a few changed lines still matches.  Locality-sensitive
hashing splits the signature into bands: two texts that share one whole band
are candidates, and only candidates are compared.
"""
from __future__ import annotations

import hashlib
import re
import struct
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

SHINGLE_WORDS = 4          # words per shingle
PERMUTATIONS = 64          # MinHash functions
BANDS = 32                 # LSH bands of PERMUTATIONS // BANDS rows each
ROWS = PERMUTATIONS // BANDS
MERSENNE = (1 << 61) - 1   # prime modulus of the universal hash family
MAX_HASH = (1 << 32) - 1

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)


def _coefficients() -> tuple[tuple[int, int], ...]:
    """PERMUTATIONS fixed (a, b) pairs, derived from a counter so every run agrees."""
    pairs = []
    for i in range(PERMUTATIONS):
        digest = hashlib.blake2b(f"dateline-minhash-{i}".encode(), digest_size=16).digest()
        a, b = struct.unpack("<QQ", digest)
        pairs.append((a % (MERSENNE - 1) + 1, b % MERSENNE))
    return tuple(pairs)


COEFFICIENTS = _coefficients()


def words(text: str) -> list[str]:
    """The lower-cased words of ``text`` (punctuation, quotes and case dropped)."""
    return [w.replace("’", "'") for w in _WORD.findall(text.lower())]


def exact_hash(text: str) -> str:
    """SHA-256 of the text's words joined by single spaces: whitespace, case and
    punctuation changes give the same hash."""
    return hashlib.sha256(" ".join(words(text)).encode("utf-8")).hexdigest()


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[int]:
    """The 32-bit hashes of every run of ``size`` consecutive words."""
    tokens = words(text)
    if len(tokens) < size:
        return {_hash32(" ".join(tokens))} if tokens else set()
    return {_hash32(" ".join(tokens[i:i + size])) for i in range(len(tokens) - size + 1)}


def _hash32(shingle: str) -> int:
    return int.from_bytes(hashlib.blake2b(shingle.encode("utf-8"), digest_size=4).digest(),
                          "little")


def minhash(shingle_hashes: Iterable[int]) -> tuple[int, ...]:
    """The MinHash signature (PERMUTATIONS values) of a set of shingle hashes."""
    values = list(shingle_hashes)
    if not values:
        return tuple([MAX_HASH] * PERMUTATIONS)
    return tuple(min(((a * x + b) % MERSENNE) & MAX_HASH for x in values)
                 for a, b in COEFFICIENTS)


def similarity(one: Sequence[int], other: Sequence[int]) -> float:
    """Estimated Jaccard similarity: the share of equal signature positions."""
    if not one or len(one) != len(other):
        return 0.0
    return sum(1 for x, y in zip(one, other) if x == y) / len(one)


def band_keys(signature: Sequence[int]) -> list[str]:
    """One key per LSH band ("3:ab12..."): texts sharing a key are candidates."""
    keys = []
    for band in range(BANDS):
        rows = signature[band * ROWS:(band + 1) * ROWS]
        digest = hashlib.blake2b(struct.pack(f"<{ROWS}Q", *rows), digest_size=8).hexdigest()
        keys.append(f"{band}:{digest}")
    return keys


@dataclass(frozen=True)
class Fingerprint:
    """What copy detection keeps of one text."""

    exact: str
    signature: tuple[int, ...]
    size: int                          # number of shingles; 0 for an empty text

    @property
    def bands(self) -> list[str]:
        return band_keys(self.signature)

    def to_text(self) -> str:
        return " ".join(format(v, "x") for v in self.signature)

    @staticmethod
    def signature_from_text(text: str) -> tuple[int, ...]:
        return tuple(int(v, 16) for v in text.split())


def fingerprint(text: str) -> Fingerprint:
    """Exact hash and MinHash signature of a story body."""
    hashes = shingles(text)
    return Fingerprint(exact=exact_hash(text), signature=minhash(hashes), size=len(hashes))
