"""The `dateline` command: parses arguments, calls the library, formats output."""
from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from typing import Any

import click

from dateline import __version__
from dateline.cli_options import filter_options, filters_from


class Progress:
    """A progress bar on stderr that appears once a second document arrives."""

    def __init__(self, quiet: bool = False):
        self.quiet = quiet
        self.count = 0
        self.bar: Any = None

    def tick(self) -> None:
        self.count += 1
        if self.quiet:
            return
        if self.bar is None and self.count >= 2:
            from tqdm import tqdm

            self.bar = tqdm(unit="doc", file=sys.stderr, initial=self.count - 1, leave=True)
        if self.bar is not None:
            self.bar.update(1)

    def write(self, message: str) -> None:
        """A message line on stderr that does not break the bar."""
        if self.bar is not None:
            self.bar.write(message, file=sys.stderr)
        else:
            click.echo(message, err=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


class Summary:
    def __init__(self) -> None:
        self.documents = 0
        self.unchanged = 0
        self.events: Counter[str] = Counter()
        self.failures: list[str] = []
        self.skipped: list[str] = []        # left out on purpose (not English): no error

    def add_failure(self, failure: Any) -> None:
        (self.skipped if getattr(failure, "skipped", False) else self.failures).append(failure.line())

    def add_record(self, record: dict) -> None:
        self.documents += 1
        self.events.update(ev["type"] for ev in record["events"])

    def print(self) -> None:
        total = sum(self.events.values())
        line = f"documents: {self.documents}"
        if self.unchanged:
            line += f" ({self.unchanged} unchanged, skipped)"
        skipped = f"  skipped: {len(self.skipped)}" if self.skipped else ""
        click.echo(line + f"  events: {total}  failures: {len(self.failures)}{skipped}", err=True)
        for kind, n in self.events.most_common():
            click.echo(f"  {kind:<10} {n}", err=True)
        for failure in self.failures:
            click.echo(f"  FAILED {failure}", err=True)
        for left_out in self.skipped:
            click.echo(f"  SKIPPED {left_out}", err=True)


def _validated(record_dict: dict) -> dict:
    from dateline.schema import validate_record

    validate_record(record_dict)
    return record_dict


@click.group()
@click.version_option(__version__, prog_name="dateline")
def cli() -> None:
    """News pages in, coded events out: who did what to whom, when, where, according to whom."""


def _safe_name(doc_id: str) -> str:
    keep = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in doc_id).strip("._")
    return keep[:150] or "document"


EVENT_COLUMNS = ("event_id", "type", "cameo", "source", "target", "place", "start", "end",
                 "status", "attribution", "sentence")


@cli.command()
@click.option("--db", default="dateline.db", show_default=True, type=click.Path(exists=True))
@filter_options
@click.option("--limit", type=int, default=None, help="At most this many events.")
@click.option("--offset", type=int, default=0, help="Skip this many events first.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True)
def events(db: str, limit: int | None, offset: int, fmt: str, **options: Any) -> None:
    """List stored events, filtered (every filter of the Python and HTTP APIs)."""
    from dateline.store import Store

    with Store(db) as store:
        rows = store.events(**filters_from(options), limit=limit, offset=offset)
    if fmt == "json":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False, default=str))
    elif fmt == "csv":
        if rows:
            writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0].keys()))
            writer.writeheader()
            writer.writerows(rows)
    else:
        _print_table([_table_row(r) for r in rows])


def _table_row(row: dict) -> dict[str, str]:
    def pick(*keys: str) -> str:
        for key in keys:
            if row.get(key) not in (None, ""):
                return str(row[key])
        return ""

    return {"event": pick("event_id", "id"), "type": pick("type"), "cameo": pick("cameo"),
            "source": pick("source_names", "source"), "target": pick("target_names", "target"),
            "place": pick("place_name", "place"), "when": pick("start", "when_start"),
            "status": pick("status"), "sentence": pick("sentence")}


def _print_table(rows: list[dict[str, str]]) -> None:
    if not rows:
        click.echo("no events")
        return
    widths = {"event": 14, "type": 9, "cameo": 5, "source": 22, "target": 22, "place": 16,
              "when": 10, "status": 8, "sentence": 60}
    click.echo("  ".join(k.ljust(w) for k, w in widths.items()))
    for row in rows:
        cells = []
        for key, width in widths.items():
            value = row.get(key, "").replace("\n", " ")
            cells.append((value[: width - 1] + "…") if len(value) > width else value.ljust(width))
        click.echo("  ".join(cells).rstrip())


def _register_extensions() -> None:
    from dateline.cli_control import register as register_control
    from dateline.cli_scale import register as register_scale
    from dateline.cli_corroborate import register as register_corroborate
    from dateline.cli_workbench import register as register_workbench

    register_scale(cli)          # extract, ingest (--workers, --engine dask), load
    register_workbench(cli)
    register_control(cli)
    register_corroborate(cli)


_register_extensions()


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
