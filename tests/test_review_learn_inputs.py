"""`learn` skipped what it could not read without a word and exited 0 (review, helper-37): a binary file, a line
that is not a JSON object, a record without a text, a stream cut short. It now says what it skipped, in one line,
and exits as `clean` would: 2 for a file that is not text, 3 for bad records; the pack is still written."""

from __future__ import annotations

import gzip

from typer.testing import CliRunner

import nlcleaner.cli.commands  # noqa: F401  (registers the commands)
from nlcleaner.cli import app

GOOD = b'{"text": "A sentence of an article.\\nShare this\\n", "url": "https://a.example/1"}\n'


def run(*args):
    return CliRunner().invoke(app, ["learn", "--isolated", "-q", *args])


def test_bad_records_are_said_and_exit_3(tmp_path):
    src, pack = tmp_path / "c.jsonl", tmp_path / "p.toml"
    src.write_bytes(b"not json\n" + GOOD + b'{"text": 5}\n[1, 2]\n')
    res = run(str(src), "-o", str(pack))
    assert res.exit_code == 3
    assert "skipped 3 records without a readable text" in res.stderr
    assert pack.read_text().startswith("#") or "[pack]" in pack.read_text()


def test_a_file_that_is_not_text_exits_2(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "b.txt").write_bytes(b"A sentence of an article.\n")
    res = run(str(tmp_path), "-o", str(tmp_path / "p.toml"))
    assert res.exit_code == 2 and "skipped 1 file that is not text" in res.stderr


def test_a_stream_cut_short_is_said_once(tmp_path):
    src = tmp_path / "c.jsonl.gz"
    src.write_bytes(gzip.compress(GOOD * 200)[:-40])
    res = run(str(src), "-o", str(tmp_path / "p.toml"))
    # (its last line is not counted as a bad record too)
    assert res.exit_code == 3 and "skipped 1 stream cut short\n" in res.stderr


def test_a_warc_record_that_is_not_one_is_said(tmp_path):
    """(review, helper-38) learn read WARC files without counting what it could not read."""
    src = tmp_path / "c.warc"
    record = (b"WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Target-URI: https://a.example/1\r\n"
              b"Content-Length: 26\r\n\r\nA sentence of an article.\n\r\n\r\n")
    src.write_bytes(record + b"this is not a WARC record\n")
    res = run(str(src), "-o", str(tmp_path / "p.toml"))
    assert res.exit_code == 3 and "skipped 1 record without a readable text" in res.stderr


def test_a_clean_corpus_exits_0_and_says_nothing_of_skipping(tmp_path):
    src = tmp_path / "c.jsonl"
    src.write_bytes(GOOD * 3)
    res = run(str(src), "-o", str(tmp_path / "p.toml"))
    assert res.exit_code == 0 and "skipped" not in res.stderr
