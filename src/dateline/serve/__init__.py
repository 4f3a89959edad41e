"""The analyst's workbench: an HTTP API over a dateline store and a web UI.

    from dateline.serve import Settings, create_app
    app = create_app(Settings(db_path=Path("dateline.db")))

``dateline serve --db F`` runs it on uvicorn, bound to 127.0.0.1.
"""
from dateline.serve.app import create_app, vendor_missing
from dateline.serve.settings import Settings

__all__ = ["create_app", "Settings", "vendor_missing"]
