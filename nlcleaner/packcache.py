"""The pack cache: a pack file read, checked and compiled into kinds once, then loaded from a pickle.

Reading a pack means parsing TOML, checking every key and compiling every pattern to reject broken ones, and
compiling its rules into kinds means splitting every pattern into alternatives and deriving their anchors: about
two seconds for the built-in packs. Both are kept:

- in the process, per pack file (a second `Cleaner` — the CLI's and the corpus runner's, say — costs nothing);
- on disk, in `$NLCLEANER_CACHE_DIR`, else `$XDG_CACHE_HOME/nlcleaner`, else `~/.cache/nlcleaner`: one file per
  pack, named by a hash of the pack file's bytes, whether it is a user pack, the versions of nlcleaner, Python
  and `regex`, and the source of the code that builds it (loader, kinds, anchors, prefilter, normalise). A changed
  pack (or an upgrade) gets a new name, so the cache renews itself; files not used for 30 days are removed. `NLCLEANER_CACHE_DIR=off` disables the disk cache. A cache that cannot be read or written is
  ignored: packs are then loaded from their files, as without a cache.

The built-in packs are also kept together, in one file named by the names of all of theirs: every Cleaner loads
all of them, and one file unpickles in about half the time of fourteen (start-up, issue #7). The files of single
packs stay, so that editing one pack rebuilds only that one.
"""

from __future__ import annotations

import functools
import os
import sys
import time
from pathlib import Path

_MEMO: dict[tuple[str, bool], tuple[str, object, list]] = {}
_MAX_AGE = 30 * 86400
# a cache file in use is marked so (`touch`) at most this often: a metadata write, which took 2-17 ms at a start
# on this project's machine when the file system was busy, where a day's precision is plenty against _MAX_AGE
_TOUCH_EVERY = 86400
_PRUNED: set[Path] = set()  # folders pruned by this process (see `_prune`)


def cache_dir() -> Path | None:
    env = os.environ.get("NLCLEANER_CACHE_DIR")
    if env is not None:
        return None if env.strip().lower() in ("", "off", "0", "none") else Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "nlcleaner"


def _key(raw: bytes, path: str, user: bool) -> str:
    import hashlib  # here, not at the top: on the command line it is typer's (pydantic's) import either way

    from . import __version__

    try:
        import regex  # the engine imports it anyway

        regex_version = regex.__version__
    except Exception:  # pragma: no cover
        regex_version = "?"
    h = hashlib.sha256()
    for part in (__version__, sys.version, regex_version, str(user), _code_digest()):
        h.update(part.encode() + b"\0")
    # the pack's path as given (its bytes as the system has them, UTF-8 or not): a pickle records where its pack came
    # from and is not taken for a pack given by another path (`_read`), so two installs sharing the cache, or two
    # spellings of one path, keyed alike, would each rewrite the other's file at every run
    h.update(os.fsencode(path) + b"\0")
    h.update(raw)
    return h.hexdigest()[:32]


_CODE: list[str] = []


def digest(head: bytes, items):
    """A sha256 of `head` and byte strings in order, each led by its length: joined by a separator instead,
    [b"a", b"b"] and [b"a\\0b"] would hash alike, and an expression (or a key) may hold a NUL."""
    import hashlib

    # (fed as one string: the same hash as an update a part, in a fraction of the time for thousands of keys)
    return hashlib.sha256(head + b"".join([b"%d:%s" % (len(item), item) for item in items]))


def _code_digest() -> str:
    """A hash of the code that builds what is cached (loader, kinds, anchors, the prefilter and its gates, the line
    views the gate is checked with): an edited kind renews it."""
    if not _CODE:
        _CODE.append(source_digest(*code_files()))
    return _CODE[0]


