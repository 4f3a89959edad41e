"""What a workbench server is started with, and the objects its requests share."""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from fastapi import Request

MAX_BODY_BYTES = 2 * 1024 * 1024        # a submitted page, as JSON
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


@dataclass
class Settings:
    db_path: Path
    allow_ingest: bool = False
    token: str | None = None                 # required by POST /documents when ingest is on
    allowed_hosts: tuple[str, ...] = LOOPBACK_HOSTS
    max_body_bytes: int = MAX_BODY_BYTES
    text_dirs: tuple[Path, ...] = ()         # where relative origins are looked up
    reads_per_second: float = 200.0          # per client, with a burst of three seconds' worth
    writes_per_minute: float = 30.0          # per client (POST /api/documents)
    ingest_lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def pages_dir(self) -> Path:
        """Where submitted pages are kept, so their text can be shown again."""
        return self.db_path.with_name(self.db_path.name + ".pages")


def settings_of(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings
