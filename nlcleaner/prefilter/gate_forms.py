"""What the gate compiles for each alternative: a superset of it that the gate's engines take.

Lookarounds are dropped and long bounded repeats opened up (dropping a condition only adds matches), nothing may
match a newline, and line anchors are written as the newlines around a line, so that a document's lines can be
scanned as one text (`_on_lines`). Phrases become one expression per rule (`_phrase_expression`)."""

from __future__ import annotations

import re

from .branches import split_branches
from .stand_ins import _NON_ASCII_ESCAPE, _stand_in_expression
from .syntax import _class_end, _group_end, _hs_literal, _rewritten, _tokens, set_combines

_BOUNDED = re.compile(r"(?<!\\)\{(\d+),(\d*)\}")


def _relaxed(pattern: str) -> str:
    """A pattern that matches wherever the given one does, with long bounded repeats opened up ({0,200} -> *),
    which hyperscan would otherwise spend seconds compiling, and without lookaround assertions (hyperscan's own
    approximation of them in prefilter mode can miss lines: `^(?!.*\\bsaid\\b)x` scanned over many lines)."""

    def widen(m):
        low, high = int(m.group(1)), m.group(2)
        if high and int(high) <= 4:
            return m.group(0)
        return "*" if low == 0 else "+"

    return _BOUNDED.sub(widen, _without_lookarounds(pattern))


_LOOKAROUNDS = ("(?=", "(?!", "(?<=", "(?<!")


# what could match a newline is kept to one line: the gate scans a document's lines as one text (see `_on_lines`)
_ONE_LINE = {"\\s": "[\\t\\x0b\\x0c\\r ]", "\\W": "[^\\w\\n]", "\\D": "[^\\d\\n]"}
_ONE_LINE_IN_SET = {"\\s": "\\t\\x0b\\x0c\\r "}


def _without_lookarounds(pattern: str) -> str:
    """The pattern with every lookahead and lookbehind group taken out (dropping a condition only adds matches)
    and with nothing that can match a newline (`\\s`, `\\W`, `\\D`, negated sets), so that a match never runs from
    one line into the next: one that did would let through every line after a line it starts on. (An assertion
    with a quantifier after it is left in place, which hyperscan then refuses: the alternative is not gated.)"""
    out, i, n = [], 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            esc = pattern[i:i + 2]
            out.append(_ONE_LINE.get(esc, esc))
            i += 2
            continue
        if c == "[":
            end = _class_end(pattern, i)
            out.append(_one_line_set(pattern[i:end]))
            i = end
            continue
        if c == "(" and pattern.startswith(_LOOKAROUNDS, i):
            end = _group_end(pattern, i)
            if end is not None and (end >= n or pattern[end] not in "?*+{"):
                i = end
                continue
        out.append(c)
        i += 1
    return "".join(out)


def _one_line_set(cls: str) -> str:
    """A character set that cannot match a newline: a negated set excludes it; `\\s` in a set becomes the ASCII
    spaces but the newline. (`\\W` or `\\D` in a set that is not negated stays: rare, and only costs lines.)"""
    body = cls[1:-1] if cls.endswith("]") else cls[1:]
    negated = body.startswith("^")
    if negated:
        body = body[1:]
    out, j = [], 0
    while j < len(body):
        if body[j] == "\\":
            esc = body[j:j + 2]
            out.append(_ONE_LINE_IN_SET.get(esc, esc) if not negated else esc)
            j += 2
            continue
        out.append(body[j])
        j += 1
    if negated and out and out[0] == "]":
        out[0] = "\\]"  # a leading "]" is a member only while it comes first
    return ("[^\\n" if negated else "[") + "".join(out) + "]"


