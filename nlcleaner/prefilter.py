"""The multi-literal prefilter: one pass over the whole (case-folded) document finds the lines that hold a rule's
anchor, so Python-level matching only ever looks at those lines — and, for a pattern, only at the alternatives of it
whose anchors are on the line.

A pattern `a|b|c` (or `x(?:a|b)y`) is split into its alternatives; each gets its own anchors (literal words of which
every match contains one, see `anchors.derive`) and its own small `regex`. A line is tested against an alternative
only when one of that alternative's anchors occurs in the line's case-folded text; the final match is always the
`regex` engine's, so the backend only decides which lines are looked at, never what matches.

Backends (the same anchors, the same hits, so the same output — tests/test_prefilter.py checks it):
- `hyperscan` (optional extra `nlcleaner[hyperscan]`, picked automatically when importable),
- `ahocorasick` (pyahocorasick, a default dependency),
- `python` (no compiled dependency).
The last two look for keys word by word (`_ByWords`), pyahocorasick or a trie-shaped `re` alternation telling only
which keys a word not met before holds; without the gate they also narrow an alternative's lines by its further
requirements (`anchors.requirements`, see `Prefilter.keyed_lines`).
`NLCLEANER_PREFILTER=hyperscan|ahocorasick|python` forces one.
"""

from __future__ import annotations

import os
import re
import threading
import unicodedata
from array import array
from bisect import bisect_right
from functools import partial
from itertools import accumulate, compress, count
from operator import not_

from . import normalise as normalise_module
from .errors import ConfigError
from .normalise import PIECE, by_pieces, pieces, split_lines
from .packcache import read_numbers, write_cache, write_numbers

BACKENDS = ("hyperscan", "ahocorasick", "python")
_ENV = "NLCLEANER_PREFILTER"
# the gate judges lines up to this long (a longer line always passes: hyperscan in prefilter mode is slow on them)
GATE_MAX_CHARS = 100_000
# characters of text a deferred gate waits for (Prefilter.defer_gate), by its engine: about where building it and
# judging by keys and the screen cost the same, in a fresh process on fixture text. RE2's sets compile anew at every
# start (~60 ms): ~16 KB. Hyperscan's database loads from the cache in ~15 ms, about what screening the
# alternatives a few hundred characters' keys pick costs: not deferred (`nlcleaner check` on four files of 2 KB in
# all took 257 ms deferred, 230 ms not)
DEFER_GATE = {"re2": 16_384}

# ---------------------------------------------------------------------------------------------------------------
# Splitting a pattern into alternatives


_UNSPLITTABLE = re.compile(r"\(\?[a-zA-Z^]+[-a-zA-Z]*[:)]|\(\?#|\(\?\(|\\[1-9]|\(\?P=|\\g<|\(\?R|\(\?\d|\(\?&|\(\?\|")
_MAX_BRANCHES = 400


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


def _split_once(p: str):
    scanned = _scan_groups(p)
    if scanned is None:
        return None
    pipes, groups = scanned
    if pipes:
        bounds = [-1, *pipes, len(p)]
        return [p[a + 1:b] for a, b in zip(bounds, bounds[1:])]
    splittable = [g for g in groups if g[2]]
    if len(splittable) != 1:
        return None
    start, end, inner = splittable[0]
    plain = p.startswith("(?:", start)
    if p[start + 1:start + 2] == "?" and not plain:
        return None  # lookaround, atomic or named group: not a plain alternation
    if end + 1 < len(p) and p[end + 1] in "*+?{":
        return None  # a repeated group does not distribute
    body = start + (3 if plain else 1)
    bounds = [body - 1, *inner, end]
    prefix, suffix = p[:start], p[end + 1:]
    return [f"{prefix}(?:{p[a + 1:b]}){suffix}" for a, b in zip(bounds, bounds[1:])]


def split_branches(pattern: str) -> list[str]:
    """Alternatives that together match exactly where the pattern matches: `a|b` -> a, b; `x(?:a|b)y` -> xay, xby.

    Used only to decide *whether* a line matches; spans (scope = "span") always come from the whole pattern.
    A pattern with inline flags, back-references, nested sets or anything unusual stays whole."""
    if _UNSPLITTABLE.search(pattern):
        return [pattern]
    out: list[str] = []
    todo = [pattern]
    while todo:
        p = todo.pop()
        parts = _split_once(p)
        if parts is None or len(out) + len(todo) + len(parts) > _MAX_BRANCHES:
            out.append(p)
        else:
            todo.extend(reversed(parts))
    return list(dict.fromkeys(out))


# ---------------------------------------------------------------------------------------------------------------
# Backends: each finds every occurrence of a set of literal keys in a text, as (end offset, key id) in offset order


def available_backends() -> list[str]:
    out = []
    try:
        import hyperscan  # noqa: F401

        out.append("hyperscan")
    except ImportError:
        pass
    try:
        import ahocorasick  # noqa: F401

        out.append("ahocorasick")
    except ImportError:
        pass
    out.append("python")
    return out


class BackendError(ConfigError, ValueError):
    """A prefilter backend that was asked for by name and cannot be had: a setting's error, one line for users."""


def choose_backend(requested: str | None = None) -> str:
    """The backend to use: `requested`, else $NLCLEANER_PREFILTER, else the fastest one installed."""
    name = requested or os.environ.get(_ENV) or None
    if name:
        name = name.strip().lower()
        if name not in BACKENDS:
            raise BackendError(f"{_ENV}: unknown prefilter backend '{name}' (expected one of {', '.join(BACKENDS)})")
        if name not in available_backends():
            raise BackendError(f"{_ENV}: prefilter backend '{name}' is not installed")
        return name
    return available_backends()[0]


GATES = ("hyperscan", "re2")
_GATE_ENV = "NLCLEANER_GATE"


def choose_gate(backend: str, requested: str | None = None) -> str | None:
    """The gate's engine for a prefilter with this backend (None: keys alone): `requested`, else $NLCLEANER_GATE
    ("0" for none, or an engine's name), else hyperscan with the hyperscan backend and RE2 with the others, when
    installed (the fallback is for the keys too: hyperscan's keys come with its gate)."""
    name = (requested or os.environ.get(_GATE_ENV) or "1").strip().lower()
    if name in ("0", "off", "none", "false", "no"):
        return None
    if name in ("1", "on", "true", "yes", ""):
        name = "hyperscan" if backend == "hyperscan" else "re2"
        return name if _gate_installed(name) else None
    if name not in GATES:
        raise BackendError(f"{_GATE_ENV}: unknown gate '{name}' (expected 0 or one of {', '.join(GATES)})")
    if not _gate_installed(name):
        raise BackendError(f"{_GATE_ENV}: gate '{name}' is not installed")
    return name


def _gate_installed(name: str) -> bool:
    if name == "hyperscan":
        return "hyperscan" in available_backends()
    from .gate_re2 import available

    return available()


_SCRATCH = threading.local()
_GATE_LOCK = threading.Lock()


def _scratch(db):
    """This thread's scratch space for a hyperscan database. A database's own scratch serves one scan at a time:
    two threads scanning with it raise ScratchInUseError, so each thread allocates its own (once per database)."""
    spaces = getattr(_SCRATCH, "spaces", None)
    if spaces is None:
        spaces = _SCRATCH.spaces = {}
    entry = spaces.get(id(db))
    if entry is None or entry[0] is not db:
        import hyperscan

        entry = spaces[id(db)] = (db, hyperscan.Scratch(db))
    return entry[1]


class _Hyperscan:
    def __init__(self, keys: list[str]):
        import hyperscan

        self._terminated = hyperscan.ScanTerminated  # (raised by a scan a match handler stopped: see `any`)
        cached = _hs_cache_file(keys)
        if cached is not None and cached.exists():
            try:
                self._db = hyperscan.loadb(cached.read_bytes(), mode=hyperscan.HS_MODE_BLOCK)
                # a loaded database has no scratch space: scanning it raises InvalidError (-1) without one
                self._db.scratch = hyperscan.Scratch(self._db)
                self._lens = [len(k.encode("utf-8", "surrogatepass")) for k in keys]
                return
            except Exception:  # another hyperscan build or a damaged file: compile again
                pass
        db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
        # every key byte hex-escaped: the keys are plain byte strings to hyperscan, whatever they contain; key i has
        # id i + 1, and id 0 is the newline, so the scan itself reports where lines end (see `find`)
        db.compile(
            expressions=[
                b"\\x0a",
                *("".join(f"\\x{b:02x}" for b in k.encode("utf-8", "surrogatepass")).encode() for k in keys),
            ],
            ids=list(range(len(keys) + 1)),
            flags=[0] * (len(keys) + 1),
        )
        self._db = db
        self._lens = [len(k.encode("utf-8", "surrogatepass")) for k in keys]
        if cached is not None:
            write_cache(cached, hyperscan.dumpb(db))

    def any(self, view: str) -> bool:
        """Whether the text holds any key at all (the scan stops at the first one; newlines do not count)."""
        try:
            self._db.scan(utf8(view), match_event_handler=_stop_at_a_key, scratch=_scratch(self._db))
        except self._terminated:
            return True
        return False

    def find(self, view: str):
        """Every match as one int, (end << 16) | id, in offset order, where id 0 is a newline and id i + 1 is key i;
        and the bytes scanned. Offsets count UTF-8 bytes (a newline is one byte either way)."""
        data = utf8(view)
        if b"\n" not in data and len(data) > _ONE_LINE_SET:
            # one long line: which keys it holds is all there is to know (a 50 MB line holds millions of key
            # matches, 40 bytes each as packed ints); each is reported at offset 0, the line's start
            seen: set[int] = set()
            self._db.scan(data, match_event_handler=lambda mid, *_: seen.add(mid), scratch=_scratch(self._db))
            return _Packed(sorted(seen)), data
        packed: list[int] = []
        add = packed.append

        # one int per match: sorts as the (end, id) pairs do, without a tuple per match; a newline ends before any
        # key that ends at the same offset, so it sorts first (id 0) exactly as counting newlines before `end` does
        def on_match(mid, _start, end, _flags, _ctx):
            add(end << 16 | mid)

        self._db.scan(data, match_event_handler=on_match, scratch=_scratch(self._db))
        if len(packed) == data.count(b"\n"):  # newlines only: no key
            return [], data
        packed.sort()
        return _Packed(packed), data


