"""The packs' `regex` patterns compiled once per installation: what `regex` compiles a pattern into is kept on disk
and given straight to its C engine by later processes.

`regex.compile` parses and optimises a pattern in Python (a few milliseconds for an alternative of a pack rule, tens
for a long alternation of phrases) before it hands the result — the pattern, its flags, the program as a list of
ints and its group tables — to its C module. A run over a corpus compiles a few hundred of the packs' alternatives
on their first candidate lines: ~0.45 s of every process, and of every worker with `--jobs` (issue #7). What the C
module is given depends on the pattern, the flags and the versions of `regex` and Python alone, so it is recorded
the first time a pattern is compiled and kept in one cache file (see `packcache.cache_dir`), named by those versions;
later processes compile a recorded pattern in microseconds. The file is an index — a hash of each (pattern, flags),
sorted — and the programs, each with a checksum: a process reads only the index (the whole table, a few
thousand programs and ~4 MB, took ~20 ms to read, check and unpickle in every process that confirmed a line) and the
programs it asks for. A record for another pattern, one whose checksum fails or one the C module refuses is
compiled anew; a file that is not such an index is ignored.

What is recorded is taken from `regex` itself: its own compile functions run with the C module replaced by a
recorder in a copy of their globals (the `regex` module itself is never changed, so other threads, and the pickling
of patterns, which names the C module's compile, never meet the recorder). No program is built here."""

from __future__ import annotations

import atexit
import os
import sys
import threading
import time
import types

import regex
from regex import _main as _regex_main

_C = _regex_main._regex  # regex's C module

_LOCK = threading.Lock()
# the cache file's programs (see `_Table`), with those this process recorded; None: not read yet
_TABLE: _Table | None = None
_NEW: dict[int, bytes] = {}  # recorded by this process and not saved yet: key (see `_key`) -> record
_MAX_ENTRIES = 50_000  # past this many (users' patterns that keep changing), the file is started again
_SAVE_REGISTERED = False
_SAVED_AT = float("-inf")  # (time.monotonic)


def compile(pattern: str, flags: int):
    """`regex.compile(pattern, flags)`, from the recorded program when there is one. Raises what `regex.compile`
    raises for a bad pattern."""
    table = _TABLE if _TABLE is not None else _read()
    args = table.get(pattern, flags)
    if args is not None:
        try:
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
        try:
            blob = _record(flags, seen[0])
        except Exception:
            return compiled
        with _LOCK:
            key = _key(pattern, flags)
            _NEW[key] = blob
            if _TABLE is not None:
                _TABLE.add(key, blob)
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
        merged = dict(_load(file).records())
        if len(merged) + len(_NEW) > _MAX_ENTRIES:
            merged = {}
        merged.update(_NEW)
        _NEW.clear()
        write_cache(file, _Table.written(merged))


def _read() -> _Table:
    global _TABLE
    with _LOCK:
        if _TABLE is None:
            file = _cache_file()
            _TABLE = _load(file) if file is not None else _Table(b"")
            for key, blob in _NEW.items():  # (recorded before the table was read: tests that start it again)
                _TABLE.add(key, blob)
        return _TABLE


def _load(file) -> _Table:
    """The table a cache file holds (an empty one when there is none, or it is not whole). The file is kept open
    and read where a record is asked for (`os.pread`), not mapped: a mapped file that another machine replaces on a
    shared file system (NFS) can kill the process with SIGBUS at the next read, where a read raises an error (the
    record is then compiled anew). Where there is no `os.pread` (Windows) the file is read whole."""
    try:
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    except OSError:
        return _Table(b"")
    if not hasattr(os, "pread"):
        try:
            with os.fdopen(fd, "rb") as fh:  # (closes the file, whatever happens)
                return _touched(file, _Table(fh.read()))
        except OSError:
            return _Table(b"")
    try:
        size = os.fstat(fd).st_size
    except OSError:
        os.close(fd)
        return _Table(b"")
    table = _Table(_FileBytes(fd, size))
    if not len(table):
        os.close(fd)
        return table
    import weakref

    weakref.finalize(table, os.close, fd)  # (closed with the table: `save` reads a file and lets go of it)
    return _touched(file, table)


def _touched(file, table: _Table) -> _Table:
    if len(table):
        from .packcache import touch

        touch(file)  # in use: not pruned
    return table


class _FileBytes:
    """An open file read as bytes are sliced (`data[a:b]`), each slice one `os.pread`: what `_Table` reads a file
    through. A read that fails or comes short gives what it got (a record's checksum then fails)."""

    def __init__(self, fd: int, size: int):
        self._fd, self._size = fd, size

    def __len__(self) -> int:
        return self._size

    def __getitem__(self, piece: slice) -> bytes:
        start, stop, _ = piece.indices(self._size)
        if stop <= start:
            return b""
        try:
            return os.pread(self._fd, stop - start, start)
        except OSError:
            return b""


def _key(pattern: str, flags: int) -> int:
    """What a pattern is looked up by: 64 bits of a hash of it and its flags (the record itself names both, and
    both are compared before it is used: two patterns of one key only cost a compile)."""
    import hashlib

    data = pattern.encode("utf-8", "surrogatepass") + b"\0%d" % flags
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little")


