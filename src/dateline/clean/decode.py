"""Bytes to text: UTF-8 first, then detection, then a recorded single-byte fallback.

Empty input and binary input are refused with a one-line :class:`InputError`.
"""
from __future__ import annotations

import codecs
import re

from dateline.records import InputError

_BINARY_MAGIC = (
    (b"%PDF", "a PDF file"), (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"), (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX)"),
    (b"\x7fELF", "an executable"), (b"\xd0\xcf\x11\xe0", "an MS Office file"),
    (b"RIFF", "a RIFF media file"), (b"\x1f\x8b", "gzip data that could not be unpacked"),
    (b"BZh", "bzip2 data"), (b"\xfd7zXZ", "xz data"), (b"OggS", "an Ogg media file"),
)
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)


def binary_reason(data: bytes) -> str | None:
    """Why ``data`` is not text, or None when it may be text."""
    for magic, what in _BINARY_MAGIC:
        if data.startswith(magic):
            return what
    head = data[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    if b"\x00" in head:
        return "binary data (NUL bytes)"
    if len(_CONTROL.findall(head)) > max(8, len(head) // 100):
        return "binary data (control bytes)"
    return None


def _declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii", "replace")).name
    except LookupError:
        return None


def decode(data: bytes | str, origin: str = "") -> tuple[str, str, list[str]]:
    """(text, encoding, warnings) for one document's bytes; raises InputError."""
    if isinstance(data, str):
        text, encoding, warnings = data, "str", []
    else:
        if not data.strip():
            raise InputError(f"{origin or 'input'}: empty document", origin=origin, stage="clean")
        reason = binary_reason(data)
        if reason:
            raise InputError(f"{origin or 'input'}: not text but {reason}", origin=origin, stage="clean")
        text, encoding, warnings = _decode_bytes(data)
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise InputError(f"{origin or 'input'}: empty document", origin=origin, stage="clean")
    return text, encoding, warnings


def _decode_bytes(data: bytes) -> tuple[str, str, list[str]]:
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig", []
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16", []
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data)
    if declared and declared != "utf-8":
        try:
            return data.decode(declared), declared, [f"not UTF-8; decoded as {declared}, the page's declared charset"]
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding:
        enc = codecs.lookup(best.encoding).name
        try:
            return data.decode(enc), enc, [f"not UTF-8; decoded as {enc} (detected)"]
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return data.decode("cp1252"), "cp1252", ["not UTF-8; decoded as cp1252 (fallback)"]
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1", ["not UTF-8; decoded as latin-1 (fallback)"]
