"""`max_matches` (phrase and pattern rules): when a rule matches more lines of a document than this, it removes
none of them — a row it knows, repeated under each item of a list, is the list's own (a podcast round-up's "Listen
on: ..." under every show). Every text is invented."""

from __future__ import annotations

import pytest

from nlcleaner import Cleaner, Settings
from nlcleaner.errors import PackError

PACK = '''
[pack]
name = "test-rows"

[[rule]]
id = "promo.test-listen-row"
kind = "pattern"
why = "A test row."
pattern = '^listen on:'
{extra}

[rule.examples]
remove = ["""
The show returns next week.
~~ Listen on: Spotify
"""]
keep = ["""
The show returns next week.
"""]
'''

SHOW = "Show {n}\nA weekly show about the coast and the people who fish it, now in its {n}th season.\nListen on: Spotify\n"


def _cleaner(tmp_path, extra: str) -> Cleaner:
    pack = tmp_path / "pack.toml"
    pack.write_text(PACK.format(extra=extra), encoding="utf-8")
    return Cleaner(Settings(rules=(str(pack),), builtin=False))


@pytest.mark.parametrize("shows, removed", [(2, 2), (3, 0)])
def test_more_matches_than_the_rule_allows_remove_none(tmp_path, shows, removed):
    text = "".join(SHOW.format(n=n) for n in range(1, shows + 1))
    result = _cleaner(tmp_path, "max_matches = 2").clean(text)
    assert len(result.removals) == removed


def test_without_max_matches_every_row_goes(tmp_path):
    text = "".join(SHOW.format(n=n) for n in range(1, 4))
    assert len(_cleaner(tmp_path, "").clean(text).removals) == 3


def test_max_matches_below_one_is_a_pack_error(tmp_path):
    with pytest.raises(PackError, match="max_matches"):
        _cleaner(tmp_path, "max_matches = 0")
