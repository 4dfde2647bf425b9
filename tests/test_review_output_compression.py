"""Review: `-o FILE` compresses by extension (.gz, .zst). A name asking for a compression nlcleaner does not write
(out.jsonl.xz, .bz2) got plain JSONL under that name; it is now a usage error (exit 2) before anything is written."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

import nlcleaner.cli.commands  # noqa: F401  (registers the commands)
from nlcleaner.cli import app

CORPUS = b'{"id":1,"text":"Body one.\\nShare this article\\n"}\n'


@pytest.mark.parametrize("flag", ["-o", "--rejects"])
@pytest.mark.parametrize("name", ["out.jsonl.xz", "out.jsonl.bz2"])
def test_unwritable_compression_refused(tmp_path, flag, name):
    src = tmp_path / "c.jsonl"
    src.write_bytes(CORPUS)
    target = tmp_path / name
    args = ["clean", "--isolated", "-q", flag, str(target), str(src)]
    if flag == "--rejects":
        args[3:3] = ["-o", str(tmp_path / "ok.jsonl")]
    res = CliRunner().invoke(app, args)
    assert res.exit_code == 2
    assert not target.exists()
    assert "compression" in res.stderr


def test_gzip_still_written(tmp_path):
    import gzip

    src = tmp_path / "c.jsonl"
    src.write_bytes(CORPUS)
    target = tmp_path / "out.jsonl.gz"
    res = CliRunner().invoke(app, ["clean", "--isolated", "-q", "-o", str(target), str(src)])
    assert res.exit_code == 0
    assert gzip.decompress(target.read_bytes()) == b'{"id":1,"text":"Body one.\\n"}\n'
