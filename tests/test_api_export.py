"""The `export` and `serve` commands of the workbench, and the Parquet export."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import click
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from test_api_support import built_corpus

from dateline import export
from dateline.cli_workbench import filters_from, register
from dateline.export.parquet import parquet_schema, write_parquet
from dateline.store import Store
from dateline.store.corroboration import INCIDENT_COLUMNS
from dateline.store.query import FLAT_COLUMNS


def command_group() -> click.Group:
    @click.group()
    def group() -> None:
        """A stand-in for the `dateline` group."""

    register(group)
    return group


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(command_group(), list(args))
    return result.exit_code, result.output


def test_export_writes_every_format(tmp_path: Path) -> None:
    db = str(built_corpus().db_path)
    with Store(db) as store:
        total = len(store.events())
    for fmt in ("csv", "json", "geojson", "acled", "gdelt", "parquet"):
        out = tmp_path / f"events.{fmt}"
        code, output = run("export", "--db", db, "--format", fmt, "--out", str(out))
        assert code == 0, output
        assert out.stat().st_size > 0
    with (tmp_path / "events.csv").open(encoding="utf-8", newline="") as fh:
        assert len(list(csv.DictReader(fh))) == total
    geo = json.loads((tmp_path / "events.geojson").read_text(encoding="utf-8"))
    assert geo["type"] == "FeatureCollection" and geo["features"]
    assert pq.read_table(tmp_path / "events.parquet").num_rows == total


def test_export_filters_match_the_store(tmp_path: Path) -> None:
    db = str(built_corpus().db_path)
    out = tmp_path / "russian.csv"
    code, output = run("export", "--db", db, "--format", "csv", "--out", str(out),
                       "--actor", "Russian", "--since", "2024-01-01")
    assert code == 0, output
    with Store(db) as store:
        expected = [r["event_id"] for r in store.events(actor="Russian", since="2024-01-01")]
    with out.open(encoding="utf-8", newline="") as fh:
        assert [r["event_id"] for r in csv.DictReader(fh)] == expected
    assert expected


def test_export_reports_bad_input() -> None:
    db = str(built_corpus().db_path)
    code, output = run("export", "--db", db, "--format", "csv", "--out", "-",
                       "--country", "Atlantis")
    assert code != 0 and "unknown country" in output
    code, output = run("export", "--db", db, "--format", "csv", "--out", "-", "--bbox", "1,2")
    assert code != 0 and "4 comma-separated numbers" in output


def test_filter_options_become_store_arguments() -> None:
    options = {"type_": ("ASSAULT", "PROTEST"), "mode": (), "cameo_root": ("19",),
               "status": (), "actor": "RUSMIL", "country": None, "since": "2024-01-01",
               "until": None, "attribution": None, "text": None, "bbox": "30,40,40,50",
               "near": None}
    assert filters_from(options) == {
        "type": ["ASSAULT", "PROTEST"], "cameo_root": ["19"], "actor": "RUSMIL",
        "since": "2024-01-01", "bbox": (30.0, 40.0, 40.0, 50.0)}


def test_parquet_round_trips_the_flat_rows(tmp_path: Path) -> None:
    with Store(built_corpus().db_path) as store:
        rows = store.events()
        count = export.export(store, "parquet", tmp_path / "out" / "events.parquet")
    table = pq.read_table(tmp_path / "out" / "events.parquet")
    assert count == len(rows) == table.num_rows
    assert table.schema.equals(parquet_schema())
    back = table.to_pylist()
    for row, read in zip(rows, back):
        for column in FLAT_COLUMNS:
            expected = row[column]
            if column == "is_lead" and expected is not None:
                expected = bool(expected)
            assert read[column] == expected, column


def test_empty_parquet_keeps_its_columns(tmp_path: Path) -> None:
    assert write_parquet([], tmp_path / "none.parquet") == 0
    table = pq.read_table(tmp_path / "none.parquet")
    assert table.num_rows == 0 and table.column_names == [*FLAT_COLUMNS, *INCIDENT_COLUMNS]


def test_parquet_needs_a_path_not_a_text_stream() -> None:
    with Store(built_corpus().db_path) as store, pytest.raises(export.ExportError,
                                                               match="binary"):
        export.export(store, "parquet", io.StringIO())


def test_serve_refuses_ingest_without_a_strong_token(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATELINE_TOKEN", raising=False)
    code, output = run("serve", "--db", str(tmp_path / "x.db"), "--allow-ingest")
    assert code != 0 and "DATELINE_TOKEN" in output
    monkeypatch.setenv("DATELINE_TOKEN", "short")
    code, output = run("serve", "--db", str(tmp_path / "x.db"), "--allow-ingest")
    assert code != 0 and "16 characters" in output


def test_serve_command_binds_loopback_and_serves_the_page(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys
    import time

    import httpx
    from test_api_support import copy_of_corpus, free_port

    db = copy_of_corpus(tmp_path)
    port = free_port()
    program = ("import sys; from dateline.cli import cli; "
               "from dateline.cli_workbench import register; register(cli); "
               "sys.argv[0] = 'dateline'; cli()")
    env = {k: v for k, v in os.environ.items() if k != "DATELINE_TOKEN"}
    process = subprocess.Popen([sys.executable, "-c", program, "serve", "--db", str(db),
                                "--port", str(port)], env=env, cwd=tmp_path,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                page = httpx.get(f"http://127.0.0.1:{port}/", timeout=2)
                break
            except httpx.TransportError:
                if process.poll() is not None:
                    output = process.stdout.read().decode() if process.stdout else ""
                    raise AssertionError(f"dateline serve exited: {output}")
                assert time.monotonic() < deadline, "dateline serve did not start"
                time.sleep(0.2)
        assert page.status_code == 200 and "dateline workbench" in page.text
        assert "script-src 'self'" in page.headers["content-security-policy"]
        events = httpx.get(f"http://127.0.0.1:{port}/api/events").json()["events"]
        assert events
        refused = httpx.post(f"http://127.0.0.1:{port}/api/documents", json={"content": "x"})
        assert refused.status_code == 403
    finally:
        process.terminate()
        process.wait(timeout=10)
