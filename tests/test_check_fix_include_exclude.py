"""`check` and `fix` take `--include` / `--exclude` as `clean` does (DESIGN's flags are one set for every command that
walks folders): a folder contributes only the files `--include` names, `--exclude` leaves files and folders out, and
a file named on the command line that `--exclude` names is left alone too (a hook passes every staged file)."""

from __future__ import annotations

from typer.testing import CliRunner

import nlcleaner.cli.commands  # noqa: F401  (registers the commands)
from nlcleaner.cli import app

DIRTY = "The council met on Tuesday.\n\nShare this article\n"


def _tree(tmp_path):
    (tmp_path / "docs" / "drafts").mkdir(parents=True)
    for rel in ("docs/a.txt", "docs/b.md", "docs/drafts/c.txt"):
        (tmp_path / rel).write_text(DIRTY, encoding="utf-8")
    return tmp_path / "docs"


def _named(stdout: str) -> set[str]:
    return {line.split(":", 1)[0].rsplit("/", 1)[-1] for line in stdout.splitlines() if line.strip()}


def test_check_include_and_exclude(tmp_path):
    docs = _tree(tmp_path)
    run = CliRunner().invoke(app, ["check", "--isolated", str(docs)])
    assert run.exit_code == 1 and _named(run.stdout) == {"a.txt", "b.md", "c.txt"}
    run = CliRunner().invoke(app, ["check", "--isolated", "--include", "*.md", str(docs)])
    assert run.exit_code == 1 and _named(run.stdout) == {"b.md"}
    run = CliRunner().invoke(app, ["check", "--isolated", "--exclude", "drafts", "--exclude", "*.md", str(docs)])
    assert run.exit_code == 1 and _named(run.stdout) == {"a.txt"}
    run = CliRunner().invoke(app, ["check", "--isolated", "--exclude", "*.txt", str(docs / "a.txt")])
    assert run.exit_code == 0 and run.stdout == ""


def test_fix_leaves_excluded_files_untouched(tmp_path, monkeypatch):
    docs = _tree(tmp_path)
    monkeypatch.chdir(tmp_path)  # (a command line's globs are relative to the working directory, as a hook runs)
    run = CliRunner().invoke(app, ["fix", "--isolated", "--exclude", "docs/drafts/*", "docs/a.txt",
                                   "docs/drafts/c.txt"])
    assert run.exit_code == 1, run.output
    assert (docs / "a.txt").read_text(encoding="utf-8") == "The council met on Tuesday.\n"
    assert (docs / "drafts" / "c.txt").read_text(encoding="utf-8") == DIRTY
    run = CliRunner().invoke(app, ["fix", "--isolated", "--include", "*.md", "docs"])
    assert run.exit_code == 1, run.output
    assert (docs / "b.md").read_text(encoding="utf-8") == "The council met on Tuesday.\n"
    assert (docs / "drafts" / "c.txt").read_text(encoding="utf-8") == DIRTY
