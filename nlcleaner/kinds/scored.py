"""`scored`: weighted signals over a block of lines — appeals from publishers no rule names.

Each line is tested against every positive signal (signals see the whole line however long it is, unless the signal
sets `max_chars`); signals of weight 0 or less are tested only on lines a positive signal holds. A line's weight is the sum of the weights of the signals it fires (negative ones included).

- A *signal line* weighs at least `min_line_weight`; a *weak line* weighs more than 0 but less.
- A block is a run of signal lines. Blank lines never break it; between two signal lines at most two short lines
  (at most `bridge_chars`, with or without signals) may stand.
- After its last signal line a block takes at most two more short lines, and only weak ones (a "Learn more" or
  "Maybe later" button carries a small signal; a short heading of the next section carries none).
- Before its first line a block takes one short line that is weak, or ends like a salutation, a label or a lead-in
  ("Dear readers,", "Fact:", "Before you go...").
- A block is claimed, as weak evidence, when the distinct signals in it weigh at least `threshold`, at least
  `min_signals` distinct positive signals fired, and it has at most `max_lines` non-blank lines. A block that is one
  single line longer than 300 characters is a paragraph of prose until proven otherwise: it needs twice the threshold.
"""

from __future__ import annotations

from ..claims import Claim
from .line_match import LineMatcher

_MAX_BRIDGE_LINES = 2
_MAX_TRAILING_LINES = 2
_SIGNAL_MAX_CHARS = 100_000
_SOLO_LONG_CHARS = 300


class ScoredKind:
    def __init__(self, rule):
        self.rule = rule
        spec = rule.spec
        self.signals = []
        for s in spec["signals"]:
            line = dict(s["line"])
            line["max_chars"] = line.get("max_chars") or _SIGNAL_MAX_CHARS
            self.signals.append((s["name"], s["weight"], LineMatcher(line, rule.id, rule.user)))
        # the prefilter needs only the positive signals: one that counts against is tested directly, on the lines a
        # positive signal holds (see detect), never looked up line by line
        self.matchers = [m for _, weight, m in self.signals if weight > 0]
        # a claim needs at least one positive signal: one of these must match before the kind can claim anything
        self.required = [m for _, weight, m in self.signals if weight > 0] or None
        self.threshold = spec["threshold"]
        self.min_signals = spec["min_signals"]
        self.min_line_weight = spec["min_line_weight"]
        self.max_lines = spec["max_lines"]
        self.bridge_chars = spec["bridge_chars"]

    def _short(self, rnd, i: int) -> bool:
        return len(rnd.raw(i).strip()) <= self.bridge_chars

    def detect(self, rnd) -> list[Claim]:
        zone = rnd.rule_zone(self.rule)
        fired: dict[int, set[int]] = {}
        for k, (_, weight, matcher) in enumerate(self.signals):
            if weight > 0:
                for i in rnd.matching(matcher, zone):
                    fired.setdefault(i, set()).add(k)
        # signals that count against are only worth testing on lines some positive signal already holds
        for k, (_, weight, matcher) in enumerate(self.signals):
            if weight <= 0:
                for i in sorted(fired):
                    if matcher.match(rnd.view(i)):
                        fired[i].add(k)
        weight_of = {i: sum(self.signals[k][1] for k in ks) for i, ks in fired.items()}
        lines = sorted(i for i, w in weight_of.items() if w >= self.min_line_weight)
        weak = {i for i, w in weight_of.items() if 0 < w < self.min_line_weight}
        claims = []
        for first, last in self._blocks(rnd, lines, weak):
            block = set()
            for i in range(first, last + 1):
                block |= fired.get(i, set())
            weight = sum(self.signals[k][1] for k in block)
            positive = sum(1 for k in block if self.signals[k][1] > 0)
            body = [i for i in range(first, last + 1) if not rnd.blank(i)]
            threshold = self.threshold
            if len(body) == 1 and len(rnd.raw(body[0]).strip()) > _SOLO_LONG_CHARS:
                threshold = 2 * self.threshold
            if weight >= threshold and positive >= self.min_signals and len(body) <= self.max_lines:
                claims.append(Claim(first, last, self.rule.id, False))
        return claims

    def _blocks(self, rnd, lines: list[int], weak: set[int]):
        blocks: list[list[int]] = []
        for i in lines:
            if blocks and self._bridgeable(rnd, blocks[-1][1] + 1, i):
                blocks[-1][1] = i
            else:
                blocks.append([i, i])
        for block in blocks:
            block[1] = self._extend_after(rnd, block[1], weak)
            before = self._prev_nonblank(rnd, block[0])
            if before is not None and self._short(rnd, before) and (
                before in weak or rnd.raw(before).rstrip().endswith((":", ",", "...", "…"))
            ):
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

    def _extend_after(self, rnd, last: int, weak: set[int]) -> int:
        taken, i = 0, last + 1
        while i < rnd.n and taken < _MAX_TRAILING_LINES:
            if rnd.blank(i):
                i += 1
                continue
            if i not in weak or not self._short(rnd, i):
                break
            last, taken, i = i, taken + 1, i + 1
        return last

    @staticmethod
    def _prev_nonblank(rnd, i: int):
        i -= 1
        while i >= 0 and rnd.blank(i):
            i -= 1
        return i if i >= 0 else None
