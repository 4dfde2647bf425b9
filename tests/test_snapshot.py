"""A Cleaner's start kept in the cache (`nlcleaner/snapshot.py`, issue #7): a Cleaner built from it is the Cleaner
built from the packs, and it is used only while every file it was built from is as it was."""

from __future__ import annotations

import pickle

import pytest

from conftest import FIXTURES

_PACK = """[pack]
name = "mine"

[[rule]]
id = "ad.promo-code"
kind = "pattern"
why = "Promo codes."
pattern = '^promo [a-z]{2}\\d{2}$'
[rule.examples]
remove = ["promo ab12"]
keep = ["Plain text."]

[[rule]]
id = "social.follow-us"
kind = "phrase"
why = "Follow lines."
phrases = ["Follow us on Mastodon"]
[rule.examples]
remove = ["Follow us on Mastodon"]
keep = ["They follow us on the road."]
"""

_TEXT = "The council met on Tuesday and agreed the budget.\n\npromo xy34\nFollow us on Mastodon\n"


@pytest.fixture(autouse=True)
def settled(monkeypatch):
    """Files count as settled at once (a snapshot is otherwise not kept while a file it records, this test's pack or
    a source file just edited, was written in the last two seconds: see
    test_no_snapshot_while_a_file_it_records_was_just_written); each test starts as a fresh process would, with
    no snapshot read yet."""
    from nlcleaner import snapshot

    monkeypatch.setattr(snapshot, "_SETTLED", 0)
    monkeypatch.setattr(snapshot, "_MEMO", {})


@pytest.fixture
def mine(tmp_path, monkeypatch):
    """A user pack of two rules, in a cache folder of the test's own."""
    monkeypatch.setenv("NLCLEANER_CACHE_DIR", str(tmp_path / "cache"))
    pack = tmp_path / "mine.toml"
    pack.write_text(_PACK, encoding="utf-8")
    return pack


def _settings(pack, **more):
    from nlcleaner import Settings

    return Settings(rules=(str(pack),), builtin=False, **more)


def _packs_not_read(monkeypatch):
    """From now on, a Cleaner that reads its packs (instead of its snapshot) fails the test."""
    from nlcleaner import packcache

    def refuse(*_args, **_kwargs):
        raise AssertionError("the packs were read: the snapshot was not used")

    monkeypatch.setattr(packcache, "load", refuse)


def _counting_loads(monkeypatch) -> list:
    """The packs a Cleaner reads from now on (one it builds from its snapshot reads none)."""
    from nlcleaner import packcache

    loads: list = []
    real = packcache.load
    monkeypatch.setattr(packcache, "load", lambda *a, **k: loads.append(a) or real(*a, **k))
    return loads


def _snapshots(pack):
    return sorted((pack.parent / "cache").glob("cleaner-*.pickle"))


def test_a_cleaner_from_its_snapshot_is_the_cleaner_built_from_the_packs(mine, monkeypatch):
    from nlcleaner import Cleaner

    built = Cleaner(_settings(mine))
    assert len(_snapshots(mine)) == 1
    _packs_not_read(monkeypatch)
    kept = Cleaner(_settings(mine))

    assert [r.id for r in kept.rules] == [r.id for r in built.rules] == ["ad.promo-code", "social.follow-us"]
    assert kept._prefilter.keys == built._prefilter.keys
    assert kept._prefilter.backend == built._prefilter.backend
    # what the first document would otherwise work out: each kind's keys, by the kinds' places
    assert ([kept._claim_keys()[0][id(k)] for k in kept._kinds]
            == [built._claim_keys()[0][id(k)] for k in built._kinds])
    for text in (_TEXT, (FIXTURES / "golden" / "moscow-times-alaska" / "input.txt").read_text(encoding="utf-8")):
        a, b = built.clean(text), kept.clean(text)
        assert (a.text, a.removals, a.flags) == (b.text, b.removals, b.flags)
    assert [r.text.strip() for r in kept.clean(_TEXT).removals] == ["promo xy34", "Follow us on Mastodon"]


def test_the_built_in_packs_come_from_the_snapshot_the_same(monkeypatch, tmp_path):
    """The default Cleaner, as the command line builds it: from the snapshot, the same output on the fixtures."""
    from nlcleaner import Cleaner

    built = Cleaner()  # (the suite's cache: the built-in packs are cached there already)
    _packs_not_read(monkeypatch)
    kept = Cleaner()
    assert kept._prefilter.keys == built._prefilter.keys
    for path in sorted((FIXTURES / "golden").glob("*/input.txt")):
        text = path.read_text(encoding="utf-8")
        assert kept.clean(text).text == built.clean(text).text, path


