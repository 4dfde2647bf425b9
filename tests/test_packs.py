"""Rule packs: every built-in rule's examples pass, the loader names file/rule/key, built-in patterns are safe."""

from __future__ import annotations

import os

import pytest
import regex

from nlcleaner import Cleaner, PackError
from nlcleaner.rules import CATEGORIES, builtin_pack_paths, load_pack, load_packs
from nlcleaner.rules.examples import check_rule, split_marked
from nlcleaner.settings import Settings

from conftest import ROOT, keys_only

REFERENCE = ROOT / "nlcleaner" / "packs" / "reference" / "reference.toml"
BUILTIN = [r for p in load_packs(builtin_pack_paths()) for r in p.rules]


@pytest.fixture(scope="module")
def everything():
    return Cleaner()


@pytest.mark.parametrize("rule", BUILTIN, ids=lambda r: r.id)
def test_builtin_rule_examples(rule, everything):
    failures = check_rule(rule, everything.restricted([rule.id]), everything)
    assert not failures, "\n".join(map(str, failures))


def test_reference_pack_has_one_rule_of_every_kind_and_its_examples_pass():
    pack = load_pack(REFERENCE, user=True)
    assert sorted(r.kind for r in pack.rules) == sorted(["phrase", "pattern", "region", "cut", "scored"])
    cleaner = Cleaner(Settings(builtin=False, rules=(str(REFERENCE),)))
    for rule in pack.rules:
        assert not check_rule(rule, cleaner.restricted([rule.id]), cleaner), rule.id


def test_builtin_packs_cover_categories_and_ids_are_unique():
    ids = [r.id for r in BUILTIN]
    assert len(ids) == len(set(ids))
    assert all(r.category in CATEGORIES for r in BUILTIN)
    assert "donation.moscow-times" in ids


# Nested unbounded repeats ((a+)+, (a*)*, (?:x+y*)+) are what backtracks catastrophically.
_NESTED = regex.compile(r"\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)(?:[+*]|\{\d*,\})")


def _patterns(rule):
    spec = rule.spec
    found = []
    for key in ("line", "start", "end", "marker"):
        if key in spec and spec[key].get("pattern"):
            found.append(spec[key]["pattern"])
    for sig in spec.get("signals", ()):
        if sig["line"].get("pattern"):
            found.append(sig["line"]["pattern"])
    return found


@pytest.mark.parametrize("rule", [r for r in BUILTIN if _patterns(r)], ids=lambda r: r.id)
def test_builtin_patterns_have_no_nested_unbounded_repeats(rule):
    for pattern in _patterns(rule):
        assert not _NESTED.search(pattern), f"{rule.id}: nested repeat in {pattern!r}"


def test_lint_catches_a_catastrophic_pattern():
    assert _NESTED.search(r"^(a+)+$") and _NESTED.search(r"(?:\w+\s*)*x")


def test_split_marked():
    doc, kept = split_marked("a\n~~ b\n~~\nc")
    assert doc == "a\nb\n\nc" and kept == ["a", "c"]


def _write(tmp_path, body):
    p = tmp_path / "pack.toml"
    p.write_text(body, encoding="utf-8")
    return p


GOOD_RULE = """
[[rule]]
id = "social.mine"
kind = "phrase"
why = "test"
phrases = ["Share"]
[rule.examples]
remove = ["Share"]
keep = ["Shares rose."]
"""


@pytest.mark.parametrize(
    "change, key",
    [
        (('kind = "phrase"', 'kind = "phrases"'), "kind"),
        (('id = "social.mine"', 'id = "gossip.mine"'), "id"),
        (('id = "social.mine"', 'id = "Social.Mine"'), "id"),
        (('why = "test"', 'why = "test"\nposition = "end"'), "position"),
        (('why = "test"', 'why = "test"\ncolour = "red"'), "colour"),
        (('keep = ["Shares rose."]', ''), "examples.keep"),
        (('phrases = ["Share"]', 'pattern = "(unclosed"'), "pattern"),
        (('phrases = ["Share"]', 'phrases = ["Share", "**"]'), "phrases[1]"),  # empty once normalised
        (('phrases = ["Share"]', 'phrases = ["  "]'), "phrases[0]"),
    ],
)
def test_broken_pack_names_file_rule_and_key(tmp_path, change, key):
    body = '[pack]\nname = "mine"\n' + GOOD_RULE.replace(*change)
    if change[1].startswith("pattern"):
        body = body.replace('kind = "phrase"', 'kind = "pattern"')
    path = _write(tmp_path, body)
    with pytest.raises(PackError) as info:
        load_pack(path)
    message = str(info.value)
    assert str(path) in message and f"key '{key}'" in message and "\n" not in message


