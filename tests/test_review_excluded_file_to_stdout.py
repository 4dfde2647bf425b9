"""Review: `nlcleaner clean a.txt > out` printed nothing (exit 0) when the configuration's `exclude` named a.txt: the
article vanished from the pipeline. Corpus mode (`--output-dir`) takes a file named on the command line as given;
the one-file filter now does the same."""

from __future__ import annotations

import os

from typer.testing import CliRunner

import nlcleaner.cli.commands  # noqa: F401  (registers the commands)
from nlcleaner.cli import app


def test_excluded_named_file_still_reaches_stdout(tmp_path, monkeypatch):
    (tmp_path / "nlcleaner.toml").write_text('exclude = ["*.txt"]\n')
    (tmp_path / "a.txt").write_bytes(b"Hello world.\nShare this article\n")
    monkeypatch.chdir(tmp_path)
    res = CliRunner().invoke(app, ["clean", "-q", "a.txt"])
    assert res.exit_code == 0
    assert res.stdout_bytes == b"Hello world.\n"
    assert os.path.exists("a.txt")
