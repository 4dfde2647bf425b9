"""The gate: every alternative it can judge, compiled into one database per view of a line (hyperscan in prefilter
mode, or RE2 sets), which tells in one scan of a document's lines which alternatives may match which line; `regex`
then confirms only there."""

from __future__ import annotations

import os
from array import array
from bisect import bisect_right
from functools import partial
from itertools import accumulate, chain

from ..packcache import _code_digest, digest, read_numbers, source_digest, touch, write_cache, write_numbers
from .gate_forms import spelled_out
from .key_finders import BackendError, _scratch, available_backends
from .stand_ins import _all_ascii

# the gate judges lines up to this long (a longer line always passes: hyperscan in prefilter mode is slow on them)
GATE_MAX_CHARS = 100_000
# characters of text a deferred gate waits for (Prefilter.defer_gate), by its engine: about where building it and
# judging by keys cost the same, in a fresh process on dev-corpus text. `nlcleaner clean` on one file, gate built at
# once vs deferred past the file (medians of 5-7 runs, one core, after the RE2 screen was dropped): hyperscan (its
# database loads from the cache, is indexed and checked) 2 KB 0.40 vs 0.32 s, 8 KB 0.37 vs 0.34, 16 KB 0.38 vs
# 0.37, 24 KB 0.37 vs 0.40, 32 KB 0.42 vs 0.44: ~16 KB. RE2 (its sets compile anew at every start, and build their
# DFA states on the first text they scan) 8 KB 0.71 vs 0.37 s, 128 KB 1.33 vs 0.57, 512 KB 2.31 vs 1.49: later
# than that, a run pays for the keys' slower pace over the first ~128 KB (~0.3 s) and gains nothing. (Deferring
# adds the alternatives' further requirements to the keys, which costs a gated run nothing measurable: 20 MB
# in-process 1.18 s either way.)
DEFER_GATE = {"re2": 131_072, "hyperscan": 16_384}
# a hyperscan database of this many expressions or more takes seconds to compile (the built-in packs' ~5,500 about a
# minute): worth a notice first (`notices`), as the run is silent meanwhile
SLOW_COMPILE = 300


GATES = ("hyperscan", "re2")
# the sets of lines a round's gate may leave unjudged, one per kind of expression (see BranchGate.view_of)
VIEWS = ("norm", "norm-ascii", "raw", "raw-ascii")
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


