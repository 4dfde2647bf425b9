"""The worker side: each process builds its Cleaner once, then cleans chunks of payloads it is sent."""

from __future__ import annotations

import signal
from dataclasses import replace
from itertools import groupby

from .. import regex_programs
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
        ctx = _BY_SETTINGS[settings] = replace(_CTX, cleaner=Cleaner(settings))
    return ctx


def process_chunk(chunk: list) -> list:
    """chunk: [(format, payload, settings or None)] -> [Processed], in order. A run of payloads of one format and
    settings goes to the format's `process_many` when it has one (its documents are cleaned together)."""
    out: list = []
    for (fmt, settings), run in groupby(chunk, key=lambda entry: (entry[0], entry[2])):
        payloads = [payload for _, payload, _ in run]
        one, many = _functions(fmt)
        if many is not None and len(payloads) > 1:
            out += many(payloads, _context(settings))
        else:
            out += [one(payload, _context(settings)) for payload in payloads]
    if out and not _CTX.texts:  # (the output holds the cleaned texts: not sent back a second time, ~5 % of a 2-job run)
        for p in out:
            if p.result is not None:
                p.result = replace(p.result, text=None)
    # the patterns compiled first here, for later runs: a pool's worker ends without running exit handlers
    regex_programs.save(at_most_every=10.0)
    return out


def _functions(fmt: str):
    """A format's (process, process_many or None), looked up once."""
    got = _PROCESS.get(fmt)
    if got is None:
        mod = module(fmt)
        got = _PROCESS[fmt] = (mod.process, getattr(mod, "process_many", None))
    return got
