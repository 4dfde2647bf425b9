"""What happened to one document: the unit that reports, summaries, progress bars and hooks consume."""

from __future__ import annotations

from dataclasses import dataclass

from .engine import CleanResult


@dataclass
class DocOutcome:
    path: str  # the input file ("-" for stdin)
    record: int | None = None  # index inside a JSONL / Parquet / WET file; None for a plain text file
    id: str | int | float | None = None  # the record's id field as the record holds it, when it has one
    source: str | None = None
    result: CleanResult | None = None  # None when the document failed
    error: str | None = None  # why it failed (bad record, binary file...): it was passed through unchanged
    damage: bool = False  # the error is the input stream's (cut or damaged where this record stands), not its own
    dropped: bool = False  # left out of the output by --drop-empty / --min-chars
    chars: int = 0  # code points read

    @property
    def changed(self) -> bool:
        return self.result is not None and self.result.changed

    @property
    def flagged(self) -> bool:
        return self.result is not None and bool(self.result.flags)

    @property
    def failed(self) -> bool:
        return self.error is not None
