"""`phrase` and `pattern`: a line (or its paragraph, or a span of it) that matches is furniture."""

from __future__ import annotations

from ..claims import Claim
from ..shapes import article_head_line, headline_looking, heads_a_paragraph
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
        self.max_matches = rule.spec.get("max_matches")
        # a list's heading over a paragraph of prose is the story's own sub-heading ("Up next" over "The Nuggets host
        # Phoenix on Thursday. The Thunder visit Memphis on Friday.")
        self.keep_over_prose = rule.spec.get("over_prose") == "keep"

    def detect(self, rnd) -> list[Claim]:
        rule, claims = self.rule, []
        zone = rnd.rule_zone(rule)
        if self.scope == "span":
            for i in rnd.candidates(self.matcher, zone):
                for a, b in self.matcher.spans(rnd.view(i)):
                    claims.append(Claim(i, i, rule.id, rule.strong, (a, b)))
            return claims
        matched = rnd.matching(self.matcher, zone)
        if self.max_matches and len(matched) > self.max_matches:
            # (a row the rule knows, repeated under every item of a list, is the list's own: a podcast round-up's
            # "Listen on: Apple Podcasts | Spotify" under each show)
            return claims
        if rule.within_last and matched:
            matched = self._trailing(rnd, rule)
        for i in matched:
            if self.keep_over_prose and heads_a_paragraph(rnd, i):
                continue
            first = last = i
            if self.scope == "paragraph":
                a, b = rnd.paragraph(i, self.max_lines)  # (more lines than that: not a heading's block)
                # the block of a heading is taken whole only when its other lines are headlines, not sentences:
                # a sub-heading ("Latest news", "Mehr zum Thema") over a paragraph of the story goes alone
                if (b - a + 1 <= self.max_lines and all(headline_looking(rnd, j) for j in range(a, b + 1) if j != i)
                        and not any(article_head_line(rnd, j) for j in range(i + 1, b + 1))):
                    first, last = a, b
                else:  # a heading in a longer block (a dump with no blank lines): the headlines right under it
                    last = self._headlines_under(rnd, i)
            claims.append(Claim(first, last, rule.id, rule.strong))
        return claims

    def _headlines_under(self, rnd, i: int) -> int:
        """The last of the headline-looking lines right under line i (at most max_lines - 1 of them, none blank),
        or i itself when the line under it is no headline. A line over a byline or a date line is the article's own
        headline (a section label, "Latest News", often stands just above it at the top of a dump): the run stops
        before it."""
        last = i
        while (last + 1 < rnd.n and last - i < self.max_lines - 1 and not rnd.blank(last + 1)
               and headline_looking(rnd, last + 1) and not article_head_line(rnd, last + 1)
               and not (last + 2 < rnd.n and article_head_line(rnd, last + 2))):
            last += 1
        return last

    def _trailing(self, rnd, rule) -> list[int]:
        """A rule for the last `within_last` lines, as rounds of it alone would apply it until nothing changes, in
        one round: a line it matches goes once fewer than `within_last` lines that stay (not matched, or protected;
        blank lines aside) follow it, since the matched lines after it go first. (Other rules see its lines claimed
        together: the sandwich pass may then take a line between two of them.) Round by round, "Comments" repeated
        twenty times at the end lost one a round and outlasted the rounds (`clean` of the output then removed more)."""
        matched = rnd.matching(self.matcher, rnd.zone(rule.position))
        hit, out, others = set(matched) - rnd.protected, [], 0  # (a protected line stays: it never goes first)
        for i in range(rnd.n - 1, -1, -1):
            if rnd.blank(i):
                continue
            if i in hit:
                out.append(i)
            else:
                others += 1
                if others >= rule.within_last:
                    break
        return out[::-1]
