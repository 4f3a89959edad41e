"""Bytes to text: UTF-8 first, then detection, then a recorded single-byte fallback.

Empty input and binary input are refused with a one-line :class:`InputError`.
UTF-16 without a byte-order mark is recognised by its pattern of zero bytes;
mostly-UTF-8 input with a few stray single-byte characters (pages pasted
together from several sources) keeps its UTF-8 and reads the strays as cp1252.
Every fallback is named in the warnings, which reach the record's
``doc.warnings``.
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
_SURROGATE = re.compile("[\ud800-\udfff]")
_MIN_DETECT_BYTES = 200   # below this, statistical detection guesses wildly: use the fallback
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)


def binary_reason(data: bytes) -> str | None:
    """Why ``data`` is not text, or None when it may be text."""
    for magic, what in _BINARY_MAGIC:
        if data.startswith(magic):
            return what
    head = data[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or utf16_without_bom(head):
        return None
    if b"\x00" in head:
        return "binary data (NUL bytes)"
    if len(_CONTROL.findall(head)) > max(8, len(head) // 100):
        return "binary data (control bytes)"
    return None


def utf16_without_bom(head: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when ``head`` looks like BOM-less UTF-16 text of a
    Latin-script language: most even (or odd) bytes zero, the others not, and the
    decoded characters printable."""
    sample = head[:4096]
    pairs = len(sample) // 2
    if pairs < 8:
        return None
    even_zero = sum(1 for i in range(0, pairs * 2, 2) if sample[i] == 0)
    odd_zero = sum(1 for i in range(1, pairs * 2, 2) if sample[i] == 0)
    if odd_zero >= pairs * 0.6 and even_zero <= pairs * 0.05:
        encoding = "utf-16-le"
    elif even_zero >= pairs * 0.6 and odd_zero <= pairs * 0.05:
        encoding = "utf-16-be"
    else:
        return None
    text = sample[: pairs * 2].decode(encoding, errors="replace")
    printable = sum(1 for ch in text if ch.isprintable() or ch in "\r\n\t")
    return encoding if printable >= len(text) * 0.95 else None


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
        text, encoding, warnings = _without_lone_surrogates(data)
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


def _without_lone_surrogates(text: str) -> tuple[str, str, list[str]]:
    """Text given as a string (a JSON line) may hold lone UTF-16 surrogates, which no
    encoder accepts: each becomes U+FFFD, and the warning says how many."""
    if not _SURROGATE.search(text):
        return text, "str", []
    fixed = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    count = fixed.count("\ufffd") - text.count("\ufffd")
    return fixed, "str", [f"{count} lone surrogate code point(s) replaced by U+FFFD"]


def _decode_bytes(data: bytes) -> tuple[str, str, list[str]]:
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig", []
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16", []
    bomless = utf16_without_bom(data[:8192])
    if bomless:
        return data.decode(bomless, errors="replace"), bomless, [f"no byte-order mark; decoded as {bomless}"]
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    mixed = _mostly_utf8(data)
    if mixed is not None:
        return mixed
    declared = _declared_charset(data)
    if declared and declared != "utf-8":
        try:
            return data.decode(declared), declared, [f"not UTF-8; decoded as {declared}, the page's declared charset"]
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best() if len(data) >= _MIN_DETECT_BYTES else None
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


_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _mostly_utf8(data: bytes) -> tuple[str, str, list[str]] | None:
    """UTF-8 with a few stray bytes of another encoding: the valid UTF-8 kept, each stray
    byte read as cp1252 (latin-1 where cp1252 has no character).  None unless the
    valid multi-byte sequences outnumber the stray bytes."""
    parts: list[str] = []
    strays = 0
    position = 0
    while position < len(data):
        try:
            parts.append(data[position:].decode("utf-8"))
            break
        except UnicodeDecodeError as exc:
            bad = position + exc.start
            parts.append(data[position:bad].decode("utf-8"))
            byte = data[bad:bad + 1]
            try:
                parts.append(byte.decode("cp1252"))
            except UnicodeDecodeError:
                parts.append(byte.decode("latin-1"))
            strays += 1
            position = bad + 1
            if strays > 1000:
                return None
    valid = len(_UTF8_MULTIBYTE.findall(data))
    if valid <= strays:
        return None
    return "".join(parts), "utf-8", [
        f"mixed encodings: {strays} byte(s) not UTF-8 read as cp1252 (fallback)"]
