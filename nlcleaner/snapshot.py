"""A Cleaner's start, kept: its packs, kinds and prefilter as they stand once built, in one cache file.

Built from the pack cache, a Cleaner still reads and hashes every pack file (to find its cached pickle), gathers
the keys of every matcher into its prefilter, and works out which keys each kind needs: tens of milliseconds of
every start, a good part of what `nlcleaner clean` takes on a short file over a bare typer app (issue #7). The
result depends only on the pack files, the settings, the code and the versions that build it, so it is kept whole:

- where: beside the pack cache (`packcache.cache_dir()`), one file per set of settings, pack paths, versions and
  prefilter engines, `cleaner-<hash>.pickle`;
- when it is used: only while every pack file and every source file of the code that builds it has the size,
  modification and change times, device and inode it had before the Cleaner it holds began to read them (recorded
  in it, and checked with one `stat` each: no file is read); any difference, or a file that cannot be read, and
  the Cleaner is built as without it, and the file written anew. Unused files are pruned after 30 days with the
  rest of the cache.

In a process, a second Cleaner of the same settings takes the packs and kinds the first one read (as the pack
cache's memo gives them) and a prefilter of its own.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from . import packcache

# the shape of what a file holds: a change to it gives every file a new name
_FORMAT = b"cleaner snapshot 2"
# a snapshot is written only when every file it records was last changed this long before it was first looked at
# (ns): a file written again within the same tick of the file system's clock (a FAT volume's is two seconds) with
# the same size would look unchanged, as git's "racily clean" files do; after this long, any later write gives it a
# later time
_SETTLED = 2_000_000_000
# the code a snapshot holds the output of, besides `packcache.code_files()` (relative to the package)
_OWN_CODE = ("engine.py", "snapshot.py", "settings.py", "packcache.py")
# snapshot file -> (the signatures it was read with, its state) in this process: the last few (each holds a copy of
# the packs and kinds, ~10 MB for the built-in ones; a process seldom makes Cleaners of more than one or two settings)
_MEMO: dict[Path, tuple[tuple, object]] = {}
_MEMO_MAX = 4


class Start:
    """The snapshot for a Cleaner of these settings and pack files: `state` is what `keep` kept for it (None when
    there is none, or one of its files changed). The files' signatures are taken here, before the Cleaner reads
    anything: a file edited while it builds is then seen as changed by the next one."""

    def __init__(self, settings, pack_paths: list):
        self.file = _file(settings, pack_paths)
        self.signatures = _signatures(pack_paths, time.time_ns()) if self.file is not None else None
        self.state = self._read()

    def _read(self):
        if self.signatures is None:
            return None
        memo = _MEMO.get(self.file)
        if memo is not None and memo[0] == self.signatures:
            return memo[1]
        got = packcache.read_pickle(self.file)
        # (the signatures first: the state, a few MB, is unpickled only when it is still good)
        if type(got) is not tuple or len(got) != 2 or got[0] != self.signatures or type(got[1]) is not bytes:
            return None
        try:
            state = packcache.unpickled(got[1])
        except Exception:
            return None
        _remember(self.file, self.signatures, state)
        return state

    @property
    def wanted(self) -> bool:
        """Whether `keep` would keep a state: there is a cache, and every file it is built from has settled (see
        `_SETTLED`): a file changed lately may still change unseen."""
        return self.signatures is not None and self.signatures[0]

    def keep(self, state) -> None:
        """Keep `state` (picklable) for the next Cleaner of these settings and pack files, when `wanted`."""
        if not self.wanted:
            return
        import pickle

        try:
            data = pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # (nothing else changes: the next Cleaner is built the usual way)
            return
        packcache.write_pickle(self.file, (self.signatures, data))
        _remember(self.file, self.signatures, state)


def _remember(file: Path, signatures: tuple, state) -> None:
    _MEMO.pop(file, None)
    while len(_MEMO) >= _MEMO_MAX:
        del _MEMO[next(iter(_MEMO))]  # (the one remembered longest ago)
    _MEMO[file] = (signatures, state)


def _file(settings, pack_paths: list) -> Path | None:
    folder = packcache.cache_dir()
    if folder is None:
        return None
    try:
        identity = _identity(settings, pack_paths)
    except Exception:  # (an engine that cannot be had, say: the Cleaner is built the usual way, and says so)
        return None
    return folder / f"cleaner-{packcache.digest(_FORMAT, identity).hexdigest()[:32]}.pickle"


def _identity(settings, pack_paths: list) -> list[bytes]:
    """What decides a snapshot's content besides the files' bytes: versions, the prefilter's engines (chosen by
    what is installed and by environment variables), the settings, and the pack files' paths as given."""
    import regex

    from . import __version__
    from .prefilter import choose_backend, choose_gate

    backend = choose_backend()
    parts = [__version__, sys.version, regex.__version__, backend, str(choose_gate(backend)), repr(settings)]
    return [p.encode() for p in parts] + [os.fsencode(str(p)) for p in pack_paths]


def _signatures(pack_paths: list, now: int) -> tuple | None:
    """(whether every file was last changed `_SETTLED` before `now`, then the size, modification and change times,
    device and inode of every pack file and source file a snapshot is built from); None when one cannot be read."""
    root = Path(packcache.__file__).resolve().parent
    files = [*pack_paths, *(root / name for name in (*packcache.code_files(), *_OWN_CODE))]
    try:
        stats = [os.stat(f) for f in files]
    except OSError:
        return None
    settled = all(max(s.st_mtime_ns, s.st_ctime_ns) <= now - _SETTLED for s in stats)
    return (settled, *((s.st_size, s.st_mtime_ns, s.st_ctime_ns, s.st_dev, s.st_ino) for s in stats))
