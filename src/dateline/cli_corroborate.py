"""The cross-document commands of the `dateline` CLI: `timeline` and `incidents`.

``register(cli)`` adds them to the main command group.
"""
from __future__ import annotations

import json
from contextlib import closing
from typing import Any

import click


def _when(incident: dict[str, Any]) -> str:
    start, end = incident.get("start"), incident.get("end")
    if not start and not end:
        return "undated"
    if start == end or not end:
        return str(start)
    return f"{start or '…'}..{end}"


def _corroboration(incident: dict[str, Any]) -> str:
    parts = [f"{incident['independent_sources']} independent source"
             f"{'' if incident['independent_sources'] == 1 else 's'}",
             f"{incident['reports']} report{'' if incident['reports'] == 1 else 's'}"]
    status = ", ".join(f"{n} {k}" for k, n in incident["status"].items())
    parts.append(status)
    if incident.get("fatalities_min") is not None:
        low, high = incident["fatalities_min"], incident["fatalities_max"]
        parts.append(f"dead {low}" if low == high else f"dead {low}-{high}")
    if incident.get("unconfirmed_claim"):
        parts.append("UNCONFIRMED CLAIM")
    return "; ".join(parts)


def timeline_lines(incidents: list[dict[str, Any]]) -> list[str]:
    """One line per incident (date, type, place, parties) and one of corroboration."""
    lines = []
    for incident in incidents:
        parties = ", ".join(incident["source"]) or "?"
        if incident["target"]:
            parties += " -> " + ", ".join(incident["target"])
        place = incident.get("place") or "?"
        lines.append(f"{_when(incident)}  {incident['type']}  {place}  {parties}  "
                     f"[{incident['incident_id']}]")
        lines.append(f"    {_corroboration(incident)}")
    return lines


def register(cli: click.Group) -> None:
    """Add `timeline` and `incidents` to the `dateline` command group."""

    @cli.command()
    @click.option("--db", default="dateline.db", show_default=True, type=click.Path(exists=True))
    @click.option("--actor", required=True, help="Actor name, mention, code or country.")
    @click.option("--since", help="Incidents that end on or after this ISO date.")
    @click.option("--until", help="Incidents that start on or before this ISO date.")
    @click.option("--json", "as_json", is_flag=True, help="JSON lines instead of text.")
    def timeline(db: str, actor: str, since: str | None, until: str | None,
                 as_json: bool) -> None:
        """An actor's incidents in date order with their corroboration."""
        from dateline.store import corroboration

        with closing(corroboration.connect(db)) as conn:
            corroboration.refresh_incidents(conn)
            found = corroboration.incidents(conn, actor=actor, since=since, until=until)
        if as_json:
            for incident in found:
                click.echo(json.dumps(incident, ensure_ascii=False))
            return
        if not found:
            click.echo(f"no incidents with {actor!r}", err=True)
            return
        for line in timeline_lines(found):
            click.echo(line)

    @cli.command()
    @click.option("--db", default="dateline.db", show_default=True, type=click.Path(exists=True))
    @click.option("--flagged", is_flag=True, help="Only claims no independent report asserts.")
    @click.option("--rebuild", is_flag=True, help="Cluster again even if nothing changed.")
    def incidents(db: str, flagged: bool, rebuild: bool) -> None:
        """Cluster the stored events into incidents and list them."""
        from dateline.store import corroboration

        with closing(corroboration.connect(db)) as conn:
            if rebuild:
                corroboration.rebuild_incidents(conn)
            else:
                corroboration.refresh_incidents(conn)
            found = corroboration.incidents(conn, flagged=True if flagged else None)
        for line in timeline_lines(found):
            click.echo(line)
        click.echo(f"{len(found)} incidents", err=True)
