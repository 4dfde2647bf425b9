"""`region`: from a start marker to the first end marker within max_lines (a publisher's box); with `end_run = "row"`,
on over the end markers that follow that one directly, blank lines aside (a banner's row of buttons, "Accept" over
"Settings")."""

from __future__ import annotations

from bisect import bisect_right

from ..claims import Claim
from .line_match import LineMatcher


class RegionKind:
    def __init__(self, rule):
        self.rule = rule
        spec = rule.spec
        self.start = LineMatcher(spec["start"], rule.id, rule.user)
        self.end = LineMatcher(spec["end"], rule.id, rule.user)
        self.matchers = [self.start, self.end]
        self.required = [self.start]  # of which one must match before the kind can claim anything
        self.max_lines = spec["max_lines"]
        self.unclosed = spec["unclosed"]
        self.end_run = spec["end_run"] == "row"

    def detect(self, rnd) -> list[Claim]:
        rule, claims = self.rule, []
        starts = rnd.matching(self.start, rnd.rule_zone(rule))
        if not starts:
            return claims
        ends = rnd.matching(self.end, range(starts[0] + 1, min(rnd.n, starts[-1] + self.max_lines + 1)))
        covered = -1
        for s in starts:
            if s <= covered:
                continue
            k = bisect_right(ends, s)
            if k < len(ends) and ends[k] <= s + self.max_lines:
                last = ends[k]
                while self.end_run and k + 1 < len(ends) and ends[k + 1] <= s + self.max_lines and all(
                        rnd.blank(i) for i in range(last + 1, ends[k + 1])):
                    k += 1
                    last = ends[k]
                claims.append(Claim(s, last, rule.id, rule.strong))
                covered = last
            elif self.unclosed == "tail" and s >= rnd.tail_start:
                # no closing marker: the rest of the tail is taken on weaker evidence (the guard applies)
                claims.append(Claim(s, rnd.n - 1, rule.id, False))
                covered = rnd.n - 1
        return claims
