"""The RE2 gate (the default without hyperscan): it finds the lines each expression matches as a search of every
line would, falls back to letting every line through when a set fails, leaves out what RE2 reads otherwise, and is
chosen, forced or turned off as documented. That it changes no output is tested with the other gate, in
test_prefilter.py (`test_each_gate_changes_no_output`)."""

from __future__ import annotations

import random
from array import array
from itertools import accumulate

import pytest

pytest.importorskip("re2")

from nlcleaner import Cleaner, Settings  # noqa: E402
from nlcleaner.prefilter.gate_re2 import Re2Sets, _lines_matched, _options, _takes  # noqa: E402
from nlcleaner.prefilter import BackendError, choose_gate  # noqa: E402


def _joined(lines):
    data = ("\n" + "\n".join(lines) + "\n").encode()
    starts = array("q", accumulate(map((1).__add__, map(len, lines)), initial=1))
    return data, starts


def _each_line(regex, data, starts, lines):
    """The reference: every judged line searched within its window."""
    return [i for i in range(len(lines)) if lines[i] and regex.search(data, starts[i] - 1, starts[i + 1])]


EXPRESSIONS = [b"\\nab", b"ab\\n", b"\\n\\w+ b\\n", b"b a", b"\\nb\\b", b"a{2,3}", b"\\n[ab]*\\n", b"(?:\\na|b\\n)"]


@pytest.mark.parametrize("expression", EXPRESSIONS)
def test_the_lines_found_by_hops_are_those_a_search_of_each_line_finds(expression):
    import re2

    regex = re2.compile(expression, _options())
    rng = random.Random(7)
    words = ["a", "b", "ab", "ba", "aa", "aaa", "", " "]
    for _ in range(400):
        lines = [" ".join(rng.choice(words) for _ in range(rng.randint(0, 3))) for _ in range(rng.randint(1, 12))]
        if rng.random() < 0.3:  # lines the gate does not judge are empty in its list
            lines[rng.randrange(len(lines))] = ""
        data, starts = _joined(lines)
        assert list(_lines_matched(regex, data, starts, lines, 0, len(lines))) == _each_line(regex, data, starts, lines), lines


def test_sets_report_every_expression_on_every_line_it_matches():
    sets = Re2Sets([b"\\nshare this\\n", b"newsletter", b"\\nadvert", b"(a)\\1"])  # (a backreference: left out)
    assert sets.kept == [0, 1, 2]
    lines = ["Share this", "Sign up for our newsletter", "", "advertisement", "share this story", "Newsletter"]
    data, starts = _joined(lines)
    found = set()
    sets.scan(data, starts, lines, lambda i, line: found.add((i, line)))
    assert found == {(0, 0), (1, 1), (2, 3), (1, 5)}


def test_a_set_that_fails_lets_every_member_be_looked_for(monkeypatch):
    """RE2 reports a set whose DFA ran out of memory as matching nothing; the probe every text matches tells."""
    sets = Re2Sets([b"newsletter", b"\\nadvert"])
    lines = ["Sign up for our newsletter", "advertisement", "nothing"]
    data, starts = _joined(lines)
    one, members = sets._sets[0]

    class Failed:
        def Match(self, _data):
            return None

    sets._sets[0] = (Failed(), members)
    found = set()
    sets.scan(data, starts, lines, lambda i, line: found.add((i, line)))
    assert found == {(0, 0), (1, 1)}


@pytest.mark.parametrize(
    "expression, taken",
    [
        (b"\\nshare this\\n", True),
        (b"a{2,3}b", True),
        (b"[$^]x", True),  # (inside a set: characters)
        (b"\\$5", True),
        (b"^share", False),
        (b"share$", False),
        (b"a{,3}b", False),  # a repeat to `regex`, a literal to RE2
        (b"\\Ashare", False),
        (b"(a)\\1", False),  # a backreference
        (b"(p)(r)(o)(m)(o)(t)(i)(o)(n)(s)\\10", False),  # group 10 to `regex`, an octal escape to RE2
        (b"\\x41", True),
    ],
)
def test_what_re2_reads_otherwise_is_left_out(expression, taken):
    assert _takes(expression) is taken


def test_the_gate_is_chosen_forced_and_turned_off(monkeypatch):
    monkeypatch.delenv("NLCLEANER_GATE", raising=False)
    assert choose_gate("ahocorasick") == "re2"
    assert choose_gate("python") == "re2"
    for off in ("0", "off", "false", "no"):
        monkeypatch.setenv("NLCLEANER_GATE", off)
        assert choose_gate("python") is None and choose_gate("hyperscan") is None
    monkeypatch.setenv("NLCLEANER_GATE", "re2")
    assert choose_gate("python") == "re2"
    monkeypatch.setenv("NLCLEANER_GATE", "nonsense")
    with pytest.raises(BackendError, match="unknown gate 'nonsense'"):
        choose_gate("python")


