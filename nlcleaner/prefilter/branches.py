"""A pattern's alternatives, and the keys that pick the lines each may match.

A pattern `a|b|c` (or `x(?:a|b)y`) is split into its alternatives, and each gets its own keys: literal words of
which every match contains one (`anchors.derive`). A line is tried against an alternative only where one of them
is."""

from __future__ import annotations

import re

from .syntax import _class_end

_UNSPLITTABLE = re.compile(r"\(\?[a-zA-Z^]+[-a-zA-Z]*[:)]|\(\?#|\(\?\(|\\[1-9]|\(\?P=|\\g<|\(\?R|\(\?\d|\(\?&|\(\?\|")
_MAX_BRANCHES = 400
# a flag turned off for the rest of its group, `(?-i)`: deep splitting unwraps groups, which would carry it past the
# group's end (the splitting of rule patterns keeps every alternative in its group)
_FLAGS_OFF = re.compile(r"\(\?[a-zA-Z^]*-[a-zA-Z]*\)")


def _scan_groups(pattern: str):
    """Top-level '|' positions and top-level groups (start, end, positions of their own '|'); None when unsure."""
    pipes: list[int] = []
    groups: list[tuple[int, int, list[int]]] = []
    stack: list[tuple[int, list[int]]] = []
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            end = _class_end(pattern, i, strict=True)
            if end is None:
                return None  # a set that does not close, or a nested one (regex V1 syntax): keep the pattern whole
            i = end
            continue
        if c == "(":
            stack.append((i, []))
        elif c == ")":
            if not stack:
                return None
            start, inner = stack.pop()
            if not stack:
                groups.append((start, i, inner))
        elif c == "|":
            if not stack:
                pipes.append(i)
            elif len(stack) == 1:
                stack[0][1].append(i)
        i += 1
    if stack:
        return None
    return pipes, groups


def _split_once(p: str, deep: bool = False):
    scanned = _scan_groups(p)
    if scanned is None:
        return None
    pipes, groups = scanned
    if pipes:
        bounds = [-1, *pipes, len(p)]
        return [p[a + 1:b] for a, b in zip(bounds, bounds[1:])]
    splittable = [g for g in groups if g[2]]
    if len(splittable) == 1:
        start, end, inner = splittable[0]
        if _plain(p, start) and p[end + 1:end + 2] not in _REPEATS:  # (a repeated group does not distribute)
            return _choices(p, start, end, inner, p[end + 1:])
    if deep:  # the first plain group that is not repeated, or only made optional
        for start, end, inner in groups:
            after = p[end + 1:end + 3]
            if not _plain(p, start) or _open_seam(p, start, end, inner):
                continue
            if after[:1] not in _REPEATS:
                return _choices(p, start, end, inner, p[end + 1:])
            if after[:1] == "?" and after[1:] not in _REPEATS:  # (not lazy, possessive or repeated again)
                return [p[:start] + p[end + 2:], *_choices(p, start, end, inner, p[end + 2:])]
    return None


_REPEATS = frozenset("*+?{")
# what the text before a seam may end with that the text after it would continue into another token: an octal or
# hex escape (`\0` + `1`), `\c`, an open count (`{2` + `,3}`)
_OPEN_END = re.compile(r"(?:\\(?:[0-7]{1,2}|x[0-9a-fA-F]?|c)|\{[\d,]*)$")


def _open_seam(p: str, start: int, end: int, inner: list[int]) -> bool:
    """Whether taking the group from `start` to `end` away, or unwrapping it, could join what lies on either side
    into one token of another meaning (`\0(?:1)` is not `\01`, `a{2(?:,3})` is not `a{2,3}`)."""
    body = p[_body_start(p, start):end]
    return _OPEN_END.search(p[:start]) is not None or not inner and (
        _OPEN_END.search(body) is not None or body.startswith("{"))


def _body_start(p: str, start: int) -> int:
    """Where the body of the group opening at `start` begins (after `(?:` or `(`)."""
    return start + (3 if p.startswith("(?:", start) else 1)


def _plain(p: str, start: int) -> bool:
    """Whether the group opening at `start` is a plain one, `(...)` or `(?:...)` (not a lookaround, an atomic or a
    named group)."""
    return p[start + 1:start + 2] != "?" or p.startswith("(?:", start)


def _choices(p: str, start: int, end: int, inner: list[int], suffix: str) -> list[str]:
    """The pattern with the group from `start` to `end` (its own bars at `inner`) replaced by each of its
    alternatives in turn, `suffix` after it; a group of one alternative is unwrapped."""
    body = _body_start(p, start)
    if not inner:
        return [p[:start] + p[body:end] + suffix]
    bounds = [body - 1, *inner, end]
    return [f"{p[:start]}(?:{p[a + 1:b]}){suffix}" for a, b in zip(bounds, bounds[1:])]


def split_branches(pattern: str, most: int = _MAX_BRANCHES, deep: bool = False) -> list[str]:
    """Alternatives that together match exactly where the pattern matches: `a|b` -> a, b; `x(?:a|b)y` -> xay, xby;
    `deep`, also where groups nest or several hold alternatives, and optional groups: `x(?:a)?y` -> xy, xay. No
    more than `most` of them.

    Used only to decide *whether* a line matches; spans (scope = "span") always come from the whole pattern.
    A pattern with inline flags, back-references, nested sets or anything unusual stays whole."""
    if _UNSPLITTABLE.search(pattern) or deep and _FLAGS_OFF.search(pattern):
        return [pattern]
    out: list[str] = []
    todo = [pattern]
    while todo:
        p = todo.pop()
        parts = _split_once(p, deep)
        if parts is None or len(out) + len(todo) + len(parts) > most:
            out.append(p)
        else:
            todo.extend(reversed(parts))
    return list(dict.fromkeys(out))


def branch_keys(pattern: str) -> tuple[str, ...] | None:
    """Prefilter keys for one alternative: `anchors.derive`'s, else its extended second try (small character classes,
    two-letter non-ASCII words, rare symbols). None: no key (the alternative is tried everywhere)."""
    from ..anchors import derive, derive_extended

    keys = derive(pattern)
    return keys if keys is not None else derive_extended(pattern)


def branch_requirements(pattern: str, keys: tuple[str, ...] | None) -> tuple[tuple[str, ...], ...]:
    """Key sets besides an alternative's keys that every line it matches holds one of each of (`anchors.requirements`:
    "^(?:get|join) (?:the|our) x" is tried only on lines with "get" or "join", and "the" or "our"); for the
    keys-only backends, which would otherwise try it on every line holding one of its keys (often common words).
    For an alternative without keys, shorter words count too ("vk", "is"): the first set then serves as its keys
    there (see Prefilter.plan), instead of every line of its zone."""
    from ..anchors import requirements

    if keys is None:
        return tuple(requirements(pattern, short=True))
    return tuple(r for r in requirements(pattern) if r != keys)[:2]
