"""Per-document limits: size, time, unpacking, language; each on a small input written here."""
from __future__ import annotations

import gzip
import time

import pytest

from dateline import pipeline
from dateline.clean import clean_document
from dateline.clean.decode import decode, utf16_without_bom
from dateline.ingest import read_bytes
from dateline.limits import MAX_TEXT_CHARS, DocumentTimeout, Limits, time_limit, truncate_text
from dateline.pipeline import Failure, Result, run
from dateline.records import InputError, RawDocument

PAGE = ("LIMA, May 3, 2022 (Example Wire) - Police arrested 40 protesters in Lima on Tuesday, "
        "officials said.\n\nThe protesters had blocked a highway for two days.\n")
SPANISH = ("LIMA, 3 de mayo de 2022 - La policía detuvo a 40 manifestantes en Lima el martes, según "
           "las autoridades. Los manifestantes habían bloqueado una carretera durante dos días y "
           "los sindicatos pidieron una huelga para la próxima semana.\n")


def raw(text: str | bytes, name: str = "page") -> RawDocument:
    return RawDocument(id=name, data=text, origin=name)


def test_the_default_text_limit_is_five_megabytes() -> None:
    assert Limits().max_text_chars == MAX_TEXT_CHARS == 5 * 1024 * 1024
    big = PAGE + "word " * (MAX_TEXT_CHARS // 5 + 1000)
    article = clean_document(raw(big))
    assert len(article.text) <= MAX_TEXT_CHARS
    assert any("truncated" in w and "5,242,880" in w for w in article.warnings)


def test_truncation_cuts_at_a_break_and_says_how_much_was_dropped() -> None:
    text, warning = truncate_text("a" * 95 + " " + "b" * 10, 100)
    assert text == "a" * 95
    assert warning and "106" in warning and "100" in warning
    assert truncate_text("abcdefghij" * 3, 12)[0] == "abcdefghij" + "ab"      # no break near: hard cut
    assert truncate_text("short", 100) == ("short", None)
    assert truncate_text("a\U0001F600b", 2)[0] in ("a", "a\U0001F600")


def test_limits_are_read_from_the_environment_when_asked() -> None:
    limits = Limits.from_env({"DATELINE_MAX_TEXT_CHARS": "1000", "DATELINE_DOC_TIMEOUT": "2.5",
                              "DATELINE_MAX_UNPACKED_BYTES": "nonsense", "DATELINE_KEEP_NON_ENGLISH": "1"})
    assert limits.max_text_chars == 1000 and limits.timeout_s == 2.5
    assert limits.max_unpacked_bytes == Limits().max_unpacked_bytes
    assert limits.skip_non_english is False
    assert Limits.from_env({}) == Limits()


def test_time_limit_interrupts_a_slow_block_and_restores_the_alarm() -> None:
    started = time.monotonic()
    with pytest.raises(DocumentTimeout):
        with time_limit(0.2):
            time.sleep(5)
    assert time.monotonic() - started < 2
    with time_limit(0):
        time.sleep(0.01)


def test_a_document_that_runs_past_its_time_fails_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    real_finish = pipeline.finish

    def slow_for_one(annotated):  # type: ignore[no-untyped-def]
        if annotated.article.id == "slow":
            time.sleep(30)
        return real_finish(annotated)

    monkeypatch.setattr(pipeline, "finish", slow_for_one)
    outs = list(run([raw(PAGE, "fast-1"), raw(PAGE.replace("40", "41"), "slow"),
                     raw(PAGE.replace("40", "42"), "fast-2")], limits=Limits(timeout_s=0.5)))
    assert [type(o).__name__ for o in outs] == ["Result", "Failure", "Result"]
    assert outs[1].stage == "code" and "time limit" in outs[1].error


def test_a_slow_parse_costs_only_the_slow_document(monkeypatch: pytest.MonkeyPatch) -> None:
    real_annotate = pipeline.annotate_many

    def slow_on_one(articles, nlp=None, batch_size=32):  # type: ignore[no-untyped-def]
        for annotated in real_annotate(articles, nlp, batch_size):
            if annotated.article.id == "slow":
                time.sleep(30)
            yield annotated

    monkeypatch.setattr(pipeline, "annotate_many", slow_on_one)
    outs = list(run([raw(PAGE, "a"), raw(PAGE.replace("40", "41"), "slow"),
                     raw(PAGE.replace("40", "43"), "b")], limits=Limits(timeout_s=0.7)))
    kinds = {(o.raw.id if isinstance(o, Result) else o.origin): type(o).__name__ for o in outs}
    assert kinds == {"a": "Result", "slow": "Failure", "b": "Result"}


def test_a_gzip_bomb_is_refused_without_inflating_it() -> None:
    bomb = gzip.compress(b"\0" * (8 * 1024 * 1024), 9)
    with pytest.raises(InputError, match="decompression bomb"):
        read_bytes(bomb, "bomb.gz", limits=Limits(max_unpacked_bytes=1024 * 1024))
    assert read_bytes(gzip.compress(PAGE.encode()), "ok.gz")[0].data == PAGE.encode()


def test_gzip_members_are_all_read_and_corrupt_gzip_is_an_input_error() -> None:
    joined = gzip.compress(b"Police arrested ") + gzip.compress(b"forty people.")
    assert read_bytes(joined, "two.gz")[0].data == b"Police arrested forty people."
    with pytest.raises(InputError, match="corrupt gzip"):
        read_bytes(gzip.compress(PAGE.encode())[:30], "cut.gz")


def test_utf16_without_a_bom_is_recognised() -> None:
    for encoding in ("utf-16-le", "utf-16-be"):
        text, used, warnings = decode(PAGE.encode(encoding))
        assert text == PAGE and used == encoding and encoding in warnings[0]
    assert utf16_without_bom(PAGE.encode()) is None
    assert utf16_without_bom(bytes(range(256)) * 4) is None


def test_mixed_encodings_keep_the_utf8_and_report_the_strays() -> None:
    data = "Café in Zürich – “yes”. ".encode() + "naïve".encode("cp1252")
    text, used, warnings = decode(data)
    assert text == "Café in Zürich – “yes”. naïve" and used == "utf-8"
    assert "mixed encodings" in warnings[0]


def test_single_byte_fallback_is_reported() -> None:
    text, used, warnings = decode("Señor Muñoz said".encode("cp1252"))
    assert text == "Señor Muñoz said" and used == "cp1252" and "fallback" in warnings[0]


def test_lone_surrogates_from_json_become_replacement_characters() -> None:
    text, _, warnings = decode("Police \ud800 said \U0001F600")
    assert text == "Police \ufffd said \U0001F600" and "surrogate" in warnings[0]


def test_non_english_pages_are_skipped_with_a_reason_and_english_kept() -> None:
    outs = list(run([raw(SPANISH, "es"), raw(PAGE, "en")]))
    skipped, kept = outs
    assert isinstance(skipped, Failure) and skipped.skipped and skipped.stage == "language"
    assert "'es'" in skipped.error and "skipped" in skipped.line()
    assert isinstance(kept, Result)
    coded = list(run([raw(SPANISH, "es")], limits=Limits(skip_non_english=False)))
    assert isinstance(coded[0], Result) and coded[0].record.article.language == "es"


def test_a_wrong_language_declaration_does_not_skip_an_english_story() -> None:
    markup = f"<html lang='de'><body><article><p>{PAGE}</p></article></body></html>"
    (out,) = list(run([raw(markup, "declared-de")]))
    assert isinstance(out, Result)
