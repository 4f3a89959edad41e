"""The workbench commands of the `dateline` CLI: `serve` and `export`.

``register(cli)`` adds them to the main command group.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

EXPORT_FORMATS = ("acled", "gdelt", "json", "parquet", "geojson", "csv")
TOKEN_VARIABLE = "DATELINE_TOKEN"
MIN_TOKEN_CHARS = 16


def _numbers(text: str | None, count: int, name: str) -> tuple[float, ...] | None:
    if not text:
        return None
    try:
        values = tuple(float(v) for v in text.split(","))
    except ValueError:
        raise click.BadParameter(f"{count} comma-separated numbers", param_hint=name) from None
    if len(values) != count:
        raise click.BadParameter(f"{count} comma-separated numbers", param_hint=name)
    return values


def filter_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The event filters of ``Store.events`` as command options."""
    options = [
        click.option("--type", "type_", multiple=True, help="PLOVER event type (repeatable)."),
        click.option("--mode", multiple=True, help="PLOVER mode (repeatable)."),
        click.option("--cameo-root", multiple=True, help="CAMEO code prefix, e.g. 19."),
        click.option("--actor", help="Actor name or code, as source or target."),
        click.option("--country", help="Country of the event place (ISO-2, ISO-3 or name)."),
        click.option("--since", help="Events that end on or after this ISO date."),
        click.option("--until", help="Events that start on or before this ISO date."),
        click.option("--status", multiple=True, help="asserted, claimed, ... (repeatable)."),
        click.option("--attribution", help="Who the event is attributed to."),
        click.option("--text", help="Words that must all occur in the sentence."),
        click.option("--bbox", help="west,south,east,north in degrees."),
        click.option("--near", help="lat,lon,km: event place within km of a point."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def filters_from(options: dict[str, Any]) -> dict[str, Any]:
    """``Store.events`` keyword arguments from the parsed filter options."""
    filters: dict[str, Any] = {
        "type": list(options["type_"]) or None, "mode": list(options["mode"]) or None,
        "cameo_root": list(options["cameo_root"]) or None,
        "status": list(options["status"]) or None, "actor": options["actor"],
        "country": options["country"], "since": options["since"], "until": options["until"],
        "attribution": options["attribution"], "text": options["text"],
        "bbox": _numbers(options["bbox"], 4, "--bbox"),
        "near": _numbers(options["near"], 3, "--near")}
    return {key: value for key, value in filters.items() if value}


@click.command()
@click.option("--db", required=True, type=click.Path(exists=True, dir_okay=False),
              help="SQLite database file.")
@click.option("--format", "fmt", required=True, type=click.Choice(EXPORT_FORMATS))
@click.option("--out", required=True, type=click.Path(dir_okay=False),
              help="Output file, or '-' for stdout (text formats).")
@filter_options
def export(db: str, fmt: str, out: str, **options: Any) -> None:
    """Write the matching events as ACLED CSV, GDELT TSV, records JSON, Parquet,
    GeoJSON or flat CSV."""
    from dateline.export import ExportError
    from dateline.export import export as write_export
    from dateline.store import Store

    filters = filters_from(options)
    target: Any = sys.stdout if out == "-" else Path(out)
    try:
        with Store(db) as store:
            count = write_export(store, fmt, target, **filters)
    except (ExportError, ValueError) as err:
        raise click.ClickException(str(err)) from None
    click.echo(f"{fmt}: {count} written to {out}", err=True)


@click.command()
@click.option("--db", required=True, type=click.Path(dir_okay=False),
              help="SQLite database file (created if missing).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but loopback exposes your data.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--allow-ingest", is_flag=True,
              help=f"Accept POST /api/documents; needs a token in ${TOKEN_VARIABLE}.")
def serve(db: str, host: str, port: int, allow_ingest: bool) -> None:
    """The workbench: HTTP API (/api, spec at /api/openapi.json) and web UI at /."""
    import uvicorn

    from dateline.serve import Settings, create_app, vendor_missing
    from dateline.serve.settings import LOOPBACK_HOSTS
    from dateline.store import Store

    token = os.environ.get(TOKEN_VARIABLE) or None
    if allow_ingest and (token is None or len(token) < MIN_TOKEN_CHARS):
        raise click.ClickException(
            f"--allow-ingest needs a token of at least {MIN_TOKEN_CHARS} characters "
            f"in ${TOKEN_VARIABLE}")
    Store(db).close()                       # create and migrate before serving
    missing = vendor_missing()
    if missing:
        click.echo("warning: the web UI lacks its browser libraries (" + ", ".join(missing)
                   + "); build them with tools/build_ui.py", err=True)
    hosts = ("*",) if host in ("0.0.0.0", "::") else tuple({*LOOPBACK_HOSTS, host})
    settings = Settings(db_path=Path(db).resolve(), allow_ingest=allow_ingest, token=token,
                        allowed_hosts=hosts, text_dirs=(Path.cwd(),))
    click.echo(f"dateline workbench on http://{host}:{port}/", err=True)
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning",
                server_header=False)


def register(cli: click.Group) -> None:
    """Add `serve` and `export` to the `dateline` command group."""
    cli.add_command(serve)
    cli.add_command(export)
