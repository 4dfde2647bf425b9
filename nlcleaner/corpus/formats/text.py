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
        out, result = ctx.cleaner.clean_bytes(data, ctx.source)
    except InputError as exc:
        return Processed(error=str(exc))
    return Processed(out=None if out is data else out, result=result, source=ctx.source, chars=read_chars(result))