def _stop_at_a_key(mid, _start, _end, _flags, _ctx) -> bool:
    return mid != 0  # (id 0 is the newline)


def _hs_cache_file(keys):
    """Where a compiled hyperscan database for these keys is kept (next to the pack cache), or None."""
    from .packcache import cache_dir

    folder = cache_dir()
    if folder is None:
        return None
    h = _digest(b"keys with the newline as id 0, v2\0", (k.encode("utf-8", "surrogatepass") for k in keys))
    try:
        import hyperscan

        h.update(str(getattr(hyperscan, "__version__", "")).encode())
    except ImportError:  # pragma: no cover
        return None
    return folder / f"hyperscan-{h.hexdigest()[:32]}.db"


class _Packed(list):
    """Matches packed one int each, (end << 16) | id, in offset order; id 0 a newline, id i + 1 key i."""


# what the pure-Python finder splits a line into: a key made of these characters alone lies inside one such run
_TOKEN = re.compile(r"\w+")
# words remembered per finder (a word's keys depend on the word alone); past this many, the memory starts afresh
_MAX_WORDS = 1 << 18
_MAX_LINES = 1 << 14  # lines remembered (then forgotten at once), each at most _MAX_LINE_CHARS long
_MAX_LINE_CHARS = 1000


class _Lines(dict):
    """What the word-by-word finders return instead of offsets: key id -> the numbers of the lines holding it."""


class _ByWords:
    """Keys found word by word: a key made of word characters occurs only inside a run of them (a word of the
    text), so a line holds it exactly when one of its words does; which keys a word holds is worked out once per
    distinct word (by the subclass) and remembered, and so are the keys of lines met lately. Other keys (symbols:
    "$", "(c)", ":") are looked for with `in`. On the dev corpus about four times faster than running a trie
    alternation over the whole text and counting newlines per match, and faster than pyahocorasick's matches
    counted the same way (issue #7); the hits are the same (tests/test_prefilter.py)."""

    def __init__(self, keys: list[str]):
        self._index = {k: i for i, k in enumerate(keys)}
        self._others = tuple((k, self._index[k]) for k in keys if not _TOKEN.fullmatch(k))
        self._words: dict[str, tuple[int, ...]] = {}
        # lines met lately -> their keys: the next round of a document is mostly its lines again, and publishers
        # repeat their furniture lines from one document to the next
        self._lines: dict[str, set[int]] = {}

    def _word_keys(self, word: str):
        """The ids of the word keys that occur in a word."""
        raise NotImplementedError

    def _keys_of(self, word: str) -> tuple[int, ...]:
        """`_word_keys`, remembered."""
        words = self._words
        if len(words) >= _MAX_WORDS:
            words.clear()
        words[word] = found = tuple(sorted(self._word_keys(word)))
        return found

    def any(self, view: str) -> bool:
        """Whether the text holds any key at all."""
        return bool(self.find(view)[0])

    def find(self, view: str):
        hits = _Lines()
        if not self._index:
            return hits, view
        known = self._words.get
        keys_of = self._keys_of
        tokens = _TOKEN.findall
        others = self._others
        seen = self._lines
        if len(seen) >= _MAX_LINES:
            seen.clear()
        for i, line in enumerate(split_lines(view)):
            if not line:
                continue
            present = seen.get(line)
            if present is None:
                present = set()
                for word in set(tokens(line)):
                    got = known(word)
                    if got is None:
                        got = keys_of(word)
                    if got:
                        present.update(got)
                for k, kid in others:
                    if k in line:
                        present.add(kid)
                if len(line) <= _MAX_LINE_CHARS:
                    seen[line] = present
            for kid in present:
                s = hits.get(kid)
                if s is None:
                    hits[kid] = {i}
                else:
                    s.add(i)
        return hits, view


class _Python(_ByWords):
    """Word keys found in a word with a trie-shaped `re` alternation (no compiled dependency)."""

    def __init__(self, keys: list[str]):
        super().__init__(keys)
        self._keys = keys
        # at each position the alternation reports the longest key; keys that are prefixes of it are there too
        self._with_prefixes = {
            k: [self._index[k[:j]] for j in range(1, len(k) + 1) if k[:j] in self._index] for k in keys
        }
        words = [k for k in keys if _TOKEN.fullmatch(k)]
        self._word_regex = re.compile("(?=(" + _trie(words) + "))") if words else None
        self._regex = None

    def offsets(self, view: str):
        """Every key occurrence as (end offset, key id), in offset order: the plain trie scan over the whole text (the
        reference the word-by-word `find` is tested against; compiled on first use)."""
        if not self._keys:
            return []
        if self._regex is None:
            self._regex = re.compile("(?=(" + _trie(self._keys) + "))")
        expand = self._with_prefixes
        out = []
        for m in self._regex.finditer(view):
            key = m.group(1)
            end = m.start() + len(key)
            out.extend((end, kid) for kid in expand[key])
        return out

    def _word_keys(self, word: str):
        got = set()
        if self._word_regex is not None:
            expand = self._with_prefixes
            for m in self._word_regex.finditer(word):
                got.update(expand[m.group(1)])
        return got


class _AhoCorasick(_ByWords):
    """Word keys found in a word with pyahocorasick's automaton (it reports every key ending at each position)."""

    def __init__(self, keys: list[str]):
        import ahocorasick

        super().__init__(keys)
        auto = ahocorasick.Automaton()
        for i, k in enumerate(keys):
            if _TOKEN.fullmatch(k):
                auto.add_word(k, i)
        self._iter = auto.iter if len(auto) else None
        if self._iter is not None:
            auto.make_automaton()

    def _word_keys(self, word: str):
        return {kid for _end, kid in self._iter(word)} if self._iter is not None else ()


def _trie(keys: list[str]) -> str:
    """An alternation shaped as a trie, longest alternatives first, so `re` walks one path per position."""
    root: dict = {}
    for k in keys:
        node = root
        for ch in k:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node) -> str:
        end = "" in node
        alts = [re.escape(ch) + walk(child) for ch, child in sorted(node.items()) if ch != ""]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if end else body

    return walk(root)


_BACKEND_CLASSES = {"hyperscan": _Hyperscan, "ahocorasick": _AhoCorasick, "python": _Python}
_ENGINES: dict[tuple[str, tuple[str, ...]], object] = {}


def _engine(backend: str, keys: tuple[str, ...]):
    """One compiled matcher per backend and key set in a process (every Cleaner with the same rules shares it)."""
    got = _ENGINES.get((backend, keys))
    if got is None:
        if len(_ENGINES) > 32:
            _ENGINES.clear()
        got = _ENGINES[(backend, keys)] = _BACKEND_CLASSES[backend](list(keys))
    return got


# ---------------------------------------------------------------------------------------------------------------


_NO_REQUIREMENTS: dict = {}
_NO_LINES: dict = {}  # (shared: never changed)


class Hits:
    """What one scan found: for each key id, the lines (0-based) whose case-folded text contains it."""

    __slots__ = ("lines", "_keys", "marked", "assumed", "parts")

    def __init__(self, lines: dict[int, set[int]], marked: bool | None = None, assumed: frozenset = frozenset(),
                 parts: list[str] | None = None):
        self.lines = lines
        self.parts = parts  # the text split at its newlines, when the scan made them (the Round takes them over)
        # `assumed`: keys that were not looked for, because the gate judges every line of this document for the
        # alternatives that need them; they count as present (the gate decides), with no lines of their own
        self.assumed = assumed
        self._keys = None
        # whether the case-folded text holds "nlcleaner:" (a suppression marker may be there), None when not known;
        # the case-folded copy itself is not kept: on a large document it is as large as the text
        self.marked = marked

    @property
    def keys(self) -> frozenset[int]:
        """The keys present (found or assumed)."""
        if self._keys is None:
            self._keys = frozenset(self.lines) | self.assumed if self.assumed else frozenset(self.lines)
        return self._keys

    def __bool__(self) -> bool:
        return bool(self.lines)


