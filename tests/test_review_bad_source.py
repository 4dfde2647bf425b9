"""Review: a malformed URL in --source or in a record's --source-field ("http://[::1") raised ValueError out of
urlsplit: the whole corpus run ended as an internal error (exit 2, nothing written). A source is only a key for
source-scoped rules; a malformed one is now reduced as written."""

from __future__ import annotations

from typer.testing import CliRunner

import nlcleaner.cli.commands  # noqa: F401  (registers the commands)
from nlcleaner.cli import app
from nlcleaner.source import host_of


def test_host_of_malformed_urls():
    assert isinstance(host_of("http://[::1"), str)  # no exception
    assert host_of("https://www.example.com/a") == "example.com"


def test_corpus_with_a_malformed_source_url(tmp_path):
    src = tmp_path / "u.jsonl"
    src.write_bytes(b'{"url":"http://[::1","text":"Hello.\\nShare this article\\n"}\n'
                    b'{"url":"https://ok.example/x","text":"fine"}\n')
    res = CliRunner().invoke(app, ["clean", "--isolated", "-q", "--source-field", "url", "-o", "-", str(src)])
    assert res.exit_code == 0, res.stderr
    assert res.stdout_bytes == (b'{"url":"http://[::1","text":"Hello.\\n"}\n'
                                b'{"url":"https://ok.example/x","text":"fine"}\n')


def test_clean_with_a_malformed_source_flag():
    res = CliRunner().invoke(app, ["clean", "--isolated", "-q", "--source", "http://[::1"],
                             input="Hello.\nShare this article\n")
    assert res.exit_code == 0
    assert res.stdout == "Hello.\n"
