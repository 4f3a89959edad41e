"""What an incident's reports agree on, where they differ, and who backs it.

The consensus takes the value most reports give (ties: the most precise, then
the first).  Where reports disagree on fatalities, dates or who acted, the
incident keeps the range and each value with the reports and speakers that
gave it.  Corroboration counts independent sources: copies of one story count
once, and so do stories credited to the same agency.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from dateline.corroborate.reports import Party, Report

_GENERIC_SPEAKER = re.compile(
    r"\b(officials?|sources?|residents?|witness(?:es)?|diplomats?|people|activists?|"
    r"medics?|doctors?|spokes(?:man|woman|person)|security sources?|insiders?|aides?)$",
    re.IGNORECASE)
_INDEFINITE = re.compile(r"^(a|an|some|one|two|three|several|many|other|unnamed|"
                         r"anonymous)\b", re.IGNORECASE)


def attribution_kind(attribution: str | None) -> str:
    """'reporter', 'anonymous' (unnamed officials, sources, residents) or 'named'."""
    text = (attribution or "").strip()
    if not text or text.lower() == "reporter":
        return "reporter"
    if _INDEFINITE.match(text) or _GENERIC_SPEAKER.search(text):
        return "anonymous"
    return "named"


def independence_key(report: Report) -> str:
    """Reports with one key are one source: the credited agency, else the story."""
    outlet = (report.outlet or "").strip().lower()
    return f"outlet:{outlet}" if outlet else f"story:{report.story}"


def party_label(party: Party) -> str:
    code = f"{party.country or '---'}{party.sector or ''}"
    return f"{party.name} ({code})" if party.name else code


def _mode(values: Sequence[Any]) -> Any:
    counts = Counter(values)
    top = max(counts.values())
    return next(v for v in values if counts[v] == top)


def _speaker(report: Report) -> dict[str, Any]:
    return {"event_id": report.event_id, "attribution": report.attribution or "reporter",
            "outlet": report.outlet, "status": report.status}


def _who_said(reports: Sequence[Report], value_of: Any) -> list[dict[str, Any]]:
    groups: dict[Any, list[Report]] = {}
    for report in reports:
        value = value_of(report)
        if value is not None:
            groups.setdefault(value, []).append(report)
    return [{"value": list(value) if isinstance(value, tuple) else value,
             "reports": [_speaker(r) for r in members]} for value, members in groups.items()]


def _dates(report: Report) -> tuple[str | None, str | None] | None:
    if report.start is None and report.end is None:
        return None
    return (report.start.isoformat() if report.start else None,
            report.end.isoformat() if report.end else None)


def _perpetrators(report: Report) -> tuple[str, ...] | None:
    if not report.sources:
        return None
    return tuple(sorted(f"{p.country or '---'}{p.sector or ''}" for p in report.sources))


def summarize(reports: Sequence[Report]) -> dict[str, Any]:
    """Consensus fields, disagreements and corroboration of one incident."""
    dated = [d for d in (_dates(r) for r in reports) if d is not None]
    start, end = (_mode(dated) if dated else (None, None))
    places = [r.place_name for r in reports if r.place_name]
    located = [r for r in reports if r.located]
    fatalities = [r.fatalities for r in reports if r.fatalities is not None]
    sources = [party_label(p) for r in reports for p in r.sources]
    targets = [party_label(p) for r in reports for p in r.targets]
    statuses = Counter(r.status or "asserted" for r in reports)
    kinds = Counter(attribution_kind(r.attribution) for r in reports)
    independent = sorted({independence_key(r) for r in reports})
    disagreements: dict[str, Any] = {}
    if len(set(fatalities)) > 1:
        disagreements["fatalities"] = _who_said(reports, lambda r: r.fatalities)
    if len(set(dated)) > 1:
        disagreements["when"] = _who_said(reports, _dates)
    perpetrators = {p for p in (_perpetrators(r) for r in reports) if p is not None}
    if len(perpetrators) > 1:
        disagreements["source"] = _who_said(reports, _perpetrators)
    return {
        "type": _mode([r.type for r in reports]),
        "cameo": _mode([r.cameo for r in reports if r.cameo]) if any(r.cameo for r in reports)
        else None,
        "start": start, "end": end,
        "place": _mode(places) if places else None,
        "country": _mode([r.country for r in reports if r.country])
        if any(r.country for r in reports) else None,
        "lat": located[0].lat if located else None,
        "lon": located[0].lon if located else None,
        "source": sorted(set(sources), key=sources.index),
        "target": sorted(set(targets), key=targets.index),
        "fatalities": _mode(fatalities) if fatalities else None,
        "fatalities_min": min(fatalities) if fatalities else None,
        "fatalities_max": max(fatalities) if fatalities else None,
        "reports": len(reports),
        "stories": len({r.story for r in reports}),
        "independent_sources": len(independent),
        "attributions": {k: kinds.get(k, 0) for k in ("reporter", "named", "anonymous")},
        "status": {k: statuses[k] for k in sorted(statuses)},
        "unconfirmed_claim": statuses.get("claimed", 0) > 0 and statuses.get("asserted", 0) == 0,
        "disagreements": disagreements,
    }
