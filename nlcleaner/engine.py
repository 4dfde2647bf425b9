"""The Cleaner: packs and settings compiled once; `clean(text)` runs detect → decide → apply to a fixpoint.

Each round works on the current text (what earlier rounds left), so tail-relative rules see the new tail; removals
are mapped back to the original text's offsets. The loop ends when a round removes nothing, which is what makes
`clean(clean(x)) == clean(x)`."""

from __future__ import annotations

import gc
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate

from . import document, packcache, snapshot
from .claims import Claim
from .decide import LIST_RULE, LIST_WHY, SANDWICH_RULE, SANDWICH_WHY, decide
from .detect import Round, first_rounds
from .errors import InputError, NLCleanerError
from .kinds import PatternTimeout, compile_rule
from .prefilter import Prefilter
from .records import Removal
from .rules.loader import builtin_pack_paths, check_unique, user_pack_paths
from .rules.model import Rule, selected
from .settings import Settings
from .source import host_of, source_matches

# a bound on the rounds, for safety only: a round removes all its rules find, and the zones that shrink with the text
# (the tail, the head: shares of its lines) take a fixed share of what is left each round, so a document of millions
# of lines of menu words needs ~40 rounds; 8 left such a document of a few hundred lines short of its fixpoint
MAX_ROUNDS = 100
# documents from this many characters are cleaned with the cyclic garbage collector paused (see Cleaner.clean)
COLLECTOR_PAUSE_CHARS = 1_000_000
# clean_many prepares the first round of texts up to this long together (a longer one's fixed costs are a small part),
# in groups of at most so many texts and characters (a group's prepared rounds are held until its texts are cleaned;
# larger groups gain next to nothing)
BATCH_CHARS = 16_384
BATCH_TEXTS = 256
BATCH_GROUP_CHARS = 1 << 18


@dataclass
class CleanResult:
    text: str
    removals: list[Removal]
    flags: list[str] = field(default_factory=list)  # "guard", "timeout:<rule>"
    held: list[Removal] = field(default_factory=list)  # removals the guard did not apply

    @property
    def changed(self) -> bool:
        return bool(self.removals)

    @property
    def applied(self) -> bool:
        """False when the guard held removals back (the document is flagged)."""
        return not self.held


class PatternTimeoutError(NLCleanerError):
    """With strict settings, a user pattern that ran out of time is an error."""


# the decision passes that act like rules: they appear in reports and listings, and can be ignored by id
CONTEXT_RULES = {SANDWICH_RULE: SANDWICH_WHY, LIST_RULE: LIST_WHY}


def _check_text(text, method: str) -> None:
    """A text to clean is a str: anything else is refused by name (bytes have `clean_bytes`), rather than with
    whatever a string method deep inside the engine raises on it."""
    if not isinstance(text, str):
        hint = " (encoded text: use clean_bytes)" if isinstance(text, (bytes, bytearray, memoryview)) else ""
        raise TypeError(f"{method}() takes text as str, not {type(text).__name__}{hint}")


