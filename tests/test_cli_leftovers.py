"""Four small command-line inconsistencies, each pinned by a test that failed before its fix:

1. `--select ''` selected every rule while `select = []` in a configuration selected none;
2. `check` named stdin `<stdin>` in its findings while the report of the same run named it `-`;
3. the `--strict` error for a user pattern that timed out did not say which file it happened on;
4. the --output-dir warning about files not read back was printed under `--quiet`."""

from __future__ import annotations

import importlib

import json
import os
import subprocess
import sys

from typer.testing import CliRunner

import nlcleaner.cli.commands  # noqa: F401  (registers the commands)
from nlcleaner.cli import app

from conftest import FIXTURES, ROOT
from test_decisions import CATASTROPHIC, _pack  # (the user pattern that backtracks: `^(a|aa)+$`)

DIRTY = (FIXTURES / "golden" / "moscow-times-alaska" / "input.txt").read_bytes()
EVIL = "The storm reached the coast.\n" + "a" * 40 + "!\nMore text follows here.\n"


def invoke(*args, input=None):
    return CliRunner().invoke(app, list(args), input=input)


def run(*args, cwd, input=None):
    """The real entry point (python -m nlcleaner), for what only it does: one error line, exit codes."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "nlcleaner", *args], cwd=cwd, input=input, capture_output=True,
                          env=env, timeout=120)


# 1. --select '' ------------------------------------------------------------------------------------------------------


def test_empty_select_on_the_command_line_selects_no_rule_as_an_empty_select_in_config_does(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert invoke("check", "--isolated", "-", input=DIRTY).exit_code == 1  # (not given: every rule)
    flag = invoke("check", "--isolated", "--select", "", "-", input=DIRTY)
    assert flag.exit_code == 0 and flag.stdout == ""
    (tmp_path / "nlcleaner.toml").write_text("select = []\n")
    config = invoke("check", "-", input=DIRTY)
    assert config.exit_code == 0 and config.stdout == ""


def test_empty_select_on_the_command_line_overrides_the_configuration_and_extend_select_adds_to_it(
        tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "nlcleaner.toml").write_text('select = ["donation"]\n')
    assert invoke("check", "-", input=DIRTY).exit_code == 1
    assert invoke("check", "--select", "", "-", input=DIRTY).exit_code == 0
    result = invoke("check", "--select", "", "--extend-select", "donation.moscow-times", "-", input=DIRTY)
    assert result.exit_code == 1 and "donation.moscow-times" in result.stdout  # ruff's `select = []` + extend
    shown = json.loads(invoke("config", "--output-format", "json", "--select", "").stdout)
    assert shown["settings"]["select"] == [] and shown["origins"]["select"] == "command line"


def test_empty_select_in_eval_selects_no_rule_either():
    sample = str(FIXTURES / "eval-sample")
    every = json.loads(invoke("eval", sample, "--isolated", "--output-format", "json").stdout)
    none = json.loads(invoke("eval", sample, "--isolated", "--select", "", "--output-format", "json").stdout)
    assert every["summary"]["boilerplate_recall"] > 0 and none["summary"]["boilerplate_recall"] == 0


# 2. stdin's name ----------------------------------------------------------------------------------------------------


def test_check_names_stdin_in_its_findings_as_its_report_does(tmp_path):
    report = tmp_path / "r.jsonl"
    result = invoke("check", "--isolated", "--report", str(report), input=DIRTY)
    assert result.exit_code == 1
    [document, _totals] = map(json.loads, report.read_text().splitlines())
    assert document["path"] == "-"
    assert result.stdout.startswith("-:10: donation.moscow-times  would remove lines 10-18")
    found = json.loads(invoke("check", "--isolated", "--output-format", "json", "-", input=DIRTY).stdout)
    assert {f["path"] for f in found} == {"-"}


def test_explain_and_diff_name_stdin_as_check_and_the_report_do():
    data = json.loads(invoke("explain", "--isolated", "--output-format", "json", "-", input=DIRTY).stdout)
    assert data["path"] == "-"
    diff = invoke("clean", "--isolated", "--diff", "-", input=DIRTY).stdout
    assert diff.startswith("--- a/-\n+++ b/-\n")


# 3. --strict names the file ---------------------------------------------------------------------------------------


def test_strict_timeout_error_names_the_file_it_happened_on(tmp_path):
    _pack(tmp_path, CATASTROPHIC, name="mine")
    (tmp_path / "fine.txt").write_text("Fine text.\n")
    (tmp_path / "evil.txt").write_text(EVIL)
    for command in (["check"], ["clean", "--diff"], ["fix"]):
        result = run(*command, "--isolated", "--rules", "mine.toml", "--strict", "fine.txt", "evil.txt", cwd=tmp_path)
        assert result.returncode == 2, (command, result.stderr)
        [line] = result.stderr.decode().splitlines()
        assert line.startswith("nlcleaner: error: evil.txt: rule 'ad.catastrophic'"), (command, line)
        assert "timed out" in line
    result = run("clean", "--isolated", "--rules", "mine.toml", "--strict", cwd=tmp_path, input=EVIL.encode())
    assert result.returncode == 2 and result.stderr.decode().startswith("nlcleaner: error: -: rule 'ad.catastrophic'")
    assert (tmp_path / "evil.txt").read_text() == EVIL  # (fix wrote nothing)


# 4. --quiet silences the --output-dir warning --------------------------------------------------------------------


def test_quiet_silences_the_warning_about_files_inside_the_output_dir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "arts").mkdir()
    (tmp_path / "arts" / "a.txt").write_bytes(DIRTY)
    assert invoke("clean", "--isolated", "-q", "--output-dir", "arts/out", "arts").exit_code == 0
    loud = invoke("clean", "--isolated", "--output-dir", "arts/out", "arts")  # the rerun meets its own outputs
    assert loud.exit_code == 0 and "warning: 1 file of the input folder inside --output-dir" in loud.stderr
    quiet = invoke("clean", "--isolated", "-q", "--output-dir", "arts/out", "arts")
    assert quiet.exit_code == 0 and quiet.stderr == ""
    (tmp_path / "nlcleaner.toml").write_text("quiet = true\n")  # (quiet from the configuration, the same)
    configured = invoke("clean", "--output-dir", "arts/out", "arts")
    assert configured.exit_code == 0 and configured.stderr == ""


def test_quiet_silences_learns_warning_about_full_counters(tmp_path, monkeypatch):
    """`learn`'s warning that its first pass's counters are full is a warning like the others: --quiet silences it
    (the pack is written all the same)."""
    from typer.testing import CliRunner

    from nlcleaner.cli import commands  # noqa: F401
    from nlcleaner.cli.app import app
    count = importlib.import_module("nlcleaner.learn.count")  # (the package's `count` is a function)
    monkeypatch.setattr(count.Sketch, "saturation", lambda self, level: 0.9)
    folder = tmp_path / "docs"
    folder.mkdir()
    for n in range(3):
        (folder / f"{n}.txt").write_text(f"Story number {n} about the harbour.\n\nShare this story\n", encoding="utf-8")
    args = ["learn", "--isolated", "-o", str(tmp_path / "l.toml"), str(folder)]
    loud = invoke(*args)
    quiet = invoke(args[0], "-q", *args[1:])
    assert loud.exit_code == quiet.exit_code == 0, (loud.output, quiet.output)
    assert "counters are full" in loud.stderr
    assert "counters are full" not in quiet.stderr