class Prefilter:
    """Literal keys -> the lines holding them, for a whole document in one pass."""

    def __init__(self, keys, backend: str | None = None):
        self.keys = tuple(sorted(set(keys)))
        self._index = {k: i for i, k in enumerate(self.keys)}
        self.backend = choose_backend(backend)
        if self.backend == "hyperscan" and len(self.keys) >= (1 << 16) - 1:
            self.backend = "ahocorasick" if "ahocorasick" in available_backends() else "python"  # ids pack in 16 bits
        self._engine = _engine(self.backend, self.keys) if self.keys else None
        self._probes = sorted((k for k in self.keys if len(k) == 1), key=lambda k: not k.isalpha())[:4]
        # the text keys are looked for in: case-folded, and without what normalisation takes out of a word, so that
        # a key of "newsletter" finds "News**letter**" or "Ne\u00adwsletter" as the rules (on normalised lines) do
        # (only while no key holds such a character itself)
        held = {ch for k in self.keys for ch in k}
        if held & set(_JOINERS):
            self._fold = str.casefold
        else:  # (typographic quotes made plain first, unless a key holds one: see `_plain`)
            fold = _folded_unsplit if held & {ch for ch, _ in _PLAIN} else _folded_plain_unsplit
            self._fold = partial(fold, joining=_joining(self.keys))
        # how much of a long text's view each piece repeats from the one before (see `_views`): a key, or a marker,
        # across the cut is then whole in the later piece
        self._overlap = max(len(_MARKER), *map(len, self.keys)) - 1 if self.keys else 0
        self._plans: dict[int, tuple] = {}
        # whether keyed_lines narrows by the alternatives' further requirements (their keys were added: for_matchers)
        self._requires = False
        self._required: dict[int, tuple] = {}
        self._gate: BranchGate | None = None
        self._gate_matchers = None
        # a deferred gate (see `defer_gate`): characters of text counted so far, how many it waits for, and each
        # alternative's gate form compiled alone for the screening meanwhile ((matcher id, alternative) -> (the
        # matcher, the form compiled alone or None))
        self._given = 0
        self._gate_after = 0
        self._alone: dict[tuple[int, int], tuple] = {}

    @classmethod
    def for_matchers(cls, matchers, backend: str | None = None, keyed=(), witnesses=(),
                     witnessed_by: str | None = None, gate: str | None = None) -> "Prefilter":
        """The prefilter for these matchers. `keyed`: matchers whose lines are always found by their keys, never
        by the gate alone (a span rule looks for its pattern in the raw line, which the gate does not judge).
        `witnesses`: texts (the rules' examples) the gate is checked on once built: an alternative it fails to let
        through on a line the alternative matches is no longer judged by it (see `_gate_misses`). `witnessed_by`:
        a digest of the pack files the matchers and the witnesses come from (it keys the check's cache cheaply).
        `gate`: its engine, or "0" for none (see `choose_gate`)."""
        matchers = list(matchers)
        keys = {k for m in matchers for keys in m.branch_anchors if keys for k in keys}
        engine = choose_gate(choose_backend(backend), gate)
        gated = engine is not None
        requires = not gated or engine in DEFER_GATE
        if requires:  # keys alone (always, or while the gate is deferred): the alternatives' further requirements
            # are looked for too (see keyed_lines; with the gate they are assumed present, as its keys are)
            keys |= {k for m in matchers for reqs in getattr(m, "branch_requires", ()) for r in reqs for k in r}
        if gated:  # the gate: the stand-in keys of alternatives without keys (see _line_keys)
            keys |= {k for m in matchers for b in range(len(m.branch_anchors)) for k in _line_keys(m, b) or ()}
        pf = cls(keys, backend)
        pf._requires = requires
        if gated:
            pf._gate_engine = engine
            pf._gate_matchers = matchers  # the gate is built when a document first needs it
            pf._keyed_matchers = list(keyed)
            pf._witnesses = tuple(witnesses)
            pf._witnessed_by = witnessed_by
        return pf

    @property
    def gate(self) -> "BranchGate | None":
        """The gate, built on first use; None without one, or while it is deferred (see `defer_gate`)."""
        if self._gate_matchers is not None:
            if self.screening:
                return None
            with _GATE_LOCK:  # built once: a thread must not see a half-built gate (or none) meanwhile
                if self._gate_matchers is not None:
                    self._build_gate()
        return self._gate

    def defer_gate(self, chars: int | None = None) -> None:
        """Build the gate only once the texts counted (see `count_text`) reach `chars` characters (None: what the
        gate's engine is worth waiting for, DEFER_GATE). Building it costs more than a few short texts take to clean
        without it (RE2's sets compile in ~60 ms; hyperscan's database loads in ~15 ms): a run over one small file,
        or a pre-commit hook's few, is quicker judged by keys alone, each alternative they find screened alone by
        RE2 first (`screen`). The output is the one keys alone give."""
        self._gate_after = DEFER_GATE.get(getattr(self, "_gate_engine", None), 0) if chars is None else chars

    def count_text(self, chars: int) -> None:
        """Count a text of `chars` characters about to be cleaned (see `defer_gate`)."""
        self._given += chars

    @property
    def screening(self) -> bool:
        """Whether the gate is deferred for now: lines are found by keys, and screened (`screen`)."""
        return self._gate_matchers is not None and self._given < self._gate_after

    def screen(self, matcher, alternatives, line) -> list[int]:
        """While the gate is deferred: those of a matcher's alternatives (found by their keys on a line, a LineView)
        worth confirming there. Each is screened alone, its gate form compiled by RE2 and searched for in the line's
        window (`detect.gate_window`: the line as the gate would see it), where the RE2 gate would search for it
        among a set's members. A form is exact for RE2 and matches every line its alternative does (the gate's
        promise); an alternative without one RE2 takes as written, or of a user's rule (the gate's check on the
        examples, which could find a form that misses, is not made here), or on a line the gate would not judge,
        is kept. Where keys alone would compile the alternatives' `regex` patterns to turn a line away, each gets
        an RE2 compiled in a fraction of the time."""
        from .detect import gate_window  # (detect imports this module)

        out = []
        for b in alternatives:
            key = (id(matcher), b)
            got = self._alone.get(key)
            if got is None or got[0] is not matcher:  # (an id reused by another matcher is not taken for it)
                got = self._alone[key] = (matcher, self._form_alone(matcher, b))
            alone = got[1]
            if alone is not None:
                window = gate_window(matcher.on, line, alone[1])
                if window is not None and alone[0].search(window) is None:
                    continue
            out.append(b)
        return out

    @staticmethod
    def _form_alone(matcher, b: int) -> tuple | None:
        """(alternative b's gate form compiled alone by RE2, whether the form is all ASCII), or None."""
        if matcher.user:
            return None
        forms = _gate_forms_of(matcher)
        form = forms[b] if b < len(forms) else None
        if form is None:
            return None
        from .gate_re2 import compiled_alone

        compiled = compiled_alone(form)
        return None if compiled is None else (compiled, _all_ascii(form))

    def _build_gate(self) -> None:
        matchers = self._gate_matchers
        # a user's pattern is left to its keys: it runs with a timeout, and a rule that times out on a line is off
        # for the rest of the document, so whether it runs on a line must not depend on the engine (a gate that
        # rules a line out first never starts the backtracking keys alone time out on, and the rule then removed
        # lines with hyperscan and not without it); users' phrases (learned packs) have no timeout and stay gated
        targets = [
            (m, b, form, "raw" if m.on == "raw" else "norm")
            for m in matchers
            if not (m.user and m.mode == "pattern")
            for b, form in enumerate(_gate_forms_of(m))
            if form is not None
        ]
        if targets:
            try:
                self._gate = BranchGate(targets, self._gate_engine)
                self._drop_misses(matchers)
                self._split_keys(matchers)
            except Exception:  # no gate: the keys alone decide, as with the other backends
                self._gate = None
        self._gate_matchers = None

    def _drop_misses(self, matchers) -> None:
        """Hyperscan 0.9 sometimes fails to report an expression, on a line the expression alone matches, when
        certain other expressions share its database (`tests/test_gate_fuzz_findings.py`, class 9). Such a miss
        cannot be predicted, but it can be seen on the rules' own examples: every alternative the gate misses on a
        line of them is judged by its keys from then on (its expression stays in the database: taking it out would
        change what the others report). The result is kept next to the database in the cache. Indexes the targets
        (`_index_targets`) on the way."""
        gate = self._gate
        cached = self._misses_file()
        misses = read_numbers(cached, len(gate.targets))
        if misses is None:
            self._index_targets(matchers)  # (the check finds the targets worth trying on a line by their keys)
            misses = self._gate_misses()
            write_numbers(cached, sorted(misses))
        for tid in misses:
            m, b = gate.targets[tid]
            gate.gated.get(id(m), {}).pop(b, None)
        self._index_targets(matchers)  # (the dropped ones are ungated alternatives now)

    def _misses_file(self):
        """Where the check of this gate is cached, keyed by what decides a miss: the database (its expressions;
        hyperscan's version is in the name's hash), what each target's alternative matches (its whole matcher, not
        only its gate form), the witnesses, and the code and `regex` that normalise and match. None: no cache."""
        import regex

        from .packcache import _code_digest

        gate = self._gate
        rules = list(dict.fromkeys(m.rule_id for m, _ in gate.targets))  # (in order: it numbers the targets)
        parts = [_code_digest(), regex.__version__, *rules]
        if self._witnessed_by is not None:  # the pack files' digest: their rules and examples, ~2 ms sooner
            parts.append(self._witnessed_by)
        else:
            matchers = {id(m): m for m, _ in gate.targets}.values()
            parts += [repr((m.rule_id, m.mode, m.on, m.max_chars, m.pattern, m.phrases)) for m in matchers]
            parts += [e.decode("latin-1") for e in gate.expressions] + list(self._witnesses)
        cached = _gate_cache_file([p.encode("utf-8", "surrogatepass") for p in parts], -1, gate.version)
        return None if cached is None else cached.with_suffix(".misses")

    def _gate_misses(self) -> set[int]:
        """The targets the gate does not let through on a line of the witnesses that they match (judged as a round
        judges lines; only the targets whose keys are on the line are tried, so the check costs little)."""
        from .detect import _norm_part, _raw_part, gate_verdicts  # (detect imports this module)
        from .kinds.line_match import LineView

        gate = self._gate
        lines = sorted({p[:-1] if p.endswith("\r") else p for t in self._witnesses for p in t.split("\n")} - {""})
        if not lines:
            return set()
        norms = [_norm_part(p) for p in lines]
        passed, unjudged = gate_verdicts(gate, lambda: norms, lambda: [_raw_part(p) for p in lines])
        by_line: dict[int, set[int]] = {}
        for kid, numbers in self._key_lines(self._view("\n".join(lines))).items():
            for _, _, tid in self._by_key.get(kid, ()):
                if tid is not None:
                    for i in numbers:
                        by_line.setdefault(i, set()).add(tid)
        bare = {tid for _, _, tid in self._bare if tid is not None}
        misses = set()
        for i, line in enumerate(lines):
            for tid in by_line.get(i, set()) | bare:
                if tid in misses or i in passed.get(tid, ()) or i in unjudged[gate.view_of[tid]]:
                    continue
                m, b = gate.targets[tid]
                seen = LineView(line, norms[i])
                try:
                    matched = m.match(seen, {b}) if m.mode == "pattern" else m.match(seen)
                except Exception:  # (a user pattern that times out here is left to the gate)
                    continue
                if matched:
                    misses.add(tid)
        return misses

    def _split_keys(self, matchers) -> None:
        """The keys still worth looking for on lines the gate judges: those of alternatives it does not judge and
        of the `keyed` matchers. The others are only needed on lines it cannot judge (see `scan`)."""
        gated, view_of = self._gate.gated, self._gate.view_of
        needed, foreign, raw = set(), set(), set()
        keyed = {id(m) for m in self._keyed_matchers}
        for m in matchers:
            judged = gated.get(id(m), {}) if id(m) not in keyed else {}
            for b in range(len(m.branch_anchors)):
                keys = _line_keys(m, b)
                if not keys:
                    continue
                if b not in judged:
                    needed.update(self._index[k] for k in keys)
                elif view_of[judged[b]] == "norm":
                    foreign.update(self._index[k] for k in keys)
                elif view_of[judged[b]] == "raw":
                    raw.update(self._index[k] for k in keys)
        self._needed = tuple(sorted(needed))
        self._assumed = frozenset(range(len(self.keys))) - needed
        # few (the alternatives the gate cannot judge are few): looked for one by one, without a scan per line
        self._needed_keys = tuple(self.keys[k] for k in self._needed)
        # on a line with characters outside ASCII, the keys of the judged alternatives that are not all ASCII (the
        # others the gate judges there too, through stand-ins); the needed keys are found everywhere already
        self._foreign = tuple(sorted(foreign - needed))
        self._foreign_engine = _engine(self.backend, tuple(self.keys[k] for k in self._foreign)) if foreign else None
        # the raw view leaves every line with a character outside ASCII unjudged, a no-break space or a long s
        # included (which the case-folded text may not show): its alternatives' keys are looked for on those lines
        self._raw_keys = tuple(sorted(raw - needed))
        self._raw_engine = _engine(self.backend, tuple(self.keys[k] for k in self._raw_keys)) if raw else None

    def _index_targets(self, matchers) -> None:
        """For `round_lines`: every (matcher, alternative) by key, split by whether the gate judges it."""
        gate = self._gate  # called while the gate is being built (under its lock): not through the property
        gated_tid = {(id(m), b): t for t, (m, b) in enumerate(gate.targets) if b in gate.gated.get(id(m), {})}
        self._tid_keys: dict[int, tuple[int, ...] | None] = {}
        self._by_key: dict[int, list[tuple[int, int, int | None]]] = {}  # key id -> (matcher id, alternative, tid)
        self._bare: list[tuple[int, int, int | None]] = []  # unanchored: (matcher id, alternative, tid or None)
        seen = set()
        for m in matchers:
            if id(m) in seen:
                continue
            seen.add(id(m))
            for b in range(len(m.branch_anchors)):
                tid = gated_tid.get((id(m), b))
                keys = _line_keys(m, b)
                kids = None if keys is None else tuple(self._index[k] for k in keys)
                if tid is not None:
                    self._tid_keys[tid] = kids
                if kids is None:
                    self._bare.append((id(m), b, tid))
                    continue
                for kid in kids:
                    self._by_key.setdefault(kid, []).append((id(m), b, tid))

    def round_lines(self, hits: "Hits", gate_results, n: int) -> dict[int, dict[int, set[int]]]:
        """With the gate: matcher id -> line -> alternatives to try, for every matcher at once (one pass per round).

        An alternative is tried on a line when one of its keys is on the line (or it has none) and, if the gate
        judges it, the gate let the line through or could not judge the line."""
        passed, unjudged_by_view = gate_results()
        out: dict[int, dict[int, set[int]]] = {}
        lines = hits.lines

        def add(mid, found, b):
            if found:
                out[mid] = _with_alternative(out.get(mid), found, b)

        targets = self.gate.targets
        tid_keys = self._tid_keys
        for tid, found in passed.items():  # gated: lines the gate let through, with a key of theirs on them
            kids = tid_keys.get(tid, False)
            if kids is False:
                continue
            if kids is not None and not hits.assumed:  # (keys assumed present have no lines to narrow by)
                present = [lines[k] for k in kids if k in lines]
                if not present:
                    continue
                found = found & (present[0] if len(present) == 1 else set().union(*present))
            m, b = targets[tid]
            add(id(m), found, b)
        by_key = self._by_key
        view_of = self.gate.view_of
        for kid, found in lines.items():  # keyed: ungated alternatives, and gated ones on lines not judged
            for mid, b, tid in by_key.get(kid, ()):
                if tid is not None:
                    unjudged = unjudged_by_view[view_of[tid]]
                    if unjudged:
                        add(mid, found & unjudged, b)
                else:
                    add(mid, found, b)
        for mid, b, tid in self._bare:  # no key: every line, or those the gate could not judge
            if tid is None:
                add(mid, range(n), b)
            else:
                add(mid, unjudged_by_view[view_of[tid]], b)
        return out

    def plan(self, matcher):
        """For a matcher: (key id -> its alternatives that need that key, alternatives that need no key, key ids)."""
        return self._plan(matcher)[:3]

    def _plan(self, matcher):
        """`plan`, and alternative -> the key ids of the further requirements keyed_lines narrows its lines by."""
        got = self._plans.get(id(matcher))
        if got is None or got[0] is not matcher:
            by_key: dict[int, list[int]] = {}
            everywhere = []
            required = self._requirements(matcher) if self._requires else _NO_REQUIREMENTS
            further = {}
            for b, keys in enumerate(matcher.branch_anchors):
                if keys is None:
                    if b not in required:
                        everywhere.append(b)
                        continue
                    kids = [self._index[k] for k in _line_keys(matcher, b)]  # (its first further requirement)
                    if required[b][1:]:
                        further[b] = required[b][1:]
                else:
                    kids = [self._index[k] for k in keys]
                    if b in required:
                        further[b] = required[b]
                for k in kids:
                    by_key.setdefault(k, []).append(b)
            got = self._plans[id(matcher)] = (matcher, (by_key, tuple(everywhere), frozenset(by_key), further))
        return got[1]

    def keyed_lines(self, matcher, hits: "Hits") -> tuple[dict, tuple[int, ...]]:
        """By keys alone, over the whole text (without the gate, or for a `keyed` matcher): line -> the alternatives
        of the matcher worth trying on it, as one int or, from the second on, a set (the form of `round_lines`); and
        the alternatives that need no key. Those are worth trying on every line, and are left out of the dict rather
        than added to every line of the text: the caller narrows to its zone first."""
        by_key, everywhere, keys, further = self._plan(matcher)
        present = keys & hits.keys
        if not present:  # (most matchers in most documents)
            return _NO_LINES, everywhere
        lines = hits.lines
        if hits.assumed:
            further = _NO_REQUIREMENTS  # (only the keys-only backends narrow by them: every key was looked for)
        by_alternative: dict[int, list[set[int]]] = {}
        for kid in present:
            found = lines.get(kid)
            if found is None:
                continue  # assumed present (see Hits): only the gate knows its lines, and round_lines asks it
            for b in by_key[kid]:
                got = by_alternative.get(b)
                if got is None:
                    by_alternative[b] = [found]
                else:
                    got.append(found)
        per: dict = _NO_LINES
        for b, sets in by_alternative.items():
            found = sets[0] if len(sets) == 1 else set().union(*sets)  # (hits' own sets are never changed)
            for required in further.get(b, ()):  # a line it matches holds a key of each of these too
                present = [lines[k] for k in required if k in lines]
                found = found.intersection(*present) if len(present) == 1 else found & set().union(*present)
                if not found:
                    break
            if found:
                per = _with_alternative(per, found, b)
        return per, everywhere

    def _requirements(self, matcher) -> dict[int, tuple[tuple[int, ...], ...]]:
        """Alternative -> the key ids of its further requirements (`LineMatcher.branch_requires`), once per matcher."""
        got = self._required.get(id(matcher))
        if got is None or got[0] is not matcher:
            index = self._index
            out = {
                b: tuple(tuple(index[k] for k in r) for r in reqs)
                for b, reqs in enumerate(getattr(matcher, "branch_requires", ()))
                if reqs and all(k in index for r in reqs for k in r)
            }
            got = self._required[id(matcher)] = (matcher, out)
        return got[1]

    def lines_for(self, matcher, hits: "Hits", zone: range) -> dict[int, set[int]]:
        """Line -> the alternatives of the matcher worth trying on it, for the lines of the zone, by keys alone
        (without the gate, or for a `keyed` matcher; with the gate, `round_lines` answers for every matcher)."""
        per, everywhere = self.keyed_lines(matcher, hits)
        lo, hi = zone.start, zone.stop
        out = {i: {got} if type(got) is int else set(got) for i, got in per.items() if lo <= i < hi}
        for i in zone if everywhere else ():
            out.setdefault(i, set()).update(everywhere)
        return out

    def _scan_judged(self, view: str, text: str, lines: list[str]) -> Hits:
        """A document with no line too long for the gate (`lines`: the view's lines): the keys of the alternatives
        the gate judges are looked for only on the lines it may not judge (those with a character outside ASCII);
        elsewhere they are assumed present (most are common words, found on most lines) and the gate picks the
        lines. Nothing is assumed in a document holding no key at all."""
        if not self._holds_a_key(view):
            return Hits({}, holds_marker(view))
        hits: dict[int, set[int]] = {}
        if self._needed:
            _find_lines(view, self._needed_keys, self._needed, hits)
        if text.isascii():
            return Hits(hits, holds_marker(view), self._assumed)
        parts = split_lines(text)  # the Round takes them over: one split of the text less
        self._keys_outside_ascii(lines, parts, hits)
        return Hits(hits, holds_marker(view), self._assumed, parts)

    def _keys_outside_ascii(self, lines: list[str], parts: list[str], hits: dict[int, set[int]]) -> None:
        """Add to `hits` the keys looked for only on lines with characters outside ASCII (`lines`: the case-folded
        view's, `parts`: the raw text's, the same lines): those of alternatives the gate judges there only through
        ASCII stand-ins, on lines of the view with a character no stand-in serves, and the raw view's keys, on lines
        of the raw text outside ASCII. Such lines are picked by tests that `map` and `compress` run in C: in a
        document in another script they are most lines, where a search from one to the next, or a Python step per
        line, costs several times more."""
        if self._foreign_engine is not None:
            numbers = _not_ascii(lines)
            numbers = list(compress(numbers, map(_FOREIGN.search, map(lines.__getitem__, numbers))))
            _find_on_lines(self._foreign_engine, lines, numbers, self._foreign, hits)
        if self._raw_engine is not None:
            _find_on_lines(self._raw_engine, lines, _not_ascii(parts), self._raw_keys, hits)

    def _holds_a_key(self, view: str) -> bool:
        """Whether a case-folded text holds any key at all: first one of the single-character keys (letters first)
        looked for by `in` (one is in nearly every text, "a" with the built-in packs: no encoding, no scan call),
        then the engine."""
        return any(key in view for key in self._probes) or self._engine.any(view)

    def _view(self, text: str) -> str:
        """The text keys are looked for in: case-folded and (see `_fold`) as normalisation joins words; by
        pieces when long (casefold() alone needs 16 bytes a character on the way: 160 MB for a 10 MB text with an
        emoji)."""
        return by_pieces(text, self._fold, at_lines=True)  # (whole lines: see _with_link_texts)

    def _views(self, text: str):
        """The view of a long text (as `_view` makes it) in pieces that are never joined, each led by the last
        `_overlap` characters of the one before: (piece, the number of its first line in the text). Made whole, the
        view and its UTF-8 bytes for the engine would be held beside the text: 150 MB more for a 50 MB line in
        Cyrillic."""
        lead, first = "", 0
        for part in pieces(text, at_lines=True):
            piece = lead + self._fold(part)
            yield piece, first
            cut = max(len(piece) - self._overlap, 0)
            first += piece.count("\n", 0, cut)
            lead = piece[cut:]

    def carried(self, text: str, hits: Hits, renumber) -> Hits | None:
        """The scan of `text`, made of whole lines of the text `hits` were found in (`renumber` takes those lines'
        numbers to these), without looking for keys again: which keys a line holds depends on its text alone. The
        same as `scan(text)`; None when the earlier scan looked for keys over the whole text (it had a line too long
        for the gate), which a fresh scan of fewer lines may not do."""
        if self._engine is None or not text:
            return Hits({})
        if hits.lines and not hits.assumed:
            return None
        marked = False if hits.marked is False else None  # fewer lines hold no marker the text did not
        if not hits.assumed:  # no key before, none in fewer lines
            return Hits({}, marked)
        lines = {kid: got for kid, found in hits.lines.items() if (got := renumber(found))}
        if not lines:  # no key on the lines looked at: `scan` assumes nothing when the text holds none at all
            if not any(self._holds_a_key(view) for view, _ in self._views(text)):
                return Hits({}, marked)
        return Hits(lines, marked, self._assumed)

    def scan(self, text: str) -> Hits:
        """Map key id -> the set of line indices (0-based) whose case-folded text contains it."""
        if self._engine is None or not text:
            return Hits({})
        if self._gate_matchers is not None or self._gate is not None:
            if self.gate is not None and not self._too_long(text):
                view = self._view(text)
                return self._scan_judged(view, text, split_lines(view))
        if len(text) <= PIECE:
            view = self._view(text)
            return Hits(self._key_lines(view), holds_marker(view))
        hits: dict[int, set[int]] = {}
        marked = False
        for view, first in self._views(text):
            for kid, found in self._key_lines(view).items():
                if first:
                    found = {first + i for i in found}
                s = hits.get(kid)
                if s is None:
                    hits[kid] = found
                else:
                    s.update(found)
            marked = marked or holds_marker(view)
        return Hits(hits, marked)

    @staticmethod
    def _too_long(text: str) -> bool:
        """Whether a line of the text is too long for the gate to judge (see `_norm_part`): its keys are then looked
        for over the whole text."""
        return has_long_line(text, GATE_MAX_CHARS)

    def scan_many(self, texts: list[str]) -> list[Hits]:
        """`scan` of each text (the same Hits, each numbered by its text's lines), made for them all at once when
        the gate is in use and no line is too long for it: which keys a line holds depends on the line alone, so the
        texts are joined and looked through once; what depends on a whole text (whether it holds any key, or a
        marker) is asked of its piece of the joined view. A small text's own scan is mostly fixed costs."""
        if self._engine is None or len(texts) < 2 or self.gate is None or any(map(self._too_long, texts)):
            return [self.scan(t) for t in texts]
        # each text folded on its own (a conversion that never acts across a newline gives the joined text's view):
        # one text outside ASCII would have every text of the group folded and composed by the slow way
        view = "\n".join(map(self._fold, texts))  # (texts this short are never folded by pieces)
        lines = view.split("\n")  # (the texts' lines in order: joining texts by newlines joins their line lists)
        parts = [t.split("\n") for t in texts]
        first = list(accumulate(map(len, parts), initial=0))  # text d holds the joined lines first[d]:first[d + 1]
        at = list(accumulate(map((1).__add__, map(len, lines)), initial=0))  # where each joined line starts
        found: dict[int, set[int]] = {}  # key id -> joined line numbers, as `_scan_judged` finds them for each text
        if self._needed:
            _find_lines(view, self._needed_keys, self._needed, found)
        self._keys_outside_ascii(lines, [line for p in parts for line in p], found)
        per_text = lines_by_text(first, found)
        out = []
        for d, text in enumerate(texts):
            piece = view[at[first[d]]:at[first[d + 1]] - 1]  # (every text is one line at least)
            if not text:
                out.append(Hits({}))
            elif not self._holds_a_key(piece):
                out.append(Hits({}, holds_marker(piece)))
            else:
                out.append(Hits(per_text[d], holds_marker(piece), self._assumed, parts[d]))
        return out

    def _key_lines(self, view: str) -> dict[int, set[int]]:
        """Key id -> the lines of `view` (a case-folded text) holding it, looked for over the whole text."""
        hits: dict[int, set[int]] = {}
        found, counted = self._engine.find(view)  # offsets count positions in `counted` (the view or its bytes)
        if type(found) is _Packed:  # the newlines are among the matches: no counting
            _collect(found, range(len(self.keys)), range(len(found)), hits)
        elif found:
            _add_at_offsets(found, counted, hits)
        return hits


