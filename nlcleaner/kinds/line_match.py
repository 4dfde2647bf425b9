"""Line matchers: literal phrases or a `regex` pattern, tested against one line. Every kind is built from these
(a phrase or pattern rule, a region's markers, a cut's marker, a scored rule's signals)."""

from __future__ import annotations

import functools
import unicodedata

import regex

from .. import regex_programs
from ..normalise import bare, normalise, words
from ..prefilter import branch_keys, branch_requirements, gate_eligible, gate_forms, split_branches

# a line longer than this never matches (a rule may set its own `max_chars`); a whole line equal to a phrase is short
# furniture, and testing a 50 MB line against phrases would first make its normalised copy, as large as the line
_DEFAULT_MAX = {"line": 100_000, "prefix": 200, "contains": 200, "pattern": 300}
# a user pattern gets this long per call, plus a little per code point, before it counts as catastrophic
_TIMEOUT_BASE = 0.05
_TIMEOUT_PER_CHAR = 2e-6


class PatternTimeout(Exception):
    def __init__(self, rule_id: str):
        super().__init__(rule_id)
        self.rule_id = rule_id


class LineView:
    """One line of the current text; its normalised forms are computed once, on first use."""

    __slots__ = ("raw", "_norm", "_bare")

    def __init__(self, raw: str, norm: str | None = None):
        self.raw = raw
        self._norm = norm  # given when already known (the gate normalises every line of a round)
        self._bare = None

    @property
    def norm(self) -> str:
        if self._norm is None:
            self._norm = normalise(self.raw)
        return self._norm

    @property
    def bare(self) -> str:
        if self._bare is None:
            self._bare = bare(self.norm)
        return self._bare


def _anchor_of(text: str) -> str | None:
    """The literal a line must contain (in its case-folded form) for a phrase to match: its longest word."""
    toks = words(text)
    if toks:
        return max(toks, key=len)
    return text or None


def _bounded(view: str, start: int, end: int) -> bool:
    """A phrase match must not start or end inside a word ("share" is not in "shareholders")."""
    if start > 0 and view[start - 1].isalnum() and view[start].isalnum():
        return False
    if end < len(view) and view[end].isalnum() and view[end - 1].isalnum():
        return False
    return True


# ASCII text a character of a pattern may match while ignoring case: each letter and digit, and the letter pairs
# and triples full case folding makes of a character ("ß" is "ss", "ﬃ" is "ffi")
_ASCII_PROBE = " ".join([*"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", "ss", "st", "ff", "fi", "fl",
                         "ffi", "ffl"])


@functools.lru_cache(maxsize=None)
def _meets_ascii(ch: str) -> bool:
    """Whether `regex`, ignoring case, may match this character of an anchor within ASCII text: an ASCII one, a
    combining mark ("İ" case-folds to "i" and a dot, yet matches "i"), or one that matches an ASCII letter or the
    letters its full case folding gives (Kelvin sign, long s, dotless i, ligatures)."""
    if ch.isascii() or unicodedata.combining(ch):
        return True
    return regex.search(regex.escape(ch), _ASCII_PROBE, regex.IGNORECASE | regex.V1) is not None


