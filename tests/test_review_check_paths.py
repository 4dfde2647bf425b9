"""Review: `check` names a file whose name is not UTF-8 (Linux allows any bytes) as `\\udcff.txt`, a path no tool
can open; the finding's `path:` now carries the file name's own bytes."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


@pytest.mark.skipif(sys.platform != "linux", reason="byte file names")
def test_undecodable_file_name_round_trips(tmp_path):
    name = os.fsencode(tmp_path) + b"/\xff.txt"
    with open(name, "wb") as fh:
        fh.write(b"Hello world.\nShare this article\n")
    proc = subprocess.run([sys.executable, "-m", "nlcleaner", "check", "--isolated", name], capture_output=True,
                          timeout=60)
    assert proc.returncode == 1
    path = proc.stdout.split(b":2: ", 1)[0]
    assert path == name
    assert os.path.exists(path)