def test_an_edited_pack_is_read_again(mine, monkeypatch):
    from nlcleaner import Cleaner

    Cleaner(_settings(mine))
    mine.write_text(_PACK.replace("Follow us on Mastodon", "Follow us on Bluesky"), encoding="utf-8")
    loads = _counting_loads(monkeypatch)
    again = Cleaner(_settings(mine))
    assert loads  # (read, not taken from the snapshot)
    assert [r.text.strip() for r in again.clean("Follow us on Bluesky\nFollow us on Mastodon\n").removals] == [
        "Follow us on Bluesky"]


def test_a_changed_source_file_leaves_the_snapshot_unused(mine, monkeypatch, tmp_path):
    from nlcleaner import Cleaner, snapshot

    code = tmp_path / "code.py"
    code.write_text("# version 1\n", encoding="utf-8")
    # (a file of the code a snapshot is built from, as it were: an absolute path replaces the package's folder)
    monkeypatch.setattr(snapshot, "_OWN_CODE", (*snapshot._OWN_CODE, str(code)))
    Cleaner(_settings(mine))
    code.write_text("# version 2, longer\n", encoding="utf-8")
    loads = _counting_loads(monkeypatch)
    Cleaner(_settings(mine))
    assert loads


def test_other_settings_have_a_snapshot_of_their_own(mine):
    from nlcleaner import Cleaner

    Cleaner(_settings(mine))
    only = Cleaner(_settings(mine, select=("ad",)))
    assert len(_snapshots(mine)) == 2
    assert [r.id for r in only.rules] == ["ad.promo-code"]
    assert [r.text.strip() for r in only.clean(_TEXT).removals] == ["promo xy34"]


@pytest.mark.parametrize("content", [b"", b"not a pickle", pickle.dumps(("signatures", "state")), pickle.dumps(42)])
def test_a_damaged_snapshot_is_built_again(mine, content, monkeypatch):
    from nlcleaner import Cleaner, snapshot

    Cleaner(_settings(mine))
    (file,) = _snapshots(mine)
    file.write_bytes(content)
    monkeypatch.setattr(snapshot, "_MEMO", {})  # (another process)
    again = Cleaner(_settings(mine))
    assert [r.text.strip() for r in again.clean(_TEXT).removals] == ["promo xy34", "Follow us on Mastodon"]
    assert file.read_bytes() != content  # (written anew)


def test_no_snapshot_without_a_cache(tmp_path, monkeypatch):
    from nlcleaner import Cleaner

    monkeypatch.setenv("NLCLEANER_CACHE_DIR", "off")
    pack = tmp_path / "mine.toml"
    pack.write_text(_PACK, encoding="utf-8")
    cleaner = Cleaner(_settings(pack))
    assert [r.text.strip() for r in cleaner.clean(_TEXT).removals] == ["promo xy34", "Follow us on Mastodon"]
    assert not list(tmp_path.rglob("cleaner-*.pickle"))


def test_a_prefilter_is_pickled_only_before_its_gate_is_built(mine):
    from nlcleaner import Cleaner
    from nlcleaner.prefilter import Prefilter

    cleaner = Cleaner(_settings(mine))
    copy = pickle.loads(pickle.dumps(cleaner._prefilter))
    assert isinstance(copy, Prefilter) and copy.keys == cleaner._prefilter.keys
    if cleaner._prefilter.gate is not None:  # (built now)
        with pytest.raises(TypeError):
            pickle.dumps(cleaner._prefilter)


def test_no_snapshot_while_a_file_it_records_was_just_written(mine, monkeypatch):
    """A pack rewritten within the same tick of the file system's clock, with the same size, would look unchanged:
    no snapshot is kept while a file was written in the last two seconds (as git treats "racily clean" files)."""
    from nlcleaner import Cleaner, snapshot

    monkeypatch.setattr(snapshot, "_SETTLED", 2_000_000_000)
    mine.write_text(_PACK, encoding="utf-8")  # (now)
    Cleaner(_settings(mine))
    assert _snapshots(mine) == []
    mine.write_text(_PACK.replace("Mastodon", "Mastodom"), encoding="utf-8")  # (the same size)
    again = Cleaner(_settings(mine))
    assert [r.text.strip() for r in again.clean("Follow us on Mastodom\n").removals] == ["Follow us on Mastodom"]