class Cleaner:
    """Packs and settings compiled once; reusable, picklable (it pickles as its settings) and thread-safe."""

    def __init__(self, settings: Settings | None = None, **overrides):
        settings = settings or Settings()
        if overrides:
            settings = settings.replace(**overrides)
        self.settings = settings
        paths = builtin_pack_paths() if settings.builtin else []
        users = user_pack_paths(settings.rules, paths)
        start = snapshot.Start(settings, [*paths, *users])
        if start.state is not None:
            try:
                self._resume(*start.state)
                return
            except Exception:  # (a snapshot of another shape: built as without one)
                pass
        self._take([packcache.load(p) for p in paths] + [packcache.load(p, user=True) for p in users])
        self._prefilter = _prefilter_for(self._kinds, self.all_rules, self.packs_hash)
        if start.wanted:  # what the next Cleaner of these settings would work out again (each kind's keys too,
            # which the first document asks for): kept in the cache, for a quicker start (see `snapshot`)
            claim_keys = self._claim_keys()[0]
            start.keep((self._loaded, self._prefilter.fresh(), [claim_keys[id(k)] for k in self._kinds]))

    def _take(self, loaded: list) -> None:
        """The packs and kinds (each pack's (Pack, kinds of its rules)), and what the settings select of them."""
        packs = [pack for pack, _ in loaded]
        check_unique(packs)
        self._loaded = loaded
        self.packs = packs
        self.all_rules: list[Rule] = [r for p in packs for r in p.rules]
        self.rules = [r for r in self.all_rules if self._wanted(r.id, r.languages)]
        self.context_rules = [rid for rid in CONTEXT_RULES if self._wanted(rid, ())]
        kind_of = {id(r): k for pack, kinds in loaded for r, k in zip(pack.rules, kinds)}
        self._kinds = [kind_of[id(r)] for r in self.rules]
        self.packs_hash = _hash(p.digest for p in packs)
        self._by_id = {r.id: r for r in self.all_rules}

    def _resume(self, loaded: list, prefilter: Prefilter, claim_keys: list) -> None:
        """Take over what an earlier Cleaner of these settings kept (`snapshot`): the prefilter a fresh copy (it
        builds its gate, counts text), each kind's keys by its place."""
        self._take(loaded)
        if len(claim_keys) != len(self._kinds):
            raise ValueError("a snapshot of other kinds")
        self._prefilter = prefilter.fresh()
        self._claims = (self._prefilter, self._kinds,
                        (dict(zip(map(id, self._kinds), claim_keys)), self._kinds_of()))

    def restricted(self, rule_ids, *, context: bool = False) -> "Cleaner":
        """A copy that runs only these rules (by exact id): how a rule's examples are tested on their own."""
        wanted = set(rule_ids)
        other = object.__new__(Cleaner)
        other.__dict__.update(self.__dict__)
        other.rules = [r for r in self.all_rules if r.id in wanted]
        other.context_rules = [c for c in self.context_rules if context and c in wanted]
        kind_of = {id(r): k for r, k in zip(self.rules, self._kinds)}
        other._kinds = [kind_of.get(id(r)) or compile_rule(r) for r in other.rules]
        other._prefilter = _prefilter_for(other._kinds, self.all_rules, self.packs_hash)
        return other

    def _wanted(self, rule_id: str, languages) -> bool:
        s = self.settings
        if not selected(rule_id, s.select, s.ignore, s.extend_select):
            return False
        return not (s.languages and languages and not set(languages) & set(s.languages))

    def __getstate__(self):
        return {"settings": self.settings}

    def __setstate__(self, state):
        self.__init__(state["settings"])

    def category_of(self, rule_id: str) -> str:
        return rule_id.split(".", 1)[0]

    def rule(self, rule_id: str) -> Rule | None:
        return self._by_id.get(rule_id)

    def defer_gate(self, chars: int | None = None) -> "Cleaner":
        """Clean the first texts without building the gate over every pattern, until they reach `chars` characters
        (None: what its engine is worth waiting for; see `Prefilter.defer_gate`): for a run that may clean only a
        file or two, such as the command line's. The same results as keys alone give, which the gate agrees with
        (but for the strict xfails of tests/test_gate_fuzz_findings.py). Returns self."""
        self._prefilter.defer_gate(chars)
        return self

    def build_gate(self) -> "Cleaner":
        """Build the gate now, from the cache or compiled into it (a minute for the built-in packs the first time),
        rather than for the first document: before starting worker processes, each of which would otherwise
        compile the same database at once, and load it from the cache instead. Returns self."""
        self._prefilter.gate  # (built on first use: see Prefilter.gate)
        return self

    @property
    def gate_cached(self) -> bool:
        """Whether the gate, once built, is kept in the cache, where other processes load it from (with hyperscan
        and a cache folder)."""
        return self._prefilter.gate_cached

    # cleaning
    def clean(self, text: str, source: str | None = None) -> CleanResult:
        _check_text(text, "clean")
        self._prefilter.count_text(len(text))
        return self._clean_one(text, source)

    def _clean_one(self, text: str, source: str | None) -> CleanResult:
        if len(text) < COLLECTOR_PAUSE_CHARS or not gc.isenabled():
            return self._clean(text, source)
        # a large document makes millions of short-lived objects (line tables, sets of line numbers); the cyclic
        # collector then walks them again and again and finds nothing (they make no cycles: reference counting
        # frees them), which cost 40 % of the time on 50 MB of one-word lines; paused for this call only
        gc.disable()
        try:
            return self._clean(text, source)
        finally:
            gc.enable()

    def clean_many(self, texts, sources=None) -> list[CleanResult]:
        """`[clean(text, source) ...]` for several texts (`sources`: one a text, or None): the same results. The
        first round of the small ones (a few KB each) is prepared for a group of them at once — one key scan and one
        gate scan of all their lines — which is most of a small document's time when each pays for its own."""
        texts = list(texts)
        for text in texts:
            _check_text(text, "clean_many")
        sources = [None] * len(texts) if sources is None else list(sources)
        if len(sources) != len(texts):
            raise ValueError(f"clean_many: {len(texts)} texts but {len(sources)} sources")
        self._prefilter.count_text(sum(map(len, texts)))
        if self._prefilter.gate is None:
            return [self._clean_one(t, s) for t, s in zip(texts, sources)]
        out: list[CleanResult | None] = [None] * len(texts)
        for group in _groups([i for i, t in enumerate(texts) if len(t) <= BATCH_CHARS], texts):
            # (a group at a time: what is prepared for a text is held until it is cleaned)
            hits = self._prefilter.scan_many([texts[i] for i in group])
            for i, h, made in zip(group, hits, first_rounds(self._prefilter.gate, hits)):
                out[i] = self._clean(texts[i], sources[i], (h, made))
        return [r if r is not None else self._clean_one(t, s) for r, t, s in zip(out, texts, sources)]

    def _clean(self, text: str, source: str | None, first: tuple | None = None) -> CleanResult:
        """`first`: (the text's scan, its first round's line views and gate verdicts or None), made with other
        texts' (`clean_many`)."""
        if source:
            host = host_of(source)
            kinds = [k for k in self._kinds if k.rule.source is None or source_matches(k.rule.source, host)]
        else:
            kinds = self._unscoped_kinds()
        disabled: set[str] = set()
        flags: list[str] = []
        kept = [(0, len(text))]  # the original's intervals that make up the current text
        cuts_original: list[tuple[int, int, str]] = []
        held_original: list[tuple[int, int, str]] = []
        current = text
        rnd = None
        cuts: list = []  # the previous round's cuts (in its text's offsets)
        for _ in range(MAX_ROUNDS):
            # after cuts that took whole lines, the lines left are lines of the previous round: what was found on
            # each (keys, gate verdicts, views) is carried over instead of made again
            carry = rnd.carry(cuts) if rnd is not None else None
            hits = self._prefilter.carried(current, rnd.hits, carry.renumber) if carry is not None else None
            made = None
            if rnd is None and first is not None:
                hits, made = first
            if hits is None:
                hits = self._prefilter.scan(current)
            claim_keys, kinds_of = self._claim_keys()
            if hits.assumed:  # the gate judges the lines of every rule whose keys were not looked for: it decides
                active = kinds
            else:
                found = hits.keys
                active = [k for k in kinds if (keys := claim_keys[id(k)]) is None or not keys.isdisjoint(found)]
            if not active:  # no rule can claim anything: nothing to decide (and no line table to build)
                held_original = []
                break
            rnd = Round(current, self._prefilter, self.settings.tail_zone, self.settings.head_zone, hits, rnd, cuts,
                        carry, made)
            if self._prefilter.gate is not None:  # the hyperscan gate knows more than the keys: ask again
                active = self._live(active, rnd, kinds_of)
            claims = self._detect(rnd, active, disabled, flags)
            if not claims:  # (every document's last round, usually: nothing to decide)
                held_original = []
                break
            decision = decide(
                rnd, claims, guard=self.settings.guard, context=frozenset(self.context_rules)
            )
            held_original = _to_original(kept, decision.held)
            if "guard" in decision.flags and "guard" not in flags:
                flags.append("guard")
            if not decision.cuts:
                break
            cuts = decision.cuts
            pieces = _to_original(kept, decision.cuts)
            cuts_original += pieces
            kept = _subtract_all(kept, pieces)
            # the round's text is not read again (the next round takes over its lines, not its text): let go of it
            # before the next text is made, or a large document's third round would hold three texts at once
            rnd.text = current = None
            current = "".join(text[a:b] for a, b in kept)
        removals = _records(text, cuts_original, self.category_of)
        held = _records(text, held_original, self.category_of)
        return CleanResult(current, removals, flags, held)

    def _unscoped_kinds(self) -> list:
        """The kinds of the rules that apply whatever the document's source."""
        return self._kind_table()[0]

    def _kind_table(self) -> tuple[list, dict, frozenset]:
        """(the kinds that apply whatever the source, each of those -> its place among them, the kinds that require
        no match), computed once for these kinds."""
        got = self.__dict__.get("_table")
        if got is None or got[0] is not self._kinds:
            unscoped = [k for k in self._kinds if k.rule.source is None]
            free = frozenset(k for k in self._kinds if k.required is None)
            got = self._table = (self._kinds, (unscoped, {k: i for i, k in enumerate(unscoped)}, free))
        return got[1]

    def _claim_keys(self) -> tuple[dict, dict]:
        """`_claim_keys(prefilter, kinds)` for this Cleaner's prefilter and kinds, and (matcher id -> the kinds
        that require it), computed once for them."""
        got = self.__dict__.get("_claims")
        if got is None or got[0] is not self._prefilter or got[1] is not self._kinds:
            got = self._claims = (self._prefilter, self._kinds,
                                  (_claim_keys(self._prefilter, self._kinds), self._kinds_of()))
        return got[2]

    def _kinds_of(self) -> dict[int, list]:
        """Matcher id -> the kinds that require it."""
        kinds_of: dict[int, list] = {}
        for k in self._kinds:
            for m in k.required or ():
                kinds_of.setdefault(id(m), []).append(k)
        return kinds_of

    def _live(self, active: list, rnd, kinds_of) -> list:
        """The kinds of `active` that may claim something in this round by the gate's answer: those that need no
        match, and those a matcher they require has lines for; in their order. Usually a handful of the ~130: when
        `active` is every kind that applies to a document without a source, only those are put in order (a test of
        every kind is ~8 µs a round, a third of a one-line document's time)."""
        unscoped, position, free = self._kind_table()
        keep = {k for mid in rnd.matchers_with_lines() for k in kinds_of.get(mid, ())}
        keep.update(free)
        if active is unscoped:
            return sorted((k for k in keep if k in position), key=position.__getitem__)
        return [k for k in active if k in keep]

    def _detect(self, rnd, kinds, disabled: set, flags: list) -> list[Claim]:
        claims: list[Claim] = []
        if rnd.n == 0:
            return claims
        for kind in kinds:
            if kind.rule.id in disabled:
                continue
            try:
                claims += kind.detect(rnd)
            except PatternTimeout as exc:
                if self.settings.strict:
                    raise PatternTimeoutError(
                        f"rule '{exc.rule_id}' ({kind.rule.path}): pattern timed out (catastrophic backtracking?)"
                    ) from None
                disabled.add(exc.rule_id)
                flags.append(f"timeout:{exc.rule_id}")
        return claims

    def clean_bytes(self, data: bytes, source: str | None = None) -> tuple[bytes, CleanResult]:
        """Clean encoded text; untouched bytes stay identical. Raises InputError for binary or UTF-16/32 input."""
        return _encoded(data, self.clean(document.decode(data), source))

    def clean_bytes_many(self, datas, sources=None) -> list[tuple[bytes, CleanResult] | InputError]:
        """`clean_bytes` of each encoded text, cleaned together (`clean_many`); an input `clean_bytes` refuses is
        given back as its InputError, in its place."""
        datas = list(datas)
        texts: list = []
        for data in datas:
            try:
                texts.append(document.decode(data))
            except InputError as exc:
                texts.append(exc)
        sources = [None] * len(datas) if sources is None else list(sources)
        good = [i for i, t in enumerate(texts) if not isinstance(t, InputError)]
        results = iter(self.clean_many([texts[i] for i in good], [sources[i] for i in good]))
        return [t if isinstance(t, InputError) else _encoded(d, next(results)) for d, t in zip(datas, texts)]


