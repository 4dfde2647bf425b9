"""The gate's second engine: RE2 sets, for when hyperscan is not installed (google-re2 has wheels nearly everywhere).

An RE2 set tells which of its expressions match somewhere in a text, not where. The gate needs lines, so a
document's lines are joined (as `BranchGate.scan` joins them: each line between two newlines) and taken in blocks of
~16 KB; the sets name the few expressions that match somewhere in a block (about two of two thousand in a news
article), and each of those is then looked for from line to line in the block, only where it can be: it judges a
line by a match within the line's window of the joined text, "\\n" + line + "\\n", which is what gate expressions
are written for.

RE2 is exact where hyperscan's prefilter mode approximates, so an expression RE2 cannot take as written (a
backreference, a possessive quantifier) is left out, and its alternative is judged by its keys as before. So are the
few constructs RE2 reads otherwise than `regex` (see `_takes`)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

# Expressions per set, and each set's memory budget. RE2 builds its DFA's states as the text asks for them, and
# the more expressions a set holds, the more states a text needs: one set of all ~2,000 built-in expressions stays
# at ~4 MB/s. On 20 MB of the dev dumps, through sets of 150 to 1,100 expressions, the total cost hardly moves (the
# fewer a set's expressions, the more sets to scan); sets of 350 with 32 MB each came out best in the first pass
# over the text (while the states are built) and the second, adding ~40 MB to the process (docs/performance.md).
SET_SIZE = 350
MAX_MEM = 32 << 20
# every block holds a newline: a set that does not report this expression failed (its DFA ran out of memory,
# which RE2 reports as no match at all), and then every expression of it is taken to match
_PROBE = b"\\n"


def available() -> bool:
    try:
        import re2  # noqa: F401
    except ImportError:
        return False
    return True


def version() -> str:
    """What stands for RE2's version in cache keys: its compiled module's size and time (the module has no version
    attribute, and reading the installed distribution's metadata costs an import of tens of modules)."""
    import os

    from re2 import _re2

    stat = os.stat(_re2.__file__)
    return f"{os.path.basename(_re2.__file__)} {stat.st_size} {stat.st_mtime_ns}"


def _options():
    import re2

    options = re2.Options()
    options.encoding = re2.Options.Encoding.LATIN1  # (the gate scans ASCII; an expression's other bytes match none)
    options.case_sensitive = False  # as hyperscan's CASELESS: letters in ASCII
    options.max_mem = MAX_MEM
    options.log_errors = False  # (a refused expression is left out, quietly: it is judged by its keys)
    options.never_capture = True
    return options


def _takes(expression: bytes) -> bool:
    """Whether RE2 reads an expression as `regex` does on the gate's lines: no `^` or `$` left in it (gate forms
    write line anchors as newlines; RE2 and hyperscan read a `$` before a text's last newline differently), no
    anchor to the whole text, no `{,n}` (a repeat to `regex`, a literal to RE2), and no escaped digit (`\\10` is
    group 10 again to `regex`, an octal escape to RE2). (A search within a window reads its edges in the joined
    text, as hyperscan does: `\\b` there looks at the next line.)"""
    from .syntax import _tokens

    pattern = expression.decode("latin-1")
    previous = ""
    for kind, a, b in _tokens(pattern):
        token = pattern[a:b]
        if kind == "char" and token in "^$":
            return False
        if kind == "escape" and (token in ("\\A", "\\z", "\\Z", "\\G", "\\K") or token[1:].isdigit()):
            return False
        if kind == "char" and token == "," and previous == "{":
            return False
        previous = token if kind == "char" else ""
    return True


def _taken(expressions: list[bytes]) -> list[int]:
    """The indices of the expressions RE2 reads as `regex` does (`_takes`), remembered in the cache: each is a walk
    over the expression's pieces in Python, ~30 ms for the built-in packs' 2,000, most of the gap between a short
    run's start-up without hyperscan and with it (whose databases come from the cache)."""
    from .gate import indices_where

    return indices_where(_takes, expressions, "takes")


class Re2Sets:
    """One view's expressions compiled into RE2 sets; `kept`: the indices of those taken (see `_takes`)."""

    def __init__(self, expressions: list[bytes]):
        import re2

        options = _options()
        self._re2 = re2
        self._options = options
        self._expressions = expressions
        # (set, the expression index behind each of its members after the probe)
        self._sets: list[tuple[object, list[int]]] = []
        # expressions that begin at a line's start (a newline first: see `_on_lines`) share sets, apart from those
        # that may begin anywhere: RE2 builds fewer DFA states for sets so made (on 14 MB of the dev dumps' lines, in
        # the order of the packs: 1.00 s the first time, 0.28 s once the states exist; so grouped, 0.70 and 0.22)
        taken = sorted(_taken(expressions), key=lambda i: not expressions[i].startswith(b"\\n"))
        for start in range(0, len(taken), SET_SIZE):
            self._add_sets(taken[start:start + SET_SIZE])
        self.kept = sorted(i for _, members in self._sets for i in members)
        # expression index -> its RE2 (None: it cannot be compiled alone), made when it first matches a text
        self._compiled: dict[int, object] = {}

    def _add_sets(self, members: list[int]) -> None:
        """A set of these expressions (and the probe), or, when RE2 cannot compile them together (a set's program
        grows past its memory budget), sets of each half; an expression too large alone is left out (its
        alternative is judged by its keys), not the whole gate."""
        one = self._re2.Set.SearchSet(self._options)
        one.Add(_PROBE)
        added = []
        for i in members:
            try:
                one.Add(self._expressions[i])  # (RE2 parses it here: one it refuses is left out)
            except self._re2.error:
                continue
            added.append(i)
        members = added
        try:
            one.Compile()
        except self._re2.error:
            if len(members) > 1:
                half = len(members) // 2
                self._add_sets(members[:half])
                self._add_sets(members[half:])
            return
        self._sets.append((one, members))

    def _regex(self, i: int):
        if i not in self._compiled:
            try:
                self._compiled[i] = self._re2.compile(self._expressions[i], self._options)
            except self._re2.error:  # (its set took it, but alone it is too large: see `_lines_matched`)
                self._compiled[i] = None
        return self._compiled[i]

    def scan(self, data: bytes, starts, lines: list, report) -> None:
        """Call `report(index, line)` for each expression and each line it matches (`data`: the lines joined as
        `BranchGate.scan` joins them, line i from `starts[i]` to the newline at `starts[i + 1] - 1`; a line empty in
        `lines` is not judged and never reported).

        The lines are taken in blocks of about BLOCK bytes: the sets name the expressions matching somewhere in a
        block, and each is looked for on that block's lines only. (Many short texts are judged together: over all of
        them at once, a hundred expressions would each be searched for through the whole of it.)"""
        view = memoryview(data)
        for first, last in _blocks(starts, len(lines)):
            # the block's windows, and a character on either side: `\b` at a window's edge reads as in the whole
            block = view[max(starts[first] - 2, 0):starts[last] + 1]
            for one, members in self._sets:
                found = one.Match(block) or ()
                if 0 not in found:  # (the set failed: every member is looked for)
                    found = range(len(members) + 1)
                for member in found:
                    if member:
                        i = members[member - 1]
                        for line in _lines_matched(self._regex(i), data, starts, lines, first, last):
                            report(i, line)


BLOCK = 16_384


def _blocks(starts, n: int):
    """(first line, line after the last) of each block of lines, every block but the last BLOCK bytes or more."""
    first = 0
    while first < n:
        last = min(bisect_left(starts, starts[first] + BLOCK, first + 1), n)
        yield first, last
        first = last


def _lines_matched(regex, data: bytes, starts, lines: list, first: int, last: int):
    """The lines from `first` to before `last` whose window ("\\n" + line + "\\n") holds a match of the regex,
    found without trying every line: a search of the joined text from a window's start finds the leftmost match
    from there, and no window ending before it holds one (a match within a window is a match in the joined text;
    RE2 reads the text around a search's bounds as the context of its edges)."""
    if regex is None:  # (an expression that cannot be searched for alone: every line it may match)
        yield from (line for line in range(first, last) if lines[line])
        return
    end = starts[last]  # where the last line's window ends
    at = starts[first] - 1  # where the window of `first`, the first line not yet judged, starts
    while first < last:
        m = regex.search(data, at, end)
        if m is None:
            return
        # the first line, from `first` on, whose window reaches past the match's start
        line = max(bisect_right(starts, m.start()) - 1, first)
        if line >= last:
            return
        window = starts[line] - 1, starts[line + 1]
        if lines[line] and (
            window[0] <= m.start() and m.end() <= window[1] or regex.search(data, window[0], window[1]) is not None
        ):
            yield line
        first, at = line + 1, window[1] - 1