def test_a_catastrophic_user_pattern_is_found_by_its_keys_as_without_the_gate(tmp_path, monkeypatch):
    """RE2 could judge the pattern in linear time, but a user's pattern is left to its keys (see
    `Prefilter._build_gate`): it times out on the same line as with keys alone, and the rule is off for the rest
    of the document with either, so the output does not depend on the engine."""
    monkeypatch.setenv("NLCLEANER_PREFILTER", "python")
    monkeypatch.delenv("NLCLEANER_GATE", raising=False)
    pack = tmp_path / "mine.toml"
    pack.write_text(
        '[pack]\nname = "mine"\n\n[[rule]]\nid = "ad.catastrophic"\nkind = "pattern"\nwhy = "backtracks"\n'
        "pattern = '^promo (a|aa)+$'\nmax_chars = 100000\n[rule.examples]\nremove = [\"promo aaaa\"]\n"
        'keep = ["promo b"]\n'
    )
    evil = "promo " + "a" * 40 + "!"
    text = f"Text.\n{evil}\npromo aaaa\n"
    cleaner = Cleaner(Settings(builtin=False, rules=(str(pack),)))
    result = cleaner.clean(text)
    assert cleaner._prefilter._gate_engine == "re2"  # (the RE2 gate is this prefilter's: the other rules use it)
    assert "timeout:ad.catastrophic" in result.flags and result.text == text
    monkeypatch.setenv("NLCLEANER_GATE", "0")  # keys alone: the same
    alone = Cleaner(Settings(builtin=False, rules=(str(pack),))).clean(text)
    assert (alone.text, alone.flags) == (result.text, result.flags)


@pytest.mark.parametrize("block", [1, 7, 40, 16_384])
def test_lines_judged_in_blocks_are_those_a_search_of_each_line_finds(monkeypatch, block):
    """However the lines fall into blocks, the sets report each expression on exactly the lines whose window a
    search finds it in (an expression reading the character before a window's newline among them)."""
    import re2

    import nlcleaner.prefilter.gate_re2 as gate_re2

    monkeypatch.setattr(gate_re2, "BLOCK", block)
    expressions = EXPRESSIONS + [b"\\b\\nab", b"b\\n\\B"]
    sets = Re2Sets(expressions)
    assert sets.kept == list(range(len(expressions)))
    regexes = [re2.compile(e, _options()) for e in expressions]
    rng = random.Random(11)
    words = ["a", "b", "ab", "ba", "aa", "", " ", "-"]
    for _ in range(300):
        lines = [" ".join(rng.choice(words) for _ in range(rng.randint(0, 4))) for _ in range(rng.randint(1, 15))]
        data, starts = _joined(lines)
        found = set()
        sets.scan(data, starts, lines, lambda i, line: found.add((i, line)))
        want = {(i, line) for i, rx in enumerate(regexes) for line in _each_line(rx, data, starts, lines)}
        assert found == want, lines


def test_expressions_re2_cannot_compile_together_are_split_and_one_too_large_alone_is_left_out(monkeypatch):
    """A set's program may grow past its memory budget: its expressions then go into sets of half as many, and only
    an expression that still cannot be compiled is left out (its alternative judged by its keys), not the gate."""
    import re2

    real = re2.Set.SearchSet

    class Bounded:  # compiles at most four expressions together, never the one holding "huge"
        def __init__(self, options):
            self._set, self._added = real(options), []

        def Add(self, expression):
            self._added.append(expression)
            return self._set.Add(expression)

        def Compile(self):
            if len(self._added) > 5 or any(b"huge" in e for e in self._added):
                raise re2.error("too large")
            return self._set.Compile()

        def Match(self, data):
            return self._set.Match(data)

    monkeypatch.setattr(re2.Set, "SearchSet", classmethod(lambda cls, options=None: Bounded(options)))
    expressions = [b"word%d" % i for i in range(10)] + [b"huge"]
    sets = Re2Sets(expressions)
    assert sets.kept == list(range(10)) and len(sets._sets) >= 2
    lines = ["a word3 here", "huge", "word9", "nothing"]
    data, starts = _joined(lines)
    found = set()
    sets.scan(data, starts, lines, lambda i, line: found.add((i, line)))
    assert found == {(3, 0), (9, 2)}


