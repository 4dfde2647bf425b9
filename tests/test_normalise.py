"""The normalised view rules match against: what it takes away, and what it must keep."""

from __future__ import annotations

import pytest

from nlcleaner.normalise import normalise


@pytest.mark.parametrize("line, view", [
    ("| Newsletters |", "newsletters"),  # a table row's borders, both ends
    ("| a | b |", "a | b"),  # inner bars stay: they separate cells
    ("## **Sign up** for [our newsletter](https://x.example/n)", "sign up for our newsletter"),
    ("It’s “quoted” — here", "it's \"quoted\" - here"),
    ("Plain ASCII prose.", "plain ascii prose."),
    ("Costs $5 | month", "costs $5 | month"),
])
def test_normalised_view(line, view):
    assert normalise(line) == view
