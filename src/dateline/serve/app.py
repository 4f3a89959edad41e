"""The workbench application: the JSON API under /api and the web UI at /."""
from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from dateline import __version__
from dateline.serve.guards import BodyLimit, ControlCharacters, HostCheck, RateLimit, SecurityHeaders
from dateline.serve.routes_control import router as control_router
from dateline.serve.routes_documents import router as documents_router
from dateline.serve.routes_incidents import router as incidents_router
from dateline.serve.routes_events import router as events_router
from dateline.serve.settings import Settings

STATIC_DIR = Path(__file__).resolve().parent / "static"
VENDOR_DIR = STATIC_DIR / "vendor"
VENDOR_FILES = ("leaflet/leaflet.js", "leaflet/leaflet.css", "topojson-client.min.js",
                "countries-110m.json")


def vendor_missing() -> list[str]:
    """The browser libraries (built by tools/build_ui.py) that are not in the package."""
    return [name for name in VENDOR_FILES if not (VENDOR_DIR / name).is_file()]


def create_app(settings: Settings) -> FastAPI:
    """The ASGI app for one database.  CORS stays closed: no cross-origin headers are sent."""
    app = FastAPI(title="dateline workbench", version=__version__,
                  description="Events coded from news pages: list, filter, count, read.",
                  openapi_url="/api/openapi.json", docs_url=None, redoc_url=None)
    app.state.settings = settings
    app.include_router(events_router)
    app.include_router(documents_router)
    app.include_router(control_router)
    app.include_router(incidents_router)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html",
                            headers={"Cache-Control": "no-cache"})

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(HostCheck, allowed=settings.allowed_hosts)
    app.add_middleware(ControlCharacters)
    app.add_middleware(RateLimit, reads_per_second=settings.reads_per_second,
                       read_burst=int(3 * settings.reads_per_second) or 1,
                       writes_per_minute=settings.writes_per_minute)
    return app
