"""Start-up of `nlcleaner clean` on a short file (issue #7): what a run leaves unimported, the garbage collector
paused only while the long-lived objects are made, and the built-in packs read from one cache file. No timings:
these fail when the laziness breaks, whatever the machine. Each CLI run is a fresh interpreter."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

# a small script: runs the CLI's entry point on one file, then prints what it needs to know (without importing
# anything that could hide a module the run imported)
_RUN = r"""
import gc, sys
seen = {}
import nlcleaner.cli.session as session
_clean = session.Session.clean
def clean(self, *args, **kwargs):
    seen["collector while cleaning"] = gc.isenabled()
    return _clean(self, *args, **kwargs)
session.Session.clean = clean
sys.argv = ["nlcleaner", "clean", sys.argv[1]]
from nlcleaner.cli import main
try:
    main()
except SystemExit as exc:
    seen["exit"] = exc.code
seen["collector after"] = gc.isenabled()
seen["frozen"] = gc.get_freeze_count()
seen["modules"] = sorted(sys.modules)
sys.stdout.flush()
sys.stdout.write("\n@@" + repr(seen) + "\n")
"""


def _run_clean(tmp_path, text="A single line of article text.\n", env=None):
    import ast
    import os

    one = tmp_path / "one.txt"
    one.write_text(text, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-c", _RUN, str(one)], capture_output=True, text=True, cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}, check=True,
    )
    out, _, seen = proc.stdout.rpartition("\n@@")
    return out, ast.literal_eval(seen)


def test_cleaning_a_one_line_file_imports_nothing_it_does_not_need(tmp_path):
    _run_clean(tmp_path)  # the first run after a pack or code change writes the caches (and imports pickle for it)
    out, seen = _run_clean(tmp_path)
    assert seen["exit"] == 0 and out == "A single line of article text.\n"
    loaded = set(seen["modules"])
    # other commands, corpus mode, reports, rich (only for a terminal), compression and formats, TOML (no
    # configuration file here), the full pickle module (the pack cache reads with _pickle)
    for lazy in ("nlcleaner.cli.commands", "nlcleaner.cli.check_cmd", "nlcleaner.cli.rules_cmd",
                 "nlcleaner.cli.learn_cmd", "nlcleaner.cli.eval_cmd", "nlcleaner.cli.explain_cmd",
                 "nlcleaner.cli.config_cmd", "nlcleaner.corpus", "nlcleaner.report", "nlcleaner.learn",
                 "nlcleaner.evaluate", "nlcleaner.io", "rich", "json", "gzip", "pickle", "tomllib"):
        assert lazy not in loaded, lazy


def test_the_collector_is_paused_for_start_up_only(tmp_path):
    _, seen = _run_clean(tmp_path)
    # back on (with the start-up objects frozen out of its way) before the first document is cleaned
    assert seen["collector while cleaning"] is True
    assert seen["collector after"] is True
    assert seen["frozen"] > 0


def test_the_collector_is_back_on_when_a_run_ends_before_a_cleaner(tmp_path):
    # a bad option: the command ends before it builds a Cleaner
    proc = subprocess.run(
        [sys.executable, "-c",
         "import gc, sys\nfrom nlcleaner.cli import main\nsys.argv = ['nlcleaner', 'clean', '--guard', 'x']\n"
         "try:\n    main()\nexcept SystemExit:\n    pass\nprint(gc.isenabled(), gc.get_freeze_count())"],
        capture_output=True, text=True, cwd=tmp_path, check=True,
    )
    assert proc.stdout.split() == ["True", "0"]


def test_importing_the_cli_or_invoking_the_app_leaves_the_collector_alone():
    from typer.testing import CliRunner

    import gc

    from nlcleaner.cli import app
    from nlcleaner.cli.app import register

    register(["clean"])
    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    result = CliRunner().invoke(app, ["clean", "--isolated", "-"], input="A line.\n")
    assert result.exit_code == 0
    assert gc.isenabled() and gc.get_freeze_count() == frozen


def _copy_packs(tmp_path, n=3):
    src = sorted((ROOT / "nlcleaner" / "packs").glob("*.toml"))[:n]
    folder = tmp_path / "packs"
    folder.mkdir()
    out = []
    for p in src:
        (folder / p.name).write_bytes(p.read_bytes())
        out.append(folder / p.name)
    return out


def _listening(monkeypatch) -> list[str]:
    """The library's notices from now on (to the end of the test)."""
    from nlcleaner import notices

    said: list[str] = []
    monkeypatch.setattr(notices, "_LISTENERS", [said.append])
    return said


