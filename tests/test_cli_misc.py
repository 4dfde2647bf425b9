"""The command line as a whole: --version, python -m nlcleaner, help with an example on every command, metadata."""

from __future__ import annotations

import subprocess
import sys
import tomllib

import pytest
from typer.testing import CliRunner

import nlcleaner
import nlcleaner.cli.commands  # noqa: F401
from nlcleaner.cli import app

from conftest import ROOT

MINE = ["clean", "check", "fix", "explain", "rules"]


def test_version():
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout == f"nlcleaner {nlcleaner.__version__}\n"


def test_python_dash_m_and_console_script_agree():
    proc = subprocess.run([sys.executable, "-m", "nlcleaner", "--version"], capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stdout.strip() == f"nlcleaner {nlcleaner.__version__}"


@pytest.mark.parametrize("command", MINE)
def test_every_command_has_help_with_an_example(command):
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.stdout and f"nlcleaner {command}" in result.stdout


def test_every_registered_command_has_help():
    from typer.main import get_command

    group = get_command(app)
    for name in group.list_commands(None):
        assert CliRunner().invoke(app, [name, "--help"]).exit_code == 0, name


def test_usage_errors_are_exit_2_without_traceback():
    proc = subprocess.run([sys.executable, "-m", "nlcleaner", "clean", "--no-such-flag"], capture_output=True,
                          text=True)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    proc = subprocess.run([sys.executable, "-m", "nlcleaner", "clean", "--color", "purple"], input="x\n",
                          capture_output=True, text=True)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


def test_publishable_metadata():
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert meta["license"] == "Apache-2.0"
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").lstrip().startswith("Apache License")
    assert meta["scripts"]["nlcleaner"] == "nlcleaner.cli:main"
    assert meta["readme"] == "README.md" and meta["description"] and meta["urls"]


def test_summary_respects_no_color_and_quiet(tmp_path):
    from conftest import FIXTURES

    dirty = (FIXTURES / "golden" / "moscow-times-alaska" / "input.txt").read_bytes()
    forced = CliRunner().invoke(app, ["clean", "--color", "always"], input=dirty)
    assert "\x1b[" in forced.stderr
    never = CliRunner().invoke(app, ["clean", "--color", "never"], input=dirty)
    assert "\x1b[" not in never.stderr and "1 changed" in never.stderr
    quiet = CliRunner().invoke(app, ["clean", "--quiet"], input=dirty)
    assert quiet.stderr == ""
