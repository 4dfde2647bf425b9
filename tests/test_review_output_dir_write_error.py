"""An output of --output-dir that cannot be written (a full disk, a folder that refuses a file) stopped the whole run
with one line: the later inputs were not cleaned and no summary was printed. It now fails that input alone (its
line on stderr, what it wrote removed), the run goes on with the next ones, and it exits 2 at the end, as for a
binary input."""

from __future__ import annotations

import errno
import json

from typer.testing import CliRunner

import nlcleaner.cli.commands  # noqa: F401  (registers the commands)
import nlcleaner.corpus.compress
from nlcleaner.cli import app

TEXT = b"The council met on Tuesday and approved the budget.\n\nShare this article\n"


def test_an_output_that_cannot_be_written_fails_its_input_alone(tmp_path, monkeypatch):
    src = tmp_path / "in"
    src.mkdir()
    for name in ("a.txt", "full.txt", "c.txt"):
        (src / name).write_bytes(TEXT)
    records = [{"id": i, "text": TEXT.decode()} for i in range(3)]
    (src / "full.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    (src / "d.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    out = tmp_path / "out"
    real = nlcleaner.corpus.compress.OutputStream.write

    def write(self, data):  # (an output stream is named by its target)
        if str(self.name).endswith(("full.txt", "full.jsonl")):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, data)

    monkeypatch.setattr(nlcleaner.corpus.compress.OutputStream, "write", write)
    report = tmp_path / "r.json"
    res = CliRunner().invoke(app, ["clean", "--isolated", "--jobs", "1", "--report", str(report), "--output-dir",
                                   str(out), str(src)])
    assert res.exit_code == 2, res.output
    assert f"cannot write {out / 'full.txt'}: No space left on device" in res.stderr
    assert f"cannot write {out / 'full.jsonl'}: No space left on device" in res.stderr
    assert "Traceback" not in res.stderr
    # the other inputs were cleaned and written; nothing is left of the failed ones, not even a temporary file
    assert sorted(p.name for p in out.iterdir()) == ["a.txt", "c.txt", "d.jsonl"]
    cleaned = b"The council met on Tuesday and approved the budget.\n"
    assert (out / "a.txt").read_bytes() == (out / "c.txt").read_bytes() == cleaned
    assert len((out / "d.jsonl").read_text().splitlines()) == 3
    docs = json.loads(report.read_text())
    failed = {d["path"]: d["error"] for d in docs["documents"] if d.get("error")}
    assert set(failed) == {str(src / "full.txt"), str(src / "full.jsonl")}
    assert docs["totals"]["failed"] == 2


def test_an_output_that_cannot_be_put_in_place_fails_its_input_alone(tmp_path, monkeypatch):
    """The last step, renaming the finished file to its name, fails too (a folder that refuses it)."""
    import nlcleaner.corpus.sinks as sinks

    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_bytes(TEXT)
    out = tmp_path / "out"
    real = sinks.os.replace

    def replace(src, dst):
        if str(dst).endswith("a.txt"):
            raise OSError(errno.EACCES, "Permission denied")
        return real(src, dst)

    monkeypatch.setattr(sinks.os, "replace", replace)
    res = CliRunner().invoke(app, ["clean", "--isolated", "--jobs", "1", "--output-dir", str(out),
                                   str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
    assert res.exit_code == 2, res.output
    assert f"cannot write {out / 'a.txt'}: Permission denied" in res.stderr
    assert sorted(p.name for p in out.iterdir()) == ["b.txt"]  # (no temporary file left of a.txt)
    assert "2 documents, 1 changed, 1 failed" in res.stderr  # (the file's failure is its one outcome)
