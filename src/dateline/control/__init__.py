"""Who holds the ground: control layers, control read from the text, and the claims report.

    from dateline.control import import_layer, compute_ground, claims_report
    from dateline.store import control as control_store
    conn = control_store.connect("dateline.db")
    import_layer(conn, "areas.geojson")          # LayerError names every bad feature
    compute_ground(conn)                         # ground of every located, dated event
    report = claims_report("dateline.db", "Nigerian armed forces")
"""
from dateline.control.claims import claims_report, event_ground
from dateline.control.controllers import Controller, resolve_controller
from dateline.control.derive import derive_intervals
from dateline.control.ground import build_index, compute_ground, join_points
from dateline.control.imports import ImportResult, import_layer
from dateline.control.layers import LayerError, read_layer

__all__ = ["claims_report", "event_ground", "Controller", "resolve_controller", "derive_intervals",
           "build_index", "compute_ground", "join_points", "ImportResult", "import_layer",
           "LayerError", "read_layer"]
