"""Cleaning many documents at once, for engines that hand over batches: Hugging Face `datasets.map(batched=True)`,
pandas frames (Spark's `mapInPandas`) and Arrow record batches (Spark's `mapInArrow`, Ray Data, DuckDB...).

Every helper is a plain module-level function or a small picklable object: it carries only its Settings, and the
Cleaner is compiled once per process, on first use, through `cleaner_for` (a cache keyed by Settings). Removals are the
records of `nlcleaner.records` (`Removal.to_dict()`), in a column next to the text.
"""

from __future__ import annotations

import dataclasses
import json
from functools import lru_cache

from ..engine import Cleaner, CleanResult
from ..records import FIELDS, Removal
from ..settings import Settings

REMOVALS_COLUMN = "nlcleaner_removals"
_SETTINGS_KEYS = {f.name for f in dataclasses.fields(Settings)} - {"extra"}


def make_settings(settings: Settings | None = None, **overrides) -> Settings:
    """Settings from keyword overrides (None values are ignored; lists become tuples so Settings stays hashable)."""
    settings = settings or Settings()
    changes = {}
    for key, value in overrides.items():
        if key not in _SETTINGS_KEYS:
            raise TypeError(f"unknown nlcleaner setting {key!r} (known: {', '.join(sorted(_SETTINGS_KEYS))})")
        if value is None:
            continue
        if isinstance(value, str) and key in ("select", "ignore", "extend_select", "rules", "languages"):
            value = (value,)
        changes[key] = tuple(str(v) for v in value) if isinstance(value, (list, tuple)) else value
    return settings.replace(**changes) if changes else settings


@lru_cache(maxsize=8)
def _cached(settings: Settings) -> Cleaner:
    return Cleaner(settings)


def cleaner_for(settings: Settings | None = None, **overrides) -> Cleaner:
    """The process-wide Cleaner for these settings: compiled once per process (per worker), then reused."""
    return _cached(make_settings(settings, **overrides))


def left_empty(original: str, result: CleanResult) -> bool:
    """True when cleaning removed something and left no visible text: what `drop_empty` drops."""
    return result.changed and not result.text.strip() and bool(original.strip())


def records(result: CleanResult) -> list[dict]:
    return [r.to_dict() for r in result.removals]


# documents cleaned together by the DataTrove step and the Dolma writer (each held until its group is cleaned)
GROUP_DOCS = 64


def groups(items, size: int):
    """The items in lists of `size` (the last one shorter), as they come."""
    group = []
    for item in items:
        group.append(item)
        if len(group) == size:
            yield group
            group = []
    if group:
        yield group


def clean_batch(texts, *, sources=None, settings: Settings | None = None, **overrides):
    """Clean a batch of texts: returns (cleaned texts, removal records per text), both aligned with `texts`.

    A None text stays None with no removals (missing values pass through)."""
    cleaner = cleaner_for(settings, **overrides)
    texts = list(texts)
    sources = list(sources) if sources is not None else [None] * len(texts)
    present = [(text, source or None) for text, source in zip(texts, sources, strict=True) if text is not None]
    results = iter(cleaner.clean_many([t for t, _ in present], [s for _, s in present]))  # (small texts together)
    out_texts, out_removals = [], []
    for text in texts:
        result = next(results) if text is not None else None
        out_texts.append(None if result is None else result.text)
        out_removals.append([] if result is None else records(result))
    return out_texts, out_removals


def clean_columns(
    batch: dict,
    *,
    text_column: str = "text",
    source_column: str | None = None,
    removals_column: str = REMOVALS_COLUMN,
    settings: Settings | None = None,
    **overrides,
) -> dict:
    """For `datasets.Dataset.map(clean_columns, batched=True)`: a batch (dict of columns) in, the cleaned text column
    and a removals column out (the other columns are kept by `datasets`)."""
    sources = batch[source_column] if source_column else None
    texts, removals = clean_batch(batch[text_column], sources=sources, settings=settings, **overrides)
    return {text_column: texts, removals_column: removals}


