"""Parquet (pyarrow, optional extra `parquet`): the text column is cleaned row by row; the schema, its metadata,
every other column, each column's codec and the row groups' boundaries are kept. --annotate adds a string column
holding each row's removals as JSON."""

from __future__ import annotations

import json

from ..errors import MissingExtraError, UsageError
from .base import Context, Processed, Unit, record_id

BATCH_ROWS = 1024
# a row group of the output is written once it holds this much (Arrow's in-memory size), even where the input's
# group goes on: a file written as one large group (pyarrow's default is 1 Mi rows) must not be held whole
GROUP_MAX_BYTES = 128 << 20
# codec names as the metadata spells them -> as the writer takes them (the others are the same, lower-cased)
_WRITER_CODEC = {"UNCOMPRESSED": "none", "LZ4_RAW": "lz4"}


def _pa():
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise MissingExtraError("pyarrow", "parquet", "reading and writing Parquet") from None
    return pyarrow


def schema_of(path):
    pa = _pa()
    return pa.parquet.ParquetFile(path).schema_arrow


def check_schema(schema, ctx_options: dict, path) -> None:
    field = ctx_options.get("text-field") or "text"
    if schema.get_field_index(field) < 0:
        raise UsageError(f"{path}: no column '{field}' (set --text-field)")
    from .base import annotate_field

    note = annotate_field(ctx_options.get("annotate"))
    if note and schema.get_field_index(note) >= 0:
        raise UsageError(f"{path}: --annotate {note}: the file already has a column of that name")


def _column(batch, name):
    i = batch.schema.get_field_index(name) if name else -1
    return batch.column(i).to_pylist() if i >= 0 else None


def read(job, ctx: Context):
    """The rows, a row group at a time in batches of BATCH_ROWS; each row's `meta` is (its batch, its row in the
    batch, the batch's rows, whether the batch ends a row group), which the Sink writes back by."""
    pa = _pa()
    pf = pa.parquet.ParquetFile(job.input)
    index = 0
    total = max(pf.metadata.num_rows, 1)
    size = job.input.stat().st_size
    for group in range(pf.metadata.num_row_groups):
        left = pf.metadata.row_group(group).num_rows
        for batch in pf.iter_batches(batch_size=BATCH_ROWS, row_groups=[group]):
            texts = _column(batch, ctx.text_field)
            ids = _column(batch, ctx.id_field)
            sources = _column(batch, ctx.source_field)
            n = batch.num_rows
            left -= n
            for row in range(n):
                rid = ids[row] if ids is not None else None
                src = sources[row] if sources is not None else None
                payload = (texts[row], record_id(rid), src if isinstance(src, str) and src else None)
                yield Unit(payload=payload, raw=texts[row], record=index, advance=size // total,
                           meta=(batch, row, n, left <= 0))
                index += 1


def process(payload, ctx: Context) -> Processed:
    refused = _refused(payload, ctx)
    if refused is not None:
        return refused
    text, _, src = payload
    return _cleaned(payload, ctx.cleaner.clean(text, src or ctx.source), ctx)


def process_many(payloads: list, ctx: Context) -> list[Processed]:
    """`process` of each row; their texts cleaned together (`Cleaner.clean_many`: small documents share the first
    round's scans)."""
    refused = [_refused(payload, ctx) for payload in payloads]
    to_clean = [payload for payload, r in zip(payloads, refused) if r is None]
    results = iter(ctx.cleaner.clean_many([t for t, _, _ in to_clean], [s or ctx.source for _, _, s in to_clean]))
    return [r if r is not None else _cleaned(payload, next(results), ctx) for payload, r in zip(payloads, refused)]


def _refused(payload, ctx: Context) -> Processed | None:
    """A row whose text is not a string, as a bad record; None for one to clean."""
    text, rid, src = payload
    if isinstance(text, str):
        return None
    kind = "null" if text is None else type(text).__name__
    return Processed(error=f"'{ctx.text_field}' is {kind}, not a string", id=rid, source=src or ctx.source)


