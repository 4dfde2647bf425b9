"""A cached gate database reused for a rule set close to the one it was built for.

A hyperscan database of the built-in packs takes about a minute to compile. Compiled anew for every rule set, a
user's one-rule pack added to them (`--rules`), one category left out (`--ignore`), or a built-in pack edited would
each cost that minute before the first document, and again after every edit of the pack. Instead, a new set's
expressions are looked for among those of a large database already in the cache: when it holds nearly all of them,
it is scanned as it is — the matches of the expressions the set does not have are dropped — and only the few it
lacks are compiled, into a small second database.

Scanning two databases, one of them larger than needed, costs a little more than scanning the set's own. What
hyperscan 0.9 lets through may differ with a database's other expressions: it sometimes misses an expression on a
line it matches, depending on what else the database holds (`Prefilter._drop_misses`, class 9 of
tests/test_gate_fuzz_findings.py). Built on a base or not, a gate is checked for such misses on the rules'
examples, and an alternative it misses there is judged by its keys; that check is kept by the base the set was
built on. Misses on other text are as possible as with the set's own database, no more.

Each database of REUSE_MIN expressions or more has a listing of them beside it (`.exprs`: its flags and engine
version, then the expressions, each led by its length), which is what is searched."""

from __future__ import annotations

from pathlib import Path

from ..packcache import read_numbers, touch, write_cache

# below this many expressions a set's own database compiles in a few seconds: not worth scanning a larger one
REUSE_MIN = 500
# a base is taken when it lacks at most this share of the set's expressions (compiled beside it) ...
MOST_NEW = 0.1
# ... and at most this share of its own expressions is of no use to the set (scanned for nothing)
MOST_UNUSED = 0.5
# the listings looked at, the most recently used first (a cache folder may hold many older databases)
CANDIDATES = 8


class Base:
    """A cached database a set can be built on: its file, and for each expression id in it, the index of the same
    expression in the set (-1 when the set does not have it)."""

    __slots__ = ("listing", "file", "local_of", "size")

    def __init__(self, listing: Path, local_of: list[int]):
        self.listing = listing
        self.file = listing.with_suffix(".db")
        self.local_of = local_of
        self.size = len(local_of)


def _header(flags: int, version: str) -> bytes:
    return b"nlcleaner gate listing 1\0%d\0%s\0" % (flags, version.encode())


def write_listing(db_file: Path, exprs: list[bytes], flags: int, version: str) -> None:
    """List a database's expressions beside it, when it is large enough to be a base."""
    if len(exprs) < REUSE_MIN:
        return
    listing = db_file.with_suffix(".exprs")
    if listing.exists():
        return
    body = b"".join(b"%d:%s" % (len(e), e) for e in exprs)
    write_cache(listing, _header(flags, version) + body)


def _read_listing(listing: Path, flags: int, version: str) -> list[bytes] | None:
    """The expressions a listing names, None when it is not of this engine's version and flags (or unreadable)."""
    try:
        data = listing.read_bytes()
    except OSError:
        return None
    head = _header(flags, version)
    if not data.startswith(head):
        return None
    out, at = [], len(head)
    try:
        while at < len(data):
            colon = data.index(b":", at)
            end = colon + 1 + int(data[at:colon])
            out.append(data[colon + 1:end])
            at = end
    except ValueError:
        return None
    return out if at == len(data) else None


def find_bases(folder: Path | None, exprs: list[bytes], flags: int, version: str):
    """The cached databases a gate of `exprs` may be built on (see the module's docstring), the one holding most of
    them first; a generator, so that nothing is searched when the caller takes a base it recorded (`recorded`)."""
    if folder is None or len(exprs) < REUSE_MIN:
        return
    first: dict[bytes, int] = {}
    for k, e in enumerate(exprs):
        first.setdefault(e, k)
    dated = []
    for listing in folder.glob("gate-*.exprs"):
        try:  # (one pruned by another process meanwhile is passed over)
            dated.append((listing.stat().st_mtime, listing))
        except OSError:
            continue
    found = []
    for _, listing in sorted(dated, reverse=True)[:CANDIDATES]:
        theirs = _read_listing(listing, flags, version)
        if theirs is None:
            continue
        # only what the database holds counts (hyperscan may have refused an expression)
        kept = read_numbers(listing.with_suffix(".kept"), len(theirs))
        if kept is None or not listing.with_suffix(".db").exists():
            continue
        local_of = [-1] * len(theirs)
        covered: set[int] = set()
        for i in kept:
            k = first.get(theirs[i], -1)
            local_of[i] = k
            if k >= 0:
                covered.add(k)
        unused = len(kept) - sum(1 for i in kept if local_of[i] >= 0)
        if len(exprs) - len(covered) > MOST_NEW * len(exprs) or unused > MOST_UNUSED * len(kept):
            continue
        found.append((len(covered), Base(listing, local_of)))
    for _, base in sorted(found, key=lambda f: -f[0]):
        yield base


def touch_listing(db_file: Path) -> None:
    """Mark a database's listing in use with the database (the search looks at the most recently used first)."""
    touch(db_file.with_suffix(".exprs"))


def record(own: Path, base: Base) -> None:
    """Remember, beside where a set's own database would be cached (`own`), the base it was built on and how its
    expressions map to the set's: the next start takes it at once, without searching the cache folder (tens of
    milliseconds in a folder of thousands of files) and reading listings."""
    numbers = " ".join(str(k + 1) for k in base.local_of)  # (-1, none of the set's, as 0)
    write_cache(own.with_suffix(".base"), f"{base.file.name} {base.size}\n{numbers}".encode())


def recorded(own: Path | None, n: int) -> Base | None:
    """The base `record` remembered for a set of `n` expressions, while its database's listing is still there."""
    if own is None:
        return None
    try:
        head, numbers = own.with_suffix(".base").read_text().split("\n", 1)
        name, size = head.split(" ")
        local_of = [int(k) - 1 for k in numbers.split()]
        if len(local_of) != int(size) or not all(-1 <= k < n for k in local_of):
            return None
    except (OSError, ValueError):
        return None
    listing = (own.parent / name).with_suffix(".exprs")
    if not listing.exists():
        return None
    touch(own.with_suffix(".base"))
    return Base(listing, local_of)
