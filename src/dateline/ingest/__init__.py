"""The ingest stage: files, directories and archives in, one RawDocument per document out.

Kinds are told from the content (magic bytes, the first line), the extension
only breaking ties: gzip is unpacked; WARC and ARC give one document per HTML
response record, keyed by its target URI; JSON lines give one document per
line with ``text`` or ``html``; anything else is one page (text or HTML).
A file that cannot be read yields an :class:`InputError` instead of raising,
so a batch goes on.
"""
from __future__ import annotations

import gzip
import io
import json
import os
import re
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from dateline.records import InputError, RawDocument

__all__ = ["read_paths", "read_bytes", "sniff"]

MAX_BYTES = 200 * 1024 * 1024
_COMPRESSED_SUFFIXES = (".gz", ".gzip")
_HTML_SNIFF = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta|title|article|div|p)\b", re.I)
_HTML_MIME = ("text/html", "application/xhtml", "text/plain")
_JSON_FIELDS = ("text", "html")


def read_paths(paths: Iterable[str | Path]) -> Iterator[RawDocument | InputError]:
    """One RawDocument per document under ``paths`` (directories recursively, sorted)."""
    for path in paths:
        path = Path(path)
        if path.is_dir():
            yield from read_paths(_walk(path))
            continue
        origin = str(path)
        try:
            size = path.stat().st_size
            if size > MAX_BYTES:
                raise InputError(f"{origin}: too large ({size:,} bytes; the limit is {MAX_BYTES:,})", origin=origin)
            data = path.read_bytes()
        except InputError as exc:
            yield exc
            continue
        except OSError as exc:
            yield InputError(f"{origin}: cannot read ({exc.strerror or exc})", origin=origin)
            continue
        try:
            yield from read_bytes(data, origin, _stem(path))
        except InputError as exc:
            exc.origin = exc.origin or origin
            yield exc


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


def read_bytes(data: bytes, origin: str, doc_id: str | None = None) -> list[RawDocument]:
    """The documents in one file's bytes; raises InputError for a container it cannot read."""
    doc_id = doc_id or _stem(Path(origin))
    kind = sniff(data)
    if kind == "gzip":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as exc:
            raise InputError(f"{origin}: corrupt gzip data ({exc})", origin=origin) from None
        return read_bytes(data, origin, doc_id)
    if kind in ("warc", "arc"):
        return _read_archive(data, origin)
    if kind == "jsonl":
        return _read_json_lines(data, origin, doc_id)
    page_kind = kind if kind in ("html", "text") else None
    return [RawDocument(id=doc_id, data=data, origin=origin, kind=page_kind)]


def _read_archive(data: bytes, origin: str) -> list[RawDocument]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    docs: list[RawDocument] = []
    try:
        for record in ArchiveIterator(io.BytesIO(data), arc2warc=True):
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
            payload = record.content_stream().read()
            if not payload.strip():
                continue
            hints = {"crawl_date": record.rec_headers.get_header("WARC-Date")} \
                if record.rec_headers.get_header("WARC-Date") else {}
            kind = "html" if sniff(payload) == "html" or "html" in mime else None
            docs.append(RawDocument(id=uri, data=payload, origin=uri, kind=kind, url=uri, hints=hints))
    except (ArchiveLoadFailed, ValueError, OSError, EOFError, zlib.error) as exc:
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