def _cleaned(payload, result, ctx: Context) -> Processed:
    text, rid, src = payload
    source = src or ctx.source
    written = text if ctx.annotate_only else result.text
    p = Processed(result=result, id=rid, source=source, chars=len(text), dropped=ctx.drops(written))
    if written != text:
        p.out = written
    return p


class Sink:
    """Collects a batch's rows and, once its last row is in, the batch with the cleaned values swapped in; a row
    group's batches are written together, as one row group (thousands of 1,024-row groups would make the output
    slow to read and compress worse), or in pieces of GROUP_MAX_BYTES when the group is larger."""

    def __init__(self, path, schema, ctx: Context, compression: dict | None = None):
        pa = _pa()
        self.pa, self.ctx = pa, ctx
        self.text_index = schema.get_field_index(ctx.text_field)
        if ctx.annotate:
            schema = schema.append(pa.field(ctx.annotate, pa.string()))
            if compression:  # (a column the writer's table does not name would be written uncompressed)
                compression = {**compression, ctx.annotate: compression.get(ctx.text_field, "snappy")}
        self.schema = schema
        self.writer = pa.parquet.ParquetWriter(path, schema, compression=compression or "snappy")
        self._values: list = []
        self._notes: list = []
        self._keep: list = []
        self._changed = False
        self._group: list = []  # the current row group's batches, as they will be written
        self._group_bytes = 0  # their in-memory size
        self._batch = None  # the batch whose rows are coming in

    def write(self, unit: Unit, p: Processed, rejects=None) -> None:
        if unit.meta is None:  # the file could not be read further: nothing of it to write
            return
        batch, row, n, ends_group = unit.meta
        self._batch = batch
        self._values.append(p.out if p.out is not None else unit.raw)
        self._changed |= p.out is not None
        if self.ctx.annotate:
            removals = p.result.removals if p.result is not None else []
            self._notes.append(json.dumps([r.to_dict() for r in removals], ensure_ascii=True))
        self._keep.append(not p.dropped)
        if row == n - 1:
            self._flush(batch)
            if ends_group:
                self._write_group()

    def _flush(self, batch) -> None:
        pa = self.pa
        columns = list(batch.columns)
        if self._changed:
            columns[self.text_index] = pa.array(self._values, type=batch.schema.field(self.text_index).type)
        if self.ctx.annotate:
            columns.append(pa.array(self._notes, type=pa.string()))
        out = pa.RecordBatch.from_arrays(columns, schema=self.schema)
        if not all(self._keep):
            out = out.filter(pa.array(self._keep, type=pa.bool_()))
        self._group.append(out)
        self._group_bytes += out.nbytes
        self._values, self._notes, self._keep, self._changed = [], [], [], False
        if self._group_bytes >= GROUP_MAX_BYTES:
            self._write_group()

    def _write_group(self) -> None:
        rows = sum(b.num_rows for b in self._group)
        if rows:  # (a group whose rows were all dropped leaves no empty group behind)
            self.writer.write_table(self.pa.Table.from_batches(self._group, schema=self.schema), row_group_size=rows)
        self._group, self._group_bytes = [], 0

    def end_input(self) -> None:
        self._write_group()  # (an input that ended early: what was read of its last group)

    def close(self) -> None:
        if self._values:  # a run stopped inside a batch (Ctrl-C): the rows written so far are kept, as reported
            self._flush(self._batch.slice(0, len(self._values)))
        self._write_group()
        self.writer.close()


def compression_of(path) -> dict | None:
    """Each column's codec (by its path in the schema, as the writer takes them) in the file's first row group, so
    that the cleaned copy is compressed as the input was; None for a file without row groups."""
    pa = _pa()
    md = pa.parquet.ParquetFile(path).metadata
    if not (md.num_row_groups and md.num_columns):
        return None
    group = md.row_group(0)
    codecs = (group.column(i) for i in range(md.num_columns))
    return {c.path_in_schema: _WRITER_CODEC.get(c.compression.upper(), c.compression.lower()) for c in codecs}
