"""`cut`: a marker (a comment-section heading, say) after which the rest of the document is furniture."""

from __future__ import annotations

from ..claims import Claim
from .line_match import LineMatcher


class CutKind:
    def __init__(self, rule):
        self.rule = rule
        self.marker = LineMatcher(rule.spec["marker"], rule.id, rule.user)
        self.matchers = [self.marker]
        self.max_share = rule.spec["max_share"]

    def detect(self, rnd) -> list[Claim]:
        total = len(rnd.text) or 1
        for i in rnd.matching(self.marker, rnd.zone(self.rule.position)):
            if rnd.chars(i, rnd.n - 1) / total <= self.max_share:
                return [Claim(i, rnd.n - 1, self.rule.id, self.rule.strong)]
        return []
