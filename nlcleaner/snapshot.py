"""A Cleaner's start, kept: its packs, kinds and prefilter as they stand once built, in one cache file.

Built from the pack cache, a Cleaner still reads and hashes every pack file (to find its cached pickle), gathers
the keys of every matcher into its prefilter, and works out which keys each kind needs: ~50 ms of every start,
most of the time `nlcleaner clean` takes on a short file over a bare typer app (issue #7). The result depends only
on the pack files, the settings, the code and the versions that build it, so it is kept whole:

- where: beside the pack cache (`packcache.cache_dir()`), one file per set of settings, pack paths, versions and
  prefilter engines, `cleaner-<hash>.pickle`;
- when it is used: only while every pack file and every source file of the code that builds it has the size,
  modification time and inode it had when the file was written (recorded in it, and checked with one `stat`
  each: no file is read); any difference, or a file that cannot be read, and the Cleaner is built as without it,
  and the file written anew. Unused files are pruned after 30 days with the rest of the cache.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from . import packcache

# the shape of what a file holds: a change to it gives every file a new name
_FORMAT = b"cleaner snapshot 1"
# a snapshot is written only when every file it records was last modified this long ago (ns): a file written again
# within the same tick of the file system's clock (a FAT volume's is two seconds) with the same size would look
# unchanged, as git's "racily clean" files do; after this long, any later write gives it a later time
_SETTLED = 2_000_000_000
# the code a snapshot holds the output of, besides `packcache.code_files()` (relative to the package)
_OWN_CODE = ("engine.py", "snapshot.py", "settings.py", "packcache.py")


def load(settings, pack_paths: list):
    """What `save` kept for a Cleaner of these settings and pack files, if every file it was built from is as it
    was then; else None."""
    file = _file(settings, pack_paths)
    if file is None:
        return None
    got = packcache.read_pickle(file)
    if type(got) is not tuple or len(got) != 2:
        return None
    signatures, state = got
    if signatures != _signatures(pack_paths):
        return None
    return state


def save(settings, pack_paths: list, state) -> None:
    """Keep `state` (anything picklable) for the next Cleaner of these settings and pack files; not while a file it
    was built from may still change within its current modification time (see `_SETTLED`)."""
    file = _file(settings, pack_paths)
    signatures = _signatures(pack_paths)
    if file is None or signatures is None:
        return
    if max(mtime for _, mtime, _ in signatures) > time.time_ns() - _SETTLED:
        return
    packcache.write_pickle(file, (signatures, state))


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


def _signatures(pack_paths: list) -> tuple | None:
    """(size, modification time, inode) of every pack file and source file a snapshot is built from; None when one
    cannot be read."""
    root = Path(packcache.__file__).resolve().parent
    files = [*pack_paths, *(root / name for name in (*packcache.code_files(), *_OWN_CODE))]
    try:
        stats = [os.stat(f) for f in files]
    except OSError:
        return None
    return tuple((s.st_size, s.st_mtime_ns, s.st_ino) for s in stats)
