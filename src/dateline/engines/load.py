"""Merge the Parquet parts of a Dask run into a dateline SQLite store.

Documents and failures are replayed in input order through ``Store``, exactly
as a single-process ingest stores them, so the database is the same.  A
document already stored (same content hash) is left as it is, which makes a
repeated or interrupted load safe to run again.  Incidents are clustered
afterwards, as after an ingest.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from dateline.engines.parquet import iter_parts
from dateline.pipeline import Failure
from dateline.store import Store


@dataclass
class LoadSummary:
    stored: int = 0
    replaced: int = 0
    unchanged: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def documents(self) -> int:
        return self.stored + self.replaced + self.unchanged


def load_parts(parquet_dir: str | Path, db: str | Path,
               on_item: Callable[[dict], None] | None = None) -> LoadSummary:
    """Store every finished partition under ``parquet_dir`` into the database ``db``."""
    summary = LoadSummary()
    with Store(db) as store:
        for item in iter_parts(parquet_dir):
            if item["kind"] == "failure":
                store.record_failure(item["origin"], item["stage"], item["error"])
                failure = Failure(item["origin"], item["stage"], item["error"], item["skipped"])
                summary.failures.append(failure.line())
            else:
                status = store.store_record(item["record"], content_hash=item["content_hash"],
                                            origin=item["origin"], url=item["url"],
                                            text=item["text"], story=item["story"])
                setattr(summary, status, getattr(summary, status) + 1)
            if on_item is not None:
                on_item(item)
    refresh_incidents(db)
    return summary


def refresh_incidents(db: str | Path) -> None:
    """Cluster the stored events into incidents, as every ingest does when it ends."""
    from dateline.store import corroboration

    conn = corroboration.connect(db)
    try:
        corroboration.refresh_incidents(conn)
    finally:
        conn.close()
