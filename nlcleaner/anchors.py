"""Deriving prefilter keys from a pattern: literals of which every match must contain at least one.

A pattern without declared anchors would otherwise run on every line. The pattern is parsed with the standard
library's regular-expression parser (enough for the syntax packs use; anything it cannot read simply stays
unanchored). A requirement is a set of literals, any one of which a match contains: a run of literal characters
gives a one-element set, an alternation the union of its branches' requirements (when every branch has one), a
repeat of at least one its body's. Of a sequence's requirements the most selective is kept.

Two policies share the walk: `derive` (the literal's longest word, three letters at least, or a non-ASCII symbol
such as ©) and `derive_extended`, the prefilter's second try for an alternative `derive` leaves without keys: it
also takes small character classes (`[$€£]`), two-letter non-ASCII words (`zł`, `от`), short literals kept whole
(`(c)`) and a few rare ASCII symbols (`$`, `|`).
"""

from __future__ import annotations

import functools
import warnings

import regex

try:
    from re import _constants as C, _parser as P
except ImportError:  # pragma: no cover - Python < 3.11 kept them public
    import sre_constants as C
    import sre_parse as P

MIN_LEN = 3  # shorter literals ("by", "on") hit nearly every line: no use as a prefilter
_SYMBOLS = frozenset("$|@#%&+©®™:")  # ASCII symbols rare enough on a line to be worth a key ("$ 5", "a | b | c")
_WORD = regex.compile(r"\w+")


