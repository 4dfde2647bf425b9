"""Finding the inputs: folders expand to the files worth cleaning, include/exclude globs;
and each file's format, from `--input-format` or its extension."""

from __future__ import annotations

import os
from pathlib import Path

from ..config import glob_match
from .compress import compression_of, strip_compression
from .errors import UsageError

FORMATS = ("text", "jsonl", "parquet", "warc")
_ALIASES = {"txt": "text", "plain": "text", "md": "text", "ndjson": "jsonl", "json": "jsonl", "wet": "warc"}
_JSONL = (".jsonl", ".ndjson", ".json")  # .json only compressed (Dolma shards are .json.gz)
_WARC = (".warc", ".wet", ".arc")
_TEXT = (".txt", ".md", ".markdown", ".text", ".rst")


def normal_format(name: str | None) -> str | None:
    if name is None or name.lower() == "auto":
        return None
    low = name.lower()
    low = _ALIASES.get(low, low)
    if low not in FORMATS:
        raise UsageError(f"unknown input format '{name}' (choose one of: {', '.join(FORMATS)})")
    return low


def format_of(path: str | os.PathLike, input_format: str | None = None) -> str:
    """The format of one input: `--input-format` when given, else from the name (anything unknown is text)."""
    if input_format:
        return normal_format(input_format)
    name = os.path.basename(str(path)).lower()
    compressed = compression_of(name) is not None
    base = strip_compression(name)
    if base.endswith((".jsonl", ".ndjson")) or (compressed and base.endswith(".json")):
        return "jsonl"
    if base.endswith(".parquet") or name.endswith(".pq"):
        return "parquet"
    if base.endswith(_WARC):
        return "warc"
    return "text"


# names a corpus output file must not have: nlcleaner writes records in the inputs' format, and a file named like
# this would hold JSONL (or WARC) under a name that promises something else
_NOT_RECORDS = _TEXT + (".csv", ".tsv", ".json", ".html", ".htm", ".xml", ".xlsx")


def names_other_format(path: str | os.PathLike) -> str | None:
    """The extension of an output file name that promises a format nlcleaner does not write records in (".csv",
    ".txt", an uncompressed ".json" ...), else None: a name without an extension, or with one nobody reads a
    format from (".out"), takes the inputs' format."""
    base = strip_compression(os.path.basename(str(path)).lower())
    compressed = base != os.path.basename(str(path)).lower()
    if compressed and base.endswith(".json"):
        return None  # (Dolma's shards are .json.gz: JSONL)
    return next((ext for ext in _NOT_RECORDS if base.endswith(ext)), None)


def _known(name: str) -> bool:
    low = name.lower()
    base = strip_compression(low)
    if base != low:  # compressed: only record formats
        return base.endswith(_JSONL + _WARC)
    return low.endswith(_TEXT + (".jsonl", ".ndjson", ".parquet") + _WARC)


def _matcher(folder: Path, patterns, roots):
    """gitignore-like globs (config.glob_match), relative to the folder being expanded or to one of `roots`
    (where the globs were set: the configuration file's folder or the working directory)."""
    patterns = tuple(patterns or ())
    roots = tuple(Path(r).resolve() for r in roots)
    base = folder.resolve()

    def matches(rel: str) -> bool:
        if not patterns:
            return False
        if any(glob_match(rel, p, "/", "/") for p in patterns):
            return True
        return any(glob_match(base / rel, p, root) for root in roots for p in patterns)

    return matches


def expand_folder(folder: Path, include=(), exclude=(), input_format: str | None = None,
                  skip: tuple[Path, ...] = (), roots=()) -> list[Path]:
    """Files under `folder`, sorted by their relative path. Hidden files and folders are left out, so are files
    that match `exclude`, and (unless `include` names them) files whose extension is not a known format. A binary
    file with a text extension is kept: reading it fails with one line naming it, as for a file named outright. `skip` holds folders to leave out (an --output-dir inside an input folder)."""
    skip_resolved = {s.resolve() for s in skip if s is not None}
    excluded = _matcher(folder, exclude, roots)
    included = _matcher(folder, include, roots)
    found: list[tuple[str, Path]] = []
    for dirpath, dirnames, filenames in os.walk(folder):
        here = Path(dirpath)
        keep = []
        for d in sorted(dirnames):
            sub = here / d
            rel = sub.relative_to(folder).as_posix()
            if d.startswith(".") or sub.resolve() in skip_resolved or excluded(rel):
                continue
            keep.append(d)
        dirnames[:] = keep
        for f in filenames:
            path = here / f
            rel = path.relative_to(folder).as_posix()
            if f.startswith(".") or excluded(rel):
                continue
            if include:
                if not included(rel):
                    continue
            elif not (input_format or _known(f)):
                continue
            if not path.is_file():
                continue
            found.append((rel, path))
    found.sort(key=lambda t: t[0])
    return [p for _, p in found]


def discover(inputs: list[str], include=(), exclude=(), *, input_format: str | None = None,
             skip: tuple[Path, ...] = (), roots=()) -> list[Path]:
    """Every input file in order: a file argument as given (exclude does not apply to it), a folder expanded.
    `-` stays `-` (stdin). A path that does not exist is kept; the run reports it as a failed input."""
    out: list[Path] = []
    for item in inputs:
        if item == "-":
            out.append(Path("-"))
            continue
        path = Path(item)
        if path.is_dir():
            out += expand_folder(path, include, exclude, input_format, skip, roots)
        else:
            out.append(path)
    return out
