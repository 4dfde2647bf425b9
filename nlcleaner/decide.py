"""Deciding: claims become removals.

Pass 1 took place in the kinds (each claim names its lines). Here: the context passes (short furniture-looking lines
sandwiched between removals in the tail; the headline list under a removed related heading), suppressed lines, who owns which line (strong evidence first), the guard
(weak removals may not take more than a share of the document), and the one blank separator a removed block takes
with it. The result is a list of non-overlapping spans in the current text's offsets, each naming one rule."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import islice

from . import regex_programs
from .claims import Claim
from .shapes import headline_looking, reads_as_prose

# the context passes, which act like rules: reported under these ids, and left out by them like any rule
SANDWICH_RULE = "navigation.sandwiched"
SANDWICH_WHY = (
    "A short line that is not prose (a lone 'Share', 'Tags:', a button) standing in the tail between two removed "
    "lines is furniture of the same block."
)
LIST_RULE = "related.headline-list"
LIST_WHY = (
    "The few headline-like lines right after a removed related-content heading in the tail ('Read next', 'More "
    "from ...'), up to the next removal or the end of the document, are the list that heading opens."
)
_SANDWICH_MAX_CHARS = 60
_SANDWICH_MAX_LINES = 2
_LIST_MAX_LINES = 6
_LIST_HEADING_MAX_CHARS = 60
_LIST_HEADING_RULES = frozenset({"related.heading", "related.tail-more", "related.more-list-heading",
                                 "related.site-list-heading"})
_BUTTON = regex_programs.compile(r"(?:read|see|view|show|load) (?:more|all)\W*$", 0)  # a button, not a list heading


@dataclass
class Decision:
    cuts: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, rule) in the current text
    held: list[tuple[int, int, str]] = field(default_factory=list)  # weak removals the guard held back
    flags: list[str] = field(default_factory=list)


def decide(rnd, claims: list[Claim], *, guard: float, context: frozenset[str] = frozenset()) -> Decision:
    """`context`: the ids of the context passes that run (SANDWICH_RULE, LIST_RULE)."""
    line_claims = [c for c in claims if c.span is None]
    span_claims = [c for c in claims if c.span is not None]
    if context and line_claims:
        line_claims += _context_claims(rnd, line_claims, context)
    if rnd.protected:
        line_claims = [p for c in line_claims for p in _unprotected(c, rnd.protected)]
        span_claims = [c for c in span_claims if c.first not in rnd.protected]

    owned = _assign(line_claims)  # [first, last, rule, strong], sorted, non-overlapping
    decision = Decision()
    weak = [o for o in owned if not o[3]]
    if weak and sum(rnd.chars(o[0], o[1]) for o in weak) > guard * max(len(rnd.text), 1):
        decision.flags.append("guard")
        decision.held = [(rnd.start(o[0]), rnd.end(o[1]), o[2]) for o in weak]
        owned = [o for o in owned if o[3]]
    _take_separators(rnd, owned)

    for first, last, rule, _ in owned:
        decision.cuts.append((rnd.start(first), rnd.end(last), rule))
    decision.cuts += _span_cuts(rnd, span_claims, owned)
    decision.cuts.sort()
    return decision


def _assign(claims: list[Claim]) -> list[list]:
    """Give each line to one claim: strong claims first, then in detection order; merge a rule's adjacent pieces."""
    order = sorted(range(len(claims)), key=lambda k: (not claims[k].strong, k))
    starts: list[int] = []  # the pieces given so far, disjoint, kept in line order (and their starts, to bisect)
    owned: list[list] = []
    for k in order:
        c = claims[k]
        for a, b in _unowned(c.first, c.last, starts, owned):
            at = bisect_left(starts, a)
            starts.insert(at, a)
            owned.insert(at, [a, b, c.rule, c.strong])
    merged: list[list] = []
    for o in owned:
        if merged and merged[-1][2] == o[2] and merged[-1][1] + 1 >= o[0]:
            merged[-1][1] = max(merged[-1][1], o[1])
        else:
            merged.append(o)
    return merged


