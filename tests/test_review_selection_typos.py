"""Review: a selection that matches no rule turned cleaning off without a word: `--select donation.nope` or
`--languages english` left every rule out, removed nothing and exited 0. They are now usage errors (exit 2)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

import nlcleaner.cli.commands  # noqa: F401  (registers the commands)
from nlcleaner.cli import app

TEXT = "Hello world.\nShare this article\n"


@pytest.mark.parametrize("args", [
    ["--select", "donation.nope"],
    ["--extend-select", "social.shar-button"],
    ["--languages", "english"],
])
def test_selection_that_names_nothing_is_an_error(args):
    res = CliRunner().invoke(app, ["clean", "--isolated", "-q", *args], input=TEXT)
    assert res.exit_code == 2
    assert res.stdout == ""
    assert res.stderr.startswith("nlcleaner: error: ")


@pytest.mark.parametrize("args", [
    ["--select", "social.share"],
    ["--select", "social", "--languages", "en,de"],
])
def test_real_selections_still_work(args):
    res = CliRunner().invoke(app, ["clean", "--isolated", "-q", *args], input=TEXT)
    assert res.exit_code == 0
    assert res.stdout == "Hello world.\n"


def test_a_bare_category_without_rules_is_allowed():
    res = CliRunner().invoke(app, ["clean", "--isolated", "-q", "--select", "learned"], input=TEXT)
    assert res.exit_code == 0
    assert res.stdout == TEXT


def test_an_ignore_that_names_no_rule_is_a_warning_and_the_run_goes_on():
    res = CliRunner().invoke(app, ["clean", "--isolated", "--ignore", "social.shar-button"], input=TEXT)
    assert res.exit_code == 0 and res.stdout == "Hello world.\n"  # still cleaned: the rule was not ignored
    assert "nlcleaner: warning: ignore 'social.shar-button': no rule id starts with it" in res.stderr
    quiet = CliRunner().invoke(app, ["clean", "--isolated", "-q", "--ignore", "social.shar-button"], input=TEXT)
    assert quiet.exit_code == 0 and quiet.stderr == ""
    known = CliRunner().invoke(app, ["clean", "--isolated", "--ignore", "social.share-button"], input=TEXT)
    assert "warning" not in known.stderr and known.stdout == TEXT
