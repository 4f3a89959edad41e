"""Per-document limits: how much of a page is read, how long it may take.

News pages are untrusted input.  ``Limits`` bounds what one document may cost
(bytes read from disk, bytes unpacked from gzip or a web archive, characters
of text kept, seconds of processing) so that no page can exhaust memory or
hang a worker.  The defaults may be overridden per call, or for a whole
process through environment variables (read when ``Limits.from_env`` is
called, never at import):

    DATELINE_MAX_TEXT_CHARS     characters of decoded text kept per document
    DATELINE_MAX_FILE_BYTES     bytes read from one input file
    DATELINE_MAX_UNPACKED_BYTES bytes unpacked from one gzip file or archive record
    DATELINE_DOC_TIMEOUT        seconds per document and stage (0: no limit)
    DATELINE_KEEP_NON_ENGLISH   1: code non-English pages anyway (default: skip them)

``time_limit`` interrupts a stage that runs past its time with
:class:`DocumentTimeout`.  It uses ``SIGALRM``, so it only acts in the main
thread of a process on a platform that has it; elsewhere it does nothing.
"""
from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from types import FrameType

__all__ = ["Limits", "DocumentTimeout", "time_limit", "truncate_text"]

MAX_TEXT_CHARS = 5 * 1024 * 1024
MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_ARCHIVE_RECORDS = 100_000
DOC_TIMEOUT_S = 120.0

_ENV_FIELDS = (("DATELINE_MAX_TEXT_CHARS", "max_text_chars", int),
               ("DATELINE_MAX_FILE_BYTES", "max_file_bytes", int),
               ("DATELINE_MAX_UNPACKED_BYTES", "max_unpacked_bytes", int),
               ("DATELINE_DOC_TIMEOUT", "timeout_s", float))


@dataclass(frozen=True)
class Limits:
    """What one document may cost.  ``timeout_s`` of 0 turns the time limit off."""

    max_text_chars: int = MAX_TEXT_CHARS
    max_file_bytes: int = MAX_FILE_BYTES
    max_unpacked_bytes: int = MAX_UNPACKED_BYTES
    max_archive_records: int = MAX_ARCHIVE_RECORDS
    timeout_s: float = DOC_TIMEOUT_S
    skip_non_english: bool = True

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Limits:
        """The defaults, overridden by any DATELINE_* variable that is set and valid."""
        env = os.environ if environ is None else environ
        limits = cls()
        for name, attr, kind in _ENV_FIELDS:
            value = env.get(name, "").strip()
            if not value:
                continue
            try:
                number = kind(value)
            except ValueError:
                continue
            if number >= 0:
                limits = replace(limits, **{attr: number})
        if env.get("DATELINE_KEEP_NON_ENGLISH", "").strip() in ("1", "true", "yes"):
            limits = replace(limits, skip_non_english=False)
        return limits


class DocumentTimeout(BaseException):
    """A document ran past its time limit.

    A BaseException, like KeyboardInterrupt, so that no ``except Exception`` in
    the stage it interrupts can swallow it; the pipeline catches it by name.
    """

    def __init__(self, seconds: float):
        super().__init__(f"took longer than {seconds:g} s (the per-document time limit)")
        self.seconds = seconds


def _can_alarm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise DocumentTimeout in the block once ``seconds`` have passed (0: no limit).

    Nested limits are not supported: an inner limit replaces the outer one.
    """
    if seconds <= 0 or not _can_alarm():
        yield
        return

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        raise DocumentTimeout(seconds)

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def truncate_text(text: str, max_chars: int) -> tuple[str, str | None]:
    """``text`` cut to at most ``max_chars`` characters, at a line or word break when
    one lies in the last tenth; the warning says how much was dropped."""
    if max_chars <= 0 or len(text) <= max_chars:
        return text, None
    cut = max_chars
    floor = max_chars - max_chars // 10
    for sep in ("\n", " "):
        found = text.rfind(sep, floor, max_chars)
        if found > 0:
            cut = found
            break
    if 0 < cut < len(text) and "\udc00" <= text[cut] <= "\udfff" and "\ud800" <= text[cut - 1] <= "\udbff":
        cut -= 1                          # never split a surrogate pair
    warning = (f"document truncated: kept the first {cut:,} of {len(text):,} characters "
               f"(the limit is {max_chars:,})")
    return text[:cut], warning
