"""The worker side: each process builds its Cleaner once, then cleans chunks of payloads it is sent."""

from __future__ import annotations

import signal

from ..engine import Cleaner
from .formats import module
from .formats.base import Context

_CTX: Context | None = None
_PROCESS: dict = {}
_BY_SETTINGS: dict = {}  # per-file settings (per-file-ignores) -> their Context, built once per process


def init(settings, options: dict, interactive: bool = True) -> None:
    global _CTX
    if interactive:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _CTX = Context.from_options(Cleaner(settings), options)
    _BY_SETTINGS.clear()


def set_context(ctx: Context) -> None:
    global _CTX
    _CTX = ctx
    _BY_SETTINGS.clear()


def _context(settings) -> Context:
    if settings is None:
        return _CTX
    ctx = _BY_SETTINGS.get(settings)
    if ctx is None:
        from dataclasses import replace

        ctx = _BY_SETTINGS[settings] = replace(_CTX, cleaner=Cleaner(settings))
    return ctx


def process_chunk(chunk: list) -> list:
    """chunk: [(format, payload, settings or None)] -> [Processed], in order."""
    out = []
    for fmt, payload, settings in chunk:
        fn = _PROCESS.get(fmt)
        if fn is None:
            fn = _PROCESS[fmt] = module(fmt).process
        out.append(fn(payload, _context(settings)))
    return out