@functools.lru_cache(maxsize=None)
def code_files() -> tuple[str, ...]:
    """The source files (relative to the package) of the code whose output is cached: loader, kinds, anchors, the
    prefilter and its gates, the line views the gate is checked with, and the hosts a rule's `source` names (the
    loader keeps them as `source.host_of` reads them)."""
    root = Path(__file__).resolve().parent
    files = [*root.glob("kinds/*.py"), *root.glob("rules/*.py"), *root.glob("prefilter/*.py"),
             root / "anchors.py", root / "detect.py", root / "normalise.py", root / "source.py"]
    return tuple(f.relative_to(root).as_posix() for f in files)


@functools.lru_cache(maxsize=None)
def source_digest(*names: str) -> str:
    """A hash of these source files of the package (paths relative to it, in any order)."""
    import hashlib

    root = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for name in sorted(names):
        try:
            h.update(name.encode() + b"\0" + (root / name).read_bytes())
        except OSError:
            pass
    return h.hexdigest()[:16]


def load(path, *, user: bool = False):
    """(Pack, kinds for each of its rules, in order). Raises PackError exactly as `load_pack` does."""
    path = str(Path(path))  # (as the pack records it: "./p/mine.toml" is "p/mine.toml")
    key = _pending(path) if not user else None
    if key is None and not user:
        _bundle(path)
        key = _pending(path)
    if key is None:
        try:
            raw = Path(path).read_bytes()
        except OSError:
            from .rules.loader import load_pack

            return load_pack(path, user=user), []  # load_pack reports the error the usual way
        key = _key(raw, path, user)
    return _load(path, user, key)


def _load(path: str, user: bool, key: str):
    from .kinds import compile_rule
    from .rules.loader import load_pack

    memo = _MEMO.get((path, user))
    if memo is not None and memo[0] == key:
        return memo[1], memo[2]
    folder = cache_dir()
    file = folder / f"pack-{key}.pickle" if folder else None
    got = _read(file, path) if file else None
    if got is None:
        from .anchors import parse

        pack = load_pack(path, user=user)
        kinds = [compile_rule(r) for r in pack.rules]
        parse.cache_clear()  # (the parse trees its alternatives needed, several MB: not needed again)
        got = (pack, kinds)
        if file:
            write_pickle(file, got)
    _MEMO[(path, user)] = (key, got[0], got[1])
    return got


# built-in pack path -> (its key, the file's size, modification time and inode when the key was computed), made by
# `_bundle` for the load of that pack that follows: each is used once, and only while the file looks the same, so
# that a pack edited since is read again, as any pack is
_PENDING: dict[str, tuple[str, tuple]] = {}


def _signature(path: str) -> tuple:
    st = os.stat(path)
    return st.st_size, st.st_mtime_ns, st.st_ino


def _pending(path: str) -> str | None:
    got = _PENDING.pop(path, None)
    if got is None:
        return None
    try:
        return got[0] if _signature(path) == got[1] else None
    except OSError:
        return None


def _bundle(first: str) -> None:
    """When `first` is the first built-in pack (a Cleaner loads them all, in order): compute every built-in pack's
    key, and load them all from the one file that keeps them together, or write that file (after loading each the
    usual way). Does nothing for any other pack, or when a pack file cannot be read (its load reports it)."""
    from .rules.loader import builtin_pack_paths

    paths = [str(p) for p in builtin_pack_paths()]
    if not paths or first != paths[0]:
        return
    keys, signatures = {}, {}
    for p in paths:
        try:
            signatures[p] = _signature(p)
            keys[p] = _key(Path(p).read_bytes(), p, False)
        except OSError:
            return
    _PENDING.clear()
    _PENDING.update((p, (keys[p], signatures[p])) for p in paths)
    folder = cache_dir()
    if folder is None or all(_MEMO.get((p, False), ("",))[0] == keys[p] for p in paths):
        return  # no disk cache, or this process has them all already
    import hashlib

    h = hashlib.sha256(b"built-in packs\0")
    for p in paths:
        h.update(f"{keys[p]}\0".encode())  # (each key holds its pack's path)
    file = folder / f"packs-{h.hexdigest()[:32]}.pickle"
    got = _read_bundle(file, paths)
    if got is not None:
        for p, (pack, kinds) in zip(paths, got):
            _MEMO[(p, False)] = (keys[p], pack, kinds)
    else:
        from .notices import notice

        notice("reading the built-in packs into the cache (once; seconds)")
        write_pickle(file, [_load(p, False, keys[p]) for p in paths])


