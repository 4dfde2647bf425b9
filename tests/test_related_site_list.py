"""A site or section list heading in the tail ("Most read in Technology", "More Opinion", "Related Opinion") takes
the headline-like lines under it, up to the next removal or the end (the list pass of `decide`), as the other
related headings do (blind set H); a sentence that opens with "More from" stays."""

from __future__ import annotations

import pytest

from nlcleaner import Cleaner

ARTICLE = (
    "The council voted on Tuesday to close the old bridge to cars from June, after engineers found cracks in two piers.\n\n"
    "Repairs are expected to take a year and cost about four million pounds, the council said in a statement.\n\n"
    "Residents said the detour would add twenty minutes to journeys into town, and shops feared for their trade.\n\n"
    "The council will hold a public meeting about the works at the town hall next Thursday evening.\n\n"
)


@pytest.fixture(scope="module")
def cleaner():
    return Cleaner()


@pytest.mark.parametrize("heading", ["Most Read in Technology", "More Opinion", "Related Opinion", "More from The Courier"])
def test_a_site_list_heading_takes_its_headlines(cleaner, heading):
    text = ARTICLE + heading + "\n\nWhy your phone battery drains faster in winter\n\nThe best laptops for students\n"
    assert cleaner.clean(text).text.rstrip("\n") == ARTICLE.rstrip("\n")


def test_a_sentence_opening_with_more_from_stays(cleaner):
    text = ARTICLE + "More from the council is expected after the meeting.\n"
    assert cleaner.clean(text).text == text
