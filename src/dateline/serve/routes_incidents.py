"""HTTP routes over incidents: the list, one incident, an actor's timeline."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

import sqlite3
from fastapi import APIRouter, Depends, HTTPException, Query

from dateline.serve.settings import Settings, settings_of
from dateline.store import corroboration

router = APIRouter(prefix="/api", tags=["incidents"])

CurrentSettings = Annotated[Settings, Depends(settings_of)]
MAX_LIMIT = 1000


@contextmanager
def open_incidents(settings: Settings) -> Iterator[sqlite3.Connection]:
    """A connection for one request, with incidents brought up to date."""
    conn = corroboration.connect(settings.db_path)
    try:
        corroboration.refresh_incidents(conn)
        yield conn
    finally:
        conn.close()


@router.get("/incidents", summary="Incidents in date order with their corroboration")
def list_incidents(settings: CurrentSettings,
                   actor: Annotated[str | None, Query(max_length=200)] = None,
                   type: Annotated[str | None, Query(max_length=40)] = None,
                   since: Annotated[str | None, Query(max_length=10)] = None,
                   until: Annotated[str | None, Query(max_length=10)] = None,
                   flagged: bool | None = None,
                   limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100,
                   offset: Annotated[int, Query(ge=0)] = 0) -> dict[str, Any]:
    with open_incidents(settings) as conn:
        rows = corroboration.incidents(conn, actor=actor, type=type, since=since, until=until,
                                       flagged=flagged, limit=limit + 1, offset=offset)
    more = len(rows) > limit
    return {"incidents": rows[:limit], "limit": limit, "offset": offset,
            "next_offset": offset + limit if more else None}


@router.get("/incidents/{incident_id}", summary="One incident with its reports and copies")
def get_incident(incident_id: str, settings: CurrentSettings) -> dict[str, Any]:
    with open_incidents(settings) as conn:
        try:
            return corroboration.incident(conn, incident_id)
        except KeyError:
            raise HTTPException(404, f"no incident {incident_id!r}") from None


@router.get("/timeline", summary="An actor's incidents in date order")
def timeline(settings: CurrentSettings,
             actor: Annotated[str, Query(min_length=1, max_length=200)],
             limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 500) -> dict[str, Any]:
    with open_incidents(settings) as conn:
        rows = corroboration.incidents(conn, actor=actor, limit=limit)
    return {"actor": actor, "incidents": rows}