def _read_bundle(file: Path, paths: list[str]):
    got = _read(file, None)
    if got is None or not isinstance(got, list) or len(got) != len(paths):
        return None
    if any(pack.path != p for p, (pack, _) in zip(paths, got)):  # the same bytes elsewhere (another install)
        return None
    return got


def _read(file: Path, path: str | None):
    got = read_pickle(file)
    # the same bytes under another name: the pack records where it came from (`path` None: the bundle, whose caller
    # checks each pack)
    try:
        if got is not None and path is not None and got[0].path != path:
            return None
    except Exception:  # (not a pack's pickle)
        return None
    return got


def read_pickle(file: Path):
    """What a cache file written by `write_pickle` holds, and the file marked in use (not pruned); None when it is
    missing, truncated or from another version (it is then built again)."""
    try:
        with open(file, "rb") as fh:
            got = unpickled(fh.read())
    except Exception:
        return None
    touch(file)
    return got


def unpickled(data: bytes):
    """`pickle.loads(data)` with the cyclic collector paused: unpickling a cache makes tens of thousands of objects,
    none of them garbage, a third faster without it."""
    try:
        from _pickle import loads  # what pickle.loads is, without the rest of pickle (its import costs each run ~1 ms)
    except ImportError:  # pragma: no cover  (a Python without the C accelerator)
        from pickle import loads
    import gc

    collecting = gc.isenabled()
    if collecting:
        gc.disable()
    try:
        return loads(data)
    finally:
        if collecting:
            gc.enable()


def touch(file) -> None:
    """Mark a cache file in use, so that it is not pruned (see `_prune`), unless it was marked within a day. A
    shared cache this user may read but not write is still used."""
    try:
        if time.time() - os.stat(file).st_mtime > _TOUCH_EVERY:
            os.utime(file)
    except OSError:
        pass


def write_pickle(file: Path, got) -> None:
    """Keep `got` in a cache file (whole or not at all); what cannot be pickled is not kept, and nothing else
    changes."""
    import pickle

    try:
        data = pickle.dumps(got, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # an unpicklable kind...: no disk cache, nothing else changes
        return
    write_cache(file, data)
    _prune(file.parent)


def read_numbers(file, below: int) -> list[int] | None:
    """The numbers a cache file of them holds (see `write_numbers`), each below `below`, and the file marked in use
    (not pruned); None when there is none (`file` None: no cache) or it is not one this code wrote."""
    if file is None:
        return None
    try:
        numbers = [int(x) for x in file.read_text().split()]
        if not all(0 <= n < below for n in numbers):
            return None
    except Exception:
        return None
    touch(file)
    return numbers


def write_numbers(file, numbers) -> None:
    """Cache numbers (in `file`, None: no cache)."""
    if file is not None:
        write_cache(file, " ".join(map(str, numbers)).encode())


def write_cache(file, data: bytes) -> None:
    """Write a cache file whole or not at all (another process may be reading it); a cache that cannot be written
    is no error."""
    from .io.atomic import write_atomic  # (only when there is something to write: tempfile is no start-up cost)

    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(file, data)
    except Exception:
        pass


def _prune(folder: Path) -> None:
    """Remove the cache files unused for _MAX_AGE (a file read is touched), once per folder and process: a cache
    built anew writes a pickle per pack file, and each would look through the whole folder again."""
    if folder in _PRUNED:
        return
    _PRUNED.add(folder)
    now = time.time()
    for old in [*folder.glob("pack-*.pickle"), *folder.glob("packs-*.pickle"), *folder.glob("cleaner-*.pickle"),
                *folder.glob("gate-*"),
                *folder.glob("hyperscan-*"), *folder.glob("regex-*")]:
        try:
            if now - old.stat().st_mtime > _MAX_AGE:
                old.unlink()
        except OSError:
            pass