def lines_by_text(first: list[int], found: dict) -> list[dict]:
    """Line numbers of texts joined together, back to each text's own: `first[d]` is text d's first line among the
    joined ones (and `first[-1]` their number); `found` maps a key to joined line numbers. A table per text, of
    the keys found in it."""
    tables: list[dict] = [{} for _ in first[:-1]]
    for key, numbers in found.items():
        for n in numbers:
            d = bisect_right(first, n) - 1
            got = tables[d].get(key)
            if got is None:
                tables[d][key] = {n - first[d]}
            else:
                got.add(n - first[d])
    return tables


_MARKER = "nlcleaner:"


def holds_marker(view: str) -> bool:
    """Whether a case-folded text holds the start of a suppression marker (`nlcleaner: off`)."""
    return _MARKER in view


def has_long_line(text: str, limit: int) -> bool:
    """Whether a line of `text` (a CR before its newline counted) is longer than `limit` characters. Looked for in
    hops, not line by line: the last newline within `limit` + 1 characters of a line's start ends every line
    before it, each within the limit; none there means the line at the start is longer."""
    start, end = 0, len(text)
    while end - start > limit:
        newline = text.rfind("\n", start, start + limit + 1)
        if newline < 0:
            return True
        start = newline + 1
    return False


# an escape that names a character outside ASCII (`\xe9`, `\u00e9`, `\N{...}`, `\p{L}`): written in ASCII, it
# matches what a stand-in replaces
_NON_ASCII_ESCAPE = re.compile(rb"\\(?:x[89a-fA-F]|x\{|u[0-9a-fA-F]{4}|U|N\{|[pP]\{?[A-Za-z]|[23][0-7]{2})")


