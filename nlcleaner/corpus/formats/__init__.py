"""One small module per format: a reader (parent process), `process` (worker process) and a writer (parent).

    reader(job, ctx)   -> yields Unit: one document (or a piece that only passes through), in file order
    process(unit.payload, ctx) -> Processed: what the Cleaner made of it (runs in a worker)
    Writer(...).write(unit, processed): the output record; unchanged records are written from unit.raw as read
"""

from __future__ import annotations

from importlib import import_module


def module(fmt: str):
    return import_module(f"{__name__}.{fmt}")