def test_the_built_in_packs_load_from_one_cache_file_and_renew_it(tmp_path, monkeypatch):
    from nlcleaner import packcache
    from nlcleaner.rules import loader

    packs = _copy_packs(tmp_path)
    cache = tmp_path / "cache"
    monkeypatch.setenv("NLCLEANER_CACHE_DIR", str(cache))
    monkeypatch.setattr(loader, "builtin_pack_paths", lambda: list(packs))
    monkeypatch.setattr(packcache, "_MEMO", {})
    monkeypatch.setattr(packcache, "_PENDING", {})
    said = _listening(monkeypatch)

    first = [packcache.load(p) for p in packs]
    assert said == ["reading the built-in packs into the cache (once; seconds)"]  # (the only step to wait for)
    assert len(list(cache.glob("packs-*.pickle"))) == 1
    assert len(list(cache.glob("pack-*.pickle"))) == len(packs)

    # a fresh process, as it were: the packs come from the one file (the single packs' files are not read)
    packcache._MEMO.clear()
    for single in cache.glob("pack-*.pickle"):
        single.unlink()
    again = [packcache.load(p) for p in packs]
    assert len(said) == 1  # (nothing to wait for: no notice)
    assert not list(cache.glob("pack-*.pickle"))
    assert [[r.id for r in p.rules] for p, _ in again] == [[r.id for r in p.rules] for p, _ in first]
    assert [p.digest for p, _ in again] == [p.digest for p, _ in first]
    assert [len(k) for _, k in again] == [len(k) for _, k in first]

    # an edited pack: read again in the same process, and the file of all of them renewed
    packs[1].write_bytes(packs[1].read_bytes() + b"\n# edited\n")
    edited = [packcache.load(p) for p in packs]
    assert edited[1][0].digest != first[1][0].digest
    assert edited[0][0].digest == first[0][0].digest
    assert len(list(cache.glob("packs-*.pickle"))) == 2


def test_a_built_in_pack_loaded_alone_or_out_of_order_is_still_checked(tmp_path, monkeypatch):
    from nlcleaner import packcache
    from nlcleaner.rules import loader

    packs = _copy_packs(tmp_path)
    monkeypatch.setenv("NLCLEANER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(loader, "builtin_pack_paths", lambda: list(packs))
    monkeypatch.setattr(packcache, "_MEMO", {})
    monkeypatch.setattr(packcache, "_PENDING", {})

    before = packcache.load(packs[2])[0].digest
    packs[2].write_bytes(packs[2].read_bytes() + b"\n# edited\n")
    assert packcache.load(packs[2])[0].digest != before
    # keys computed for a Cleaner's loads are used once: a pack edited after them is read again
    [packcache.load(p) for p in packs]
    packs[0].write_bytes(packs[0].read_bytes() + b"\n# edited\n")
    old = packcache._MEMO[(str(packs[0]), False)][1].digest
    assert packcache.load(packs[0])[0].digest != old
    # and a key left unused (the first pack loaded alone) is not taken for a file edited since
    old = packcache._MEMO[(str(packs[1]), False)][1].digest
    packs[1].write_bytes(packs[1].read_bytes() + b"\n# edited again\n")
    assert packcache.load(packs[1])[0].digest != old


def test_cache_names_hash_each_part_led_by_its_length():
    """Cache files are named by this hash (`packcache.digest`): spelt otherwise, every cache written before would be
    missed once, and the gate's database (a minute to compile) built again. Each part is led by its length, so
    that parts joined differently never hash alike."""
    import hashlib

    from nlcleaner.packcache import digest

    assert digest(b"head\0", [b"a", b"b"]).hexdigest() == hashlib.sha256(b"head\x001:a1:b").hexdigest()
    assert digest(b"", [b"a", b"b"]).hexdigest() != digest(b"", [b"a\0b"]).hexdigest()
    assert digest(b"", [b"ab", b""]).hexdigest() != digest(b"", [b"a", b"b"]).hexdigest()


def test_the_command_line_writes_the_library_s_notices_on_stderr_unless_quiet(tmp_path, monkeypatch):
    """A long step's notice (`nlcleaner.notices`) is a line on stderr, never on stdout, and --quiet silences it."""
    from typer.testing import CliRunner

    import nlcleaner.cli.commands  # noqa: F401
    from nlcleaner import engine, notices
    from nlcleaner.cli import app

    monkeypatch.setattr(notices, "_LISTENERS", [])
    built = engine.Cleaner.defer_gate

    def defer_gate(self, *args):  # (as a cold cache would: a notice while the Cleaner is built)
        notices.notice("compiling something slow")
        return built(self, *args)

    monkeypatch.setattr(engine.Cleaner, "defer_gate", defer_gate)
    doc = tmp_path / "a.txt"
    doc.write_text("One line of an article.\n", encoding="utf-8")
    for quiet in ([], ["--quiet"], []):  # (in one process: a quiet run after a talkative one stays quiet)
        got = CliRunner().invoke(app, ["clean", "--isolated", *quiet, str(doc)])
        assert got.exit_code == 0, got.output
        assert got.stdout == "One line of an article.\n"
        assert ("nlcleaner: compiling something slow" in got.stderr) == (not quiet), got.stderr


def test_a_cache_file_in_use_is_marked_at_most_once_a_day(tmp_path):
    """Marking a file in use (against pruning after 30 days) is a metadata write, which can take milliseconds of
    a start: a file marked within the day is left as it is; an older one is marked; a missing one is no error."""
    import os
    import time

    from nlcleaner.packcache import touch

    recent, old = tmp_path / "recent", tmp_path / "old"
    for f in (recent, old):
        f.write_text("x")
    hour_ago, days_ago = time.time() - 3600, time.time() - 2 * 86400
    os.utime(recent, (hour_ago, hour_ago))
    os.utime(old, (days_ago, days_ago))
    touch(recent)
    touch(old)
    touch(tmp_path / "missing")
    assert abs(recent.stat().st_mtime - hour_ago) < 1
    assert old.stat().st_mtime > time.time() - 60