def test_a_bound_with_one_side_is_said_as_one(tmp_path):
    """(review, helper-37) "expected a value between 1 and None"."""
    body = '[pack]\nname = "mine"\n' + GOOD_RULE.replace('kind = "phrase"', 'kind = "phrase"\nmax_chars = -1')
    with pytest.raises(PackError) as info:
        load_pack(_write(tmp_path, body))
    assert "expected a value of at least 0, got -1" in str(info.value) and "None" not in str(info.value)


def test_broken_toml_names_the_file(tmp_path):
    path = _write(tmp_path, "[pack\nname=")
    with pytest.raises(PackError, match="not valid TOML") as info:
        load_pack(path)
    assert str(path) in str(info.value)


def test_duplicate_id_across_packs(tmp_path):
    a = tmp_path / "a.toml"
    b = tmp_path / "b.toml"
    a.write_text('[pack]\nname = "a"\n' + GOOD_RULE)
    b.write_text('[pack]\nname = "b"\n' + GOOD_RULE)
    with pytest.raises(PackError, match="already defined"):
        load_packs([a, b])


def test_a_pack_given_twice_under_other_spellings_is_loaded_once(tmp_path, monkeypatch):
    """'p.toml', './p.toml' and a link to it are one pack (loaded twice, its ids clashed with themselves); a copy
    of it elsewhere is another pack, and clashes."""
    pack = tmp_path / "mine.toml"
    pack.write_text('[pack]\nname = "mine"\n' + GOOD_RULE)
    (tmp_path / "link.toml").symlink_to(pack)
    os.link(pack, tmp_path / "hard.toml")
    monkeypatch.chdir(tmp_path)
    cleaner = Cleaner(Settings(builtin=False, rules=("mine.toml", "./mine.toml", str(tmp_path / "link.toml"),
                                                     "hard.toml")))
    assert [r.id for r in cleaner.rules] == ["social.mine"]
    assert [p.name for p in load_packs(["mine.toml", "./mine.toml", "hard.toml"])] == ["mine"]
    assert [r.rule for r in cleaner.clean("Story.\nShare\n").removals] == ["social.mine"]
    (tmp_path / "copy").mkdir()
    (tmp_path / "copy" / "mine.toml").write_bytes(pack.read_bytes())
    with pytest.raises(PackError, match="already used by mine.toml"):
        Cleaner(Settings(builtin=False, rules=("mine.toml", "copy/mine.toml")))


def test_a_built_in_pack_given_as_a_user_pack_is_loaded_once():
    ad = next(p for p in builtin_pack_paths() if p.name == "ad.toml")
    assert len(Cleaner(Settings(rules=(str(ad),))).all_rules) == len(Cleaner().all_rules)


def test_learned_rules_need_no_keep_examples(tmp_path):
    body = '[pack]\nname = "l"\n' + GOOD_RULE.replace("social.mine", "learned.mine").replace('keep = ["Shares rose."]', "")
    assert load_pack(_write(tmp_path, body)).rules[0].id == "learned.mine"


def test_builtin_examples_come_out_the_same_with_the_keys_alone(everything):
    """Every built-in rule's examples, cleaned by the full packs with the hyperscan gate and with the keys-only
    python backend: the same output. A rule whose declared `anchors` miss one of its alternatives passes its own
    examples with the gate (which judges the pattern itself) but loses lines without it: this is where it shows
    ("Screenshot by ..." under copyright.photo-credit once)."""
    plain = keys_only()
    docs = [split_marked(e)[0] for r in BUILTIN for e in r.examples_remove + r.examples_keep]
    assert len(docs) > 300
    differ = []
    for doc in docs:
        a, b = plain.clean(doc), everything.clean(doc)
        if (a.text, a.removals) != (b.text, b.removals):
            differ.append(([r.rule for r in a.removals], [r.rule for r in b.removals], doc[:120]))
    assert not differ, differ[:5]


def test_no_normalised_view_matcher_names_a_character_case_folding_removes():
    """The normalised view is case-folded, so a character that case folding turns into others ("ß" into "ss", "ς"
    into "σ") never occurs in it: a pattern naming one means something it can never match there, and, as the gate
    cannot judge it, its keys are looked for in every text (bio.views-disclaimer's "geäußert" cost 7 % of a corpus
    run's time). Write the folded form instead."""
    from nlcleaner.kinds.line_match import LineMatcher

    bad = []
    for kind in Cleaner()._kinds:
        for value in vars(kind).values():
            for m in value if isinstance(value, (list, tuple)) else [value]:
                if isinstance(m, LineMatcher) and m.on != "raw":
                    texts = [m.pattern] if m.pattern is not None else list(m.phrases or ())
                    for text in texts:
                        odd = sorted({c for c in text if not c.isascii() and c.casefold() != c.lower()})
                        if odd:
                            bad.append((m.rule_id, odd))
    assert not bad