def test_a_non_ascii_character_s_bytes_are_one_group_in_gate_forms():
    """The engines read expressions byte by byte: `»?` must make the whole character optional, not its last byte
    (an ASCII line the alternative matches without it was turned away, by hyperscan too)."""
    from nlcleaner.prefilter.gate_forms import _bytes_grouped

    assert _bytes_grouped("\\nAnzeige ?»?\\n".encode()) == "\\nAnzeige ?(?:»)?\\n".encode()
    assert _bytes_grouped("\\é?x[»a]".encode()) == "(?:\\é)?x[»a]".encode()
    assert _bytes_grouped(b"plain ascii?") == b"plain ascii?"
    sets = Re2Sets([_bytes_grouped("\\nAnzeige ?»?\\n".encode())])
    lines = ["Anzeige", "Anzeige »", "Anzeigen"]
    data, starts = _joined(lines)
    found = set()
    sets.scan(data, starts, lines, lambda _i, line: found.add(line))
    assert 0 in found and 2 not in found


def test_an_expression_a_set_takes_but_re2_cannot_compile_alone_lets_every_line_through(monkeypatch):
    import re2

    real = re2.compile

    def compile_(expression, options=None):
        if expression == b"newsletter":
            raise re2.error("too large")
        return real(expression, options)

    monkeypatch.setattr(re2, "compile", compile_)
    sets = Re2Sets([b"newsletter", b"\\nadvert"])
    lines = ["Sign up for our newsletter", "advertisement", "", "nothing"]
    data, starts = _joined(lines)
    found = set()
    sets.scan(data, starts, lines, lambda i, line: found.add((i, line)))
    assert found == {(0, 0), (0, 1), (0, 3), (1, 1)}


def test_which_expressions_re2_takes_is_cached_and_a_damaged_cache_is_made_again(tmp_path, monkeypatch):
    """`_takes` walks every expression in Python: its answer is kept in the cache (a short run's start-up), read
    back when valid, and made again from a file this code did not write."""
    monkeypatch.setenv("NLCLEANER_CACHE_DIR", str(tmp_path))
    expressions = [b"\\nab", b"^ab", b"x{,3}", b"b a", b"\\nb\\b", b"(a)\\1"]
    expected = [i for i, e in enumerate(expressions) if _takes(e)]
    assert Re2Sets(expressions).kept == [i for i in expected if i != 5]  # (RE2 refuses the backreference)
    (cached,) = tmp_path.glob("gate-*.takes")
    assert [int(x) for x in cached.read_text().split()] == expected
    cached.write_text("0 3")  # a valid file is believed: it is what is read
    assert Re2Sets(expressions).kept == [0, 3]
    for damaged in ("0 99", "zero", "-1"):
        cached.write_text(damaged)
        assert Re2Sets(expressions).kept == [i for i in expected if i != 5]
        assert [int(x) for x in cached.read_text().split()] == expected  # (and written again)
    monkeypatch.setenv("NLCLEANER_CACHE_DIR", "off")
    assert Re2Sets(expressions).kept == [i for i in expected if i != 5]


def test_expressions_that_begin_at_a_line_s_start_share_sets(tmp_path, monkeypatch):
    """(RE2 builds fewer DFA states for sets so made: see Re2Sets.) The order of the sets is all that changes:
    every expression is kept, and each set still names its own members."""
    from nlcleaner.prefilter import gate_re2

    monkeypatch.setenv("NLCLEANER_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(gate_re2, "SET_SIZE", 3)
    expressions = [b"ab", b"\\nab", b"cd", b"\\ncd", b"ef", b"\\nef", b"gh"]
    sets = Re2Sets(expressions)
    assert sets.kept == list(range(len(expressions)))
    assert [members for _, members in sets._sets] == [[1, 3, 5], [0, 2, 4], [6]]


def test_the_takes_cache_is_keyed_by_every_expression_whole_and_by_the_code(tmp_path, monkeypatch):
    """Two lists of expressions never share a cache file, not even when one expression holds a NUL where the other
    list splits in two (a file of the one read for the other would have RE2 take `{,3}`, which it reads as text);
    and an edit of the code renews it."""
    from nlcleaner import packcache

    monkeypatch.setenv("NLCLEANER_CACHE_DIR", str(tmp_path))
    assert Re2Sets([b"ab", b"x{,3}y"]).kept == [0]
    assert Re2Sets([b"ab\x00x{,3}y"]).kept == []  # (`_takes` refuses it: not the other list's file)
    assert len(list(tmp_path.glob("gate-*.takes"))) == 2
    monkeypatch.setattr(packcache, "_CODE", ["another version of the code"])
    Re2Sets([b"ab", b"x{,3}y"])
    assert len(list(tmp_path.glob("gate-*.takes"))) == 3
