"""WARC / WET (.warc, .wet, .warc.gz, .warc.wet.gz): `conversion` records (the extracted text of a page) are
cleaned; every other record passes through untouched. A cleaned record keeps its headers in their order, with
Content-Length rewritten and WARC-Block-Digest / WARC-Payload-Digest recomputed with the same algorithm and
encoding (or dropped when the algorithm is unknown). Unchanged records are written as the bytes read.

The reader is a small streaming parser of the WARC 1.0/1.1 record layout (version line, headers, block of
Content-Length bytes, blank line). It keeps each record's bytes exactly, which a record-object library does not
give back; the tests check our output with the `fastwarc` and `warcio` readers (extra `warc`)."""

from __future__ import annotations

import base64
import hashlib

from ...errors import InputError
from .base import Context, Processed, Unit, read_chars

DOCUMENT_TYPES = {b"conversion"}
_NEXT_RECORD = b"\nWARC/"  # where a record starts: a line beginning with its version


class _Buffer:
    def __init__(self, stream):
        self.stream, self.buf, self.pos = stream, b"", 0
        self.eof = False

    def _fill(self, need: int) -> bool:
        while len(self.buf) - self.pos < need and not self.eof:
            block = self.stream.read()
            if not block:
                self.eof = True
                break
            self.buf = self.buf[self.pos:] + block
            self.pos = 0
        return len(self.buf) - self.pos >= need

    def peek(self, n: int) -> bytes:
        self._fill(n)
        return self.buf[self.pos:self.pos + n]

    def readline(self) -> bytes:
        while True:
            i = self.buf.find(b"\n", self.pos)
            if i >= 0:
                line = self.buf[self.pos:i + 1]
                self.pos = i + 1
                return line
            if not self._fill(len(self.buf) - self.pos + 1):
                line = self.buf[self.pos:]
                self.pos = len(self.buf)
                return line

    def read(self, n: int) -> bytes:
        self._fill(n)
        data = self.buf[self.pos:self.pos + n]
        self.pos += len(data)
        return data

    def unread(self, data: bytes) -> None:
        """Give bytes back: the next reads start with them."""
        self.buf, self.pos = data + self.buf[self.pos:], 0

    def until_record(self) -> bytes:
        """The bytes up to (not including) the next line that begins "WARC/", or to the end when none does: how the
        reader finds its way back to a record's start after bytes it cannot read as one."""
        out = []
        while True:
            i = self.buf.find(_NEXT_RECORD, self.pos)
            if i >= 0:
                out.append(self.buf[self.pos:i + 1])
                self.pos = i + 1
                return b"".join(out)
            keep = max(self.pos, len(self.buf) - len(_NEXT_RECORD) + 1)  # (a marker may be cut between blocks)
            out.append(self.buf[self.pos:keep])
            self.pos = keep
            if not self._fill(len(self.buf) - self.pos + 1):
                out.append(self.buf[self.pos:])
                self.pos = len(self.buf)
                return b"".join(out)

    def rest(self) -> bytes:
        out = [self.buf[self.pos:]]
        self.pos = len(self.buf)
        while True:
            block = self.stream.read()
            if not block:
                return b"".join(out)
            out.append(block)


def _header(lines: list[bytes], name: bytes) -> bytes | None:
    found = _headers(lines, name)
    return found[0] if found else None


def _headers(lines: list[bytes], name: bytes) -> list[bytes]:
    """The values of every header `name` in a record's head (its first line, "WARC/1.x", is not a header)."""
    low = name.lower()
    out = []
    for line in lines[1:]:
        key, sep, value = line.partition(b":")
        if sep and key.strip().lower() == low:
            out.append(value.strip())
    return out


