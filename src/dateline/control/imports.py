"""Importing a control layer into a store: checked whole, written in one transaction."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from dateline.control.layers import Layer, read_layer
from dateline.store import control as control_store


@dataclass
class ImportResult:
    layer_id: int
    name: str
    areas: int
    warnings: list[str] = field(default_factory=list)
    unchanged: bool = False          # the same bytes were imported before: nothing written


def import_layer(conn: sqlite3.Connection, path: str | Path) -> ImportResult:
    """Check ``path`` and store it as one layer; LayerError (nothing stored) if it is unusable.

    A file whose bytes were already imported is not stored twice.
    """
    layer: Layer = read_layer(path)
    known = conn.execute("SELECT id, name, feature_count FROM control_layers "
                         "WHERE content_hash = ?", (layer.content_hash,)).fetchone()
    if known is not None:
        return ImportResult(layer_id=int(known[0]), name=str(known[1]),
                            areas=int(known[2]), warnings=list(layer.warnings), unchanged=True)
    layer_id = control_store.insert_layer(
        conn, name=layer.name, origin=layer.origin, content_hash=layer.content_hash,
        source=layer.source, warnings=layer.warnings, areas=[a.row() for a in layer.areas])
    return ImportResult(layer_id=layer_id, name=layer.name, areas=len(layer.areas),
                        warnings=list(layer.warnings))
