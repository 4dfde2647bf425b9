"""Corpus mode from the command line: `nlcleaner clean` through typer's runner and one real process. The rule set
is the reference pack (--rules, --select, --isolated), so these tests do not follow the built-in packs."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys

import pytest
from corpus_support import ARTICLE, FURNISHED, REFERENCE, cleaner, require
from typer.testing import CliRunner

import nlcleaner.cli.commands  # noqa: F401  (registers the commands)
from nlcleaner.cli import app

RULES = ["--isolated", "--rules", str(REFERENCE), "--select", "social.reference,ad.reference"]


def run(*args, input=None):
    return CliRunner().invoke(app, ["clean", *RULES, *args], input=input)


def _line(obj) -> bytes:
    return (json.dumps(obj) + "\n").encode()


def test_output_dir_of_text_files_matches_clean_bytes(tmp_path):
    src = tmp_path / "src"
    (src / "deep").mkdir(parents=True)
    (src / "a.txt").write_text(FURNISHED)
    (src / "deep" / "b.md").write_text(ARTICLE)
    out = tmp_path / "out"
    result = run("--quiet", "--output-dir", str(out), str(src / "a.txt"), str(src / "deep" / "b.md"))
    assert result.exit_code == 0, result.output
    assert (out / "a.txt").read_bytes() == cleaner().clean_bytes(FURNISHED.encode())[0]
    assert (out / "b.md").read_bytes() == ARTICLE.encode()
    result = run("--quiet", "--output-dir", str(tmp_path / "tree"), str(src))
    assert result.exit_code == 0 and (tmp_path / "tree" / "deep" / "b.md").exists()


def test_two_inputs_to_one_output_is_exit_2_and_writes_nothing(tmp_path):
    for d in ("x", "y"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "a.txt").write_text(ARTICLE)
    out = tmp_path / "out"
    result = run("--output-dir", str(out), str(tmp_path / "x" / "a.txt"), str(tmp_path / "y" / "a.txt"))
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "both be written" in result.stderr
    assert not out.exists()


def test_a_damaged_stream_gets_a_warning_line_a_bad_record_only_its_count(tmp_path):
    good = b"".join(_line({"id": i, "text": FURNISHED}) for i in range(5))
    damaged = bytearray(gzip.compress(good))
    damaged[-6] ^= 0xFF
    src = tmp_path / "in.jsonl.gz"
    src.write_bytes(bytes(damaged))
    result = run("--quiet", "-o", str(tmp_path / "o.jsonl"), str(src))
    assert result.exit_code == 3
    warning, = result.stderr.strip().splitlines()
    assert warning.startswith("nlcleaner: warning: ") and "damaged gzip stream" in warning and "the 5 records" in warning
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(good + b"{oops\n")
    result = run("--quiet", "-o", str(tmp_path / "o2.jsonl"), str(bad))
    assert result.exit_code == 3 and result.stderr == ""


def test_jsonl_with_bad_records_exits_3_and_rejects_take_them(tmp_path):
    src = tmp_path / "in.jsonl.gz"
    src.write_bytes(gzip.compress(_line({"id": 1, "text": FURNISHED}) + b"{oops\n" + _line({"id": 2})))
    out = tmp_path / "out.jsonl.gz"
    rejects = tmp_path / "rejects.jsonl"
    report = tmp_path / "report.jsonl"
    result = run("--quiet", "-o", str(out), "--rejects", str(rejects), "--report", str(report), str(src))
    assert result.exit_code == 3, result.output
    assert gzip.decompress(out.read_bytes()) == _line({"id": 1, "text": cleaner().clean(FURNISHED).text})
    assert rejects.read_bytes() == b'{oops\n{"id": 2}\n'
    lines = [json.loads(x) for x in report.read_text().splitlines()]
    failed = [x for x in lines if x.get("type") == "document" and x.get("error")]
    assert [x["record"] for x in failed] == [1, 2]


def test_annotate_and_drop_through_the_cli(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_bytes(_line({"text": FURNISHED}) + _line({"text": "ADVERTISEMENT\n"}))
    out = tmp_path / "o.jsonl"
    result = run("--quiet", "-o", str(out), "--annotate", "nlc", "--drop-empty", str(src))
    assert result.exit_code == 0, result.output
    recs = [json.loads(x) for x in out.read_bytes().splitlines()]
    assert len(recs) == 1 and len(recs[0]["nlc"]) == 2


def test_stdin_jsonl_streams_to_stdout():
    data = _line({"text": FURNISHED}) + _line({"text": ARTICLE})
    result = run("--quiet", "--input-format", "jsonl", "-", input=data)
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == _line({"text": cleaner().clean(FURNISHED).text}) + _line({"text": ARTICLE})


def test_report_html_and_resume(tmp_path):
    src = tmp_path / "shards"
    src.mkdir()
    for i in range(3):
        (src / f"{i}.jsonl").write_bytes(_line({"url": f"https://s{i}.example.com/", "text": FURNISHED}))
    out = tmp_path / "out"
    page = tmp_path / "r.html"
    result = run("--quiet", "--output-dir", str(out), "--source-field", "url", "--report-html", str(page), str(src))
    assert result.exit_code == 0, result.output
    assert "s2.example.com" in page.read_text()
    (out / "1.jsonl").unlink()
    result = run("--output-dir", str(out), "--resume", "--report", str(tmp_path / "r.json"), str(src))
    assert result.exit_code == 0 and (out / "1.jsonl").exists()
    totals = json.loads((tmp_path / "r.json").read_text())["totals"]
    assert totals["documents"] == 1


@pytest.mark.parametrize("fmt", ["parquet", "warc"])
def test_optional_formats_are_there_under_ci(fmt):
    """The `dev` extra installs every optional format; under CI their absence fails instead of skipping."""
    require({"parquet": "pyarrow", "warc": "fastwarc"}[fmt])


def test_real_process_jobs_and_exit_codes(tmp_path):
    src = tmp_path / "in.jsonl.gz"
    body = b"".join(_line({"id": i, "text": FURNISHED if i % 2 else ARTICLE}) for i in range(2000))
    src.write_bytes(gzip.compress(body + b"not json\n"))
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"o{jobs}.jsonl.gz"
        proc = subprocess.run(
            [sys.executable, "-m", "nlcleaner", "clean", *RULES, "--jobs", jobs, "-o", str(out), str(src)],
            capture_output=True, timeout=300, env={**os.environ, "NO_COLOR": "1"},
        )
        assert proc.returncode == 3, proc.stderr
        assert proc.stdout == b""
        outs.append(gzip.decompress(out.read_bytes()))
    assert outs[0] == outs[1]
    assert outs[0].count(b"\n") == 2001 and outs[0].endswith(b"not json\n")


def test_stdin_jsonl_answers_line_by_line(tmp_path):
    """A producer that waits for each answer (a pipe kept open) gets it without closing its end."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "nlcleaner", "clean", *RULES, "--quiet", "--input-format", "jsonl", "-"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, env={**os.environ, "NO_COLOR": "1"},
    )
    try:
        for text in (FURNISHED, ARTICLE):
            proc.stdin.write(_line({"text": text}))
            proc.stdin.flush()
            assert json.loads(proc.stdout.readline())["text"] == cleaner().clean(text).text
    finally:
        proc.stdin.close()
        assert proc.wait(timeout=60) == 0


