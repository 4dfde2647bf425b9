"""Anchors derived from patterns: every match must contain one of them, or the pattern stays unanchored."""

from __future__ import annotations

import pytest
import regex

from nlcleaner.anchors import derive


@pytest.mark.parametrize(
    "pattern, anchors",
    [
        (r"^(?:follow|like) us on (?:facebook|twitter|instagram)\b", ("facebook", "instagram", "twitter")),
        (r"\bshare (this|on)\b", ("share",)),
        (r"\b(?:donate|give) (?:now|today)\b|\bchip in\b", ("chip", "donate", "give")),
        (r"©\s*\d{4}", ("©",)),
        (r"(?:read)+ more", ("read",)),
    ],
)
def test_derived_anchors(pattern, anchors):
    assert derive(pattern) == anchors


@pytest.mark.parametrize("pattern", [r"(a|b)+", r"^by [a-z]+$", r"\p{L}+ share", r"(?:share)? no", r"x|(?:y)"])
def test_no_anchor_when_some_match_needs_no_useful_literal(pattern):
    assert derive(pattern) is None


@pytest.mark.parametrize(
    "pattern, text",
    [
        (r"\b(?:donate|give) (?:now|today)\b|\bchip in\b", "please chip in today"),
        (r"^(?:follow|like) us on (?:facebook|twitter)", "like us on twitter"),
        (r"(?:sign(?:ing)? up|subscribe) (?:for|to) our newsletter", "signing up to our newsletter"),
    ],
)
def test_a_match_always_contains_an_anchor(pattern, text):
    assert regex.search(pattern, text)
    assert any(a in text.casefold() for a in derive(pattern))
