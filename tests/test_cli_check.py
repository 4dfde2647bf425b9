"""`nlcleaner check` (findings on stdout, exit 1) and `nlcleaner fix` (in place, exit 1 when a file changed)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from typer.testing import CliRunner

import nlcleaner.cli.commands  # noqa: F401
from nlcleaner.cli import app

from conftest import FIXTURES, ROOT

GOLDEN = FIXTURES / "golden" / "moscow-times-alaska"
DIRTY = (GOLDEN / "input.txt").read_bytes()
CLEAN = (GOLDEN / "expected.txt").read_bytes()
REFERENCE = ROOT / "nlcleaner" / "packs" / "reference" / "reference.toml"
APPEAL = (b"The river rose two metres overnight, and three villages downstream were evacuated before dawn.\n"
          b"Dear readers, our journalism is free for everyone.\n"
          b"If you value it, please donate today.\n"
          b"Donate now\n")


def invoke(*args, input=None):
    return CliRunner().invoke(app, [*args[:1], "--isolated", *args[1:]], input=input)


def test_check_prints_findings_and_exits_1(tmp_path):
    f = tmp_path / "a.md"
    f.write_bytes(DIRTY)
    result = invoke("check", str(f))
    assert result.exit_code == 1
    [line] = result.stdout.splitlines()
    assert line.startswith(f"{f}:10: donation.moscow-times  would remove lines 10-18")
    assert f.read_bytes() == DIRTY


def test_check_of_clean_files_exits_0(tmp_path):
    f = tmp_path / "a.md"
    f.write_bytes(CLEAN)
    result = invoke("check", str(f))
    assert result.exit_code == 0 and result.stdout == ""


def test_check_reads_stdin():
    result = invoke("check", input=DIRTY)
    assert result.exit_code == 1 and result.stdout.startswith("-:10: donation.moscow-times")  # (stdin is "-", as in the report)


def test_check_json_and_github(tmp_path):
    f = tmp_path / "a.md"
    f.write_bytes(DIRTY)
    data = json.loads(invoke("check", "--output-format", "json", str(f)).stdout)
    assert data[0]["rule"] == "donation.moscow-times" and data[0]["line"] == 10 and data[0]["end_line"] == 18
    assert data[0]["status"] == "remove" and data[0]["path"] == str(f)
    gh = invoke("check", "--output-format", "github", str(f)).stdout
    assert gh.startswith(f"::warning file={f},line=10,endLine=18,title=nlcleaner donation.moscow-times::")
    assert invoke("check", "--output-format", "xml", str(f)).exit_code == 2


def test_check_lists_guard_flagged_documents(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(APPEAL)
    args = ["--rules", str(REFERENCE), "--select", "donation.reference", str(f)]
    flagged = invoke("check", "--guard", "0.1", *args)
    assert "guard-flagged" in flagged.stdout and "donation.reference-appeal" in flagged.stdout
    assert flagged.exit_code == 0  # the guard held it back: nothing would be removed
    removed = invoke("check", *args)
    assert removed.exit_code == 1 and "would remove lines 2-4" in removed.stdout


def test_fix_cleans_in_place_and_exits_1_then_0(tmp_path):
    f = tmp_path / "a.md"
    f.write_bytes(DIRTY)
    first = invoke("fix", str(f))
    assert first.exit_code == 1
    assert f"fixed {f}: 1 removal (donation.moscow-times)" in first.stderr
    assert f.read_bytes() == CLEAN
    second = invoke("fix", str(f))
    assert second.exit_code == 0


def test_fix_needs_paths():
    assert invoke("fix").exit_code == 2


def test_check_and_fix_in_real_processes(tmp_path):
    f = tmp_path / "a.md"
    f.write_bytes(DIRTY)
    env = {**os.environ, "NO_COLOR": "1"}
    check = subprocess.run([sys.executable, "-m", "nlcleaner", "check", str(f)], capture_output=True, env=env)
    assert check.returncode == 1 and b"donation.moscow-times" in check.stdout
    fix = subprocess.run([sys.executable, "-m", "nlcleaner", "fix", str(f)], capture_output=True, env=env)
    assert fix.returncode == 1 and f.read_bytes() == CLEAN
    again = subprocess.run([sys.executable, "-m", "nlcleaner", "fix", str(f)], capture_output=True, env=env)
    assert again.returncode == 0


def test_configured_exclude_applies_to_files_named_explicitly(tmp_path, monkeypatch):
    (tmp_path / "drafts").mkdir()
    draft, article = tmp_path / "drafts" / "a.md", tmp_path / "b.md"
    draft.write_bytes(DIRTY)
    article.write_bytes(DIRTY)
    (tmp_path / "nlcleaner.toml").write_text('exclude = ["drafts/"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["check", "drafts/a.md", "b.md"])
    assert result.exit_code == 1
    assert result.stdout.startswith("b.md:10: donation.moscow-times") and "drafts" not in result.stdout
    fixed = CliRunner().invoke(app, ["fix", "drafts/a.md", "b.md"])
    assert fixed.exit_code == 1 and draft.read_bytes() == DIRTY and article.read_bytes() == CLEAN


def test_per_file_ignores_from_the_configuration(tmp_path, monkeypatch):
    (tmp_path / "quotes").mkdir()
    (tmp_path / "quotes" / "q.md").write_bytes(DIRTY)
    (tmp_path / "b.md").write_bytes(DIRTY)
    (tmp_path / "nlcleaner.toml").write_text('[per-file-ignores]\n"quotes/*" = ["donation"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["check", "quotes/q.md", "b.md"])
    assert result.exit_code == 1
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == ["b.md"]


def test_per_file_ignores_flag_replaces_the_configured_table(tmp_path, monkeypatch):
    """`--per-file-ignores GLOB:PREFIX` (repeatable) on check, fix and clean; globs relative to the working folder;
    the flag's table replaces the configuration's for the run."""
    (tmp_path / "quotes").mkdir()
    (tmp_path / "quotes" / "q.md").write_bytes(DIRTY)
    (tmp_path / "b.md").write_bytes(DIRTY)
    (tmp_path / "nlcleaner.toml").write_text('[per-file-ignores]\n"quotes/*" = ["donation"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["check", "--per-file-ignores", "b.md:donation", "quotes/q.md", "b.md"])
    assert result.exit_code == 1
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == ["quotes/q.md"]
    both = ["--per-file-ignores", "b.md:donation", "--per-file-ignores", "quotes/*:ad,donation"]
    assert CliRunner().invoke(app, ["check", *both, "quotes/q.md", "b.md"]).exit_code == 0
    cleaned = CliRunner().invoke(app, ["clean", "--per-file-ignores", "b.md:donation", "b.md"])
    assert cleaned.exit_code == 0 and cleaned.stdout_bytes == DIRTY
    fixed = CliRunner().invoke(app, ["fix", *both, "quotes/q.md", "b.md"])
    assert fixed.exit_code == 0 and (tmp_path / "b.md").read_bytes() == DIRTY


def test_a_broken_per_file_ignores_flag_is_one_line_and_exit_2(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "b.md").write_bytes(DIRTY)
    result = CliRunner().invoke(app, ["check", "--isolated", "--per-file-ignores", "b.md", "b.md"])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "nlcleaner: error: command line: key '--per-file-ignores': expected GLOB:PREFIX[,PREFIX...], got 'b.md'")
