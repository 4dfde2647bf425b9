"""JSON Lines (.jsonl, .ndjson, .json.gz, .jsonl.zst): one record a line.

A record that nothing changed is written back as the very bytes read. A changed record is edited in place: only
the text field's value (and the --annotate field) is rewritten, so key order, spacing, number spellings and
escapes of every other value stay as they were. A line that is not a JSON object, lacks the text field, holds a
text that is not a string or is not valid UTF-8 is a bad record: passed through (or to --rejects) and counted."""

from __future__ import annotations

import json
import re
from json.decoder import scanstring
from typing import Any, NamedTuple

from ...document import BINARY, BINARY_PROBE
from ..compress import BLOCK
from .base import Context, Processed, Unit, record_id

_DECODER = json.JSONDecoder()
_WS = " \t\n\r"


def read(job, ctx: Context, stream):
    """Lines of a (decompressed) stream; a damaged stream ends with one bad record: the line the damage cut and the
    compressed bytes after it (`InputStream.leftover`)."""
    index, pending = 0, []  # pending: the pieces of a line that earlier blocks began and none has ended yet
    last_pos = stream.raw_pos
    while True:
        block = stream.read(BLOCK)
        if not block:
            break
        if index == 0 and not pending and b"\x00" in block[:BINARY_PROBE]:
            # JSON text never holds a NUL (a string escapes it): a binary file with a JSONL name is refused whole,
            # as a text file is, rather than read as thousands of bad records and copied to the output
            yield Unit(payload=None, raw=b"", error=BINARY)
            return
        pos = stream.raw_pos
        advance, last_pos = pos - last_pos, pos
        exact = stream.compression is None  # uncompressed: each line advances by its own size
        start, end = 0, block.find(b"\n")
        while end >= 0:
            # each line is sliced once, its newline included (what an unchanged record writes back); a line
            # longer than a block is joined once, when it ends: held once, not copied at every block
            line = block[start:end + 1]
            if pending:
                pending.append(line)
                line = b"".join(pending)
                pending.clear()
            step = min(len(line), advance) if exact else advance
            yield Unit(payload=line, raw=line, record=index, advance=step)
            advance -= step
            index += 1
            start, end = end + 1, block.find(b"\n", end + 1)
        if start < len(block):
            pending.append(block[start:])
        block = line = None  # (neither held while the workers clean and the next block is read)
        # the end of a block: the rest of its bytes for the progress bar, and a point where a stream from stdin
        # hands what it has to the workers instead of waiting for a full chunk
        yield Unit(payload=None, raw=b"", advance=advance, meta="progress")
    rest = b"".join(pending)
    if stream.error:  # the line the damage cut, and the compressed bytes nothing could read after it
        yield Unit(payload=None, raw=rest + stream.leftover, record=index, error=stream.error, damage=True)
    elif rest:
        yield Unit(payload=rest, raw=rest, record=index)


def _ws(s: str, i: int) -> int:
    n = len(s)
    while i < n and s[i] in _WS:
        i += 1
    return i


def scan(s: str, values: bool = True):
    """The top-level members of a JSON object line: {key: (value, start, end)} (offsets of the value's text), the
    offset of the closing brace and whether members are written compactly. Raises ValueError if it is not one.
    `values=False`, for a line json.loads has read: each value None, and a string's end found without decoding it
    (an edit needs only where values are written, not a second copy of a long text beside the record's own)."""
    i = _ws(s, 1 if s.startswith("\ufeff") else 0)  # a UTF-8 BOM before the first record stays where it is
    if i >= len(s) or s[i] != "{":
        raise ValueError(f"starts with {s[i:i + 12]!r}")
    members: dict = {}
    i = _ws(s, i + 1)
    compact = None
    if i < len(s) and s[i] == "}":
        close = i
    else:
        while True:
            if i >= len(s) or s[i] != '"':
                raise ValueError(f"expected a key at column {i + 1}")
            key, i = scanstring(s, i + 1)
            i = _ws(s, i)
            if i >= len(s) or s[i] != ":":
                raise ValueError(f"expected ':' at column {i + 1}")
            if compact is None:
                compact = not s.startswith(": ", i)
            i = _ws(s, i + 1)
            if not values and s.startswith('"', i):
                value, end = None, _string_end(s, i)
            else:
                try:
                    value, end = _DECODER.raw_decode(s, i)
                except json.JSONDecodeError as exc:
                    raise ValueError(exc.msg.removesuffix(" at") + f" at column {exc.colno}") from None
            members[key] = (value if values else None, i, end)
            i = _ws(s, end)
            if i < len(s) and s[i] == ",":
                i = _ws(s, i + 1)
                continue
            if i < len(s) and s[i] == "}":
                close = i
                break
            raise ValueError(f"expected ',' or '}}' at column {i + 1}")
    if _ws(s, close + 1) != len(s):
        raise ValueError(f"extra data after the object at column {close + 2}")
    return members, close, bool(compact)


