"""Commands that run the pipeline at scale: ``extract`` and ``ingest`` with
``--workers N`` (local processes) or ``--engine dask``, and ``load``.

``register(cli)`` adds them to the ``dateline`` group, replacing the plain
``extract`` and ``ingest``: with the defaults they write the same files and
rows, one worker's output and N workers' output being the same.  ``ingest``
skips documents whose content is already stored, so a killed run started again
goes on where it stopped.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from dateline.engines.dask_engine import FILES_PER_PARTITION, PartSummary
from dateline.pipeline import BATCH_SIZE

ENGINES = ("local", "dask")


def register(cli: click.Group) -> None:
    """Add ``extract``, ``ingest`` (replacing any of that name) and ``load`` to ``cli``."""
    for command in (extract, ingest, load):
        cli.add_command(command)


def _scale_options(func: Any) -> Any:
    options = [
        click.option("--workers", type=click.IntRange(min=1), default=None,
                     help="Worker processes [default: the number of cores]."),
        click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True,
                     help="local processes, or a Dask cluster."),
        click.option("--scheduler", metavar="ADDR", default=None,
                     help="Dask scheduler address (tcp://host:8786); default: a local cluster."),
        click.option("--partition-files", type=click.IntRange(min=1), default=FILES_PER_PARTITION,
                     show_default=True, help="Input files per Dask partition."),
        click.option("--batch-size", type=click.IntRange(min=1), default=BATCH_SIZE,
                     show_default=True, help="Documents per pipeline batch."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _part_reporter(progress: Any, summary: Any, quiet: bool) -> Any:
    def report(part: PartSummary) -> None:
        summary.documents += part.documents
        for kind, count in part.events.items():
            summary.events[kind] += count
        summary.failures.extend(part.failures)
        for line in part.failures:
            progress.write(f"error: {line}")
        if quiet:
            return
        note = " (done before, skipped)" if part.skipped else ""
        progress.write(f"partition {part.part}: {part.documents} documents, "
                       f"{len(part.failures)} failures{note}")
    return report


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--out", "out_dir", required=True,
              help="Folder for <stem>.json records, or '-' for JSON lines on stdout; "
                   "with --engine dask, the folder of Parquet parts.")
@_scale_options
@click.option("--quiet", is_flag=True, help="No progress bar or summary.")
def extract(paths: tuple[str, ...], out_dir: str, workers: int | None, engine: str,
            scheduler: str | None, partition_files: int, batch_size: int, quiet: bool) -> None:
    """Write one records.md JSON document per input document (or Parquet parts with Dask)."""
    from dateline.cli import Progress, Summary, _safe_name, _validated
    from dateline.engines.local import run_local
    from dateline.pipeline import Failure

    summary, progress = Summary(), Progress(quiet)
    if engine == "dask":
        if out_dir == "-":
            raise click.UsageError("--engine dask writes Parquet parts: give --out a folder")
        from dateline.engines.dask_engine import run_dask

        run_dask(paths, out_dir, scheduler=scheduler, workers=workers,
                 files_per_partition=partition_files, batch_size=batch_size,
                 on_part=_part_reporter(progress, summary, quiet))
    else:
        target = None if out_dir == "-" else Path(out_dir)
        if target is not None:
            target.mkdir(parents=True, exist_ok=True)
        for out in run_local(paths, workers, batch_size=batch_size):
            progress.tick()
            if isinstance(out, Failure):
                summary.add_failure(out)
                progress.write(f"{'skipped' if out.skipped else 'error'}: {out.line()}")
                continue
            record = _validated(out.record.to_dict())
            summary.add_record(record)
            if target is None:
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                name = _safe_name(record["doc"]["id"]) + ".json"
                (target / name).write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n",
                                           encoding="utf-8")
    progress.close()
    if not quiet:
        summary.print()
    sys.exit(1 if summary.failures else 0)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--db", default="dateline.db", show_default=True, help="SQLite database file.")
@_scale_options
@click.option("--parts", "parts_dir", default=None,
              help="With --engine dask: folder for the Parquet parts [default: <db>.parts].")
@click.option("--quiet", is_flag=True, help="No progress bar or summary.")
def ingest(paths: tuple[str, ...], db: str, workers: int | None, engine: str,
           scheduler: str | None, partition_files: int, batch_size: int,
           parts_dir: str | None, quiet: bool) -> None:
    """Run the pipeline and store documents, actors, places and events in SQLite.

    Documents already stored (same content) are not processed again, so an
    interrupted run resumes where it stopped.
    """
    from dateline.cli import Progress, Summary

    summary, progress = Summary(), Progress(quiet)
    if engine == "dask":
        from dateline.engines.dask_engine import run_dask

        folder = parts_dir or f"{db}.parts"
        run_dask(paths, folder, scheduler=scheduler, workers=workers,
                 files_per_partition=partition_files, batch_size=batch_size,
                 on_part=_part_reporter(progress, summary, quiet))
        loaded = _load_into(folder, db, progress)
        summary.unchanged = loaded.unchanged
        summary.failures = loaded.failures
    else:
        _ingest_local(paths, db, workers, batch_size, summary, progress)
    progress.close()
    if not quiet:
        summary.print()
    sys.exit(1 if summary.failures else 0)


def _ingest_local(paths: tuple[str, ...], db: str, workers: int | None, batch_size: int,
                  summary: Any, progress: Any) -> None:
    from dateline.cli import _validated
    from dateline.engines.load import refresh_incidents
    from dateline.engines.local import Skipped, run_local
    from dateline.pipeline import Failure
    from dateline.store import Store

    with Store(db) as store:
        for out in run_local(paths, workers, batch_size=batch_size, is_stored=store.has_document):
            progress.tick()
            if isinstance(out, Skipped):
                summary.documents += 1
                summary.unchanged += 1
                continue
            if isinstance(out, Failure):
                summary.add_failure(out)
                store.record_failure(out.origin, out.stage, out.error)
                progress.write(f"{'skipped' if out.skipped else 'error'}: {out.line()}")
                continue
            record = _validated(out.record.to_dict())
            status = store.store_record(record, content_hash=out.content_hash,
                                        origin=out.raw.origin, url=out.raw.url,
                                        text=out.record.article.text,
                                        story=out.record.article.blocks)
            if status == "unchanged":
                summary.unchanged += 1
            summary.add_record(record)
    refresh_incidents(db)


def _load_into(parquet_dir: str, db: str, progress: Any) -> Any:
    from dateline.engines.load import load_parts

    return load_parts(parquet_dir, db, on_item=lambda _item: progress.tick())


@click.command()
@click.argument("parquet_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--db", default="dateline.db", show_default=True, help="SQLite database file.")
@click.option("--quiet", is_flag=True, help="No progress bar or summary.")
def load(parquet_dir: str, db: str, quiet: bool) -> None:
    """Merge the Parquet parts of an `--engine dask` run into the SQLite database."""
    from dateline.cli import Progress

    progress = Progress(quiet)
    loaded = _load_into(parquet_dir, db, progress)
    progress.close()
    if not quiet:
        click.echo(f"documents: {loaded.documents} (stored {loaded.stored}, replaced "
                   f"{loaded.replaced}, unchanged {loaded.unchanged})  failures: "
                   f"{len(loaded.failures)}", err=True)
        for line in loaded.failures:
            click.echo(f"  FAILED {line}", err=True)
    sys.exit(1 if loaded.failures else 0)
