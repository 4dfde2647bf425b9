"""Review: `check` and `fix` read each file as one text. Given a JSONL corpus they linted its JSON lines as text, and
`fix` with a line rule deleted a whole record in place (records are never dropped). They now refuse record files
with exit 2 before anything is written."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

import nlcleaner.cli.commands  # noqa: F401  (registers the commands)
from nlcleaner.cli import app

PACK = '''
[pack]
name = "review"
description = "review test"

[[rule]]
id = "promo.review-zap"
kind = "phrase"
why = "A test line."
phrases = ["zap this"]
match = "contains"

[rule.examples]
remove = ["Body text here.\\n~~ zap this now\\n"]
keep = ["Body text here.\\n"]
'''

CORPUS = b'{"id":1,"text":"Body one."}\n{"id":2,"text":"zap this now"}\n'


@pytest.mark.parametrize("name", ["c.jsonl", "c.ndjson", "c.jsonl.gz"])
@pytest.mark.parametrize("command", ["fix", "check"])
def test_record_files_refused(tmp_path, command, name):
    pack = tmp_path / "p.toml"
    pack.write_text(PACK)
    corpus = tmp_path / name
    corpus.write_bytes(CORPUS)
    res = CliRunner().invoke(app, [command, "--isolated", "--rules", str(pack), str(corpus)])
    assert res.exit_code == 2
    assert corpus.read_bytes() == CORPUS
    assert "check" in res.stderr or "fix" in res.stderr
    assert res.stdout == ""


def test_text_files_still_fixed(tmp_path):
    pack = tmp_path / "p.toml"
    pack.write_text(PACK)
    doc = tmp_path / "a.txt"
    doc.write_bytes(b"Body one.\nzap this now\n")
    res = CliRunner().invoke(app, ["fix", "--isolated", "--rules", str(pack), str(doc)])
    assert res.exit_code == 1
    assert doc.read_bytes() == b"Body one.\n"


def test_explain_refuses_a_corpus(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(b'{"id":1,"text":"Body.\\nShare this article\\n"}\n')
    res = CliRunner().invoke(app, ["explain", "--isolated", str(corpus)])
    assert res.exit_code == 2
    assert res.stdout == ""
    assert "explain works on one text document" in res.stderr


def test_configured_input_format_does_not_stop_check_on_text(tmp_path, monkeypatch):
    (tmp_path / "nlcleaner.toml").write_text('input-format = "jsonl"\n')
    (tmp_path / "a.md").write_bytes(b"Body.\nShare this article\n")
    monkeypatch.chdir(tmp_path)
    res = CliRunner().invoke(app, ["check", "a.md"])
    assert res.exit_code == 1
    assert res.stdout.startswith("a.md:2: social.share-button")
