"""Engines that run the unchanged pipeline at scale.

- ``local``: a pool of worker processes on this machine (``run_local``), outputs in
  input order and identical for any number of workers; resumable through a
  store's content hashes.
- ``dask_engine``: partitions of input files on a Dask cluster (``run_dask``), each
  written as Parquet parts partitioned by publication month.
- ``load``: merges those parts into a SQLite store (``load_parts``).

Heavy modules (dask, pyarrow) are imported only by the engine that needs them.
"""
from __future__ import annotations

from dateline.engines.local import LocalPool, Skipped, default_workers, run_items, run_local

__all__ = ["LocalPool", "Skipped", "default_workers", "run_items", "run_local"]
