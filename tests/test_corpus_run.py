"""The batch runner itself: bounded work in flight, Ctrl-C leaving complete records, progress bar only on a
terminal."""

from __future__ import annotations

import io
import json

import pytest
from corpus_support import ARTICLE, FURNISHED, cleaner, resolved

from nlcleaner.corpus import Interrupted, run_batch
from nlcleaner.corpus import runner as runner_mod
from nlcleaner.corpus.formats import jsonl


def _shard(path, n, start=0):
    path.write_bytes(b"".join((json.dumps({"id": i, "text": FURNISHED}) + "\n").encode()
                              for i in range(start, start + n)))
    return path


@pytest.mark.parametrize("jobs", [1, 2])
def test_memory_is_bounded_by_the_documents_in_flight(tmp_path, monkeypatch, jobs):
    monkeypatch.setattr(runner_mod, "CHUNK_DOCS", 10)
    read = {"n": 0}
    original = jsonl.read

    def counting(*a, **kw):
        for unit in original(*a, **kw):
            if unit.payload is not None:
                read["n"] += 1
            yield unit

    monkeypatch.setattr(jsonl, "read", counting)
    src = _shard(tmp_path / "big.jsonl", 3000)
    ahead = []
    run_batch([str(src)], resolved(jobs=jobs), output_dir=None, output=tmp_path / "o.jsonl",
              on_outcome=lambda o: ahead.append(read["n"] - o.record))
    # at most (2 * workers + 2) chunks of 10 are read ahead of the record being written
    assert max(ahead) <= (2 * jobs + 2) * 10 + 1
    assert len(ahead) == 3000


@pytest.mark.parametrize("jobs", [1, 2])
def test_ctrl_c_leaves_complete_records_and_says_where(tmp_path, jobs):
    a = _shard(tmp_path / "a.jsonl", 50)
    b = _shard(tmp_path / "b.jsonl", 800, start=50)
    out = tmp_path / "out.jsonl"

    def stop(outcome):
        if outcome.path == str(b) and outcome.record == 300:
            raise KeyboardInterrupt

    with pytest.raises(Interrupted) as info:
        run_batch([str(a), str(b)], resolved(jobs=jobs), output_dir=None, output=out, on_outcome=stop)
    assert info.value.where == f"{b}, record 300"
    assert info.value.stats.documents == 351 and info.value.stats.interrupted == info.value.where
    lines = out.read_bytes().splitlines(keepends=True)
    assert all(line.endswith(b"\n") for line in lines)
    recs = [json.loads(x) for x in lines]
    assert [r["id"] for r in recs] == list(range(len(recs))) and len(recs) >= 350
    assert not list(tmp_path.glob(".*nlcleaner-tmp"))


def test_ctrl_c_in_output_dir_marks_the_open_shard_partial_and_resume_redoes_it(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    _shard(src / "a.jsonl", 20)
    _shard(src / "b.jsonl", 500)
    _shard(src / "c.jsonl", 20)
    out = tmp_path / "out"

    def stop(outcome):
        if outcome.path.endswith("b.jsonl") and outcome.record == 100:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_batch([str(src)], resolved(jobs=1), output_dir=out, output=None, on_outcome=stop)
    assert (out / "a.jsonl").exists() and not (out / "b.jsonl").exists() and not (out / "c.jsonl").exists()
    partial = (out / "b.jsonl.partial").read_bytes().splitlines()
    assert all(json.loads(x)["text"] == cleaner().clean(FURNISHED).text for x in partial)
    seen = []
    stats = run_batch([str(src)], resolved(resume=True), output_dir=out, output=None, on_outcome=seen.append)
    assert stats.skipped == [str(src / "a.jsonl")] and stats.documents == 520
    assert len((out / "b.jsonl").read_bytes().splitlines()) == 500


def test_an_error_midway_leaves_no_half_written_file(tmp_path):
    src = _shard(tmp_path / "a.jsonl", 100)

    def boom(outcome):
        if outcome.record == 50:
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        run_batch([str(src)], resolved(), output_dir=tmp_path / "o", output=None, on_outcome=boom)
    assert not [p for p in (tmp_path / "o").iterdir()]


class _Tty(io.StringIO):
    def isatty(self):
        return True


def test_progress_bar_only_on_a_terminal(tmp_path):
    from nlcleaner.corpus.progress import ProgressBar

    piped = io.StringIO()
    with ProgressBar(100, enabled=True, stream=piped) as bar:
        bar.advance(1, 50)
    assert piped.getvalue() == "" and not bar.enabled
    tty = _Tty()
    with ProgressBar(100, enabled=True, stream=tty) as bar:
        bar.advance(3, 100)
    assert bar.enabled and bar.docs == 3


def test_progress_true_on_a_pipe_prints_nothing(tmp_path, capsys):
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE)
    run_batch([str(src)], resolved(), output_dir=tmp_path / "o", output=None, on_outcome=None, progress=True)
    assert capsys.readouterr().err == ""


SCRIPT = """
import sys, json
sys.path.insert(0, {tests!r})
from pathlib import Path
from corpus_support import resolved
from nlcleaner.corpus import Interrupted, run_batch
n = [0]
def seen(o):
    n[0] += 1
    if n[0] == 200:
        print("started", flush=True)
try:
    run_batch([{src!r}], resolved(jobs={jobs}), output_dir=None, output=Path({out!r}), on_outcome=seen)
    print("finished")
except Interrupted as exc:
    print("stopped:", exc.where, exc.stats.documents)
    sys.exit(130)
"""


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_real_sigint_stops_between_records(tmp_path, jobs):
    import gzip
    import signal
    import subprocess
    import sys
    from pathlib import Path

    src = tmp_path / "big.jsonl"
    _shard(src, 60000)
    out = tmp_path / "out.jsonl.gz"
    script = SCRIPT.format(tests=str(Path(__file__).parent), src=str(src), out=str(out), jobs=jobs)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "started"
    proc.send_signal(signal.SIGINT)
    rest = proc.stdout.read()
    assert proc.wait(timeout=60) == 130, rest
    assert rest.startswith(f"stopped: {src}, record ")
    written = int(rest.split()[-1])
    lines = gzip.decompress(out.read_bytes()).splitlines(keepends=True)  # a complete gzip stream
    assert len(lines) == written and all(json.loads(x)["id"] == i for i, x in enumerate(lines))


@pytest.mark.parametrize("jobs", [1, 2])
def test_outcomes_carry_the_cleaned_text_unless_told_not_to(tmp_path, jobs):
    """`run_batch(texts=False)` (the CLI's way: its reports read removals, never texts) gives outcomes whose result
    has no text — from worker processes it is not sent back — with the same removals, and the same output."""
    import json

    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": FURNISHED if i % 2 else ARTICLE}) + "\n" for i in range(40)))
    runs = {}
    for texts in (True, False):
        seen = []
        out = tmp_path / f"out-{texts}.jsonl"
        run_batch([str(src)], resolved(jobs=jobs), output_dir=None, output=out, on_outcome=seen.append, texts=texts)
        runs[texts] = (seen, out.read_bytes())
    (kept, with_texts), (slim, without) = runs[True], runs[False]
    assert with_texts == without and without.count(b"ADVERTISEMENT") == 0
    assert [o.result.text for o in kept] == [cleaner().clean(FURNISHED if i % 2 else ARTICLE).text for i in range(40)]
    assert all(o.result.text is None for o in slim)
    assert [o.result.removals for o in slim] == [o.result.removals for o in kept]
    assert sum(o.changed for o in slim) == 20
