"""Local parallelism: the unchanged pipeline on a pool of worker processes.

The parent reads the inputs (cheap) and cuts the stream into the same chunks
``dateline.pipeline.run`` would cut; each chunk goes to a worker process,
which runs ``pipeline.run`` on it and sends the outputs back.  Outputs are
yielded in input order, so N workers give exactly what one worker gives.

Memory stays flat: at most ``workers * prefetch`` chunks are in flight, and the
input is read lazily, chunk by chunk.  Each worker loads the spaCy model and the
reference indexes once, when it starts.
"""
from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import chain, islice
from pathlib import Path
from types import TracebackType

from dateline import pipeline
from dateline.ingest import read_paths
from dateline.pipeline import BATCH_SIZE, Failure, Result, content_hash
from dateline.records import InputError, RawDocument

Item = RawDocument | InputError
_WARM_TEXT = ("LONDON, March 3 (Example Wire) - Police arrested 12 protesters outside parliament "
              "in London on Monday, officials said.\n")


@dataclass
class Skipped:
    """A document left out because its content is already stored (a resumed run)."""

    raw: RawDocument
    content_hash: str


Output = Result | Failure | Skipped
_Pending = tuple[dict[int, Skipped], "Future[list[Result | Failure]] | None"]


def default_workers() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # platforms without sched_getaffinity
        return max(1, os.cpu_count() or 1)


def _default_start_method() -> str:
    """fork where the platform has it: workers start with dateline already imported."""
    return "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"


def prepare_indexes() -> None:
    """Build a stale on-disk index once, in a short-lived child, before workers start.

    Otherwise every worker would build it at the same time, and this process
    would keep the builder's memory.  Costs a fingerprint check when it is fresh.
    """
    from dateline.resolve.place_index import ensure_index, index_path

    if index_path().exists():
        return
    builder = multiprocessing.get_context(_default_start_method()).Process(target=ensure_index)
    builder.start()
    builder.join()


def load_resources() -> None:
    """Load the model and every lazily built index by coding one tiny page."""
    from dateline.resources import nlp

    nlp()
    try:
        pipeline.extract_text(_WARM_TEXT, "warm-up")
    except InputError:
        pass


def process_chunk(chunk: list[Item], batch_size: int) -> list[Result | Failure]:
    """What ``pipeline.run`` yields for one chunk (runs in a worker)."""
    return list(pipeline.run(chunk, batch_size=batch_size))


def chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    stream = iter(items)
    while chunk := list(islice(stream, size)):
        yield chunk


def _split_stored(chunk: list[Item], is_stored: Callable[[str], bool] | None
                  ) -> tuple[list[Item], dict[int, Skipped]]:
    """The items still to process, and the already stored ones by position."""
    if is_stored is None:
        return chunk, {}
    todo: list[Item] = []
    skipped: dict[int, Skipped] = {}
    for position, item in enumerate(chunk):
        if isinstance(item, RawDocument):
            digest = content_hash(item)
            if is_stored(digest):
                skipped[position] = Skipped(item, digest)
                continue
        todo.append(item)
    return todo, skipped


def _merge(skipped: dict[int, Skipped], outputs: Iterable[Result | Failure]) -> Iterator[Output]:
    """A chunk's skipped documents (in input order), then what the pipeline made of the rest."""
    for position in sorted(skipped):
        yield skipped[position]
    yield from outputs


class LocalPool:
    """Worker processes that each load the resources once and run pipeline chunks.

    Use as a context manager; ``run`` may be called several times on one pool.
    """

    def __init__(self, workers: int | None = None, *, batch_size: int = BATCH_SIZE,
                 prefetch: int = 2, start_method: str | None = None):
        self.workers = workers or default_workers()
        self.batch_size = batch_size
        self.prefetch = max(1, prefetch)
        context = multiprocessing.get_context(start_method or _default_start_method())
        prepare_indexes()
        self._executor = ProcessPoolExecutor(max_workers=self.workers, mp_context=context,
                                             initializer=load_resources)

    def __enter__(self) -> LocalPool:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close(cancel=exc_type is not None)

    def close(self, cancel: bool = False) -> None:
        self._executor.shutdown(wait=True, cancel_futures=cancel)

    def warm(self) -> None:
        """Start every worker and wait until each has loaded its resources."""
        futures = [self._executor.submit(os.getpid) for _ in range(self.workers * 2)]
        for future in futures:
            future.result()

    def run(self, items: Iterable[Item], *, is_stored: Callable[[str], bool] | None = None
            ) -> Iterator[Output]:
        """Outputs for ``items`` in input order (``Skipped`` where ``is_stored(hash)``)."""
        window: deque[_Pending] = deque()
        limit = self.workers * self.prefetch
        for chunk in chunks(items, self.batch_size):
            todo, skipped = _split_stored(chunk, is_stored)
            future = self._executor.submit(process_chunk, todo, self.batch_size) if todo else None
            window.append((skipped, future))
            while len(window) >= limit or (window and _is_done(window[0][1])):
                yield from _drain(window.popleft())
        while window:
            yield from _drain(window.popleft())


def _is_done(future: Future[list[Result | Failure]] | None) -> bool:
    return future is None or future.done()


def _drain(entry: _Pending) -> Iterator[Output]:
    skipped, future = entry
    outputs = future.result() if future is not None else []
    yield from _merge(skipped, outputs)


def run_items(items: Iterable[Item], workers: int = 1, *, batch_size: int = BATCH_SIZE,
              is_stored: Callable[[str], bool] | None = None) -> Iterator[Output]:
    """Stream items through the pipeline with ``workers`` processes (1: this process).

    An input of less than one batch is run in this process: a pool would only
    add the workers' start-up.
    """
    stream = iter(items)
    first = list(islice(stream, batch_size))
    if workers <= 1 or len(first) < batch_size:
        for chunk in chunks(chain(first, stream), batch_size):
            todo, skipped = _split_stored(chunk, is_stored)
            yield from _merge(skipped, pipeline.run(todo, batch_size=batch_size))
        return
    with LocalPool(workers, batch_size=batch_size) as pool:
        yield from pool.run(chain(first, stream), is_stored=is_stored)


def run_local(paths: Iterable[str | Path], workers: int | None = None, *,
              batch_size: int = BATCH_SIZE, is_stored: Callable[[str], bool] | None = None
              ) -> Iterator[Output]:
    """Records or failures for every document under ``paths``, in input order.

    ``workers`` defaults to the number of cores; the outputs are the same for
    any number of workers.  With ``is_stored`` (content hash -> already
    stored?) such documents are not processed again and come out as ``Skipped``.
    """
    count = default_workers() if workers is None else workers
    yield from run_items(read_paths(paths), count, batch_size=batch_size, is_stored=is_stored)
