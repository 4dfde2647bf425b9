"""The README tells the truth: its first two lines are the two contract commands, `.ci/run` runs the second, and
every command shown in a ```console block prints exactly the output shown (run in a scratch folder, in order)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
FIRST = "pip install . && nlcleaner clean fixtures/golden/moscow-times-alaska/input.txt"
SECOND = "pip install -e '.[dev]' && python -m pytest -q"
MARK = "@@nlcleaner-readme@@"


def test_the_readme_opens_with_the_two_commands():
    # a fenced block as the very first thing, so that the two commands render as two lines
    assert README.splitlines()[:4] == ["```sh", FIRST, SECOND, "```"]


def test_ci_runs_exactly_the_second_command():
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install -q -e '.[dev]'" in run and "python -m pytest -q" in run


def test_the_first_command_cleans_the_bundled_article():
    golden = FIXTURES / "golden" / "moscow-times-alaska"
    proc = subprocess.run([sys.executable, "-m", "nlcleaner", "clean", "fixtures/golden/moscow-times-alaska/input.txt"],
                          cwd=ROOT, capture_output=True)
    assert proc.returncode == 0
    assert proc.stdout == (golden / "expected.txt").read_bytes()


def console_blocks(text: str) -> list[list[tuple[str, str]]]:
    """Every ```console block as [(command, expected output)]."""
    blocks = []
    for body in re.findall(r"```console\n(.*?)```", text, flags=re.S):
        steps: list[tuple[str, list[str]]] = []
        for line in body.splitlines():
            if line.startswith("$ "):
                steps.append((line[2:], []))
            else:
                steps[-1][1].append(line)
        blocks.append([(cmd, "".join(x + "\n" for x in out)) for cmd, out in steps])
    return blocks


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_every_console_example_prints_what_the_readme_shows(tmp_path):
    bindir = Path(sys.executable).parent
    if not (bindir / "nlcleaner").exists():
        pytest.skip("the nlcleaner script is not installed next to this Python")
    src = FIXTURES / "golden" / "moscow-times-alaska" / "input.txt"
    dst = tmp_path / "fixtures" / "golden" / "moscow-times-alaska"
    dst.mkdir(parents=True)
    shutil.copy(src, dst / "input.txt")
    steps = [step for block in console_blocks(README) for step in block]
    assert len(steps) >= 8
    script = []
    for cmd, _ in steps:  # a marker between commands that keeps $? of the command before it
        script += ["__status=$?", f"printf '%s\\n' '{MARK}'", "(exit $__status)", cmd]
    env = {**os.environ, "PATH": f"{bindir}{os.pathsep}{os.environ.get('PATH', '')}", "NO_COLOR": "1",
           "LC_ALL": "C.UTF-8"}
    proc = subprocess.run(["bash", "-c", "\n".join(script)], cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, timeout=600)
    outputs = proc.stdout.decode("utf-8").split(MARK + "\n")[1:]
    assert len(outputs) == len(steps), proc.stdout.decode()
    for (cmd, expected), got in zip(steps, outputs):
        assert got == expected, f"$ {cmd}"