def _all_ascii(expression: bytes) -> bool:
    """Whether an expression may judge stand-in lines: written in ASCII, naming no other character by escape, and
    with no negated set that lists letters, digits or ranges (`[^a-z]` matches "é", but maybe not its stand-in letter;
    `[^\\w\\n]` and sets of punctuation are safe: a stand-in keeps its character's class)."""
    if not expression.isascii() or _NON_ASCII_ESCAPE.search(expression):
        return False
    pattern = expression.decode("ascii")
    if POSIX_CLASS.search(pattern):
        return False  # `[[:punct:]]` matches "¿" for `regex`, but its stand-in \x01 is no punctuation to hyperscan
    i = 0
    while True:
        i = pattern.find("[^", i)
        if i < 0:
            return True
        if i and pattern[i - 1] == "\\" and not _escaped_backslash(pattern, i - 1):
            i += 2
            continue
        end = _class_end(pattern, i)
        if not _SAFE_NEGATED.fullmatch(pattern[i + 2:end - 1]):
            return False
        i = end


# what a negated set may hold and still judge stand-ins: punctuation, escaped punctuation, the newline the gate
# adds, and the classes a stand-in keeps (\w \d \s)
_SAFE_NEGATED = re.compile(r"(?:[!-/:-@\[\]^`{-~]|\\[^a-zA-Z0-9]|\\[nwdsWDS])*".replace("\\[\\]", "\\[\\]"))


