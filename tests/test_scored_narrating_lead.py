"""A scored block does not start with the story's last sentence when only one word of the rule's vocabulary joined
it to the box under it: a paragraph of its own that narrates (no "you", no "we"/"our", no quoted slogan). A box's
own first line, a description glued to its button, or a line that speaks to the reader still goes with the box.
(Texts invented for these tests.)"""

from __future__ import annotations

import pytest
from heldout_shapes import assert_removed_in_full

from nlcleaner.shapes import narrates

STORY = (
    "The port authority said on Friday that container traffic had fallen for a third month in a row.\n\n"
    "Dock workers have been told that overtime shifts will be cut from January.\n\n"
)
BOX = (
    "~~ Join our WhatsApp channel for the day's top stories from the coast.\n"
    "~~ Get the morning briefing by email\n"
    "~~ Subscribe to our newsletter\n"
)


@pytest.mark.parametrize("last", [
    "Several shipping firms have started sending customers a weekly newsletter on delays instead of calling them.",
    "That is the reason I began writing this newsletter in the first place.",
])
def test_the_storys_last_sentence_stays_above_the_box(cleaner, last):
    assert_removed_in_full(cleaner, STORY + last + "\n\n" + BOX, {"newsletter", "social"})


@pytest.mark.parametrize("lead", [
    "~~ Our newsletter brings you the port's news every weekday morning, free of charge.",  # speaks as the paper
    "~~ Get the latest news about the harbour's events and guided tours.",  # glued to its button below
])
def test_a_boxs_own_first_line_still_goes(cleaner, lead):
    glued = not lead.startswith("~~ Our")
    assert_removed_in_full(cleaner, STORY + lead + ("\n" if glued else "\n\n") + BOX, {"newsletter", "social"})


@pytest.mark.parametrize("line, expected", [
    ("Some outlets are also experimenting with email newsletters as a way to reach readers.", True),
    ("You can unsubscribe from the newsletter at any time.", False),
    ("Our journalism stays free for everyone who reads it.", False),
    ("“The paper still can't be bought.” - An important update for readers.", False),
    ("Subscribe now.", False),  # too short to be a sentence of the story
])
def test_narrates(line, expected):
    assert narrates(line) is expected
