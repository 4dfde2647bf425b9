"""Where records go: one output file per input (--output-dir), one shared file (-o FILE) or a stream (stdout).

Files are written under a temporary name beside their target and renamed when complete, so a file that exists
under its final name is complete (what --resume relies on). A run stopped by Ctrl-C leaves an -o FILE with the
complete records written so far, and an --output-dir shard as NAME.partial."""

from __future__ import annotations

import os
from pathlib import Path

from .compress import OutputStream, compression_of
from .formats.base import Processed, Unit


def temp_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.nlcleaner-tmp")


class BytesSink:
    """Text, JSONL and WARC: records are bytes."""

    def __init__(self, target: Path | None, fmt: str, *, stream=None, shared: bool = False):
        self.target, self.fmt, self.shared = target, fmt, shared
        self._stream = stream
        self._out: OutputStream | None = None
        # a regular file is written beside its target and renamed; a device or a pipe (-o /dev/stdout) directly
        self.direct = target is not None and target.exists() and not target.is_file()
        self.path = temp_path(target) if target is not None and not self.direct else None
        self.wrote = False
        self.refused = False  # the input was refused whole (binary): no output for it
        self._separate = False  # a newline is owed before the next record (see `end_input`)

    def _open(self) -> OutputStream:
        if self._out is None:
            if self.direct:
                self._out = OutputStream(open(self.target, "wb"), compression_of(self.target.name), str(self.target))  # noqa: SIM115
            elif self.path is None:
                self._out = OutputStream(self._stream, None, close_raw=False)
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                comp = compression_of(self.target.name)
                if comp == "gzip" and self.fmt == "warc":
                    comp = "gzip-members"
                self._out = OutputStream(open(self.path, "wb"), comp, str(self.target))  # noqa: SIM115
        return self._out

    def write(self, unit: Unit, p: Processed) -> None:
        if p.dropped:
            return
        if p.error and unit.record is None:  # a file refused whole (binary) is skipped, not copied
            self.refused = True
            return
        data = p.out if p.out is not None else unit.raw
        out = self._open()
        self.wrote = True
        if self._separate:  # (see `end_input`)
            self._separate = False
            out.write(b"\n")
        out.write(data)

    def flush(self) -> None:
        if self._out is not None:
            self._out.flush()

    def end_input(self) -> None:
        """After an input written into one file with others: a last line without a newline must not join the next
        input's first, so a newline goes before that one — and only then: the last input's bytes stay as they
        were, without a newline they did not have."""
        if self.shared and self.fmt == "jsonl" and self._out is not None and self._out.last != b"\n":
            self._separate = True

    def close(self, final: Path | None = None) -> None:
        """Finish the file; it appears under `final` (default: its target). A text input that was skipped (or
        wrote nothing because it failed), or an input refused whole, leaves no file."""
        if self._out is None:
            if self.target is None or (self.fmt == "text" or self.refused) and not self.wrote:
                return
            self._open()  # every record dropped: the output exists, empty
        self._out.close()
        if self.path is not None:
            os.replace(self.path, final or self.target)

    def abort(self) -> None:
        if self._out is not None:
            try:
                self._out.close()
            finally:
                if self.path is not None and self.path.exists():
                    self.path.unlink()


class ParquetSink:
    def __init__(self, target: Path, schema, ctx, compression: str | None):
        from .formats.parquet import Sink

        self.target = target
        self.path = temp_path(target)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._sink = Sink(self.path, schema, ctx, compression)

    def write(self, unit: Unit, p: Processed) -> None:
        self._sink.write(unit, p)

    def end_input(self) -> None:
        self._sink.end_input()

    def flush(self) -> None:
        pass

    def close(self, final: Path | None = None) -> None:
        self._sink.close()
        os.replace(self.path, final or self.target)

    def abort(self) -> None:
        try:
            self._sink.close()
        finally:
            if self.path.exists():
                self.path.unlink()


class RejectsSink:
    """--rejects FILE: bad records go here, as the bytes read, instead of into the output."""

    def __init__(self, target: Path):
        self.target = target
        self._out: OutputStream | None = None

    def write(self, raw) -> None:
        if not isinstance(raw, bytes | bytearray):
            return
        if self._out is None:
            self.target.parent.mkdir(parents=True, exist_ok=True)
            self._out = OutputStream(open(self.target, "wb"), compression_of(self.target.name), str(self.target))  # noqa: SIM115
        self._out.write(raw)
        if raw and not raw.endswith(b"\n"):
            self._out.write(b"\n")

    def close(self) -> None:
        if self._out is not None:
            self._out.close()