def _escaped_backslash(pattern: str, at: int) -> bool:
    """Whether the backslash at `at` is itself escaped (preceded by an odd number of backslashes)."""
    count = 0
    while at - 1 - count >= 0 and pattern[at - 1 - count] == "\\":
        count += 1
    return count % 2 == 1


class _StandIns(dict):
    """Code point -> the ASCII character that stands in for it when the gate judges a line with characters outside
    ASCII (see `stand_ins`); filled as characters are met."""

    def __missing__(self, code: int) -> str:
        self[code] = got = _stand_in(chr(code))
        return got


def _stand_in(ch: str) -> str:
    import regex

    for variant in (ch.lower(), ch.upper()):
        if len(variant) == 1 and variant.isascii():
            return variant  # a letter a pattern's ASCII letter may match ignoring case ("ı" and "I")
    for cls, ascii_char in ((r"\s", " "), (r"\d", "0")):
        if regex.match(cls, ch, regex.IGNORECASE | regex.V1):
            return ascii_char
    if regex.match(r"\w", ch, regex.IGNORECASE | regex.V1):
        # one of 26 letters, chosen by the character's case folding: a word written in other letters keeps most of
        # its shape ("подписаться" is not "xxxxxxxxxxx"), so that an expression naming it (see
        # `_stand_in_expression`) lets few other lines through
        folded = ch.casefold()
        return _LETTERS[ord(folded if len(folded) == 1 else ch) % 26]
    return "\x01"


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _stand_in_expression(expression: bytes) -> bytes:
    """A normalised-view gate expression that judges stand-in lines too: each character outside ASCII it names
    (alone or in a set, ranges spelt out) replaced by its stand-in, so that it matches the stand-in line of every
    line the original matches; the expression as it is when that cannot be promised (a negated set or an escape
    naming such characters, a character whose case folding is several characters, a very wide range)."""

    def stand_in(kind: str, piece: str, pattern: str, at: int) -> str | None:
        if kind == "set":
            body = _stand_in_set(piece[1:-1]) if _class_end(pattern, at, strict=True) is not None else None
            return None if body is None else f"[{body}]"
        if piece.isascii():
            return piece
        got = _stand_in_of(piece) if kind == "char" else None  # (an escaped character outside ASCII, `\\é`: None)
        return None if got is None else _hs_literal(got)

    got = _rewritten(expression, stand_in)
    return expression if got is None else got


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


def _stand_in_of(ch: str) -> str | None:
    """The stand-in of a character an expression names, None when its case folding is several characters (a line,
    being case-folded, holds those characters instead, whose stand-ins differ)."""
    return _STAND_INS[ord(ch)] if len(ch.casefold()) == 1 else None


_MAX_RANGE = 4096


def _stand_in_set(body: str) -> str | None:
    """A set's members (between its brackets) with every character outside ASCII replaced by its stand-in; None for
    a negated one that holds such characters (its stand-in set would exclude the stand-ins of characters it lets
    match) or a range wider than _MAX_RANGE."""
    if body.isascii():
        return body
    if body.startswith("^"):
        return None
    out, extra, j, n = [], set(), 0, len(body)
    while j < n:
        c = body[j]
        if c == "\\":
            if not body[j + 1:j + 2].isascii():
                return None
            out.append(body[j:j + 2])
            j += 2
            continue
        ranged = j + 2 < n and body[j + 1] == "-" and body[j + 2] != "\\"
        if ranged and not (c.isascii() and body[j + 2].isascii()):
            low, high = ord(c), ord(body[j + 2])
            if high < low or high - low > _MAX_RANGE:
                return None
            for code in range(low, high + 1):
                got = _stand_in_of(chr(code))
                if got is None:
                    return None
                extra.add(got)
            j += 3
            continue
        if c.isascii():
            out.append(c)
        else:
            got = _stand_in_of(c)
            if got is None:
                return None
            extra.add(got)
        j += 1
    kept = "".join(out)
    if kept.endswith("-") and not _escaped_backslash(kept, len(kept) - 1):
        kept = kept[:-1] + "\\-"  # a closing "-" stays a member, not a range to the stand-ins after it
    return kept + "".join(f"\\x{ord(ch):02x}" for ch in sorted(extra))


_STAND_INS = _StandIns({c: chr(c) for c in range(128)})


def stand_ins(view: str) -> str:
    """A normalised line in which every character outside ASCII is replaced by an ASCII one of its kind for `regex`
    (a space, a digit, a word character, or \\x01 for the rest; a letter with an ASCII case partner by that
    letter). An expression written in ASCII alone can match such a character only through a class (`\\w`, `.`,
    `[^|]`...) that the stand-in belongs to as well, and a normalised view has no character whose case folding is
    ASCII left (it is case-folded), so the stand-in line lets through every line the real one would."""
    if (len(view.encode("utf-8", "surrogatepass")) - len(view)) * 10 < len(view):
        # a few characters outside ASCII (an accented name in an English line): replaced one by one, where the
        # translation would look every character of the line up (~4 times slower on such lines)
        return _OUTSIDE_ASCII.sub(_stand_in_found, view)
    return view.translate(_STAND_INS)


_OUTSIDE_ASCII = re.compile("[^\x00-\x7f]")


def _stand_in_found(found) -> str:
    return _STAND_INS[ord(found.group())]


def _add_at_offsets(found, text, hits: dict[int, set[int]]) -> None:
    """Add (offset, key id) pairs, in offset order, to `hits` (key id -> numbers of the lines of `text`, a str or
    its bytes, the offsets fall on); or, from the pure-Python finder, its lines as they are (see `_Lines`)."""
    if type(found) is _Lines:  # the pure-Python finder's lines, already counted
        for kid, lines in found.items():
            s = hits.get(kid)
            if s is None:
                hits[kid] = lines
            else:
                s.update(lines)
        return
    count = text.count
    newline = b"\n" if type(text) is bytes else "\n"
    line, pos = 0, 0
    for at, kid in found:
        if at > pos:
            line += count(newline, pos, at)
            pos = at
        s = hits.get(kid)
        if s is None:
            hits[kid] = {line}
        else:
            s.add(line)


# characters normalisation takes out of the middle of a word (emphasis marks, zero-width and format characters, the
# soft hyphen); full-width letters and digits, which it reads as ASCII ones, NFKC makes ASCII (see `_unsplit`)
# (every "_": normalisation takes out those beside a non-word character, as in "(c_)"); the ASCII ones first
_ASCII_JOINERS = "*~_"
_JOINERS = _ASCII_JOINERS + "\u200b\u200c\u200d\ufeff\u00ad"


_ONE_LINE_SET = 1 << 16  # bytes: a line longer than this, alone in its text, has its keys found as a set


def utf8(text: str) -> bytes:
    """The text as UTF-8 (lone surrogates kept), encoded by pieces when long: encoding a whole text with characters
    outside the BMP needs four bytes a character on the way."""
    piece = normalise_module.PIECE
    if len(text) <= piece:
        return text.encode("utf-8", "surrogatepass")
    return b"".join([text[i:i + piece].encode("utf-8", "surrogatepass") for i in range(0, len(text), piece)])


def _folded_unsplit(text: str, joining: re.Pattern) -> str:
    return _unsplit(text.casefold(), joining)


def _folded_plain_unsplit(text: str, joining: re.Pattern) -> str:
    return _unsplit(_plain(text).casefold(), joining)


# the typographic characters most lines outside ASCII hold, as normalisation reads them (its own table), and the
# ellipsis as composing the text makes it
_PLAIN = (*((ch, normalise_module._TRANSLATE[ord(ch)]) for ch in "\u2019\u201c\u201d\u2013\u2014\u00a0\u2018\u00ab"
                                                                    "\u00bb"), ("\u2026", "..."))


