"""Deriving prefilter anchors from a pattern: literals of which every match must contain at least one.

A pattern without declared anchors would otherwise run on every line. The pattern is parsed with the standard
library's regular-expression parser (enough for the syntax packs use; anything it cannot read simply stays
unanchored). A requirement is a set of literals, any one of which a match contains: a run of literal characters
gives a one-element set, an alternation the union of its branches' requirements (when every branch has one), a
repeat of at least one its body's. Of a sequence's requirements the most selective is kept.
"""

from __future__ import annotations

import regex

try:
    from re import _constants as C, _parser as P
except ImportError:  # pragma: no cover - Python < 3.11 kept them public
    import sre_constants as C
    import sre_parse as P

MIN_LEN = 3  # shorter literals ("by", "on") hit nearly every line: no use as a prefilter


def derive(pattern: str) -> tuple[str, ...] | None:
    try:
        tree = P.parse(pattern, 0)
    except Exception:  # any syntax the stdlib parser does not know (\p{L}, (?V1)...): no anchors
        return None
    req = _sequence(list(tree))
    if not req or not all(_useful(s) for s in req):
        return None
    return tuple(sorted(req))


def _key(literal: str) -> str:
    """What the prefilter looks for: the literal's longest word, case-folded (or the literal if it has none)."""
    words = regex.findall(r"\w+", literal.casefold())
    return max(words, key=len) if words else literal.casefold().strip()


def _useful(anchor: str) -> bool:
    if regex.search(r"\w", anchor):
        return len(anchor) >= MIN_LEN
    return bool(anchor) and not anchor.isascii()  # a symbol such as © is rare enough on its own


def _lit(text: str) -> frozenset:
    return frozenset([_key(text)])


def _better(a, b):
    """The more selective requirement: usable, longer shortest anchor, then fewer anchors."""
    if a is None:
        return b
    if b is None:
        return a

    def rank(req):
        return (all(_useful(s) for s in req), min(map(len, req)), -len(req))

    return a if rank(a) >= rank(b) else b


def _sequence(items) -> frozenset | None:
    best, run = None, []
    for op, av in items:
        if op is C.LITERAL:
            run.append(chr(av))
            continue
        if run:
            best = _better(best, _lit("".join(run)))
            run = []
        best = _better(best, _item(op, av))
    if run:
        best = _better(best, _lit("".join(run)))
    return best


def _item(op, av) -> frozenset | None:
    if op is C.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op is C.BRANCH:
        parts = [_sequence(list(branch)) for branch in av[1]]
        if any(p is None for p in parts):
            return None
        return frozenset().union(*parts)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
        low, _high, body = av
        return _sequence(list(body)) if low >= 1 else None
    if op is getattr(C, "ATOMIC_GROUP", None):
        return _sequence(list(av))
    return None
