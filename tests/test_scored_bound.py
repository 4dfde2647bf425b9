"""The scored kind's early exit: a block weighs at most what the distinct positive signals fired in the zone weigh
(signals that count against only take away), so when they weigh less than the threshold, or fewer of them fired
than a claim needs, nothing is claimed and the signals that count against are not tested. Every text is invented."""

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


@pytest.mark.parametrize("text", [
    STORY + "Join our club today.\n",  # one signal: fewer than min_signals, and 3 < 5
    STORY + "Join our club today, he said.\nJoin our club, she told us.\n",  # one distinct signal, twice
])
def test_positive_signals_below_the_threshold_claim_nothing_and_test_nothing_more(cleaner, monkeypatch, text):
    seen = _counted(monkeypatch)
    assert not cleaner.clean(text).removals
    assert seen == []