def _plain(text: str) -> str:
    """The text with its commonest typographic characters made ASCII, before it is case-folded for the keys (when no
    key holds one of them, so that no key is lost: see Prefilter's `_fold`): a text in English with curly quotes is
    then ASCII, folded at once and with no composition to check. Each stays on its line; a no-break space and an
    ellipsis are what composing the text (NFKC) makes them anyway."""
    if not text.isascii():
        for ch, to in _PLAIN:
            if ch in text:
                text = text.replace(ch, to)
    return text


def _unsplit(view: str, joining: re.Pattern) -> str:
    """The case-folded text without the characters of _JOINERS and with full-width forms as ASCII (the same lines:
    no newline is touched); composed as normalisation composes it (NFKC: "e" + U+0301 is "é", as the rules see it);
    a line with Markdown links followed by its text without their targets (`_with_link_texts`)."""
    for ch in _ASCII_JOINERS:
        if ch in view:
            view = view.replace(ch, "")
    if not view.isascii():
        if not unicodedata.is_normalized("NFKC", view):  # (NFKC also makes full-width forms ASCII)
            view = _nfkc_folded_by_lines(view)
        for ch in _JOINERS[len(_ASCII_JOINERS):]:
            if ch in view:
                view = view.replace(ch, "")
    # ("]" first: one character is looked for several times faster than two, and most texts hold none)
    return _with_link_texts(view, joining) if "]" in view and "](" in view else view


def _joining(keys) -> re.Pattern:
    """Where taking out a link's markup may join two parts of one of these keys: a character a key of two or more
    characters holds right before "[" or "![", or right after a ")" (or another link there). Word characters
    always, and the others the keys hold: "(c)" makes "Policy ([c](/legal))" one (found by review,
    helper-34); a ")" before "," or "." is then passed over, as no key joins there (any character but a space made
    the key view of links followed by punctuation twice as slow). Written to begin with "[" or ")", which the search
    skips to at once (begun with a set of characters it tried every letter of the text: six times slower). No
    built-in key holds a space; a user's phrase that does ("(c) 2007") makes every link beside a space such a place,
    "(c) [2007](x)" (found by review, helper-35)."""
    extra = sorted({ch for k in keys if len(k) > 1 for ch in k if not _WORD.match(ch)})
    near = r"\w" + "".join(map(re.escape, extra))
    return re.compile(rf"\[(?<=[{near}]\[)|\[(?<=[{near}]!\[)|\)[{near}\[!]")


_WORD = re.compile(r"\w")  # (as the joining pattern reads \w)


def _with_link_texts(view: str, joining: re.Pattern) -> str:
    """The view with each line that holds a link, where taking out its markup may join words, followed by itself as
    normalisation reads it: links as their text, images gone. The keys of "[news](https://a)letter" are then those
    of "newsletter", which the rules see (and those of the line as it is are still found, for rules on the raw line).
    Links are read with normalisation's own patterns (nested brackets, a parenthesis in a target: found by review,
    helper-35), on lines the gate judges only: a longer line is judged by its keys with any backend, and those
    patterns' bounded repeats cost ~1 ms a KB on a line of brackets. Lines are found from the few places where words
    may join, not by a step a line: a text with a link on every line pays one search."""
    out: list[str] = []
    done = 0  # the view up to here is in `out`
    line_end = 0
    for found in joining.finditer(view):
        if found.start() < line_end:
            continue  # (a line already seen)
        line_end = view.find("\n", found.end())
        if line_end < 0:
            line_end = len(view)
        line = view[view.rfind("\n", 0, found.start()) + 1:line_end]
        if "](" in line and len(line) <= GATE_MAX_CHARS:
            out += (view[done:line_end], " ", normalise_module.link_texts(line))
            done = line_end
    if not out:
        return view
    out.append(view[done:])
    return "".join(out)


_IS_NFKC = partial(unicodedata.is_normalized, "NFKC")


def _nfkc_folded_by_lines(view: str) -> str:
    """NFKC of a case-folded text, case-folded again (as normalisation folds after composing), made only on its
    lines that need it: NFKC never composes a character with a newline nor makes one, so it is the same line by
    line, and a text with a no-break space or an ellipsis on a few lines is not decomposed and composed again whole
    (~170 µs for a 20 KB article)."""
    lines = view.split("\n")
    for i in compress(count(), map(not_, map(_IS_NFKC, lines))):
        # (case-folded again: normalisation composes first and folds after, and NFKC makes some characters upper-
        # case ASCII, "\U0001d40d" and "\u2115" an "N"; folding the composed form again gives the same for every
        # code point, found by review, helper-35)
        lines[i] = unicodedata.normalize("NFKC", lines[i]).casefold()
    return "\n".join(lines)


def _foreign_char():
    """A character the gate's lines cannot hold: neither ASCII nor one that normalisation maps to ASCII (typographic
    quotes and dashes, no-break spaces: see normalise._TRANSLATE). A line without one is judged by the gate."""
    from .normalise import _TRANSLATE

    mapped = re.escape("".join(chr(c) for c in _TRANSLATE if c > 0x7F))
    return re.compile(rf"[^\x00-\x7f{mapped}]")


_FOREIGN = _foreign_char()


def _find_lines(view: str, keys, ids, hits: dict[int, set[int]]) -> None:
    """Add to `hits` the lines holding each key (found with str.find, one key after the other)."""
    found = []
    for key, kid in zip(keys, ids):
        at = view.find(key)
        while at >= 0:
            found.append((at, kid))
            at = view.find(key, at + 1)
    if found:
        found.sort()
        _add_at_offsets(found, view, hits)


def _find_on_lines(engine, lines: list[str], numbers: list[int], ids, hits: dict[int, set[int]]) -> None:
    """Add to `hits` the keys the engine finds on the lines numbered `numbers` (`ids`: its key ids as `hits` numbers
    them), looked for through those lines joined, about PIECE characters at a time: on a 10 MB text in another
    script most lines are such lines, and joined at once they would be another copy of it, and its UTF-8 bytes."""
    # ends[k]: the length of the lines up to the k-th, each with its newline
    ends = list(accumulate(map((1).__add__, map(len, map(lines.__getitem__, numbers))), initial=0))
    first = 0
    while first < len(numbers):
        last = max(bisect_right(ends, ends[first] + PIECE) - 1, first + 1)
        group = numbers[first:last]
        found, _ = engine.find("\n".join(map(lines.__getitem__, group)))
        _collect(found, ids, group, hits)
        first = last


def _collect(found, ids, numbers, hits: dict[int, set[int]], only=None) -> None:
    """Add packed matches (see _Hyperscan.find), or the lines of the word-by-word finders (see `_Lines`), to `hits`:
    local key id -> ids[id], k-th line -> numbers[k]; keys outside `only` (when given) are left out."""
    if type(found) is _Lines:
        for kid, lines in found.items():
            kid = ids[kid]
            if only is None or kid in only:
                hits.setdefault(kid, set()).update(numbers[k] for k in lines)
        return
    k = 0
    for packed in found:
        kid = (packed & 0xFFFF) - 1
        if kid < 0:
            k += 1
            continue
        kid = ids[kid]
        if only is not None and kid not in only:
            continue
        s = hits.get(kid)
        if s is None:
            hits[kid] = {numbers[k]}
        else:
            s.add(numbers[k])


def _with_alternative(per: dict | None, found, b: int) -> dict:
    """A per-line table (line -> the alternatives worth trying there) with alternative b given to the lines `found`:
    a bare int while a line has one (no object per line), a set from the second on. A new table when `per` is None
    or empty (an empty one may be shared)."""
    if not per:
        return dict.fromkeys(found, b)
    get = per.get
    for i in found:
        s = get(i)
        if s is None:
            per[i] = b
        elif type(s) is int:
            if s != b:
                per[i] = {s, b}
        else:
            s.add(b)
    return per


def _line_keys(matcher, b: int) -> tuple[str, ...] | None:
    """The keys that pick the lines where the gate's caller tries alternative b: its anchors; for an alternative
    without any, the first of its further requirements (short words count there: "vp", "is"), which every line it
    matches holds one of too; None when it has neither (tried on every line the gate cannot judge). The gate still
    judges the lines it can; these only narrow the lines it cannot (a word in another script) to those holding
    one of them, instead of all of them."""
    keys = matcher.branch_anchors[b]
    if keys is not None:
        return keys
    requires = getattr(matcher, "branch_requires", ())
    return requires[b][0] if b < len(requires) and requires[b] else None


def _not_ascii(lines: list[str]) -> list[int]:
    """The numbers of the lines holding a character outside ASCII (str.isascii reads a flag: no scan)."""
    return list(compress(count(), map(not_, map(str.isascii, lines))))


# ---------------------------------------------------------------------------------------------------------------
# Keys for an alternative that `anchors.derive` leaves unanchored

def branch_keys(pattern: str) -> tuple[str, ...] | None:
    """Prefilter keys for one alternative: `anchors.derive`'s, else its extended second try (small character classes,
    two-letter non-ASCII words, rare symbols). None: no key (the alternative is tried everywhere)."""
    from .anchors import derive, derive_extended

    keys = derive(pattern)
    return keys if keys is not None else derive_extended(pattern)


def branch_requirements(pattern: str, keys: tuple[str, ...] | None) -> tuple[tuple[str, ...], ...]:
    """Key sets besides an alternative's keys that every line it matches holds one of each of (`anchors.requirements`:
    "^(?:get|join) (?:the|our) x" is tried only on lines with "get" or "join", and "the" or "our"); for the
    keys-only backends, which would otherwise try it on every line holding one of its keys (often common words).
    For an alternative without keys, shorter words count too ("vk", "is"): the first set then serves as its keys
    there (see Prefilter.plan), instead of every line of its zone."""
    from .anchors import requirements

    if keys is None:
        return tuple(requirements(pattern, short=True))
    return tuple(r for r in requirements(pattern) if r != keys)[:2]


