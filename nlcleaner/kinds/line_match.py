"""Line matchers: literal phrases or a `regex` pattern, tested against one line. Every kind is built from these
(a phrase or pattern rule, a region's markers, a cut's marker, a scored rule's signals)."""

from __future__ import annotations

import regex

from ..anchors import derive
from ..normalise import bare, normalise, words

_DEFAULT_MAX = {"line": None, "prefix": 200, "contains": 200, "pattern": 300}
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

    def __init__(self, raw: str):
        self.raw = raw
        self._norm = None
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


class LineMatcher:
    def __init__(self, spec: dict, rule_id: str, user: bool):
        self.rule_id = rule_id
        self.user = user
        if "phrases" in spec:
            self.mode = spec.get("match") or "line"
            cooked = [bare(normalise(p)) for p in spec["phrases"]]
            self.phrases = tuple(dict.fromkeys(p for p in cooked if p))
            self.phrase_set = frozenset(self.phrases)
            self.regex = None
            self.on = "normalised"
            anchors = [_anchor_of(p) for p in self.phrases]
        else:
            self.mode = "pattern"
            self.phrases = ()
            self.phrase_set = frozenset()
            self.regex = regex.compile(spec["pattern"], regex.IGNORECASE | regex.V1)
            self.on = spec.get("on") or "normalised"
            declared = spec.get("anchors") or ()
            anchors = [_anchor_of(normalise(a)) for a in declared] if declared else list(derive(spec["pattern"]) or ())
        self.max_chars = spec.get("max_chars") or _DEFAULT_MAX[self.mode]
        # None: no literal is required, so the matcher runs on every line of its zone
        self.anchors = None if not anchors or None in anchors else tuple(sorted(set(anchors)))

    def _search(self, text: str, pos: int = 0):
        if not self.user:
            return self.regex.search(text, pos)
        try:
            return self.regex.search(text, pos, timeout=_TIMEOUT_BASE + _TIMEOUT_PER_CHAR * len(text))
        except TimeoutError:
            raise PatternTimeout(self.rule_id) from None

    def match(self, line: LineView) -> bool:
        if self.max_chars and len(line.raw) > self.max_chars:
            return False
        if self.mode == "line":
            return line.bare in self.phrase_set
        if self.mode == "pattern":
            return self._search(line.raw if self.on == "raw" else line.norm) is not None
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
