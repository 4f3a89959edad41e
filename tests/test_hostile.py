"""Hostile and broken inputs, generated here, ingested in ONE batch through the real CLI:
no crash, every bad input recorded as a failure (or skipped with a reason), every good
input stored, and the database intact."""
from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import random
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dateline.cli import cli

STORY = ("{place}, March 4, 2021 (Example Wire) - Police arrested {n} protesters outside the "
         "parliament building in {place} on Tuesday after a march against new taxes, officials "
         "said.\n\nThe interior ministry said the demonstrators had blocked a main road for "
         "several hours.\n")
PLACES = ["Nairobi", "Lima", "Dhaka", "Manila", "Accra", "Quito", "Tbilisi", "Bogota"]
FRENCH = ("PARIS, 4 mars 2021 - La police a arrêté des manifestants devant le parlement mardi, "
          "selon le ministère de l'Intérieur. Les manifestants ont bloqué une route pendant "
          "plusieurs heures et les syndicats ont appelé à une nouvelle grève pour la semaine "
          "prochaine dans toute la France.\n")
RUSSIAN = ("МОСКВА, 4 марта 2021 года - Полиция задержала участников акции протеста у здания "
           "парламента во вторник, сообщили в министерстве внутренних дел. Демонстранты "
           "перекрыли дорогу на несколько часов.\n")
XSS = "<script>alert('x')</script><img src=x onerror=alert(1)>"
SQL = "Robert'); DROP TABLE documents;-- \" OR 1=1 --"
MAX_TEXT = 20_000
MAX_UNPACKED = 8 * 1024 * 1024


def story(i: int) -> str:
    return STORY.format(place=PLACES[i % len(PLACES)], n=10 + i)


