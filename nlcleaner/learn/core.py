"""`learn`: two passes over the corpus (see count.py), then the findings (see choose.py)."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

import regex

from ..source import host_of
from .count import HEAD, KMV, TAIL, Group, Limits, Sketch, h64, head_end, tail_start
from .fold import fold, letters, line_key
from .inputs import SKIPPED, ReadOptions, Unit, read_unit, split, units

_UNDECODABLE = regex.compile("[\ud800-\udfff]")
_CONTEXT = 3  # lines kept before and after an example line
_CONTEXT_CHARS = 160  # a context line longer than this is shortened in examples


@dataclass(frozen=True)
class LearnOptions:
    read: ReadOptions = field(default_factory=ReadOptions)
    min_docs: int = 5  # a line must recur in at least this many distinct documents of a source
    min_share: float = 0.1  # ... and in at least this share of them
    body_min_share: float = 0.3  # share needed by a line that is not mostly in the tail (or head) zone
    short_chars: int = 20  # lines shorter than this (folded) are weak evidence ...
    short_min_share: float = 0.2  # ... and need this share
    zone_share: float = 0.8  # a line is a tail (head) finding when this share of its documents has it there
    tail_zone: float = 0.35
    head_zone: float = 0.2
    min_letters: int = 3  # lines with fewer letters are never counted
    max_chars: int = 500  # longer lines are never counted
    max_rules: int = 50  # findings kept per source
    cap: int = 2000  # candidate lines counted exactly per source
    sketch_mb: int = 64  # most memory the count-min sketch may take (it is smaller for small corpora)
    sketch_width: int | None = None  # counters per row; None: from sketch_mb and the corpus size
    examples: int = 3
    jobs: int = 1

    @property
    def limits(self) -> Limits:
        return Limits(min_docs=self.min_docs, cap=self.cap, examples=self.examples)


    def width_for(self, total_bytes: int) -> int:
        """Counters per row: about one per 16 input bytes (a few per line), within sketch_mb; a power of two."""
        if self.sketch_width:
            return self.sketch_width
        most = max(1 << 12, (self.sketch_mb << 20) // (4 * 4))
        want = max(1 << 12, total_bytes // 16)
        width = 1 << 12
        while width < want and width * 2 <= most:
            width *= 2
        return width

    @property
    def lowest_share(self) -> float:
        return min(self.min_share, self.body_min_share, self.short_min_share)


@dataclass
class Corpus:
    """What the passes saw: per-source groups of counted candidates, and document totals."""

    groups: dict  # name -> Group
    documents: int = 0  # documents read (duplicates included)
    unsourced: int = 0  # documents skipped for lacking a source
    skipped: dict = field(default_factory=dict)  # why -> files or records read_unit skipped (not text, bad records)
    saturation: float = 0.0  # share of sketch counters at or above min-docs: near 1, every line is a candidate


def _group_of(source: str | None, options: LearnOptions) -> str | None:
    if source is None:
        return None if options.read.source_field else ""
    return host_of(source)


def _lines(text: str) -> list[str]:
    parts = text.split("\n")
    if parts and parts[-1] == "":
        parts.pop()
    return [p[:-1] if p.endswith("\r") else p for p in parts]


def _counted(lines: list[str], options: LearnOptions):
    """(index, raw line, view, folded, tokens) of each line that may be counted."""
    for i, raw in enumerate(lines):
        s = raw.strip()
        if not s or len(s) > options.max_chars:
            continue
        if not s.isascii() and _UNDECODABLE.search(s):
            continue  # undecodable bytes: a rule could not be written from it
        view, folded, toks = fold(s)
        if letters(folded) < options.min_letters:
            continue
        yield i, s, view, folded, toks


PARAGRAPH_JOIN = " / "  # joins the lines' keys in a paragraph's key (a line's key never holds "/")
_MAX_PARAGRAPH = 8


def _units(lines: list[str], options: LearnOptions, t0: int = 0, h1: int = 0) -> dict:
    """What one document offers for counting: each countable line, and each paragraph of 2 to 8 countable lines.
    folded key -> [flags, first line, last line, raw text, normalised view(s), tokens]; a key found twice keeps the first and
    ORs the zone flags."""
    units: dict[str, list] = {}
    by_index = {}
    for i, s, view, folded, toks in _counted(lines, options):
        by_index[i] = (s, view, folded)
        flags = (TAIL if i >= t0 else 0) | (HEAD if i < h1 else 0)
        if folded in units:
            units[folded][0] |= flags
        else:
            units[folded] = [flags, i, i, s, view, toks]
    i, n = 0, len(lines)
    while i < n:
        if not lines[i].strip():
            i += 1
            continue
        j = i
        while j + 1 < n and lines[j + 1].strip():
            j += 1
        if 2 <= j - i + 1 <= _MAX_PARAGRAPH and all(k in by_index for k in range(i, j + 1)):
            rows = [by_index[k] for k in range(i, j + 1)]
            folded = PARAGRAPH_JOIN.join(r[2] for r in rows)
            flags = (TAIL if j >= t0 else 0) | (HEAD if i < h1 else 0)
            if folded in units:
                units[folded][0] |= flags
            else:
                units[folded] = [flags, i, j, "\n".join(r[0] for r in rows), tuple(r[1] for r in rows), None]
        i = j + 1
    return units


# pass 1 -------------------------------------------------------------------------------------------------------------


_SIZE_K = 256  # documents per source counted exactly in pass 1 (an estimate beyond)


def _pass1(shard: list[Unit], options: LearnOptions, width: int):
    sketch = Sketch(width)
    sizes: dict[str, KMV] = {}  # distinct texts per source
    documents = unsourced = 0
    skipped: dict[str, int] = {}
    for unit in shard:
        for text, source, _key in read_unit(unit, options.read):
            if text is SKIPPED:
                skipped[source] = skipped.get(source, 0) + 1
                continue
            documents += 1
            group = _group_of(source, options)
            if group is None:
                unsourced += 1
                continue
            size = sizes.get(group)
            if size is None:
                size = sizes[group] = KMV(_SIZE_K)
            size.add(h64(text))
            for folded in _units(_lines(text), options):
                sketch.add(h64(group, folded))
    return sketch, sizes, documents, unsourced, skipped


def _needs(sizes: dict, options: LearnOptions) -> dict[str, int]:
    """The estimate a line of each source must reach to be counted in pass 2: `min_docs`, or the share of the
    source's documents the most lenient threshold asks for (less a fifth where the source size is an estimate)."""
    out = {}
    for group, size in sizes.items():
        n = size.count()
        if n < options.min_docs:
            continue
        slack = 1.0 if n < _SIZE_K else 0.8
        out[group] = max(options.min_docs, int(options.lowest_share * n * slack))
    return out


