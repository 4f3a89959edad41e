"""Control read from the text: captures and withdrawals already coded by dateline.

A capture (COERCE, CAMEO 192 "occupy territory") gives its source the place
from the event's date onward; a withdrawal (RETREAT:withdraw, CAMEO 0874)
says the withdrawing party held the place up to that date and no longer
does.  For one place the events are taken in date order and each interval
runs until the day before the next event there says otherwise.  Every
interval keeps its event as evidence.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from types import MappingProxyType
from typing import Any

CAPTURE_CAMEO = "192"
WITHDRAW_CAMEO = "0874"
# A party describing its own capture is weaker evidence than a reporter or a third party.
STATUS_CONFIDENCE = MappingProxyType({"asserted": 0.8, "claimed": 0.5})


def is_capture(event: dict[str, Any]) -> bool:
    return event.get("type") == "COERCE" and str(event.get("cameo") or "").startswith(
        CAPTURE_CAMEO)


def is_withdrawal(event: dict[str, Any]) -> bool:
    return event.get("type") == "RETREAT" and (
        str(event.get("cameo") or "") == WITHDRAW_CAMEO and event.get("mode") == "withdraw")


def place_key(event: dict[str, Any]) -> str:
    """One place across documents: its GeoNames id, else its rounded coordinates."""
    if event.get("geonameid") is not None:
        return f"gn:{event['geonameid']}"
    return f"ll:{float(event['lat']):.3f},{float(event['lon']):.3f}"


def _day(value: Any) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _same_party(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return (a.get("controller_name") == b.get("controller_name")
            and a.get("controller_country") == b.get("controller_country")
            and a.get("controller_sector") == b.get("controller_sector"))


def derive_intervals(events: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Control intervals (rows of ``control_intervals``) from located, dated events.

    ``events`` are rows of ``dateline.store.control.located_events``.  Only
    asserted or claimed captures and withdrawals with a date and a source count.
    """
    by_place: dict[str, list[tuple[date, dict[str, Any]]]] = {}
    for event in events:
        if not (is_capture(event) or is_withdrawal(event)):
            continue
        day = _day(event.get("event_date"))
        if day is None or event.get("status") not in STATUS_CONFIDENCE:
            continue
        if not event.get("source_name"):
            continue
        by_place.setdefault(place_key(event), []).append((day, event))
    out: list[dict[str, Any]] = []
    for key, dated in by_place.items():
        dated.sort(key=lambda pair: (pair[0], not is_withdrawal(pair[1])))
        out.extend(_place_intervals(key, dated))
    return out


def _base(key: str, event: dict[str, Any]) -> dict[str, Any]:
    return {"place_key": key, "place_name": event.get("place_name"),
            "admin1": event.get("admin1"), "admin1_code": event.get("admin1_code"),
            "lat": event.get("lat"), "lon": event.get("lon"),
            "evidence_event_id": event["event_id"],
            "confidence": STATUS_CONFIDENCE[event["status"]]}


def _party(event: dict[str, Any]) -> dict[str, Any]:
    return {"controller_name": event.get("source_name"),
            "controller_country": event.get("source_country"),
            "controller_sector": event.get("source_sector")}


def _place_intervals(key: str, dated: list[tuple[date, dict[str, Any]]]) -> list[dict[str, Any]]:
    """The intervals of one place, its events sorted by date (withdrawals first on a tie)."""
    out: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None
    for day, event in dated:
        party = _party(event)
        if current is not None and current["how"] == "capture" and is_capture(event) and (
                _same_party(current, party)):
            continue                    # the same capture retold: the first telling stands
        if current is not None and current["valid_to"] is None:
            if current["valid_from"] == day.isoformat():
                out.remove(current)     # overtaken on its own first day
            else:
                current["valid_to"] = (day - timedelta(days=1)).isoformat()
        if is_capture(event):
            current = {**_base(key, event), **party, "valid_from": day.isoformat(),
                       "valid_to": None, "how": "capture"}
            out.append(current)
            continue
        if current is None:
            # Nothing earlier says who held it: the withdrawing party did, up to that day.
            out.append({**_base(key, event), **party, "valid_from": None,
                        "valid_to": (day - timedelta(days=1)).isoformat(), "how": "withdrawal"})
        current = {**_base(key, event), "controller_name": None, "controller_country": None,
                   "controller_sector": None, "valid_from": day.isoformat(), "valid_to": None,
                   "how": "vacated"}
        out.append(current)
    return out
