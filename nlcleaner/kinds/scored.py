"""`scored`: weighted signals over a block of lines — appeals from publishers no rule names.

Each line is tested against every signal. A block is a run of lines whose net signal weight reaches `min_line_weight` (default 1); short lines
with no signal (buttons, "Dear readers,") join it when they lie between two such lines, directly after its last
line (unless they read as a sentence), or directly before its first line when they end like a salutation or a heading (":" or ","). A block is
claimed, as weak evidence, when the distinct signals in it weigh at least `threshold` and at least `min_signals`
distinct positive signals fired."""

from __future__ import annotations

import regex

from ..claims import Claim
from .line_match import LineMatcher

_MAX_BRIDGE_LINES = 2
_SENTENCE_END = regex.compile(r"[.!?…][\"'”’)\]]*$")


def _prose(text: str) -> bool:
    """A sentence of four words or more: never taken into a block as a trailing button line."""
    text = text.strip()
    return bool(_SENTENCE_END.search(text)) and len(text.split()) >= 4


class ScoredKind:
    def __init__(self, rule):
        self.rule = rule
        spec = rule.spec
        self.signals = [(s["name"], s["weight"], LineMatcher(s["line"], rule.id, rule.user)) for s in spec["signals"]]
        self.matchers = [m for _, _, m in self.signals]
        self.threshold = spec["threshold"]
        self.min_signals = spec["min_signals"]
        self.min_line_weight = spec["min_line_weight"]
        self.max_lines = spec["max_lines"]
        self.bridge_chars = spec["bridge_chars"]

    def _short(self, rnd, i: int) -> bool:
        return len(rnd.raw(i).strip()) <= self.bridge_chars

    def detect(self, rnd) -> list[Claim]:
        zone = rnd.zone(self.rule.position)
        fired: dict[int, set[int]] = {}
        for k, (_, _, matcher) in enumerate(self.signals):
            for i in rnd.matching(matcher, zone):
                fired.setdefault(i, set()).add(k)
        lines = sorted(i for i, ks in fired.items() if sum(self.signals[k][1] for k in ks) >= self.min_line_weight)
        claims = []
        for first, last in self._blocks(rnd, lines):
            block = set()
            for i in range(first, last + 1):
                block |= fired.get(i, set())
            weight = sum(self.signals[k][1] for k in block)
            positive = sum(1 for k in block if self.signals[k][1] > 0)
            size = sum(1 for i in range(first, last + 1) if not rnd.blank(i))
            if weight >= self.threshold and positive >= self.min_signals and size <= self.max_lines:
                claims.append(Claim(first, last, self.rule.id, False))
        return claims

    def _blocks(self, rnd, lines: list[int]):
        blocks: list[list[int]] = []
        for i in lines:
            if blocks and self._bridgeable(rnd, blocks[-1][1] + 1, i):
                blocks[-1][1] = i
            else:
                blocks.append([i, i])
        for block in blocks:
            block[1] = self._extend_after(rnd, block[1])
            before = self._prev_nonblank(rnd, block[0])
            if before is not None and self._short(rnd, before) and rnd.raw(before).rstrip().endswith((":", ",")):
                block[0] = before
        return blocks

    def _bridgeable(self, rnd, a: int, b: int) -> bool:
        """Lines a..b-1 may join two signal lines: only blanks and at most two short lines."""
        short = 0
        for i in range(a, b):
            if rnd.blank(i):
                continue
            if not self._short(rnd, i):
                return False
            short += 1
            if short > _MAX_BRIDGE_LINES:
                return False
        return True

    def _extend_after(self, rnd, last: int) -> int:
        taken, i = 0, last + 1
        while i < rnd.n and taken < _MAX_BRIDGE_LINES:
            if rnd.blank(i):
                i += 1
                continue
            if not self._short(rnd, i) or _prose(rnd.raw(i)):
                break
            last, taken, i = i, taken + 1, i + 1
        return last

    @staticmethod
    def _prev_nonblank(rnd, i: int):
        i -= 1
        while i >= 0 and rnd.blank(i):
            i -= 1
        return i if i >= 0 else None
