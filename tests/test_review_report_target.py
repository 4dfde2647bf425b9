"""Review: where a report can go. `--report r.jsonl.gz` wrote an uncompressed JSON document (not even JSONL) under
a .gz name; `--report DIR` failed only at the end, after the cleaned text had been written. Both are now usage
errors before any work."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

import nlcleaner.cli.commands  # noqa: F401  (registers the commands)
from nlcleaner.cli import app


@pytest.mark.parametrize("name", ["r.jsonl.gz", "r.json.zst", "r.txt.xz"])
def test_compressed_report_name_refused(tmp_path, name):
    src = tmp_path / "a.txt"
    src.write_bytes(b"Hello world.\nShare this article\n")
    res = CliRunner().invoke(app, ["clean", "--isolated", "-q", "--report", str(tmp_path / name), str(src)])
    assert res.exit_code == 2
    assert res.stdout == ""
    assert not (tmp_path / name).exists()


def test_report_folder_refused_before_output(tmp_path):
    src = tmp_path / "a.txt"
    src.write_bytes(b"Hello world.\nShare this article\n")
    res = CliRunner().invoke(app, ["clean", "--isolated", "-q", "--report", str(tmp_path), str(src)])
    assert res.exit_code == 2
    assert res.stdout == ""
    assert "Is a directory" in res.stderr
