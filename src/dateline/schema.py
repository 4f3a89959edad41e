"""The JSON Schema of spec/records.md, shipped in the package, and a validator.

Beyond the schema, ``validate_record`` checks what a schema cannot: ids
referenced by events exist, and every span lies inside the input.
"""
from __future__ import annotations

import functools
from typing import Any

from dateline.resources import read_json


class RecordError(ValueError):
    """A record that does not follow spec/records.md."""


@functools.cache
def _validator() -> Any:
    from jsonschema import Draft202012Validator

    schema = read_json("records.schema.json")
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def validate_record(record: dict[str, Any], text: str | None = None) -> None:
    """Raise RecordError unless ``record`` follows the contract.

    With ``text`` (the input), every event's span must also slice to its sentence.
    """
    errors = sorted(_validator().iter_errors(record), key=lambda e: list(e.path))
    if errors:
        first = errors[0]
        where = "/".join(str(p) for p in first.path) or "(root)"
        raise RecordError(f"record invalid at {where}: {first.message}")
    actor_ids = {a["id"] for a in record["actors"]}
    place_ids = {p["id"] for p in record["places"]}
    for event in record["events"]:
        missing = [i for i in event["source"] + event["target"] if i not in actor_ids]
        if missing:
            raise RecordError(f"event {event['id']} names unknown actors {missing}")
        if event["place"] is not None and event["place"] not in place_ids:
            raise RecordError(f"event {event['id']} names unknown place {event['place']}")
        if text is not None and event.get("span"):
            start, end = event["span"]
            if not (0 <= start <= end <= len(text)) or text[start:end] != event["sentence"]:
                raise RecordError(f"event {event['id']} span {event['span']} does not hold its sentence")
