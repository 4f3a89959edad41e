"""The SQLite store: round trip, dedup, replace, transactions, schema, failures."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dateline import store
from dateline.store import schema
from test_store_samples import clash_record, port_record


@pytest.fixture
def db(tmp_path: Path):
    with store.open(tmp_path / "dateline.db") as opened:
        yield opened


def test_round_trip_returns_the_record_unchanged(db: store.Store) -> None:
    assert db.store_record(clash_record(), content_hash="h-clash", origin="clash.html",
                           url="https://example.org/fetched") == "stored"
    assert db.store_record(port_record(), content_hash="h-port", origin="port.html") == "stored"
    assert db.record("river-clash") == clash_record()
    assert db.record("port-strike") == port_record()


def test_round_trip_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "reopen.db"
    with store.open(path) as first:
        first.store_record(clash_record(), content_hash="h1", origin="clash.html")
    with store.open(path) as second:
        assert second.record("river-clash") == clash_record()
        assert second.has_document("h1")


def test_unknown_fields_are_kept(db: store.Store) -> None:
    record = port_record()
    record["doc"]["section"] = "World"
    record["events"][0]["contexts"] = ["military"]
    record["places"][0]["population"] = 1000000
    db.store_record(record, content_hash="h", origin="o")
    assert db.record("port-strike") == record


def test_missing_document_raises_key_error(db: store.Store) -> None:
    with pytest.raises(KeyError):
        db.record("nothing-here")


def test_same_document_twice_is_stored_once(db: store.Store) -> None:
    assert not db.has_document("h1")
    assert db.store_record(clash_record(), content_hash="h1", origin="clash.html") == "stored"
    assert db.has_document("h1")
    assert db.store_record(clash_record(), content_hash="h1", origin="clash.html") == "unchanged"
    # the same content arriving from another path is still the same document
    assert db.store_record(clash_record(), content_hash="h1", origin="copy.html") == "unchanged"
    counts = db.counts()
    assert counts["documents"] == 1
    assert counts["events"] == 4


def test_new_content_for_a_document_replaces_it(db: store.Store) -> None:
    db.store_record(clash_record(), content_hash="h1", origin="clash.html")
    updated = clash_record()
    updated["events"] = updated["events"][:2]
    updated["doc"]["title"] = "Fighting flares near Gao (updated)"
    assert db.store_record(updated, content_hash="h2", origin="clash.html") == "replaced"
    assert not db.has_document("h1")
    assert db.has_document("h2")
    assert db.record("river-clash") == updated
    assert db.counts()["events"] == 2
    assert db.counts()["actors"] == 4


def test_same_origin_under_a_new_id_replaces(db: store.Store) -> None:
    db.store_record(clash_record(), content_hash="h1", origin="clash.html")
    renamed = clash_record()
    renamed["doc"]["id"] = "clash-renamed"
    assert db.store_record(renamed, content_hash="h2", origin="clash.html") == "replaced"
    assert db.counts()["documents"] == 1
    with pytest.raises(KeyError):
        db.record("river-clash")


def test_event_ids_are_unique_across_documents(db: store.Store) -> None:
    db.store_record(clash_record(), content_hash="h1", origin="a")
    db.store_record(port_record(), content_hash="h2", origin="b")
    ids = [row["event_id"] for row in db.events()]
    assert len(ids) == len(set(ids)) == 6
    assert "river-clash:e1" in ids and "port-strike:e1" in ids


def test_a_broken_record_leaves_nothing(db: store.Store) -> None:
    broken = clash_record()
    broken["events"][2]["source"] = ["a99"]          # third event names an unknown actor
    with pytest.raises(ValueError, match="a99"):
        db.store_record(broken, content_hash="hb", origin="broken.html")
    counts = db.counts()
    assert (counts["documents"], counts["actors"], counts["places"], counts["events"]) == (0, 0, 0, 0)
    assert not db.has_document("hb")
    # the store still works after the rollback
    assert db.store_record(clash_record(), content_hash="h1", origin="clash.html") == "stored"


def test_a_broken_replacement_keeps_the_old_version(db: store.Store) -> None:
    db.store_record(clash_record(), content_hash="h1", origin="clash.html")
    broken = clash_record()
    broken["events"][1]["place"] = "p9"
    with pytest.raises(ValueError, match="p9"):
        db.store_record(broken, content_hash="h2", origin="clash.html")
    assert db.record("river-clash") == clash_record()
    assert db.has_document("h1") and not db.has_document("h2")


@pytest.mark.parametrize("damage", ["duplicate_actor", "no_type", "no_doc_id"])
def test_malformed_records_are_refused(db: store.Store, damage: str) -> None:
    record = clash_record()
    if damage == "duplicate_actor":
        record["actors"].append(dict(record["actors"][0]))
    elif damage == "no_type":
        del record["events"][3]["type"]
    else:
        del record["doc"]["id"]
    with pytest.raises(ValueError):
        db.store_record(record, content_hash="h", origin="o")
    assert db.counts()["documents"] == 0


def test_failures_are_recorded_and_counted(db: store.Store) -> None:
    db.record_failure("empty.html", "ingest", "document is empty")
    db.record_failure("bin.dat", "clean", "binary content")
    rows = db.failures()
    assert [(r["origin"], r["stage"], r["error"]) for r in rows] == [
        ("empty.html", "ingest", "document is empty"), ("bin.dat", "clean", "binary content")]
    assert all(r["recorded_at"] for r in rows)
    assert db.counts()["failures"] == 2


def test_counts_by_type_and_status(db: store.Store) -> None:
    db.store_record(clash_record(), content_hash="h1", origin="a")
    db.store_record(port_record(), content_hash="h2", origin="b")
    counts = db.counts()
    assert counts["documents"] == 2 and counts["events"] == 6
    assert counts["by_type"] == {"ASSAULT": 4, "CONSULT": 1, "REQUEST": 1}
    assert counts["by_status"] == {"asserted": 4, "claimed": 1, "denied": 1}
    assert counts["places"] == 3 and counts["actors"] == 7


def test_documents_listing(db: store.Store) -> None:
    db.store_record(port_record(), content_hash="h2", origin="port.html", url="https://x.test/p")
    [doc] = db.documents()
    assert doc["doc_id"] == "port-strike" and doc["origin"] == "port.html"
    assert doc["url"] == "https://x.test/p" and doc["events"] == 2


def test_schema_is_versioned_wal_and_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "schema.db"
    with store.open(path) as opened:
        assert opened.schema_version == store.SCHEMA_VERSION
        assert opened.full_text
    conn = sqlite3.connect(path)
    versions = [r[0] for r in conn.execute("SELECT version FROM schema_version ORDER BY version")]
    assert versions == [m.version for m in schema.MIGRATIONS]
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert {"events_type_mode", "events_when", "places_country", "actors_name"} <= indexes
    conn.close()
    with store.open(path) as again:                   # reopening applies nothing twice
        assert again._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        count = again._conn.execute("SELECT COUNT(*) FROM schema_version").fetchone()[0]
        assert count == len(schema.MIGRATIONS)


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_version VALUES (999, 'from the future', 'now')")
    conn.commit()
    conn.close()
    with pytest.raises(RuntimeError, match="newer"):
        store.open(path)


def test_without_fts5_text_search_falls_back_to_like(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(schema, "fts5_available", lambda conn: False)
    with store.open(tmp_path / "nofts.db") as opened:
        assert not opened.full_text
        described = opened._conn.execute(
            "SELECT description FROM schema_version WHERE version = 2").fetchone()[0]
        assert "skipped" in described
        opened.store_record(clash_record(), content_hash="h", origin="o")
        assert [r["local_id"] for r in opened.events(text="market")] == ["e2"]


def test_a_repeated_failure_is_kept_once(db: store.Store) -> None:
    db.record_failure("empty.html", "ingest", "document is empty")
    db.record_failure("empty.html", "ingest", "document is empty")
    db.record_failure("empty.html", "clean", "no body")
    assert [(r["origin"], r["stage"]) for r in db.failures()] == [
        ("empty.html", "ingest"), ("empty.html", "clean")]


def test_storing_an_origin_clears_its_failures(db: store.Store) -> None:
    db.record_failure("clash.html", "ingest", "timeout")
    db.record_failure("other.html", "ingest", "timeout")
    db.store_record(clash_record(), content_hash="h1", origin="clash.html")
    assert [r["origin"] for r in db.failures()] == ["other.html"]


def test_full_text_index_follows_replacement(db: store.Store) -> None:
    db.store_record(clash_record(), content_hash="h1", origin="clash.html")
    assert [r["local_id"] for r in db.events(text="market")] == ["e2"]
    updated = clash_record()
    updated["events"][1]["sentence"] = "The army said its aircraft struck a depot last week."
    db.store_record(updated, content_hash="h2", origin="clash.html")
    assert db.events(text="market") == []
    assert [r["local_id"] for r in db.events(text="depot")] == ["e2"]


def test_a_second_connection_sees_committed_documents(tmp_path: Path) -> None:
    path = tmp_path / "shared.db"
    with store.open(path) as writer, store.open(path) as reader:
        assert reader.counts()["documents"] == 0
        writer.store_record(port_record(), content_hash="h", origin="port.html")
        assert reader.has_document("h")
        assert reader.record("port-strike") == port_record()


def test_article_text_is_kept_beside_the_record(tmp_path):
    from dateline.store import Store

    record = {"doc": {"id": "kept", "title": "t", "published": None, "source": None, "language": "en"},
              "actors": [], "places": [], "events": []}
    with Store(tmp_path / "k.db") as store:
        store.store_record(record, content_hash="h1", origin="kept.txt", text="Hello world.\n\nMore.",
                           story=[(0, 12), (14, 19)])
        assert store.article_text("kept") == ("Hello world.\n\nMore.", [(0, 12), (14, 19)])
        assert store.article_text("missing") is None


def test_two_inputs_with_one_name_are_both_kept(tmp_path):
    from dateline.store import Store

    def record(title):
        return {"doc": {"id": "a", "title": title, "published": None, "source": None, "language": "en"},
                "actors": [], "places": [], "events": []}

    with Store(tmp_path / "n.db") as store:
        assert store.store_record(record("html page"), content_hash="h-html", origin="in/a.html") == "stored"
        assert store.store_record(record("text page"), content_hash="h-text", origin="in/a.txt") == "stored"
        titles = sorted(d["title"] for d in store.documents())
        assert titles == ["html page", "text page"]
        assert store.record("a~h-text")["doc"]["title"] == "text page"
