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


def test_an_html_report_on_an_input_an_output_or_the_other_report(tmp_path):
    """(review, helper-37) --report-html was not checked: it replaced the corpus, the -o file or a text input."""
    src, out = tmp_path / "c.jsonl", tmp_path / "o.jsonl"
    src.write_bytes(CORPUS)
    for args in (["--report-html", str(src)], ["--report-html", str(out)],
                 ["--report", str(tmp_path / "r"), "--report-html", str(tmp_path / "r")]):
        res = run("clean", "-o", str(out), *args, str(src))
        assert res.exit_code == 2 and "name another file" in res.stderr, args
        assert src.read_bytes() == CORPUS and not out.exists() and not (tmp_path / "r").exists()
    text = tmp_path / "a.txt"
    text.write_bytes(TEXT)
    res = run("clean", "--output-dir", str(tmp_path / "d"), "--report-html", str(text), str(text))
    assert res.exit_code == 2 and text.read_bytes() == TEXT
    res = run("clean", "-o", str(out), "--report-html", str(tmp_path / "r.html"), str(src))
    assert res.exit_code == 0 and (tmp_path / "r.html").read_text().lstrip().lower().startswith("<!doctype html")


def test_a_report_on_the_configuration_or_a_rule_pack_it_reads(tmp_path):
    src = tmp_path / "a.txt"
    src.write_bytes(TEXT)
    config = tmp_path / "nlcleaner.toml"
    config.write_text("guard = 0.6\n")
    res = CliRunner().invoke(app, ["clean", "-q", "--config", str(config), "--report", str(config), str(src)])
    assert res.exit_code == 2 and "configuration file" in res.stderr and config.read_text() == "guard = 0.6\n"
    pack = tmp_path / "pack.toml"
    pack.write_text('[pack]\nname = "mine"\n')
    res = run("clean", "--rules", str(pack), "--report", str(pack), str(src))
    assert res.exit_code == 2 and "rule pack" in res.stderr and pack.read_text() == '[pack]\nname = "mine"\n'


def test_learn_does_not_write_its_pack_over_an_input(tmp_path):
    """(review, helper-37) `learn corpus -o corpus/a.txt` replaced an article with the learned pack."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    src = folder / "a.txt"
    src.write_bytes(TEXT)
    for target, given in ((src, folder), (src, src)):
        res = run("learn", str(given), "-o", str(target))
        assert res.exit_code == 2 and "name another file" in res.stderr
        assert src.read_bytes() == TEXT


def test_a_pipe_inside_a_walked_folder_is_not_read(tmp_path):
    """(review, helper-37) `check DIR` waited forever on a FIFO in DIR (corpus mode already skipped it)."""
    import os
    import subprocess
    import sys

    (tmp_path / "a.txt").write_bytes(TEXT)
    os.mkfifo(tmp_path / "pipe.txt")
    for command in (["check"], ["fix"], ["clean", "--write"]):
        done = subprocess.run([sys.executable, "-m", "nlcleaner", *command, "--isolated", "-q", str(tmp_path)],
                              capture_output=True, timeout=60)
        assert done.returncode in (0, 1), (command, done.stderr)
        assert b"pipe.txt" not in done.stdout + done.stderr


def test_output_or_rejects_on_a_rule_pack_or_the_configuration(tmp_path):
    """(review, helper-38) -o and --rejects could replace a rule pack or the configuration the run reads."""
    pack = tmp_path / "u.toml"
    pack.write_text('[pack]\nname = "u"\n')
    config = tmp_path / "nlcleaner.toml"
    config.write_text(f'rules = ["{pack.name}"]\n')
    src = tmp_path / "c.jsonl"
    src.write_bytes(b'{"text": 5}\n' + CORPUS)
    for args in (["-o", str(pack)], ["-o", str(tmp_path / "o.jsonl"), "--rejects", str(pack)],
                 ["-o", str(config)]):
        res = CliRunner().invoke(app, ["clean", "-q", "--config", str(config), *args, str(src)])
        assert res.exit_code == 2 and "name another file" in res.stderr, args
        assert pack.read_text() == '[pack]\nname = "u"\n' and config.read_text() == f'rules = ["{pack.name}"]\n'


def test_a_report_inside_an_input_folder_is_refused_before_it_exists_too(tmp_path):
    """(review, helper-38) `check --report rd/report.txt rd` worked once, then failed: the report it had written
    was an input of the next run. It is refused from the first run; and --report-html - is refused too (it wrote a
    file named "-")."""
    folder = tmp_path / "rd"
    folder.mkdir()
    (folder / "a.txt").write_bytes(TEXT)
    for command in ("check", "fix"):
        res = run(command, "--report", str(folder / "report.txt"), str(folder))
        assert res.exit_code == 2 and "inside the input folder" in res.stderr, command
        assert not (folder / "report.txt").exists()
    res = run("clean", "--report-html", "-", str(folder / "a.txt"))
    assert res.exit_code == 2 and "--report-html -" in res.stderr


def test_a_file_the_walk_passes_over_may_be_written_in_an_input_folder(tmp_path):
    """Refusing every report inside an input folder refused `check --report r.jsonl .`, whose
    walk reads text files only; a JSONL report there is refused where the walk reads it (corpus mode), and learn
    may write its pack (a .toml it does not read) beside its corpus but not over a text of it."""
    folder = tmp_path / "rd"
    folder.mkdir()
    (folder / "a.txt").write_bytes(TEXT)
    for _ in range(2):  # (the second run finds the report there, and still does not read it)
        res = run("check", "--report", str(folder / "r.jsonl"), str(folder))
        assert res.exit_code == 1, res.stderr
    res = run("clean", "-d", str(tmp_path / "out"), "--report", str(folder / "r2.jsonl"), str(folder))
    assert res.exit_code == 2 and "whose walk reads it" in res.stderr
    res = run("learn", str(folder), "-o", str(folder / "learned.toml"))
    assert res.exit_code in (0, 3) and (folder / "learned.toml").exists()


def test_with_an_input_format_the_corpus_walk_reads_any_report_back(tmp_path):
    """(review, helper-39) With --input-format, corpus mode takes every file of a folder: a report there is read."""
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.jsonl").write_bytes(CORPUS)
    res = run("clean", "--input-format", "jsonl", "-d", str(tmp_path / "out"), "--report", str(folder / "r.json"),
              str(folder))
    assert res.exit_code == 2 and "whose walk reads it" in res.stderr


def test_a_report_in_the_output_folder_inside_an_input_folder(tmp_path):
    """(review, helper-39) The walk skips the --output-dir, so a report there is not read back: allowed."""
    folder = tmp_path / "c"
    (folder / "cleaned").mkdir(parents=True)
    (folder / "a.jsonl").write_bytes(CORPUS)
    report = folder / "cleaned" / "rep.jsonl"
    res = run("clean", "-d", str(folder / "cleaned"), "--report", str(report), str(folder))
    assert res.exit_code == 0, res.stderr
    assert report.exists() and (folder / "cleaned" / "a.jsonl").exists()
