"""The shapes every format shares."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from typing import Any

from ...engine import Cleaner, CleanResult


@dataclass(slots=True)
class Unit:
    """One record read in the parent. `payload` goes to a worker (None: nothing to clean, pass `raw` through);
    `raw` is what an unchanged or bad record writes back; `advance` counts input bytes for the progress bar."""

    payload: Any
    raw: Any = None
    record: int | None = None
    error: str | None = None  # found while reading (a truncated stream): the record is bad, pass it through
    damage: bool = False  # the error is the input stream's (cut or damaged here), not the record's own format
    advance: int = 0
    meta: Any = None


@dataclass(slots=True)
class Processed:
    out: Any = None  # None: write unit.raw unchanged
    result: CleanResult | None = None
    error: str | None = None
    id: str | int | float | None = None  # the record's id as the record holds it (see record_id)
    source: str | None = None
    chars: int = 0
    dropped: bool = False
    document: bool = True  # False for pieces that are not documents (a WARC response record)


NOT_A_DOCUMENT = Processed(document=False)


def record_id(value):
    """A record's id for reports: a string or a (finite) number stays what it is, since a report is joined back on
    it and 7 is not "7"; true/false, a list or an object become their compact JSON, anything else (a date, bytes
    from a Parquet column) its text."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        return value
    if isinstance(value, (bool, list, dict)):
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    return str(value)


@dataclass
class Context:
    """What a worker needs: the Cleaner (built once per process) and the record options."""

    cleaner: Cleaner
    text_field: str = "text"
    id_field: str | None = "id"
    source_field: str | None = None
    source: str | None = None
    annotate: str | None = None
    annotate_only: bool = False
    drop_empty: bool = False
    min_chars: int = 0
    texts: bool = True  # whether outcomes keep the cleaned text (False: a worker does not send it back, see run_batch)
    extra: dict = field(default_factory=dict)

    @classmethod
    def from_options(cls, cleaner: Cleaner, options: dict) -> "Context":
        return cls(
            cleaner=cleaner,
            text_field=options.get("text-field") or "text",
            id_field=options.get("id-field"),
            source_field=options.get("source-field"),
            source=options.get("source"),
            annotate=annotate_field(options.get("annotate")),
            annotate_only=bool(options.get("annotate-only")),
            drop_empty=bool(options.get("drop-empty")),
            min_chars=int(options.get("min-chars") or 0),
            texts=options.get(OUTCOME_TEXTS, True),
        )

    def drops(self, text: str) -> bool:
        """--drop-empty / --min-chars, judged on the text the record is written with."""
        if not (self.drop_empty or self.min_chars):
            return False
        n = len(text.strip())
        return (self.drop_empty and n == 0) or n < self.min_chars


# the run's own option (not a configuration key) saying whether outcomes keep the cleaned text
OUTCOME_TEXTS = "outcome-texts"

DEFAULT_ANNOTATE_FIELD = "nlcleaner"


def annotate_field(value) -> str | None:
    """`annotate = true` in a configuration file means the default field; false or nothing means none."""
    if value is True:
        return DEFAULT_ANNOTATE_FIELD
    return value or None


def read_chars(result: CleanResult) -> int:
    return len(result.text) + sum(r.end - r.start for r in result.removals)
