"""Review: "Errors are one line on stderr (`nlcleaner: error: ...`)". A usage error caught by click (a bad option
value, an unknown option or command, a missing argument) printed click's three-line block instead."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize("args", [
    ["clean", "--jobs", "abc"],
    ["clean", "--no-such-option"],
    ["explain"],
    ["no-such-command"],
])
def test_usage_errors_are_one_line(args):
    proc = subprocess.run([sys.executable, "-m", "nlcleaner", *args], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=60)
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("nlcleaner: error: ")
    assert "--help" in lines[0]


def test_bare_command_still_shows_help():
    proc = subprocess.run([sys.executable, "-m", "nlcleaner"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert "Commands:" in proc.stdout + proc.stderr


@pytest.mark.parametrize("args, says", [
    (["clean", "--min-chars", "-5", "-o", "OUT.jsonl", "IN.jsonl"], "--min-chars must be 0 or more"),
    (["learn", "--min-share", "2", "IN.jsonl"], "--min-share is a share"),
])
def test_values_out_of_range_are_refused(tmp_path, args, says):
    """Found by review (helper-54): a negative --min-chars and a share above 1 were taken without a word."""
    src = tmp_path / "IN.jsonl"
    src.write_text('{"text": "A line of text."}\n', encoding="utf-8")
    args = [str(tmp_path / a) if a.isupper() else a for a in args]
    proc = subprocess.run([sys.executable, "-m", "nlcleaner", *args], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=60)
    assert proc.returncode == 2 and says in proc.stderr and len(proc.stderr.splitlines()) == 1
    assert not (tmp_path / "OUT.jsonl").exists()


def test_a_bad_json_record_is_described_once():
    from nlcleaner.corpus.formats.jsonl import scan

    with pytest.raises(ValueError) as info:
        scan('{"text": "a\x01"}')
    assert " at at " not in str(info.value) and "column" in str(info.value)


def test_a_folder_without_a_destination_is_named_as_a_folder(tmp_path):
    """Found by review (helper-54): `clean emptydir` said "several inputs need --output-dir"."""
    (tmp_path / "empty").mkdir()
    (tmp_path / "one").mkdir()
    (tmp_path / "one" / "a.txt").write_text("Text.\n", encoding="utf-8")
    (tmp_path / "two").mkdir()
    for name in ("a.txt", "b.txt"):
        (tmp_path / "two" / name).write_text("Text.\n", encoding="utf-8")
    for folder in ("empty", "one", "two"):
        proc = subprocess.run([sys.executable, "-m", "nlcleaner", "clean", "--isolated", str(tmp_path / folder)],
                              capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60)
        assert proc.returncode == 2 and proc.stdout == ""
        assert proc.stderr == "nlcleaner: error: a folder needs --output-dir DIR, --write or -o FILE\n"
