"""Recorded `regex` programs (nlcleaner/regex_programs.py): a pattern compiled from its record behaves as
`regex.compile` makes it, later processes use the records, and a bad record or cache file changes nothing."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
import regex

from nlcleaner import Cleaner, regex_programs
from nlcleaner.kinds.line_match import LineMatcher, LineView

FLAGS = int(regex.IGNORECASE | regex.V1)


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """regex_programs with an empty table and its own cache folder."""
    monkeypatch.setenv("NLCLEANER_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(regex_programs, "_TABLE", None)
    monkeypatch.setattr(regex_programs, "_NEW", {})
    return tmp_path


@pytest.fixture(scope="module")
def pack_matchers():
    """(rule, matcher) for every pattern matcher of the built-in packs, loaded before `fresh` empties the cache (the
    patterns they hold are recorded again by the test that uses them)."""
    return _matchers()


def _matchers():
    seen, out = set(), []
    for kind in Cleaner()._kinds:
        for m in vars(kind).values():
            for one in (m if isinstance(m, (list, tuple)) else [m]):
                if isinstance(one, LineMatcher) and one.pattern is not None and id(one) not in seen:
                    seen.add(id(one))
                    out.append((kind.rule, one))
    return out


def _texts(rule) -> list[str]:
    lines = [line for t in (*rule.examples_remove, *rule.examples_keep) for line in t.split("\n")]
    return [v for line in lines for v in (line, LineView(line).norm)]


def test_every_pack_pattern_compiled_from_its_record_finds_what_regex_finds(pack_matchers, fresh):
    """Each built-in pattern and alternative, compiled once to record it and again from the record (the table read
    back from the file, as a later process reads it): the same pattern, flags and groups, and the same match on every
    line of its rule's examples (raw and normalised), as the first compile, which is regex's own (`regex.compile`'s
    code, run with its C module watched: parsing every pattern once more with `regex.compile` itself would double
    the test's time)."""
    pairs = pack_matchers
    assert len(pairs) > 100
    patterns = {(p, rule) for rule, m in pairs for p in {m.pattern, *m.branches}}
    by_regex = {p: regex_programs.compile(p, FLAGS) for p, _ in patterns}
    assert all(isinstance(c, regex.Pattern) for c in by_regex.values())
    regex_programs.save()
    file = regex_programs._cache_file()
    assert file.exists()
    table = _table(file)
    assert len(table) == len({p for p, _ in patterns})
    regex_programs._TABLE = None  # read again from the file
    checked = 0
    for p, rule in sorted(patterns, key=lambda x: (x[0], x[1].id)):
        mine, theirs = regex_programs.compile(p, FLAGS), by_regex[p]
        assert mine is not theirs  # (from the record, not from regex's own cache)
        assert (mine.pattern, mine.flags, mine.groups, mine.groupindex) == (
            theirs.pattern, theirs.flags, theirs.groups, theirs.groupindex)
        for text in _texts(rule):
            a, b = mine.search(text), theirs.search(text)
            assert (a and a.span()) == (b and b.span()), (rule.id, p, text)
            checked += 1
    assert checked > 5000


def _table(file: Path) -> dict[int, tuple]:
    """What a cache file holds: key -> (flags, the arguments recorded for regex's C module)."""
    return {k: pickle.loads(blob) for k, blob in regex_programs._load(file).records()}


def _recorded(pattern: str, flags: int) -> bool:
    """Whether `compile` would give the pattern a recorded program."""
    return regex_programs._read().get(pattern, flags) is not None


def _run(code: str, cache: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NLCLEANER_CACHE_DIR": str(cache)}
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)


def test_a_later_process_compiles_a_recorded_pattern_without_regex_s_compiler(tmp_path):
    pattern = r"\bsubscribe (?:to|for) (?:our|the) newsletters?\b"
    first = _run(f"from nlcleaner import regex_programs; regex_programs.compile({pattern!r}, {FLAGS})", tmp_path)
    assert first.returncode == 0, first.stderr  # (the table is written at exit)
    later = _run(
        "import regex, regex._main as m\n"
        "def refuse(*a, **k): raise AssertionError('compiled by regex')\n"
        "m._compile = refuse\n"
        "from nlcleaner import regex_programs\n"
        f"r = regex_programs.compile({pattern!r}, {FLAGS})\n"
        "print(bool(r.search('Please SUBSCRIBE to our newsletter today')), bool(r.search('subscribed')))\n"
        "try:\n"
        f"    regex_programs.compile('not recorded', {FLAGS})\n"
        "except AssertionError:\n"
        "    print('unrecorded patterns go to regex')\n", tmp_path)
    assert later.returncode == 0, later.stderr
    assert later.stdout.split("\n")[:2] == ["True False", "unrecorded patterns go to regex"]


def test_a_bad_record_or_cache_file_is_compiled_anew(fresh):
    p, q = r"\bfollow us\b", r"\bshare this\b"
    regex_programs.compile(p, FLAGS)
    regex_programs.compile(q, FLAGS)
    regex_programs.save()
    file = regex_programs._cache_file()
    data = file.read_bytes()
    # a record holding another pattern's program
    regex_programs._TABLE.add(regex_programs._key(q, FLAGS), regex_programs._NEW.get(regex_programs._key(p, FLAGS))
                              or regex_programs._TABLE._blob(regex_programs._key(p, FLAGS)))
    assert regex_programs.compile(q, FLAGS).pattern == q
    assert regex_programs.compile(q, FLAGS).search("follow us") is None
    # a file changed on disk (one byte of a program): that record is not used, since a program is given to the C
    # module as it is (an altered one may crash it), and the other still is; one byte of the index: nothing is read;
    # nor is a file that is no table at all, or a cut one
    at = data.index(b"follow us") + 20  # (in the program recorded for it, past the index: two records)
    assert at > len(regex_programs._Table.MAGIC) + 8 + 2 * 8 + 3 * 8 + 2 * 4 + 4
    regex_programs._NEW.clear()
    regex_programs._TABLE = None  # (let go of the file before it is rewritten in place)
    file.write_bytes(data[:at] + bytes([data[at] ^ 1]) + data[at + 1:])
    assert not _recorded(p, FLAGS) and _recorded(q, FLAGS)
    for bad in (data[:40] + bytes([data[40] ^ 1]) + data[41:], b"not a table", b"", data[:len(data) - 1]):
        regex_programs._NEW.clear()
        regex_programs._TABLE = None
        file.write_bytes(bad)
        assert not _recorded(p, FLAGS)
        assert regex_programs.compile(p, FLAGS).search("x follow us").span() == (2, 11)
        assert set(regex_programs._NEW) == {regex_programs._key(p, FLAGS)}
    regex_programs.save()
    assert {args[0] for _, args in _table(file).values()} == {p}
    with pytest.raises(regex.error):
        regex_programs.compile("(unclosed", FLAGS)


def test_a_record_is_used_only_for_its_own_pattern_and_flags(fresh):
    """Records are found by a 64-bit hash of (pattern, flags): a record filed under another pattern's key (two
    patterns of one key), or made with other flags, is not given to the C module."""
    p, q = r"\bsign up\b", r"\bsign in\b"
    regex_programs.compile(p, FLAGS)
    blob = regex_programs._NEW[regex_programs._key(p, FLAGS)]
    table = regex_programs._read()
    table.add(regex_programs._key(q, FLAGS), blob)
    table.add(regex_programs._key(p, 0), blob)
    assert table.get(q, FLAGS) is None and table.get(p, 0) is None and table.get(p, FLAGS)[0] == p
    assert regex_programs.compile(q, FLAGS).search("Sign in") and not regex_programs.compile(q, FLAGS).search("Sign up")


def test_a_file_cut_short_under_a_reading_process_gives_misses_not_a_crash(fresh):
    """Another machine may replace the file on a shared file system while this process reads it (NFS): what it
    reads then may be short or gone. A read that comes short is a record whose checksum fails, compiled anew (a
    mapped file killed the process with SIGBUS there; found by review, helper-132)."""
    p = r"\bread more\b"
    regex_programs.compile(p, FLAGS)
    regex_programs.save()
    file = regex_programs._cache_file()
    regex_programs._NEW.clear()
    regex_programs._TABLE = None
    table = regex_programs._read()
    assert len(table) == 1
    with open(file, "r+b") as fh:  # cut in place, as the pages of a replaced file on NFS go away
        fh.truncate(len(regex_programs._Table.MAGIC) + 40)
    assert table.get(p, FLAGS) is None
    assert regex_programs.compile(p, FLAGS).search("Read more").span() == (0, 9)


def test_a_process_that_records_more_than_the_file_keeps_still_leaves_them_readable(fresh, monkeypatch):
    """Past _MAX_ENTRIES the file starts again with this process's records, however many (found by review,
    helper-132: a later process took a file of more than _MAX_ENTRIES records for no table at all)."""
    monkeypatch.setattr(regex_programs, "_MAX_ENTRIES", 5)
    patterns = [rf"\bterm{i}\b" for i in range(8)]
    for p in patterns:
        regex_programs.compile(p, FLAGS)
    regex_programs.save()
    regex_programs._TABLE = None
    assert all(_recorded(p, FLAGS) for p in patterns)


def test_without_pread_the_file_is_read_whole(fresh, monkeypatch):
    """Windows has no os.pread: the table is read from the file's bytes, with the same answers."""
    p = r"\bsee all\b"
    regex_programs.compile(p, FLAGS)
    regex_programs.save()
    regex_programs._NEW.clear()
    regex_programs._TABLE = None
    monkeypatch.delattr(os, "pread")
    table = regex_programs._read()
    assert isinstance(table._data, bytes) and len(table) == 1
    assert table.get(p, FLAGS)[0] == p and table.get(p, 0) is None
    assert regex_programs.compile(p, FLAGS).search("See all").span() == (0, 7)


def test_a_pack_s_patterns_are_recorded_when_it_is_checked(fresh, tmp_path):
    """The loader compiles every pattern of a pack to reject a broken one; through the recorded programs, so that
    building the pack's cache again (after an edit or an upgrade) checks it in microseconds."""
    from nlcleaner.rules.loader import load_pack

    pattern = r"\bjoin our (?:mailing list|club)\b"
    pack = tmp_path / "mine.toml"
    pack.write_text('[pack]\nname = "mine"\n\n[[rule]]\nid = "newsletter.mine"\nkind = "pattern"\nwhy = "Mine."\n'
                    f"pattern = '{pattern}'\n[rule.examples]\nremove = [\"Join our club\"]\nkeep = [\"Plain text.\"]\n",
                    encoding="utf-8")
    load_pack(pack, user=True)
    assert regex_programs._key(pattern, FLAGS) in regex_programs._NEW


def test_a_later_process_reads_only_the_records_it_asks_for(fresh):
    """The file is not read whole: asking for one pattern reads, checks and unpickles that record alone."""
    patterns = [rf"\bword{i}\b" for i in range(200)]
    for p in patterns:
        regex_programs.compile(p, FLAGS)
    regex_programs.save()
    regex_programs._NEW.clear()
    regex_programs._TABLE = None
    checked = []
    real = regex_programs._Table._blob
    regex_programs._Table._blob = lambda self, key: checked.append(key) or real(self, key)
    try:
        assert regex_programs.compile(patterns[7], FLAGS).search("a word7 b")
    finally:
        regex_programs._Table._blob = real
    assert checked == [regex_programs._key(patterns[7], FLAGS)]
    assert len(regex_programs._TABLE) == 200 and regex_programs._NEW == {}
    assert _recorded(patterns[9], FLAGS) and not _recorded(r"\bword9x\b", FLAGS)


def test_no_cache_folder_no_file(tmp_path, monkeypatch):
    monkeypatch.setenv("NLCLEANER_CACHE_DIR", "off")
    monkeypatch.setattr(regex_programs, "_TABLE", None)
    monkeypatch.setattr(regex_programs, "_NEW", {})
    assert regex_programs.compile(r"\bsign up\b", FLAGS).search("Sign up now")
    assert regex_programs._NEW == {}
    regex_programs.save()
    assert list(tmp_path.iterdir()) == []


def test_workers_of_a_two_job_run_leave_their_programs_for_the_next_run(tmp_path):
    """A pool's workers end without exit handlers: each saves after its chunks."""
    records = [{"id": i, "text": f"Story {i} about the harbour.\n\nFollow us on Twitter for more updates.\n"
                                  "Sign up for our newsletter.\n"} for i in range(400)]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in records))
    cache = tmp_path / "cache"
    # (no gate: with an empty cache each worker would spend a minute compiling it, and it holds no regex programs)
    env = {**os.environ, "NLCLEANER_CACHE_DIR": str(cache), "NLCLEANER_GATE": "0"}
    done = subprocess.run([sys.executable, "-m", "nlcleaner", "clean", "--quiet", "--jobs", "2", str(src), "-o",
                           str(tmp_path / "out.jsonl")], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    files = list(cache.glob("regex-*.programs"))
    assert len(files) == 1
    table = _table(files[0])
    assert table and all(isinstance(args[0], str) and isinstance(flags, int) for flags, args in table.values())


def test_threads_compiling_at_once_leave_regex_as_it_was(fresh):
    """(review, helper-45) The recorder once stood in for regex's C module in the module itself: two threads
    compiling at once left it there, and a regex Pattern could no longer be pickled anywhere in the process."""
    from concurrent.futures import ThreadPoolExecutor

    from regex import _main

    real = _main._regex
    patterns = [rf"\bword{i} (?:one|two|" + "|".join(f"w{i}x{k}" for k in range(40)) + r")\b" for i in range(300)]
    with ThreadPoolExecutor(16) as pool:
        compiled = list(pool.map(lambda p: regex_programs.compile(p, FLAGS), patterns))
    assert _main._regex is real
    assert pickle.loads(pickle.dumps(regex.compile("abc"))).pattern == "abc"
    assert [c.pattern for c in compiled] == patterns
    assert set(regex_programs._NEW) == {regex_programs._key(p, FLAGS) for p in patterns}
    assert all(c.search(f"the word{i} two") for i, c in enumerate(compiled))
