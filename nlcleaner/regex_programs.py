"""The packs' `regex` patterns compiled once per installation: what `regex` compiles a pattern into is kept on disk
and given straight to its C engine by later processes.

`regex.compile` parses and optimises a pattern in Python (a few milliseconds for an alternative of a pack rule, tens
for a long alternation of phrases) before it hands the result — the pattern, its flags, the program as a list of
ints and its group tables — to its C module. A run over a corpus compiles a few hundred of the packs' alternatives
on their first candidate lines: ~0.45 s of every process, and of every worker with `--jobs` (issue #7). What the C
module is given depends on the pattern, the flags and the versions of `regex` and Python alone, so it is recorded
the first time a pattern is compiled and kept in one cache file (see `packcache.cache_dir`), named by those versions;
later processes load the file when they first need a pattern (~1 ms for a few hundred programs) and compile a
recorded pattern in microseconds. A record for another pattern, or one the C module refuses, is compiled anew; a
file that cannot be read, or whose hash does not match what it holds, is ignored.

What is recorded is taken from `regex` itself: its own compile functions run with the C module replaced by a
recorder in a copy of their globals (the `regex` module itself is never changed, so other threads, and the pickling
of patterns, which names the C module's compile, never meet the recorder). No program is built here."""

from __future__ import annotations

import atexit
import sys
import threading
import time
import types

import regex
from regex import _main as _regex_main

_C = _regex_main._regex  # regex's C module

_LOCK = threading.Lock()
# (pattern, flags) -> what regex gave its C module, pickled: unpickled when the pattern is asked for (a table of a few
# thousand programs as Python lists and ints is ~8 MB in every process and worker; pickled, ~1.5 MB); None: not read
_TABLE: dict[tuple[str, int], bytes] | None = None
_NEW: dict[tuple[str, int], bytes] = {}  # recorded by this process and not saved yet
_MAX_ENTRIES = 50_000  # past this many (users' patterns that keep changing), the file is started again
_SAVE_REGISTERED = False
_SAVED_AT = float("-inf")  # (time.monotonic)


def compile(pattern: str, flags: int):
    """`regex.compile(pattern, flags)`, from the recorded program when there is one. Raises what `regex.compile`
    raises for a bad pattern."""
    table = _TABLE if _TABLE is not None else _read()
    blob = table.get((pattern, flags))
    if blob is not None:
        try:
            args = _loads(blob)
            if args[0] == pattern:
                return _C.compile(*args)
        except Exception:
            pass
    return _recorded(pattern, flags)


def _recorded(pattern: str, flags: int):
    """`regex.compile`, with what it gives its C module recorded for later processes."""
    global _SAVE_REGISTERED
    seen: list[tuple] = []

    class Recorder:  # the C module as this one call of regex's compiler sees it, noting the call that builds the pattern
        def __getattr__(self, name):
            return getattr(_C, name)

        @staticmethod
        def compile(*args):
            if args and args[0] is pattern:
                seen.append(args)
            return _C.compile(*args)

    # regex's own compile and _compile, run with a copy of their module's globals in which `_regex` is the recorder:
    # the module itself is never changed, so another thread's `regex.compile` (or pickling of a Pattern, which names
    # `_regex.compile`) never meets the recorder, and no lock is held while compiling
    scope = dict(_regex_main.__dict__)
    scope["_regex"] = Recorder()
    for name in ("compile", "_compile"):
        f = getattr(_regex_main, name)
        scope[name] = copied = types.FunctionType(f.__code__, scope, f.__name__, f.__defaults__, f.__closure__)
        copied.__kwdefaults__ = f.__kwdefaults__
    # not from regex's own cache: a pattern compiled before (the pack loader checks every one) would not reach the C
    # module, and there would be nothing to record
    compiled = scope["compile"](pattern, flags, cache_pattern=False)
    if len(seen) == 1 and _cache_file() is not None:
        import pickle

        try:
            blob = pickle.dumps(seen[0], protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:
            return compiled
        with _LOCK:
            table = _TABLE if _TABLE is not None else {}
            table[(pattern, flags)] = _NEW[(pattern, flags)] = blob
            if not _SAVE_REGISTERED:
                _SAVE_REGISTERED = True
                atexit.register(save)
    return compiled


def save(at_most_every: float = 0.0) -> None:
    """Write what this process recorded to the cache file, with what other processes wrote there meanwhile. Called
    at exit, and by the corpus workers after their chunks (a pool's workers end without running exit handlers),
    who pass `at_most_every` (seconds): the file is read and written whole, and a first run records patterns in
    most of its early chunks."""
    global _SAVED_AT
    if not _NEW or time.monotonic() - _SAVED_AT < at_most_every:
        return
    _SAVED_AT = time.monotonic()
    from .packcache import write_cache

    with _LOCK:
        file = _cache_file()
        if file is None:
            _NEW.clear()
            return
        merged = _load(file)
        if len(merged) + len(_NEW) > _MAX_ENTRIES:
            merged = {}
        merged.update(_NEW)
        _NEW.clear()
        import pickle

        try:
            data = pickle.dumps(merged, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:
            return
        write_cache(file, _hash(data) + data)


def _read() -> dict:
    global _TABLE
    with _LOCK:
        if _TABLE is None:
            file = _cache_file()
            _TABLE = _load(file) if file is not None else {}
        return _TABLE


def _load(file) -> dict:
    """The table a cache file holds ({} when there is none, or it is not whole): a program is given to the C module
    as it is, and one altered on disk could crash the process, so the file carries a hash of its table."""
    try:
        data = file.read_bytes()
        head, table = data[:32], data[32:]
        if len(head) < 32 or _hash(table) != head:
            return {}
        got = _loads(table)
    except Exception:
        return {}
    from .packcache import touch

    touch(file)  # in use: not pruned
    return got if isinstance(got, dict) else {}


def _loads(data: bytes):
    from _pickle import loads  # what pickle.loads is, without importing the rest of pickle

    return loads(data)


def _hash(data: bytes) -> bytes:
    import hashlib

    return hashlib.sha256(data).digest()


_NAME: list[str] = []


def _cache_file():
    """The cache file for this `regex` and Python (None: no disk cache)."""
    from .packcache import cache_dir, digest

    folder = cache_dir()
    if folder is None:
        return None
    if not _NAME:
        from regex import _regex

        versions = (regex.__version__, sys.version, str(getattr(_regex, "MAGIC", "")),
                    str(getattr(_regex, "CODE_SIZE", "")))
        _NAME.append(f"regex-{digest(b'regex programs 2', [v.encode() for v in versions]).hexdigest()[:32]}.pickle")
    return folder / _NAME[0]
