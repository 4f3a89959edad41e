"""The `code` stage: from a resolved article to coded events (package `coding`, since
`code` is a standard-library module)."""
from __future__ import annotations

from dateline.records import Record, ResolvedArticle


def code_events(resolved: ResolvedArticle) -> Record:
    """Events with parties, PLOVER type and mode, CAMEO code, ACLED type, place, time,
    attribution and status; actors and places as the record lists them."""
    from dateline.coding.events import Coder

    coder = Coder(resolved)
    events = coder.events()
    actors = coder.registry.actors()
    used = {e.place for e in events if e.place}
    places = [p for p in resolved.places if p.id in used or p.feature != "other"]
    return Record(article=resolved.article, actors=actors, places=places, events=events)