def _string_end(s: str, i: int) -> int:
    """Where the JSON string that opens at `i` ends (after its closing quote), found without decoding it: a 10 MB
    text with an emoji decodes to 40 MB, which an edit of a record that json.loads has read needs only the end of.
    The first quote not escaped closes it: one led by an even number of backslashes."""
    j = i + 1
    while True:
        j = s.find('"', j)
        if j < 0:
            raise ValueError(f"a string not closed, from column {i + 1}")
        k = j
        while s[k - 1] == "\\":
            k -= 1
        if (j - k) % 2 == 0:
            return j + 1
        j += 1


def _scanned(s: str, values: bool = True):
    """`scan`, with a value nested deeper than Python's recursion limit allows refused like any other bad line."""
    try:
        return scan(s, values)
    except RecursionError:
        raise ValueError("nested too deeply") from None


def _dump(value, ascii_only: bool, compact: bool) -> str:
    seps = (",", ":") if compact else (", ", ": ")
    text = json.dumps(value, ensure_ascii=ascii_only, separators=seps)
    if not ascii_only and not text.isascii() and _SURROGATE.search(text):
        # a lone surrogate from a \ud800 escape (what UTF-8 cannot encode): keep it escaped
        text = json.dumps(value, ensure_ascii=True, separators=seps)
    return text


_SURROGATE = re.compile("[\ud800-\udfff]")


def _kind(value) -> str:
    return {dict: "an object", list: "an array", bool: "a boolean", int: "a number", float: "a number",
            type(None): "null"}.get(type(value), type(value).__name__)


def process(line: bytes, ctx: Context) -> Processed:
    record = _record(line, ctx)
    if type(record) is Processed:
        return record
    return _cleaned(record, ctx.cleaner.clean(record.text, record.source), ctx)


def process_many(lines: list[bytes], ctx: Context) -> list[Processed]:
    """`process` of each line; their texts cleaned together (`Cleaner.clean_many`: small documents share the
    first round's scans)."""
    records = [_record(line, ctx) for line in lines]
    to_clean = [r for r in records if type(r) is not Processed]
    results = iter(ctx.cleaner.clean_many([r.text for r in to_clean], [r.source for r in to_clean]))
    return [r if type(r) is Processed else _cleaned(r, next(results), ctx) for r in records]


class _Record(NamedTuple):
    line: bytes  # as read
    size: int  # of the line without its ending
    s: str | None  # the line decoded, without its ending; None for a long line (see `_record`)
    text: str
    id: Any
    source: str | None
    scanned: tuple | None  # `_scanned(s)` when it was needed to read the record


