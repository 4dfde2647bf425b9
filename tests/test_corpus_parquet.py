"""Corpus mode over Parquet (pyarrow; the `parquet` extra): the schema, its metadata and every other column kept,
the text column cleaned, --annotate as a JSON string column, dropped rows counted, bad rows passed through."""

from __future__ import annotations

import json

import pytest
from corpus_support import ARTICLE, FURNISHED, cleaner, require, resolved

from nlcleaner.corpus import UsageError, run_batch

pa = require("pyarrow")
pq = require("pyarrow.parquet")


def _table(n=10):
    texts = [FURNISHED if i % 2 else ARTICLE for i in range(n)]
    if n > 3:
        texts[3] = None
    schema = pa.schema(
        [("id", pa.int64()), ("text", pa.large_string()), ("score", pa.float32()), ("tags", pa.list_(pa.string()))],
        metadata={b"origin": b"test"},
    )
    return pa.table({"id": list(range(n)), "text": texts, "score": [i / 4 for i in range(n)],
                     "tags": [["a", str(i)] for i in range(n)]}, schema=schema)


def _write(path, table, **kw):
    pq.write_table(table, path, **kw)
    return path


def test_text_cleaned_and_everything_else_kept(tmp_path):
    src = _write(tmp_path / "in.parquet", _table(), compression="zstd", row_group_size=4)
    out = tmp_path / "out"
    seen = []
    stats = run_batch([str(src)], resolved(), output_dir=out, output=None, on_outcome=seen.append)
    got = pq.read_table(out / "in.parquet")
    want = _table()
    assert got.schema == want.schema and got.schema.metadata == want.schema.metadata
    for name in ("id", "score", "tags"):
        assert got.column(name).equals(want.column(name))
    clean = cleaner().clean(FURNISHED).text
    assert got.column("text").to_pylist() == [
        None if i == 3 else (clean if i % 2 else ARTICLE) for i in range(10)
    ]
    assert stats.documents == 10 and stats.failed == 1 and stats.changed == 4
    assert seen[3].failed and "null" in seen[3].error and seen[3].record == 3 and seen[3].id == 3
    assert pq.ParquetFile(out / "in.parquet").metadata.row_group(0).column(0).compression == "ZSTD"


def test_annotate_adds_a_json_column_and_drop_filters_rows(tmp_path):
    src = _write(tmp_path / "in.parquet", _table())
    out = tmp_path / "o.parquet"
    assert len(ARTICLE) < 150 < len(cleaner().clean(FURNISHED).text)
    stats = run_batch([str(src)], resolved(annotate="nlc", min_chars=150), output_dir=None, output=out,
                      on_outcome=None)
    got = pq.read_table(out)
    assert got.schema.names == ["id", "text", "score", "tags", "nlc"]
    # the furnished rows are long enough to stay; the null row is a bad row: passed through, never dropped
    assert got.column("id").to_pylist() == [1, 3, 5, 7, 9] and stats.dropped == 5
    notes = [json.loads(x) for x in got.column("nlc").to_pylist()]
    assert [len(n) for n in notes] == [2, 0, 2, 2, 2]
    assert got.column("text").to_pylist()[0] == cleaner().clean(FURNISHED).text


def test_several_files_join_into_one_and_jobs_do_not_matter(tmp_path):
    a = _write(tmp_path / "a.parquet", _table(6))
    b = _write(tmp_path / "b.parquet", _table(2000))
    outs = []
    for jobs in (1, 2):
        out = tmp_path / f"all{jobs}.parquet"
        run_batch([str(a), str(b)], resolved(jobs=jobs), output_dir=None, output=out, on_outcome=None)
        outs.append(pq.read_table(out))
    assert outs[0].num_rows == 2006 and outs[0].equals(outs[1])


def test_missing_text_column_and_schema_mismatch_are_usage_errors(tmp_path):
    a = _write(tmp_path / "a.parquet", _table(3))
    b = _write(tmp_path / "b.parquet", _table(3).drop(["score"]))
    with pytest.raises(UsageError, match="no column 'body'"):
        run_batch([str(a)], resolved(text_field="body"), output_dir=tmp_path / "o", output=None, on_outcome=None)
    with pytest.raises(UsageError, match="schema"):
        run_batch([str(a), str(b)], resolved(), output_dir=None, output=tmp_path / "x.parquet", on_outcome=None)
    assert not (tmp_path / "o").exists() and not (tmp_path / "x.parquet").exists()


def test_a_damaged_parquet_file_fails_as_an_input(tmp_path):
    good = _write(tmp_path / "good.parquet", _table(4))
    bad = tmp_path / "bad.parquet"
    data = (tmp_path / "good.parquet").read_bytes()
    footer = int.from_bytes(data[-8:-4], "little") + 8  # the metadata, its length and the magic stay whole
    bad.write_bytes(data[:4] + b"\xff" * (len(data) - 4 - footer) + data[-footer:])  # the pages are garbage
    seen = []
    run_batch([str(bad), str(good)], resolved(), output_dir=tmp_path / "o", output=None, on_outcome=seen.append)
    assert seen[0].failed and seen[0].record is None and "unreadable Parquet" in seen[0].error
    assert pq.read_table(tmp_path / "o" / "good.parquet").num_rows == 4


