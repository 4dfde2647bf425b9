"""Compressed streams: gzip and zstd (zstandard, optional) by magic bytes on input, by extension on output.

Reading never raises on a damaged stream: the data that could be decompressed is returned, then `error` says why
the stream ended early (a truncated gzip member, a corrupt zstd frame, bytes after the last frame that are not
one) and `leftover` holds the compressed bytes nothing could read, so that the record it cut and those bytes are
passed on and counted, not lost."""

from __future__ import annotations

import errno
import gzip
import io
import os
import zlib
from contextlib import contextmanager

from .errors import MissingExtraError

GZIP_MAGIC = b"\x1f\x8b"
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
BLOCK = 1 << 20
# the most compressed bytes after damage passed on as read (see InputStream._fail)
LEFTOVER_MAX = 1 << 20
# after damage, the input is decompressed again in pieces of this size, then byte by byte (see _Frames._step)
CAREFUL_PIECE = 1 << 10


def compression_of(name: str) -> str | None:
    low = name.lower()
    if low.endswith(".gz"):
        return "gzip"
    if low.endswith((".zst", ".zstd")):
        return "zstd"
    return None


# compressions a file name may ask for that nlcleaner cannot write: such a name is refused, not given plain data
UNWRITABLE = (".xz", ".lzma", ".bz2", ".lz4", ".br", ".zip", ".7z", ".z", ".sz")


def unwritable_compression(name: str) -> str | None:
    """The extension of a compression `name` asks for that nlcleaner does not write (.xz, .bz2, ...), else None."""
    low = str(name).lower()
    return next((ext for ext in UNWRITABLE if low.endswith(ext)), None)


def strip_compression(name: str) -> str:
    kind = compression_of(name)
    return name.rsplit(".", 1)[0] if kind else name


def _zstandard(what: str):
    try:
        import zstandard
    except ImportError:
        raise MissingExtraError("zstandard", "zstd", what) from None
    return zstandard


class _Counting(io.RawIOBase):
    """The raw input: counts the bytes read (stdin has no tell(); the progress bar follows it), lets the first
    bytes be sniffed without losing them, and, before a read that would wait on an empty pipe, calls `on_wait`
    (the runner then writes out every result it has, so a producer waiting for answers gets them)."""

    def __init__(self, raw):
        self.raw, self.pos = raw, 0
        self.prefix = b""
        self.on_wait = None
        try:
            self._fd = raw.fileno() if not raw.seekable() else None
        except (OSError, ValueError, AttributeError):
            self._fd = None

    def readable(self):
        return True

    def head(self, n: int) -> bytes:
        while len(self.prefix) < n:
            data = self._raw_read(BLOCK)
            if not data:
                break
            self.prefix += data
        return self.prefix[:n]

    def _raw_read(self, n: int) -> bytes:
        if self.on_wait is not None and self._fd is not None:
            import select

            try:
                ready, _, _ = select.select([self._fd], [], [], 0)
            except (OSError, ValueError):
                ready = [True]
            if not ready:
                self.on_wait()
        # read1: hand over what a pipe has now instead of waiting for a whole block (streaming stdin)
        return self.raw.read1(n) if n > 0 and hasattr(self.raw, "read1") else self.raw.read(n)

    def readinto(self, b):
        data = self.read(len(b))
        b[:len(data)] = data
        return len(data)

    def read(self, n=-1):
        if self.prefix:
            data = self.prefix if n < 0 else self.prefix[:n]
            self.prefix = self.prefix[len(data):]
            if n < 0:  # (all of it: what the sniffing held, and the rest)
                data += self._raw_read(-1)
        else:
            data = self._raw_read(n)
        self.pos += len(data)
        return data

    def left(self) -> int | None:
        """Bytes not read yet, for a regular file (None for a pipe)."""
        try:
            if not self.raw.seekable():
                return None
            return len(self.prefix) + max(0, os.fstat(self.raw.fileno()).st_size - self.raw.tell())
        except (OSError, ValueError, AttributeError):
            return None


