"""Local engine: N worker processes give one worker's output, in input order, streaming;
a killed ingest resumes with no document lost or stored twice."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline.engines import LocalPool, Skipped, default_workers, run_items, run_local
from dateline.engines.dask_engine import list_files
from dateline.ingest import read_paths
from dateline.pipeline import Failure, Result, content_hash

CITIES = [("Nairobi", "NAIROBI"), ("Lima", "LIMA"), ("Dhaka", "DHAKA"), ("Tbilisi", "TBILISI"),
          ("Bogota", "BOGOTA"), ("Manila", "MANILA"), ("Accra", "ACCRA"), ("Quito", "QUITO")]
MONTHS = ["January", "March", "May", "June", "August", "October"]

TEXT_PAGE = """{month} {day}, {year}

Police disperse protest in {city}

{upper} ({outlet}) - Police fired tear gas at thousands of protesters in {city} on Monday, witnesses said, as demonstrators marched on parliament to demand new elections.

The interior ministry said {count} people were arrested and several officers were hurt. Opposition leaders accused the government of using excessive force and called for a general strike on Friday.

The government said the protest had not been authorised and urged people to stay at home.

Source: {outlet}
"""

HTML_PAGE = """<html><head><title>Talks open in {city} - {outlet}</title>
<script type="application/ld+json">{{"@type": "NewsArticle",
"datePublished": "{year}-{month_no:02d}-{day:02d}T09:00:00Z", "headline": "Talks open in {city}"}}</script>
</head><body><nav>Home | World</nav><article><h1>Talks open in {city}</h1>
<p>Government and rebel negotiators met in {city} on Tuesday for the first direct talks in
{count} months, the foreign ministry said.</p>
<p>The rebels demanded the release of prisoners, and the army said it would observe a
ceasefire while the talks went on.</p></article><footer>Copyright {outlet}</footer></body></html>
"""


def write_corpus(folder: Path, count: int, bad: bool = True) -> list[Path]:
    """``count`` short pages (text and HTML, varied places and dates), plus two bad files."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        city, upper = CITIES[i % len(CITIES)]
        month_no = [1, 3, 5, 6, 8, 10][i % 6]
        values = {"city": city, "upper": upper, "month": MONTHS[i % 6], "month_no": month_no,
                  "day": 3 + i % 20, "year": 2015 + i % 7, "count": 10 + i,
                  "outlet": "Example Wire" if i % 2 else "Harbour Post"}
        if i % 3 == 2:
            path = folder / f"page-{i:03d}.html"
            path.write_text(HTML_PAGE.format(**values), encoding="utf-8")
        else:
            path = folder / f"page-{i:03d}.txt"
            path.write_text(TEXT_PAGE.format(**values), encoding="utf-8")
        paths.append(path)
    if bad:
        (folder / "page-empty.txt").write_bytes(b"")
        (folder / "page-binary.bin").write_bytes(bytes(range(256)) * 8)
    return paths


def summarise(outputs: list) -> list[tuple]:
    rows = []
    for out in outputs:
        if isinstance(out, Failure):
            rows.append(("failure", out.origin, out.stage, out.error))
        elif isinstance(out, Skipped):
            rows.append(("skipped", out.raw.origin, out.content_hash))
        else:
            rows.append(("record", out.raw.origin, out.content_hash, out.record.to_dict()))
    return rows


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("engines") / "in"
    write_corpus(folder, 12)
    return folder


def test_two_workers_give_one_workers_output_in_order(corpus):
    one = summarise(list(run_local([corpus], 1, batch_size=3)))
    two = summarise(list(run_local([corpus], 2, batch_size=3)))
    assert two == one
    assert len(one) == 14
    assert sum(row[0] == "failure" for row in one) == 2
    records = [row for row in one if row[0] == "record"]
    assert [row[1] for row in records] == sorted(row[1] for row in records)
    assert all(row[3]["events"] for row in records)


def test_one_worker_is_exactly_the_pipeline(corpus):
    from dateline.pipeline import run_paths

    assert summarise(list(run_local([corpus], 1))) == summarise(list(run_paths([corpus])))


def counting(items: list) -> tuple[Iterator, list[int]]:
    pulled = [0]

    def stream() -> Iterator:
        for item in items:
            pulled[0] += 1
            yield item
    return stream(), pulled


def test_the_input_is_read_lazily(corpus):
    items = list(read_paths([corpus])) * 4          # 56 documents
    for workers in (1, 2):
        stream, pulled = counting(items)
        outputs = run_items(stream, workers, batch_size=2)
        next(outputs)
        # one worker reads one batch; a pool at most workers * prefetch batches ahead
        assert pulled[0] <= (2 if workers == 1 else 2 * 2 * 2 + 2), workers
        outputs.close()


