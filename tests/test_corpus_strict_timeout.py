"""--strict in corpus mode: a user pattern that times out stops the run with one error line that names the input and,
in a JSONL, Parquet or WARC file, the record (its index, as the report's `record` and the Ctrl-C message give it), as
the single-file commands name their file (test_cli_leftovers). Exit 2; nothing half-written is left behind.

Before, corpus mode said only `nlcleaner: error: rule 'ad.catastrophic' (...): pattern timed out ...`: the worker
cleans a chunk of documents together, and the error reached the command line without its document."""

from __future__ import annotations

import json

import pytest

from corpus_support import require
from test_cli_leftovers import EVIL, run  # (the real entry point: one error line, exit codes, no traceback)
from test_corpus_warc import _record
from test_decisions import CATASTROPHIC, _pack  # (the user pattern that backtracks: `^(a|aa)+$`)

FINE = "Fine text.\n"
RECORDS = [{"id": f"r{i}", "text": EVIL if i == 2 else FINE} for i in range(4)]  # record 2 sets the pattern off


def _strict(tmp_path, *args):
    """`clean --strict` with the catastrophic pack, in tmp_path: (exit code, the stderr lines, files in out/)."""
    _pack(tmp_path, CATASTROPHIC, name="mine")
    (tmp_path / "out").mkdir()
    result = run("clean", "--isolated", "--rules", "mine.toml", "--strict", *args, cwd=tmp_path)
    left = sorted(p.name for p in (tmp_path / "out").iterdir())
    return result.returncode, result.stderr.decode().splitlines(), left


def _names(lines: list[str], where: str) -> bool:
    [line] = lines  # (one line: no traceback, no summary)
    return line.startswith(f"nlcleaner: error: {where}: rule 'ad.catastrophic' (") and "timed out" in line


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_folder_of_text_files_with_output_dir_names_the_file(tmp_path, jobs):
    (tmp_path / "arts").mkdir()
    for name, text in (("a-fine.txt", FINE), ("b-evil.txt", EVIL), ("c-fine.txt", FINE)):
        (tmp_path / "arts" / name).write_text(text)
    code, lines, left = _strict(tmp_path, "--jobs", jobs, "--output-dir", "out", "arts")
    assert code == 2 and _names(lines, "arts/b-evil.txt"), lines
    assert left == []


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_jsonl_file_with_o_names_the_file_and_the_record(tmp_path, jobs):
    (tmp_path / "in.jsonl").write_text("".join(json.dumps(r) + "\n" for r in RECORDS))
    code, lines, left = _strict(tmp_path, "--jobs", jobs, "-o", "out/clean.jsonl", "in.jsonl")
    assert code == 2 and _names(lines, "in.jsonl, record 2"), lines
    assert left == []


def test_a_single_text_file_into_output_dir_names_it(tmp_path):
    """(a chunk of one document is cleaned alone, not together with others: the error names it all the same)"""
    (tmp_path / "evil.txt").write_text(EVIL)
    code, lines, left = _strict(tmp_path, "--jobs", "2", "--output-dir", "out", "evil.txt")
    assert code == 2 and _names(lines, "evil.txt"), lines
    assert left == []


def test_a_warc_file_names_the_record(tmp_path):
    (tmp_path / "in.warc").write_bytes(b"".join(_record(b"conversion", r["text"].encode(), n=i)
                                                for i, r in enumerate(RECORDS)))
    code, lines, left = _strict(tmp_path, "--jobs", "2", "-o", "out/clean.warc", "in.warc")
    assert code == 2 and _names(lines, "in.warc, record 2"), lines
    assert left == []


def test_a_parquet_file_names_the_record(tmp_path):
    pa, pq = require("pyarrow"), require("pyarrow.parquet")
    pq.write_table(pa.Table.from_pylist(RECORDS), tmp_path / "in.parquet")
    code, lines, left = _strict(tmp_path, "--jobs", "1", "-o", "out/clean.parquet", "in.parquet")
    assert code == 2 and _names(lines, "in.parquet, record 2"), lines
    assert left == []
