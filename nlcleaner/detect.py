"""One round of detection over the current text: line table, zones, prefilter hits, and the claims rules make.

Rules only detect: each returns Claims (a line range or a span, a rule, and whether its evidence is strong).
decide.py turns claims into removals."""

from __future__ import annotations

import math
from array import array
from bisect import bisect_left
from itertools import accumulate
from typing import Callable, Iterable, NamedTuple

import regex

from . import regex_programs
from .kinds.line_match import LineMatcher, LineView
from .normalise import normalise, split_lines
from .prefilter import GATE_MAX_CHARS, VIEWS, holds_marker, lines_by_text, raw_stand_ins, stand_ins
from .shapes import byline, has_a_quote, only_in_quotes, talks_about_furniture, the_documents_own
_NONE: dict = {}


def _alternatives(found) -> tuple[int, ...] | set[int]:
    """A line's alternatives as the prefilter keeps them: one int, or a set of them."""
    return (found,) if type(found) is int else found
_SUPPRESS = regex_programs.compile(r"^\W*nlcleaner:\s*(off|on)\b\W*$", regex.IGNORECASE)


def _norm_part(p: str) -> str | None:
    """The normalised view of one line as split (a trailing CR is the line ending's), None when too long."""
    if not p:
        return ""
    if len(p) > GATE_MAX_CHARS:
        return None
    return normalise(p[:-1] if p[-1] == "\r" else p)


def _raw_part(p: str) -> str | None:
    """A line's raw text as the gate is given it (a trailing CR is the line ending's): None when it is too long to
    judge. One with characters outside ASCII is judged through its stand-ins, when it can be (`gate_verdicts`). A
    line of spaces is judged as it is: a raw pattern may match one (`^[ \t]+$`)."""
    if not p:
        return ""
    if len(p) > GATE_MAX_CHARS:
        return None
    return p[:-1] if p[-1] == "\r" else p


def raw_views(lines: list[str], has_cr: bool) -> list[str | None]:
    """Every line's raw text as the gate sees it (`_raw_part`; `has_cr`: whether a line may hold a CR): without a
    call a line when no line holds a CR or is too long for the gate (the usual case)."""
    if has_cr or max(map(len, lines), default=0) > GATE_MAX_CHARS:
        return [_raw_part(p) for p in lines]
    return lines


def gate_verdicts(gate, normalised, raws) -> tuple[dict[int, set[int]], dict[str, set[int]]]:
    """The gate's verdicts on some lines, numbered by their place: (target -> the lines it lets through, view ->
    the lines it does not judge). `normalised()` gives the lines' normalised views (None: too long), `raws()` their
    raw texts as the gate sees them (see _raw_part), asked for only when the gate has expressions for that view.
    The lines are scanned as one text (a line the gate does not judge as an empty one); one with characters outside
    ASCII (once normalised, for the normalised view) through its stand-ins, judged so only by expressions all in
    ASCII."""
    passed: dict[int, set[int]] = {}
    unjudged: dict[str, set[int]] = {view: set() for view in VIEWS}
    if gate.dbs["norm"]:
        norms = normalised()
        if None in norms or not all(map(str.isascii, norms)):  # (a line too long, or not ASCII once normalised)
            stood = [v if v is None or v.isascii() else stand_ins(v) for v in norms]
            unjudged["norm-ascii"] = {i for i, v in enumerate(stood) if v is None}
            unjudged["norm"] = {i for i, v in enumerate(norms) if v is None or not v.isascii()}
            norms = ["" if v is None else v for v in stood]
        gate.scan("norm", norms, passed)
    if gate.dbs["raw"]:
        seen = raws()
        if None in seen or not all(map(str.isascii, seen)):  # (a line too long, or not ASCII)
            stood = [r if r is None or r.isascii() else raw_stand_ins(r) for r in seen]
            unjudged["raw-ascii"] = {i for i, r in enumerate(stood) if r is None}
            unjudged["raw"] = {i for i, r in enumerate(seen) if r is None or not r.isascii()}
            seen = ["" if r is None else r for r in stood]
        gate.scan("raw", seen, passed)
    return passed, unjudged