def html(title: str, body: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n") if p.strip())
    return (f"<!doctype html><html lang='en'><head><title>{title}</title></head>"
            f"<body><article><h1>{title}</h1>{paragraphs}</article></body></html>")


def warc(records: list[tuple[str, bytes, list[tuple[str, str]]]], gz: bool = False) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    for uri, body, extra in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"), *extra],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                      http_headers=headers))
    return buffer.getvalue()


@dataclass
class Case:
    name: str
    data: bytes | None          # None: made specially (a FIFO)
    expect: str                 # stored | failed | skipped | handled (stored or failed) | duplicate
    origins: tuple[str, ...] = ()   # the origins the documents get, when not the path


def hostile_cases() -> list[Case]:
    rng = random.Random(10)
    cases = [
        # good inputs: must be stored
        Case("good-text.txt", story(0).encode(), "stored"),
        Case("good-page.html", html("Police arrest protesters", story(1)).encode(), "stored"),
        Case("good-gzip.txt.gz", gzip.compress(story(2).encode()), "stored"),
        Case("good-bom.txt", codecs.BOM_UTF8 + story(3).replace("\n", "\r\n").encode(), "stored"),
        Case("utf16-le-no-bom.txt", story(4).encode("utf-16-le"), "stored"),
        Case("utf16-be-bom.txt", codecs.BOM_UTF16_BE + story(5).encode("utf-16-be"), "stored"),
        Case("cp1252.txt", ("“Quoted” – " + story(6)).encode("cp1252"), "stored"),
        Case("mixed-encodings.txt", story(7).encode() + " Café – ".encode() + "naïve".encode("cp1252"),
             "stored"),
        Case("script-title.html", html(XSS, story(8)).encode(), "stored"),
        Case("script-title-plain.txt", (XSS + "\n\n" + story(24)).encode(), "stored"),
        Case("sql-title.html", html(SQL.replace('"', "&quot;"), story(9)).encode(), "stored"),
        Case("sql-title-plain.txt", (SQL + "\n\n" + story(10)).encode(), "stored"),
        Case("terminal-escapes.txt", ("\x1b[31mRed\x1b[0m \u202egnp.exe\u200b\n\n" + story(11)).encode(),
             "stored"),
        Case("nul-late.txt", (story(12) * 30 + "\x00\x00 trailing").encode(), "handled"),
        Case("good.jsonl", "\n".join(json.dumps({"id": f"jl-{i}", "text": story(13 + i),
                                                 "title": XSS}) for i in range(2)).encode(),
             "stored", ("good.jsonl#1", "good.jsonl#2")),
        Case("good.warc", warc([("http://example.org/good", html("Talks", story(15)).encode(), [])]),
             "stored", ("http://example.org/good",)),
        Case("duplicate-of-good-text.txt", story(0).encode(), "duplicate"),
        # hard but readable: must not crash, stored or recorded
        Case("deep-nesting.html", ("<div>" * 20000 + f"<p>{story(16)}</p>" + "</div>" * 20000).encode(),
             "handled"),
        Case("long-line.txt", (("word " * 20_000) + story(17).replace("\n", " ")).encode(), "handled"),
        Case("fifty-megabytes.txt", (story(18) + "\n") .encode() * (50 * 1024 * 1024 // 400), "stored"),
        Case("ten-thousand-paragraphs.html", ("<html><body>" + "<p>Short line here.</p>" * 10000
                                              + "</body></html>").encode(), "handled"),
        Case("date-soup.txt", (" ".join("1/2/3/4/5/6" for _ in range(5000)) + "\n\n" + story(19)).encode(),
             "handled"),
        Case("unclosed-tags.html", (b"<html><body><p>" + story(20).encode() + b"<b><i><table><tr><td"
                                    + b"<" * 5000), "handled"),
        Case("surrogate.jsonl", b'{"id": "sur", "text": "Police fired \\ud800 tear gas in Lima on '
             b'Monday, officials said, and arrested ten people near the parliament."}', "handled",
             ("surrogate.jsonl#1",)),
        Case("archive-bomb.warc", warc([("http://example.org/bomb",
                                         gzip.compress(b"<html><body><p>" + b" " * (64 * 1024 * 1024), 9),
                                         [("Content-Encoding", "gzip")]),
                                        ("http://example.org/after-bomb", html("Talks", story(21)).encode(),
                                         [])]),
             "handled", ("http://example.org/bomb", "http://example.org/after-bomb")),
        Case("archive-big-record.warc.gz", warc([("http://example.org/big", b"<p>" + b"word " *
                                                  (4 * 1024 * 1024), [])], gz=True),
             "handled", ("http://example.org/big",)),
        # bad inputs: must be recorded as failures
        Case("empty.txt", b"", "failed"),
        Case("whitespace.txt", b" \n\t\r\n   \n", "failed"),
        Case("random-binary.bin", bytes(rng.randrange(256) for _ in range(50_000)), "failed"),
        Case("image.png", b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(2000)), "failed"),
        Case("document.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << >> endobj\n", "failed"),
        Case("zip-bomb.txt.gz", gzip.compress(b"A" * (MAX_UNPACKED * 3), 9), "failed"),
        Case("nested-gzip.gz", gzip.compress(gzip.compress(gzip.compress(story(22).encode()))), "failed"),
        Case("corrupt.gz", gzip.compress(story(23).encode())[:40], "failed"),
        Case("corrupt.warc", b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\n<p>cut",
             "failed"),
        Case("bad.jsonl", b'{"id": 1, "text": "unterminated\n{"also": bad}\n', "failed"),
        Case("no-text-field.jsonl", b'{"id": 1, "body": "no text or html field"}\n', "failed"),
        Case("named-pipe", None, "failed"),
        # not English: skipped with a reason
        Case("french.txt", FRENCH.encode(), "skipped"),
        Case("russian.html", html("Протест", RUSSIAN).replace("lang='en'", "lang='ru'").encode(), "skipped"),
    ]
    return cases


def write_cases(folder: Path, cases: list[Case]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for case in cases:
        path = folder / case.name
        if case.data is None:
            os.mkfifo(path)
        else:
            path.write_bytes(case.data)


def origins_of(folder: Path, case: Case) -> tuple[str, ...]:
    if not case.origins:
        return (str(folder / case.name),)
    return tuple(o if o.startswith("http") else str(folder / o) for o in case.origins)


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[Case], object]:
    root = tmp_path_factory.mktemp("hostile")
    folder = root / "in"
    cases = hostile_cases()
    write_cases(folder, cases)
    db = root / "hostile.db"
    env = {"DATELINE_MAX_TEXT_CHARS": str(MAX_TEXT), "DATELINE_MAX_UNPACKED_BYTES": str(MAX_UNPACKED),
           "DATELINE_DOC_TIMEOUT": "60"}
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(db), "--quiet"], env=env)
    return folder, db, cases, result


def rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def test_the_corpus_has_at_least_thirty_hostile_inputs() -> None:
    cases = hostile_cases()
    assert len(cases) >= 30
    assert len({c.name for c in cases}) == len(cases)