class _Frames:
    """Compressed frames (zstd) or members (gzip) one after another, each read by a fresh decompressor from `new`.
    A damaged piece does not take what came before it: what was decompressed up to it has been handed over, and
    the error is raised (EOFError when the last frame is cut short); `leftover` then holds the compressed bytes
    from where decompressing stopped: for gzip from the first byte that gave no data before zlib noticed the damage
    (see `_step`), for zstd from the start of the read that failed. Not the library's own readers: gzip's drops what
    a read had decompressed when a later member is damaged, and zstandard's stream reader ends quietly inside a cut
    frame.
    A read hands over at most about BLOCK bytes (zlib's output limit), however well the input compresses."""

    def __init__(self, raw, new, what: str, padding: bytes = b"", limited: bool = False):
        self.raw, self.new, self.what, self.padding = raw, new, what, padding
        self.limited = limited  # the decompressor takes an output limit (zlib's max_length)
        self.obj = new()
        self.fed = False  # the current frame has had input
        self.leftover = b""
        self._input = b""  # compressed bytes read and not yet decompressed
        self._full = False  # the last step filled its output limit: the decompressor may hold more
        self._careful = 0  # after damage: the size of the pieces the input is decompressed in (see `_step`)
        self._held = b""  # after damage: the input gone through since the last data it gave

    def read(self, n: int = BLOCK) -> bytes:
        while True:
            if not self._input and not self._full:
                self._input = self.raw.read(min(n, 1 << 18))
                if not self._input:
                    if self.fed and not self.obj.eof:
                        raise EOFError(f"the last {self.what} ends early")
                    return b""
            try:
                data = self._step()
            except Exception:  # (zlib.error, zstandard.ZstdError)
                self.leftover, self._input = self._input, b""
                raise
            if data:
                return data

    def _step(self) -> bytes:
        """Decompress some of the input read; the end of a frame starts the next with the bytes after it."""
        if not self.fed and self.padding:  # (gzip writers may pad between members with NULs)
            self._input = self._input.lstrip(self.padding)
            if not self._input:
                return b""
        self.fed = True
        if self._careful:
            return self._careful_step()
        # zlib raises on damage instead of returning what it decompressed before it (a wrong CRC-32 in a
        # member's trailer comes after all its data): with a copy of the state before the step, the same input
        # is gone through again a little at a time, so that only the bytes from the damage on are lost
        before = self.obj.copy() if self.limited else None
        try:
            out = self.obj.decompress(self._input, BLOCK) if self.limited else self.obj.decompress(self._input)
        except zlib.error:
            if before is None:
                raise
            self.obj, self._careful, self._full = before, CAREFUL_PIECE, False
            return b""
        self._full = self.limited and len(out) >= BLOCK and not self.obj.eof
        if self.obj.eof:
            self._input = self.obj.unused_data
            self.obj, self.fed = self.new(), False
        else:
            self._input = self.obj.unconsumed_tail if self.limited else b""
        return out

    def _careful_step(self) -> bytes:
        """After damage (see `_step`): decompress the next piece of the input on a copy of the state, kept when it
        goes through; the piece that fails is gone through again byte by byte, and the byte that fails raises."""
        n = self._careful
        piece, rest = self._input[:n], self._input[n:]
        trial = self.obj.copy()
        try:
            out = trial.decompress(piece)  # (no output limit: a piece of 1 KiB holds at most ~1 MB of data)
        except zlib.error:
            if n == 1:
                # read() keeps the input as `leftover`: from the first byte that gave no data (zlib may notice
                # damage a byte or two after it starts: a bad header's first byte reads as part of a good one)
                self._input, self._held = self._held + self._input, b""
                raise
            self._careful = 1
            return b""
        self.obj = trial
        self._held = b"" if out else self._held + piece
        if trial.eof:
            self._input = trial.unused_data + rest
            self.obj, self.fed, self._held = self.new(), False, b""
        else:
            self._input = trial.unconsumed_tail + rest
        return out

    def close(self) -> None:
        pass


def _gzip_members(raw) -> _Frames:
    # wbits 16 + MAX_WBITS: one gzip member, its header and its CRC-32 and size trailer checked by zlib
    return _Frames(raw, lambda: zlib.decompressobj(16 + zlib.MAX_WBITS), "gzip member", padding=b"\x00",
                   limited=True)


def _zstd_frames(raw, zstd) -> _Frames:
    return _Frames(raw, lambda: zstd.ZstdDecompressor().decompressobj(), "zstd frame")