def first_rounds(gate, hits: list) -> list[tuple | None]:
    """For texts scanned together (`Prefilter.scan_many` gave `hits`): each one's first round's normalised line
    views and gate verdicts (as `Round.norms` and `Round._gate_results` make them), made with one gate scan of all
    their lines; None for a text the gate does not judge (no key at all), whose round makes its own if it needs
    them. A line's views and verdicts depend on its text alone: each distinct text of them all is judged once."""
    out: list[tuple | None] = [None] * len(hits)
    judged = [d for d, h in enumerate(hits) if h.assumed and h.parts is not None]
    if len(judged) < 2:
        return out
    # each text's lines as its Round has them (a last empty piece is not a line)
    own = [p[:-1] if p[-1] == "" else p for p in (hits[d].parts for d in judged)]
    first = list(accumulate(map(len, own), initial=0))  # text k holds the joined lines first[k]:first[k + 1]
    lines = [line for ls in own for line in ls]
    distinct = list(dict.fromkeys(lines))
    norm_of = dict(zip(distinct, map(_norm_part, distinct)))

    passed, unjudged = gate_verdicts(gate, lambda: list(norm_of.values()),
                                     lambda: raw_views(distinct, any("\r" in p for p in distinct)))
    named = set().union(*passed.values(), *unjudged.values())
    place = {distinct[i]: i for i in named}
    where: dict[int, list[int]] = {}  # distinct text -> the joined lines holding it (only those named)
    for n, i in enumerate(map(place.get, lines)):
        if i is not None:
            where.setdefault(i, []).append(n)
    # verdicts numbered by distinct text, then by joined line, then by each text's own lines
    passed = lines_by_text(first, {tid: [n for i in found for n in where[i]] for tid, found in passed.items()})
    unjudged = lines_by_text(first, {view: [n for i in found for n in where[i]] for view, found in unjudged.items()})
    for k, d in enumerate(judged):
        views = {view: set() for view in VIEWS}
        views.update(unjudged[k])
        out[d] = ([norm_of[p] for p in own[k]], (passed[k], views))
    return out


