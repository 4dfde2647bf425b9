"""The prefilter: one pass over the whole (case-folded) document finds the lines that hold a rule's keys, so
Python-level matching only ever looks at those lines — and, for a pattern, only at the alternatives of it whose
keys are on the line. The final match is always the `regex` engine's: the prefilter only decides which lines are
looked at, never what matches.

- `branches`: a pattern's alternatives and their keys;
- `key_finders`: the backends that find keys (hyperscan, pyahocorasick, pure Python) and the lines they are on;
- `key_view`: the case-folded text keys are looked for in;
- `gate`, `gate_forms`, `stand_ins`: the gate, which judges whole alternatives on a document's lines in one scan,
  what it compiles for each, and how it judges lines outside ASCII;
- `syntax`: the walk over a pattern's pieces they share;
- here: `Prefilter`, which puts them together for a set of rules, and `Hits`, what one scan of a text found.
"""

from __future__ import annotations

import threading
import unicodedata
from bisect import bisect_right
from functools import partial
from itertools import accumulate, compress, count
from operator import not_

from ..normalise import PIECE, by_pieces, pieces, split_lines
from ..packcache import read_numbers, write_numbers
from .branches import branch_keys, branch_requirements, split_branches
from .gate import DEFER_GATE, GATE_MAX_CHARS, GATES, VIEWS, BranchGate, _gate_cache_file, choose_gate
from .gate_forms import _gate_forms_of, gate_eligible, gate_forms
from .key_finders import (BACKENDS, BackendError, _collect, _engine, _find_lines, _find_on_lines, _Packed,
                          _add_at_offsets, available_backends, choose_backend)
from .key_view import _FOREIGN, _JOINERS, _PLAIN, _folded_plain_unsplit, _folded_unsplit, _joining
from .stand_ins import raw_stand_ins, stand_ins

# the names the rest of nlcleaner imports from here
__all__ = [
    "BACKENDS", "DEFER_GATE", "GATES", "GATE_MAX_CHARS", "VIEWS", "BackendError", "BranchGate", "Hits", "Prefilter",
    "available_backends", "branch_keys", "branch_requirements", "choose_backend", "choose_gate", "gate_eligible",
    "gate_forms", "has_long_line", "holds_marker", "lines_by_text", "raw_stand_ins", "split_branches", "stand_ins",
]

