"""A file `clean --write` or `fix` could not write back (a full disk, a read-only folder) was left out of the report
and the summary (review, helper-37): it is now a failed document in both, and the run still exits 2."""

from __future__ import annotations

import errno
import json

from typer.testing import CliRunner

import nlcleaner.cli.commands  # noqa: F401  (registers the commands)
import nlcleaner.io.atomic
from nlcleaner.cli import app

TEXT = b"The council met on Tuesday and approved the budget.\n\nShare this article\n"


def test_a_file_that_cannot_be_written_is_a_failed_document(tmp_path, monkeypatch):
    full, fine = tmp_path / "full.txt", tmp_path / "fine.txt"
    full.write_bytes(TEXT)
    fine.write_bytes(TEXT)
    real = nlcleaner.io.atomic.write_atomic

    def write_atomic(path, data, *args, **kwargs):
        if str(path) == str(full):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(path, data, *args, **kwargs)

    monkeypatch.setattr(nlcleaner.io.atomic, "write_atomic", write_atomic)
    report = tmp_path / "r.json"
    for command in (["clean", "--write"], ["fix"]):
        full.write_bytes(TEXT)
        fine.write_bytes(TEXT)
        res = CliRunner().invoke(app, [*command, "--isolated", "--report", str(report), str(full), str(fine)])
        assert res.exit_code == 2, command
        assert f"{full}: No space left on device" in res.stderr
        assert full.read_bytes() == TEXT and fine.read_bytes() != TEXT
        got = json.loads(report.read_text())
        docs = {d["path"]: d for d in got["documents"]}
        assert "cannot write" in docs[str(full)]["error"] and not docs[str(fine)].get("error")
        assert got["totals"]["failed"] == 1 and got["totals"]["documents"] == 2


class _Full:
    def write(self, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    def flush(self):
        pass

    def close(self):
        pass


def test_an_output_that_cannot_be_written_is_named_in_the_error():
    """(review, helper-37) `-o`/`-d` write failures said only "nlcleaner: error: No space left on device"."""
    import pytest

    from nlcleaner.corpus.compress import OutputStream

    for compression in (None, "gzip-members"):
        with pytest.raises(OSError) as caught:
            OutputStream(_Full(), compression, "out/clean.jsonl").write(b'{"text": "x"}\n')
        assert caught.value.filename == "out/clean.jsonl" and caught.value.errno == errno.ENOSPC
    with pytest.raises(BrokenPipeError):  # a closed pipe stays a closed pipe (the reader went away)
        class _Closed(_Full):
            def write(self, data):
                raise BrokenPipeError(errno.EPIPE, "Broken pipe")
        OutputStream(_Closed(), None, "-").write(b"x")
