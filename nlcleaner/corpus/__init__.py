"""Corpus mode: folders, JSONL(.gz/.zst), Parquet and WARC/WET cleaned in parallel, in order, with bounded memory.

    >>> from nlcleaner.config import resolve
    >>> from nlcleaner.corpus import run_batch
    >>> stats = run_batch(["shards/"], resolve({"text-field": "text"}), output_dir=Path("clean"),
    ...                   on_outcome=lambda o: None)

See docs/corpus.md."""

from __future__ import annotations

from .discover import discover, format_of
from .errors import Interrupted, MissingExtraError, UsageError
from .runner import BatchStats, run_batch

__all__ = ["BatchStats", "Interrupted", "MissingExtraError", "UsageError", "discover", "format_of", "run_batch"]