# ---------------------------------------------------------------------------------------------------------------
# The hyperscan gate: whole alternatives, in prefilter mode, over the normalised lines that hold a key

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
    form = _without_optional_lead(_relaxed(expression)).encode("utf-8", "surrogatepass")
    # on the normalised view, one form judges ASCII lines and the stand-ins of the others alike: on an ASCII line the
    # stand-in form lets through every line the original does (a few more at most)
    return _bytes_grouped(form if matcher.on == "raw" else _stand_in_expression(form))


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
    """`^(?:X)?Y` as `Y`: an optional group after a line start ("^(?:.*?[.!?:] )?subscribe to") is dropped, with the
    anchor (a superset: Y anywhere). Hyperscan 0.9's combined database missed lines such expressions match alone
    (tests/test_gate_fuzz_findings.py: "Das ist der Podcast der Redaktion. Abonnieren Sie ..."); without the
    optional lead it finds them."""
    if pattern.startswith("^("):
        end = _group_end(pattern, 1)
        if end is not None and pattern[end:end + 1] == "?":
            rest = pattern[end + 1:]
            rest = rest[1:] if rest.startswith("?") else rest  # a lazy `??`
            if rest and not rest.startswith(("*", "+", "{", "|")):
                return rest
    return pattern


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


def _hs_literal(text: str) -> str:
    """A literal for a hyperscan expression: ASCII punctuation and spaces hex-escaped, the rest as is."""
    return "".join(ch if not ch.isascii() or ch.isalnum() else f"\\x{ord(ch):02x}" for ch in text)


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
    from .anchors import parse

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


class BranchGate:
    """Every gate-eligible alternative compiled with hyperscan in prefilter mode (a superset of the lines each
    alternative matches), one database per view (normalised or raw line), cached on disk by its expressions. One
    database scans about twice as fast as one per category (14 scans of every document), which is worth the ~5 s
    its recompiling takes after a pack is edited. Only ASCII lines are judged; the rest always pass.

    With `engine="re2"` (hyperscan not installed), each view's expressions are RE2 sets instead (`gate_re2`):
    exact rather than a superset, the ones RE2 cannot take left out; they compile in a fraction of a second and
    are not cached."""

    def __init__(self, targets: list[tuple[object, int, str, str]], engine: str = "hyperscan"):
        self.engine = engine
        self.targets = [(m, b) for m, b, _, _ in targets]
        # target id -> which of the round's unjudged line sets applies to it: "raw", "norm", or "norm-ascii" for a
        # normalised-view expression that is all ASCII, which the gate also judges on lines with other characters
        # through their ASCII stand-ins (see `stand_ins`)
        self.view_of: dict[int, str] = {}
        groups: dict[str, list[tuple[int, bytes]]] = {}
        for tid, (m, b, pattern, view) in enumerate(targets):
            groups.setdefault(view, []).append((tid, pattern))
            self.view_of[tid] = "norm-ascii" if view == "norm" and _all_ascii(pattern) else view
        self.expressions = [pattern for _, _, pattern, _ in targets]  # (what the check of its misses is cached by)
        if engine == "hyperscan":
            import hyperscan

            self._hs = hyperscan
            # no HS_FLAG_UTF8: the gate only scans ASCII, and with it (and CASELESS and MULTILINE) hyperscan 0.9
            # misses some `^`-anchored matches after certain earlier lines (tests/test_gate_fuzz_findings.py, class
            # 1); no MULTILINE either: line anchors are written as the newlines around a line (see `_on_lines`)
            flags = hyperscan.HS_FLAG_CASELESS | hyperscan.HS_FLAG_PREFILTER
            compile_view = partial(self._database, flags=flags)
        else:
            from .gate_re2 import Re2Sets

            def compile_view(exprs):
                sets = Re2Sets(exprs)
                return (sets if sets.kept else None), sets.kept

        self.dbs: dict[str, list[tuple[object, list[int]]]] = {"norm": [], "raw": []}
        kept_all: set[int] = set()
        for view, exprs in sorted(groups.items()):
            db, kept_local = compile_view([e for _, e in exprs])
            if db is None:
                continue
            glob = [tid for tid, _ in exprs]
            self.dbs[view].append((db, glob))
            kept_all.update(glob[i] for i in kept_local)
        self.gated: dict[int, dict[int, int]] = {}
        for t in kept_all:
            m, b = self.targets[t]
            self.gated.setdefault(id(m), {})[b] = t

    @property
    def version(self) -> str:
        """The engine and its version: what else, besides the expressions, decides what the gate lets through."""
        if self.engine == "hyperscan":
            return "hyperscan " + str(getattr(self._hs, "__version__", ""))
        from .gate_re2 import version

        return "re2 " + version()

    def _database(self, exprs: list[bytes], flags):
        """(database, indices of the expressions in it), from the cache or compiled (and cached)."""
        hs = self._hs
        cached = _gate_cache_file(exprs, flags, str(getattr(hs, "__version__", "")))
        kept = None if cached is None else read_numbers(cached.with_suffix(".kept"), len(exprs))
        if kept is not None:
            try:
                db = hs.loadb(cached.read_bytes(), mode=hs.HS_MODE_BLOCK)
                db.scratch = hs.Scratch(db)  # a loaded database has none
                os.utime(cached)  # in use: not pruned
                return db, kept
            except Exception:
                pass
        db, kept = self._compile(exprs, flags)
        if cached is not None and db is not None:
            write_numbers(cached.with_suffix(".kept"), kept)  # (first: a database is never there without its list)
            write_cache(cached, hs.dumpb(db))
        return db, kept

    def _compile(self, exprs: list[bytes], flags):
        """(database, indices of the expressions in it). The whole set usually compiles in one go; when hyperscan
        refuses it, each expression is tried alone and the ones it refuses are left out (their alternatives stay
        ungated)."""
        hs = self._hs
        kept = list(range(len(exprs)))
        try:
            db = hs.Database(mode=hs.HS_MODE_BLOCK)
            db.compile(expressions=exprs, ids=kept, flags=[flags] * len(kept))
            return db, kept
        except Exception:
            pass
        kept = [i for i, e in enumerate(exprs) if self._compiles(e, flags)]
        if not kept:
            return None, []
        db = hs.Database(mode=hs.HS_MODE_BLOCK)
        db.compile(expressions=[exprs[i] for i in kept], ids=kept, flags=[flags] * len(kept))
        return db, kept

    def _compiles(self, expression: bytes, flags) -> bool:
        try:
            self._hs.Database(mode=self._hs.HS_MODE_BLOCK).compile(expressions=[expression], ids=[0], flags=[flags])
        except Exception:
            return False
        return True

    def scan(self, view: str, lines: list, out: dict[int, set[int]]) -> None:
        """Add to `out` (target id -> line numbers) what the `view` database lets through among `lines`, a
        document's lines in order as the gate sees them (ASCII; empty or None for a line it does not judge).

        The lines are scanned as one text, each ended by a newline and the first preceded by one, which the
        expressions take for their line anchors (`_on_lines`): one call for the document instead of one a line,
        and no MULTILINE mode (with it hyperscan 0.9 misses some `^`-anchored matches after a newline,
        tests/test_gate_fuzz_findings.py). A match belongs to the line its end lies in; one on a line the gate does not
        judge is not kept (it is let through anyway)."""
        if None in lines:
            lines = ["" if line is None else line for line in lines]
        if not any(lines):
            return
        data = ("\n" + "\n".join(lines) + "\n").encode()  # (ASCII: the same bytes in any encoding)
        # where each line starts in `data` (line i ends with the newline at starts[i + 1] - 1); 8 bytes a line
        starts = array("q", accumulate(map((1).__add__, map(len, lines)), initial=1))

        def add(tid: int, line: int) -> None:
            s = out.get(tid)
            if s is None:
                out[tid] = {line}
            else:
                s.add(line)

        for db, glob in self.dbs[view]:
            if self.engine != "hyperscan":  # (RE2 sets report each expression's lines themselves: see gate_re2)
                db.scan(data, starts, lines, lambda i, line, glob=glob: add(glob[i], line))
                continue

            def on_match(lid, _start, end, _flags, _ctx, glob=glob):
                line = bisect_right(starts, end - 1) - 1
                if 0 <= line < len(lines) and lines[line]:
                    add(glob[lid], line)

            db.scan(data, match_event_handler=on_match, scratch=_scratch(db))


def _gate_cache_file(exprs: list[bytes], flags: int, version: str):
    """Where what is built from these expressions is cached (`version`: the engine's, see BranchGate.version); None
    when nothing is cached."""
    from .packcache import cache_dir

    folder = cache_dir()
    if folder is None:
        return None
    # the format changes when what a database holds for the same expressions does, or how they are hashed ("gate
    # 3": each expression led by its length)
    h = _digest(b"gate 3, flags %d\0" % flags, exprs)
    h.update(version.encode())
    return folder / f"gate-{h.hexdigest()[:32]}.db"


def _digest(head: bytes, items):
    """A sha256 of `head` and byte strings in order, each led by its length: joined by a separator instead,
    [b"a", b"b"] and [b"a\\0b"] would hash alike, and an expression (or a key) may hold a NUL."""
    import hashlib

    h = hashlib.sha256(head)
    for item in items:
        h.update(b"%d:" % len(item))
        h.update(item)
    return h
