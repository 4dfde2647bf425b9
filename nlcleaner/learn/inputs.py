"""What `learn` reads: documents as (text, source, key), grouped into units (files) that jobs share out.

`source` is what the document's source is reduced from (a URL or host from `--source-field`, the folder of a plain
file, or `--source`); `key` identifies the document for duplicate detection (its id, else its URL), or is None.

A small reader of its own covers plain-text files and folders and JSONL (.gz); corpus-mode readers take over the
other formats when they are installed (nlcleaner.corpus).
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..document import decode
from ..errors import InputError

RECORD_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".json.gz", ".jsonl.zst", ".ndjson.zst")


@dataclass(frozen=True)
class ReadOptions:
    text_field: str = "text"
    id_field: str = "id"
    source_field: str | None = None
    source: str | None = None  # one source for every document
    input_format: str | None = None  # None: by extension


@dataclass(frozen=True, order=True)
class Unit:
    """One input file, and the folder argument it was found under (for grouping plain files by folder)."""

    path: str
    root: str | None = None


def units(paths, options: ReadOptions) -> list[Unit]:
    out: list[Unit] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            out += [Unit(str(f), str(path)) for f in sorted(path.rglob("*")) if f.is_file() and not _hidden(f, path)]
        elif path.exists():
            out.append(Unit(str(path), None))
        else:
            raise InputError(f"{p}: no such file or folder")
    return sorted(set(out))


def _hidden(f: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in f.relative_to(root).parts)


def is_records(path: str, options: ReadOptions) -> bool:
    if options.input_format:
        return options.input_format != "text"
    return path.lower().endswith(RECORD_SUFFIXES)


def folder_source(unit: Unit) -> str:
    """The folder a plain file is grouped by: its first folder under the folder argument, else that folder itself
    (or, for a file argument, the folder holding it)."""
    f = Path(unit.path)
    if unit.root is None:
        return f.resolve().parent.name
    rel = f.relative_to(unit.root)
    return rel.parts[0] if len(rel.parts) > 1 else Path(unit.root).resolve().name


def read_unit(unit: Unit, options: ReadOptions) -> Iterator[tuple[str, str | None, str | None]]:
    """Documents of one unit. Records that are not JSON objects or lack a text field are skipped."""
    if is_records(unit.path, options):
        yield from _records(unit.path, options)
        return
    data = Path(unit.path).read_bytes()
    try:
        text = decode(data)
    except InputError:
        return  # binary: nothing to learn from
    yield text, options.source or folder_source(unit), None


def _open(path: str):
    low = path.lower()
    if low.endswith(".gz"):
        return gzip.open(path, "rb")
    if low.endswith(".zst"):
        import zstandard  # optional extra

        return zstandard.open(path, "rb")
    return open(path, "rb")


def _records(path: str, options: ReadOptions):
    with _open(path) as fh:
        for raw in fh:
            if not raw.strip():
                continue
            try:
                rec = json.loads(raw)
            except ValueError:
                continue
            if not isinstance(rec, dict):
                continue
            text = rec.get(options.text_field)
            if not isinstance(text, str):
                continue
            yield text, _source(rec, options), _key(rec, options)


def _source(rec: dict, options: ReadOptions) -> str | None:
    if options.source:
        return options.source
    if options.source_field:
        value = rec.get(options.source_field)
        return value if isinstance(value, str) and value.strip() else None
    return None


def _key(rec: dict, options: ReadOptions) -> str | None:
    value = rec.get(options.id_field)
    if value is not None and not isinstance(value, (dict, list)):
        return f"id:{value}"
    if options.source_field:
        url = rec.get(options.source_field)
        if isinstance(url, str) and "/" in url.strip().rstrip("/").split("://", 1)[-1]:
            return f"url:{url.strip()}"
    return None
