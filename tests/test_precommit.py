"""The real pre-commit, against this working tree: a throwaway repository holding a dirty article names a snapshot of
the tree in its `.pre-commit-config.yaml`, and `pre-commit run` installs nlcleaner as it does for a user (language:
python, pip install of the repository; once, into a store of the test's own) and runs the hooks. Needs git,
pre-commit (a dev dependency) and the package index pip is set up with."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT

GOLDEN = FIXTURES / "golden" / "moscow-times-alaska"
PRE_COMMIT = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or shutil.which("pre-commit")

pytestmark = [
    pytest.mark.skipif(shutil.which("git") is None, reason="needs git"),
    pytest.mark.skipif(PRE_COMMIT is None, reason="needs pre-commit (pip install -e '.[dev]')"),
    pytest.mark.skipif(not (ROOT / ".git").exists(), reason="the snapshot lists this tree's files with git"),
]


def test_the_manifest_declares_both_hooks():
    yaml = pytest.importorskip("yaml")
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert set(hooks) == {"nlcleaner", "nlcleaner-check"}
    assert hooks["nlcleaner"]["entry"] == "nlcleaner fix"
    assert hooks["nlcleaner-check"]["entry"] == "nlcleaner check"
    for hook in hooks.values():
        assert hook["args"] == ["--"]  # the file names after it are never options (a file named "-note.txt")
        assert hook["language"] == "python"
        assert hook["types_or"] == ["plain-text", "markdown"]


def _env() -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(PRE_COMMIT_COLOR="never", NO_COLOR="1")
    return env


def _snapshot(dest: Path, env: dict) -> Path:
    """This working tree as it is (tracked and new files, not ignored ones) committed into a repository of its own.

    A configuration naming ROOT at a revision would install that commit, without the changes being tested; and
    `try-repo ROOT`'s shadow copy leaves out files not yet added to git (and installs anew on every run)."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            env=env, capture_output=True, check=True).stdout.decode("utf-8", "surrogateescape")
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            target = dest / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    git = ["git", "-c", "user.name=nlcleaner tests", "-c", "user.email=tests@nlcleaner.invalid"]
    subprocess.run(git + ["init", "-q"], cwd=dest, env=env, check=True)
    subprocess.run(git + ["add", "-A"], cwd=dest, env=env, check=True)
    subprocess.run(git + ["commit", "-q", "--no-gpg-sign", "-m", "snapshot"], cwd=dest, env=env, check=True)
    return dest


def _use_hooks_of(nlcleaner: Path, repo: Path, env: dict) -> dict:
    """Name the snapshot's hooks (both, as its manifest orders them) in the repository's pre-commit configuration,
    staged as pre-commit requires; the environment to run them in, with a pre-commit store of their own."""
    rev = subprocess.run(["git", "rev-parse", "HEAD"], cwd=nlcleaner, env=env, capture_output=True, text=True,
                         check=True).stdout.strip()
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {nlcleaner}\n  rev: {rev}\n  hooks:\n  - id: nlcleaner\n  - id: nlcleaner-check\n",
        encoding="utf-8")
    subprocess.run(["git", "add", ".pre-commit-config.yaml"], cwd=repo, env=env, check=True)
    return {**env, "PRE_COMMIT_HOME": str(repo.parent / "pre-commit-store")}


def _run_hooks(repo: Path, env: dict, hook: str | None = None) -> subprocess.CompletedProcess:
    cmd = [PRE_COMMIT, "run"] + ([hook] if hook else []) + ["--all-files", "--verbose"]
    return subprocess.run(cmd, cwd=repo, env=env, capture_output=True, text=True, timeout=900)


def _show(run: subprocess.CompletedProcess) -> str:
    return f"exit {run.returncode}\n--- stdout\n{run.stdout}\n--- stderr\n{run.stderr}"


