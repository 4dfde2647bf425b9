"""Found by review (helper-91) of the checks that keep a matched line as the document's own or as talk about
furniture: each case below was kept by the first version of a check and is furniture."""

from __future__ import annotations

import pytest

from nlcleaner import Cleaner
from nlcleaner.shapes import _section_heading

LEAD = ("The council voted on Tuesday to close the old bridge to cars from June, after engineers found cracks in two "
        "of its piers.\n\nRepairs are expected to take a year and cost about four million pounds, the council said.\n\n"
        "Residents said the detour would add twenty minutes to journeys into town.\n\n")


@pytest.fixture(scope="module")
def cleaner():
    return Cleaner()


def test_furniture_after_a_list_of_examples_that_are_not_labels_goes(cleaner):
    text = (LEAD + "The new rules apply to the biggest streaming services, which include:\nNetflix\nDisney+\n"
            "Amazon Prime Video\nShare this article\nFollow us on Twitter\n")
    kept = cleaner.clean(text).text
    assert "Follow us on Twitter" not in kept and "Amazon Prime Video" in kept


GERMAN = ("Der Stadtrat hat am Dienstag die Sanierung des Hallenbads beschlossen, das seit zwei Jahren geschlossen "
          "ist.\n\nDie Arbeiten sollen im Herbst beginnen und rund zwei Jahre dauern.\n\nDie Kosten schätzt die "
          "Verwaltung auf knapp zwölf Millionen Euro.\n\n")


def test_a_date_is_not_a_numbered_section_heading(cleaner):
    text = (GERMAN + "12. März\nJetzt abonnieren und keine Nachricht mehr verpassen!\n13. März\n"
            "Unterstützen Sie unabhängigen Journalismus mit einer Spende.\n")
    kept = cleaner.clean(text).text
    assert "Jetzt abonnieren" not in kept and "Spende" not in kept
    assert not _section_heading("12. März") and not _section_heading("1. Bundesliga")
    assert _section_heading("4. Newsletter")


def test_a_long_line_of_numbers_is_no_section_heading():
    # (the first version's pattern backtracked over it for seconds: the check now looks at short lines only)
    assert not _section_heading("1." * 5000 + " a")


@pytest.mark.parametrize("line", [
    'For more stories like "How to survive a heatwave in the city", sign up to our newsletter.',
    "Mit einem Klick auf „Jetzt abonnieren für nur 1 Euro“ ist Ihr Zugang zu allen Artikeln sofort freigeschaltet.",
])
def test_a_box_that_quotes_and_goes_on_in_its_own_voice_goes(cleaner, line):
    assert line not in cleaner.clean(LEAD + line + "\n").text


def test_an_app_box_of_five_short_steps_goes(cleaner):
    box = ("1. Download the free app from the App Store or Google Play.\n2. Open it and tap Sign in.\n"
           "3. Turn on notifications.\n4. Follow us on Instagram.\n5. Sign up for our newsletter.\n")
    kept = cleaner.clean(LEAD + box).text
    assert "Follow us on Instagram" not in kept and "Sign up for our newsletter" not in kept
