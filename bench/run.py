"""nlcleaner's throughput benchmark (not a test): one command, figures printed as a table.

    python bench/run.py                         # 200 MB corpus built from the dev dumps (or the fixtures)
    python bench/run.py --size 50 --quick       # smaller and without the document-size sweep
    python bench/run.py --from my.jsonl         # any JSONL with a "text" field, repeated up to --size MB

Every figure is the wall time of a whole process (start-up and pack loading included) pinned to one core, so the
ratios between nlcleaner, a plain orjson read/write round trip and DataTrove's C4 line filter hold on a noisy
machine. Corpora are written under --dir (default: $TMPDIR/nlcleaner-bench) and reused when they exist.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "corpus" / "dev"
MB = 1_000_000

ORJSON_ROUND_TRIP = r"""
import sys, orjson
with open(sys.argv[1], "rb") as src, open(sys.argv[2], "wb") as dst:
    for line in src:
        rec = orjson.loads(line)
        dst.write(orjson.dumps(rec) + b"\n")
"""

C4_FILTER = r"""
import sys, orjson
from datatrove.data import Document
from datatrove.pipeline.filters import C4QualityFilter
f = C4QualityFilter()  # the default C4 rules: line filters + document checks
with open(sys.argv[1], "rb") as src, open(sys.argv[2], "wb") as dst:
    for i, line in enumerate(src):
        rec = orjson.loads(line)
        doc = Document(text=rec["text"], id=str(i))
        f.filter(doc)  # the line filter rewrites doc.text (documents it would drop are kept: same output volume)
        rec["text"] = doc.text
        dst.write(orjson.dumps(rec) + b"\n")
"""

BARE_TYPER = r"""
import sys, typer
app = typer.Typer(add_completion=False)
@app.command()
def clean(path: str):
    sys.stdout.write(open(path, encoding="utf-8").read())
app()
"""

MEASURE = r"""
import resource, subprocess, sys, time
t = time.perf_counter()
rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
dt = time.perf_counter() - t
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
print(dt, ru.ru_maxrss, rc, ru.ru_utime + ru.ru_stime)
"""
STARTUP_RUNS = 31  # interleaved runs of each program for the start-up figure (medians), after two warm-up runs


def _cores(n: int) -> list[int]:
    have = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
    return have[:n]


def run(cmd: list[str], cores: int = 1, env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one process (and its children), pinned to `cores` cores; `env`: variables
    set for it."""
    pin = _cores(cores)

    def pin_me():
        if pin and hasattr(os, "sched_setaffinity"):
            os.sched_setaffinity(0, pin)

    out = subprocess.run(
        [sys.executable, "-c", MEASURE, *cmd], capture_output=True, text=True, preexec_fn=pin_me, check=True,
        env={**os.environ, **(env or {})},
    ).stdout.split()
    seconds, rss_kb, rc = float(out[0]), int(out[1]), int(out[2])
    if rc not in (0, 3):
        raise SystemExit(f"benchmark command failed ({rc}): {' '.join(cmd)}")
    return seconds, rss_kb / 1024