def read(job, ctx: Context, stream):
    """Units of the stream's records. A record that cannot be read as one (not a record's start, no valid
    Content-Length, a block not followed by the blank lines that end a record: a wrong Content-Length) is given as
    a failed unit of its bytes up to the next line that begins "WARC/", and reading goes on from there: a bad
    record must not cost the records after it, and its bytes must not be cleaned as part of another's block."""
    buf = _Buffer(stream)
    index = 0
    last_pos = stream.raw_pos
    while True:
        lead = b""
        while buf.peek(1) in (b"\r", b"\n"):  # stray blank lines between records stay with the next record
            lead += buf.read(1)
        if not buf.peek(1):
            if lead:
                yield Unit(payload=None, raw=lead, meta="trailing")
            break
        first = buf.readline()
        if not first.startswith(b"WARC/"):
            yield _unreadable(buf, lead + first, index, stream, "not a WARC record")
            index += 1
            continue
        lines = [first]
        while True:
            line = buf.readline()
            if not line:
                break
            if line in (b"\r\n", b"\n"):
                lines.append(line)
                break
            lines.append(line)
        head = lead + b"".join(lines)
        lengths = _headers(lines, b"Content-Length")
        # one, written in digits alone (int() would take "+26", "2_6" and "-5"; two would be rewritten as one)
        if len(lengths) != 1 or not lengths[0].isdigit():
            yield _unreadable(buf, head, index, stream, "WARC record without a valid Content-Length")
            index += 1
            continue
        n = int(lengths[0])
        block = buf.read(n)
        if len(block) < n or not lines[-1].strip() == b"":
            yield _misframed(buf, head, block, index, stream, "truncated WARC record")
            index += 1
            continue
        trailer = b""
        for _ in range(2):
            nl = buf.peek(2)
            if nl.startswith(b"\r\n"):
                trailer += buf.read(2)
            elif nl.startswith(b"\n"):
                trailer += buf.read(1)
        after = buf.peek(len(_NEXT_RECORD) - 1)
        # the end of the stream, the next record or more blank lines (kept with the next record) must follow
        if after and after != _NEXT_RECORD[1:] and after[:1] not in (b"\r", b"\n"):
            buf.unread(trailer)
            why = "WARC record whose Content-Length does not match its block"
            yield _misframed(buf, head, block, index, stream, why)
            index += 1
            continue
        pos = stream.raw_pos
        advance, last_pos = pos - last_pos, pos
        kind = (_header(lines, b"WARC-Type") or b"").lower()
        raw = head + block + trailer
        if kind in DOCUMENT_TYPES:
            uri = (_header(lines, b"WARC-Target-URI") or b"").decode("utf-8", "replace") or None
            rid = (_header(lines, b"WARC-Record-ID") or b"").decode("utf-8", "replace") or None
            yield Unit(payload=(head, block, trailer, uri, rid), raw=raw, record=index, advance=advance)
        else:
            yield Unit(payload=None, raw=raw, record=index, advance=advance, meta="passthrough")
        index += 1
    if stream.error:  # (the compressed bytes nothing could read after the damage: passed on, not dropped)
        yield Unit(payload=None, raw=stream.leftover, record=index, error=stream.error, damage=True)


def _unreadable(buf: _Buffer, raw: bytes, index: int, stream, why: str) -> Unit:
    """A failed unit of `raw` and the bytes after it up to the next record's start (passed through unchanged)."""
    return Unit(payload=None, raw=raw + buf.until_record(), record=index, error=stream.error or why,
                damage=bool(stream.error))


def _misframed(buf: _Buffer, head: bytes, block: bytes, index: int, stream, why: str) -> Unit:
    """A record whose block is not what its Content-Length says: its bytes up to the next record's start make a
    failed unit. That start may lie inside the block read (a length too long) or after it (too short): the block is
    given back and looked through again."""
    buf.unread(block)
    rest = b"" if block.startswith(b"WARC/") else buf.until_record()
    return Unit(payload=None, raw=head + rest, record=index, error=stream.error or why, damage=bool(stream.error))


def _digest(old: bytes, block: bytes) -> bytes | None:
    algo, sep, value = old.partition(b":")
    if not sep:
        return None
    try:
        h = hashlib.new(algo.decode("ascii").lower().replace("-", ""), block)
    except (ValueError, UnicodeDecodeError):
        return None
    raw = h.digest()
    value = value.strip()
    if len(value) == 2 * len(raw) and all(c in b"0123456789abcdefABCDEF" for c in value):
        encoded = raw.hex().encode()
    else:
        encoded = base64.b32encode(raw)
    return algo + b":" + encoded


def rewrite_head(head: bytes, block: bytes) -> bytes:
    out = []
    for line in head.splitlines(keepends=True):
        key, sep, value = line.partition(b":")
        name = key.strip().lower()
        ending = line[len(line.rstrip(b"\r\n")):]
        if sep and name == b"content-length":
            line = key + b": " + str(len(block)).encode() + ending
        elif sep and name in (b"warc-block-digest", b"warc-payload-digest"):
            new = _digest(value.strip(), block)
            if new is None:
                continue
            line = key + b": " + new + ending
        out.append(line)
    return b"".join(out)


def process(payload, ctx: Context) -> Processed:
    _, block, _, uri, _ = payload
    try:
        cleaned = ctx.cleaner.clean_bytes(block, uri or ctx.source)
    except InputError as exc:
        cleaned = exc
    return _processed(payload, cleaned, ctx)


def process_many(payloads: list, ctx: Context) -> list[Processed]:
    """`process` of each record; their texts cleaned together (`Cleaner.clean_bytes_many`: small documents share
    the first round's scans)."""
    cleaned = ctx.cleaner.clean_bytes_many([p[1] for p in payloads], [p[3] or ctx.source for p in payloads])
    return [_processed(payload, c, ctx) for payload, c in zip(payloads, cleaned)]


def _processed(payload, cleaned, ctx: Context) -> Processed:
    """A record with its block cleaned (`cleaned`: what clean_bytes gave, or the InputError it raised)."""
    head, block, trailer, uri, rid = payload
    source = uri or ctx.source
    if isinstance(cleaned, InputError):
        return Processed(error=str(cleaned), id=rid, source=source)
    out, result = cleaned
    written = block if ctx.annotate_only else out
    p = Processed(result=result, id=rid, source=source, chars=read_chars(result))
    p.dropped = ctx.drops(result.text if written is out else block.decode("utf-8", "surrogateescape"))
    if written is not block and not p.dropped:
        p.out = rewrite_head(head, written) + written + trailer
    return p
