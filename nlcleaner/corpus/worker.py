"""The worker side: each process builds its Cleaner once, then cleans chunks of payloads it is sent."""

from __future__ import annotations

import signal
from dataclasses import replace
from itertools import groupby

from .. import regex_programs
from ..engine import Cleaner, PatternTimeoutError
from .formats import module
from .formats.base import Context

_CTX: Context | None = None
_PROCESS: dict = {}
_BY_SETTINGS: dict = {}  # per-file settings (per-file-ignores) -> their Context, built once per process


class TimedOutAt(PatternTimeoutError):
    """--strict: a user pattern timed out on the `position`-th document of a chunk. A worker sees only payloads;
    the run that sent the chunk knows which input and record that is, and names them (`_Run._collect`)."""

    def __init__(self, message: str, position: int):
        super().__init__(message, position)  # (both in args: the error is pickled back from a worker process)
        self.message, self.position = message, position

    def __str__(self) -> str:
        return self.message


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
    settings goes to the format's `process_many` when it has one (its documents are cleaned together). Raises
    TimedOutAt (--strict) with the place in the chunk of the document a user pattern timed out on."""
    out: list = []
    for (fmt, settings), run in groupby(chunk, key=lambda entry: (entry[0], entry[2])):
        payloads = [payload for _, payload, _ in run]
        one, many = _functions(fmt)
        if many is not None and len(payloads) > 1:
            try:
                out += many(payloads, _context(settings))
                continue
            except PatternTimeoutError:
                pass  # (--strict) documents cleaned together cannot say which one timed out: again, one at a time
        for payload in payloads:
            try:
                out.append(one(payload, _context(settings)))
            except PatternTimeoutError as exc:
                raise TimedOutAt(str(exc), len(out)) from None  # (`out` holds what came before it in the chunk)
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