@pytest.mark.parametrize("name", ["noise.jsonl", "noise.jsonl.gz"])
def test_a_binary_file_named_jsonl_is_refused_whole(tmp_path, name):
    """A file with a NUL in its first 8 KiB is binary, whatever its name (found by review, helper-42: random bytes
    named .jsonl were read as dozens of bad records and copied to the output folder, exit 3)."""
    src = tmp_path / "src"
    src.mkdir()
    noise = bytes(range(256)) * 40 + b"\n{not json}\n"
    (src / name).write_bytes(gzip.compress(noise) if name.endswith(".gz") else noise)
    (src / "good.jsonl").write_bytes(_line({"id": 1, "text": FURNISHED}))
    out = tmp_path / "out"
    result = run("--output-dir", str(out), str(src))
    assert result.exit_code == 2, result.output
    errors = [line for line in result.stderr.splitlines() if "binary" in line]
    assert len(errors) == 1 and name in errors[0]
    assert sorted(p.name for p in out.iterdir()) == ["good.jsonl"]
    assert (out / "good.jsonl").read_bytes() == _line({"id": 1, "text": cleaner().clean(FURNISHED).text})


def test_the_plain_summary_says_what_resume_skipped_and_where_a_run_stopped(tmp_path):
    """Without a terminal the summary is one line: it says what the table says about the run itself (review,
    helper-42: a --resume run that skipped every input printed "0 documents" alone)."""
    from nlcleaner.corpus.runner import BatchStats
    from nlcleaner.render import summary_line

    src = tmp_path / "a.jsonl"
    src.write_bytes(_line({"id": 1, "text": FURNISHED}))
    out = tmp_path / "out"
    assert run("--output-dir", str(out), "--resume", str(src)).exit_code == 0
    again = run("--output-dir", str(out), "--resume", str(src))
    assert again.exit_code == 0 and "1 input skipped (--resume)" in again.stderr
    assert "interrupted (a.jsonl, record 3)" in summary_line(BatchStats(interrupted="a.jsonl, record 3"))
    assert "interrupted" not in summary_line(BatchStats()) and "skipped" not in summary_line(BatchStats())


@pytest.mark.parametrize("name", ["out.csv", "out.txt", "out.json", "out.tsv.gz"])
def test_output_named_like_another_format_is_refused(tmp_path, name):
    src = tmp_path / "in.jsonl"
    src.write_bytes(_line({"text": FURNISHED}))
    result = run("--quiet", str(src), "-o", str(tmp_path / name))
    assert result.exit_code == 2
    assert "name it .jsonl" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / name).exists()


@pytest.mark.parametrize("name", ["out", "out.part", "out.json.gz"])
def test_output_without_a_format_in_its_name_takes_the_inputs(tmp_path, name):
    src = tmp_path / "in.jsonl"
    src.write_bytes(_line({"text": FURNISHED}))
    result = run("--quiet", str(src), "-o", str(tmp_path / name))
    assert result.exit_code == 0, result.output
    data = (tmp_path / name).read_bytes()
    data = gzip.decompress(data) if name.endswith(".gz") else data
    assert json.loads(data)["text"] == cleaner().clean(FURNISHED).text
