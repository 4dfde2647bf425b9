"""A deferred gate (`Cleaner.defer_gate`, what the command line asks for): until enough text has been given, lines
are found by keys alone and the alternatives they find confirmed by `regex`. The output is the one keys alone give
(and so the one the gate gives); the gate is built once the threshold is passed; the command line defers it, so
that cleaning one small file does not build it."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import keys_only
from test_gate_fuzz import _documents

from nlcleaner import Cleaner, Settings
from nlcleaner.prefilter import DEFER_GATE, Prefilter, available_backends, choose_backend, choose_gate

pytest.importorskip("re2")

ROOT = Path(__file__).resolve().parent.parent
NEVER = 1 << 62


def _outcome(cleaner, text):
    res = cleaner.clean(text)
    return res.text, res.removals, res.held, res.flags


def _texts() -> list[str]:
    """The fuzzed documents of the gate's own test, the fixtures, and every built-in rule's examples."""
    fixtures = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").rglob("*.txt"))]
    examples = [t for r in Cleaner().all_rules for t in (*r.examples_remove, *r.examples_keep)]
    return _documents(20261126, 200) + fixtures + examples


@pytest.mark.parametrize("backend", [b for b in ("hyperscan", "ahocorasick") if b in available_backends()])
def test_a_deferred_gate_changes_no_output(monkeypatch, backend):
    monkeypatch.setenv("NLCLEANER_PREFILTER", backend)
    monkeypatch.delenv("NLCLEANER_GATE", raising=False)
    deferred = Cleaner().defer_gate(NEVER)
    assert deferred._prefilter.deferred
    plain = keys_only()
    removed = 0
    for text in _texts():
        a = _outcome(plain, text)
        assert _outcome(deferred, text) == a, text[:300]
        removed += len(a[1])
    assert deferred._prefilter._gate is None  # never built: every text was judged by keys alone
    assert removed > 500


def test_the_gate_is_built_once_the_texts_given_reach_the_threshold():
    if choose_gate(choose_backend()) is None:
        pytest.skip("no gate in use here (NLCLEANER_GATE=0)")
    cleaner = Cleaner().defer_gate(100)
    pf = cleaner._prefilter
    cleaner.clean("Share this article\n" * 3)  # 57 characters
    assert pf.deferred and pf._gate is None
    cleaner.clean_many(["Sign up for our newsletter\n", "Advertisement\n"])  # 41 more: 98
    assert pf.deferred and pf._gate is None
    result = cleaner.clean("Text of the story.\n\nShare this article\n")  # 39 more: 137, past the threshold
    assert not pf.deferred and pf._gate is not None
    assert [r.rule for r in result.removals] == [r.rule for r in Cleaner().clean(
        "Text of the story.\n\nShare this article\n").removals]


def test_the_library_builds_its_gate_at_once():
    if choose_gate(choose_backend()) is None:
        pytest.skip("no gate in use here (NLCLEANER_GATE=0)")
    cleaner = Cleaner()
    assert not cleaner._prefilter.deferred
    cleaner.clean("A single line of article text.\n")
    assert cleaner._prefilter._gate is not None


def test_how_long_the_gate_is_deferred_depends_on_its_engine(monkeypatch):
    for backend, engine in (("hyperscan", "hyperscan"), ("ahocorasick", "re2")):
        if backend not in available_backends():
            continue
        monkeypatch.setenv("NLCLEANER_PREFILTER", backend)
        monkeypatch.delenv("NLCLEANER_GATE", raising=False)
        assert Cleaner().defer_gate()._prefilter._gate_after == DEFER_GATE.get(engine, 0)
    # a one-line file is cleaned without building either gate
    assert DEFER_GATE["hyperscan"] > 1000 and DEFER_GATE["re2"] > 1000


@pytest.mark.parametrize("backend", ["hyperscan", "ahocorasick"])
def test_the_command_line_defers_its_gate(tmp_path, monkeypatch, backend):
    """With either gate (hyperscan's, or RE2's without it): one small file, no gate is built; a file past the
    threshold, the gate is built for it."""
    if backend not in available_backends():
        pytest.skip(f"{backend} is not installed")
    monkeypatch.setenv("NLCLEANER_PREFILTER", backend)
    monkeypatch.delenv("NLCLEANER_GATE", raising=False)
    from typer.testing import CliRunner

    import nlcleaner.cli.commands  # noqa: F401  (registers the commands)
    from nlcleaner.cli import app

    gated = choose_gate(choose_backend()) is not None  # (the RE2 gate)
    builds = []
    real = Prefilter._build_gate

    def counting(self):
        builds.append(1)
        real(self)

    monkeypatch.setattr(Prefilter, "_build_gate", counting)
    small = tmp_path / "small.txt"
    small.write_text("A single line of article text.\n\nShare this article\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["clean", "--isolated", str(small)])
    assert result.exit_code == 0, result.output
    assert result.stdout == "A single line of article text.\n"
    assert builds == []
    large = tmp_path / "large.txt"
    large.write_text("A line of article text, long enough to count.\n" * (max(DEFER_GATE.values()) // 40)
                     + "Share this article\n",
                     encoding="utf-8")
    result = CliRunner().invoke(app, ["clean", "--isolated", str(large)])
    assert result.exit_code == 0, result.output
    assert not result.stdout.endswith("Share this article\n")
    assert builds == ([1] if gated else [])


def test_a_user_rule_is_judged_by_its_keys_while_the_gate_is_deferred(tmp_path):
    """The gate checks its forms on the rules' examples and stops judging an alternative whose form misses one
    (here a case pair newer than Python's Unicode tables: `regex` matches "Promo \ua7cb" with "promo \u0264", the
    stand-in of "\ua7cb" does not); a deferred gate leaves the line to `regex`, as keys alone do."""
    pack = tmp_path / "mine.toml"
    pack.write_text(
        '[pack]\nname = "mine"\n\n[[rule]]\nid = "ad.mine"\nkind = "pattern"\nwhy = "Mine."\n'
        'pattern = "^promo \\u0264$"\n[rule.examples]\nremove = ["Promo \\ua7cb"]\nkeep = ["Plain text."]\n',
        encoding="utf-8",
    )
    settings = Settings(rules=(str(pack),), builtin=False)
    text = "Text.\n\nPromo \ua7cb\n"
    expected = [(r.start, r.end, r.rule) for r in keys_only(settings).clean(text).removals]
    assert expected == [(6, 15, "ad.mine")]
    deferred = Cleaner(settings).defer_gate(NEVER)
    assert [(r.start, r.end, r.rule) for r in deferred.clean(text).removals] == expected


def test_a_line_ending_in_two_carriage_returns_comes_out_as_with_keys_alone():
    """A raw line as the round gives it has its line ending's CR off already; a screen of the deferred gate once
    took off the other CR of "Tags:\\r\\r" too, and then the tag line's pattern (which asks for the line to end
    after the colon) turned it away where keys alone and the gate remove it (found by review, helper-131)."""
    story = "The council met on Monday and agreed the budget after a long debate, the mayor said.\r\n\r\n"
    text = story * 4 + "Published: May 3, 2012 | Tags:\r\r\n\r\n" + story
    plain = _outcome(keys_only(Settings()), text)
    assert plain[1] and plain == _outcome(Cleaner(Settings()).defer_gate(1 << 62), text)
