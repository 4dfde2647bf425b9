"""Walking a pattern's syntax: its pieces (escapes, character sets, single characters), where a set or a group
ends, and literals written for the gate's engines. Shared by the splitting of patterns into alternatives, the
gate's rewriting of them (`gate_forms`, `stand_ins`, `gate_re2`) and `anchors`."""

from __future__ import annotations

import re

def _escaped_backslash(pattern: str, at: int) -> bool:
    """Whether the backslash at `at` is itself escaped (preceded by an odd number of backslashes)."""
    count = 0
    while at - 1 - count >= 0 and pattern[at - 1 - count] == "\\":
        count += 1
    return count % 2 == 1


def _rewritten(expression: bytes, rewrite) -> bytes | None:
    """An expression outside ASCII with each of its pieces (see `_tokens`) as `rewrite(kind, piece, pattern, start)`
    gives it; None when it gives None for one. An ASCII expression is returned as it is."""
    if expression.isascii():
        return expression
    pattern = expression.decode("utf-8", "surrogatepass")
    out = []
    for kind, a, b in _tokens(pattern):
        piece = rewrite(kind, pattern[a:b], pattern, a)
        if piece is None:
            return None
        out.append(piece)
    return "".join(out).encode("utf-8", "surrogatepass")


def _tokens(pattern: str):
    """The pattern as (kind, start, end) pieces, in order: "escape" (a backslash and the character after it),
    "set" (a character class, to its closing bracket or the end) or "char" (any other single character) — the walk
    every rewriting of gate expressions shares."""
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            yield "escape", i, min(i + 2, n)
            i += 2
        elif c == "[":
            end = _class_end(pattern, i)
            yield "set", i, end
            i = end
        else:
            yield "char", i, i + 1
            i += 1


def _class_end(pattern: str, i: int, strict: bool = False):
    """The index just after the character class opening at i (the end of the pattern when it does not close).
    `strict`: None instead when it does not close or holds a nested set (a POSIX class is not one)."""
    for kind, a, b in set_units(pattern, i):
        if kind == "end":
            return b
        if strict and kind == "nested":
            return None
    return None if strict else len(pattern)


# a POSIX class, inside a set: `[[:digit:]]`, `[^[:^alpha:]_]`
POSIX_CLASS = re.compile(r"\[:\^?[A-Za-z]+:\]")
# what combines sets inside a set, in `regex`'s version 1 syntax (the one rules are compiled with)
_SET_OPERATORS = ("--", "&&", "||", "~~")


def set_units(pattern: str, i: int):
    """The pieces of the character class opening at i, in order, as (kind, start, end): "negation" (its `^`),
    "posix" (a POSIX class, `[:digit:]`), "nested" (a set inside it, as `regex`'s version 1 reads `[[a-z]--[aeiou]]`),
    "escape", "char", and last "end" (its closing bracket; missing when it does not close). A `]` first in the
    class is one of its characters, as to `regex` and hyperscan."""
    j, n = i + 1, len(pattern)
    if j < n and pattern[j] == "^":
        yield "negation", j, j + 1
        j += 1
    first = True
    while j < n:
        c = pattern[j]
        posix = POSIX_CLASS.match(pattern, j) if c == "[" else None
        if c == "]" and not first:
            yield "end", j, j + 1
            return
        if posix:
            kind, end = "posix", posix.end()
        elif c == "[":
            kind, end = "nested", _class_end(pattern, j)
        elif c == "\\":
            kind, end = "escape", min(j + 2, n)
        else:
            kind, end = "char", j + 1
        yield kind, j, end
        j = end
        first = False


def set_combines(pattern: str, i: int) -> bool:
    """Whether the character class opening at i nests another or combines classes (`[[a-z]--[aeiou]]`), which
    hyperscan and the standard library's parser read as one flat class."""
    units = list(set_units(pattern, i))
    # its plain characters in order, anything else (an escape, a POSIX class) standing as a space between them
    chars = "".join(pattern[a] if kind == "char" else " " for kind, a, _ in units)
    return any(kind == "nested" for kind, _, _ in units) or any(op in chars for op in _SET_OPERATORS)


def _group_end(pattern: str, i: int) -> int | None:
    """The index just after the group opening at i, None when it does not close."""
    depth, j, n = 0, i, len(pattern)
    while j < n:
        c = pattern[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            j = _class_end(pattern, j)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    return None


def _hs_literal(text: str) -> str:
    """A literal for a hyperscan expression: ASCII punctuation and spaces hex-escaped, the rest as is."""
    return "".join(ch if not ch.isascii() or ch.isalnum() else f"\\x{ord(ch):02x}" for ch in text)
