"""Parquet parts: one partition's records as documents/actors/places/events tables.

Layout under the output folder (Hive-style, one file per input partition and month)::

    documents/month=2022-10/part-00003.parquet
    actors/month=2022-10/part-00003.parquet
    places/...    events/...
    failures/part-00003.parquet
    _done/part-00003.json          # written last: the partition is complete

``month`` is the document's first-publication month (its page date when the
publication date is unknown; ``unknown`` when neither is known).  Every row
carries ``part`` and ``position`` (the order of the pipeline's outputs), so the
merge can replay documents and failures in input order; the documents table
keeps the whole record as JSON (keys in the record's own order, which the
store keeps) and the article text with its story blocks, so the merge stores
exactly what a single-process ingest stores.
"""
from __future__ import annotations

import json
import os
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

TABLES = ("documents", "actors", "places", "events")
UNKNOWN_MONTH = "unknown"

_KEYS = [("part", pa.int32()), ("position", pa.int32()), ("doc_id", pa.string())]
_TEXT = pa.string()
_NAMES = pa.list_(pa.string())

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema(_KEYS + [
        ("origin", _TEXT), ("url", _TEXT), ("content_hash", _TEXT), ("title", _TEXT),
        ("published", _TEXT), ("page_date", _TEXT), ("source", _TEXT), ("language", _TEXT),
        ("events", pa.int32()), ("record", _TEXT), ("text", _TEXT), ("story", _TEXT)]),
    "actors": pa.schema(_KEYS + [
        ("actor_id", _TEXT), ("name", _TEXT), ("kind", _TEXT), ("country", _TEXT),
        ("sector", _TEXT), ("mentions", _NAMES)]),
    "places": pa.schema(_KEYS + [
        ("place_id", _TEXT), ("mention", _TEXT), ("name", _TEXT), ("geonameid", pa.int64()),
        ("feature", _TEXT), ("country", _TEXT), ("lat", pa.float64()), ("lon", pa.float64()),
        ("admin1", _TEXT), ("admin1_code", _TEXT), ("confidence", pa.float64())]),
    "events": pa.schema(_KEYS + [
        ("event_id", _TEXT), ("type", _TEXT), ("mode", _TEXT), ("cameo", _TEXT),
        ("acled", _TEXT), ("source", _NAMES), ("target", _NAMES), ("place", _TEXT),
        ("start", _TEXT), ("end", _TEXT), ("when_text", _TEXT), ("sentence", _TEXT),
        ("span_start", pa.int64()), ("span_end", pa.int64()), ("attribution", _TEXT),
        ("status", _TEXT), ("fatalities", pa.int64())]),
}
FAILURE_SCHEMA = pa.schema([("part", pa.int32()), ("position", pa.int32()),
                            ("origin", _TEXT), ("stage", _TEXT), ("error", _TEXT),
                            ("skipped", pa.bool_())])


def part_name(part: int) -> str:
    return f"part-{part:05d}"


def month_of(record: dict[str, Any]) -> str:
    doc = record.get("doc") or {}
    day = doc.get("published") or doc.get("page_date")
    return day[:7] if isinstance(day, str) and len(day) >= 7 else UNKNOWN_MONTH


def record_rows(record: dict[str, Any], *, part: int, position: int, origin: str,
                url: str | None, content_hash: str, text: str | None = None,
                story: list[tuple[int, int]] | None = None) -> dict[str, list[dict[str, Any]]]:
    """The rows one record adds to each table (``text``: the article text the offsets
    point into; ``story``: its body blocks)."""
    doc = record["doc"]
    keys = {"part": part, "position": position, "doc_id": doc["id"]}
    rows: dict[str, list[dict[str, Any]]] = {"documents": [{
        **keys, "origin": origin, "url": url, "content_hash": content_hash,
        "title": doc.get("title"), "published": doc.get("published"),
        "page_date": doc.get("page_date"), "source": doc.get("source"),
        "language": doc.get("language"), "events": len(record["events"]),
        "record": json.dumps(record, ensure_ascii=False), "text": text,
        "story": None if story is None else json.dumps([list(span) for span in story])}]}
    rows["actors"] = [{**keys, "actor_id": a["id"], "name": a["name"], "kind": a["kind"],
                       "country": a.get("country"), "sector": a.get("sector"),
                       "mentions": list(a.get("mentions") or [])} for a in record["actors"]]
    rows["places"] = [{**keys, "place_id": p["id"], "mention": p.get("mention"),
                       "name": p.get("name"), "geonameid": p.get("geonameid"),
                       "feature": p.get("feature"), "country": p.get("country"),
                       "lat": p.get("lat"), "lon": p.get("lon"), "admin1": p.get("admin1"),
                       "admin1_code": p.get("admin1_code"), "confidence": p.get("confidence")}
                      for p in record["places"]]
    rows["events"] = [_event_row(keys, ev) for ev in record["events"]]
    return rows


