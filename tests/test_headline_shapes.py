"""`shapes.headline_looking`: which lines may be the headlines of a related-content list."""

from __future__ import annotations

import pytest

from nlcleaner import Cleaner


@pytest.mark.parametrize("line, headline", [
    ("Sinkhole opens near elementary school parking lot", True),
    ("Who won the County Commission races?", True),  # headlines ask
    ('Heatwave: who is most at risk?"', True),
    ("The fire was contained. Who started it?", False),  # two sentences: prose
    ("What does a question look like when it keeps going on and on for many more words than a headline?", False),
    ("Officials said the pipe was on a list of mains scheduled for replacement.", False),
])
def test_a_headline_is_short_and_no_sentence_or_one_short_question(line, headline):
    from nlcleaner.kinds.line_match import LineView
    from nlcleaner.shapes import headline_looking

    class OneLine:  # (what the shape reads of a round: a line's views)
        def view(self, i):
            return LineView(line)

    assert headline_looking(OneLine(), 0) == headline


def test_a_related_list_of_question_headlines_goes_with_its_heading():
    text = ("The county's turnout was the highest in twenty years, officials said.\n\n"
            "Counting finished shortly after midnight, and no recount has been requested.\n\n"
            "The new commissioners take office in January.\n\n"
            "Related:\nFull Example County election results\nWho won the County Commission races?\n")
    kept = Cleaner().clean(text).text
    assert "Who won" not in kept and "Full Example County" not in kept
    assert "take office in January." in kept
