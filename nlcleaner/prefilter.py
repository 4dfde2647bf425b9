"""The multi-literal prefilter: one pass over the whole (case-folded) document finds the lines that contain any rule's
anchor, so Python-level matching only ever looks at those lines.

Backends: pyahocorasick (the default dependency); a `re` alternation when it is missing.
"""

from __future__ import annotations

import re
from bisect import bisect_right

try:  # pragma: no cover - exercised through whichever backend is installed
    import ahocorasick
except ImportError:  # pragma: no cover
    ahocorasick = None


class Prefilter:
    def __init__(self, anchors):
        self.anchors = tuple(sorted(set(anchors)))
        self._index = {a: i for i, a in enumerate(self.anchors)}
        self._automaton = None
        self._regex = None
        if not self.anchors:
            return
        if ahocorasick is not None:
            auto = ahocorasick.Automaton()
            for i, a in enumerate(self.anchors):
                auto.add_word(a, i)
            auto.make_automaton()
            self._automaton = auto
        else:
            alternation = "|".join(re.escape(a) for a in sorted(self.anchors, key=len, reverse=True))
            self._regex = re.compile(f"(?=({alternation}))")

    def id_of(self, anchor: str) -> int:
        return self._index[anchor]

    def scan(self, text: str, starts: list[int]) -> dict[int, set[int]]:
        """Map anchor id -> the set of line indices (0-based) whose text contains it."""
        hits: dict[int, set[int]] = {}
        if not self.anchors or not text:
            return hits
        view = text.casefold()
        if self._automaton is not None:
            found = ((end, aid) for end, aid in self._automaton.iter(view))
        else:
            found = ((m.start() + len(m.group(1)) - 1, self._index[m.group(1)]) for m in self._regex.finditer(view))
        if len(view) == len(text):  # case folding kept every offset: find lines by bisection
            for end, aid in found:
                hits.setdefault(aid, set()).add(bisect_right(starts, end) - 1)
            return hits
        # case folding changed lengths (ß -> ss): count newlines in the folded view instead
        ordered = sorted(found)
        line, pos = 0, 0
        for end, aid in ordered:
            line += view.count("\n", pos, end)
            pos = end
            hits.setdefault(aid, set()).add(line)
        return hits