def _encoded(data: bytes, result: CleanResult) -> tuple[bytes, CleanResult]:
    """The bytes of a cleaned text: the very input when nothing was removed."""
    return (document.encode(result.text) if result.changed else data), result


def _groups(numbers: list[int], texts: list[str]):
    """`numbers` (of small texts) in groups of at most BATCH_TEXTS texts and BATCH_GROUP_CHARS characters, in order."""
    group: list[int] = []
    size = 0
    for i in numbers:
        if group and (len(group) >= BATCH_TEXTS or size + len(texts[i]) > BATCH_GROUP_CHARS):
            yield group
            group, size = [], 0
        group.append(i)
        size += len(texts[i])
    if group:
        yield group


def _prefilter_for(kinds, rules, packs_hash: str) -> Prefilter:
    # a kind's `keyed` matchers (span rules) find their lines by their keys, not the gate; the gate is checked on
    # the examples of every rule loaded, selected or not (the more lines, the more of hyperscan's misses are seen),
    # and the packs' hash stands for those examples and the rules' patterns in the check's cache key
    return Prefilter.for_matchers(
        (m for k in kinds for m in k.matchers),
        keyed=[m for k in kinds for m in getattr(k, "keyed", ())],
        witnesses=[t for r in rules for t in (*r.examples_remove, *r.examples_keep)],
        witnessed_by=packs_hash,
    )


