"""The distributed engine: partitions of input files run on Dask workers.

The driver lists the input files (in the order ``dateline.ingest.read_paths``
reads them), cuts the list into partitions and sends each partition to a
worker, which runs the unchanged ``dateline.pipeline.run`` on it and writes
Parquet parts (see ``dateline.engines.parquet``).  ``dateline.engines.load``
merges the parts into SQLite.

A worker process loads the model and indexes once, on its first partition,
and keeps them (they are cached per process).  Run workers with one thread
each (``dask worker ADDR --nthreads 1``): the spaCy pipeline is not shared
between threads.  The output folder must be one every worker can write and
the driver can read (a local disk for a LocalCluster, a shared mount for a
cluster of machines).

A partition whose completion marker matches its files (paths, sizes, modification
times) is not run again, so an interrupted run resumes where it stopped.
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.pipeline import BATCH_SIZE, Failure

FILES_PER_PARTITION = 64


@dataclass
class PartSummary:
    part: int
    documents: int = 0
    events: dict[str, int] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    skipped: bool = False


def list_files(paths: Iterable[str | Path]) -> list[str]:
    """Every input file under ``paths``, in the order ``read_paths`` reads them."""
    out: list[str] = []
    for path in paths:
        path = Path(path)
        if not path.is_dir():
            out.append(str(path))
            continue
        for dirpath, dirnames, filenames in os.walk(path):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            out.extend(str(Path(dirpath) / f) for f in sorted(filenames) if not f.startswith("."))
    return out


def partitions(files: list[str], size: int = FILES_PER_PARTITION) -> list[list[str]]:
    size = max(1, size)
    return [files[i:i + size] for i in range(0, len(files), size)]


def fingerprint(files: list[str]) -> str:
    """Changes when a file of the partition is added, removed, resized or touched."""
    digest = hashlib.sha256()
    for name in files:
        try:
            stat = os.stat(name)
            digest.update(f"{name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode("utf-8", "surrogatepass"))
        except OSError:
            digest.update(f"{name}\0missing\n".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def process_partition(part: int, files: list[str], out_dir: str,
                      batch_size: int = BATCH_SIZE) -> PartSummary:
    """Run the pipeline over one partition's files and write its Parquet parts (on a worker)."""
    from dateline.engines.parquet import PartWriter
    from dateline.pipeline import run_paths
    from dateline.schema import RecordError, validate_record

    writer = PartWriter(out_dir, part)
    writer.clear_old()
    summary = PartSummary(part)
    for position, out in enumerate(run_paths(files, batch_size=batch_size)):
        if isinstance(out, Failure):
            writer.add_failure(position=position, origin=out.origin, stage=out.stage,
                               error=out.error, skipped=out.skipped)
            summary.failures.append(out.line())
            continue
        record = out.record.to_dict()
        try:
            validate_record(record)
        except RecordError as exc:
            failure = Failure(out.raw.origin, "schema", str(exc))
            writer.add_failure(position=position, origin=failure.origin, stage=failure.stage,
                               error=failure.error)
            summary.failures.append(failure.line())
            continue
        writer.add_record(record, position=position, origin=out.raw.origin, url=out.raw.url,
                          content_hash=out.content_hash, text=out.record.article.text,
                          story=out.record.article.blocks)
        summary.documents += 1
        for ev in record["events"]:
            summary.events[ev["type"]] = summary.events.get(ev["type"], 0) + 1
    writer.write({"part": part, "fingerprint": fingerprint(files), "files": len(files),
                  "documents": summary.documents, "events": summary.events,
                  "failures": summary.failures})
    return summary


def _finished(out_dir: str, part: int, files: list[str]) -> PartSummary | None:
    from dateline.engines.parquet import read_marker

    marker = read_marker(out_dir, part)
    if not marker or marker.get("fingerprint") != fingerprint(files):
        return None
    return PartSummary(part, documents=int(marker.get("documents", 0)),
                       events=dict(marker.get("events") or {}),
                       failures=list(marker.get("failures") or []), skipped=True)


def run_dask(paths: Iterable[str | Path], out_dir: str | Path, *, scheduler: str | None = None,
             client: Any = None, workers: int | None = None,
             files_per_partition: int = FILES_PER_PARTITION, batch_size: int = BATCH_SIZE,
             resume: bool = True, on_part: Callable[[PartSummary], None] | None = None
             ) -> list[PartSummary]:
    """Process ``paths`` on Dask and write Parquet parts under ``out_dir``.

    ``client``: a ``distributed.Client`` to use; else ``scheduler`` (an address
    such as ``tcp://10.0.0.5:8786``) to connect to; else a LocalCluster with
    ``workers`` single-threaded worker processes is started for the run.
    Returns one summary per partition, in partition order.
    """
    from distributed import Client, LocalCluster, as_completed

    from dateline.engines.local import default_workers, prepare_indexes

    out = os.path.abspath(os.fspath(out_dir))
    os.makedirs(out, exist_ok=True)
    groups = partitions(list_files(paths), files_per_partition)
    summaries: dict[int, PartSummary] = {}
    todo: list[int] = []
    for part, files in enumerate(groups):
        done = _finished(out, part, files) if resume else None
        if done is not None:
            summaries[part] = done
            if on_part is not None:
                on_part(done)
        else:
            todo.append(part)
    _remove_stale_parts(out, len(groups))
    if not todo:
        return [summaries[p] for p in range(len(groups))]

    prepare_indexes()          # for workers on this machine; others build their own once
    cluster = None
    own_client = client is None
    if client is None:
        if scheduler:
            client = Client(scheduler)
        else:
            cluster = LocalCluster(n_workers=workers or default_workers(), threads_per_worker=1,
                                   processes=True, dashboard_address=None)
            client = Client(cluster)
    try:
        futures = client.map(process_partition, todo, [groups[p] for p in todo],
                             out_dir=out, batch_size=batch_size, pure=False)
        for future in as_completed(futures):
            summary: PartSummary = future.result()
            summaries[summary.part] = summary
            if on_part is not None:
                on_part(summary)
    finally:
        if own_client:
            client.close()
        if cluster is not None:
            cluster.close()
    return [summaries[p] for p in range(len(groups))]


def _remove_stale_parts(out_dir: str, count: int) -> None:
    """Parts numbered beyond this run's partitions came from another input: drop them."""
    root = Path(out_dir)
    for path in list(root.glob("*/month=*/part-*.parquet")) + list(root.glob("failures/part-*.parquet")) \
            + list(root.glob("_done/part-*.json")):
        stem = path.name.split(".")[0]
        try:
            number = int(stem.removeprefix("part-"))
        except ValueError:
            continue
        if number >= count:
            path.unlink()
