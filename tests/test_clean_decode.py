"""Decoding: UTF-8, detection for other encodings, clear one-line errors for empty and binary input."""
from __future__ import annotations

import gzip

import pytest

from dateline.clean import clean_document
from dateline.ingest import read_paths
from dateline.records import InputError, RawDocument

STORY = ("Café owners in the old town said on Tuesday that the new parking rules had cut their trade "
         "by a third since the summer, and asked the council to think again before the winter season.")


def _clean(data: bytes, origin: str = "page.txt"):
    return clean_document(RawDocument(id="page", data=data, origin=origin))


@pytest.mark.parametrize("data, what", [
    (b"", "empty"),
    (b"  \n\t\n", "empty"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    (bytes(range(256)) * 8, "binary"),
])
def test_unreadable_input_is_one_clear_line(data, what):
    with pytest.raises(InputError) as err:
        _clean(data, "bad.txt")
    message = str(err.value)
    assert "\n" not in message and "bad.txt" in message and what in message
    assert err.value.origin == "bad.txt"


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_single_byte_text_is_decoded_and_recorded(encoding):
    data = f"Parking rules\n\n{STORY} “Ça suffit,” said one owner.\n".encode(encoding, errors="replace")
    article = _clean(data)
    assert "Café owners" in article.text
    assert article.encoding != "utf-8"
    assert any("not UTF-8" in w for w in article.warnings)


def test_declared_charset_is_used():
    html = (f'<html><head><meta charset="windows-1252"><title>Parking rules</title></head>'
            f'<body><article><p>{STORY}</p><p>{STORY}</p></article></body></html>').encode("cp1252")
    article = _clean(html, "page.html")
    assert article.encoding == "cp1252" and "Café" in article.text


def test_utf8_with_bom():
    article = _clean(b"\xef\xbb\xbf" + f"Parking rules\n\n{STORY}\n".encode())
    assert article.text.startswith("Parking rules")


def test_batch_goes_on_past_bad_files(tmp_path):
    (tmp_path / "a.txt").write_text(f"Parking rules\n\n{STORY}\n", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt.gz").write_bytes(gzip.compress(f"Parking rules\n\n{STORY}\n".encode()))
    results = []
    for item in read_paths([tmp_path]):
        try:
            results.append(clean_document(item).id if not isinstance(item, InputError) else "error")
        except InputError:
            results.append("error")
    assert results == ["a", "error", "c"]
