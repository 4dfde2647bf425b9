"""`phrase` and `pattern`: a line (or its paragraph, or a span of it) that matches is furniture."""

from __future__ import annotations

from ..claims import Claim
from .line_match import LineMatcher


class LineKind:
    def __init__(self, rule):
        self.rule = rule
        self.matcher = LineMatcher(rule.spec["line"], rule.id, rule.user)
        self.matchers = [self.matcher]
        self.required = [self.matcher]  # of which one must match before the kind can claim anything
        self.scope = rule.spec["scope"]
        # a span is looked for in the raw line, which the hyperscan gate does not judge: its lines come from keys
        self.keyed = [self.matcher] if self.scope == "span" else []
        self.max_lines = rule.spec["max_lines"]

    def detect(self, rnd) -> list[Claim]:
        rule, claims = self.rule, []
        zone = rnd.rule_zone(rule)
        if self.scope == "span":
            for i in rnd.candidates(self.matcher, zone):
                for a, b in self.matcher.spans(rnd.view(i)):
                    claims.append(Claim(i, i, rule.id, rule.strong, (a, b)))
            return claims
        for i in rnd.matching(self.matcher, zone):
            first = last = i
            if self.scope == "paragraph":
                a, b = rnd.paragraph(i)
                if b - a + 1 <= self.max_lines:
                    first, last = a, b
            claims.append(Claim(first, last, rule.id, rule.strong))
        return claims
