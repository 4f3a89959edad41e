"""Parquet export: the flat event rows of ``Store.events`` with a fixed typed schema."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from dateline.store.corroboration import INCIDENT_COLUMNS
from dateline.store.query import FLAT_COLUMNS

COLUMNS = (*FLAT_COLUMNS, *INCIDENT_COLUMNS)

INTEGER_COLUMNS = ("geonameid", "span_start", "span_end", "fatalities", "incident_reports", "incident_sources")
FLOAT_COLUMNS = ("lat", "lon")
BOOLEAN_COLUMNS = ("is_lead", "incident_unconfirmed_claim")


def parquet_schema() -> Any:
    """The pyarrow schema: every flat column, text unless listed as number or flag."""
    import pyarrow as pa

    def column_type(name: str) -> Any:
        if name in INTEGER_COLUMNS:
            return pa.int64()
        if name in FLOAT_COLUMNS:
            return pa.float64()
        if name in BOOLEAN_COLUMNS:
            return pa.bool_()
        return pa.string()

    return pa.schema([(name, column_type(name)) for name in COLUMNS])


def _value(name: str, value: Any) -> Any:
    if value is None:
        return None
    if name in INTEGER_COLUMNS:
        return int(value)
    if name in FLOAT_COLUMNS:
        return float(value)
    if name in BOOLEAN_COLUMNS:
        return bool(value)
    return str(value)


def write_parquet(rows: list[dict[str, Any]], out: Path | str) -> int:
    """Write the rows to a Parquet file at ``out``; returns the number of rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = {name: [_value(name, row.get(name)) for row in rows] for name in COLUMNS}
    table = pa.Table.from_pydict(columns, schema=parquet_schema())
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, path)
    return len(rows)