class InputStream:
    """A decompressed view of a file or stream; `read()` returns b"" at the end or after damage (see `error`)."""

    def __init__(self, raw, name: str = "<stream>"):
        self._raw = _Counting(raw)
        self.name = name
        self.error: str | None = None
        self.compression: str | None = None
        head = self._raw.head(4)
        if head.startswith(GZIP_MAGIC):
            self.compression = "gzip"
            self._stream = _gzip_members(self._raw)
        elif head.startswith(ZSTD_MAGIC):
            self.compression = "zstd"
            self._stream = _zstd_frames(self._raw, _zstandard(f"{name}: reading zstd"))
        else:
            self._stream = self._raw
        self._done = False
        # after damage: the compressed bytes nothing could read, to the end of the input (see `_fail`)
        self.leftover = b""

    @property
    def raw_pos(self) -> int:
        return self._raw.pos

    def read(self, n: int = BLOCK) -> bytes:
        if self._done:
            return b""
        try:
            data = self._stream.read(n)
        except EOFError as exc:
            self._fail(f"truncated {self.compression} stream ({exc})")
            return b""
        except (zlib.error, OSError) as exc:
            if "incorrect data check" in str(exc):  # (zlib's words: the data came out, its checksum did not match)
                self._fail(f"damaged {self.compression} stream (a member failed its CRC-32 check: the records "
                           "decompressed from it may hold damaged bytes)")
            else:
                self._fail(f"damaged {self.compression or 'input'} stream ({exc})")
            return b""
        except Exception as exc:  # zstandard.ZstdError and friends
            if self.compression == "zstd":
                self._fail(f"damaged zstd stream ({exc})")
                return b""
            raise
        if not data:
            self._done = True
        return data

    def set_on_wait(self, callback) -> None:
        self._raw.on_wait = callback

    def _fail(self, message: str) -> None:
        """The stream ends here: `error` says why, and `leftover` holds the compressed bytes from the damage to the
        end of a file, which the reader passes on with the record the damage cut (as read: not data nlcleaner
        can read, and not its to drop), when they are at most LEFTOVER_MAX bytes (bytes appended after the last
        frame, a cut or damaged last record); more (damage early in a large file), or a pipe, or a read that
        fails, and the error says what was not read instead of holding it all in memory."""
        self.error, self._done = message, True
        if self._stream is self._raw:
            return  # (not compressed: the reader has every byte read)
        leftover = getattr(self._stream, "leftover", b"")
        left = self._raw.left()
        if left is not None and len(leftover) + left <= LEFTOVER_MAX:
            try:
                self.leftover = leftover + self._raw.read(-1)
                return
            except OSError:
                pass
        self.error += f"; {'the rest of the input' if left is None else f'{len(leftover) + left:,} bytes'} " \
                      "after the damage not read"

    def close(self) -> None:
        try:
            if self._stream is not self._raw:
                self._stream.close()
        finally:
            self._raw.raw.close()


def open_input(path) -> InputStream:
    raw = open(path, "rb", buffering=BLOCK)  # noqa: SIM115 (closed by InputStream.close)
    return InputStream(raw, str(path))


class OutputStream:
    """A binary file written with the compression its name asks for; gzip output is deterministic (mtime 0)."""

    def __init__(self, fh, compression: str | None, name: str = "<stream>", close_raw: bool = True):
        self._fh, self._close_raw, self.name = fh, close_raw, name
        self.compression = compression
        if compression == "gzip-members":  # one gzip member per write: one per record, as WARC tools expect
            self._stream = fh
        elif compression == "gzip":
            self._stream = gzip.GzipFile(filename="", mode="wb", fileobj=fh, mtime=0, compresslevel=6)
        elif compression == "zstd":
            zstd = _zstandard(f"{name}: writing zstd")
            self._stream = zstd.ZstdCompressor(level=3).stream_writer(fh, closefd=False)
        else:
            self._stream = fh
        self.last = b"\n"  # the last byte written (for joining files that lack a final newline)

    def write(self, data: bytes) -> None:
        if data:
            with self._naming():
                if self.compression == "gzip-members":
                    self._stream.write(gzip.compress(data, compresslevel=6, mtime=0))
                else:
                    self._stream.write(data)
            self.last = data[-1:]

    def flush(self) -> None:
        with self._naming():
            if self._stream is not self._fh and self.compression != "zstd":
                self._stream.flush()
            if hasattr(self._fh, "flush"):
                self._fh.flush()

    def close(self) -> None:
        with self._naming():
            if self._stream is not self._fh:
                self._stream.close()
            if self._close_raw:
                self._fh.close()
            else:
                self._fh.flush()

    @contextmanager
    def _naming(self):
        """An error writing the file names it ("out.jsonl: No space left on device", not the bare reason); a
        closed pipe stays what it is (the reader went away: not an error of this file)."""
        try:
            yield
        except OSError as exc:
            if exc.filename is None and exc.errno != errno.EPIPE and self.name != "<stream>":
                raise OSError(exc.errno, exc.strerror or str(exc), self.name) from None
            raise
