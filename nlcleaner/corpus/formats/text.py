"""Plain text (.txt, .md, anything unknown): one file is one document, cleaned by `Cleaner.clean_bytes`, so the
output is byte-identical to what `nlcleaner clean FILE` prints."""

from __future__ import annotations

import sys

from ...errors import InputError
from .base import Context, Processed, Unit, read_chars


def read(job, ctx: Context):
    try:
        if job.stdin:
            data = sys.stdin.buffer.read()
        else:
            with open(job.input, "rb") as fh:
                data = fh.read()
    except OSError as exc:
        yield Unit(payload=None, raw=b"", error=f"cannot read: {exc.strerror or exc}")
        return
    yield Unit(payload=data, raw=data, advance=len(data))


def process(data: bytes, ctx: Context) -> Processed:
    try:
        cleaned = ctx.cleaner.clean_bytes(data, ctx.source)
    except InputError as exc:
        cleaned = exc
    return _processed(data, cleaned, ctx)


def process_many(datas: list[bytes], ctx: Context) -> list[Processed]:
    """`process` of each file; their texts cleaned together (`Cleaner.clean_bytes_many`: small files share the first
    round's scans)."""
    cleaned = ctx.cleaner.clean_bytes_many(datas, [ctx.source] * len(datas))
    return [_processed(data, c, ctx) for data, c in zip(datas, cleaned)]


def _processed(data: bytes, cleaned, ctx: Context) -> Processed:
    """A file's outcome (`cleaned`: what clean_bytes gave, or the InputError it raised)."""
    if isinstance(cleaned, InputError):
        return Processed(error=str(cleaned))
    out, result = cleaned
    return Processed(out=None if out is data else out, result=result, source=ctx.source, chars=read_chars(result))