def _claim_keys(prefilter, kinds) -> dict[int, frozenset[int] | None]:
    """Per kind (by id): the key ids of which one must be in a document before it can claim anything, or None when
    it may claim in any document."""
    out: dict[int, frozenset[int] | None] = {}
    for kind in kinds:
        if kind.required is None:
            out[id(kind)] = None
            continue
        keys: set[int] = set()
        for m in kind.required:
            everywhere, needed = prefilter.plan(m)
            if everywhere:
                keys = None
                break
            keys |= needed
        out[id(kind)] = None if keys is None else frozenset(keys)
    return out


def _hash(digests) -> str:
    import hashlib

    h = hashlib.sha256()
    for d in sorted(digests):
        h.update(d.encode())
    return h.hexdigest()[:16]


def _to_original(kept, spans) -> list[tuple[int, int, str]]:
    """Map spans (start, end, rule, ...) of the current text to the original's pieces (earlier rounds may have cut
    holes between them). The kept intervals are found by bisection: a document whose rounds cut thousands of lines
    has as many intervals, and walking them from the first for every span made such a document quadratic."""
    starts = list(accumulate((b - a for a, b in kept), initial=0))  # each kept interval's start in the current text
    out = []
    for start, end, rule, *_ in spans:
        k = max(bisect_right(starts, start) - 1, 0)
        while k < len(kept) and starts[k] < end:
            a, offset = kept[k][0], starts[k]
            lo, hi = max(start, offset), min(end, starts[k + 1])
            if lo < hi:
                out.append((a + lo - offset, a + hi - offset, rule))
            k += 1
    return out


