"""The ingest stage: files, directories and archives in, one RawDocument per document out.

Kinds are told from the content (magic bytes, the first line), the extension
only breaking ties: gzip is unpacked; WARC and ARC give one document per HTML
response record, keyed by its target URI; JSON lines give one document per
line with ``text`` or ``html``; anything else is one page (text or HTML).
A file that cannot be read yields an :class:`InputError` instead of raising,
so a batch goes on.

Nothing is unpacked without a bound (``dateline.limits.Limits``): a file over
``max_file_bytes`` is refused unread; gzip is inflated in steps and refused
once it passes ``max_unpacked_bytes`` (a decompression bomb) or nests more
than twice; a gzipped web archive is streamed record by record, and a record
payload over the limit is cut there, the cut noted in the document's warnings;
an archive with more than ``max_archive_records`` records is read no further.
"""
from __future__ import annotations

import io
import json
import os
import re
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from dateline.limits import Limits
from dateline.records import InputError, RawDocument

__all__ = ["read_paths", "read_bytes", "sniff"]

MAX_BYTES = Limits.max_file_bytes
MAX_GZIP_NESTING = 2
_INFLATE_STEP = 1024 * 1024
_COMPRESSED_SUFFIXES = (".gz", ".gzip")
_HTML_SNIFF = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta|title|article|div|p)\b", re.I)
_HTML_MIME = ("text/html", "application/xhtml", "text/plain")
_JSON_FIELDS = ("text", "html")


def read_paths(paths: Iterable[str | Path], limits: Limits | None = None
               ) -> Iterator[RawDocument | InputError]:
    """One RawDocument per document under ``paths`` (directories recursively, sorted)."""
    limits = limits or Limits.from_env()
    for path in paths:
        path = Path(path)
        if path.is_dir():
            yield from read_paths(_walk(path), limits)
            continue
        origin = str(path)
        try:
            if path.exists() and not path.is_file():
                raise InputError(f"{origin}: not a regular file", origin=origin)
            size = path.stat().st_size
            if size > limits.max_file_bytes:
                raise InputError(f"{origin}: too large ({size:,} bytes; the limit is "
                                 f"{limits.max_file_bytes:,})", origin=origin)
            data = path.read_bytes()
        except InputError as exc:
            yield exc
            continue
        except OSError as exc:
            yield InputError(f"{origin}: cannot read ({exc.strerror or exc})", origin=origin)
            continue
        try:
            yield from read_bytes(data, origin, _stem(path), limits=limits)
        except InputError as exc:
            exc.origin = exc.origin or origin
            yield exc
        except Exception as exc:  # noqa: BLE001 - one unreadable file must not stop the batch
            yield InputError(f"{origin}: cannot read ({type(exc).__name__}: {exc})", origin=origin)


def _walk(root: Path) -> list[Path]:
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        out.extend(Path(dirpath) / f for f in sorted(filenames) if not f.startswith("."))
    return out


def _stem(path: Path) -> str:
    name = path.name
    for suffix in _COMPRESSED_SUFFIXES:
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    return Path(name).stem or name


def sniff(data: bytes) -> str:
    """gzip | warc | arc | jsonl | html | text | binary | empty."""
    if not data.strip():
        return "empty"
    if data[:2] == b"\x1f\x8b":
        return "gzip"
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"WARC/"):
        return "warc"
    if head.startswith(b"filedesc://"):
        return "arc"
    if head.startswith(b"{") or head.startswith(b"["):
        first = head.split(b"\n", 1)[0]
        if b'"text"' in head or b'"html"' in head or _json_object(first) is not None:
            return "jsonl"
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary"
    if _HTML_SNIFF.search(head[:2048]):
        return "html"
    return "text"


def _json_object(line: bytes) -> dict[str, Any] | None:
    try:
        value = json.loads(line)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def read_bytes(data: bytes, origin: str, doc_id: str | None = None, *,
               limits: Limits | None = None, _depth: int = 0) -> list[RawDocument]:
    """The documents in one file's bytes; raises InputError for a container it cannot read."""
    limits = limits or Limits.from_env()
    doc_id = doc_id or _stem(Path(origin))
    kind = sniff(data)
    if kind == "gzip":
        if _depth >= MAX_GZIP_NESTING:
            raise InputError(f"{origin}: gzip nested more than {MAX_GZIP_NESTING} deep", origin=origin)
        if sniff(_gunzip(data, origin, 64 * 1024, refuse=False)) in ("warc", "arc"):
            return _read_archive(data, origin, limits)     # warcio streams gzipped records
        unpacked = _gunzip(data, origin, limits.max_unpacked_bytes)
        return read_bytes(unpacked, origin, doc_id, limits=limits, _depth=_depth + 1)
    if kind in ("warc", "arc"):
        return _read_archive(data, origin, limits)
    if kind == "jsonl":
        return _read_json_lines(data, origin, doc_id)
    page_kind = kind if kind in ("html", "text") else None
    return [RawDocument(id=doc_id, data=data, origin=origin, kind=page_kind)]