def _on_lines(expression: bytes) -> bytes:
    """A gate expression for a scan of many lines at once, where every line ends with a newline and the first one
    follows one (see `BranchGate.scan`): a line anchor that is the first thing its alternative matches (only group
    openings and alternation bars before it) becomes the newline before the line, one that is the last (only group
    closings and bars after it) the line's own newline, and any other anchor is dropped, which only lets more lines
    through; so is one a repeat asks for twice (`(?:^|x){2}`). A line's own match then ends within the line or on
    its newline, and the gate gives it to that line (as built-in expressions match no other newline, see
    `_without_lookarounds`, their matches lie within one line and its two newlines; a user's may run across
    lines, which only lets more lines through)."""
    pattern = expression.decode("utf-8", "surrogatepass")
    units = list(_units(pattern))
    first = _anchors_at_an_end(units, "^", "open", "close") - _repeated_twice(pattern, units)
    last = _anchors_at_an_end(units[::-1], "$", "close", "open")
    out = []
    for kind, a, b in units:
        if kind in ("^", "$"):
            # (a dropped anchor that a quantifier follows leaves an empty group to it: "{2}" alone is a literal)
            out.append("\\n" if a in first or a in last else "(?:)" if pattern[b:b + 1] in _QUANTIFIERS else "")
        else:
            out.append(pattern[a:b])
    return "".join(out).encode("utf-8", "surrogatepass")


_COUNTED = re.compile(r"\{(\d+)")
_QUANTIFIERS = frozenset("{*+?")


def _repeated_twice(pattern: str, units) -> set[int]:
    """The anchors (positions) that a repeat asks for at least twice: in a group followed by `{2}`, `{3,}`... or
    followed so themselves. The zero-width anchor holds twice at the same place; a newline would be needed twice."""
    found: set[int] = set()
    opened: list[int] = []
    for kind, a, b in units:
        if kind in ("open", "special"):
            opened.append(a)
        elif kind in ("close", "^", "$"):
            start = opened.pop() if kind == "close" and opened else a
            counted = _COUNTED.match(pattern, b)
            if counted and int(counted.group(1)) >= 2:
                found.update(x for k, x, _ in units if k in ("^", "$") and start <= x < b)
    return found


def _units(pattern: str):
    """`_tokens` as the anchor walk of `_on_lines` needs them: (kind, start, end) with kind "open" (`(` or `(?:`),
    "special" (the start of another sort of group), "close", "bar", "^", "$", or another (anything else)."""
    skip_to = 0
    for kind, a, b in _tokens(pattern):
        if a < skip_to:
            continue
        c = pattern[a] if kind == "char" else ""
        if c == "(" and pattern.startswith("(?:", a):
            skip_to = a + 3
            yield "open", a, a + 3
        elif c == "(" and not pattern.startswith("(?", a):
            yield "open", a, b
        elif c in ("(", ")", "|", "^", "$"):  # "(": (?i), (?P<name>...: a group whose start is not followed through
            yield {"(": "special", ")": "close", "|": "bar"}.get(c, c), a, b
        else:
            yield kind, a, b


def _anchors_at_an_end(units, anchor: str, enter: str, leave: str) -> set[int]:
    """Where `units` (in matching order; reversed, with `enter` and `leave` swapped, for the end) hold `anchor` with
    nothing consumed before it on any path that reaches it: only group openings before it, and bars that start an
    alternative of a group itself opened before anything was consumed."""
    found: set[int] = set()
    at_edge, stack = True, []
    for kind, a, _ in units:
        if kind == enter or (kind == "special" and enter == "open"):
            # (in the forward walk, what a group of another sort holds is not followed: nothing in it is at the edge)
            stack.append(at_edge and kind == enter)
            at_edge = at_edge and kind == enter
        elif kind == "bar":
            at_edge = stack[-1] if stack else True
        elif kind == leave or kind == "special":
            if stack:
                stack.pop()
            at_edge = False
        elif kind == anchor and at_edge:
            found.add(a)
            at_edge = False
        else:
            at_edge = False
    return found


_WHOLE_TEXT = re.compile(r"\\[AZzGK]")


def _gate_ok(matcher, b: int) -> bool:
    ok = getattr(matcher, "gate_ok", None)
    return ok[b] if ok is not None and len(ok) == len(matcher.branches) else gate_eligible(matcher.branches[b])


def gate_forms(matcher) -> tuple[bytes | None, ...]:
    """Per alternative of a matcher, what the gate compiles for it (None: it cannot judge it): its form on one line
    (`line_form`) for a scan of many (`_on_lines`). Depends on the matcher alone, so it is made once when a rule is
    compiled and kept in the pack cache."""
    forms = (line_form(matcher, b) for b in range(len(matcher.branch_anchors)))
    return tuple(None if form is None else _on_lines(form) for form in forms)