def startup(work: Path) -> dict[str, float]:
    """`nlcleaner clean one-line.txt` against a bare typer app that prints the file: the median wall and CPU seconds
    of STARTUP_RUNS runs of each, interleaved, pinned to one core. Both run with a bytecode cache (under `work`),
    as an installed package has one, even where PYTHONDONTWRITEBYTECODE is set: without it every run would compile
    nlcleaner's own modules again (tens of ms) while the typer app's libraries keep their installed bytecode."""
    one = work / "one-line.txt"
    one.write_text("A single line of article text.\n", encoding="utf-8")
    bare = work / "bare_typer.py"
    bare.write_text(BARE_TYPER, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    pin = _cores(1)

    def pin_me():
        if pin and hasattr(os, "sched_setaffinity"):
            os.sched_setaffinity(0, pin)

    nl = [sys.executable, "-m", "nlcleaner", "clean", str(one)]
    programs = {"nl": (nl, env), "typer": ([sys.executable, str(bare), str(one)], env)}
    if all(importlib.util.find_spec(name) for name in ("ahocorasick", "re2")):  # what `pip install nlcleaner` runs
        programs["nl_no_hyperscan"] = (nl, {**env, "NLCLEANER_PREFILTER": "ahocorasick"})
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in programs}
    for i in range(STARTUP_RUNS + 2):
        for name, (cmd, cmd_env) in programs.items():
            out = subprocess.run([sys.executable, "-c", MEASURE, *cmd], capture_output=True, text=True, env=cmd_env,
                                 preexec_fn=pin_me, check=True).stdout.split()
            if int(out[2]) != 0:
                raise SystemExit(f"benchmark command failed ({out[2]}): {' '.join(cmd)}")
            if i >= 2:  # the first runs write the bytecode (and, after a pack change, the pack cache)
                times[name].append((float(out[0]), float(out[3])))
    med = {name: (statistics.median(w for w, _ in t), statistics.median(c for _, c in t)) for name, t in times.items()}
    got = {"start_s": med["nl"][0], "start_typer_s": med["typer"][0], "start_cpu_s": med["nl"][1],
           "start_typer_cpu_s": med["typer"][1]}
    if "nl_no_hyperscan" in med:
        got["start_no_hyperscan_s"] = med["nl_no_hyperscan"][0]
    return got


def nlcleaner_cmd(src: Path, dst: Path, jobs: int = 1) -> list[str]:
    return [sys.executable, "-m", "nlcleaner", "clean", "--quiet", "--jobs", str(jobs), "--input-format", "jsonl",
            str(src), "-o", str(dst)]


# corpora ------------------------------------------------------------------------------------------------------


def dumps(source: str | None) -> list[str]:
    if source:
        out = []
        with open(source, "rb") as fh:
            for line in fh:
                rec = json.loads(line)
                if isinstance(rec.get("text"), str):
                    out.append(rec["text"])
        return out
    files = sorted(DEV.glob("*.txt")) or sorted((ROOT / "fixtures").rglob("*.txt"))
    return [p.read_bytes().decode("utf-8", "surrogateescape") for p in files]


def write_jsonl(path: Path, texts, size_mb: float) -> Path:
    if path.exists() and path.stat().st_size >= size_mb * MB * 0.95:
        return path
    tmp = path.with_suffix(".part")
    written, i = 0, 0
    texts = list(texts)
    with open(tmp, "w", encoding="utf-8") as fh:
        while written < size_mb * MB:
            text = texts[i % len(texts)]
            line = json.dumps({"id": f"doc-{i}", "url": f"https://example.org/{i}", "text": text}) + "\n"
            fh.write(line)
            written += len(line.encode("utf-8", "surrogateescape"))
            i += 1
    tmp.replace(path)
    return path


def sized_documents(texts: list[str], size: int, total_mb: float) -> list[str]:
    """Documents of about `size` characters, made of whole lines of the dumps, enough for `total_mb`."""
    lines = [ln for t in texts for ln in t.split("\n")]
    out, cur, cur_len, k = [], [], 0, 0
    need = int(total_mb * MB)
    made = 0
    while made < need:
        ln = lines[k % len(lines)]
        k += 1
        cur.append(ln)
        cur_len += len(ln) + 1
        if cur_len >= size:
            doc = "\n".join(cur) + "\n"
            out.append(doc)
            made += len(doc)
            cur, cur_len = [], 0
            if len(out) * size >= need:
                break
    return out


def words(texts: list[str]) -> list[str]:
    rng = random.Random(7)
    vocab = sorted({w for t in texts[:400] for w in t.split() if w.isalpha() and 3 <= len(w) <= 12})
    return [rng.choice(vocab) for _ in range(200_000)]


# measurements -------------------------------------------------------------------------------------------------


def mbps(path: Path, seconds: float) -> float:
    return path.stat().st_size / MB / seconds


