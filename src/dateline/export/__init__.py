"""Exports of a dateline store to files other tools read.

    from dateline import export, store
    with store.open("dateline.db") as db:
        n = export.export(db, "acled", Path("events.csv"), country="SY")

Formats: "acled" (ACLED-style CSV), "gdelt" (GDELT-2.0-style events TSV, no
header), "json" (records JSON lines), "geojson" (FeatureCollection of event
points), "csv" (flat event rows), "parquet" (flat event rows, typed columns; needs
pyarrow and a path, not a stream).  Every format but json carries each event's
incident (``INCIDENT_COLUMNS``: incident id, reports, independent sources,
unconfirmed claim): ACLED and GDELT after their own columns.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, TextIO

from dateline.export.acled import ACLED_COLUMNS, write_acled
from dateline.export.gdelt import GDELT_COLUMNS, write_gdelt
from dateline.export.output import text_output
from dateline.export.simple import write_csv, write_geojson, write_json_lines
from dateline.store import corroboration
from dateline.store import Store
from dateline.store.corroboration import INCIDENT_COLUMNS

FORMATS = ("acled", "gdelt", "json", "geojson", "csv", "parquet")


class ExportError(RuntimeError):
    """An export that cannot be written in this installation."""


def export(store: Store, fmt: str, out: Path | TextIO, **filters: Any) -> int:
    """Write the events matching ``filters`` (those of ``Store.events``) as ``fmt``.

    Returns what was written: rows for acled/gdelt/csv, features for geojson
    (events with coordinates), records for json.  With no filters the json
    export holds every stored document; with filters, the documents of the
    matching events with only those events.
    """
    name = fmt.lower().strip()
    if name not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    if name == "json" and not filters:
        records = store.records()
        with text_output(out) as stream:
            return write_json_lines(records, stream)
    rows = corroboration.with_incident_ids(store.path, store.events(**filters))
    if name == "parquet":
        return _parquet(rows, out)
    with text_output(out) as stream:
        if name == "json":
            return write_json_lines(store.records([r["event_id"] for r in rows]), stream)
        if name == "csv":
            return write_csv(rows, stream)
        if name == "geojson":
            return write_geojson(rows, stream)
        parties = store.parties([r["event_id"] for r in rows])
        if name == "acled":
            return write_acled(rows, parties, stream)
        return write_gdelt(rows, parties, stream)


def _parquet(rows: list[dict[str, Any]], out: Path | TextIO) -> int:
    if not isinstance(out, (str, Path)):
        raise ExportError("parquet (written with pyarrow) is a binary format: give a path, "
                          "not a text stream")
    try:
        from dateline.export.parquet import write_parquet
        return write_parquet(rows, out)
    except ImportError as err:
        raise ExportError(f"parquet export needs the pyarrow package ({err})") from None


__all__ = ["export", "FORMATS", "ExportError", "ACLED_COLUMNS", "GDELT_COLUMNS",
           "INCIDENT_COLUMNS"]