def removals_arrow_type():
    """The Arrow type of a removals column: list<struct<rule, category, start_line, end_line, start, end, text>>."""
    import pyarrow as pa

    kinds = {"str": pa.string(), "int": pa.int64()}
    hints = {f.name: f.type for f in dataclasses.fields(Removal)}
    return pa.list_(pa.struct([pa.field(name, kinds[hints[name]]) for name in FIELDS]))


def removals_ddl() -> str:
    """The same type as a Spark DDL string: array<struct<rule:string,...,text:string>>."""
    kinds = {"str": "string", "int": "bigint"}
    hints = {f.name: f.type for f in dataclasses.fields(Removal)}
    return "array<struct<" + ",".join(f"`{name}`:{kinds[hints[name]]}" for name in FIELDS) + ">>"


def removals_datasets_feature():
    """The `datasets` feature of a removals column, for `map(..., features=...)` (stable types even when the first
    batch removed nothing)."""
    from datasets import Value

    kinds = {"str": Value("string"), "int": Value("int64")}
    hints = {f.name: f.type for f in dataclasses.fields(Removal)}
    return [{name: kinds[hints[name]] for name in FIELDS}]


def features_with_removals(features, removals_column: str = REMOVALS_COLUMN):
    """A dataset's features plus the removals column: pass to `ds.map(clean_columns, ..., features=...)`. Without it
    `datasets` guesses the column's type from the first batch, and a first batch that removed nothing makes later
    batches fail to cast."""
    features = features.copy()
    features[removals_column] = removals_datasets_feature()
    return features


def _json(removals: list[dict]) -> str:
    return json.dumps(removals, ensure_ascii=True)


def _present(column) -> list:
    """A pandas column's values with its missing ones (NaN, pd.NA, NaT: what pandas makes of a None, in a `str` or
    `string` column among others) as None, which `clean_batch` passes through."""
    return [None if missing else value for value, missing in zip(column, column.isna())]


@dataclasses.dataclass(frozen=True)
class FrameCleaner:
    """Cleans pandas DataFrames: `FrameCleaner(...)(frame)` for one frame, `.partitions(frames)` for an iterator of
    frames (Spark's `df.mapInPandas(cleaner.partitions, schema)`).

    `removals="json"` (default) writes each document's records as one JSON string (ASCII-escaped, like reports):
    a plain string column that every engine stores. `removals="records"` writes lists of dicts instead."""

    settings: Settings = dataclasses.field(default_factory=Settings)
    text_column: str = "text"
    source_column: str | None = None
    removals_column: str = REMOVALS_COLUMN
    removals: str = "json"

    def __post_init__(self):
        if self.removals not in ("json", "records"):
            raise ValueError("removals must be 'json' or 'records'")

    def __call__(self, frame):
        sources = _present(frame[self.source_column]) if self.source_column else None
        texts, removals = clean_batch(_present(frame[self.text_column]), sources=sources, settings=self.settings)
        out = frame.copy()
        out[self.text_column] = texts
        out[self.removals_column] = [_json(r) for r in removals] if self.removals == "json" else removals
        return out

    def partitions(self, frames):
        for frame in frames:
            yield self(frame)


@dataclasses.dataclass(frozen=True)
class ArrowCleaner:
    """Cleans Arrow record batches: `ArrowCleaner(...)(batch)` for one batch, `.partitions(batches)` for an iterator
    (Spark's `df.mapInArrow(cleaner.partitions, schema)`). The removals column has `removals_arrow_type()`."""

    settings: Settings = dataclasses.field(default_factory=Settings)
    text_column: str = "text"
    source_column: str | None = None
    removals_column: str = REMOVALS_COLUMN

    def __call__(self, batch):
        import pyarrow as pa

        sources = batch.column(self.source_column).to_pylist() if self.source_column else None
        texts, removals = clean_batch(batch.column(self.text_column).to_pylist(), sources=sources, settings=self.settings)
        columns, names = [], []
        for name, column in zip(batch.schema.names, batch.columns):
            if name == self.removals_column:
                continue
            columns.append(pa.array(texts, type=column.type) if name == self.text_column else column)
            names.append(name)
        columns.append(pa.array(removals, type=removals_arrow_type()))
        names.append(self.removals_column)
        return pa.RecordBatch.from_arrays(columns, names=names)

    def partitions(self, batches):
        for batch in batches:
            yield self(batch)