class LineMatcher:
    def __init__(self, spec: dict, rule_id: str, user: bool):
        self.rule_id = rule_id
        self.user = user
        if "phrases" in spec:
            self.mode = spec.get("match") or "line"
            cooked = [bare(normalise(p)) for p in spec["phrases"]]
            self.phrases = tuple(dict.fromkeys(p for p in cooked if p))
            self.phrase_set = frozenset(self.phrases)
            # the phrases that are questions themselves ("Was this article helpful?"): only they match a line that asks
            self.questions = frozenset(c for p, c in zip(spec["phrases"], cooked) if p.rstrip().endswith("?"))
            self.pattern = None
            self.on = "normalised"
            anchors = [_anchor_of(p) for p in self.phrases]
            requires = ()
            self.branches = ()
            branch_anchors = [None if None in anchors or not anchors else tuple(sorted(set(anchors)))]
        else:
            self.mode = "pattern"
            self.phrases = ()
            self.phrase_set = frozenset()
            self.questions = frozenset()
            self.pattern = spec["pattern"]
            self.on = spec.get("on") or "normalised"
            declared = spec.get("anchors") or ()
            requires = ()
            if declared:
                self.branches = (self.pattern,)
                # (a declared anchor that is all Markdown furniture, such as "|", normalises to nothing: kept as is)
                keys = [_anchor_of(normalise(a) or a.casefold().strip()) for a in declared]
                branch_anchors = [None if None in keys else tuple(sorted(set(keys)))]
            else:
                # each alternative of the pattern gets its own anchors and is tried only where they occur
                self.branches = tuple(split_branches(self.pattern))
                branch_anchors = [branch_keys(b) for b in self.branches]
                requires = tuple(branch_requirements(b, keys) for b, keys in zip(self.branches, branch_anchors))
            anchors = [a for b in branch_anchors for a in (b or (None,))]
        self._regex = None
        self._branch_regex: dict[int, object] = {}
        self._anchors_of = None  # (see `_anchor_table`: made on first use)
        self.max_chars = spec.get("max_chars") or _DEFAULT_MAX[self.mode]
        # per alternative (one entry for phrases): the anchors a line needs, None when it needs none
        self.branch_anchors = tuple(branch_anchors)
        # per alternative: further key sets each line it matches holds one of (see `branch_requirements`); the
        # keys-only prefilter tries an alternative only on lines with one key of each (its anchors' and these)
        self.branch_requires = requires
        # per alternative: whether hyperscan's gate may judge it (decided once; kept in the pack cache)
        self.gate_ok = tuple(gate_eligible(b) for b in self.branches)
        # per alternative: what the hyperscan gate compiles for it (kept in the pack cache: deriving them all takes
        # tens of milliseconds, paid at every start otherwise)
        self.gate_forms = gate_forms(self)
        # None: no literal is required, so the matcher runs on every line of its zone
        self.anchors = None if not anchors or None in anchors else tuple(sorted(set(anchors)))

    def __getstate__(self):
        # (the pack cache, a Cleaner's snapshot) without what is compiled on first use: a compiled pattern would be
        # compiled again as it is unpickled, in a process that may never need it
        state = self.__dict__.copy()
        state.update(_regex=None, _branch_regex={}, _anchors_of=None)
        return state

    @property
    def regex(self):
        """The whole pattern, compiled on first use (a pack with hundreds of rules loads without compiling them)."""
        if self._regex is None and self.pattern is not None:
            self._regex = regex_programs.compile(self.pattern, regex.IGNORECASE | regex.V1)
        return self._regex

    def _branch(self, b: int):
        r = self._branch_regex.get(b)
        if r is None:
            if len(self.branches) > 1:
                try:
                    r = regex_programs.compile(self.branches[b], regex.IGNORECASE | regex.V1)
                except regex.error:  # a split the parser got wrong: the whole pattern is never wrong
                    r = self.regex
            else:
                r = self.regex
            self._branch_regex[b] = r
        return r

    def _search(self, text: str, pos: int = 0):
        if not self.user:
            return self.regex.search(text, pos)
        try:
            return self.regex.search(text, pos, timeout=_TIMEOUT_BASE + _TIMEOUT_PER_CHAR * len(text))
        except TimeoutError:
            raise PatternTimeout(self.rule_id) from None

    def _branch_search(self, b: int, text: str):
        r = self._branch(b)
        if not self.user:
            return r.search(text)
        try:
            return r.search(text, timeout=_TIMEOUT_BASE + _TIMEOUT_PER_CHAR * len(text))
        except TimeoutError:
            raise PatternTimeout(self.rule_id) from None

    def match(self, line: LineView, branches=None) -> bool:
        """Whether the line matches; `branches` (alternative indices of a pattern) limits the alternatives tried to
        those the prefilter found anchors for — the pattern matches the line exactly when one of them does."""
        if self.max_chars and len(line.raw) > self.max_chars:
            return False
        if self.mode == "line":
            # (a label never asks: "Teilen?" in an interview is a question, not the share button)
            text = line.bare
            return text in self.phrase_set and (text in self.questions or not line.norm.rstrip().endswith("?"))
        if self.mode == "pattern":
            text = line.raw if self.on == "raw" else line.norm
            if branches is None:
                return self._search(text) is not None
            if not self.user:  # built-in patterns have no time limit: the compiled alternatives, directly
                compiled = self._branch_regex
                for b in sorted(branches) if len(branches) > 1 else branches:
                    r = compiled.get(b)
                    if r is None:
                        r = self._branch(b)
                    if r.search(text) is not None:
                        return True
                return False
            for b in sorted(branches):
                if self._branch_search(b, text) is not None:
                    return True
            return False
        view = line.norm
        if self.mode == "prefix":
            return any(view.startswith(p) and _bounded(view, 0, len(p)) for p in self.phrases)
        for p in self.phrases:
            at = view.find(p)
            while at >= 0:
                if _bounded(view, at, at + len(p)):
                    return True
                at = view.find(p, at + 1)
        return False

    def match_by_anchors(self, line: LineView) -> bool:
        """`match(line)`, trying only the alternatives whose anchors the line itself holds (every match of an
        alternative holds one of its anchors, case-folded): the same answer for a fraction of a long alternation's
        cost, with no prefilter and no gate involved (see ScoredKind.detect). Only on a line in ASCII, and only by
        anchors in ASCII: `regex` ignoring case takes some letters for others that case folding keeps apart ("ı"
        and "I", "İ" and "i", pairs newer than Python's Unicode tables), so elsewhere every alternative is tried."""
        if self.mode != "pattern" or len(self.branch_anchors) < 2:
            return self.match(line)
        text = line.raw if self.on == "raw" else line.norm
        if not text.isascii():
            return self.match(line)
        keys, by_key, always = self._anchor_table()
        if self.on == "raw":
            text = text.lower()  # (the normalised view is case-folded already)
        found = set(always)
        for key in filter(text.__contains__, keys):
            found.update(by_key[key])
        return bool(found) and self.match(line, found)

    def _anchor_table(self):
        """(every anchor in ASCII, such an anchor -> the alternatives it anchors, the alternatives always tried),
        made once, for lines in ASCII. An anchor holding a character that `regex` cannot match against any ASCII
        text ("erklärte", "déclaré") never occurs in such a line and is left out; an alternative without anchors,
        or with one outside ASCII that might occur all the same ("ı" matches "I"), is always tried."""
        table = self._anchors_of
        if table is None:
            by_key: dict[str, list[int]] = {}
            always = []
            for b, keys in enumerate(self.branch_anchors):
                if keys is None or any(not k.isascii() and all(map(_meets_ascii, k)) for k in keys):
                    always.append(b)
                    continue
                for key in keys:
                    if key.isascii():
                        by_key.setdefault(key, []).append(b)
            table = self._anchors_of = (tuple(by_key), by_key, tuple(always))
        return table

    def spans(self, line: LineView) -> list[tuple[int, int]]:
        """Raw-text spans matched by a pattern (scope = "span")."""
        if self.max_chars and len(line.raw) > self.max_chars:
            return []
        out, pos = [], 0
        while pos <= len(line.raw):
            m = self._search(line.raw, pos)
            if m is None:
                break
            if m.end() > m.start():
                out.append((m.start(), m.end()))
            pos = m.end() if m.end() > m.start() else m.end() + 1
        return out