class BranchGate:
    """Every gate-eligible alternative compiled with hyperscan in prefilter mode (a superset of the lines each
    alternative matches), one database per view (normalised or raw line), cached on disk by its expressions and the
    code that spells them out. One database scans about twice as fast as one per category (14 scans of every
    document); a rule set close to a cached one's (a pack added or edited, a category left out) is built on that
    database instead of compiled whole (`gate_reuse`). Only ASCII is scanned: a line with other characters is judged
    through its ASCII stand-ins (`stand_ins`) by the expressions written in ASCII, and passes for the others.

    With `engine="re2"` (hyperscan not installed), each view's expressions are RE2 sets instead (`gate_re2`):
    exact rather than a superset, the ones RE2 cannot take left out; they compile in a fraction of a second and
    are not cached."""

    def __init__(self, targets: list[tuple[object, int, str, str]], engine: str = "hyperscan"):
        self.engine = engine
        self.targets = [(m, b) for m, b, _, _ in targets]
        # target id -> which of the round's unjudged line sets applies to it: "raw", "norm", or "raw-ascii" and
        # "norm-ascii" for an expression that is all ASCII, which the gate also judges on lines with other characters
        # through their ASCII stand-ins (see `stand_ins`)
        self.view_of: dict[int, str] = {}
        groups: dict[str, list[tuple[int, bytes]]] = {}
        for tid, (m, b, pattern, view) in enumerate(targets):
            groups.setdefault(view, []).append((tid, pattern))
            self.view_of[tid] = view
        for view, exprs in groups.items():
            # (those that may judge lines through their ASCII stand-ins: ~3.5 ms at every start if not cached)
            for k in indices_where(_all_ascii, [pattern for _, pattern in exprs], "ascii"):
                self.view_of[exprs[k][0]] = view + "-ascii"
        self.expressions = [pattern for _, _, pattern, _ in targets]  # (what the check of its misses is cached by)
        if engine == "hyperscan":
            import hyperscan

            self._hs = hyperscan
            # no HS_FLAG_UTF8: the gate only scans ASCII, and with it (and CASELESS and MULTILINE) hyperscan 0.9
            # misses some `^`-anchored matches after certain earlier lines (tests/test_gate_fuzz_findings.py, class
            # 1); no MULTILINE either: line anchors are written as the newlines around a line (see `_on_lines`)
            flags = hyperscan.HS_FLAG_CASELESS | hyperscan.HS_FLAG_PREFILTER
            compile_view = partial(self._databases, flags=flags)
        else:
            from .gate_re2 import Re2Sets

            def compile_view(exprs):
                sets = Re2Sets(exprs)
                return ([(sets, None)] if sets.kept else []), sets.kept

        # the cached databases this gate is built on besides its own (see `gate_reuse`): what its check of misses
        # is kept by, with its expressions
        self.bases: list[str] = []
        # view -> its databases, each with the target id of every expression id it reports (-1: none of this gate's)
        self.dbs: dict[str, list[tuple[object, list[int]]]] = {"norm": [], "raw": []}
        kept_all: set[int] = set()
        for view, exprs in sorted(groups.items()):
            tids = [tid for tid, _ in exprs]
            parts, kept_local = compile_view([e for _, e in exprs])
            for db, local_of in parts:
                glob = tids if local_of is None else [tids[k] if k >= 0 else -1 for k in local_of]
                self.dbs[view].append((db, glob))
            kept_all.update(tids[i] for i in kept_local)
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

    def _databases(self, exprs: list[bytes], flags):
        """([(database, the index in `exprs` of each expression id it reports, -1 for none, or None when the ids
        are those indices)], indices of the expressions judged): this set's own database from the cache, else one
        in the cache holding nearly all of them with a small one of the others beside it (`gate_reuse`), else its
        own compiled (and cached)."""
        from . import gate_reuse

        cached = self._cache_file(exprs, flags)
        got = self._loaded(cached, len(exprs))
        if got is None:
            folder = None if cached is None else cached.parent
            mine = gate_reuse.recorded(cached, len(exprs))
            found = gate_reuse.find_bases(folder, exprs, flags, self._db_version())
            for base in chain([mine] if mine is not None else [], found):
                on_base = self._on_base(base, exprs, flags)
                if on_base is not None:  # (else the next: a base that does not load is passed over)
                    if base is not mine and cached is not None:
                        gate_reuse.record(cached, base)
                    return on_base
            got = self._compiled_and_cached(exprs, flags, cached)
        if cached is not None and got[0] is not None:  # (a database cached before listings were written too)
            gate_reuse.write_listing(cached, exprs, flags, self._db_version())
            gate_reuse.touch_listing(cached)
        db, kept = got
        return ([] if db is None else [(db, None)]), kept

    def _on_base(self, base, exprs: list[bytes], flags):
        """`_databases`' answer built on a base database (see `gate_reuse`); None when it does not load."""
        got = self._loaded(base.file, base.size)
        if got is None:
            return None
        db, kept = got
        parts = [(db, base.local_of)]
        judged = {base.local_of[i] for i in kept} - {-1}
        rest = [k for k in range(len(exprs)) if k not in judged]
        if rest:  # (in a database of their own, cached by their expressions as any)
            rest_db, rest_kept = self._database([exprs[k] for k in rest], flags)
            if rest_db is not None:
                parts.append((rest_db, rest))
                judged.update(rest[i] for i in rest_kept)
        self.bases.append(base.file.name)
        return parts, sorted(judged)

    def _database(self, exprs: list[bytes], flags):
        """(database, indices of the expressions in it), from the cache or compiled (and cached)."""
        cached = self._cache_file(exprs, flags)
        return self._loaded(cached, len(exprs)) or self._compiled_and_cached(exprs, flags, cached)

    def _compiled_and_cached(self, exprs: list[bytes], flags, cached):
        if len(exprs) >= SLOW_COMPILE:
            from ..notices import notice

            notice(f"compiling the gate's hyperscan database of {len(exprs):,} expressions (once: it is cached; "
                   "about a minute for the built-in packs)")
        db, kept = self._compile(exprs, flags)
        if cached is not None and db is not None:
            write_numbers(cached.with_suffix(".kept"), kept)  # (first: a database is never there without its list)
            write_cache(cached, self._hs.dumpb(db))
        return db, kept

    def _db_version(self) -> str:
        """What besides its expressions and flags decides what a database holds: hyperscan's version, and the code
        that spells expressions out (see `_compiled`)."""
        spelling = source_digest("prefilter/branches.py", "prefilter/gate_forms.py", "prefilter/syntax.py")
        return f"{getattr(self._hs, '__version__', '')} {spelling}"

    def _cache_file(self, exprs: list[bytes], flags):
        return _gate_cache_file(exprs, flags, self._db_version())

    def _loaded(self, cached, size: int):
        """(database, indices of the expressions in it) from a cache file of a database of `size` expressions, or
        None."""
        hs = self._hs
        kept = None if cached is None else read_numbers(cached.with_suffix(".kept"), size)
        if kept is None:
            return None
        try:
            db = hs.loadb(cached.read_bytes(), mode=hs.HS_MODE_BLOCK)
            db.scratch = hs.Scratch(db)  # a loaded database has none
            touch(cached)  # in use: not pruned
        except Exception:
            return None
        return db, kept

    def _compile(self, exprs: list[bytes], flags):
        """(database, indices of the expressions in it). The whole set usually compiles in one go; when hyperscan
        refuses it, each expression is tried alone and the ones it refuses are left out (their alternatives stay
        ungated)."""
        kept = list(range(len(exprs)))
        try:
            return self._compiled(exprs, kept, flags), kept
        except Exception:
            pass
        kept = [i for i in kept if self._compiles(exprs[i], flags)]
        if not kept:
            return None, []
        return self._compiled(exprs, kept, flags), kept

    def _compiled(self, exprs: list[bytes], kept: list[int], flags):
        """A database of the expressions at `kept`, each as the simpler ones it is spelt out into (`spelled_out`),
        all reporting the expression's index."""
        hs = self._hs
        parts = [(part, i) for i in kept for part in spelled_out(exprs[i])]
        db = hs.Database(mode=hs.HS_MODE_BLOCK)
        db.compile(expressions=[p for p, _ in parts], ids=[i for _, i in parts], flags=[flags] * len(parts))
        return db

    def _compiles(self, expression: bytes, flags) -> bool:
        try:
            self._compiled([expression], [0], flags)
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
                tid = glob[lid]
                if tid < 0:  # (an expression of a base database this gate does not have)
                    return
                line = bisect_right(starts, end - 1) - 1
                if 0 <= line < len(lines) and lines[line]:
                    add(tid, line)

            db.scan(data, match_event_handler=on_match, scratch=_scratch(db))


def indices_where(test, exprs: list[bytes], name: str) -> list[int]:
    """The indices of the expressions `test` holds for, kept in the cache by the expressions and the code (`name`
    names the test and its file's suffix): each such test walks an expression's pieces in Python, milliseconds for
    the built-in packs' thousands at every start."""
    cached = _gate_cache_file(exprs, 0, f"{name} {_code_digest()}")
    cached = None if cached is None else cached.with_suffix("." + name)
    found = read_numbers(cached, len(exprs))
    if found is None:
        found = [i for i, e in enumerate(exprs) if test(e)]
        write_numbers(cached, found)
    return found


def _gate_cache_file(exprs: list[bytes], flags: int, version: str):
    """Where what is built from these expressions is cached (`version`: whatever else decides what is built, the
    engine's version at least, see BranchGate.version); None when nothing is cached."""
    from ..packcache import cache_dir

    folder = cache_dir()
    if folder is None:
        return None
    # the format changes when what a database holds for the same expressions does, or how they are hashed ("gate
    # 3": each expression led by its length)
    h = digest(b"gate 3, flags %d\0" % flags, exprs)
    h.update(version.encode())
    return folder / f"gate-{h.hexdigest()[:32]}.db"
