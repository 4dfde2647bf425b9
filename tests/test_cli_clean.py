"""`nlcleaner clean` through typer's runner and real subprocesses: where output goes, --write, --diff, --output-dir,
reports, exit codes, and the hard inputs of issue #3 (empty, huge, binary, broken pack, closed pipe, Ctrl-C)."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import nlcleaner.cli.commands  # noqa: F401  (registers the commands)
from nlcleaner.cli import app
from nlcleaner.records import Removal, apply_removals

from conftest import FIXTURES, ROOT

GOLDEN = FIXTURES / "golden" / "moscow-times-alaska"
DIRTY = (GOLDEN / "input.txt").read_bytes()
CLEAN = (GOLDEN / "expected.txt").read_bytes()
PLAIN = b"The council met on Tuesday.\nIt approved the budget.\n"
BAD_PACK = """[pack]
name = "mine"
description = "broken on purpose"

[[rule]]
id = "donation.my-site"
kind = "phrase"
why = "x"
position = "end"
phrases = ["Give now"]

[rule.examples]
remove = ["Give now"]
keep = ["b"]
"""


def run(*args, input=None):
    return CliRunner().invoke(app, ["clean", "--isolated", *args], input=input)


def cli(*args, input=None, timeout=120, **kw):
    """A real process, as a user runs it."""
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "nlcleaner", *args], input=input, capture_output=True,
                          timeout=timeout, env=env, **kw)


# -- where output goes ------------------------------------------------------------------------------------------
def test_stdin_to_stdout():
    result = run(input=DIRTY)
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes == CLEAN


def test_dash_is_stdin_and_quiet_silences_the_summary():
    result = run("-", "--quiet", input=DIRTY)
    assert result.stdout_bytes == CLEAN
    assert result.stderr == ""


def test_one_file_goes_to_stdout_with_a_summary_on_stderr():
    result = run(str(GOLDEN / "input.txt"))
    assert result.exit_code == 0
    assert result.stdout_bytes == CLEAN
    assert "1 changed" in result.stderr and "donation.moscow-times" in result.stderr


def test_several_inputs_need_a_destination(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes(DIRTY)
    b.write_bytes(PLAIN)
    result = run(str(a), str(b))
    assert result.exit_code == 2
    assert "--output-dir" in result.stderr
    assert result.stdout == ""


def test_a_folder_needs_a_destination(tmp_path):
    (tmp_path / "a.txt").write_bytes(DIRTY)
    assert run(str(tmp_path)).exit_code == 2


# -- --output-dir -----------------------------------------------------------------------------------------------
def test_output_dir_writes_every_input_changed_or_not(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_bytes(DIRTY)
    (src / "b.txt").write_bytes(PLAIN)
    out = tmp_path / "out"
    result = run("--quiet", "--output-dir", str(out), str(src / "a.txt"), str(src / "b.txt"))
    assert result.exit_code == 0, result.stderr
    assert (out / "a.txt").read_bytes() == CLEAN
    assert (out / "b.txt").read_bytes() == PLAIN
    assert (src / "a.txt").read_bytes() == DIRTY  # nothing in place without --write


def test_output_dir_keeps_a_folders_relative_paths(tmp_path):
    src = tmp_path / "src"
    (src / "deep").mkdir(parents=True)
    (src / "deep" / "a.txt").write_bytes(DIRTY)
    out = tmp_path / "out"
    assert run("-q", "--output-dir", str(out), str(src)).exit_code == 0
    assert (out / "deep" / "a.txt").read_bytes() == CLEAN


def test_output_dir_refuses_two_inputs_with_one_output(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    (tmp_path / "x" / "a.txt").write_bytes(DIRTY)
    (tmp_path / "y" / "a.txt").write_bytes(PLAIN)
    out = tmp_path / "out"
    result = run("--output-dir", str(out), str(tmp_path / "x" / "a.txt"), str(tmp_path / "y" / "a.txt"))
    assert result.exit_code == 2
    assert not (out / "a.txt").exists()


def test_output_dir_refuses_to_overwrite_an_input(tmp_path):
    (tmp_path / "a.txt").write_bytes(DIRTY)
    result = run("--output-dir", str(tmp_path), str(tmp_path / "a.txt"))
    assert result.exit_code == 2
    assert (tmp_path / "a.txt").read_bytes() == DIRTY


def test_binary_file_among_good_ones(tmp_path):
    (tmp_path / "a.txt").write_bytes(DIRTY)
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\x00\x00binary")
    (tmp_path / "c.txt").write_bytes(PLAIN)
    out = tmp_path / "out"
    files = [str(tmp_path / n) for n in ("a.txt", "photo.txt", "c.txt")]
    result = run("--output-dir", str(out), *files)
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if "error" in line]
    assert len(errors) == 1 and "photo.txt" in errors[0]
    assert "Traceback" not in result.stderr
    assert (out / "a.txt").read_bytes() == CLEAN
    assert (out / "c.txt").read_bytes() == PLAIN
    assert not (out / "photo.txt").exists()


# -- --write ----------------------------------------------------------------------------------------------------
def test_write_cleans_in_place_and_keeps_the_mode(tmp_path):
    f = tmp_path / "a.md"
    f.write_bytes(DIRTY)
    os.chmod(f, 0o640)
    result = run("--write", str(f))
    assert result.exit_code == 0, result.stderr
    assert f.read_bytes() == CLEAN
    assert stat.S_IMODE(f.stat().st_mode) == 0o640
    assert result.stdout == ""
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]  # no temporary file left behind


def test_write_leaves_an_unchanged_file_alone(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(PLAIN)
    before = f.stat()
    time.sleep(0.01)
    assert run("--write", str(f)).exit_code == 0
    after = f.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_write_through_a_symlink_writes_its_target(tmp_path):
    target = tmp_path / "real.txt"
    target.write_bytes(DIRTY)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    assert run("--write", str(link)).exit_code == 0
    assert link.is_symlink()
    assert target.read_bytes() == CLEAN


def test_write_refuses_stdin():
    assert run("--write", input=DIRTY).exit_code == 2


def test_exit_non_zero_on_fix(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(DIRTY)
    assert run("--write", "--exit-non-zero-on-fix", str(f)).exit_code == 1
    assert run("--write", "--exit-non-zero-on-fix", str(f)).exit_code == 0


# -- --diff -----------------------------------------------------------------------------------------------------
def test_diff_prints_a_unified_diff_and_writes_nothing(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(DIRTY)
    result = run("--diff", str(f))
    assert result.exit_code == 0
    assert result.stdout.startswith(f"--- a/{f}\n+++ b/{f}\n@@ ")
    assert "\n-A Message from The Moscow Times:\n" in result.stdout
    assert not any(line.startswith("+") and not line.startswith("+++") for line in result.stdout.splitlines())
    assert f.read_bytes() == DIRTY


def test_diff_of_a_clean_file_is_empty(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(PLAIN)
    result = run("--diff", str(f))
    assert result.exit_code == 0 and result.stdout == ""


# -- selection and packs ----------------------------------------------------------------------------------------
def test_ignore_and_select_by_prefix():
    assert run("--ignore", "donation", input=DIRTY).stdout_bytes == DIRTY
    assert run("--select", "newsletter,social", input=DIRTY).stdout_bytes == DIRTY
    assert run("--select", "donation.moscow", input=DIRTY).stdout_bytes == CLEAN
    assert run("--select", "social", "--extend-select", "donation", input=DIRTY).stdout_bytes == CLEAN


def test_rules_adds_a_pack(tmp_path):
    pack = tmp_path / "mine.toml"
    pack.write_text(
        '[pack]\nname = "mine"\ndescription = "test"\n\n[[rule]]\nid = "promo.my-podcast"\nkind = "phrase"\n'
        'why = "Our podcast plug."\nphrases = ["Listen to our podcast"]\n\n[rule.examples]\n'
        'remove = ["Text.\\n~~ Listen to our podcast\\n"]\nkeep = ["We listen to podcasts."]\n',
        encoding="utf-8",
    )
    result = run("--rules", str(pack), input=b"The news.\nListen to our podcast\n")
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes == b"The news.\n"


def test_a_broken_pack_is_one_line_naming_file_rule_and_key(tmp_path):
    pack = tmp_path / "mine.toml"
    pack.write_text(BAD_PACK, encoding="utf-8")
    result = run("--rules", str(pack), input=DIRTY)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert str(pack) in lines[0] and "donation.my-site" in lines[0] and "position" in lines[0]
    assert result.stdout == ""


# -- text and bytes ---------------------------------------------------------------------------------------------
def test_empty_input_comes_out_empty(tmp_path):
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    result = run(str(f))
    assert result.exit_code == 0 and result.stdout_bytes == b""
    assert run(input=b"").stdout_bytes == b""


def test_undecodable_bytes_crlf_and_bom_round_trip():
    data = b"\xef\xbb\xbfCaf\xe9 au lait\r\nSecond line\r\n"
    result = run(input=data)
    assert result.exit_code == 0
    assert result.stdout_bytes == data


def test_utf16_is_an_input_error():
    result = run(input="\ufeffhello".encode("utf-16"))
    assert result.exit_code == 2
    assert "UTF-16" in result.stderr


# -- reports ----------------------------------------------------------------------------------------------------
def _replay(entry, original: str) -> str:
    return apply_removals(original, [Removal.from_dict(r) for r in entry["removals"]])


def test_json_report_schema_and_replay(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes(DIRTY)
    b.write_bytes(PLAIN)
    report = tmp_path / "report.json"
    result = run("-q", "--output-dir", str(tmp_path / "out"), "--report", str(report), "--report-format", "json",
                 str(a), str(b))
    assert result.exit_code == 0, result.stderr
    data = json.loads(report.read_text(encoding="ascii"))
    assert set(data) == {"documents", "totals"}
    [doc] = data["documents"]  # only changed, flagged or failed documents
    assert {"path", "record", "id", "applied", "flags", "removals"} <= set(doc)
    assert doc["path"].endswith("a.txt") and doc["applied"] is True and doc["flags"] == []
    assert set(doc["removals"][0]) == {"rule", "category", "start_line", "end_line", "start", "end", "text"}
    assert _replay(doc, DIRTY.decode()) == CLEAN.decode()
    totals = data["totals"]
    assert totals["documents"] == 2 and totals["changed"] == 1
    assert totals["rules"] == {"donation.moscow-times": 1} and totals["categories"] == {"donation": 1}
    import nlcleaner

    assert totals["version"] == nlcleaner.__version__
    assert isinstance(totals["packs_hash"], str) and totals["packs_hash"]
    assert totals["settings"]["guard"] == 0.6 and "select" in totals["settings"]


def test_jsonl_report_appends_documents_then_totals(tmp_path):
    report = tmp_path / "report.jsonl"
    for _ in range(2):  # two runs (or two hook processes) share one file
        assert run("--report", str(report), "--report-format", "jsonl", input=DIRTY).exit_code == 0
    lines = [json.loads(x) for x in report.read_text(encoding="ascii").splitlines()]
    assert [x["type"] for x in lines] == ["document", "totals", "document", "totals"]
    assert lines[0]["path"] == "-" and lines[0]["record"] is None and lines[0]["id"] is None
    assert _replay(lines[0], DIRTY.decode()) == CLEAN.decode()


def test_report_format_follows_the_extension_and_text_reports_for_people(tmp_path):
    report = tmp_path / "removed.txt"
    assert run("--report", str(report), input=DIRTY).exit_code == 0
    text = report.read_text(encoding="utf-8")
    assert "donation.moscow-times" in text and "lines 10-18" in text and "characters removed 1035" in text


def test_report_escapes_to_ascii_and_round_trips_any_text(tmp_path):
    report = tmp_path / "r.jsonl"
    data = "Новости дня.\n".encode() + DIRTY.replace(b"Dear readers,", b"Dear readers, \xff\xfe")
    assert run("--report", str(report), input=data).exit_code == 0
    raw = report.read_bytes()
    assert all(b < 128 for b in raw)
    doc = json.loads(raw.splitlines()[0])
    original = data.decode("utf-8", "surrogateescape")
    assert _replay(doc, original).encode("utf-8", "surrogateescape") == run(input=data).stdout_bytes


def test_report_lists_failed_documents(tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01")
    (tmp_path / "a.txt").write_bytes(DIRTY)
    report = tmp_path / "r.json"
    result = run("--output-dir", str(tmp_path / "out"), "--report", str(report), str(tmp_path / "a.txt"),
                 str(tmp_path / "bin.txt"))
    assert result.exit_code == 2
    docs = json.loads(report.read_text())["documents"]
    failed = [d for d in docs if d.get("error")]
    assert len(failed) == 1 and failed[0]["path"].endswith("bin.txt")
    assert json.loads(report.read_text())["totals"]["failed"] == 1


# -- real processes ---------------------------------------------------------------------------------------------
def test_subprocess_stdin_to_stdout_and_summary_is_plain():
    proc = cli("clean", input=DIRTY)
    assert proc.returncode == 0
    assert proc.stdout == CLEAN
    assert b"\x1b[" not in proc.stderr and b"1 changed" in proc.stderr


def test_subprocess_output_dir_as_the_scorer_runs_it(tmp_path):
    a = tmp_path / "a.txt"
    a.write_bytes(DIRTY)
    proc = cli("clean", "--quiet", "--output-dir", str(tmp_path / "out"), str(a))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == b""
    assert (tmp_path / "out" / "a.txt").read_bytes() == CLEAN


def test_closed_pipe_ends_quietly(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"The council approved the budget on Tuesday after a long debate.\n" * 40000)
    proc = subprocess.run(f"{sys.executable} -m nlcleaner clean {big} | head -1", shell=True, capture_output=True,
                          timeout=120)
    assert proc.stdout == b"The council approved the budget on Tuesday after a long debate.\n"
    assert b"Traceback" not in proc.stderr and b"BrokenPipe" not in proc.stderr and b"Exception" not in proc.stderr


def test_ctrl_c_exits_130_without_a_traceback():
    # (Ctrl-C as a shell delivers it: a test process may have been left ignoring SIGINT, which a child inherits, and
    # Python then installs no KeyboardInterrupt handler)
    proc = subprocess.Popen([sys.executable, "-m", "nlcleaner", "clean"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    _wait_until_it_reads_stdin(proc)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert b"Traceback" not in err


def _wait_until_it_reads_stdin(proc, at_most: float = 120.0) -> None:
    """Until the process waits on its stdin, past its start-up (on Linux, where its wait channel says so; elsewhere
    for three seconds). No fixed wait is enough: with the pack cache still to be built, a start-up takes ~16 s."""
    channel = Path(f"/proc/{proc.pid}/wchan")
    if not channel.exists():
        time.sleep(3)
        return
    deadline = time.monotonic() + at_most
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if channel.read_text().endswith(("pipe_read", "pipe_wait")):
                return
        except OSError:
            return
        time.sleep(0.05)


def test_a_50_mb_line_is_cleaned_in_well_under_a_minute(tmp_path):
    big = tmp_path / "line.txt"
    chunk = b"word support donate share the news of the day and more "
    big.write_bytes(chunk * (50_000_000 // len(chunk) + 1))
    t0 = time.monotonic()
    proc = cli("clean", "--quiet", "--output-dir", str(tmp_path / "out"), str(big), timeout=120)
    elapsed = time.monotonic() - t0
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "out" / "line.txt").stat().st_size == big.stat().st_size
    assert elapsed < 60, elapsed  # ~10 s on an idle machine; the bound leaves room for a loaded CI runner


def test_no_traceback_for_a_missing_file(tmp_path):
    proc = cli("clean", str(tmp_path / "nope.txt"))
    assert proc.returncode == 2
    assert proc.stderr.decode().strip().startswith("nlcleaner: error:") and b"Traceback" not in proc.stderr


def test_parallel_processes_share_one_jsonl_report(tmp_path):
    report = tmp_path / "shared.jsonl"
    procs = []
    for i in range(4):
        files = []
        for j in range(3):
            f = tmp_path / f"p{i}-{j}.md"
            f.write_bytes(DIRTY)
            files.append(str(f))
        procs.append(subprocess.Popen(
            [sys.executable, "-m", "nlcleaner", "fix", "--isolated", "-q", "--report", str(report), *files],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE))
    for p in procs:
        p.communicate(timeout=120)
        assert p.returncode == 1
    lines = [json.loads(x) for x in report.read_text(encoding="ascii").splitlines()]
    assert sorted(x["type"] for x in lines) == ["document"] * 12 + ["totals"] * 4
    assert sum(x["documents"] for x in lines if x["type"] == "totals") == 12


def test_without_stderr_the_summary_never_reaches_stdout(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(DIRTY)
    proc = subprocess.run(f"{sys.executable} -m nlcleaner clean {f} 2>&-", shell=True, capture_output=True,
                          timeout=120)
    assert proc.returncode == 0 and proc.stdout == CLEAN


def test_write_and_diff_refuse_corpus_files(tmp_path):
    f = tmp_path / "a.jsonl"
    f.write_text('{"text": "x"}\n', encoding="utf-8")
    for flag in ("--write", "--diff"):
        result = run(flag, str(f))
        assert result.exit_code == 2 and "--output-dir" in result.stderr
    assert f.read_text(encoding="utf-8") == '{"text": "x"}\n'


def test_one_jsonl_file_goes_to_stdout_as_jsonl(tmp_path):
    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps({"id": "x", "text": DIRTY.decode()}) + "\n", encoding="utf-8")
    result = run("-q", str(f))
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["id"] == "x" and record["text"] == CLEAN.decode()


def test_report_of_a_guard_flagged_document(tmp_path):
    reference = ROOT / "nlcleaner" / "packs" / "reference" / "reference.toml"
    appeal = (b"The river rose two metres overnight, and three villages downstream were evacuated before dawn.\n"
              b"Dear readers, our journalism is free for everyone.\n"
              b"If you value it, please donate today.\n"
              b"Donate now\n")
    report = tmp_path / "r.jsonl"
    result = run("--rules", str(reference), "--select", "donation.reference", "--guard", "0.1", "--report",
                 str(report), input=appeal)
    assert result.exit_code == 0 and result.stdout_bytes == appeal  # held back: nothing removed
    doc, totals = [json.loads(x) for x in report.read_text().splitlines()]
    assert doc["applied"] is False and doc["flags"] == ["guard"] and doc["removals"] == []
    assert doc["held"][0]["rule"] == "donation.reference-appeal"
    assert totals["flagged"] == 1 and totals["changed"] == 0
    assert totals["settings"]["guard"] == 0.1 and totals["settings"]["report-format"] == "jsonl"