def line_form(matcher, b: int) -> bytes | None:
    """What alternative b of a matcher is for the gate on one line (None: the gate cannot judge it): a superset of
    it that hyperscan takes, with nothing that matches a newline."""
    expression = _gate_expression(matcher, b)
    if expression is None:
        return None
    form = _without_optional_lead(_without_long_tail(_relaxed(expression))).encode("utf-8", "surrogatepass")
    # one form judges ASCII lines and the stand-ins of the others alike: on an ASCII line the stand-in form lets
    # through every line the original does (a few more at most)
    return _bytes_grouped(_stand_in_expression(form))


def _bytes_grouped(form: bytes) -> bytes:
    """A gate form with each character outside ASCII (written, or escaped: `\\é`) made a group of its UTF-8 bytes:
    the gate's engines read an expression byte by byte, where a quantifier after "»" would repeat its last byte
    alone, so `»?` would require the first one and turn away the ASCII line `regex` matches without it. (In a set,
    the bytes stand for themselves, none of them ASCII: what the set matches on an ASCII line does not change.) A
    form with a comment, `(?#...)`, is left as it is: the piece walk does not know comments, and a group's `)` inside
    one would end it early."""
    if b"(?#" in form:
        return form
    return _rewritten(form, lambda kind, piece, _p, _a: piece if kind == "set" or piece.isascii() else f"(?:{piece})")


def _without_optional_lead(pattern: str) -> str:
    """`^(?:X)?Y` as `^Y|XY`: an optional group after a line start ("^(?:.*?[.!?:] )?subscribe to", "^(?:¿\\s?)?")
    becomes an alternation (a superset: with X, anywhere). Hyperscan 0.9's combined database missed lines the
    optional-lead form matches alone (tests/test_gate_fuzz_findings.py: "Das ist der Podcast der Redaktion.
    Abonnieren Sie ..."); the alternation finds them, and keeps Y anchored where X is absent, which an unanchored Y
    (common words "have", "know" followed by anything up to a "?") would make the slowest expression of the scan."""
    if pattern.startswith("^("):
        end = _group_end(pattern, 1)
        if end is not None and pattern[end:end + 1] == "?":
            lead = pattern[1:end]
            rest = pattern[end + 1:]
            rest = rest[1:] if rest.startswith("?") else rest  # a lazy `??`
            if rest and not rest.startswith(("*", "+", "{", "|")) and not _top_level_bar(rest):
                return f"(?:^{rest}|{lead}{rest})"
    return pattern


# a repeated or optional group longer than this ends a gate form where it starts (see `_without_long_tail`)
_LONG_TAIL = 300


def _without_long_tail(pattern: str) -> str:
    """The pattern cut before its first long group that a quantifier follows, at the top level of a pattern with no
    top-level bar (a superset: a match of the whole starts with a match of what comes before). Such tails (a
    comment heading's "· Leave a Reply · Your email address..." row, a share bar's further button names) repeat the
    rule's whole list of labels: hyperscan spent about a third of its compile time on them. Cut, they let ~5 % more
    (expression, line) pairs through on the dev dumps, 7,708 lines of 99,566 instead of 7,242 (docs/performance.md,
    twenty-fifth pass). A head that would consume fewer than two characters keeps its tail."""
    if _top_level_bar(pattern):
        return pattern
    depth = 0
    for kind, a, _b in _units(pattern):
        if kind == "open" and depth == 0:
            end = _group_end(pattern, a)
            if end is not None and end - a > _LONG_TAIL and pattern[end:end + 1] in _QUANTIFIERS:
                return pattern[:a] if _consumes_two(pattern[:a]) else pattern
        if kind in ("open", "special"):
            depth += 1
        elif kind == "close":
            depth -= 1
    return pattern


def _consumes_two(pattern: str) -> bool:
    from ..anchors import parse

    try:
        return parse(pattern).getwidth()[0] >= 2
    except Exception:
        return False


def _top_level_bar(pattern: str) -> bool:
    """Whether the pattern has an alternation bar outside any group (`Y` in `^Y|XY` must be one alternative)."""
    return any(kind == "bar" for kind, _a, _b in _units_at_depth_zero(pattern))


