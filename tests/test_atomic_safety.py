"""In-place writes never leave a half-written file or a stray temporary file behind (nlcleaner.io.atomic).

Faults are made real where the machine allows it (a read-only or full file system mounted for the test, which needs
root) and simulated otherwise (a write, fsync or rename that raises midway)."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import subprocess
import sys
import uuid

import pytest

from nlcleaner.io import atomic
from nlcleaner.io.atomic import write_atomic

ORIGINAL = b"The council met on Tuesday.\n\nSupport independent journalism: donate today.\n"
NEW = b"The council met on Tuesday.\n"


@pytest.fixture
def article(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    path = folder / "article.txt"
    path.write_bytes(ORIGINAL)
    return path


def entries(folder):
    return sorted(os.listdir(folder))


# ------------------------------------------------------------------------------------------------ the happy path


def test_writes_the_new_bytes_and_leaves_nothing_else(article):
    before = entries(article.parent)
    write_atomic(article, NEW)
    assert article.read_bytes() == NEW
    assert entries(article.parent) == before


@pytest.mark.parametrize("mode", [0o644, 0o600, 0o640, 0o755, 0o444])
def test_the_file_mode_is_kept(article, mode):
    os.chmod(article, mode)
    old_umask = os.umask(0o077)  # a strict umask must not leak into the rewritten file
    try:
        write_atomic(article, NEW)
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(os.stat(article).st_mode) == mode
    assert article.read_bytes() == NEW


def test_a_symlink_target_is_written_and_the_link_stays(article, tmp_path):
    elsewhere = tmp_path / "checkout"
    elsewhere.mkdir()
    link = elsewhere / "linked.txt"
    link.symlink_to(os.path.relpath(article, elsewhere))
    chain = elsewhere / "chain.txt"
    chain.symlink_to(link)
    write_atomic(chain, NEW)
    assert chain.is_symlink() and link.is_symlink()
    assert os.readlink(chain) == str(link)
    assert article.read_bytes() == NEW and not article.is_symlink()
    assert entries(elsewhere) == ["chain.txt", "linked.txt"]  # no temporary file beside the links
    assert entries(article.parent) == ["article.txt"]


# ------------------------------------------------------------------------------------------------ simulated faults


class Boom(OSError):
    pass


def _failing_handles(monkeypatch, after: int, exc: BaseException):
    """Make every file opened for writing write `after` bytes, then raise: a crash midway through the data."""
    calls = []

    class Half:
        def __init__(self, handle):
            self._h = handle

        def write(self, data):
            calls.append(len(data))
            self._h.write(bytes(data)[:after])
            self._h.flush()
            raise exc

        def __getattr__(self, name):
            return getattr(self._h, name)

        def __enter__(self):
            return self

        def __exit__(self, *info):
            self._h.close()
            return False

    real_fdopen, real_open = os.fdopen, open

    def fdopen(fd, mode="r", *args, **kwargs):
        handle = real_fdopen(fd, mode, *args, **kwargs)
        return Half(handle) if "w" in mode or "a" in mode else handle

    def opener(file, mode="r", *args, **kwargs):
        handle = real_open(file, mode, *args, **kwargs)
        return Half(handle) if ("w" in mode or "x" in mode) and "nlcleaner" in str(file) else handle

    monkeypatch.setattr(atomic.os, "fdopen", fdopen)
    monkeypatch.setattr("builtins.open", opener)
    return calls


@pytest.mark.parametrize("exc", [
    Boom(errno.EIO, "I/O error"),
    OSError(errno.ENOSPC, "No space left on device"),
    KeyboardInterrupt(),
], ids=["io-error", "disk-full", "interrupted"])
def test_a_write_that_fails_midway_leaves_the_original_and_no_temp_file(article, monkeypatch, exc):
    before = entries(article.parent)
    calls = _failing_handles(monkeypatch, after=5, exc=exc)
    with pytest.raises(type(exc)):
        write_atomic(article, NEW * 100)
    monkeypatch.undo()
    assert calls, "the writer did not write through os.fdopen or open: adapt this test"
    assert article.read_bytes() == ORIGINAL
    assert entries(article.parent) == before


@pytest.mark.parametrize("where", ["fsync", "replace", "chmod"])
def test_a_failure_after_the_data_is_written_leaves_the_original(article, monkeypatch, where):
    before = entries(article.parent)

    def fail(*args, **kwargs):
        raise OSError(errno.ENOSPC if where == "fsync" else errno.EPERM, f"{where} failed")

    monkeypatch.setattr(atomic.os, where, fail)
    with pytest.raises(OSError, match=f"{where} failed"):
        write_atomic(article, NEW)
    monkeypatch.undo()
    assert article.read_bytes() == ORIGINAL
    assert entries(article.parent) == before


def test_a_folder_where_no_file_can_be_made(article, monkeypatch):
    """What a read-only folder or file system answers (EACCES / EROFS), for machines where it cannot be made real."""
    before = entries(article.parent)

    def refuse(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(atomic.tempfile, "mkstemp", refuse)
    with pytest.raises(OSError):
        write_atomic(article, NEW)
    monkeypatch.undo()
    assert article.read_bytes() == ORIGINAL
    assert entries(article.parent) == before


# ------------------------------------------------------------------------------------------------ real faults


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes into read-only folders anyway")
def test_a_read_only_folder(article):
    os.chmod(article.parent, 0o555)
    try:
        with pytest.raises(PermissionError):
            write_atomic(article, NEW)
        assert article.read_bytes() == ORIGINAL
        assert entries(article.parent) == ["article.txt"]
    finally:
        os.chmod(article.parent, 0o755)


@pytest.fixture
def tmpfs(tmp_path):
    """A small tmpfs mounted for the test (root on Linux only); always unmounted afterwards."""
    if not sys.platform.startswith("linux") or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a file system needs root on Linux")
    point = tmp_path / f"fs-{uuid.uuid4().hex[:8]}"
    point.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k,mode=0755", "tmpfs", str(point)],
                          capture_output=True)
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.decode(errors='replace').strip()}")
    try:
        yield point
    finally:
        if subprocess.run(["umount", str(point)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(point)], capture_output=True)


def test_a_read_only_file_system(tmpfs):
    path = tmpfs / "article.txt"
    path.write_bytes(ORIGINAL)
    remount = subprocess.run(["mount", "-o", "remount,ro", str(tmpfs)], capture_output=True)
    if remount.returncode != 0:
        pytest.skip("cannot remount read-only here")
    with pytest.raises(OSError) as info:
        write_atomic(path, NEW)
    assert info.value.errno in (errno.EROFS, errno.EACCES)
    assert path.read_bytes() == ORIGINAL
    assert entries(tmpfs) == ["article.txt"]


def test_a_full_disk(tmpfs):
    path = tmpfs / "article.txt"
    path.write_bytes(ORIGINAL)
    filler = tmpfs / "filler"
    with open(filler, "wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"x" * 4096)
                handle.flush()
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    with pytest.raises(OSError) as info:
        write_atomic(path, NEW * 2000)  # far more than is left
    assert info.value.errno == errno.ENOSPC
    assert path.read_bytes() == ORIGINAL
    assert entries(tmpfs) == ["article.txt", "filler"]


def test_a_file_whose_name_is_near_the_length_limit(tmp_path):
    """The temporary file must not be named after the file plus a suffix: 240 + 25 bytes is over the 255 limit."""
    path = tmp_path / ("a" * 240 + ".txt")
    path.write_bytes(ORIGINAL)
    write_atomic(path, NEW)
    assert path.read_bytes() == NEW
    assert entries(tmp_path) == [path.name]


# ------------------------------------------------------------------------------------------------ through `fix`


def test_fix_says_which_file_could_not_be_written_exits_2_and_goes_on(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from nlcleaner.cli import commands  # noqa: F401  (registers the commands)
    from nlcleaner.cli.app import app

    from conftest import FIXTURES

    golden = FIXTURES / "golden" / "moscow-times-alaska"
    dirty = (golden / "input.txt").read_bytes()
    stuck, fine = tmp_path / "stuck.md", tmp_path / "fine.md"
    stuck.write_bytes(dirty)
    fine.write_bytes(dirty)
    real_replace = os.replace

    def replace(src, dst):
        if os.path.basename(dst) == "stuck.md":
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", replace)
    result = CliRunner().invoke(app, ["fix", "--isolated", str(stuck), str(fine)])
    assert result.exit_code == 2
    assert f"nlcleaner: error: {stuck}: No space left on device" in result.stderr.splitlines()
    assert stuck.read_bytes() == dirty
    assert fine.read_bytes() == (golden / "expected.txt").read_bytes()
    assert sorted(os.listdir(tmp_path)) == ["fine.md", "stuck.md"]