def _event_row(keys: dict[str, Any], ev: dict[str, Any]) -> dict[str, Any]:
    when = ev.get("when") or {}
    span = ev.get("span") or [None, None]
    return {**keys, "event_id": ev["id"], "type": ev["type"], "mode": ev.get("mode"),
            "cameo": ev.get("cameo"), "acled": ev.get("acled"),
            "source": list(ev.get("source") or []), "target": list(ev.get("target") or []),
            "place": ev.get("place"), "start": when.get("start"), "end": when.get("end"),
            "when_text": when.get("text"), "sentence": ev.get("sentence"),
            "span_start": span[0], "span_end": span[1], "attribution": ev.get("attribution"),
            "status": ev.get("status"), "fatalities": ev.get("fatalities")}


class PartWriter:
    """Collects one partition's rows by table and month, then writes its files."""

    def __init__(self, root: str | Path, part: int):
        self.root = Path(root)
        self.part = part
        self.rows: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
        self.failures: list[dict[str, Any]] = []

    def add_record(self, record: dict[str, Any], *, position: int, origin: str,
                   url: str | None, content_hash: str, text: str | None = None,
                   story: list[tuple[int, int]] | None = None) -> None:
        month = month_of(record)
        tables = record_rows(record, part=self.part, position=position, origin=origin, url=url,
                             content_hash=content_hash, text=text, story=story)
        for table, rows in tables.items():
            self.rows[(table, month)].extend(rows)

    def add_failure(self, *, position: int, origin: str, stage: str, error: str,
                    skipped: bool = False) -> None:
        self.failures.append({"part": self.part, "position": position, "origin": origin,
                              "stage": stage, "error": error, "skipped": skipped})

    def clear_old(self) -> None:
        """Remove this partition's files from an earlier, possibly interrupted, run."""
        name = part_name(self.part)
        for path in self.root.glob(f"*/month=*/{name}.parquet"):
            path.unlink()
        for path in (self.root / "failures" / f"{name}.parquet", self.root / "_done" / f"{name}.json"):
            path.unlink(missing_ok=True)

    def write(self, marker: dict[str, Any]) -> None:
        """Write every table file, then the completion marker (each file atomically)."""
        name = part_name(self.part)
        for (table, month), rows in sorted(self.rows.items()):
            folder = self.root / table / f"month={month}"
            _write_table(pa.Table.from_pylist(rows, schema=SCHEMAS[table]), folder / f"{name}.parquet")
        if self.failures:
            _write_table(pa.Table.from_pylist(self.failures, schema=FAILURE_SCHEMA),
                         self.root / "failures" / f"{name}.parquet")
        done = self.root / "_done" / f"{name}.json"
        done.parent.mkdir(parents=True, exist_ok=True)
        tmp = done.with_suffix(".tmp")
        tmp.write_text(json.dumps(marker, sort_keys=True), encoding="utf-8")
        os.replace(tmp, done)


def _write_table(table: pa.Table, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    pq.write_table(table, tmp)
    os.replace(tmp, path)


def read_marker(root: str | Path, part: int) -> dict[str, Any] | None:
    path = Path(root) / "_done" / f"{part_name(part)}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def part_numbers(root: str | Path) -> list[int]:
    """The partitions that finished writing, in order."""
    numbers = []
    for path in (Path(root) / "_done").glob("part-*.json"):
        try:
            numbers.append(int(path.stem.removeprefix("part-")))
        except ValueError:
            continue
    return sorted(numbers)


def read_part(root: str | Path, part: int) -> Iterator[dict[str, Any]]:
    """One partition's documents and failures in output order.

    Documents come as {"kind": "document", "record", "content_hash", "origin", "url",
    "text", "story"}; failures as {"kind": "failure", "origin", "stage", "error", "skipped"}.
    """
    name = part_name(part)
    root = Path(root)
    items: list[tuple[int, dict[str, Any]]] = []
    columns = ["position", "record", "content_hash", "origin", "url", "text", "story"]
    for path in sorted(root.glob(f"documents/month=*/{name}.parquet")):
        for row in pq.read_table(path, columns=columns).to_pylist():
            story = None if row["story"] is None else [tuple(s) for s in json.loads(row["story"])]
            items.append((row["position"], {
                "kind": "document", "record": json.loads(row["record"]),
                "content_hash": row["content_hash"], "origin": row["origin"], "url": row["url"],
                "text": row["text"], "story": story}))
    failures = root / "failures" / f"{name}.parquet"
    if failures.exists():
        for row in pq.read_table(failures).to_pylist():
            items.append((row["position"], {"kind": "failure", "origin": row["origin"],
                                            "stage": row["stage"], "error": row["error"],
                                            "skipped": bool(row["skipped"])}))
    items.sort(key=lambda item: item[0])
    for _, item in items:
        yield item


def iter_parts(root: str | Path, parts: Iterable[int] | None = None) -> Iterator[dict[str, Any]]:
    for part in (part_numbers(root) if parts is None else parts):
        yield from read_part(root, part)
