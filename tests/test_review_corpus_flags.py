"""Flags only corpus mode acts on, given with one text file to stdout, were ignored without a word (review,
helper-37): `clean --report-html r.html a.txt` wrote no report. They now take the run to corpus mode, which uses
them or refuses them in one line; a configuration's `annotate` (meant for its corpus runs) does not."""

from __future__ import annotations

from typer.testing import CliRunner

import nlcleaner.cli.commands  # noqa: F401  (registers the commands)
from nlcleaner import Cleaner
from nlcleaner.cli import app

TEXT = "The council met on Tuesday and approved the budget.\n\nShare this article\n"


def test_an_html_report_of_one_file_cleaned_to_stdout(tmp_path):
    src, report = tmp_path / "a.txt", tmp_path / "r.html"
    src.write_text(TEXT)
    res = CliRunner().invoke(app, ["clean", "--isolated", "-q", "--report-html", str(report), str(src)])
    assert res.exit_code == 0
    assert res.stdout_bytes == Cleaner().clean(TEXT).text.encode()
    assert "Share this article" in report.read_text()


def test_corpus_flags_that_do_not_apply_are_refused(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(TEXT)
    for flags in (["--resume"], ["--annotate", "nl"]):
        res = CliRunner().invoke(app, ["clean", "--isolated", "-q", *flags, str(src)])
        assert res.exit_code == 2 and res.stderr.startswith("nlcleaner: error:"), flags


def test_a_configured_annotate_leaves_a_pipe_a_filter(tmp_path, monkeypatch):
    (tmp_path / "nlcleaner.toml").write_text('annotate = "nl"\n')
    monkeypatch.chdir(tmp_path)
    res = CliRunner().invoke(app, ["clean", "-q"], input=TEXT)
    assert res.exit_code == 0 and res.stdout_bytes == Cleaner().clean(TEXT).text.encode()


def test_files_of_an_input_folder_inside_the_output_folder_are_named(tmp_path, monkeypatch):
    """(review, helper-37) `clean -d in/sub in` left in/sub/b.txt out without a word: it is not read (outputs are
    not read back on a rerun), and the run says so."""
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "a.txt").write_text(TEXT)
    (tmp_path / "in" / "sub" / "b.txt").write_text(TEXT)
    monkeypatch.chdir(tmp_path)
    res = CliRunner().invoke(app, ["clean", "--isolated", "-d", "in/sub", "in"])
    assert res.exit_code == 0
    assert "1 file of the input folder inside --output-dir in/sub was not read" in res.stderr
    assert "in/sub/b.txt" in res.stderr
    res = CliRunner().invoke(app, ["clean", "--isolated", "-d", "out", "in"])
    assert res.exit_code == 0 and "not read" not in res.stderr


def test_corpus_flags_with_write_or_diff_and_record_flags_on_text_files_are_refused(tmp_path):
    """(review, helper-38) With --write or --diff the flags were still ignored; --drop-empty and --min-chars did
    nothing to text files in corpus mode."""
    src = tmp_path / "a.txt"
    src.write_text(TEXT)
    for args in (["--diff", "--report-html", str(tmp_path / "r.html")], ["--write", "--rejects", str(tmp_path / "r")],
                 ["--min-chars", "10000", "--output-dir", str(tmp_path / "out")], ["--drop-empty"]):
        res = CliRunner().invoke(app, ["clean", "--isolated", "-q", *args, str(src)])
        assert res.exit_code == 2 and res.stderr.startswith("nlcleaner: error:"), args
    assert src.read_text() == TEXT and not (tmp_path / "r.html").exists() and not (tmp_path / "out").exists()
