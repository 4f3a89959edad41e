"""dateline: news pages in, coded events out — who did what to whom, when, where,
and according to whom, each answer traced to its sentence."""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dateline.store import Store

__version__ = "0.1.0"


def open(path: str) -> "Store":  # noqa: A001 - the documented entry point, dateline.open(db)
    """The SQLite store at ``path``: ``dateline.open("dateline.db").events(type="ASSAULT")``."""
    from dateline.store import Store

    return Store(path)
