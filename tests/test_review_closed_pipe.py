"""`check DIR | head -1`: the reader goes away after the first finding. check exited 0 then, which hid the findings
from `set -o pipefail` scripts (review, helper-37); it exits as what it found so far says."""

from __future__ import annotations

import subprocess
import sys

FURNISHED = b"The council met on Tuesday.\n\nShare this article\nFollow us on Twitter\n"


def _check_then_close(folder) -> int:
    proc = subprocess.Popen([sys.executable, "-m", "nlcleaner", "check", "--isolated", str(folder)],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    first = proc.stdout.readline()
    proc.stdout.close()
    assert first  # a finding was written before the pipe closed
    return proc.wait(timeout=120)


def test_a_closed_pipe_keeps_the_findings_exit_code(tmp_path):
    for i in range(300):
        (tmp_path / f"f{i:03}.txt").write_bytes(FURNISHED * 20)
    assert _check_then_close(tmp_path) == 1


def test_a_closed_pipe_after_an_unreadable_file_exits_2(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\x00\x01\x02 not text")
    for i in range(300):
        (tmp_path / f"f{i:03}.txt").write_bytes(FURNISHED * 20)
    assert _check_then_close(tmp_path) == 2
