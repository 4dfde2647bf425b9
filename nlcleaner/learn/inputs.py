"""What `learn` reads: documents as (text, source, key), from units (files) that jobs share out.

`source` is what the document's source is reduced from (a URL or host from `--source-field`, a WARC record's target
URI, the folder of a plain file, or `--source`); `key` identifies the document for duplicate detection (its id,
else its URL), or is None.

Files are found and read with corpus mode's own pieces (nlcleaner.corpus: discovery, decompression, the Parquet and
WARC/WET readers), so `learn` reads whatever `clean` reads. JSON Lines records are parsed here (only the three
fields matter), so do plain files (their folder is their source).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..document import decode
from ..errors import InputError


@dataclass(frozen=True)
class ReadOptions:
    text_field: str = "text"
    id_field: str = "id"
    source_field: str | None = None
    source: str | None = None  # one source for every document
    input_format: str | None = None  # None: by extension
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True, order=True)
class Unit:
    """One input file (or a byte range of a plain JSONL file: the records that start in it), its format, and the
    folder argument it was found under (for grouping plain files)."""

    path: str
    format: str = "text"
    root: str | None = None
    start: int = 0
    end: int | None = None

    def size(self) -> int:
        if self.end is not None:
            return self.end - self.start
        try:
            return Path(self.path).stat().st_size
        except OSError:
            return 0


SPLIT_MIN_BYTES = 1 << 22  # a range is at least this long


def split(unit: Unit, pieces: int, min_bytes: int | None = None) -> list[Unit]:
    """An uncompressed JSONL file cut into byte ranges that jobs read apart (what one reads does not depend on it)."""
    from ..corpus.compress import GZIP_MAGIC, ZSTD_MAGIC

    min_bytes = min_bytes or SPLIT_MIN_BYTES
    size = unit.size()
    if unit.format != "jsonl" or pieces <= 1 or size < 2 * min_bytes:
        return [unit]
    with open(unit.path, "rb") as fh:
        if fh.read(4).startswith((GZIP_MAGIC, ZSTD_MAGIC)):
            return [unit]
    n = min(pieces, size // min_bytes)
    cuts = [size * k // n for k in range(n + 1)]
    return [Unit(unit.path, unit.format, unit.root, a, b) for a, b in zip(cuts, cuts[1:])]


def units(paths, options: ReadOptions) -> list[Unit]:
    from ..corpus.discover import expand_folder, format_of

    out: list[Unit] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = expand_folder(path, options.include, options.exclude, options.input_format)
            out += [Unit(str(f), format_of(f, options.input_format), str(path)) for f in found]
        elif path.is_file():
            out.append(Unit(str(path), format_of(path, options.input_format), None))
        else:
            raise InputError(f"{p}: no such file or folder")
    return sorted(set(out))


def folder_source(unit: Unit) -> str:
    """The folder a plain file is grouped by: its first folder under the folder argument, else that folder itself
    (or, for a file argument, the folder holding it)."""
    f = Path(unit.path)
    if unit.root is None:
        return f.resolve().parent.name
    rel = f.relative_to(unit.root)
    return rel.parts[0] if len(rel.parts) > 1 else Path(unit.root).resolve().name


# what read_unit yields in place of a document it skips: (SKIPPED, why, None); the first pass counts them by why, and
# the command line says so (exit 2 for a file that is not text, 3 for bad records, as `clean` does)
SKIPPED = None
NOT_TEXT, BAD_RECORD, CUT_SHORT = "not-text", "bad-record", "cut-short"
SKIPPED_AS = {  # why -> how one, and several, are said
    NOT_TEXT: ("file that is not text", "files that are not text"),
    BAD_RECORD: ("record without a readable text", "records without a readable text"),  # (bad JSON, a bad WARC record)
    CUT_SHORT: ("stream cut short", "streams cut short"),
}


def read_unit(unit: Unit, options: ReadOptions) -> Iterator[tuple[str | None, str | None, str | None]]:
    """Documents of one unit: (text, source, key); for one skipped (nothing to learn from), (SKIPPED, why, None)."""
    if unit.format == "jsonl":
        yield from _jsonl(unit, options)
    elif unit.format == "parquet":
        yield from _parquet(unit, options)
    elif unit.format == "warc":
        yield from _warc(unit, options)
    else:
        try:
            text = decode(Path(unit.path).read_bytes())
        except InputError:
            yield SKIPPED, NOT_TEXT, None
            return
        yield text, options.source or folder_source(unit), None


def _stream(path: str):
    from ..corpus.compress import open_input

    return open_input(path)


def _lines_of(stream):
    rest = b""
    while True:
        block = stream.read()
        if not block:
            break
        parts = (rest + block).split(b"\n")
        rest = parts.pop()
        yield from parts
    if rest and not getattr(stream, "error", None):  # (a stream cut short: its last line is its loss, counted once)
        yield rest


def _range_lines(unit: Unit):
    """The lines that start inside [start, end) of a plain file."""
    with open(unit.path, "rb") as fh:
        if unit.start > 0:
            fh.seek(unit.start - 1)
            fh.readline()  # the rest of the line that began before the range (just its newline if none did)
        while fh.tell() < unit.end:
            line = fh.readline()
            if not line:
                break
            yield line


def _jsonl(unit: Unit, options: ReadOptions):
    stream = _stream(unit.path) if unit.end is None else None
    try:
        for raw in (_lines_of(stream) if stream is not None else _range_lines(unit)):
            if not raw.strip():
                continue
            try:
                rec = json.loads(raw)
            except (ValueError, RecursionError):
                rec = None
            text = rec.get(options.text_field) if isinstance(rec, dict) else None
            if not isinstance(text, str):
                yield SKIPPED, BAD_RECORD, None
                continue
            yield text, _source(rec.get(options.source_field) if options.source_field else None, options), \
                _key(rec.get(options.id_field), rec.get(options.source_field) if options.source_field else None)
        if stream is not None and stream.error:
            yield SKIPPED, CUT_SHORT, None
    finally:
        if stream is not None:
            stream.close()


def _parquet(unit: Unit, options: ReadOptions):
    from ..corpus.formats import parquet
    from ..corpus.formats.base import Context
    from ..corpus.mapping import Job

    ctx = Context(cleaner=None, text_field=options.text_field, id_field=options.id_field,
                  source_field=options.source_field)
    for u in parquet.read(Job(Path(unit.path), "parquet"), ctx):
        if u.payload is None:
            continue
        text, rid, src = u.payload
        if isinstance(text, str):
            yield text, _source(src, options), _key(rid, src)
        else:
            yield SKIPPED, BAD_RECORD, None


def _warc(unit: Unit, options: ReadOptions):
    from ..corpus.formats import warc
    from ..corpus.formats.base import Context
    from ..corpus.mapping import Job

    ctx = Context(cleaner=None, text_field=options.text_field)
    stream = _stream(unit.path)
    try:
        for u in warc.read(Job(Path(unit.path), "warc"), ctx, stream):
            if u.payload is None:
                if u.error:  # (a record that is not one, or what a stream cut short lost: clean counts it too)
                    yield SKIPPED, CUT_SHORT if stream.error else BAD_RECORD, None
                continue
            _head, block, _trailer, uri, _rid = u.payload
            try:
                text = decode(block)
            except InputError:
                yield SKIPPED, NOT_TEXT, None
                continue
            yield text, options.source or uri, _key(None, uri)
    finally:
        stream.close()


def _source(value, options: ReadOptions) -> str | None:
    if options.source:
        return options.source
    return value if isinstance(value, str) and value.strip() else None


def _key(rid, url) -> str | None:
    if rid is not None and not isinstance(rid, (dict, list)):
        return f"id:{rid}"
    if isinstance(url, str) and "/" in url.strip().rstrip("/").split("://", 1)[-1]:
        return f"url:{url.strip()}"
    return None
