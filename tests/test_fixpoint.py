"""Cleaning reaches a fixpoint: cleaning the output again removes nothing (review, helper-37). Two shapes outlasted
the rounds: a heading a rule takes only as the last line ("Comments" twenty times: one a round), and a list of menu
words the tail zone takes a share of a round (the zone shrinks with the text)."""

from __future__ import annotations

import pytest

from nlcleaner import Cleaner

ARTICLE = (
    "The council approved the new budget on Tuesday after a long debate.\n"
    "Spending on schools rises by four percent, the mayor said.\n"
    "The opposition voted against it and promised to appeal.\n"
)


@pytest.fixture(scope="module")
def cleaner():
    return Cleaner()


@pytest.mark.parametrize("text", [
    ARTICLE + "Comments\n" * 20,
    ARTICLE + "Comments\n\nPost a comment\n\n" * 6,
    "An article sentence that is long enough to count as text.\n" + "".join(f"Email\nItem {i}\n" for i in range(400)),
    "An article sentence that is long enough to count as text.\n" + "".join(f"Print\nItem {i}\n" for i in range(2000)),
])
def test_cleaning_the_output_again_removes_nothing(cleaner, text):
    once = cleaner.clean(text)
    assert once.changed
    again = cleaner.clean(once.text)
    assert not again.changed, again.removals[:3]


def test_a_trailing_heading_run_goes_in_one_round_and_the_article_stays(cleaner):
    result = cleaner.clean(ARTICLE + "Comments\n" * 20)
    assert result.text == ARTICLE
    assert [(r.rule, r.start_line, r.end_line) for r in result.removals] == [("comments.trailing-heading", 4, 23)]


def test_a_heading_followed_by_article_text_is_kept(cleaner):
    text = ARTICLE + "Comments\n" * 3 + "The vote is on Friday, and the council expects a large crowd.\n"
    assert not [r for r in cleaner.clean(text).removals if r.rule == "comments.trailing-heading"]


def test_a_protected_last_line_keeps_the_run_before_it(cleaner):
    """(review, helper-38) A protected line is never removed, so it stays among the last lines for good: a line
    the rule matches before it is not reached by the rounds, and not by the one-round form either."""
    text = ARTICLE + "Topics Apple\n<!-- nlcleaner: off -->\nTopics Apple\n"
    assert cleaner.clean(text).text == text
