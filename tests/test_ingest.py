"""Readers: files, directories, gzip, WARC/ARC, JSON lines; kinds from the content; errors as values."""
from __future__ import annotations

import gzip
import io
import json

import pytest

from dateline.ingest import read_bytes, read_paths, sniff
from dateline.records import InputError, RawDocument

PAGE = ("<!DOCTYPE html><html><head><title>{title}</title></head><body><article>"
        "<p>{title}: the council met on Monday and voted to approve the new harbour plan after a long debate.</p>"
        "</article></body></html>")


def _warc(path, records, *, gz=True):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
    for uri, mime, body, status in records:
        headers = StatusAndHeaders(status, [("Content-Type", mime)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                      http_headers=headers))
        writer.write_record(writer.create_warc_record(uri, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
    path.write_bytes(buf.getvalue())
    return path


@pytest.mark.parametrize("gz", [True, False])
def test_warc_gives_one_document_per_html_response(tmp_path, gz):
    records = [(f"https://news.example/{n}", "text/html; charset=utf-8", PAGE.format(title=f"Story {n}").encode(),
                "200 OK") for n in range(3)]
    records.append(("https://news.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n", "200 OK"))
    records.append(("https://news.example/gone", "text/html", b"<html>not found</html>", "404 Not Found"))
    path = _warc(tmp_path / ("crawl.warc.gz" if gz else "crawl.warc"), records, gz=gz)
    docs = list(read_paths([path]))
    assert [d.id for d in docs] == [f"https://news.example/{n}" for n in range(3)]
    assert all(isinstance(d, RawDocument) and d.kind == "html" and d.url == d.id for d in docs)
    assert all(d.hints.get("crawl_date") for d in docs)


def test_warc_documents_clean(tmp_path):
    from dateline.clean import clean_document

    path = _warc(tmp_path / "one.warc.gz", [("https://news.example/a", "text/html",
                                             PAGE.format(title="Harbour plan").encode(), "200 OK")])
    (doc,) = read_paths([path])
    article = clean_document(doc)
    assert article.url == "https://news.example/a" and article.page_date is not None
    assert "harbour plan" in article.text


def test_json_lines(tmp_path):
    rows = [{"id": "x1", "text": "Headline one\n\nThe council met on Monday.", "title": "Given", "published": "2021-05-04"},
            {"html": PAGE.format(title="Two"), "url": "https://news.example/2"},
            {"note": "no text here"},
            {"text": "Headline three\n\nThe port reopened on Friday."}]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    docs = list(read_paths([path]))
    assert [d.id for d in docs] == ["x1", "batch-2", "batch-4"]
    assert [d.kind for d in docs] == ["text", "html", "text"]
    assert docs[0].hints == {"title": "Given", "published": "2021-05-04"}
    assert docs[1].url == "https://news.example/2"
    assert docs[2].origin.endswith("batch.jsonl#4")


def test_json_lines_detected_from_content_not_extension(tmp_path):
    path = tmp_path / "export.dat"
    path.write_text(json.dumps({"text": "Headline\n\nBody."}) + "\n", encoding="utf-8")
    (doc,) = read_paths([path])
    assert doc.id == "export-1"


def test_bad_json_line_is_an_error_not_a_crash(tmp_path):
    path = tmp_path / "broken.jsonl"
    path.write_text('{"text": "ok"}\n{"text": \n', encoding="utf-8")
    (err,) = read_paths([path])
    assert isinstance(err, InputError) and "line 2" in str(err) and err.origin == str(path)


def test_gzip_and_ids(tmp_path):
    (tmp_path / "seed.txt").write_text("Title\n\nBody text.\n", encoding="utf-8")
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(PAGE.format(title="Gz").encode()))
    docs = {d.id: d for d in read_paths([tmp_path])}
    assert set(docs) == {"seed", "page"}
    assert docs["page"].kind == "html" and docs["seed"].kind == "text"


def test_directories_are_walked_recursively_and_sorted(tmp_path):
    for name in ["b/2.txt", "a/1.txt", "a/z/3.txt", "0.txt", ".hidden.txt"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Title\n\nBody.\n", encoding="utf-8")
    assert [d.id for d in read_paths([tmp_path])] == ["0", "1", "3", "2"]


def test_unreadable_inputs_yield_errors(tmp_path):
    corrupt = tmp_path / "bad.gz"
    corrupt.write_bytes(b"\x1f\x8b\x08\x00garbage")
    missing = tmp_path / "missing.txt"
    out = list(read_paths([missing, corrupt]))
    assert all(isinstance(e, InputError) for e in out)
    assert [e.origin for e in out] == [str(missing), str(corrupt)]
    assert "cannot read" in str(out[0]) and "gzip" in str(out[1])


def test_html_detected_from_content(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(PAGE.format(title="Misnamed"), encoding="utf-8")
    (doc,) = read_paths([path])
    assert doc.kind == "html"


@pytest.mark.parametrize("data, kind", [
    (b"", "empty"), (b"\x1f\x8b\x08", "gzip"), (b"WARC/1.0\r\n", "warc"), (b"filedesc://x.arc", "arc"),
    (b'{"text": "x"}\n', "jsonl"), (b"<!doctype html><html>", "html"), (b"Plain words.\n", "text"),
    (b"\x00\x01\x02\x03binary", "binary"),
])
def test_sniff(data, kind):
    assert sniff(data) == kind


def test_read_bytes_defaults_id_to_the_stem():
    (doc,) = read_bytes(b"Title\n\nBody.\n", "some/dir/report.txt")
    assert doc.id == "report"