def test_row_groups_and_each_columns_codec_are_kept(tmp_path):
    """The cleaned copy has the input's row groups (not one per 1,024-row batch) and each column's codec, a nested
    column's too; an annotation column takes the text column's codec; dropped rows shrink their group."""
    src = _write(tmp_path / "in.parquet", _table(3000), row_group_size=1300,
                 compression={"id": "zstd", "text": "gzip", "score": "none", "tags.list.element": "brotli"})
    out = tmp_path / "out"
    run_batch([str(src)], resolved(annotate="nlc"), output_dir=out, output=None, on_outcome=None)
    md = pq.ParquetFile(out / "in.parquet").metadata
    assert [md.row_group(g).num_rows for g in range(md.num_row_groups)] == [1300, 1300, 400]
    codecs = {md.row_group(0).column(i).path_in_schema: md.row_group(0).column(i).compression
              for i in range(md.num_columns)}
    assert codecs == {"id": "ZSTD", "text": "GZIP", "score": "UNCOMPRESSED", "tags.list.element": "BROTLI",
                      "nlc": "GZIP"}
    assert pq.read_table(out / "in.parquet").column("id").to_pylist() == list(range(3000))
    dropped = tmp_path / "dropped.parquet"
    run_batch([str(src)], resolved(min_chars=150), output_dir=None, output=dropped, on_outcome=None)
    md = pq.ParquetFile(dropped).metadata
    assert [md.row_group(g).num_rows for g in range(md.num_row_groups)] == [650, 650, 200]


def test_ctrl_c_keeps_every_reported_row_in_the_output(tmp_path):
    """Found by review (helper-54): after Ctrl-C, `-o FILE.parquet` lacked the rows of the batch (and row group)
    being written, which the summary and the report had counted. The rows written so far are kept."""
    from nlcleaner.corpus import Interrupted

    src = _write(tmp_path / "in.parquet", _table(3000), row_group_size=1300)
    out = tmp_path / "o.parquet"

    def stop(outcome):
        if outcome.record == 2000:
            raise KeyboardInterrupt

    with pytest.raises(Interrupted) as info:
        run_batch([str(src)], resolved(), output_dir=None, output=out, on_outcome=stop)
    got = pq.read_table(out).column("id").to_pylist()
    assert got == list(range(info.value.stats.documents)) and len(got) > 2000
    md = pq.ParquetFile(out).metadata
    assert md.row_group(0).num_rows == 1300


@pytest.mark.parametrize("content", [b"", b"PAR1garbage"])
def test_a_file_that_is_not_parquet_at_all_fails_alone(tmp_path, content):
    """Found by review (helper-54): a .parquet file whose footer cannot be read stopped the whole run before
    anything was written; it now fails as an input (exit 2 at the end) and the other inputs are cleaned."""
    good = _write(tmp_path / "good.parquet", _table(4))
    bad = tmp_path / "bad.parquet"
    bad.write_bytes(content)
    seen = []
    for output_dir, output in ((tmp_path / "o", None), (None, tmp_path / "all.parquet")):
        seen.clear()
        run_batch([str(bad), str(good)], resolved(), output_dir=output_dir, output=output, on_outcome=seen.append)
        assert seen[0].failed and seen[0].record is None and "not a readable Parquet file" in seen[0].error
        assert [o.record for o in seen[1:]] == [0, 1, 2, 3]  # (row 3's text is null: a bad row, passed through)
    assert pq.read_table(tmp_path / "o" / "good.parquet").num_rows == 4
    assert not (tmp_path / "o" / "bad.parquet").exists()
    assert pq.read_table(tmp_path / "all.parquet").num_rows == 4
    from typer.testing import CliRunner

    import nlcleaner.cli.commands  # noqa: F401
    from nlcleaner.cli import app

    run = CliRunner().invoke(app, ["clean", "--isolated", "-q", "--output-dir", str(tmp_path / "c"), str(bad),
                                   str(good)])
    assert run.exit_code == 2 and (tmp_path / "c" / "good.parquet").exists()


def test_a_row_group_larger_than_the_cap_is_written_in_pieces(tmp_path, monkeypatch):
    """Found by review (helper-58): a file written as one large row group was held whole in memory (240k rows:
    740 MB). Past GROUP_MAX_BYTES the group is written in pieces; nothing is lost."""
    from nlcleaner.corpus.formats import parquet

    monkeypatch.setattr(parquet, "GROUP_MAX_BYTES", 100_000)
    src = _write(tmp_path / "in.parquet", _table(3000), row_group_size=3000)
    out = tmp_path / "o.parquet"
    run_batch([str(src)], resolved(), output_dir=None, output=out, on_outcome=None)
    md = pq.ParquetFile(out).metadata
    assert md.num_row_groups > 1 and sum(md.row_group(g).num_rows for g in range(md.num_row_groups)) == 3000
    assert pq.read_table(out).column("id").to_pylist() == list(range(3000))
