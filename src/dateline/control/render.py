"""The claims report as text: a table for reading, CSV rows with the evidence."""
from __future__ import annotations

import csv
import io
from typing import Any

GROUPINGS = (("by_target", "target"), ("by_admin1", "admin1"), ("by_ground", "held by"),
             ("by_admin1_and_ground", "admin1 | held by"))
CSV_COLUMNS = ("side", "grouping", "group", "count", "share", "event_id", "date", "place",
               "admin1", "ground", "ground_basis", "sentence")


def report_table(report: dict[str, Any]) -> str:
    """Aligned text: each side's groups with counts and shares, then the sentences."""
    lines = [f"claims report for {report['actor']!r}"
             + (f" from {report['since']}" if report.get("since") else "")
             + (f" until {report['until']}" if report.get("until") else "")]
    for side in ("claimed", "asserted"):
        part = report[side]
        title = ("what it says it targets (claimed attacks)" if side == "claimed"
                 else "where its attacks landed (asserted attacks)")
        lines.append("")
        lines.append(f"{title}: {part['total']}")
        for key, label in GROUPINGS:
            if side == "asserted" and key == "by_target":
                continue
            lines.append(f"  {label}")
            for g in part[key]:
                lines.append(f"    {g['count']:>4}  {g['share']:>6.1%}  {g['key']}  "
                             f"[{', '.join(g['events'])}]")
    lines.append("")
    lines.append("claimed targets against the ground of the asserted attacks")
    for row in report["claimed_targets_vs_ground"]:
        share = "-" if row["share"] is None else f"{row['share']:.1%}"
        lines.append(f"  {row['target']}: {row['on_its_ground']} of {row['asserted_attacks']} "
                     f"asserted attacks on its ground ({share})  [{', '.join(row['events'])}]")
    lines.append("")
    lines.append("evidence")
    for event_id, ref in report["events"].items():
        ground = (ref["ground"] or {}).get("controller") or "unknown"
        lines.append(f"  {event_id}  {ref['date'] or '?'}  {ref['status']}  "
                     f"{ref['place'] or '-'} ({ref['admin1'] or '-'}), held by {ground}: "
                     f"{ref['sentence']}")
    return "\n".join(lines) + "\n"


def report_csv(report: dict[str, Any]) -> str:
    """One row per event per group, so every count can be recounted from its rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for side in ("claimed", "asserted"):
        for key, _label in GROUPINGS:
            for g in report[side][key]:
                for event_id in g["events"]:
                    ref = report["events"][event_id]
                    ground = ref["ground"] or {}
                    writer.writerow([side, key, g["key"], g["count"], g["share"], event_id,
                                     ref["date"] or "", ref["place"] or "", ref["admin1"] or "",
                                     ground.get("controller") or "", ground.get("basis") or "",
                                     ref["sentence"]])
    return buffer.getvalue()
