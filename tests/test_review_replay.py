"""Review: the README's replay promise — `nlcleaner.apply_removals(text, removals)` with the removals exactly as a
--report file holds them (dicts), not only Removal objects."""

from __future__ import annotations

import json

from typer.testing import CliRunner

import nlcleaner
import nlcleaner.cli.commands  # noqa: F401  (registers the commands)
from nlcleaner.cli import app

TEXT = "Hello world.\r\nThe article goes on \udcff here.\r\nShare this article"


def test_report_removals_replay_as_dicts(tmp_path):
    src = tmp_path / "a.txt"
    src.write_bytes(TEXT.encode("utf-8", "surrogateescape"))
    report = tmp_path / "r.json"
    res = CliRunner().invoke(app, ["clean", "--isolated", "-q", "--report", str(report), str(src)])
    assert res.exit_code == 0
    removals = json.loads(report.read_text("ascii"))["documents"][0]["removals"]
    assert removals and isinstance(removals[0], dict)
    out = nlcleaner.apply_removals(TEXT, removals)
    assert out.encode("utf-8", "surrogateescape") == res.stdout_bytes


def test_apply_removals_still_takes_records():
    result = nlcleaner.clean(TEXT)
    assert nlcleaner.apply_removals(TEXT, result.removals) == result.text
