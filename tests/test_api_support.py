"""Shared by the workbench tests: small pages, a store built from them with the real
pipeline (once per test session), and a real uvicorn server on a free loopback port.

This module holds no tests itself.
"""
from __future__ import annotations

import functools
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import uvicorn

from dateline.pipeline import Failure, run_paths
from dateline.serve import Settings, create_app
from dateline.store import Store

TOKEN = "test-token-0123456789abcdef"

PAGES = {
    "kharkiv.html": """<!doctype html>
<html><head><title>Russian forces shell Kharkiv</title>
<meta property="article:published_time" content="2024-05-14T09:00:00Z"></head>
<body><article>
<h1>Russian forces shell Kharkiv</h1>
<p>KYIV, May 14 (Test Wire) - Russian forces shelled the city of Kharkiv on Tuesday,
killing three civilians, Ukrainian officials said.</p>
<p>Ukraine's foreign ministry condemned the attack and called on its allies to send more
air defence systems.</p>
</article></body></html>
""",
    "nairobi.txt": """Kenyan police fire tear gas at tax protesters in Nairobi

NAIROBI, June 25, 2024 (Test Wire) - Kenyan police fired tear gas at thousands of protesters \
in Nairobi on Tuesday as demonstrators marched on parliament against a finance bill, \
witnesses said.

The protesters demanded that President William Ruto withdraw the tax increases.

Police arrested dozens of demonstrators near the parliament building in Nairobi, a police \
spokesman said.
""",
    "santiago.txt": """Chile expels Peruvian diplomats

SANTIAGO, April 2, 2024 (Test Wire) - Chile expelled two Peruvian diplomats in Santiago on \
Monday, the Chilean foreign ministry said.

Peru's government accused Chile of breaking diplomatic norms.
""",
}

# A page whose text carries markup that must be shown, never run.
SCRIPT_PAGE = """Police detain activists over banner in Lagos

LAGOS, July 8, 2024 (Test Wire) - Nigerian police arrested five activists in Lagos on Monday \
after a banner reading <script>window.__pwned = 1</script><img src=x \
onerror="window.__pwned = 2"> was hung outside the state assembly, a police spokesman said.
"""


@dataclass(frozen=True)
class Corpus:
    folder: Path
    db_path: Path


@functools.cache
def built_corpus() -> Corpus:
    """The pages of PAGES run through the pipeline and stored, built once per session."""
    folder = Path(tempfile.mkdtemp(prefix="dateline-workbench-"))
    paths = []
    for name, text in PAGES.items():
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(folder / name)
    db_path = folder / "corpus.db"
    with Store(db_path) as store:
        for out in run_paths(paths):
            if isinstance(out, Failure):
                raise AssertionError(f"test page failed: {out.line()}")
            store.store_record(out.record.to_dict(), content_hash=out.content_hash,
                               origin=out.raw.origin, url=out.raw.url)
    return Corpus(folder=folder, db_path=db_path)


def copy_of_corpus(target: Path) -> Path:
    """A private copy of the built store (for tests that write to it)."""
    source = built_corpus().db_path
    target.mkdir(parents=True, exist_ok=True)
    copy = target / "corpus.db"
    shutil.copyfile(source, copy)
    return copy


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def running_server(settings: Settings) -> Iterator[str]:
    """Serve the app on uvicorn in a thread on a free loopback port; yields the base URL."""
    port = free_port()
    config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=port,
                            log_level="warning", lifespan="off", timeout_graceful_shutdown=2)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