def test_one_batch_runs_to_the_end_and_says_some_failed(ingested) -> None:
    _, _, _, result = ingested
    assert isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 1


def test_every_good_input_is_stored(ingested) -> None:
    folder, db, cases, _ = ingested
    stored = {o for (o,) in rows(db, "SELECT origin FROM documents")}
    for case in cases:
        if case.expect == "stored" and case.name != "good-text.txt":   # its copy may come first
            missing = set(origins_of(folder, case)) - stored
            assert not missing, f"{case.name}: not stored"


def test_every_bad_input_is_recorded_as_a_failure(ingested) -> None:
    folder, db, cases, _ = ingested
    failed = {o: (stage, error) for o, stage, error in rows(db, "SELECT origin, stage, error FROM failures")}
    stored = {o for (o,) in rows(db, "SELECT origin FROM documents")}
    for case in cases:
        for origin in origins_of(folder, case):
            if case.expect in ("failed", "skipped"):
                assert origin in failed, f"{case.name}: no failure recorded"
                assert origin not in stored
                assert failed[origin][1].strip(), "a failure says why"
            elif case.expect == "handled":
                assert (origin in failed) != (origin in stored), f"{case.name}: neither stored nor recorded"


def test_failures_name_their_cause(ingested) -> None:
    folder, db, _, _ = ingested
    failed = {o: (stage, error) for o, stage, error in rows(db, "SELECT origin, stage, error FROM failures")}
    assert "decompression bomb" in failed[str(folder / "zip-bomb.txt.gz")][1]
    assert "nested" in failed[str(folder / "nested-gzip.gz")][1]
    assert "empty" in failed[str(folder / "empty.txt")][1]
    assert "not text" in failed[str(folder / "random-binary.bin")][1]
    assert "PNG" in failed[str(folder / "image.png")][1]
    assert "regular file" in failed[str(folder / "named-pipe")][1]
    stage, error = failed[str(folder / "french.txt")]
    assert stage == "language" and "'fr'" in error and "not English" in error
    assert "'ru'" in failed[str(folder / "russian.html")][1]


def test_duplicates_are_stored_once(ingested) -> None:
    folder, db, _, _ = ingested
    hashes = [h for (h,) in rows(db, "SELECT content_hash FROM documents")]
    assert len(hashes) == len(set(hashes))
    origins = {o for (o,) in rows(db, "SELECT origin FROM documents")}
    copies = {str(folder / "duplicate-of-good-text.txt"), str(folder / "good-text.txt")}
    assert len(origins & copies) == 1


def test_payloads_in_titles_are_stored_as_data(ingested) -> None:
    folder, db, _, _ = ingested
    assert rows(db, "PRAGMA integrity_check") == [("ok",)]
    tables = {name for (name,) in rows(db, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"documents", "events", "failures"} <= tables
    titles = {o: t for o, t in rows(db, "SELECT origin, title FROM documents")}
    assert titles[str(folder / "script-title-plain.txt")] == XSS
    assert "<script" not in (titles[str(folder / "script-title.html")] or "")   # tags in <title> are markup
    assert titles[str(folder / "sql-title.html")] == SQL
    assert titles[str(folder / "sql-title-plain.txt")] == SQL
    assert titles[str(folder / "good.jsonl#1")] == XSS


def test_limits_and_fallbacks_are_reported_in_the_documents_warnings(ingested) -> None:
    folder, db, _, _ = ingested
    warnings = {o: json.loads(w or "[]") for o, w in rows(db, "SELECT origin, warnings_json FROM documents")}

    def said(name: str, words: str) -> bool:
        return any(words in w for w in warnings[name if name.startswith("http") else str(folder / name)])

    assert said("fifty-megabytes.txt", "truncated")
    assert said("utf16-le-no-bom.txt", "utf-16-le")
    assert said("cp1252.txt", "not UTF-8")
    assert said("mixed-encodings.txt", "mixed encodings")
    big = "http://example.org/big"
    if big in warnings:
        assert said(big, "truncated")
    bomb = "http://example.org/bomb"
    if bomb in warnings:
        assert said(bomb, "truncated")


def test_truncated_text_is_within_the_limit(ingested) -> None:
    folder, db, _, _ = ingested
    (end,) = rows(db, f"SELECT body_end FROM documents WHERE origin = '{folder / 'fifty-megabytes.txt'}'")[0]
    assert end is not None and end <= MAX_TEXT
