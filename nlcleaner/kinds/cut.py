"""`cut`: a marker (a comment-section heading, say) after which the rest of the document is furniture.

A cut may name `confirm`: lines that show that what follows the marker is furniture of its kind (comment
signatures, say). Such a cut needs at least `min` of them after its marker, with fewer than `within` non-blank
lines between the marker and the first of them; a confirmed marker may then stand anywhere, not only in its
`position` zone: a long reader thread pushes its own heading out of the tail."""

from __future__ import annotations

from bisect import bisect_right

from ..claims import Claim
from .line_match import LineMatcher


class CutKind:
    def __init__(self, rule):
        self.rule = rule
        self.marker = LineMatcher(rule.spec["marker"], rule.id, rule.user)
        self.matchers = [self.marker]
        self.required = [self.marker]  # of which one must match before the kind can claim anything
        self.max_share = rule.spec["max_share"]
        confirm = rule.spec.get("confirm")
        self.confirm = LineMatcher(confirm["line"], rule.id, rule.user) if confirm else None
        self.confirm_min = confirm["min"] if confirm else 0
        self.confirm_within = confirm["within"] if confirm else 0
        if self.confirm is not None:
            self.matchers.append(self.confirm)

    def _close(self, rnd, marker: int, confirmation: int) -> bool:
        """Fewer than `within` non-blank lines between the marker and the confirming line (counted only as far as
        needed: with many markers, counting each gap whole would be quadratic)."""
        between = 0
        if self.confirm_within <= 0:
            return False
        for j in range(marker + 1, confirmation):
            if not rnd.blank(j):
                between += 1
                if between >= self.confirm_within:
                    return False
        return True

    def detect(self, rnd) -> list[Claim]:
        total = len(rnd.text) or 1
        zone = rnd.rule_zone(self.rule)
        if self.confirm is None:
            candidates = rnd.matching(self.marker, zone)
        else:
            everything = range(rnd.n)
            confirmed = rnd.matching(self.confirm, everything)
            candidates = []
            for i in rnd.matching(self.marker, everything):
                k = bisect_right(confirmed, i)
                if len(confirmed) - k < self.confirm_min:
                    continue
                if self._close(rnd, i, confirmed[k]):
                    candidates.append(i)
        for i in candidates:
            if rnd.chars(i, rnd.n - 1) / total <= self.max_share:
                return [Claim(i, rnd.n - 1, self.rule.id, self.rule.strong)]
        return []