def _subtract_all(kept, pieces) -> list[tuple[int, int]]:
    """The kept intervals less the pieces (in the original's offsets), in one sweep over both in order."""
    out = []
    cuts = sorted((a, b) for a, b, _ in pieces)
    j = 0
    for a, b in kept:
        while j < len(cuts) and cuts[j][1] <= a:  # (cuts wholly before this interval are behind every later one)
            j += 1
        pos, i = a, j
        while i < len(cuts) and cuts[i][0] < b:
            x, y = cuts[i]
            if x > pos:
                out.append((pos, x))
            pos = max(pos, y)
            i += 1
        if pos < b:
            out.append((pos, b))
    return out


def _records(text: str, pieces, category_of) -> list[Removal]:
    """Sort, merge a rule's touching pieces, and number lines (1-based, inclusive) in the original text."""
    merged: list[list] = []
    for a, b, rule in sorted(pieces):
        if merged and merged[-1][2] == rule and merged[-1][1] == a:
            merged[-1][1] = b
        else:
            merged.append([a, b, rule])
    out, line, pos = [], 1, 0
    for a, b, rule in merged:
        line += text.count("\n", pos, a)
        pos = a
        end_line = line + text.count("\n", a, max(a, b - 1))
        out.append(Removal(rule, category_of(rule), line, end_line, a, b, text[a:b]))
    return out
