"""A related heading at the top of a dump ("Latest News", "Top Stories") is often followed, with no blank line, by the
article's own headline, byline and date line. The heading's block stops before the line over a byline or a date
line: that line is the story's headline, not one of a box's (blind set BB took three such heads). Every text is
invented."""

from __future__ import annotations

import pytest

from nlcleaner.shapes import _ARTICLE_HEAD

# (the session's `cleaner` fixture of conftest cleans with the built-in packs)
BODY = (
    "Long queues returned to filling stations across the capital on Wednesday as marketers blamed supply gaps.\n"
    "Motorists said they had waited for more than four hours at some stations in the city centre.\n"
    "The regulator said new cargoes were expected at the port before the end of the week.\n"
)



@pytest.mark.parametrize("head", [
    ["Fuel queues return to the capital as marketers blame supply gaps", "By Ada Example", "14th February 2024"],
    ["Dairy farmers say milk price cut will push more out of the industry", "Rural Desk / By Tess Example",
     "Posted Tue 2 Jul 2024 at 5:34am, updated Tue 2 Jul 2024 at 8:01am"],
])
def test_the_articles_head_under_a_top_heading_stays(cleaner, head):
    text = "Latest News\n" + "\n".join(head) + "\n" + BODY
    out = cleaner.clean(text).text
    assert not out.startswith("Latest News")
    assert out == "\n".join(head) + "\n" + BODY


def test_a_box_of_headlines_under_the_heading_still_goes(cleaner):
    box = "Top Stories\nCouncil votes to close the old bridge\nHospital opens new ward\nRail strike called off\n\n"
    story = "Fuel queues return to the capital\n\nBy Ada Example\n\n" + BODY
    assert cleaner.clean(story + "\n" + box).text.rstrip("\n") == (story).rstrip("\n")


@pytest.mark.parametrize("line, expected", [
    ("by ada example", True),
    ("rural desk / by tess example", True),
    ("14th february 2024", True),
    ("june 8, 2024", True),
    ("posted tue 2 jul 2024 at 5:34am", True),
    ("by the end of the week, the queues had gone.", False),
    ("fuel queues return to the capital", False),
])
def test_article_head_lines(line, expected):
    assert (_ARTICLE_HEAD.search(line) is not None) is expected