class Round:
    """The current text as lines, with zones and prefilter hits. Built once per fixpoint round."""

    def __init__(self, text: str, prefilter, tail_zone: float, head_zone: float, hits=None, previous=None, cuts=(),
                 carry: Carry | None = None, made=None):
        self.text = text
        if carry is None and previous is not None:
            carry = previous.carry(cuts)
        if carry is not None and (hits is None or hits.parts is None):
            # the lines left are lines of the previous round: its line strings, not a new split of the text (on a
            # 10 MB document, ~15 MB less while both rounds are alive); a blank line last is a line of the text here,
            # not what a split leaves after a final newline
            parts = [p for a, b in carry.kept for p in previous.parts[a:b]]
        else:
            parts = hits.parts if hits is not None and hits.parts is not None else split_lines(text)
            if parts[-1] == "":
                parts.pop()
        self.parts = parts
        self.n = n = len(parts)
        self._length = len(text)
        self._starts: array | None = None  # (see `starts`)
        self.tail_start = n - max(3, math.ceil(n * tail_zone)) if n else 0
        self.head_end = max(3, math.ceil(n * head_zone))
        self.bom = text.startswith("\ufeff")
        self._views: dict[int, LineView] = {}
        # the lines a built-in matcher found that are talk about furniture or the document's own (see `matching`),
        # judged once a line: many matchers find the same lines
        self._left_out: dict[int, bool] = {}
        # the previous round's line views by their text: a line's views depend on its text alone, and most lines
        # of a later round were lines of the previous one
        self._reuse = {v.raw: v for v in previous._views.values()} if previous is not None else _NONE
        # every line's normalised view and the gate's verdicts, once made; carried over from the previous round when
        # its cuts took whole lines (the lines left are the same lines, and a line's view and verdicts depend on
        # its text alone)
        if carry is not None and sum(b - a for a, b in carry.kept) != n:
            carry = None
        # where an earlier round removed a byline: a box found now may not join the lines it stood
        # between (a story's head over its first paragraph; see `kinds.scored`). Lost after a cut inside a line.
        self.head_seams = _head_seams(previous, carry.kept) if carry is not None else ()
        # (see in_code_block; most documents hold no fence at all, which one search of the text tells)
        self._fences: list[int] | None = None if "```" in text or "~~~" in text else []
        self._norms: list[str | None] | None = None
        if carry is not None and previous._norms is not None:
            self._norms = [v for a, b in carry.kept for v in previous._norms[a:b]]
        self._gate = None
        self._inherited = (previous._gate, carry.renumber) if carry is not None and previous._gate else None
        if made is not None:  # (a first round: its lines' views and the gate's verdicts made with other texts')
            self._norms, self._gate = made
        # keys alone: matcher id -> (its per-line table, its alternatives tried on every line of a zone)
        self._per: dict[int, tuple] = {}
        self._all = None
        self.hits = prefilter.scan(text) if hits is None else hits
        self.prefilter = prefilter
        marked = getattr(self.hits, "marked", None)  # whether the prefilter saw a marker, when it looked
        if marked is None:
            marked = holds_marker(text.casefold())
        self.protected = self._protected() if marked else frozenset()

    @property
    def starts(self) -> array:
        """starts[i] is where line i begins; starts[n] is the end of the text (8 bytes a line). Made when first asked
        for: only claims and cuts need offsets, and most rounds (every document's last) make none."""
        starts = self._starts
        if starts is None:
            starts = self._starts = array("q", accumulate(map((1).__add__, map(len, self.parts)), initial=0))
            starts[-1] = self._length
        return starts

    # lines
    def raw(self, i: int) -> str:
        p = self.parts[i]
        return p[:-1] if p.endswith("\r") else p

    def view(self, i: int) -> LineView:
        v = self._views.get(i)
        if v is None:
            raw = self.raw(i)
            v = self._reuse.get(raw)
            if v is None:
                v = LineView(raw, self._norms[i] if self._norms is not None else None)
            self._views[i] = v
        return v

    def norms(self) -> list[str]:
        """Every line's normalised view ("" for a blank line; None for one longer than the gate judges), made in
        one go: the gate needs them all."""
        if self._norms is None:
            self._distinct_norms(list(dict.fromkeys(self.parts)))
        return self._norms

    def _distinct_norms(self, distinct: list[str]) -> list[str | None]:
        """The normalised views of `distinct` (this round's distinct line texts, in order of first appearance),
        each made once; sets every line's view on the way when they were not made yet."""
        if self._norms is None:
            norm_of = dict(zip(distinct, map(_norm_part, distinct)))
            self._norms = list(map(norm_of.__getitem__, self.parts))
        else:  # carried over from the previous round: a dict keeps each text where it first appeared
            norm_of = dict(zip(self.parts, self._norms))
        return list(norm_of.values())

    def carry(self, cuts) -> Carry | None:
        """What the next round may take over from this one after `cuts`: None unless every cut takes whole lines."""
        kept = self.kept_lines(cuts)
        return None if kept is None else Carry(kept, renumbering(kept, self.n))

    def kept_lines(self, cuts) -> list[tuple[int, int]] | None:
        """The runs [first, last) of this round's lines that no cut touches, in order, when every cut (start, end,
        ...) takes whole lines — they are then the next round's lines; else None."""
        starts, out, pos = self.starts, [], 0
        for cut in sorted(cuts):
            first, last = bisect_left(starts, cut[0]), bisect_left(starts, cut[1])
            if first > self.n or last > self.n or starts[first] != cut[0] or starts[last] != cut[1]:
                return None  # a cut inside a line: the lines after it are not the lines they were
            if first < pos:
                return None
            if first > pos:
                out.append((pos, first))
            pos = last
        if pos < self.n:
            out.append((pos, self.n))
        return out

    def blank(self, i: int) -> bool:
        return not self.parts[i].strip()

    def in_code_block(self, i: int) -> bool:
        """Whether line i stands inside a fenced code block (between lines opening with ``` or ~~~): a tutorial's
        code or sample output ("© 2024 My Blog. All rights reserved." as a template renders it). The fences are
        found once per round, when a matched line first asks."""
        fences = self._fences
        if not fences:
            if fences is not None:
                return False
            fences = self._fences = [j for j, p in enumerate(self.parts) if p.lstrip().startswith(("```", "~~~"))]
        k = bisect_left(fences, i)
        return k % 2 == 1 and fences[k - 1] < i and not (k < len(fences) and fences[k] == i)

    def head_seam_between(self, a: int, b: int) -> bool:
        """Whether an earlier round removed a byline that stood after line a and before line b
        (itself or a line after it)."""
        seams = self.head_seams
        k = bisect_left(seams, a + 1)
        return k < len(seams) and seams[k] <= b

    def start(self, i: int) -> int:
        """Where a removal of line i begins (a UTF-8 BOM at offset 0 is never removed)."""
        return 1 if i == 0 and self.bom else self.starts[i]

    def end(self, i: int) -> int:
        return self.starts[i + 1]

    def chars(self, first: int, last: int) -> int:
        return self.starts[last + 1] - self.starts[first]

    def zone(self, position: str, within_last: int | None = None) -> range:
        if position == "tail":
            zone = range(max(self.tail_start, 0), self.n)
        elif position == "head":
            zone = range(0, min(self.head_end, self.n))
        else:
            zone = range(0, self.n)
        if within_last:
            zone = range(max(zone.start, self._last_nonblank(within_last)), zone.stop)
        return zone

    def rule_zone(self, rule) -> range:
        """The lines a rule may act on: its position zone, narrowed by `within_last` when it has one."""
        return self.zone(rule.position, rule.within_last)

    def _last_nonblank(self, count: int) -> int:
        """The index of the count-th non-blank line from the end (0 when there are fewer)."""
        seen, i = 0, self.n - 1
        while i >= 0:
            if not self.blank(i):
                seen += 1
                if seen == count:
                    return i
            i -= 1
        return 0

    def paragraph(self, i: int, most: int) -> tuple[int, int]:
        """The lines of line i's paragraph (first, last), looked for only until it holds more than `most` lines: a
        caller asking whether it is short enough must not walk a 6-million-line paragraph of one-word lines at every
        line it matched."""
        a = b = i
        while a > 0 and b - a < most and not self.blank(a - 1):
            a -= 1
        while b + 1 < self.n and b - a < most and not self.blank(b + 1):
            b += 1
        return a, b

    def candidates(self, matcher: LineMatcher, zone: range) -> list[int]:
        """Lines of the zone that may match: those holding an anchor, or every line for an unanchored matcher."""
        return sorted(self.prefilter.lines_for(matcher, self.hits, zone))

    def _gate_results(self):
        """The hyperscan gate's verdicts for this round, over every line (or the previous round's, renumbered): its
        normalised text for alternatives matched on it, its raw text for the others. Lines of reasonable length only,
        and a line with characters outside ASCII only through its stand-ins, by the expressions that can judge it
        so; the lines it does not judge always pass. A blank line matches no gated alternative (each needs a
        character)."""
        if self._gate is None and self._inherited is not None:
            self._gate = _renumbered(*self._inherited)
            self._inherited = None  # (the previous round's verdicts: as many sets of line numbers again)
        if self._gate is None:
            # a line's verdicts depend on its text alone: each distinct text is judged once (lists of short lines
            # repeat most of theirs), and the verdicts are then given to every line holding it
            distinct = list(dict.fromkeys(self.parts))
            repeats = self.n - len(distinct)
            if repeats and repeats == self.parts.count("") - 1:
                # only blank lines repeat (most documents): judging every line costs no more (a blank line is never
                # scanned) and needs no spreading
                self._gate = self._judged(self.parts, self.norms)
            else:
                verdicts = self._judged(distinct, lambda: self._distinct_norms(distinct))
                self._gate = self._spread(distinct, *verdicts) if repeats else verdicts
        return self._gate

    def _judged(self, lines: list[str], normalised: Callable[[], list[str | None]]):
        """The gate's verdicts on `lines` (distinct line texts, or every line), numbered by their place in that
        list; `normalised()` gives their normalised views, in the same order."""

        return gate_verdicts(self.prefilter.gate, normalised, lambda: raw_views(lines, "\r" in self.text))

    def _spread(self, distinct: list[str], passed, unjudged):
        """Verdicts numbered by distinct text (see `_judged`) renumbered as this round's lines."""
        named: set[int] = set()
        for found in (*passed.values(), *unjudged.values()):
            named |= found
        if not named:
            return passed, unjudged
        place = {distinct[d]: d for d in named}
        lines_of: dict[int, list[int]] = {}
        for i, d in enumerate(map(place.get, self.parts)):
            if d is not None:
                got = lines_of.get(d)
                if got is None:
                    lines_of[d] = [i]
                else:
                    got.append(i)

        return _renumbered((passed, unjudged), lambda found: {i for d in found for i in lines_of[d]})

    def _lines(self, matcher: LineMatcher) -> tuple[dict, tuple[int, ...]]:
        """(line -> alternatives worth trying, as an int or a set; alternatives worth trying on every line), over the
        whole text; computed once per matcher and round."""
        found = self._all
        if found is not None:  # the gate's answer for every matcher, made on the first call
            return found.get(id(matcher), _NONE), ()
        if self.prefilter.gate is not None:
            self._all = self.prefilter.round_lines(self.hits, self._gate_results, self.n)
            return self._all.get(id(matcher), _NONE), ()
        got = self._per.get(id(matcher))
        if got is None:
            got = self._per[id(matcher)] = self.prefilter.keyed_lines(matcher, self.hits)
        return got

    def matchers_with_lines(self):
        """With the hyperscan gate: the ids of the matchers that have a line worth trying in this round."""
        if self._all is None:
            self._all = self.prefilter.round_lines(self.hits, self._gate_results, self.n)
        return self._all

    def matching(self, matcher: LineMatcher, zone: range, talk: set[int] | None = None) -> list[int]:
        """The lines of the zone a matcher matches, but for those that talk about furniture instead of being it or
        stand where only the document's own text stands (see `shapes.talks_about_furniture` and
        `shapes.the_documents_own`; not for a user's rule, which matches what its author wrote). `talk`, when given,
        collects the lines so left out."""
        return self.kept(matcher, self.matched(matcher, zone), talk)

    def kept(self, matcher: LineMatcher, found: list[int], talk: set[int] | None = None) -> list[int]:
        """The lines a matcher matched (`matched`) that `matching` keeps."""
        if found and not matcher.user:
            left_out = self._left_out
            for i in found:
                if i not in left_out:
                    left_out[i] = talks_about_furniture(self.view(i)) or the_documents_own(self, i)
            kept = [i for i in found if not left_out[i]]
            if any(map(has_a_quote, map(self.raw, kept))):  # (a cheap test first: few matched lines quote)
                kept = [i for i in kept if not only_in_quotes(matcher, self.raw(i))]
            if talk is not None and len(kept) < len(found):
                talk.update(set(found).difference(kept))
            found = kept
        return found

    def may_match(self, matcher: LineMatcher) -> bool:
        """Whether the matcher has a line worth trying in this round (anywhere: whatever the zone)."""
        per, everywhere = self._lines(matcher)
        return bool(per or everywhere)

    def matched(self, matcher: LineMatcher, zone: range) -> list[int]:
        """The lines of the zone a matcher matches, those that talk about furniture included (see `matching`)."""
        per, everywhere = self._lines(matcher)
        if not per and not everywhere:  # (most matchers in most rounds: nothing more to ask)
            return []
        lo, hi = max(zone.start, 0), min(zone.stop, self.n)
        view, match = self.view, matcher.match
        if everywhere:  # (keys alone) alternatives without keys: every line of the zone, with those of its keys
            if matcher.mode != "pattern":
                return [i for i in range(lo, hi) if match(view(i))]
            extra = frozenset(everywhere)
            get = per.get
            return [
                i for i in range(lo, hi)
                if match(view(i), everywhere if (got := get(i)) is None else extra.union(_alternatives(got)))
            ]
        lines = sorted(per) if lo <= 0 and hi >= self.n else sorted(i for i in per if lo <= i < hi)
        # a line's verdict depends on its text (and the alternatives found on it, which do too) alone: a text met
        # again takes the verdict it had, so a list that repeats its lines costs one match per distinct line
        parts = self.parts
        pattern = matcher.mode == "pattern"
        verdicts: dict[str, tuple] = {}
        out = []
        for i in lines:
            alternatives = _alternatives(per[i]) if pattern else None
            known = verdicts.get(parts[i])
            if known is None or known[0] != alternatives:
                known = verdicts[parts[i]] = (alternatives, match(view(i), alternatives))
            if known[1]:
                out.append(i)
        return out

    def _protected(self) -> frozenset[int]:
        """Lines between `nlcleaner: off` and `nlcleaner: on` (markers included) are kept whatever rules say."""
        keep: set[int] = set()
        off_at = None
        for i in range(self.n):
            if "nlcleaner" not in self.parts[i].casefold():
                continue
            m = _SUPPRESS.match(self.raw(i))
            if not m:
                continue
            if m.group(1).lower() == "off" and off_at is None:
                off_at = i
            elif m.group(1).lower() == "on" and off_at is not None:
                keep.update(range(off_at, i + 1))
                off_at = None
        if off_at is not None:
            keep.update(range(off_at, self.n))
        return frozenset(keep)


