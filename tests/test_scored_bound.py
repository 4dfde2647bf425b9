"""The scored kind's early exit: a block weighs at most what the distinct positive signals fired in the zone weigh
(signals that count against only take away), so when they weigh less than the threshold, or fewer of them fired
than a claim needs, a built-in rule claims nothing and its signals that count against are not tested (a user's rule
tests them all the same: one may run out of time, which is reported). Every text is invented."""

from __future__ import annotations

import pytest

from nlcleaner import Cleaner, Settings
from nlcleaner.kinds.line_match import LineMatcher

PACK = '''
[pack]
name = "test-box"

[[rule]]
id = "promo.test-box"
kind = "scored"
why = "A test box."
threshold = 5
min_signals = 2
max_lines = 6
bridge_chars = 60
min_line_weight = 2

[[rule.signal]]
name = "club"
weight = 3
pattern = \'\'\'\\bjoin our club\\b\'\'\'

[[rule.signal]]
name = "members"
weight = 2
pattern = \'\'\'\\bmembers get\\b\'\'\'

[[rule.signal]]
name = "reported-speech"
weight = -4
pattern = \'\'\'\\b(?:said|says|told)\\b\'\'\'

[rule.examples]
remove = ["""
The river rose by two metres overnight and the lower town was evacuated before dawn.
Join our club today.
Members get the newsletter first.
"""]
keep = ["""
The river rose by two metres overnight and the lower town was evacuated before dawn.
Join our club today, the mayor said.
Members get the newsletter first, she told reporters.
"""]
'''

STORY = "The river rose by two metres overnight and the lower town was evacuated before dawn.\n"


@pytest.fixture()
def cleaner(tmp_path):
    pack = tmp_path / "box.toml"
    pack.write_text(PACK, encoding="utf-8")
    return Cleaner(Settings(rules=(str(pack),), builtin=False))


def _counted(monkeypatch) -> list:
    seen: list = []
    original = LineMatcher.match_by_anchors

    def spy(self, line):
        seen.append(line.raw)
        return original(self, line)

    monkeypatch.setattr(LineMatcher, "match_by_anchors", spy)
    return seen


def test_positive_signals_that_reach_the_threshold_are_weighed_against_the_others(cleaner, monkeypatch):
    seen = _counted(monkeypatch)
    claimed = cleaner.clean(STORY + "Join our club today.\nMembers get the newsletter first.\n")
    assert [r.text for r in claimed.removals] == ["Join our club today.\nMembers get the newsletter first.\n"]
    assert seen  # (3 + 2 = the threshold: the signal that counts against is tested)
    kept = cleaner.clean(STORY + "Join our club today, the mayor said.\nMembers get the newsletter first.\n")
    assert not kept.removals


def test_a_built_in_rule_below_its_threshold_claims_nothing_and_tests_nothing_more(monkeypatch):
    seen = _counted(monkeypatch)
    cleaner = Cleaner(Settings(select=("app.prompt",)))
    # "our app" (3) and a download verb (1): 4, under app.prompt's threshold of 6 (a line that opens with the
    # verb would add the download-now signal's 2)
    assert not cleaner.clean(STORY + "People should download our app, the minister said.\n").removals
    assert seen == []
    example = cleaner.rule("app.prompt").examples_remove[0]
    assert cleaner.clean(example).removals and seen  # (a box that reaches it: weighed against reported speech)


def test_below_its_threshold_a_built_in_rule_neither_confirms_nor_reads_its_signal_lines_neighbours(monkeypatch):
    """A signal matches only lines the prefilter names for it, and which matched lines talk about furniture or
    stand where only the document's own text does (a few neighbours read for each) only takes signals away: when the
    signals named cannot reach the threshold even all together, no signal is confirmed on a line and no line is
    tested. The story's own "download our app" is the common case: most scored rules' words appear in some story."""
    import nlcleaner.detect as detect

    asked: list = []
    for name in ("talks_about_furniture", "the_documents_own"):
        original = getattr(detect, name)
        monkeypatch.setattr(detect, name, lambda *a, original=original, name=name: asked.append(name) or original(*a))
    confirmed: list = []
    match = LineMatcher.match
    monkeypatch.setattr(LineMatcher, "match", lambda self, *a: confirmed.append(self.rule_id) or match(self, *a))
    cleaner = Cleaner(Settings(select=("app.prompt",)))
    assert not cleaner.clean(STORY + "People should download our app, the minister said.\n").removals
    assert asked == [] and confirmed == []
    assert cleaner.clean(cleaner.rule("app.prompt").examples_remove[0]).removals and asked  # (tested where it may)
    assert confirmed


def test_a_user_rule_tests_its_signals_that_count_against_and_reports_their_timeouts(tmp_path):
    """A user's signal that counts against and runs out of time is reported even where the positive ones cannot
    reach the threshold (found by review, helper-27)."""
    pack = tmp_path / "slow.toml"
    pack.write_text(
        '[pack]\nname = "slow"\n\n[[rule]]\nid = "donation.slow"\nkind = "scored"\nwhy = "A test."\nthreshold = 10\n'
        'min_signals = 1\n\n[[rule.signal]]\nname = "asks"\nweight = 3\nphrases = ["donate"]\n\n'
        "[[rule.signal]]\nname = \"reported\"\nweight = -5\npattern = 'donate(?:.*?a){25}z'\n\n"
        '[rule.examples]\nremove = ["Story.\\n\\nDonate now, donate today, please donate to us.\\n"]\n'
        'keep = ["Story.\\n"]\n', encoding="utf-8")
    result = Cleaner(Settings(rules=(str(pack),), builtin=False)).clean("Story.\n\nPlease donate " + "a" * 62 + "\n")
    assert result.flags == ["timeout:donation.slow"] and not result.removals


@pytest.mark.parametrize("weights, threshold, cannot", [
    ((3, 2), 5, False), ((3, 2), 6, True), ((3,), 5, True),
    # fractional weights: a block adds them in a set's order, whose rounding may reach a threshold their exact sum
    # misses by an ulp (found by review, helper-27): not a reason to stop early
    ((0.3, 0.2, 0.1), 0.6000000000000001, False), ((0.3, 0.2, 0.1), 0.61, True),
])
def test_the_bound_leaves_room_for_rounding(weights, threshold, cannot):
    from nlcleaner.kinds.scored import ScoredKind

    kind = object.__new__(ScoredKind)
    kind.signals = [(f"s{k}", w, None) for k, w in enumerate(weights)]
    kind.min_signals, kind.threshold, kind.describing = 1, threshold, set()
    assert kind._cannot_claim(set(range(len(weights)))) is cannot


def test_signals_that_only_describe_cannot_claim():
    from nlcleaner.kinds.scored import ScoredKind

    kind = object.__new__(ScoredKind)
    kind.signals = [("funding", 3, None), ("no-paywall", 3, None), ("asks", 3, None)]
    kind.min_signals, kind.threshold, kind.describing = 2, 6, {0, 1}
    assert kind._cannot_claim({0, 1}) is True  # (heavy enough, but nothing speaks to the reader)
    assert kind._cannot_claim({0, 2}) is False
