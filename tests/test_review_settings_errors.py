"""Errors in settings that live outside the flags still end as one line and exit 2."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import FIXTURES

SEED = str(FIXTURES / "golden" / "moscow-times-alaska" / "input.txt")


def _run(args, env=None, cwd=None):
    return subprocess.run([sys.executable, "-m", "nlcleaner", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, cwd=cwd)


def test_an_unknown_prefilter_backend_is_a_one_line_error():
    res = _run(["clean", SEED], {"NLCLEANER_PREFILTER": "bogus"})
    assert res.returncode == 2 and res.stdout == ""
    assert res.stderr.startswith("nlcleaner: error: NLCLEANER_PREFILTER: unknown prefilter backend 'bogus'")
    assert "internal error" not in res.stderr and len(res.stderr.strip().splitlines()) == 1


def test_a_report_on_stdout_is_refused(tmp_path):
    res = _run(["clean", "--report", "-", SEED], cwd=tmp_path)
    assert res.returncode == 2 and res.stdout == "" and "--report -" in res.stderr
    assert not (tmp_path / "-").exists()