def _head_seams(previous: Round, kept: list[tuple[int, int]]) -> tuple[int, ...]:
    """The lines of the next round (by its numbers, in order) that a removed byline stood right above,
    in the round before (`kept`: its runs of lines left) or in an earlier one (its own seams, moved along)."""
    seams, old, offset, pos = [], previous.head_seams, 0, 0
    for a, b in kept:
        if any(pos <= s <= a for s in old) or any(byline(previous, i) for i in range(pos, a)):
            seams.append(offset)  # (the first line after a gap; an old seam on a line cut now moves down to it)
        seams.extend(offset + s - a for s in old if a < s < b)
        offset, pos = offset + b - a, b
    return tuple(seams)


class Carry(NamedTuple):
    """The lines a round kept after cuts that took whole lines: the next round's lines, in order."""

    kept: list[tuple[int, int]]  # runs [first, last) of the previous round's lines
    renumber: Callable[[Iterable[int]], set[int]]  # previous line numbers -> these lines' numbers (cut ones left out)


def renumbering(kept: list[tuple[int, int]], n_before: int):
    """For the runs of lines a round kept (see `Round.kept_lines`): a function taking a set of that round's line
    numbers to the numbers the kept ones have in the next round (the lines cut are left out). Made once per round
    and shared by what is carried over (an array as long as the previous text's lines: 8 bytes a line, where a list
    would hold an int object for each too)."""
    new = array("q", [-1]) * n_before
    offset = 0
    for a, b in kept:
        new[a:b] = array("q", range(offset, offset + b - a))
        offset += b - a

    def renumber(lines) -> set[int]:
        return {m for i in lines if (m := new[i]) >= 0}

    return renumber


def _renumbered(verdicts, renumber):
    """Gate verdicts (passed: target -> lines, unjudged: view -> lines) with their line sets renumbered: the
    previous round's for the lines it kept, or those of distinct texts for the lines that hold them; a target left
    with no line is dropped."""
    passed, unjudged = verdicts
    moved = {}
    for target, lines in passed.items():
        got = renumber(lines)
        if got:
            moved[target] = got
    return moved, {view: renumber(lines) for view, lines in unjudged.items()}