# pass 2 -------------------------------------------------------------------------------------------------------------


def _pass2(shard: list[Unit], options: LearnOptions, sketch: Sketch, needs: dict):
    limits = options.limits
    groups: dict[str, Group] = {}
    for unit in shard:
        for text, source, key in read_unit(unit, options.read):
            if text is SKIPPED:
                continue
            group = _group_of(source, options)
            need = needs.get(group) if group is not None else None
            if need is None:
                continue
            g = groups.get(group)
            if g is None:
                g = groups[group] = Group.new(group, limits)
            text_h = h64(text)
            ident_h = h64(key) if key else text_h
            g.by_text.add(text_h)
            g.by_ident.add(ident_h)
            lines = _lines(text)
            n = len(lines)
            t0, h1 = tail_start(n, options.tail_zone), head_end(n, options.head_zone)
            for folded, (flags, i, j, s, view, toks) in _units(lines, options, t0, h1).items():
                k = h64(group, folded)
                est = sketch.estimate(k)
                if est < need:
                    continue
                item = g.slot(k, folded, est, limits)
                if item is None:
                    continue
                item.by_text.add(text_h, flags)
                item.by_ident.add(ident_h, flags)
                lk = line_key(view) if toks is not None else "\n".join(line_key(v) for v in view)
                item.add_variant(lk, h64(lk), s, toks, limits.variants)
                item.chars = max(item.chars, len(s))
                item.add_example(_example(text_h, i, j, lines), limits.examples)
    return groups


def _example(text_h: int, i: int, j: int, lines: list[str]) -> tuple:
    def near(indices):
        out = []
        for k in indices:
            s = lines[k].strip()
            if s and (s.isascii() or not _UNDECODABLE.search(s)):
                out.append(_shorten(s))
                if len(out) == _CONTEXT:
                    break
        return tuple(out)

    before = near(range(i - 1, -1, -1))[::-1]
    after = near(range(j + 1, len(lines)))
    return ((text_h, i, j), before, "\n".join(x.strip() for x in lines[i:j + 1]), after)


def _shorten(s: str) -> str:
    if len(s) <= _CONTEXT_CHARS:
        return s
    cut = s[:_CONTEXT_CHARS].rsplit(" ", 1)[0]
    return cut + " …"


# both passes --------------------------------------------------------------------------------------------------------


def _shards(all_units: list[Unit], jobs: int) -> list[list[Unit]]:
    """One shard per job, of about equal size (big plain JSONL files are cut into byte ranges first)."""
    if jobs <= 1:
        return [all_units]
    pieces = [p for u in all_units for p in split(u, jobs)]
    if len(pieces) <= 1:
        return [pieces]
    shards: list[list[Unit]] = [[] for _ in range(min(jobs, len(pieces)))]
    loads = [0] * len(shards)
    for u in sorted(pieces, key=lambda u: (-u.size(), u)):
        k = loads.index(min(loads))
        shards[k].append(u)
        loads[k] += u.size()
    return shards


def count(paths, options: LearnOptions) -> Corpus:
    """Read the corpus twice (it must be files) and return exact statistics of its candidate lines."""
    all_units = units(paths, options.read)
    width = options.width_for(sum(u.size() for u in all_units))
    shards = _shards(all_units, options.jobs)
    limits = options.limits
    n = len(shards)
    if options.jobs > 1 and n > 1:
        with ProcessPoolExecutor(max_workers=options.jobs) as pool:
            sketch, sizes, documents, unsourced, skipped = _merge1(list(pool.map(_pass1, shards, [options] * n,
                                                                                 [width] * n)))
            needs = _needs(sizes, options)
            seconds = list(pool.map(_pass2, shards, [options] * n, [sketch] * n, [needs] * n))
    else:
        sketch, sizes, documents, unsourced, skipped = _merge1([_pass1(s, options, width) for s in shards])
        needs = _needs(sizes, options)
        seconds = [_pass2(s, options, sketch, needs) for s in shards]
    groups: dict[str, Group] = {}
    for part in seconds:
        for name, g in part.items():
            if name not in groups:
                groups[name] = g
            else:
                groups[name].merge(g, limits)
    return Corpus(groups, documents, unsourced, saturation=sketch.saturation(options.min_docs), skipped=skipped)


def _merge1(parts):
    sketch, sizes, documents, unsourced, skipped = parts[0]
    for other, osizes, d, u, why in parts[1:]:
        sketch.merge(other)
        for k, v in osizes.items():
            if k in sizes:
                sizes[k].merge(v)
            else:
                sizes[k] = v
        documents += d
        unsourced += u
        for k, v in why.items():
            skipped[k] = skipped.get(k, 0) + v
    return sketch, sizes, documents, unsourced, skipped