def _record(line: bytes, ctx: Context) -> _Record | Processed:
    """A line read as a record whose text is to be cleaned, or what it is instead (a blank line, a bad record)."""
    size = len(line)
    while size and line[size - 1] in b"\r\n":
        size -= 1
    if not size or line.isspace():
        return Processed(document=False)  # a blank line: not a record, passed through as it is
    try:
        s = _decoded(line, size)
    except UnicodeDecodeError as exc:
        return Processed(error=f"invalid UTF-8 at byte {exc.start}")
    # the standard library's C parser reads a record several times faster than `scan`, which finds where each
    # member's value is written; that is needed only to edit a record, or to say why a line is not one
    try:
        values = json.loads(s)
    except (ValueError, RecursionError):
        values = None
    scanned = None
    if type(values) is not dict:
        try:
            scanned = _scanned(s)
        except ValueError as exc:
            return Processed(error=f"not a JSON object: {exc}")
        values = {key: value for key, (value, _, _) in scanned[0].items()}
    rid = None
    if ctx.id_field and ctx.id_field in values:
        rid = record_id(values[ctx.id_field])
    source = ctx.source
    if ctx.source_field and ctx.source_field in values:
        v = values[ctx.source_field]
        if isinstance(v, str) and v:
            source = v
    if ctx.text_field not in values:
        return Processed(error=f"no '{ctx.text_field}' field", id=rid, source=source)
    text = values[ctx.text_field]
    if not isinstance(text, str):
        return Processed(error=f"'{ctx.text_field}' is {_kind(text)}, not a string", id=rid, source=source)
    # a long line's decoded copy is not kept while its text is cleaned (it would be a third copy of the record, with
    # the bytes and the text): it is decoded again if the record is to be edited
    return _Record(line, size, s if size <= _KEEP_DECODED else None, text, rid, source, scanned)


_KEEP_DECODED = 1 << 20  # bytes


def _decoded(line: bytes, size: int) -> str:
    """The first `size` bytes of the line as text (without copying them first)."""
    return str(memoryview(line)[:size], "utf-8")


def _cleaned(record: _Record, result, ctx: Context) -> Processed:
    """The record with its text cleaned (`result`): the same bytes when nothing is to change, else edited."""
    line, size, s, text, rid, source, scanned = record
    written = text if ctx.annotate_only else result.text
    p = Processed(result=result, id=rid, source=source, chars=len(text), dropped=ctx.drops(written))
    if p.dropped or (written is text and not ctx.annotate) or (not result.changed and not ctx.annotate):
        return p
    if s is None:
        s = _decoded(line, size)
    if scanned is None:
        try:
            scanned = _scanned(s, values=False)  # (it reads what json.loads read: this is not expected to fail)
        except ValueError as exc:
            return Processed(error=f"not a JSON object: {exc}", id=rid, source=source)
    members, close, compact = scanned
    _, start, end = members[ctx.text_field]
    ascii_only = s.isascii()
    edits = []  # (start, end, what is written before the value, the value) in s
    if written is not text and written != text:
        edits.append((start, end, "", written))
    if ctx.annotate:
        notes = [r.to_dict() for r in result.removals]
        if ctx.annotate in members and ctx.annotate != ctx.text_field:
            _, a, b = members[ctx.annotate]
            edits.append((a, b, "", notes))
        elif ctx.annotate not in members:
            key = json.dumps(ctx.annotate, ensure_ascii=ascii_only)
            sep = ("," if compact else ", ") if members else ""
            colon = ":" if compact else ": "
            # after the last member's value, before any space that precedes the closing brace
            at = max((m[2] for m in members.values()), default=close)
            edits.append((at, at, f"{sep}{key}{colon}", notes))
    if not edits:
        return p
    # the edited line is put together as UTF-8: first what is kept of the decoded line (which is let go then), then
    # each value written and encoded in turn: a long record's decoded line and edited copies of it are not held
    # beside its new text and the output (the bytes read and the new text are, until the output is joined)
    edits.sort(key=lambda e: e[0])
    ends = [0] + [e[1] for e in edits]
    kept = [s[a:b].encode("utf-8") for a, b in zip(ends, [e[0] for e in edits] + [len(s)])]
    s = None
    out = [kept[0]]
    for (_, _, before, value), after in zip(edits, kept[1:]):
        out += (before.encode("utf-8"), _dump(value, ascii_only, compact).encode("utf-8"), after)
    out.append(line[size:])
    p.out = b"".join(out)
    return p