def test_the_hooks_fail_on_a_dirty_article_fix_it_and_then_pass(tmp_path):
    env = _env()
    nlcleaner = _snapshot(tmp_path / "nlcleaner", env)
    repo = tmp_path / "articles"
    repo.mkdir()
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=repo, env=env, check=True)
    dirty = (GOLDEN / "input.txt").read_bytes()
    (repo / "alaska.md").write_bytes(dirty)
    # not a type the hooks take by default: the same text in a Python file stays as it is
    (repo / "notes.py").write_bytes(b'"""\n' + dirty + b'"""\n')
    # kept on purpose: a passage between suppression markers, and a folder the project's configuration exempts
    marked = b"<!-- nlcleaner: off -->\n" + dirty + b"\n<!-- nlcleaner: on -->\n"
    (repo / "marked.md").write_bytes(marked)
    (repo / "quoted").mkdir()
    (repo / "quoted" / "appeal.txt").write_bytes(dirty)
    (repo / "nlcleaner.toml").write_text('[per-file-ignores]\n"quoted/" = ["donation"]\n', encoding="utf-8")
    subprocess.run(["git", "add", "."], cwd=repo, env=env, check=True)
    env = _use_hooks_of(nlcleaner, repo, env)

    # the checker reports and changes nothing
    check = _run_hooks(repo, env, "nlcleaner-check")
    assert check.returncode == 1, _show(check)
    assert "alaska.md:" in check.stdout and "donation." in check.stdout, _show(check)
    assert (repo / "alaska.md").read_bytes() == dirty
    assert "marked.md" not in check.stdout and "appeal.txt" not in check.stdout, _show(check)

    # the fixer: the first run fails, names the file and leaves it cleaned; the second run passes
    first = _run_hooks(repo, env)
    assert first.returncode == 1, _show(first)
    assert "nlcleaner (remove publisher furniture)" in first.stdout
    assert "Failed" in first.stdout and "alaska.md" in first.stdout, _show(first)
    assert "removal" in first.stdout, _show(first)
    assert (repo / "alaska.md").read_bytes() == (GOLDEN / "expected.txt").read_bytes()
    assert (repo / "notes.py").read_bytes() == b'"""\n' + dirty + b'"""\n'
    assert (repo / "marked.md").read_bytes() == marked
    assert (repo / "quoted" / "appeal.txt").read_bytes() == dirty
    assert "marked.md" not in first.stdout and "appeal.txt" not in first.stdout

    second = _run_hooks(repo, env)
    assert second.returncode == 0, _show(second)
    assert "Failed" not in second.stdout
    assert second.stdout.count("Passed") == 2, _show(second)  # the fixer and the checker


def test_parallel_hook_processes_share_one_jsonl_report(tmp_path):
    """pre-commit splits the files among parallel hook processes; with `--report` in the hook's args they all append
    to one file, which must stay valid JSONL: whole lines, one totals line per process."""
    files = []
    dirty = (GOLDEN / "input.txt").read_bytes()
    for i in range(48):
        path = tmp_path / f"a{i:02d}.md"
        path.write_bytes(dirty)
        files.append(path)
    report = tmp_path / "report.jsonl"
    procs = [
        subprocess.Popen([sys.executable, "-m", "nlcleaner", "fix", "--isolated", "--quiet", "--report", str(report),
                          "--report-format", "jsonl", *map(str, files[k::6])],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for k in range(6)
    ]
    codes = [p.wait(timeout=300) for p in procs]
    assert codes == [1] * 6, [p.stderr.read() for p in procs]
    entries = [json.loads(line) for line in report.read_text(encoding="ascii").splitlines()]
    documents = [e for e in entries if e["type"] == "document"]
    assert sorted(e["path"] for e in documents) == sorted(map(str, files))
    assert [e["type"] for e in entries].count("totals") == 6
    for path in files:
        assert path.read_bytes() == (GOLDEN / "expected.txt").read_bytes()


def test_the_documented_snippets_parse_and_name_real_hooks():
    import re

    yaml = pytest.importorskip("yaml")
    manifest = {h["id"] for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    doc = (ROOT / "docs" / "pre-commit.md").read_text(encoding="utf-8")
    snippets = re.findall(r"```yaml\n(.*?)```", doc, re.S)
    assert len(snippets) >= 4
    for snippet in snippets:
        lines = snippet.splitlines()
        indent = min(len(x) - len(x.lstrip()) for x in lines if x.strip() and not x.lstrip().startswith("#"))
        data = yaml.safe_load("\n".join(x[indent:] for x in lines))
        hooks = data["repos"][0]["hooks"] if isinstance(data, dict) else data
        for hook in hooks:
            assert hook["id"] in manifest