@pytest.mark.parametrize("backend", ["hyperscan", "ahocorasick", "python"])
def test_each_key_engine_finds_the_same_keys_after_a_pickle(mine, monkeypatch, backend):
    """pyahocorasick's automaton is kept in the pickle, the others are made again: the keys found are the same."""
    from nlcleaner.prefilter import Prefilter, available_backends

    if backend not in available_backends():
        pytest.skip(f"{backend} is not installed")
    from nlcleaner import Cleaner

    monkeypatch.setenv("NLCLEANER_PREFILTER", backend)
    cleaner = Cleaner(_settings(mine))
    prefilter = cleaner._prefilter
    copy = pickle.loads(pickle.dumps(prefilter))
    assert isinstance(copy, Prefilter) and copy.backend == backend
    view = "promo xy34\nfollow us on mastodon today\nnothing here\n"
    assert copy._key_lines(view) == prefilter._key_lines(view) != {}


def test_a_pack_edited_while_a_cleaner_reads_it_is_read_again_by_the_next(mine, monkeypatch):
    """The files' signatures are taken before they are read: an edit made while a Cleaner builds (after its pack
    was read, before its snapshot is written) is a change the next Cleaner sees."""
    from nlcleaner import Cleaner, packcache, snapshot

    real = packcache.load

    def read_then_edited(*args, **kwargs):
        got = real(*args, **kwargs)
        mine.write_text(_PACK.replace("Follow us on Mastodon", "Follow us on Bluesky"), encoding="utf-8")
        return got

    monkeypatch.setattr(packcache, "load", read_then_edited)
    first = Cleaner(_settings(mine))
    assert [r.text.strip() for r in first.clean("Follow us on Mastodon\n").removals] == ["Follow us on Mastodon"]
    monkeypatch.setattr(packcache, "load", real)
    monkeypatch.setattr(snapshot, "_MEMO", {})  # (another process)
    loads = _counting_loads(monkeypatch)
    again = Cleaner(_settings(mine))
    assert loads
    assert [r.text.strip() for r in again.clean("Follow us on Bluesky\n").removals] == ["Follow us on Bluesky"]


def test_a_second_cleaner_in_a_process_shares_the_kinds_and_has_a_prefilter_of_its_own(mine, monkeypatch):
    from nlcleaner import Cleaner, snapshot

    Cleaner(_settings(mine))
    monkeypatch.setattr(snapshot, "_MEMO", {})  # (another process: its first Cleaner reads the snapshot)
    _packs_not_read(monkeypatch)
    first, second = Cleaner(_settings(mine)), Cleaner(_settings(mine))
    assert all(a is b for a, b in zip(first._kinds, second._kinds, strict=True))
    assert first._prefilter is not second._prefilter
    first._prefilter.count_text(10**9)  # (one Cleaner's count of text does not defer or build the other's gate)
    assert second._prefilter._given == 0
    a, b = first.clean(_TEXT), second.clean(_TEXT)
    assert a.text == b.text and [r.text.strip() for r in b.removals] == ["promo xy34", "Follow us on Mastodon"]


def test_no_text_of_the_documents_cleaned_goes_into_a_snapshot(mine, monkeypatch):
    """pyahocorasick's engine is kept in the snapshot, without the words and lines it remembers from the documents
    it was given (an engine is shared by every Cleaner of the same keys in a process)."""
    from nlcleaner import Cleaner
    from nlcleaner.prefilter import available_backends

    if "ahocorasick" not in available_backends():
        pytest.skip("pyahocorasick is not installed")
    monkeypatch.setenv("NLCLEANER_PREFILTER", "ahocorasick")
    monkeypatch.setenv("NLCLEANER_GATE", "0")
    Cleaner(_settings(mine)).clean("A secret sentence about zanzibar marmalade.\npromo xy34\n")
    Cleaner(_settings(mine, guard=0.5))  # (a snapshot written after the engine met that text)
    for file in _snapshots(mine):
        assert b"zanzibar" not in file.read_bytes()


def test_a_fresh_prefilter_has_counted_no_text_and_tables_of_its_own(mine):
    from nlcleaner import Cleaner

    cleaner = Cleaner(_settings(mine)).defer_gate(10**9)
    cleaner.clean(_TEXT)
    used = cleaner._prefilter
    copy = used.fresh()
    assert used._given > 0 and copy._given == 0
    assert used._furthers  # (keys alone asked for further requirements)
    assert all(copy._furthers[k][1] is not v[1] for k, v in used._furthers.items())


def test_a_process_remembers_a_few_snapshots_only(mine, monkeypatch):
    from nlcleaner import Cleaner, snapshot

    for guard in (0.1, 0.2, 0.3, 0.4, 0.5, 0.6):
        Cleaner(_settings(mine, guard=guard))
    assert len(snapshot._MEMO) == snapshot._MEMO_MAX
