"""The engine maps each round's cuts back to the original text's offsets (`_to_original`) and keeps the rest
(`_subtract_all`). Both were rewritten to bisect and sweep after a review found a document of many short cut lines
quadratic (8,000 "Print / Item n" pairs: 3 s; 2.5 MB: 162 s): checked here against their plain definitions."""

from __future__ import annotations

import random

from nlcleaner import Cleaner
from nlcleaner.engine import _subtract_all, _to_original


def _original_of(kept) -> list[int]:
    """Every current-text offset's original offset, one by one."""
    return [i for a, b in kept for i in range(a, b)]


def _random_kept(rng, length):
    points = sorted(rng.sample(range(length + 1), rng.randrange(0, 12) * 2))
    kept = [(points[i], points[i + 1]) for i in range(0, len(points), 2) if points[i] < points[i + 1]]
    return kept or [(0, length)]


def test_spans_map_to_the_original_and_are_taken_out_of_what_is_kept():
    rng = random.Random(5)
    for _ in range(2000):
        kept = _random_kept(rng, 60)
        where = _original_of(kept)
        n = len(where)
        marks = sorted(rng.sample(range(n + 1), min(n + 1, rng.randrange(0, 8) * 2) // 2 * 2))
        spans = [(marks[i], marks[i + 1], f"r{i}") for i in range(0, len(marks), 2) if marks[i] < marks[i + 1]]
        pieces = _to_original(kept, spans)
        # each span's characters, in the original, are exactly the pieces given for it
        for start, end, rule in spans:
            got = sorted(i for a, b, r in pieces if r == rule for i in range(a, b))
            assert got == where[start:end]
        assert all(a < b for a, b, _ in pieces)
        cut = {i for a, b, _ in pieces for i in range(a, b)}
        left = _subtract_all(kept, pieces)
        assert [i for a, b in left for i in range(a, b)] == [i for i in where if i not in cut]
        assert all(a < b for a, b in left) and all(b < c for (_, b), (c, _) in zip(left, left[1:]))


def test_a_document_of_many_cut_lines_keeps_exactly_what_was_not_removed():
    """The review's shape: thousands of cut lines, as many kept intervals over the rounds."""
    text = "An article sentence that is long enough to count as text.\n" + "".join(
        f"Print\nItem {i}\n" for i in range(3000))
    result = Cleaner().clean(text)
    assert len(result.removals) >= 1000
    gone = {i for r in result.removals for i in range(r.start, r.end)}
    assert result.text == "".join(ch for i, ch in enumerate(text) if i not in gone)