def _gunzip(data: bytes, origin: str, limit: int, *, refuse: bool = True) -> bytes:
    """Inflate gzip ``data`` (every member) in steps, never past ``limit`` bytes.

    With ``refuse`` more than ``limit`` bytes raise InputError (a decompression
    bomb); without, the first ``limit`` bytes are returned (for sniffing).
    """
    out = bytearray()
    pending = data
    try:
        while pending:
            inflater = zlib.decompressobj(wbits=31)
            chunk = inflater.decompress(pending, _INFLATE_STEP)
            while True:
                out += chunk
                if len(out) > limit:
                    if refuse:
                        raise InputError(f"{origin}: gzip data unpacks to more than {limit:,} bytes "
                                         "(refused as a possible decompression bomb)", origin=origin)
                    return bytes(out[:limit])
                if inflater.eof or not inflater.unconsumed_tail:
                    break
                chunk = inflater.decompress(inflater.unconsumed_tail, _INFLATE_STEP)
            if not inflater.eof:
                if refuse:
                    raise InputError(f"{origin}: corrupt gzip data (truncated)", origin=origin)
                break
            pending = inflater.unused_data
            if pending and pending[:2] != b"\x1f\x8b":
                break                                  # trailing garbage after the last member
    except zlib.error as exc:
        if refuse:
            raise InputError(f"{origin}: corrupt gzip data ({exc})", origin=origin) from None
    return bytes(out)


def _read_payload(record: Any, limit: int) -> tuple[bytes, str | None]:
    """A record's payload, at most ``limit`` bytes, and a warning when it was cut."""
    payload = record.content_stream().read(limit + 1)
    if len(payload) <= limit:
        return payload, None
    return payload[:limit], f"archive record payload truncated at {limit:,} bytes"


def _read_archive(data: bytes, origin: str, limits: Limits) -> list[RawDocument]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    docs: list[RawDocument] = []
    seen = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data), arc2warc=True):
            seen += 1
            if seen > limits.max_archive_records:
                raise InputError(f"{origin}: more than {limits.max_archive_records:,} archive "
                                 "records; the rest were not read", origin=origin)
            if record.rec_type not in ("response", "resource"):
                continue
            mime = ""
            if record.http_headers is not None:
                mime = record.http_headers.get_header("Content-Type") or ""
                status = record.http_headers.get_statuscode()
                if status and not str(status).startswith("2"):
                    continue
            mime = (mime or record.rec_headers.get_header("Content-Type") or "").lower()
            if mime and not mime.startswith(_HTML_MIME):
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or f"{origin}#{len(docs) + 1}"
            payload, cut = _read_payload(record, limits.max_unpacked_bytes)
            if not payload.strip():
                continue
            hints: dict[str, Any] = {"crawl_date": record.rec_headers.get_header("WARC-Date")} \
                if record.rec_headers.get_header("WARC-Date") else {}
            if cut:
                hints["warnings"] = [cut]
            kind = "html" if sniff(payload) == "html" or "html" in mime else None
            docs.append(RawDocument(id=uri, data=payload, origin=uri, kind=kind, url=uri, hints=hints))
    except InputError:
        if not docs:
            raise
    except (ArchiveLoadFailed, ValueError, OSError, EOFError, zlib.error, AttributeError,
            TypeError, IndexError, KeyError) as exc:   # the archive parser meets malformed records
        if not docs:
            raise InputError(f"{origin}: unreadable web archive ({exc})", origin=origin) from None
    return docs


def _read_json_lines(data: bytes, origin: str, stem: str) -> list[RawDocument]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{origin}: JSON lines are not UTF-8 ({exc.reason} at byte {exc.start})",
                         origin=origin) from None
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            rows = json.loads(stripped)
        except ValueError as exc:
            raise InputError(f"{origin}: invalid JSON ({exc})", origin=origin) from None
        items = list(enumerate(rows if isinstance(rows, list) else [rows], start=1))
    else:
        items = []
        for n, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                try:
                    items.append((n, json.loads(line)))
                except ValueError as exc:
                    raise InputError(f"{origin}: line {n} is not JSON ({exc})", origin=origin) from None
    docs = []
    for n, row in items:
        if not isinstance(row, dict):
            continue
        field = next((f for f in _JSON_FIELDS if isinstance(row.get(f), str) and row[f].strip()), None)
        if field is None:
            continue
        hints = {k: row[k] for k in ("title", "published", "url") if row.get(k)}
        doc_id = str(row["id"]) if row.get("id") not in (None, "") else f"{stem}-{n}"
        docs.append(RawDocument(id=doc_id, data=row[field], origin=f"{origin}#{n}",
                                kind="html" if field == "html" else "text",
                                url=row.get("url") or None, hints=hints))
    if not docs:
        raise InputError(f"{origin}: no JSON line has a 'text' or 'html' field", origin=origin)
    return docs
