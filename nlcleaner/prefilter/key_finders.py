"""Finding literal keys in a text: the backends, and the lines their matches fall on.

- `hyperscan` (optional extra `nlcleaner[hyperscan]`, picked automatically when importable),
- `ahocorasick` (pyahocorasick, a default dependency),
- `python` (no compiled dependency).
The last two look for keys word by word (`_ByWords`), pyahocorasick or a trie-shaped `re` alternation telling only
which keys a word not met before holds. The same keys give the same lines with each (tests/test_prefilter.py).
`NLCLEANER_PREFILTER=hyperscan|ahocorasick|python` forces one."""

from __future__ import annotations

import os
import re
import threading
from bisect import bisect_right
from itertools import accumulate

from .. import normalise as normalise_module
from ..errors import ConfigError
from ..normalise import PIECE, split_lines
from ..packcache import digest, touch, write_cache

BACKENDS = ("hyperscan", "ahocorasick", "python")
_ENV = "NLCLEANER_PREFILTER"


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


_SCRATCH = threading.local()


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
                touch(cached)  # in use: not pruned
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
    from ..packcache import cache_dir

    folder = cache_dir()
    if folder is None:
        return None
    joined = "\0".join(keys)
    if joined.count("\0") == len(keys) - 1:  # (no key holds a NUL: the joined keys name the list, ~10x sooner)
        h = digest(b"keys with the newline as id 0, v3\0", [joined.encode("utf-8", "surrogatepass")])
    else:
        h = digest(b"keys with the newline as id 0, v2\0", (k.encode("utf-8", "surrogatepass") for k in keys))
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

    def __getstate__(self):
        # (a Cleaner's snapshot keeps pyahocorasick's engine) without what it remembers of the words and lines it met:
        # the text of the documents a process cleaned has no place in a cache file
        return {**self.__dict__, "_words": {}, "_lines": {}}

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


_ONE_LINE_SET = 1 << 16  # bytes: a line longer than this, alone in its text, has its keys found as a set


def utf8(text: str) -> bytes:
    """The text as UTF-8 (lone surrogates kept), encoded by pieces when long: encoding a whole text with characters
    outside the BMP needs four bytes a character on the way."""
    piece = normalise_module.PIECE
    if len(text) <= piece:
        return text.encode("utf-8", "surrogatepass")
    return b"".join([text[i:i + piece].encode("utf-8", "surrogatepass") for i in range(0, len(text), piece)])


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