_GATE_LOCK = threading.Lock()


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
        held = set().union(*self.keys)  # (the characters the keys hold: each key's in one C call)
        if held & set(_JOINERS):
            self._fold = str.casefold
        else:  # (typographic quotes made plain first, unless a key holds one: see `_plain`)
            fold = _folded_unsplit if held & {ch for ch, _ in _PLAIN} else _folded_plain_unsplit
            self._fold = partial(fold, joining=_joining(self.keys))
        # how much of a long text's view each piece repeats from the one before (see `_views`): a key, or a marker,
        # across the cut is then whole in the later piece
        self._overlap = max(len(_MARKER), *map(len, self.keys)) - 1 if self.keys else 0
        self._plans: dict[int, tuple] = {}
        self._by_keys: dict[int, tuple] = {}
        self._furthers: dict[int, tuple] = {}
        # whether keyed_lines narrows by the alternatives' further requirements (their keys were added: for_matchers)
        self._requires = False
        self._gate: BranchGate | None = None
        self._gate_matchers = None
        # a deferred gate (see `defer_gate`): characters of text counted so far, and how many it waits for
        self._given = 0
        self._gate_after = 0

    # tables of what was worked out for a matcher, keyed by its id, each entry (matcher, ...)
    _BY_MATCHER = ("_plans", "_by_keys", "_furthers")
    # the key engines a pickle keeps: pyahocorasick's automaton unpickles in about half the time it takes to build
    # (~3 against ~8 ms for the built-in keys; what it remembers of the words and lines it met is left out);
    # hyperscan's database cannot be pickled (it loads from a cache file of its own), and the pure-Python one's trie
    # pattern would be compiled again as it is unpickled
    _PICKLED_ENGINES = ("ahocorasick",)

    def fresh(self) -> "Prefilter":
        """A prefilter of the same keys, matchers and tables for a Cleaner of its own: it has counted no text and
        builds its own gate (raises TypeError once this one has built its gate). The tables are copies; the key
        engine is shared, as between any two prefilters of the same keys."""
        copy = object.__new__(Prefilter)
        copy.__setstate__(self.__getstate__())
        copy._given = 0
        return copy

    def __getstate__(self):
        """A prefilter pickles (a Cleaner's snapshot) as it stands before its gate is built, its key engine made
        again (hyperscan's loads from a cache file of its own) unless it is worth keeping; its tables keyed by
        matcher ids are kept as their entries, since an unpickled matcher has another id."""
        built = self._gate_matchers is None and getattr(self, "_gate_engine", None)  # (built, or failed to build)
        if self._gate is not None or built:
            raise TypeError("a prefilter is pickled only before its gate is built")
        state = self.__dict__.copy()
        if self.backend not in self._PICKLED_ENGINES:
            del state["_engine"]
        for name in self._BY_MATCHER:
            state[name] = list(state[name].values())
        return state

    def __setstate__(self, state):
        for name in self._BY_MATCHER:
            # (an entry's table of further requirements is filled in as documents ask: each prefilter has its own)
            state[name] = {id(m): (m, dict(x) if type(x) is dict else x) for m, x in state[name]}
        self.__dict__.update(state)
        if "_engine" not in state:
            self._engine = _engine(self.backend, self.keys) if self.keys else None

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
            if self.deferred:
                return None
            with _GATE_LOCK:  # built once: a thread must not see a half-built gate (or none) meanwhile
                if self._gate_matchers is not None:
                    self._build_gate()
        return self._gate

    def defer_gate(self, chars: int | None = None) -> None:
        """Build the gate only once the texts counted (see `count_text`) reach `chars` characters (None: what the
        gate's engine is worth waiting for, DEFER_GATE). Building it costs more than a few short texts take to clean
        without it (RE2's sets compile in ~60 ms; hyperscan's database loads in ~15 ms): a run over one small file,
        or a pre-commit hook's few, is quicker judged by keys alone, and each alternative they find confirmed by
        `regex`, which compiles a built-in one from its recorded program in microseconds (`regex_programs`). The
        output is the one keys alone give.

        (Until regex programs were recorded, each alternative was screened alone by RE2 first, which compiled faster
        than `regex`. With them, the screen cost more than it saved: on the seed article, 2.7 KB, 0.38 against
        0.33 s for the whole command, and the alternatives it turned away were never recorded.)"""
        self._gate_after = DEFER_GATE.get(getattr(self, "_gate_engine", None), 0) if chars is None else chars

    def count_text(self, chars: int) -> None:
        """Count a text of `chars` characters about to be cleaned (see `defer_gate`)."""
        self._given += chars

    @property
    def gate_cached(self) -> bool:
        """Whether the gate, once built, is kept in the cache for other processes (hyperscan's database, with a
        cache folder; RE2's sets are built anew by every process)."""
        from ..packcache import cache_dir

        return getattr(self, "_gate_engine", None) == "hyperscan" and cache_dir() is not None

    @property
    def deferred(self) -> bool:
        """Whether the gate is deferred for now: lines are found by keys alone."""
        return self._gate_matchers is not None and self._given < self._gate_after

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
        only its gate form), the witnesses, the databases it is built on, and the code and `regex` that normalise
        and match. None: no cache."""
        import regex

        from ..packcache import _code_digest

        gate = self._gate
        rules = list(dict.fromkeys(m.rule_id for m, _ in gate.targets))  # (in order: it numbers the targets)
        # (the databases it is built on besides its own: what hyperscan misses depends on a database's makeup)
        # (and Python's Unicode tables, which stand-ins and case folding follow)
        parts = [_code_digest(), regex.__version__, unicodedata.unidata_version, *rules,
                 *("base " + name for name in gate.bases)]
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
        from ..detect import _norm_part, _raw_part, gate_verdicts  # (detect imports this module)
        from ..kinds.line_match import LineView

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
        # the raw view's expressions not all in ASCII leave every line with a character outside ASCII unjudged, a
        # no-break space or a long s included (which the case-folded text may not show): their alternatives' keys
        # are looked for on those lines; the others judge such lines through stand-ins (see `_keys_outside_ascii`
        # for the lines they cannot)
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

    def plan(self, matcher) -> tuple[tuple[int, ...], frozenset[int]]:
        """For a matcher: (its alternatives that need no key, the ids of the keys the others need). Every matcher's
        is asked for at the start (which kinds may claim in a document); which alternatives need which key
        (`_alternatives_by_key`) only for a matcher one of whose keys a document holds."""
        got = self._plans.get(id(matcher))
        if got is None or got[0] is not matcher:
            index = self._index
            everywhere, kids = [], set()
            for b, keys in self._keys_of_alternatives(matcher):
                if keys is None:
                    everywhere.append(b)
                else:
                    kids.update(map(index.__getitem__, keys))
            got = self._plans[id(matcher)] = (matcher, (tuple(everywhere), frozenset(kids)))
        return got[1]

    def _alternatives_by_key(self, matcher) -> dict[int, list[int]]:
        """For a matcher: key id -> its alternatives that need that key."""
        got = self._by_keys.get(id(matcher))
        if got is None or got[0] is not matcher:
            index = self._index
            by_key: dict[int, list[int]] = {}
            for b, keys in self._keys_of_alternatives(matcher):
                for k in keys or ():
                    by_key.setdefault(index[k], []).append(b)
            got = self._by_keys[id(matcher)] = (matcher, by_key)
        return got[1]

    def _keys_of_alternatives(self, matcher):
        """(alternative, the keys one of which a line it matches holds, or None when it needs none), for each."""
        for b, keys in enumerate(matcher.branch_anchors):
            if keys is None and self._narrowed(matcher, b):
                keys = _line_keys(matcher, b)  # (its first further requirement)
            yield b, keys

    def _narrowed(self, matcher, b: int) -> bool:
        """Whether `keyed_lines` narrows alternative b's lines by further requirements (`_further` gives them)."""
        if not self._requires:
            return False
        reqs = getattr(matcher, "branch_requires", ())
        reqs = reqs[b] if b < len(reqs) else ()
        index = self._index
        return bool(reqs) and all(k in index for r in reqs for k in r)

    def _further(self, matcher, b: int) -> tuple[tuple[int, ...], ...]:
        """The key ids of the further requirements `keyed_lines` narrows alternative b's lines by (for a keyless
        alternative, those after the first, whose keys `plan` gave it). Worked out for an alternative when a
        document's keys first pick it: a matcher's all at once cost ~9 ms of the seed article's command line, for
        the few a short text picks."""
        got = self._furthers.get(id(matcher))
        if got is None or got[0] is not matcher:
            got = self._furthers[id(matcher)] = (matcher, {})
        known = got[1]
        out = known.get(b)
        if out is None:
            out = ()
            if self._narrowed(matcher, b):
                index = self._index
                out = tuple(tuple(index[k] for k in r) for r in matcher.branch_requires[b])
                if matcher.branch_anchors[b] is None:
                    out = out[1:]
            known[b] = out
        return out

    def keyed_lines(self, matcher, hits: "Hits") -> tuple[dict, tuple[int, ...]]:
        """By keys alone, over the whole text (without the gate, or for a `keyed` matcher): line -> the alternatives
        of the matcher worth trying on it, as one int or, from the second on, a set (the form of `round_lines`); and
        the alternatives that need no key. Those are worth trying on every line, and are left out of the dict rather
        than added to every line of the text: the caller narrows to its zone first."""
        everywhere, keys = self.plan(matcher)
        present = keys & hits.keys
        if not present:  # (most matchers in most documents)
            return _NO_LINES, everywhere
        by_key = self._alternatives_by_key(matcher)
        lines = hits.lines
        # (only the keys-only backends narrow by them: with the gate, every key was assumed)
        narrow = not hits.assumed
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
            # a line it matches holds a key of each of its further requirements too
            for required in self._further(matcher, b) if narrow else ():
                present = [lines[k] for k in required if k in lines]
                found = found.intersection(*present) if len(present) == 1 else found & set().union(*present)
                if not found:
                    break
            if found:
                per = _with_alternative(per, found, b)
        return per, everywhere

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
        view's, `parts`: the raw text's, the same lines): those of normalised-view alternatives the gate cannot judge
        through ASCII stand-ins (not written in ASCII), on lines of the view with a character that normalising does
        not make ASCII; those of raw-view ones it cannot, on lines of the raw text outside ASCII; and every key on
        lines the gate does not judge through stand-ins at all (a character without one, or folding into several:
        see `raw_stand_ins`). Lines outside ASCII are picked by tests that `map` and `compress` run in C: in a
        document in another script they are most lines, where a search from one to the next, or a Python step per
        line, costs several times more."""
        if self._foreign_engine is not None:
            numbers = _not_ascii(lines)
            numbers = list(compress(numbers, map(_FOREIGN.search, map(lines.__getitem__, numbers))))
            _find_on_lines(self._foreign_engine, lines, numbers, self._foreign, hits)
        outside = _not_ascii(parts)
        if self._raw_engine is not None:
            _find_on_lines(self._raw_engine, lines, outside, self._raw_keys, hits)
        lacking = [i for i in outside if raw_stand_ins(parts[i]) is None]
        if lacking:  # (every key: of the raw view's alternatives and, where a character has no stand-in, the others')
            _find_on_lines(self._engine, lines, lacking, range(len(self.keys)), hits)

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
