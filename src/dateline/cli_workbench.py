"""The workbench commands of the `dateline` CLI: `serve` and `export`.

``register(cli)`` adds them to the main command group.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click

from dateline.cli_options import filter_options, filters_from

EXPORT_FORMATS = ("acled", "gdelt", "json", "parquet", "geojson", "csv")
TOKEN_VARIABLE = "DATELINE_TOKEN"
MIN_TOKEN_CHARS = 16




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
