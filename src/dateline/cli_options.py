"""Options shared by the commands that select events (`events`, `export`, ...)."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click


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
