"""The control commands of the `dateline` CLI: `control import` and `claims`.

``register(cli)`` adds them to the main command group.
"""
from __future__ import annotations

import json
import sys

import click


def register(cli: click.Group) -> None:
    """Add `dateline control import FILE --db F` and `dateline claims` to ``cli``."""
    cli.add_command(control)
    cli.add_command(claims)


@click.group()
def control() -> None:
    """Control layers: who holds which ground, and when."""


@control.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--db", default="dateline.db", show_default=True, help="SQLite database file.")
def import_command(file: str, db: str) -> None:
    """Import a GeoJSON FeatureCollection of controlled areas (all or nothing)."""
    from dateline.control import LayerError, compute_ground, import_layer
    from dateline.store import control as control_store

    conn = control_store.connect(db)
    try:
        try:
            result = import_layer(conn, file)
        except LayerError as err:
            click.echo(f"error: {err}", err=True)
            sys.exit(1)
        for warning in result.warnings:
            click.echo(f"warning: {warning}", err=True)
        if result.unchanged:
            click.echo(f"layer {result.name!r} is already imported (same file): unchanged",
                       err=True)
            return
        counts = compute_ground(conn)
    finally:
        conn.close()
    click.echo(f"imported layer {result.name!r}: {result.areas} areas; ground for "
               f"{counts['from_layers']} events from layers, {counts['from_text']} from the text",
               err=True)


@control.command("layers")
@click.option("--db", default="dateline.db", show_default=True,
              type=click.Path(exists=True, dir_okay=False))
def layers_command(db: str) -> None:
    """List the imported layers with their provenance."""
    from dateline.store import control as control_store

    conn = control_store.connect(db)
    try:
        rows = control_store.layers(conn)
    finally:
        conn.close()
    if not rows:
        click.echo("no control layers")
    for row in rows:
        click.echo(f"{row['id']:>3}  {row['name']}  {row['feature_count']} areas  "
                   f"from {row['origin']}  source: {row['source'] or '-'}  "
                   f"imported {row['imported_at']}")


@click.command()
@click.option("--db", default="dateline.db", show_default=True,
              type=click.Path(exists=True, dir_okay=False))
@click.option("--actor", required=True, help="Actor name, mention, code (NGAMIL) or country.")
@click.option("--since", help="Attacks that end on or after this ISO date.")
@click.option("--until", help="Attacks that start on or before this ISO date.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
              show_default=True)
def claims(db: str, actor: str, since: str | None, until: str | None, fmt: str) -> None:
    """What an actor says it targets next to where its attacks landed, by area and controller."""
    from dateline.control import claims_report
    from dateline.control.render import report_csv, report_table

    try:
        report = claims_report(db, actor, since=since, until=until)
    except ValueError as err:
        raise click.BadParameter(str(err)) from None
    if fmt == "json":
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        click.echo(report_csv(report), nl=False)
    else:
        click.echo(report_table(report), nl=False)
