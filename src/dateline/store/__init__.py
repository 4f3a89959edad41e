"""SQLite storage of dateline records: ``Store`` and ``open``.

    from dateline import store
    with store.open("dateline.db") as db:
        db.store_record(record, content_hash=h, origin="page.html")
        rows = db.events(type="ASSAULT", country="SY", since="2015-09-01")
"""
from dateline.store.database import REPLACED, STORED, UNCHANGED, Store, open
from dateline.store.schema import SCHEMA_VERSION

__all__ = ["Store", "open", "STORED", "UNCHANGED", "REPLACED", "SCHEMA_VERSION"]
