"""Event filters and paging as the HTTP API reads them from a query string.

The filters are those of ``Store.events`` (docs/schema.md); list-valued ones
(type, mode, status, cameo_root) take comma-separated values, ``bbox`` is
``west,south,east,north`` and ``near`` is ``lat,lon,km``.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from fastapi import HTTPException, Query

DEFAULT_PAGE_SIZE = 100
MAX_PAGE_SIZE = 500
MAX_FILTER_CHARS = 200


@dataclass(frozen=True)
class Page:
    limit: int
    offset: int


def page_params(limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE,
                                            description="Page size")] = DEFAULT_PAGE_SIZE,
                offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0) -> Page:
    return Page(limit=limit, offset=offset)


def _list(value: str | None) -> list[str] | None:
    if value is None or not value.strip():
        return None
    items = [v.strip() for v in value.split(",") if v.strip()]
    return items or None


def _numbers(value: str | None, count: int, name: str) -> tuple[float, ...] | None:
    if value is None or not value.strip():
        return None
    try:
        numbers = tuple(float(v) for v in value.split(","))
    except ValueError:
        raise HTTPException(422, f"{name} must be {count} comma-separated numbers") from None
    if len(numbers) != count:
        raise HTTPException(422, f"{name} must be {count} comma-separated numbers")
    return numbers


def _date(value: str | None, name: str) -> str | None:
    if value is None or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise HTTPException(422, f"{name} must be an ISO date (YYYY-MM-DD)") from None


def _text(value: str | None) -> str | None:
    return value.strip() if value is not None and value.strip() else None


TextParam = Annotated[str | None, Query(max_length=MAX_FILTER_CHARS)]


def event_filters(type: TextParam = None, mode: TextParam = None,   # noqa: A002 - API name
                  cameo_root: TextParam = None, actor: TextParam = None,
                  country: TextParam = None, since: TextParam = None, until: TextParam = None,
                  status: TextParam = None, attribution: TextParam = None,
                  text: TextParam = None, bbox: TextParam = None,
                  near: TextParam = None) -> dict[str, Any]:
    """The keyword arguments for ``Store.events`` given in the query string."""
    filters: dict[str, Any] = {
        "type": _list(type), "mode": _list(mode), "cameo_root": _list(cameo_root),
        "status": _list(status), "actor": _text(actor), "country": _text(country),
        "attribution": _text(attribution), "text": _text(text),
        "since": _date(since, "since"), "until": _date(until, "until"),
        "bbox": _numbers(bbox, 4, "bbox"), "near": _numbers(near, 3, "near")}
    return {key: value for key, value in filters.items() if value is not None}
