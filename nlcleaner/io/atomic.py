"""Writing a file in place without ever leaving it half-written.

The new bytes go to a temporary file in the same folder (same file system), are flushed to disk, get the old file's
mode, and replace it with `os.replace` (atomic on POSIX and Windows). A symlink is followed: its target is
rewritten and the link stays a link."""

from __future__ import annotations

import os
import stat
import tempfile


def write_atomic(path: str | os.PathLike, data: bytes) -> None:
    target = os.path.realpath(path)
    folder = os.path.dirname(target)
    try:
        old = os.stat(target)
    except FileNotFoundError:
        old = None
    # a short name of its own, so that a file whose name is near the length limit can still be rewritten
    fd, tmp = tempfile.mkstemp(prefix=".nlcleaner-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if old is not None:
            os.chmod(tmp, stat.S_IMODE(old.st_mode))
            if hasattr(os, "chown"):
                try:
                    os.chown(tmp, old.st_uid, old.st_gid)
                except OSError:
                    pass  # not ours to give away: the file keeps our ownership, as any editor would leave it
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _fsync_folder(folder)


def _fsync_folder(folder: str) -> None:
    """Make the rename itself durable (POSIX); a no-op where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