def _units_at_depth_zero(pattern: str):
    depth = 0
    for kind, a, b in _units(pattern):
        if kind in ("open", "special"):
            depth += 1
        elif kind == "close":
            depth -= 1
        elif depth == 0:
            yield kind, a, b


def _gate_forms_of(matcher) -> tuple[bytes | None, ...]:
    forms = getattr(matcher, "gate_forms", None)
    return forms if forms is not None and len(forms) == len(matcher.branch_anchors) else gate_forms(matcher)


def _gate_expression(matcher, b: int) -> str | None:
    """What the gate looks for to judge alternative b of a matcher (None: it cannot judge it): the alternative
    itself for a pattern; for phrases, the line shapes `LineMatcher.match` accepts."""
    if matcher.mode == "pattern":
        if len(matcher.branches) != len(matcher.branch_anchors) or not _gate_ok(matcher, b):
            return None
        return matcher.branches[b]
    if not matcher.phrases:
        return None
    expression = _phrase_expression(matcher.mode, matcher.phrases)
    return expression if gate_eligible(expression) else None


# what `normalise.bare` takes off a view's start and end (no newline, as everywhere in gate expressions); its
# characters outside ASCII ("»", "›", "→", "…") as the gate sees them on a line with such characters: \x01, their
# stand-in (see `stand_ins`), so that the expression stays all ASCII
_EDGE_SET = "[\\t\\x0b\\x0c\\r\\x1c-\\x1f |>\\-\"'\\x01]"
_TRAIL_SET = "[\\t\\x0b\\x0c\\r\\x1c-\\x1f .:;,!?|>\\-\"'\\x01]"


def _phrase_expression(mode: str, phrases) -> str:
    """Phrases as one hyperscan expression over normalised lines: the whole line (bare of edge punctuation), its
    start, or anywhere in it. Word bounds and length limits stay with `LineMatcher.match`."""
    body = "(?:" + "|".join(_hs_literal(p) for p in phrases) + ")"
    if mode == "line":
        return f"^{_EDGE_SET}*{body}{_TRAIL_SET}*$"
    if mode == "prefix":
        return "^" + body
    return body


def _set_operation(pattern: str) -> bool:
    """Whether a character class of the pattern nests another or combines classes (see `set_combines`)."""
    return any(kind == "set" and set_combines(pattern, a) for kind, a, _ in _tokens(pattern))


def gate_eligible(pattern: str) -> bool:
    """Hyperscan may judge an alternative on ASCII lines when no character of it has an ASCII case partner that
    hyperscan's caseless matching would not know (the Kelvin sign, the long s, dotless i...), written or named by
    an escape (`[\\xdf]` is "ß", which matches "ss" ignoring case), and it does not anchor to the start or end of
    the whole text (\\A, \\Z)."""
    if _WHOLE_TEXT.search(pattern) or _set_operation(pattern):
        return False
    if _NON_ASCII_ESCAPE.search(pattern.encode("utf-8", "surrogatepass")):
        return False  # (no built-in alternative names a character so: an escape is not worth reading out here)
    from ..anchors import parse

    try:
        if parse(pattern).getwidth()[0] == 0:
            return False  # it may match the empty string: hyperscan would report it everywhere
    except Exception:
        return False
    for ch in pattern:
        if ch.isascii():
            continue
        for variant in (ch.lower(), ch.upper(), ch.casefold(), ch.title()):
            if any(c.isascii() for c in variant):
                return False
    return True


def spelled_out(form: bytes, most: int = 3) -> list[bytes]:
    """A gate form as at most `most` simpler expressions that together match exactly what it matches: its
    alternatives, of the whole and of its groups, and its optional groups (`x(?:a)?y` as `xy` and `xay`) spelt out
    while the count stays within `most` (`split_branches`, deep). Hyperscan finds the literals every match of a
    simpler expression must hold, where an alternation or an optional lead hides them: the gate's database scans
    about a quarter faster for some 40 % more expressions (docs/performance.md, eighteenth pass)."""
    pattern = form.decode("utf-8", "surrogatepass")
    return [p.encode("utf-8", "surrogatepass") for p in split_branches(pattern, most, deep=True)]
