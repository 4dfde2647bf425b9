"""Counting recurring lines per source with bounded memory, so that the result does not depend on input order or on
the number of jobs.

Pass 1 adds every (source, folded line) of every document to a count-min sketch: a fixed-size table whose estimate
of a line's count is never below the true count. Pass 2 reads the corpus again and keeps exact statistics only for
lines whose estimate reaches `min_docs`, at most `cap` lines per source, chosen by a fixed priority (estimate, hash):
an item evicted once can never come back, so whatever the order, the kept items are the same and their counts exact.

Distinct documents are counted with k-minimum-values samples of document hashes (exact up to k documents, an
estimate beyond), once by text and once by id/url, and the smaller count wins: copies of one document (same text,
same id or same url) count once without remembering every document seen.
"""

from __future__ import annotations

import heapq
import math
from array import array
from dataclasses import dataclass, field
from hashlib import blake2b

_MASK64 = (1 << 64) - 1


def h64(*parts: str) -> int:
    h = blake2b(digest_size=8)
    for p in parts:
        h.update(p.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return int.from_bytes(h.digest(), "big")


class Sketch:
    """A count-min sketch of `depth` rows of `width` (a power of two) 32-bit counters. Adding is commutative, so
    sketches of shards merge exactly by addition."""

    def __init__(self, width: int = 1 << 20, depth: int = 4):
        if width & (width - 1):
            raise ValueError("sketch width must be a power of two")
        self.width, self.depth = width, depth
        self.table = array("I", bytes(4 * width * depth))

    def _cells(self, h: int):
        lo, hi = h & 0xFFFFFFFF, (h >> 32) | 1
        mask, w = self.width - 1, self.width
        return [((lo + r * hi) & mask) + r * w for r in range(self.depth)]

    def add(self, h: int) -> None:
        t = self.table
        for c in self._cells(h):
            if t[c] < 0xFFFFFFFF:
                t[c] += 1

    def estimate(self, h: int) -> int:
        t = self.table
        return min(t[c] for c in self._cells(h))

    def saturation(self, level: int) -> float:
        """The share of the first row's counters at or above `level`."""
        row = self.table[: self.width]
        return sum(1 for v in row if v >= level) / self.width

    def merge(self, other: "Sketch") -> None:
        t, o = self.table, other.table
        for i, v in enumerate(o):
            if v:
                t[i] = min(t[i] + v, 0xFFFFFFFF)


class KMV:
    """The k smallest distinct 64-bit hashes seen, each with flags (OR-ed): a distinct count, exact up to k, and a
    uniform sample of the distinct items for shares (what part of the documents had the line in the tail)."""

    __slots__ = ("k", "items", "_heap")

    def __init__(self, k: int):
        self.k = k
        self.items: dict[int, int] = {}
        self._heap: list[int] = []  # negated hashes: the largest kept hash on top

    def add(self, h: int, flags: int = 0) -> None:
        items = self.items
        if h in items:
            items[h] |= flags
            return
        if len(items) < self.k:
            items[h] = flags
            heapq.heappush(self._heap, -h)
        elif h < -self._heap[0]:
            del items[-heapq.heappushpop(self._heap, -h)]
            items[h] = flags

    def merge(self, other: "KMV") -> None:
        for h, f in other.items.items():
            self.add(h, f)

    def count(self) -> int:
        n = len(self.items)
        if n < self.k:
            return n
        largest = -self._heap[0]
        return max(n, int((self.k - 1) / ((largest + 1) / (1 << 64))))

    def share(self, flag: int) -> float:
        if not self.items:
            return 0.0
        return sum(1 for f in self.items.values() if f & flag) / len(self.items)


TAIL, HEAD = 1, 2


@dataclass
class Item:
    """Exact statistics of one recurring (source, folded line)."""

    key: int
    folded: str
    estimate: int
    by_text: KMV
    by_ident: KMV
    variants: dict = field(default_factory=dict)  # line key -> (hash, smallest raw line, tokens)
    overflow: bool = False  # more distinct variants were seen than are kept
    examples: list = field(default_factory=list)  # sorted [(sort key, before lines, raw line, after lines)]
    chars: int = 0  # longest raw variant seen

    def docs(self) -> int:
        return min(self.by_text.count(), self.by_ident.count())

    def merge(self, other: "Item", limits: "Limits") -> None:
        self.by_text.merge(other.by_text)
        self.by_ident.merge(other.by_ident)
        for lk, (vh, raw, toks) in other.variants.items():
            self.add_variant(lk, vh, raw, toks, limits.variants)
        self.overflow = self.overflow or other.overflow
        for ex in other.examples:
            self.add_example(ex, limits.examples)
        self.chars = max(self.chars, other.chars)

    def add_variant(self, lk: str, vh: int, raw: str, toks: list, cap: int) -> None:
        old = self.variants.get(lk)
        if old is not None:
            if raw < old[1]:
                self.variants[lk] = (vh, raw, toks)
            return
        self.variants[lk] = (vh, raw, toks)
        if len(self.variants) > cap:
            worst = max(self.variants, key=lambda k: (self.variants[k][0], k))
            del self.variants[worst]
            self.overflow = True

    def add_example(self, ex: tuple, cap: int) -> None:
        exs = self.examples
        if len(exs) >= cap and ex[0] >= exs[-1][0]:
            return
        if any(e[0] == ex[0] for e in exs):
            return
        exs.append(ex)
        exs.sort(key=lambda e: e[0])
        del exs[cap:]


@dataclass(frozen=True)
class Limits:
    min_docs: int = 5
    cap: int = 2000  # candidate lines kept per source
    doc_k: int = 64  # KMV size per line: distinct documents counted exactly up to this
    group_k: int = 1024  # KMV size per source
    variants: int = 8
    examples: int = 3


@dataclass
class Group:
    """Pass-2 state of one source."""

    name: str
    by_text: KMV
    by_ident: KMV
    items: dict = field(default_factory=dict)  # key -> Item
    _heap: list = field(default_factory=list)  # (estimate, key) of kept items, the lowest priority on top

    @classmethod
    def new(cls, name: str, limits: Limits) -> "Group":
        return cls(name, KMV(limits.group_k), KMV(limits.group_k))

    def docs(self) -> int:
        return min(self.by_text.count(), self.by_ident.count())

    def slot(self, key: int, folded: str, estimate: int, limits: Limits) -> Item | None:
        """The item for this line, created if its priority earns a place; None when it does not."""
        item = self.items.get(key)
        if item is not None:
            return item
        prio = (estimate, key)
        if len(self.items) >= limits.cap:
            if prio < self._heap[0]:
                return None
            _, gone = heapq.heappushpop(self._heap, prio)
            del self.items[gone]
        else:
            heapq.heappush(self._heap, prio)
        item = self.items[key] = Item(key, folded, estimate, KMV(limits.doc_k), KMV(limits.doc_k))
        return item

    def merge(self, other: "Group", limits: Limits) -> None:
        self.by_text.merge(other.by_text)
        self.by_ident.merge(other.by_ident)
        for key, item in other.items.items():
            mine = self.slot(key, item.folded, item.estimate, limits)
            if mine is None:
                continue
            if mine is item:
                continue
            if not mine.by_text.items and not mine.examples:
                self.items[key] = item  # freshly made: take the other one whole
            else:
                mine.merge(item, limits)


def tail_start(n: int, tail_zone: float) -> int:
    """The first line of the tail zone, as the engine computes it (detect.Round)."""
    return n - max(3, math.ceil(n * tail_zone)) if n else 0


def head_end(n: int, head_zone: float) -> int:
    return max(3, math.ceil(n * head_zone))
