"""A gate for a rule set close to one whose database is cached is built on that database (`gate_reuse`): only the
expressions it lacks are compiled, the ones the set does not have are never reported, and the output is the one
keys alone give."""

from __future__ import annotations

import pytest

from conftest import keys_only, needs_gate
from nlcleaner import Cleaner, Settings
from nlcleaner.prefilter import BranchGate
from nlcleaner.prefilter import gate as gate_module
from nlcleaner.prefilter import gate_reuse

pytestmark = needs_gate

FORMS = [rb"\nshare this\n", rb"\bnewsletter\b", rb"\nfollow us\n", rb"\bcookies\b", rb"\bdonate\b",
         rb"\nadvertisement\n", rb"\bpodcast\b"]
LINES = ["share this", "our newsletter", "follow us", "we use cookies", "donate now", "advertisement", "",
         "a podcast", "share this story"]


class _Matcher:
    on = "norm"


def _gate(forms: list[bytes]) -> BranchGate:
    m = _Matcher()
    return BranchGate([(m, b, form, "norm") for b, form in enumerate(forms)])


def _verdicts(gate: BranchGate) -> dict[int, set[int]]:
    out: dict[int, set[int]] = {}
    gate.scan("norm", LINES, out)
    return out


@pytest.fixture
def small_bases(tmp_path, monkeypatch):
    """A cache of its own, where sets of a few expressions already count as large (the real threshold is in the
    hundreds, which would take a minute to compile here)."""
    monkeypatch.setenv("NLCLEANER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(gate_reuse, "REUSE_MIN", 4)
    monkeypatch.setattr(gate_reuse, "MOST_NEW", 0.25)
    return tmp_path / "cache"


def test_a_set_close_to_a_cached_database_is_built_on_it(small_bases, tmp_path, monkeypatch):
    first = _gate(FORMS[:6])
    assert first.bases == []
    assert len(list(small_bases.glob("gate-*.exprs"))) == 1
    (base,) = small_bases.glob("gate-*.db")
    # reordered, "donate" left out, "podcast" added
    forms = [FORMS[1], FORMS[0], FORMS[2], FORMS[3], FORMS[5], FORMS[6]]
    second = _gate(forms)
    assert second.bases == [base.name]
    assert len(second.dbs["norm"]) == 2  # the base, and one holding the expression it lacks
    assert len(list(small_bases.glob("gate-*.db"))) == 2
    got = _verdicts(second)
    # the same verdicts as the set's own database, numbered by this set's targets, and none for "donate" (line 4)
    assert got == {0: {1}, 1: {0}, 2: {2}, 3: {3}, 4: {5}, 5: {7}}
    monkeypatch.setenv("NLCLEANER_CACHE_DIR", str(tmp_path / "elsewhere"))
    own = _gate(forms)
    assert own.bases == [] and len(own.dbs["norm"]) == 1
    assert _verdicts(own) == got


def test_the_base_a_set_was_built_on_is_taken_at_once_the_next_time(small_bases, monkeypatch):
    """The base is recorded beside where the set's own database would be: the next start takes it without
    searching the cache folder; when its listing is gone, the search runs again."""
    _gate(FORMS[:6])
    forms = FORMS[:5] + [FORMS[6]]
    built = _gate(forms)
    assert built.bases and len(list(small_bases.glob("gate-*.base"))) == 1
    read = []
    read_listing = gate_reuse._read_listing
    monkeypatch.setattr(gate_reuse, "_read_listing", lambda *a: read.append(1) or read_listing(*a))
    again = _gate(forms)
    assert again.bases == built.bases and _verdicts(again) == _verdicts(built)
    assert read == []  # (no listing read: the folder was not searched)
    for listing in small_bases.glob("gate-*.exprs"):
        listing.unlink()
    assert _gate(forms).bases == []  # (no listing: neither the record nor the search finds a base)


def test_a_base_that_does_not_load_is_passed_over(small_bases, monkeypatch):
    _gate(FORMS[:6])
    monkeypatch.setattr(gate_reuse, "MOST_NEW", 0.0)
    _gate(FORMS[1:])  # (another large database of its own, holding FORMS[1:6] too)
    monkeypatch.setattr(gate_reuse, "MOST_NEW", 0.25)
    forms = FORMS[1:6]
    bases = list(gate_reuse.find_bases(small_bases, forms, _flags(), _version()))
    assert len(bases) == 2
    bases[0].file.write_bytes(b"not a database")
    got = _gate(forms)
    assert got.bases == [bases[1].file.name]
    assert _verdicts(got) == {0: {1}, 1: {2}, 2: {3}, 3: {4}, 4: {5}}


def _flags() -> int:
    import hyperscan

    return hyperscan.HS_FLAG_CASELESS | hyperscan.HS_FLAG_PREFILTER


def _version() -> str:
    import hyperscan

    gate = object.__new__(BranchGate)
    gate._hs = hyperscan
    return gate._db_version()


def test_a_set_far_from_every_cached_database_gets_its_own(small_bases):
    _gate(FORMS[:4])
    # half of it is new: more than MOST_NEW
    far = _gate([FORMS[0], FORMS[1], FORMS[4], FORMS[5], FORMS[6]])
    assert far.bases == [] and len(far.dbs["norm"]) == 1


def test_a_set_using_few_of_a_cached_database_gets_its_own(small_bases):
    """Built on it, the set would scan it mostly for nothing."""
    _gate(FORMS)
    few = _gate([FORMS[0], FORMS[1], FORMS[3], rb"\bsubscribe\b"])
    assert few.bases == []


def test_a_database_built_by_other_code_is_no_base(small_bases, monkeypatch):
    """What a database holds for the same expressions depends on the code that spells them out (see
    `BranchGate._db_version`): a listing written by other code is not taken."""
    _gate(FORMS[:6])
    monkeypatch.setattr(gate_module, "source_digest", lambda *names: "other code")
    other = _gate(FORMS[:5] + [FORMS[6]])
    assert other.bases == []


def test_a_broken_listing_is_no_base(small_bases):
    _gate(FORMS[:6])
    (listing,) = small_bases.glob("gate-*.exprs")
    listing.write_bytes(listing.read_bytes()[:-3])
    assert _gate(FORMS[:5] + [FORMS[6]]).bases == []


def test_a_user_pack_added_is_gated_on_the_cached_database_with_the_output_of_keys_alone(small_bases, tmp_path,
                                                                                          monkeypatch):
    monkeypatch.setattr(gate_reuse, "REUSE_MIN", 10)
    monkeypatch.setattr(gate_reuse, "MOST_NEW", 0.1)
    monkeypatch.delenv("NLCLEANER_GATE", raising=False)
    monkeypatch.setenv("NLCLEANER_PREFILTER", "hyperscan")
    chosen = ("newsletter",)  # (a small database: quick to compile)
    alone = Cleaner(Settings(select=chosen))
    assert alone._prefilter.gate is not None and alone._prefilter.gate.bases == []
    pack = tmp_path / "mine.toml"
    pack.write_text(
        '[pack]\nname = "mine"\n\n'
        '[[rule]]\nid = "newsletter.gazette-letter"\nkind = "phrase"\nwhy = "The Gazette\'s letter."\n'
        'phrases = ["Get the Gazette letter every morning"]\n'
        '[rule.examples]\nremove = ["Story.\\n\\nGet the Gazette letter every morning\\n"]\n'
        'keep = ["The Gazette letter every morning was late."]\n'
    )
    settings = Settings(select=chosen, rules=(str(pack),))
    gated = Cleaner(settings)
    gate = gated._prefilter.gate
    assert gate is not None and len(gate.bases) == 1
    plain = keys_only(settings)
    docs = [
        "Story.\n\nGet the Gazette letter every morning\n\nSign up for our newsletter to get the news first.\n",
        "The Gazette letter every morning was late.\n\nSubscribe to our newsletter\n",
        "Nothing to remove here.\n",
    ]
    removed = set()
    for text in docs:
        a, b = plain.clean(text), gated.clean(text)
        assert (a.text, a.removals, a.flags, a.held) == (b.text, b.removals, b.flags, b.held)
        removed |= {r.rule for r in a.removals}
    assert "newsletter.gazette-letter" in removed and len(removed) >= 2
    # what hyperscan misses depends on a database's makeup: the check of the same set built on its own is another
    base_check = gated._prefilter._misses_file().name
    monkeypatch.setenv("NLCLEANER_CACHE_DIR", str(tmp_path / "elsewhere"))
    own = Cleaner(settings)
    assert own._prefilter.gate.bases == []
    assert own._prefilter._misses_file().name != base_check


def test_compiling_a_large_database_is_announced_and_loading_it_is_not(small_bases, monkeypatch):
    """A compile of SLOW_COMPILE expressions or more (a minute for the built-in packs) is told to whoever listens
    (`nlcleaner.notices`: the command line writes it on stderr) before it starts; a database from the cache, or
    a small one, is not."""
    from nlcleaner import notices

    said: list[str] = []
    monkeypatch.setattr(notices, "_LISTENERS", [said.append])
    monkeypatch.setattr(gate_module, "SLOW_COMPILE", 5)
    _gate(FORMS[:4])
    assert said == []
    _gate(FORMS[:6])
    assert said == ["compiling the gate's hyperscan database of 6 expressions (once: it is cached; about a minute "
                    "for the built-in packs)"]
    _gate(FORMS[:6])
    assert len(said) == 1