def startup_row(figures: dict, row, work: Path) -> None:
    got = startup(work)
    figures.update(got)
    row("nlcleaner clean one-line.txt (start-up)", f"{got['start_s']:.3f} s",
        f"bare typer app {got['start_typer_s']:.3f} s, +{got['start_s'] - got['start_typer_s']:.3f} s; CPU "
        f"{got['start_cpu_s']:.3f} s vs {got['start_typer_cpu_s']:.3f} s, "
        f"+{got['start_cpu_s'] - got['start_typer_cpu_s']:.3f} s")
    if "start_no_hyperscan_s" in got:
        row("  the same without hyperscan", f"{got['start_no_hyperscan_s']:.3f} s",
            f"+{got['start_no_hyperscan_s'] - got['start_typer_s']:.3f} s over the bare typer app")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=float, default=200, help="MB of JSONL for the main corpus (default 200)")
    ap.add_argument("--from", dest="source", help="a JSONL file to take the documents from (field 'text')")
    ap.add_argument("--dir", default=os.path.join(tempfile.gettempdir(), "nlcleaner-bench"))
    ap.add_argument("--quick", action="store_true", help="skip the document-size sweep and the large single files")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON as well")
    ap.add_argument("--c4-mb", type=float, default=20, help="MB of the corpus given to the (slow) C4 filter")
    ap.add_argument("--startup", action="store_true", help="measure only the start-up figure (seconds, not minutes)")
    args = ap.parse_args(argv)
    work = Path(args.dir)
    work.mkdir(parents=True, exist_ok=True)
    if args.startup:
        only: dict[str, float] = {}
        startup_row(only, lambda name, value, note="": print(f"  {name:<46} {value:>14}  {note}"), work)
        if args.json:
            print(json.dumps(only, indent=2))
        return 0
    texts = dumps(args.source)
    tag = "from" if args.source else "dev"
    main_corpus = write_jsonl(work / f"corpus-{tag}-{int(args.size)}mb.jsonl", texts, args.size)
    out = work / "out.jsonl"
    rows: list[tuple[str, str, str]] = []
    figures: dict[str, float] = {}

    def row(name, value, note=""):
        rows.append((name, value, note))
        print(f"  {name:<46} {value:>14}  {note}", flush=True)

    print(f"corpus: {main_corpus} ({main_corpus.stat().st_size / MB:.0f} MB), one core", flush=True)
    # the first Cleaner after a pack change builds the pack cache (and hyperscan's databases): time it apart
    cold = subprocess.run(
        [sys.executable, "-c", "import time; t=time.perf_counter(); from nlcleaner import Cleaner; c=Cleaner(); "
         "c.clean('Sign up for our newsletter.\\nShare this article\\n'); "
         "print(time.perf_counter()-t, c._prefilter.backend)"], capture_output=True, text=True, check=True
    ).stdout.split()
    figures["pack_load_first_s"] = float(cold[0])
    row("prefilter backend", cold[1])
    row("first pack load + one document (builds the caches if stale)", f"{float(cold[0]):.2f} s")
    t1, rss = run(nlcleaner_cmd(main_corpus, out, 1))
    t = t1
    rate = figures["nlcleaner"] = mbps(main_corpus, t)
    row("nlcleaner clean --jobs 1 (JSONL in/out)", f"{rate:.2f} MB/s", f"{t:.1f} s, peak {rss:.0f} MB")
    figures["peak_rss_mb"] = rss
    try:
        import orjson  # noqa: F401

        t, _ = run([sys.executable, "-c", ORJSON_ROUND_TRIP, str(main_corpus), str(out)])
        figures["orjson"] = mbps(main_corpus, t)
        row("orjson read/write round trip", f"{figures['orjson']:.1f} MB/s", f"nlcleaner = {rate / figures['orjson']:.3f}x")
    except ImportError:
        row("orjson read/write round trip", "n/a", "pip install orjson")
    try:
        import datatrove  # noqa: F401
        import spacy  # noqa: F401  (C4QualityFilter's default word tokenizer: without it the filter will not start)

        c4_corpus = write_jsonl(work / f"corpus-{tag}-{int(min(args.size, args.c4_mb))}mb.jsonl", texts,
                                min(args.size, args.c4_mb))
        t, _ = run([sys.executable, "-c", C4_FILTER, str(c4_corpus), str(out)])
        figures["c4"] = mbps(c4_corpus, t)
        row("DataTrove C4 line filter", f"{figures['c4']:.1f} MB/s", f"nlcleaner = {rate / figures['c4']:.2f}x")
    except ImportError:
        row("DataTrove C4 line filter", "n/a", "pip install datatrove spacy")
    t2, _ = run(nlcleaner_cmd(main_corpus, out, 2), cores=2)
    figures["jobs2_speedup"] = t1 / t2
    row("--jobs 2 vs --jobs 1 (two cores)", f"{figures['jobs2_speedup']:.2f}x", f"{mbps(main_corpus, t2):.2f} MB/s")
    # without the hyperscan extra (what `pip install nlcleaner` gives): its keys by pyahocorasick or the trie, the
    # RE2 gate (on the whole corpus: its DFA's states are built over the first tens of MB); and keys alone
    # (NLCLEANER_GATE=0), on a slice since they are slow
    small = write_jsonl(work / f"corpus-{tag}-{int(min(args.size, args.c4_mb))}mb.jsonl", texts,
                        min(args.size, args.c4_mb))
    for key, label, env, corpus in (
        ("no_hyperscan", "without hyperscan (pyahocorasick + RE2 gate)", {"NLCLEANER_PREFILTER": "ahocorasick"},
         main_corpus),
        ("no_hyperscan_trie", "without hyperscan (trie + RE2 gate)", {"NLCLEANER_PREFILTER": "python"}, small),
        ("keys_alone", "keys alone (pyahocorasick, NLCLEANER_GATE=0)",
         {"NLCLEANER_PREFILTER": "ahocorasick", "NLCLEANER_GATE": "0"}, small),
    ):
        t, rss = run(nlcleaner_cmd(corpus, out), env=env)
        figures[key] = mbps(corpus, t)
        row(label, f"{figures[key]:.2f} MB/s", f"{corpus.stat().st_size / MB:.0f} MB, peak {rss:.0f} MB, "
            f"{figures[key] / rate:.2f}x of hyperscan's")

    if not args.quick:
        base_docs = sized_documents(texts, 30_000, min(args.size, 50))
        base = write_jsonl(work / "docs-30kb.jsonl", base_docs, min(args.size, 50))
        t, _ = run(nlcleaner_cmd(base, out))
        ref = figures["docs_30kb"] = mbps(base, t)
        row("documents of ~30 KB (reference)", f"{ref:.2f} MB/s")
        for label, size in (("1 KB", 1_000), ("100 KB", 100_000), ("1 MB", 1_000_000), ("10 MB", 10_000_000)):
            docs = sized_documents(texts, size, min(args.size, 50))
            path = write_jsonl(work / f"docs-{label.replace(' ', '').lower()}.jsonl", docs, min(args.size, 50))
            t, rss = run(nlcleaner_cmd(path, out))
            figures[f"docs_{label}"] = mbps(path, t)
            row(f"documents of {label}", f"{figures[f'docs_{label}']:.2f} MB/s",
                f"{figures[f'docs_{label}'] / ref:.2f}x of 30 KB, peak {rss:.0f} MB")
        vocab = words(texts)
        for key, label, file, sep, count in (
            ("single_line", "one 50 MB line, no furniture", "single-line-50mb", " ", 6_000_000),
            ("one_word_lines", "50 MB of one-word lines", "one-word-lines-50mb", "\n", 7_000_000),
        ):
            record = sep.join(vocab[i % len(vocab)] for i in range(count))[: 50 * MB]
            path = write_jsonl(work / f"{file}.jsonl", [record], 50)
            t, rss = run(nlcleaner_cmd(path, out))
            figures[key] = mbps(path, t)
            row(label, f"{figures[key]:.2f} MB/s",
                f"{figures[key] / figures['nlcleaner']:.2f}x of normal, peak {rss:.0f} MB")

    load = [float(subprocess.run(
        [sys.executable, "-c", "import time; t=time.perf_counter(); from nlcleaner import Cleaner; Cleaner(); "
         "print(time.perf_counter()-t)"], capture_output=True, text=True, check=True).stdout) for _ in range(3)]
    figures["pack_load_s"] = statistics.median(load)
    row("import + pack load (Cleaner())", f"{figures['pack_load_s']:.3f} s")
    startup_row(figures, row, work)
    if args.json:
        print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