@functools.lru_cache(maxsize=1024)
def parse(pattern: str):
    """The standard library parser's tree of a pattern as `regex` reads it, for what the tree tells of literals and
    widths; raises on syntax it does not know. A POSIX class in a set (`[[:digit:]]`), which the standard library
    takes for the characters "[:digt" and then a literal "]", and a set that nests others are read as broad
    classes (no literal either way: a key "]cd" for `ab[[:digit:]]cd` would keep the rule off every line it
    matches); the parser's warnings about sets that might one day nest are not shown (the library never prints).

    Kept for the next asks: compiling a matcher asks three times for each of its alternatives (keys, requirements,
    whether the gate may judge it), which was a third of the first run's ~14 s. The tree is shared, so callers only
    read it. The last 1,024 are kept (the largest built-in matcher has ~360 alternatives): the trees of all ~6,400
    took 66 MB, and the pack cache lets go of them once a pack is compiled (`packcache`)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        return P.parse(_sets_as_regex_reads_them(pattern), 0)


def _sets_as_regex_reads_them(pattern: str) -> str:
    """The pattern with the sets the standard library reads otherwise than `regex` made plain: a POSIX class in a
    set as `\\w`, a set that nests or combines others (version 1 syntax: `[[a-z]--[aeiou]]`) as `[\\w\\W]` (no
    literal in either; only their being one character matters here). Outside a set, "[:a:]" is a set of ":" and
    "a" to both parsers."""
    if "[" not in pattern:
        return pattern
    from .prefilter.syntax import _tokens, set_combines, set_units  # (the walk over sets the gate's rewriting uses)

    out = []
    for kind, a, b in _tokens(pattern):
        if kind != "set":
            out.append(pattern[a:b])
        elif set_combines(pattern, a):
            out.append("[\\w\\W]")
        else:
            out.append("[")
            out += ["\\w" if unit == "posix" else pattern[x:y] for unit, x, y in set_units(pattern, a)]
    return "".join(out)


def derive(pattern: str) -> tuple[str, ...] | None:
    return _Walker(extended=False).keys(pattern)


def derive_extended(pattern: str) -> tuple[str, ...] | None:
    return _Walker(extended=True).keys(pattern)


def requirements(pattern: str, most: int = 3, short: bool = False) -> list[tuple[str, ...]]:
    """Every usable requirement (extended policy) the pattern's sequence holds, its groups' and its repeated bodies'
    included, and each word of a literal of several words on its own, most selective first, at most `most`: a match
    contains one literal of each at once (`derive` keeps only the best one). `^(?:get|join) (?:the|our) x` gives
    ("get", "join") and ("our", "the"): a line worth trying holds one of each. `short`: two-letter words and single letters outside ASCII are usable too ("vk", "is", "à"),
    for an alternative that has no keys otherwise (a line with "is" is still fewer than every line)."""
    walker = _Walker(extended=True, short=short)
    try:
        tree = parse(pattern)
    except Exception:
        return []
    found = {tuple(sorted(r)) for r in walker.every(list(tree)) if r and all(walker.useful(k) for k in r)}
    return sorted(found, key=lambda r: (walker.rank(r), r), reverse=True)[:most]  # (ties: the same order every run)


class _Walker:
    def __init__(self, extended: bool, short: bool = False):
        self.extended = extended
        self.short = short

    def keys(self, pattern: str) -> tuple[str, ...] | None:
        try:
            tree = parse(pattern)
        except Exception:  # any syntax the stdlib parser does not know (\p{L}, (?V1)...): no keys
            return None
        req = self.sequence(list(tree))
        if not req or not all(self.useful(s) for s in req):
            return None
        return tuple(sorted(req))

    def key(self, literal: str) -> str:
        """What the prefilter looks for: the literal's longest word, case-folded (or the literal if it has none)."""
        folded = literal.casefold()
        words = _WORD.findall(folded)
        if not words:
            return folded.strip()
        best = max(words, key=len)
        whole = folded.strip()
        if self.extended and len(best) < 3 and len(whole) >= 3 and not regex.search(r"\s", whole):
            return whole  # "(c)": the short literal whole is rarer than its one-letter word
        return best

    def useful(self, key: str) -> bool:
        if not key or "\n" in key:  # (a line never holds a newline: such a key would find nothing on one)
            return False
        if _WORD.search(key):
            if self.short:
                return len(key) >= 2 or not key.isascii()
            return len(key) >= MIN_LEN or (self.extended and len(key) >= 2 and not key.isascii())
        return not key.isascii() or (self.extended and all(ch in _SYMBOLS for ch in key.strip()))

    def better(self, a, b):
        """The more selective requirement: usable, longer shortest key, then fewer keys."""
        if a is None:
            return b
        if b is None:
            return a
        return a if self.rank(a) >= self.rank(b) else b

    def rank(self, req):
        return (all(self.useful(s) for s in req), min(map(len, req)), -len(req))

    def every(self, items) -> list[frozenset]:
        """The requirements of a sequence one by one (see `requirements`): those of its literal runs and items, and
        of the sequences inside its groups and inside repeats of at least one (each of which must match whole)."""
        out, run = [], []
        for op, av in items:
            if op is C.LITERAL:
                run.append(chr(av))
                continue
            if run:
                out += self.words("".join(run))
                joined = self.joined("".join(run), op, av)
                if joined:
                    out.append(joined)
                run = []
            if op is C.SUBPATTERN:
                out += self.every(list(av[-1]))
            elif op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
                if av[0] >= 1:
                    out += self.every(list(av[2]))
            elif op is getattr(C, "ATOMIC_GROUP", None):
                out += self.every(list(av))
            else:
                got = self.item(op, av)
                if got:
                    out.append(got)
        if run:
            out += self.words("".join(run))
        return out

    def words(self, literal: str) -> list[frozenset]:
        """A literal run's requirements: its key, and each further word of it (a match holds them all)."""
        key = self.key(literal)
        return [frozenset([key]), *(frozenset([w]) for w in _WORD.findall(literal.casefold()) if w != key)]

    def joined(self, prefix: str, op, av) -> frozenset | None:
        """The literals a match holds where a literal run is followed by an alternation or a set of characters: the
        run with each alternative's leading literals. The parser takes a shared start out of an alternation
        (`hi|hello|hey` is "h" then `i|ello|ey`): this puts it back, ("hello", "hey", "hi")."""
        if op is C.BRANCH:
            leads = []
            for branch in av[1]:
                lead = []
                for o, v in branch:
                    if o is not C.LITERAL:
                        break
                    lead.append(chr(v))
                leads.append("".join(lead))
        elif op is C.IN and all(o is C.LITERAL for o, _ in av):
            leads = [chr(v) for _, v in av]
        else:
            return None
        return frozenset(self.key(prefix + lead) for lead in leads)

    def sequence(self, items) -> frozenset | None:
        best, run = None, []
        for op, av in items:
            if op is C.LITERAL:
                run.append(chr(av))
                continue
            if run:
                best = self.better(best, frozenset([self.key("".join(run))]))
                run = []
            best = self.better(best, self.item(op, av))
        if run:
            best = self.better(best, frozenset([self.key("".join(run))]))
        return best

    def item(self, op, av) -> frozenset | None:
        if op is C.SUBPATTERN:
            return self.sequence(list(av[-1]))
        if op is C.BRANCH:
            parts = [self.sequence(list(branch)) for branch in av[1]]
            if any(p is None for p in parts):
                return None
            return frozenset().union(*parts)
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
            low, _high, body = av
            return self.sequence(list(body)) if low >= 1 else None
        if op is getattr(C, "ATOMIC_GROUP", None):
            return self.sequence(list(av))
        if self.extended and op is C.IN:
            chars = [chr(v) for o, v in av if o is C.LITERAL]
            if len(chars) == len(av) and 0 < len(chars) <= 8:
                return frozenset(ch.casefold() for ch in chars)
        return None
