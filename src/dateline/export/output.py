"""Where an export writes: a path (opened and closed here) or an open text stream."""
from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO


@contextlib.contextmanager
def text_output(out: Path | str | TextIO) -> Iterator[TextIO]:
    """Yield a text stream for ``out``; a path is written as UTF-8 with '\\n' line ends."""
    if isinstance(out, (str, Path)):
        path = Path(out)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8", newline="") as stream:
            yield stream
    else:
        yield out


def cell(value: object) -> str:
    """One delimited-file cell: None is empty, tabs and line breaks become spaces."""
    if value is None:
        return ""
    text = str(value)
    return " ".join(text.split()) if any(c in text for c in "\t\r\n") else text
