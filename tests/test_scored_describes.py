"""A scored signal marked `describes` tells about a publication (its funding, its prices, that it has no paywall)
rather than speaking to the reader. A block whose positive signals all describe is claimed by nobody: it is an
article about such things, an interview with an editor about reader funding. One signal that speaks to the reader
is enough for the block to be a box again. Every text is invented."""

from __future__ import annotations

import pytest
from heldout_shapes import assert_kept, assert_removed_in_full

from nlcleaner import Cleaner, Settings
from nlcleaner.errors import PackError

PACK = '''
[pack]
name = "test-appeal"

[[rule]]
id = "donation.test-appeal"
kind = "scored"
why = "A test appeal."
threshold = 4
min_signals = 2
max_lines = 6
bridge_chars = 60
min_line_weight = 2

[[rule.signal]]
name = "reader-funded"
describes = true
weight = 2
pattern = \'\'\'\\breader-funded\\b\'\'\'

[[rule.signal]]
name = "no-paywall"
describes = true
weight = 2
pattern = \'\'\'\\bno paywall\\b\'\'\'

[[rule.signal]]
name = "asks"
weight = 3
pattern = \'\'\'\\bplease give\\b\'\'\'

[rule.examples]
remove = ["""
The harbour board met on Tuesday to discuss the new ferry timetable.
We are reader-funded and have no paywall.
Please give what you can.
"""]
keep = ["""
The harbour board met on Tuesday to discuss the new ferry timetable.
The magazine is reader-funded.
It has no paywall and never will.
"""]
'''

STORY = ("The harbour board met on Tuesday to discuss the new ferry timetable.\n\n"
         "Its chair said the changes would take effect in the spring.\n\n")


@pytest.fixture()
def cleaner(tmp_path):
    pack = tmp_path / "appeal.toml"
    pack.write_text(PACK, encoding="utf-8")
    return Cleaner(Settings(rules=(str(pack),), builtin=False))


def test_a_block_that_only_describes_stays(cleaner):
    text = STORY + "The magazine is reader-funded.\nIt has no paywall and never will.\n"
    assert_kept(cleaner, text)


def test_one_signal_that_speaks_to_the_reader_makes_it_a_box(cleaner):
    text = STORY + "~~ We are reader-funded and have no paywall.\n~~ Please give what you can.\n"
    assert_removed_in_full(cleaner, text, {"donation"})


def test_describes_must_be_true_or_false(tmp_path):
    pack = tmp_path / "bad.toml"
    pack.write_text(PACK.replace("describes = true", 'describes = "yes"', 1), encoding="utf-8")
    with pytest.raises(PackError, match="describes"):
        Cleaner(Settings(rules=(str(pack),), builtin=False))


def test_the_built_in_appeal_leaves_an_interview_about_reader_funding():
    interview = (
        "„Wir verkaufen keine Artikel, wir verkaufen Zugehörigkeit“\n"
        "Die Chefredakteurin des Magazins „Beispiel“ über Leserfinanzierung, Paywalls und die Frage, warum Menschen "
        "für etwas bezahlen, das sie auch kostenlos lesen könnten.\n\n"
        "Frau Muster, „Beispiel“ hat keine Paywall und finanziert sich trotzdem zu mehr als 80 Prozent über "
        "Leserinnen und Leser. Wie geht das?\n\n"
        "Muster: Langsam. Wir haben 2019 mit 400 Unterstützern angefangen, heute sind es knapp 11.000.\n"
    )
    assert_kept(Cleaner(Settings(select=("donation.appeal",))), interview)
