"""The `dateline` command end to end on real files and a real SQLite database."""
from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner

from dateline.cli import cli
from dateline.schema import validate_record

PAGE_A = """Tuesday, May 9, 2023

Clashes erupt in Khartoum as talks stall

KHARTOUM (Reuters) - Sudanese army jets bombed paramilitary positions in Khartoum on Monday,
residents said, as talks between the two sides in Jeddah stalled.

The Rapid Support Forces accused the army of shelling residential districts in Omdurman.

Share this article
"""

PAGE_B = """<html><head><title>Protesters rally in Tbilisi - Example News</title>
<meta property="og:title" content="Protesters rally in Tbilisi">
<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2023-03-09T10:00:00Z",
"headline": "Protesters rally in Tbilisi", "publisher": {"name": "Example News"}}</script></head>
<body><nav>Home | World | Sport</nav><article><h1>Protesters rally in Tbilisi</h1>
<p>Thousands of protesters rallied outside the parliament in Tbilisi on Wednesday against a draft
law on foreign agents, and police used tear gas and water cannon to disperse the crowd.</p>
<p>The interior ministry said 66 people were detained overnight.</p></article>
<footer>Copyright Example News</footer></body></html>
"""


@pytest.fixture()
def corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "khartoum.txt").write_text(PAGE_A, encoding="utf-8")
    (folder / "tbilisi.html").write_text(PAGE_B, encoding="utf-8")
    return folder


def test_extract_writes_one_valid_record_per_file(corpus, tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["extract", str(corpus), "--out", str(out)])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.glob("*.json"))
    assert names == ["khartoum.json", "tbilisi.json"]
    for path in out.glob("*.json"):
        record = json.loads(path.read_text())
        validate_record(record)
        assert record["events"], path.name
    khartoum = json.loads((out / "khartoum.json").read_text())
    assert khartoum["doc"]["published"] == "2023-05-09"
    text = (corpus / "khartoum.txt").read_text()
    for ev in khartoum["events"]:
        assert text[ev["span"][0]:ev["span"][1]] == ev["sentence"]


def test_extract_to_stdout_is_json_lines(corpus):
    result = CliRunner().invoke(cli, ["extract", str(corpus / "khartoum.txt"), "--out", "-", "--quiet"])
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0]["doc"]["id"] == "khartoum"


def test_bad_files_fail_alone_and_the_rest_is_stored(corpus, tmp_path):
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.bin").write_bytes(bytes(range(256)) * 40)
    (corpus / "latin.txt").write_bytes(PAGE_A.replace("Sudanese", "S\xfcdanese").encode("latin-1"))
    db = tmp_path / "d.db"
    result = CliRunner().invoke(cli, ["ingest", str(corpus), "--db", str(db)])
    assert result.exit_code == 1                       # some documents failed
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2, result.stderr
    assert any("empty.txt" in e for e in errors) and any("binary.bin" in e for e in errors)
    with sqlite3.connect(db) as conn:
        docs = conn.execute("select count(*) from documents").fetchone()[0]
        failures = conn.execute("select count(*) from failures").fetchone()[0]
    assert docs == 3 and failures == 2
    assert "failures: 2" in result.stderr


def test_ingesting_twice_stores_once(corpus, tmp_path):
    db = tmp_path / "d.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(corpus), "--db", str(db)]).exit_code == 0
    second = runner.invoke(cli, ["ingest", str(corpus), "--db", str(db)])
    assert second.exit_code == 0 and "2 unchanged" in second.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from documents").fetchone()[0] == 2


def test_events_command_filters_and_formats(corpus, tmp_path):
    db = tmp_path / "d.db"
    runner = CliRunner()
    runner.invoke(cli, ["ingest", str(corpus), "--db", str(db), "--quiet"])
    table = runner.invoke(cli, ["events", "--db", str(db)])
    assert table.exit_code == 0 and "ASSAULT" in table.output
    as_json = runner.invoke(cli, ["events", "--db", str(db), "--type", "PROTEST", "--format", "json"])
    rows = [json.loads(line) for line in as_json.output.splitlines()]
    assert rows and all(r["type"] == "PROTEST" for r in rows)
    as_csv = runner.invoke(cli, ["events", "--db", str(db), "--format", "csv", "--since", "2023-05-01"])
    assert as_csv.output.splitlines()[0].startswith("event_id") or "," in as_csv.output.splitlines()[0]
    assert "Tbilisi" not in as_csv.output


def test_events_command_has_every_store_filter(corpus, tmp_path):
    import dateline

    db = tmp_path / "d.db"
    runner = CliRunner()
    runner.invoke(cli, ["ingest", str(corpus), "--db", str(db), "--quiet"])
    def rows(*args):
        out = runner.invoke(cli, ["events", "--db", str(db), "--format", "json", *args])
        assert out.exit_code == 0, out.output
        return [json.loads(line) for line in out.output.splitlines()]
    every = rows()
    assert rows("--country", "GE") and all(r["place_country"] == "GE" for r in rows("--country", "GE"))
    assert {r["type"] for r in rows("--cameo-root", "19")} <= {"ASSAULT"}
    assert all("Khartoum" in r["sentence"] for r in rows("--text", "Khartoum"))
    near = rows("--near", "41.7,44.8,50")                    # around Tbilisi
    assert near and all(r["place_country"] == "GE" for r in near)
    assert len(rows("--limit", "1", "--offset", "1")) == 1
    with dateline.open(str(db)) as store:                    # the Python API, same filters
        assert len(store.events()) == len(every)
        assert [r["event_id"] for r in store.events(country="GE")] == [r["event_id"] for r in rows("--country", "GE")]


FRENCH = """Mardi 9 mai 2023

Des affrontements éclatent à Khartoum

Les combats entre l'armée soudanaise et les forces paramilitaires se sont poursuivis lundi dans
la capitale, selon des habitants qui ont fait état de frappes aériennes et de tirs d'artillerie
dans plusieurs quartiers. Les négociations de Djeddah n'ont pas abouti et les deux camps
s'accusent mutuellement de violer la trêve annoncée la semaine dernière par les médiateurs.
"""


def test_a_page_not_in_english_is_skipped_not_failed(tmp_path):
    page = tmp_path / "fr.txt"
    page.write_text(FRENCH, encoding="utf-8")
    db = tmp_path / "d.db"
    result = CliRunner().invoke(cli, ["ingest", str(page), "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    assert "skipped: 1" in result.stderr and "SKIPPED" in result.stderr
