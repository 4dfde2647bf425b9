"""Review: "Errors are one line on stderr (`nlcleaner: error: ...`)". A usage error caught by click (a bad option
value, an unknown option or command, a missing argument) printed click's three-line block instead."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize("args", [
    ["clean", "--jobs", "abc"],
    ["clean", "--no-such-option"],
    ["explain"],
    ["no-such-command"],
])
def test_usage_errors_are_one_line(args):
    proc = subprocess.run([sys.executable, "-m", "nlcleaner", *args], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=60)
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("nlcleaner: error: ")
    assert "--help" in lines[0]


def test_bare_command_still_shows_help():
    proc = subprocess.run([sys.executable, "-m", "nlcleaner"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert "Commands:" in proc.stdout + proc.stderr