def _record(flags: int, args: tuple) -> bytes:
    """What is kept of one pattern: its flags and the arguments regex gave its C module, pickled."""
    import pickle

    return pickle.dumps((flags, args), protocol=pickle.HIGHEST_PROTOCOL)


class _Table:
    """The recorded programs of a cache file, looked up without reading the others.

    The file: a magic line, the number of records n, then n sorted keys (8 bytes each, see `_key`), n + 1 offsets
    of the records (8 bytes each, counted from the first record), n CRC-32s of the records (4 bytes each) and a
    CRC-32 of all of that; then the records. Numbers are little-endian. A program is given to the C module as it
    is, and one altered on disk could crash the process: a record whose checksum fails is not used (its pattern is
    compiled anew), and a file whose index fails its own is not read at all. `data`: the file's bytes, or what
    slices like them (`_FileBytes`)."""

    MAGIC = b"nlcleaner regex programs 3\n"

    def __init__(self, data):
        from array import array

        self._data = data
        self._added: dict[int, bytes] = {}  # recorded by this process since the file was read
        self._keys, self._offsets, self._crcs = array("Q"), array("Q"), array("I")
        self._base = 0
        try:
            self._index(data)  # (sets the arrays only when the whole index is good)
        except (ValueError, OverflowError, EOFError):  # not an index this code wrote: an empty table
            pass

    def _index(self, data) -> None:
        import zlib
        from array import array

        head = len(self.MAGIC)
        first = data[:head + 8]
        if len(first) < head + 8 or first[:head] != self.MAGIC:
            raise ValueError("not a table")
        n = int.from_bytes(first[head:], "little")
        end = head + 8 + 8 * n + 8 * (n + 1) + 4 * n
        if len(data) < end + 4:
            raise ValueError("truncated")
        index = data[:end + 4]  # (one read of a file)
        if len(index) < end + 4 or zlib.crc32(index[:end]) != int.from_bytes(index[end:], "little"):
            raise ValueError("index checksum")
        at = head + 8
        keys, offsets, crcs = array("Q"), array("Q"), array("I")
        for arr, size in ((keys, 8 * n), (offsets, 8 * (n + 1)), (crcs, 4 * n)):
            arr.frombytes(index[at:at + size])
            at += size
        _little_endian(keys, offsets, crcs)
        self._base = end + 4
        if n and (offsets[0] != 0 or self._base + offsets[n] > len(data)):
            raise ValueError("truncated")
        self._keys, self._offsets, self._crcs = keys, offsets, crcs

    def __len__(self) -> int:
        return len(self._keys) + len(self._added)

    def add(self, key: int, blob: bytes) -> None:
        self._added[key] = blob

    def _blob(self, key: int) -> bytes | None:
        got = self._added.get(key)
        if got is not None:
            return got
        import zlib
        from bisect import bisect_left

        i = bisect_left(self._keys, key)
        if i == len(self._keys) or self._keys[i] != key:
            return None
        a, b = self._base + self._offsets[i], self._base + self._offsets[i + 1]
        blob = bytes(self._data[a:b]) if b >= a else b""
        return blob if zlib.crc32(blob) == self._crcs[i] else None

    def get(self, pattern: str, flags: int) -> tuple | None:
        """The arguments for regex's C module recorded for this pattern and flags, or None."""
        blob = self._blob(_key(pattern, flags))
        if blob is None:
            return None
        try:
            got_flags, args = _loads(blob)
            return args if got_flags == flags and type(args) is tuple and args[0] == pattern else None
        except Exception:  # (a record no version of this code wrote)
            return None

    def records(self):
        """(key, record) for every record whose checksum holds."""
        for k in self._keys:
            blob = self._blob(k)
            if blob is not None:
                yield k, blob
        yield from self._added.items()

    @classmethod
    def written(cls, records: dict[int, bytes]) -> bytes:
        """The file that holds these records (key -> record)."""
        import zlib
        from array import array

        keys = sorted(records)
        offsets, crcs, at = array("Q", [0]), array("I"), 0
        for k in keys:
            at += len(records[k])
            offsets.append(at)
            crcs.append(zlib.crc32(records[k]))
        arrays = [array("Q", keys), offsets, crcs]
        _little_endian(*arrays)
        index = cls.MAGIC + len(keys).to_bytes(8, "little") + b"".join(arr.tobytes() for arr in arrays)
        return index + zlib.crc32(index).to_bytes(4, "little") + b"".join(records[k] for k in keys)


def _little_endian(*arrays) -> None:
    """Swap the arrays' bytes in place on a big-endian machine: the file's numbers are little-endian, read or
    written (a swap is its own inverse)."""
    if sys.byteorder != "little":
        for arr in arrays:
            arr.byteswap()


def _loads(data: bytes):
    from _pickle import loads  # what pickle.loads is, without importing the rest of pickle

    return loads(data)


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
        _NAME.append(f"regex-{digest(b'regex programs 3', [v.encode() for v in versions]).hexdigest()[:32]}.programs")
    return folder / _NAME[0]
