"""Dask engine on a real LocalCluster with 2 workers: Parquet parts by publication month,
merged into SQLite, equal to a single-process ingest; finished partitions are not redone."""
from __future__ import annotations

import os
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from dateline.engines.dask_engine import process_partition, run_dask
from dateline.engines.load import load_parts
from dateline.engines.parquet import part_numbers, read_part
from dateline.store import Store
from test_engines import write_corpus


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as local:
        yield local


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("dask") / "in"
    write_corpus(folder, 10)
    return folder


def cli_group():
    import click

    from dateline.cli_scale import register

    @click.group()
    def group() -> None:
        """test group"""

    register(group)
    return group


def store_state(db: Path) -> dict:
    """Every table of the store (times of writing left out; failures in any order)."""
    import sqlite3

    with Store(db) as store:
        state: dict = {"records": store.records()}
    with sqlite3.connect(db) as conn:
        tables = [row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'events_fts%' AND name <> 'schema_version' ORDER BY name")]
        for table in tables:
            columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")
                       if not row[1].endswith("_at") and not (table == "failures" and row[1] == "id")]
            rows = conn.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
            state[table] = sorted(rows, key=repr)
    return state


@pytest.fixture(scope="module")
def single(corpus, tmp_path_factory) -> dict:
    db = tmp_path_factory.mktemp("single") / "one.db"
    result = CliRunner().invoke(cli_group(), ["ingest", str(corpus), "--db", str(db),
                                              "--workers", "1", "--quiet"])
    assert result.exit_code == 1, result.output        # the two bad files
    return store_state(db)


def test_dask_parts_merged_equal_the_single_process_store(cluster, corpus, tmp_path, single):
    from distributed import Client

    parts = tmp_path / "parts"
    with Client(cluster) as client:
        summaries = run_dask([corpus], parts, client=client, files_per_partition=3)
    assert [s.part for s in summaries] == [0, 1, 2, 3]
    assert sum(s.documents for s in summaries) == 10
    assert sum(len(s.failures) for s in summaries) == 2
    loaded = load_parts(parts, tmp_path / "dask.db")
    assert (loaded.stored, loaded.unchanged, len(loaded.failures)) == (10, 0, 2)
    assert store_state(tmp_path / "dask.db") == single


def test_the_command_runs_on_a_given_scheduler(cluster, corpus, tmp_path, single):
    db = tmp_path / "cli.db"
    args = ["ingest", str(corpus), "--db", str(db), "--engine", "dask",
            "--scheduler", cluster.scheduler_address, "--partition-files", "4"]
    result = CliRunner().invoke(cli_group(), args)
    assert result.exit_code == 1, result.output
    assert "partition 2: " in result.stderr
    assert store_state(db) == single
    again = CliRunner().invoke(cli_group(), args)
    assert again.stderr.count("(done before, skipped)") == 3
    assert "(10 unchanged, skipped)" in again.stderr
    assert store_state(db) == single


def test_parts_are_partitioned_by_publication_month(corpus, tmp_path):
    files = sorted(str(p) for p in corpus.glob("page-00[0-5]*"))
    summary = process_partition(7, files, str(tmp_path))
    assert summary.documents == 6 and not summary.failures
    docs = pq.read_table(tmp_path / "documents").to_pylist()      # hive folders give `month`
    assert len(docs) == 6
    for row in docs:
        assert row["month"] == row["published"][:7]
        assert Path(row["origin"]).name.startswith("page-00")
        assert row["part"] == 7
    events = pq.read_table(tmp_path / "events").to_pylist()
    assert len(events) == sum(row["events"] for row in docs)
    assert {row["month"] for row in events} <= {row["month"] for row in docs}
    sample = next(row for row in events if row["source"])
    assert sample["type"] and sample["sentence"] and sample["span_end"] > sample["span_start"]
    actors = pq.read_table(tmp_path / "actors").to_pylist()
    assert {row["doc_id"] for row in actors} == {row["doc_id"] for row in docs}
    places = pq.read_table(tmp_path / "places").to_pylist()
    assert any(row["geonameid"] and row["lat"] is not None for row in places)
    assert part_numbers(tmp_path) == [7]
    assert [item["origin"] for item in read_part(tmp_path, 7)] == files


def test_failures_keep_their_place_and_a_rerun_replaces_a_partition(corpus, tmp_path):
    files = [str(corpus / "page-binary.bin"), str(corpus / "page-000.txt"),
             str(corpus / "page-empty.txt")]
    process_partition(0, files, str(tmp_path))
    items = list(read_part(tmp_path, 0))
    assert sorted(item["kind"] for item in items) == ["document", "failure", "failure"]
    process_partition(0, files[1:2], str(tmp_path))
    assert [item["kind"] for item in read_part(tmp_path, 0)] == ["document"]
    assert not (tmp_path / "failures" / "part-00000.parquet").exists()


def test_a_changed_file_reruns_only_its_partition_and_stale_parts_go(corpus, tmp_path,
                                                                    monkeypatch):
    import distributed

    files = sorted(corpus.glob("page-00[0-3]*"))
    parts = tmp_path / "parts"
    for number, group in enumerate([files[:2], files[2:]]):
        process_partition(number, [str(p) for p in group], str(parts))
    process_partition(5, [str(files[0])], str(parts))                # from an older, larger run
    os.utime(files[3], ns=(1, 1))
    client = InlineClient()
    monkeypatch.setattr(distributed, "as_completed", iter)
    summaries = run_dask(files, parts, client=client, files_per_partition=2)
    assert client.sent == [1]
    assert [s.skipped for s in summaries] == [True, False]
    assert part_numbers(parts) == [0, 1]


class InlineClient:
    """Stands in for a Client: runs the mapped partitions here and notes which were sent."""

    def __init__(self) -> None:
        self.sent: list[int] = []

    def map(self, func, parts, groups, **kwargs):
        self.sent.extend(parts)
        return [Done(func(part, group, kwargs["out_dir"], kwargs["batch_size"]))
                for part, group in zip(parts, groups)]


class Done:
    def __init__(self, value):
        self.value = value

    def result(self):
        return self.value


def test_extract_writes_parts_and_load_merges_them(cluster, corpus, tmp_path, single):
    parts, db = tmp_path / "parts", tmp_path / "loaded.db"
    result = CliRunner().invoke(cli_group(), [
        "extract", str(corpus), "--out", str(parts), "--engine", "dask",
        "--scheduler", cluster.scheduler_address, "--quiet"])
    assert result.exit_code == 1                          # the two bad files
    assert sorted(p.name for p in parts.iterdir()) == [
        "_done", "actors", "documents", "events", "failures", "places"]
    loaded = CliRunner().invoke(cli_group(), ["load", str(parts), "--db", str(db)])
    assert "documents: 10 (stored 10, replaced 0, unchanged 0)  failures: 2" in loaded.stderr
    assert store_state(db) == single
    refused = CliRunner().invoke(cli_group(), ["extract", str(corpus), "--out", "-",
                                               "--engine", "dask"])
    assert refused.exit_code == 2 and "give --out a folder" in refused.output
