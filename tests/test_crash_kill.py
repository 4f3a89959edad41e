"""Crash safety: a real ``dateline ingest`` process is killed with SIGKILL at random
points, again and again.  After every kill the database passes SQLite's integrity
check and each document is either stored completely (all its events, actors and
places) or absent; a final run completes the set with no duplicate."""
from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from contextlib import closing
from pathlib import Path

import pytest
from test_engines import INGEST, write_corpus

from dateline.pipeline import Failure, run_paths

KILLS = 20
PAGES = 80


def counts_by_document(db: Path) -> dict[str, tuple[int, int, int]]:
    """doc id -> (events, actors, places) as stored."""
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)) as conn:
        rows = conn.execute(
            """SELECT d.doc_id,
                      (SELECT COUNT(*) FROM events e WHERE e.document_id = d.id),
                      (SELECT COUNT(*) FROM actors a WHERE a.document_id = d.id),
                      (SELECT COUNT(*) FROM places p WHERE p.document_id = d.id)
               FROM documents d""").fetchall()
    return {doc_id: (e, a, p) for doc_id, e, a, p in rows}


def check_database(db: Path, expected: dict[str, tuple[int, int, int]]) -> dict[str, tuple[int, int, int]]:
    """Integrity, no duplicates, and every stored document complete; returns what is stored."""
    if not db.exists():
        return {}
    with closing(sqlite3.connect(db, timeout=10)) as conn:   # opening read-write replays the WAL
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        tables = {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "documents" not in tables:
            return {}                                   # killed before the schema was written
        ids = [i for (i,) in conn.execute("SELECT doc_id FROM documents")]
        hashes = [h for (h,) in conn.execute("SELECT content_hash FROM documents")]
        failures = conn.execute("SELECT origin, stage, error FROM failures").fetchall()
    assert len(ids) == len(set(ids)), "a document stored twice"
    assert len(hashes) == len(set(hashes)), "the same content stored twice"
    assert not [f for f, n in Counter(failures).items() if n > 1], "a failure recorded twice"
    stored = counts_by_document(db)
    for doc_id, counts in stored.items():
        assert counts == expected[doc_id], f"{doc_id} stored in part: {counts} != {expected[doc_id]}"
    return stored


def stored_count(db: Path) -> int:
    try:
        with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def kill_at_random(command: list[str], rng: random.Random) -> None:
    """Start the ingest and SIGKILL its process group at a random moment: during start-up,
    or once it is storing, a random few milliseconds after a document was stored."""
    db = Path(command[command.index("--db") + 1])
    before = stored_count(db)
    proc = subprocess.Popen(command, start_new_session=True, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        if rng.random() < 0.2:
            time.sleep(rng.uniform(0.0, 2.0))
        else:
            deadline = time.monotonic() + 60
            while proc.poll() is None and time.monotonic() < deadline and stored_count(db) <= before:
                time.sleep(0.01)
            time.sleep(rng.uniform(0.0, 0.15))
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


@pytest.mark.slow
def test_random_sigkills_lose_nothing_and_duplicate_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_corpus(folder, PAGES, bad=True)
    expected = {}
    for out in run_paths([folder]):
        if not isinstance(out, Failure):
            record = out.record.to_dict()
            expected[record["doc"]["id"]] = (len(record["events"]), len(record["actors"]),
                                             len(record["places"]))
    assert len(expected) == PAGES
    db = tmp_path / "crash.db"
    command = [sys.executable, "-c", INGEST, "ingest", str(folder), "--db", str(db),
               "--workers", "1", "--batch-size", "1", "--quiet"]
    rng = random.Random(20)
    stored_after_kill = []
    for _ in range(KILLS):
        kill_at_random(command, rng)
        stored_after_kill.append(len(check_database(db, expected)))
    assert len(stored_after_kill) >= 20
    mid_run = [n for n in stored_after_kill if 0 < n < PAGES]
    assert len(mid_run) >= 10 and len(set(mid_run)) >= 5, f"kills fell mid-run too rarely: {stored_after_kill}"

    final = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert final.returncode == 1, final.stderr        # the two bad files fail every time
    stored = check_database(db, expected)
    assert stored == expected
    with closing(sqlite3.connect(db)) as conn:
        failed = {o for (o,) in conn.execute("SELECT origin FROM failures")}
    assert failed == {str(folder / "page-empty.txt"), str(folder / "page-binary.bin")}
