"""HTTP routes over events: the list, one event, actors, places and aggregates."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, HTTPException, Query

from dateline.serve import aggregates
from dateline.serve.filters import Page, event_filters, page_params
from dateline.serve.settings import Settings, settings_of
from dateline.store import Store

router = APIRouter(prefix="/api", tags=["events"])

Filters = Annotated[dict[str, Any], Depends(event_filters)]
Paging = Annotated[Page, Depends(page_params)]
CurrentSettings = Annotated[Settings, Depends(settings_of)]
T = TypeVar("T")


@contextmanager
def open_store(settings: Settings) -> Iterator[Store]:
    """A store connection for one request (SQLite connections stay in their thread)."""
    store = Store(settings.db_path)
    try:
        yield store
    finally:
        store.close()


def bad_filter(call: Callable[[], T]) -> T:
    """Run a query; a filter the store rejects (unknown country, bad date) is a 422."""
    try:
        return call()
    except ValueError as err:
        raise HTTPException(422, str(err)) from None


def paged(items: list[Any], page: Page, key: str) -> dict[str, Any]:
    """``items`` holds up to limit + 1 rows: the extra one only says there is a next page."""
    more = len(items) > page.limit
    return {key: items[:page.limit], "limit": page.limit, "offset": page.offset,
            "next_offset": page.offset + page.limit if more else None}


@router.get("/events", summary="Events matching the filters, one page")
def list_events(settings: CurrentSettings, filters: Filters, page: Paging) -> dict[str, Any]:
    with open_store(settings) as store:
        rows = bad_filter(lambda: store.events(**filters, limit=page.limit + 1,
                                               offset=page.offset))
    return paged(rows, page, "events")


@router.get("/events/{event_id:path}", summary="One event with its evidence, actors, "
            "place and document")
def get_event(event_id: str, settings: CurrentSettings) -> dict[str, Any]:
    with open_store(settings) as store:
        records = store.records([event_id])
    if not records or not records[0]["events"]:
        raise HTTPException(404, f"no event {event_id!r}")
    record = records[0]
    event = record["events"][0]
    involved = set(event.get("source") or []) | set(event.get("target") or [])
    place = next((p for p in record["places"] if p["id"] == event.get("place")), None)
    ground = _stored_ground(settings, event_id)
    if ground is not None:
        event = {**event, "ground": ground}
    return {"event_id": event_id, "event": event,
            "actors": [a for a in record["actors"] if a["id"] in involved],
            "place": place, "document": record["doc"]}


def _stored_ground(settings: Settings, event_id: str) -> dict[str, Any] | None:
    """Who held the event's place then, as last computed by `dateline claims` or
    `dateline control import` (read only: the server never recomputes it)."""
    import sqlite3

    from dateline.control.claims import ground_summary
    from dateline.store import control as control_store

    conn = sqlite3.connect(f"file:{settings.db_path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'control_ground'").fetchone():
            return None
        return ground_summary(control_store.ground(conn, [event_id]).get(event_id))
    finally:
        conn.close()


@router.get("/actors", summary="Actors of the matching events with their event counts")
def list_actors(settings: CurrentSettings, filters: Filters, page: Paging) -> dict[str, Any]:
    rows = bad_filter(lambda: aggregates.actors(settings.db_path, filters,
                                                limit=page.limit + 1, offset=page.offset))
    return paged(rows, page, "actors")


@router.get("/places", summary="Places of the matching events with their event counts")
def list_places(settings: CurrentSettings, filters: Filters, page: Paging) -> dict[str, Any]:
    rows = bad_filter(lambda: aggregates.places(settings.db_path, filters,
                                                limit=page.limit + 1, offset=page.offset))
    return paged(rows, page, "places")


@router.get("/aggregates/time", summary="Counts of matching events by period and type")
def counts_by_time(settings: CurrentSettings, filters: Filters, page: Paging,
                   interval: Annotated[str, Query(pattern="^(day|week|month)$")] = "day"
                   ) -> dict[str, Any]:
    rows = bad_filter(lambda: aggregates.counts_by_period(
        settings.db_path, filters, interval, limit=page.limit + 1, offset=page.offset))
    return {"interval": interval, **paged(rows, page, "counts")}


@router.get("/aggregates/types", summary="Counts of matching events by type")
def counts_by_type(settings: CurrentSettings, filters: Filters, page: Paging) -> dict[str, Any]:
    rows = bad_filter(lambda: aggregates.counts_by_type(settings.db_path, filters,
                                                        limit=page.limit + 1, offset=page.offset))
    return paged(rows, page, "counts")


@router.get("/aggregates/actor-pairs", summary="Who acts on whom: events per source/target")
def counts_by_actor_pair(settings: CurrentSettings, filters: Filters,
                         page: Paging) -> dict[str, Any]:
    rows = bad_filter(lambda: aggregates.actor_pairs(settings.db_path, filters,
                                                     limit=page.limit + 1, offset=page.offset))
    return paged(rows, page, "pairs")
