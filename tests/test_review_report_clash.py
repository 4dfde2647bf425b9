"""Review: a --report that lands on an input or an output. `clean --report a.txt a.txt` replaced the article with the
report, `fix` did the same after fixing, and a JSONL report named like the corpus (or like -o) was appended to it.
Nothing is written in place without --write: these are now usage errors (exit 2) before anything is written."""

from __future__ import annotations

from typer.testing import CliRunner

import nlcleaner.cli.commands  # noqa: F401  (registers the commands)
from nlcleaner.cli import app

TEXT = b"Hello world.\nShare this article\n"
CORPUS = b'{"id":1,"text":"Hello world.\\nShare this article\\n"}\n'


def run(*args):
    return CliRunner().invoke(app, [args[0], "--isolated", "-q", *args[1:]])


def test_report_on_the_input_file(tmp_path):
    src = tmp_path / "a.txt"
    for command in ("clean", "check", "fix"):
        src.write_bytes(TEXT)
        res = run(command, "--report", str(src), str(src))
        assert res.exit_code == 2, command
        assert src.read_bytes() == TEXT, command
        assert "--report" in res.stderr


def test_report_on_the_corpus_or_its_output(tmp_path):
    src, out = tmp_path / "c.jsonl", tmp_path / "o.jsonl"
    src.write_bytes(CORPUS)
    res = run("clean", "-o", str(out), "--report", str(src), str(src))
    assert res.exit_code == 2 and src.read_bytes() == CORPUS and not out.exists()
    res = run("clean", "-o", str(out), "--report", str(out), str(src))
    assert res.exit_code == 2 and not out.exists()


def test_report_on_an_output_dir_file(tmp_path):
    src = tmp_path / "in" / "a.txt"
    src.parent.mkdir()
    src.write_bytes(TEXT)
    dest = tmp_path / "out"
    dest.mkdir()
    res = run("clean", "--output-dir", str(dest), "--report", str(dest / "a.txt"), str(src))
    assert res.exit_code == 2
    assert not (dest / "a.txt").exists()


def test_report_beside_the_inputs_still_works(tmp_path):
    src = tmp_path / "a.txt"
    src.write_bytes(TEXT)
    report = tmp_path / "report.jsonl"
    res = run("clean", "--report", str(report), str(src))
    assert res.exit_code == 0
    assert res.stdout_bytes == b"Hello world.\n"
    assert report.read_text().count('"type": "totals"') == 1