def test_no_built_in_alternative_is_tried_on_every_line():
    """An alternative the gate cannot judge and that has no key is tried on every line of every text: three rules
    that spelt letters as \\p{L} (which the gate does not take) made a corpus run 2.5 times slower, and a region's
    end so written was given a table of every line in each round (50 MB of one-word lines: peak 950 MB -> 1.5 GB).
    Each must have keys, or be judged by the gate."""
    from nlcleaner.kinds.line_match import LineMatcher

    cleaner = Cleaner()
    gate = cleaner._prefilter.gate
    if gate is None or gate.engine != "hyperscan":
        pytest.skip("the hyperscan gate is not installed")
    loose = []
    for kind in cleaner._kinds:
        for value in vars(kind).values():
            for m in value if isinstance(value, (list, tuple)) else [value]:
                if isinstance(m, LineMatcher):
                    judged = gate.gated.get(id(m), {})
                    # (one the gate judges on the normalised view of ASCII lines only, not through the stand-ins of
                    # the others, is tried on every other line; a raw-view one there too, as raw text has no
                    # stand-ins: the documented cost of `on = "raw"`)
                    loose += [(m.rule_id, b) for b, keys in enumerate(m.branch_anchors)
                              if keys is None and (b not in judged or gate.view_of[judged[b]] == "norm")]
    assert not loose


def test_the_gate_judges_every_built_in_alternative(everything):
    """An alternative the hyperscan gate cannot judge (a character whose case folding is ASCII, such as "ß" or the
    long s; a whole-text anchor; one that may match nothing) has its keys looked for one by one over every document
    instead: one such rule with common keys ("editor", "chef") cost a third of the in-process time. Spell it so the
    gate can judge it ("regelm\\w{1,3}ig" for "regelmäßig")."""
    from nlcleaner.prefilter import gate_eligible

    ungated = sorted({m.rule_id for k in everything._kinds for m in k.matchers
                      for branch in m.branches if not gate_eligible(branch)})
    assert ungated == []


def test_no_gate_expression_lets_plain_prose_through():
    """An alternative made of lookaheads ("^(?=.*comment)(?=.*log ?in).{10,140}$") has "^.{10,140}$" for its gate
    form, as the gate drops lookarounds: it lets every line through to `regex` (a confirmation pattern written so
    doubled the time and memory of one-word lines). No built-in gate expression may match ordinary sentences."""
    cleaner = Cleaner()
    cleaner.clean("A short warm-up text. " * 300)  # (the gate is built once a run has enough text)
    gate = cleaner._prefilter.gate
    if gate is None or gate.engine != "hyperscan":
        pytest.skip("the hyperscan gate is not installed")
    plain = [b"\nthe council met on tuesday to discuss the budget for next year.\n", b"\nword\n",
             b"\nresidents said the detour would add twenty minutes to their journeys.\n"]
    loose = []
    for tid, expression in enumerate(gate.expressions):
        try:
            pattern = regex.compile(expression, regex.IGNORECASE)
        except regex.error:  # (hyperscan syntax that `regex` reads otherwise: not this test's concern)
            continue
        if sum(1 for line in plain if pattern.search(line)) >= 2:
            loose.append(gate.targets[tid][0].rule_id)
    assert loose == []


def test_a_signal_takes_max_chars(tmp_path):
    """docs/rules.md lets a scored rule's signal say how long a line it looks at may be: the loader accepts the key,
    and a longer line does not fire the signal."""
    pack = tmp_path / "mine.toml"
    pack.write_text(
        '[pack]\nname = "mine"\n\n[[rule]]\nid = "donation.mine"\nkind = "scored"\nwhy = "Asks."\nthreshold = 4\n'
        '[[rule.signal]]\nname = "ask"\nweight = 2\nphrases = ["please give"]\nmax_chars = 40\n'
        '[[rule.signal]]\nname = "button"\nweight = 2\nphrases = ["donate now"]\n'
        '[rule.examples]\nremove = ["~~ Please give today.\\n~~ Donate now"]\nkeep = ["Plain text."]\n',
        encoding="utf-8",
    )
    (rule,) = load_pack(pack).rules
    assert rule.spec["signals"][0]["line"]["max_chars"] == 40
    cleaner = Cleaner(Settings(rules=(str(pack),), builtin=False))
    story = "The harbour reopened on Monday after a winter of repairs to the old sea wall and its steps.\n\n"
    short = story + "Please give today.\nDonate now\n"
    long = story + "Please give today, because without readers like you we could not cover the harbour at all.\nDonate now\n"
    assert "Please give" not in cleaner.clean(short).text  # (the box goes, with its blank separator)
    assert cleaner.clean(long).text == long  # (the long line does not fire: one signal, under the threshold)