def test_less_than_a_batch_runs_without_a_pool(corpus):
    import multiprocessing

    items = list(read_paths([corpus]))[:3]
    outputs = run_items(items, 2, batch_size=4)
    first = next(outputs)
    assert multiprocessing.active_children() == []
    assert summarise([first, *outputs]) == summarise(list(run_items(items, 1, batch_size=4)))


def test_a_pool_serves_several_runs_and_stored_documents_are_skipped(corpus):
    items = [item for item in read_paths(sorted(corpus.glob("page-0*")))]
    stored = {content_hash(item) for item in items[:5]}
    with LocalPool(2, batch_size=4) as pool:
        pool.warm()
        first = list(pool.run(items))
        second = list(pool.run(items, is_stored=stored.__contains__))
    assert all(isinstance(out, Result) for out in first)
    skipped = [out for out in second if isinstance(out, Skipped)]
    assert {out.content_hash for out in skipped} == stored
    rest = [out.record.to_dict() for out in second if isinstance(out, Result)]
    assert rest == [out.record.to_dict() for out in first[5:]]


def test_default_workers_is_the_usable_cores():
    assert default_workers() == len(os.sched_getaffinity(0))


def test_files_are_listed_in_the_order_they_are_read(corpus, tmp_path):
    (corpus / ".hidden.txt").write_text("not read", encoding="utf-8")
    sub = corpus / "sub"
    sub.mkdir(exist_ok=True)
    (sub / "a.txt").write_text("x", encoding="utf-8")
    try:
        origins = [getattr(item, "origin", "") for item in read_paths([corpus, sub / "a.txt"])]
        assert list_files([corpus, sub / "a.txt"]) == origins
    finally:
        (corpus / ".hidden.txt").unlink()
        (sub / "a.txt").unlink()
        sub.rmdir()


def test_extract_with_two_workers_writes_the_same_files(corpus, tmp_path):
    import click
    from click.testing import CliRunner

    from dateline.cli_scale import register

    @click.group()
    def group() -> None:
        """test group"""

    register(group)
    outputs = {}
    for workers in ("1", "2"):
        out = tmp_path / workers
        result = CliRunner().invoke(group, ["extract", str(corpus), "--out", str(out),
                                            "--workers", workers, "--batch-size", "2"])
        assert result.exit_code == 1                      # the two bad files
        assert result.stderr.count("error: ") == 2
        outputs[workers] = {p.name: p.read_text() for p in out.iterdir()}
    assert len(outputs["1"]) == 12
    assert outputs["2"] == outputs["1"]
    lines = CliRunner().invoke(group, ["extract", str(corpus), "--out", "-", "--workers", "2",
                                       "--batch-size", "2", "--quiet"]).stdout.splitlines()
    assert [json.loads(line)["doc"]["id"] for line in lines] == [f"page-{i:03d}" for i in range(12)]


INGEST = ("import sys; from dateline.cli import cli; from dateline.cli_scale import register; "
          "register(cli); cli()")


def stored_rows(db: Path) -> list[tuple[str, str]]:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT doc_id, content_hash FROM documents ORDER BY id").fetchall()
    except sqlite3.OperationalError:
        return []


def test_a_killed_ingest_resumes_without_loss_or_duplicates(tmp_path):
    folder = tmp_path / "in"
    pages = write_corpus(folder, 30, bad=False)
    db = tmp_path / "d.db"
    command = [sys.executable, "-c", INGEST, "ingest", str(folder), "--db", str(db),
               "--workers", "2", "--batch-size", "1", "--quiet"]
    proc = subprocess.Popen(command, start_new_session=True, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while len(stored_rows(db)) < 3 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.stderr.close()
    before = stored_rows(db)
    assert proc.returncode == -signal.SIGKILL
    assert 3 <= len(before) < len(pages), "the run was not interrupted mid-way"

    again = subprocess.run(command[:-1], capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert f"({len(before)} unchanged, skipped)" in again.stderr
    after = stored_rows(db)
    assert after[:len(before)] == before
    assert [doc_id for doc_id, _ in after] == [p.stem for p in pages]
    assert len({digest for _, digest in after}) == len(pages)


def test_a_stale_index_is_built_once_in_a_child_before_the_workers_start(tmp_path, monkeypatch):
    from dateline.engines.local import prepare_indexes
    from dateline.resolve import place_index

    monkeypatch.setenv("DATELINE_CACHE", str(tmp_path / "cache"))
    builds = tmp_path / "builds.txt"

    def fake_build() -> Path:                  # stands in for the 30-second build
        with builds.open("a") as fh:
            fh.write(f"{os.getpid()}\n")
        place_index.index_path().write_bytes(b"index")
        return place_index.index_path()

    monkeypatch.setattr(place_index, "ensure_index", fake_build)
    prepare_indexes()
    prepare_indexes()
    pids = builds.read_text().split()
    assert len(pids) == 1 and int(pids[0]) != os.getpid()
    assert place_index.index_path().exists()