def _unowned(first: int, last: int, starts: list[int], owned: list[list]) -> list[tuple[int, int]]:
    """The runs of lines first..last that no piece of `owned` (disjoint, in line order) covers."""
    out, pos = [], first
    i = max(bisect_right(starts, first) - 1, 0)
    while i < len(owned) and owned[i][0] <= last:
        a, b = owned[i][0], owned[i][1]
        if b >= pos:
            if a > pos:
                out.append((pos, a - 1))
            pos = b + 1
        i += 1
    if pos <= last:
        out.append((pos, last))
    return out


def _unprotected(c: Claim, protected) -> list[Claim]:
    out, start = [], None
    for i in range(c.first, c.last + 2):
        free = i <= c.last and i not in protected
        if free and start is None:
            start = i
        elif not free and start is not None:
            out.append(Claim(start, i - 1, c.rule, c.strong))
            start = None
    return out


def _furniture_looking(rnd, i: int) -> bool:
    text = rnd.raw(i).strip()
    return len(text) <= _SANDWICH_MAX_CHARS and not reads_as_prose(text)


def _context_claims(rnd, claims: list[Claim], context: frozenset[str]) -> list[Claim]:
    """The context passes named in `context`: short non-prose lines in the tail with removed lines right above and
    right below them, blank lines aside (SANDWICH_RULE); the short list of headline-like lines a removed
    related-content heading in the tail opens, up to the next removal or the end of the document (LIST_RULE)."""
    spans = sorted((c.first, c.last) for c in claims)
    merged: list[list[int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    headings = {c.last for c in claims if c.first == c.last and c.rule in _LIST_HEADING_RULES
                and len(rnd.raw(c.last).strip()) <= _LIST_HEADING_MAX_CHARS
                and not _BUTTON.match(rnd.view(c.last).norm)}
    found = []
    longest = max(_SANDWICH_MAX_LINES, _LIST_MAX_LINES) + 1  # a gap with more lines than this is neither
    for (_, prev_last), (next_first, _) in zip(merged, merged[1:] + [[rnd.n, rnd.n]]):
        if next_first <= rnd.tail_start:
            continue  # the whole gap is above the tail
        gap = list(islice((i for i in range(prev_last + 1, next_first) if not rnd.blank(i)), longest))
        if not gap or gap[0] < rnd.tail_start:
            continue
        if (SANDWICH_RULE in context and next_first < rnd.n and len(gap) <= _SANDWICH_MAX_LINES
                and all(_furniture_looking(rnd, i) for i in gap)):
            found.append(Claim(gap[0], gap[-1], SANDWICH_RULE, False))
        elif (LIST_RULE in context and prev_last in headings and len(gap) <= _LIST_MAX_LINES
              and all(headline_looking(rnd, i) for i in gap)):
            found.append(Claim(gap[0], gap[-1], LIST_RULE, False))
    return found


def _take_separators(rnd, owned: list[list]) -> None:
    """A removed block takes exactly one adjacent blank line: the one after it, else the one before it."""
    if not owned:
        return
    blocks: list[list[int]] = []  # indices into owned of runs of adjacent pieces
    for k, o in enumerate(owned):
        if blocks and owned[blocks[-1][-1]][1] + 1 == o[0]:
            blocks[-1].append(k)
        else:
            blocks.append([k])
    claimed_lines = [(o[0], o[1]) for o in owned]

    def free_blank(i: int) -> bool:
        if i < 0 or i >= rnd.n or not rnd.blank(i) or i in rnd.protected:
            return False
        return not any(a <= i <= b for a, b in claimed_lines)

    for block in blocks:
        first, last = owned[block[0]], owned[block[-1]]
        if free_blank(last[1] + 1):
            last[1] += 1
            claimed_lines.append((last[1], last[1]))
        elif free_blank(first[0] - 1):
            first[0] -= 1
            claimed_lines.append((first[0], first[0]))


def _span_cuts(rnd, claims: list[Claim], owned) -> list[tuple[int, int, str]]:
    cuts = []
    by_line: dict[int, list[Claim]] = {}
    for c in claims:
        if not any(o[0] <= c.first <= o[1] for o in owned):
            by_line.setdefault(c.first, []).append(c)
    for line, cs in by_line.items():
        base = rnd.starts[line]
        end = -1
        for c in sorted(cs, key=lambda c: c.span):
            a, b = c.span
            if a < end:
                continue
            cuts.append((base + a, base + b, c.rule))
            end = b
    return cuts
