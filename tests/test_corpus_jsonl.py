"""Corpus mode over JSON Lines: byte-identical pass-through, in-place edits of changed records, --annotate,
--drop-empty / --min-chars, bad records (passed through or to --rejects, counted), gzip and zstd in and out."""

from __future__ import annotations

import gzip
import io
import json
import os

import pytest
from conftest import needs_gate
from corpus_support import ARTICLE, FURNISHED, cleaner, require, resolved

from nlcleaner.corpus import UsageError, run_batch
from nlcleaner.corpus.formats.jsonl import scan


def _line(obj, **kw) -> bytes:
    return (json.dumps(obj, **kw) + "\n").encode()


def _run(tmp_path, lines, name="in.jsonl", out="out.jsonl", **options):
    src = tmp_path / name
    data = b"".join(lines)
    if name.endswith(".gz"):
        data = gzip.compress(data)
    src.write_bytes(data)
    seen = []
    stats = run_batch([str(src)], resolved(**options), output_dir=None, output=tmp_path / out, on_outcome=seen.append)
    return stats, seen, tmp_path / out


def test_unchanged_records_are_byte_identical_and_changed_ones_keep_everything_else(tmp_path):
    odd = b'{ "id" : 7,"n":1.0E5, "text" : "' + json.dumps(ARTICLE)[1:-1].encode() + b'" ,"u":"\\u00e9"}\r\n'
    changed = b'{"meta": {"text": "nested"}, "text": ' + json.dumps(FURNISHED).encode() + b', "x": [1.50, null]}\n'
    stats, seen, out = _run(tmp_path, [odd, changed])
    lines = out.read_bytes().splitlines(keepends=True)
    assert lines[0] == odd
    expected_text = cleaner().clean(FURNISHED).text
    assert lines[1] == b'{"meta": {"text": "nested"}, "text": ' + json.dumps(expected_text).encode() + b', "x": [1.50, null]}\n'
    assert list(json.loads(lines[1])) == ["meta", "text", "x"]
    assert (stats.documents, stats.changed, stats.failed) == (2, 1, 0)
    assert [o.record for o in seen] == [0, 1] and seen[0].id == 7 and seen[1].id is None


def test_non_ascii_records_stay_unescaped_and_ascii_ones_stay_ascii(tmp_path):
    raw = _line({"text": FURNISHED.replace("harbour", "Hafenviertel ä"), "t": "ü"}, ensure_ascii=False)
    asc = _line({"text": FURNISHED.replace("harbour", "Hafenviertel ä")})
    _, _, out = _run(tmp_path, [raw, asc])
    a, b = out.read_bytes().splitlines()
    assert "Hafenviertel ä".encode() in a and b"\\u00e4" not in a
    assert b.isascii() and b"\\u00e4" in b


@pytest.mark.parametrize("line, why", [
    (b"not json at all\n", "not a JSON object"),
    (b"[1, 2]\n", "not a JSON object"),
    (b'{"id": 1, "text": "unterminated\n', "not a JSON object"),
    (b'{"id": "x"}\n', "no 'text' field"),
    (b'{"text": 42}\n', "not a string"),
    (b'{"text": null}\n', "not a string"),
    (b'{"text": "caf\xe9"}\n', "invalid UTF-8"),
    (b'{"text": "a"} trailing\n', "not a JSON object"),
])
def test_bad_records_pass_through_counted_and_named(tmp_path, line, why):
    good = _line({"text": FURNISHED})
    stats, seen, out = _run(tmp_path, [good, line, good])
    lines = out.read_bytes().splitlines(keepends=True)
    assert lines[1] == line
    assert stats.failed == 1 and stats.documents == 3 and stats.changed == 2
    assert seen[1].failed and why in seen[1].error and seen[1].record == 1


def test_blank_lines_pass_through_and_are_not_documents(tmp_path):
    stats, seen, out = _run(tmp_path, [_line({"text": ARTICLE}), b"\n", b"  \r\n", _line({"text": ARTICLE})])
    assert out.read_bytes().count(b"\n") == 4
    assert stats.documents == 2 and [o.record for o in seen] == [0, 3]


def test_rejects_take_bad_records_out_of_the_output(tmp_path):
    rejects = tmp_path / "rejects.jsonl"
    stats, seen, out = _run(tmp_path, [_line({"text": ARTICLE}), b"oops\n", b'{"x": 1}'], rejects=str(rejects))
    assert out.read_bytes() == _line({"text": ARTICLE})
    assert rejects.read_bytes() == b'oops\n{"x": 1}\n'
    assert stats.failed == 2


def test_annotate_adds_removals_to_every_record(tmp_path):
    lines = [_line({"id": "a", "text": FURNISHED}), _line({"id": "b", "text": ARTICLE}), b'{}\n']
    _, _, out = _run(tmp_path, lines, annotate="nlc", rejects=str(tmp_path / "r.jsonl"))
    recs = [json.loads(x) for x in out.read_bytes().splitlines()]
    assert list(recs[0]) == ["id", "text", "nlc"]
    assert [r["rule"] for r in recs[0]["nlc"]] == ["ad.reference-advertisement-marker", "social.reference-share-line"]
    assert recs[0]["text"] == cleaner().clean(FURNISHED).text
    assert recs[1]["nlc"] == [] and recs[1]["text"] == ARTICLE
    assert set(recs[0]["nlc"][0]) == {"rule", "category", "start_line", "end_line", "start", "end", "text"}
    # replaying the annotation on the input gives the output
    from nlcleaner.records import Removal, apply_removals

    assert apply_removals(FURNISHED, [Removal.from_dict(d) for d in recs[0]["nlc"]]) == recs[0]["text"]


def test_annotate_only_keeps_the_text(tmp_path):
    _, _, out = _run(tmp_path, [_line({"text": FURNISHED})], annotate="nlc", annotate_only=True)
    rec = json.loads(out.read_bytes())
    assert rec["text"] == FURNISHED and len(rec["nlc"]) == 2


def test_annotate_replaces_an_existing_field_and_handles_compact_records(tmp_path):
    line = b'{"text":' + json.dumps(FURNISHED).encode() + b',"nlc":"old"}\n'
    _, _, out = _run(tmp_path, [line], annotate="nlc")
    text = out.read_bytes()
    assert b'"nlc":[{' in text and b'"old"' not in text and b", " not in text.split(b'"nlc"')[0]


def test_drop_empty_and_min_chars_drop_and_count(tmp_path):
    only_furniture = _line({"text": "ADVERTISEMENT\n"})
    short = _line({"text": "Short.\n"})
    lines = [_line({"text": FURNISHED}), only_furniture, short, _line({"text": ""})]
    stats, seen, out = _run(tmp_path, lines, drop_empty=True)
    assert len(out.read_bytes().splitlines()) == 2 and stats.dropped == 2
    assert [o.dropped for o in seen] == [False, True, False, True]
    stats, _, out = _run(tmp_path, lines, min_chars=20, out="o2.jsonl")
    assert len(out.read_bytes().splitlines()) == 1 and stats.dropped == 3


def test_source_field_and_id_field(tmp_path):
    lines = [_line({"doc": 5, "url": "https://www.example.com/a", "text": ARTICLE})]
    _, seen, _ = _run(tmp_path, lines, id_field="doc", source_field="url")
    assert seen[0].id == 5 and seen[0].source == "https://www.example.com/a"


def test_text_field_option(tmp_path):
    lines = [_line({"body": FURNISHED, "text": "ADVERTISEMENT\n"})]
    _, _, out = _run(tmp_path, lines, text_field="body")
    rec = json.loads(out.read_bytes())
    assert rec["text"] == "ADVERTISEMENT\n" and "ADVERTISEMENT" not in rec["body"]


def test_gzip_in_gzip_out_and_shard_to_shard(tmp_path):
    src = tmp_path / "shards"
    src.mkdir()
    for i in range(3):
        (src / f"part-{i}.jsonl.gz").write_bytes(gzip.compress(_line({"id": i, "text": FURNISHED}) * 5))
    (src / "part-3.json.gz").write_bytes(gzip.compress(_line({"id": 3, "text": ARTICLE})))
    out = tmp_path / "out"
    stats = run_batch([str(src)], resolved(), output_dir=out, output=None, on_outcome=None)
    assert sorted(p.name for p in out.iterdir()) == ["part-0.jsonl.gz", "part-1.jsonl.gz", "part-2.jsonl.gz",
                                                      "part-3.json.gz"]
    recs = [json.loads(x) for x in gzip.decompress((out / "part-1.jsonl.gz").read_bytes()).splitlines()]
    assert len(recs) == 5 and recs[0]["text"] == cleaner().clean(FURNISHED).text
    assert stats.documents == 16 and stats.changed == 15


def test_several_shards_join_into_one_output_with_compression_from_its_name(tmp_path):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl.gz"
    a.write_bytes(_line({"text": ARTICLE}).rstrip(b"\n"))  # no final newline: must not join the next record
    b.write_bytes(gzip.compress(_line({"text": FURNISHED})))
    out = tmp_path / "all.jsonl.gz"
    run_batch([str(a), str(b)], resolved(), output_dir=None, output=out, on_outcome=None)
    lines = gzip.decompress(out.read_bytes()).splitlines()
    assert [json.loads(x)["text"] for x in lines] == [ARTICLE, cleaner().clean(FURNISHED).text]


def test_zstd_in_and_out(tmp_path):
    zstd = require("zstandard")
    src = tmp_path / "in.jsonl.zst"
    src.write_bytes(zstd.ZstdCompressor().compress(_line({"text": FURNISHED}) * 3))
    out = tmp_path / "out.jsonl.zst"
    stats = run_batch([str(src)], resolved(), output_dir=None, output=out, on_outcome=None)
    data = zstd.ZstdDecompressor().stream_reader(io.BytesIO(out.read_bytes())).read()
    assert [json.loads(x)["text"] for x in data.splitlines()] == [cleaner().clean(FURNISHED).text] * 3
    assert stats.changed == 3


def test_truncated_gzip_keeps_what_was_readable_and_counts_the_loss(tmp_path):
    good = b"".join(_line({"id": i, "text": FURNISHED * 20}) for i in range(40))
    data = gzip.compress(good)
    src = tmp_path / "cut.jsonl.gz"
    src.write_bytes(data[: len(data) * 2 // 3])
    seen = []
    stats = run_batch([str(src)], resolved(), output_dir=tmp_path / "o", output=None, on_outcome=seen.append)
    assert seen[-1].failed and "truncated gzip" in seen[-1].error
    assert stats.failed == 1 and stats.documents == len(seen) and 0 < stats.changed < 40
    out = gzip.decompress((tmp_path / "o" / "cut.jsonl.gz").read_bytes())
    *complete, partial = out.split(b"\n")
    assert all(json.loads(x)["text"] == cleaner().clean(FURNISHED * 20).text for x in complete)
    assert good.split(b"\n")[len(complete)].startswith(partial)  # the cut record passed through as read


def test_stdin_streams_jsonl_to_stdout(tmp_path, monkeypatch):
    data = _line({"text": FURNISHED}) + b"bad\n"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(data))))
    sink = io.BytesIO()
    seen = []
    stats = run_batch(["-"], resolved(input_format="jsonl"), output_dir=None, output=None,
                      on_outcome=seen.append, stdout=sink)
    assert sink.getvalue() == _line({"text": cleaner().clean(FURNISHED).text}) + b"bad\n"
    assert stats.failed == 1 and seen[0].path == "-"


def test_output_never_depends_on_jobs(tmp_path):
    lines = [_line({"id": i, "text": FURNISHED if i % 2 else ARTICLE}) for i in range(700)] + [b"bad\n"]
    outs = []
    for jobs in (1, 2):
        stats, seen, out = _run(tmp_path, lines, out=f"o{jobs}.jsonl", jobs=jobs)
        outs.append((out.read_bytes(), [(o.record, o.changed, o.error) for o in seen], stats.to_dict()))
    assert outs[0] == outs[1]


@needs_gate
def test_workers_load_the_gate_the_run_built_before_starting_them(tmp_path, monkeypatch):
    """With a cold cache, the run compiles the gate's database once, before its workers start, and they load it
    from the cache: each compiling it at once would cost a minute of CPU and its memory apiece."""
    from nlcleaner.prefilter import gate

    monkeypatch.setenv("NLCLEANER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("NLCLEANER_GATE", raising=False)
    monkeypatch.setenv("NLCLEANER_PREFILTER", "hyperscan")
    compiles = tmp_path / "compiles"
    compile_now = gate.BranchGate._compile

    def counted(self, exprs, flags):  # (forked workers inherit it, and write their process ids too)
        with open(compiles, "a", encoding="utf-8") as f:
            f.write(f"{os.getpid()}\n")
        return compile_now(self, exprs, flags)

    monkeypatch.setattr(gate.BranchGate, "_compile", counted)
    lines = [_line({"id": i, "text": FURNISHED if i % 2 else ARTICLE}) for i in range(200)]
    stats, _, _ = _run(tmp_path, lines, jobs=2)
    assert stats.changed == 100
    pids = compiles.read_text(encoding="utf-8").split()
    assert pids and set(pids) == {str(os.getpid())}
    # without a cache folder the workers could not load it: the run does not build one of its own first
    compiles.unlink()
    monkeypatch.setenv("NLCLEANER_CACHE_DIR", "off")
    _run(tmp_path, lines, out="o2.jsonl", jobs=2)
    pids = compiles.read_text(encoding="utf-8").split()
    assert pids and str(os.getpid()) not in pids


def test_usage_errors(tmp_path):
    src = tmp_path / "a.jsonl"
    src.write_bytes(_line({"text": ARTICLE}))
    (tmp_path / "b.txt").write_text(ARTICLE)
    cases = [
        ({"annotate": "text"}, {"output": tmp_path / "o.jsonl"}),
        ({"annotate-only": True}, {"output": tmp_path / "o.jsonl"}),
        ({}, {"output": src}),
        ({}, {"output": tmp_path / "o.parquet"}),
        ({}, {"output": tmp_path / "o.jsonl", "output_dir": tmp_path / "d"}),
        ({"rejects": str(src)}, {"output": tmp_path / "o.jsonl"}),
    ]
    for opts, kw in cases:
        kw.setdefault("output_dir", None)
        with pytest.raises(UsageError):
            run_batch([str(src)], resolved(**opts), on_outcome=None, **kw)
    with pytest.raises(UsageError):
        run_batch([str(tmp_path / "b.txt")], resolved(), output_dir=None, output=tmp_path / "o.jsonl",
                  on_outcome=None)
    assert not (tmp_path / "o.jsonl").exists() and not (tmp_path / "d").exists()


def test_scan_keeps_offsets_of_top_level_values():
    s = '{"a": {"text": 1}, "text" : "x\\"y", "b":[1,2]}'
    members, close, compact = scan(s)
    value, a, b = members["text"]
    assert value == 'x"y' and s[a:b] == '"x\\"y"' and s[close] == "}" and not compact


def test_truncated_zstd_is_reported_like_truncated_gzip(tmp_path):
    zstd = require("zstandard")
    data = zstd.ZstdCompressor().compress(b"".join(_line({"id": i, "text": FURNISHED * 30}) for i in range(200)))
    src = tmp_path / "cut.jsonl.zst"
    src.write_bytes(data[: len(data) // 2])
    seen = []
    stats = run_batch([str(src)], resolved(), output_dir=None, output=tmp_path / "o.jsonl", on_outcome=seen.append)
    assert stats.failed == 1 and "truncated zstd" in seen[-1].error and stats.changed == len(seen) - 1 > 0


def test_output_to_a_device_is_written_directly(tmp_path):
    import os

    src = tmp_path / "a.jsonl"
    src.write_bytes(_line({"text": ARTICLE}))
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    import threading

    got = []
    reader = threading.Thread(target=lambda: got.append(open(fifo, "rb").read()))
    reader.start()
    run_batch([str(src)], resolved(), output_dir=None, output=fifo, on_outcome=None)
    reader.join(10)
    assert got == [_line({"text": ARTICLE})]


def test_annotate_true_from_a_config_file_uses_the_default_field(tmp_path):
    _, _, out = _run(tmp_path, [_line({"text": FURNISHED})], annotate=True)
    assert len(json.loads(out.read_bytes())["nlcleaner"]) == 2


def test_a_bom_before_the_first_record_is_kept(tmp_path):
    first = b"\xef\xbb\xbf" + _line({"text": FURNISHED})
    stats, _, out = _run(tmp_path, [first, _line({"text": ARTICLE})])
    assert stats.failed == 0 and stats.changed == 1
    assert out.read_bytes().startswith(b"\xef\xbb\xbf{")


@pytest.mark.parametrize("line", [
    '{"text": "a", "text": "b"}',
    ' {"id":1,"text":"x\\u00e9\\ud83d\\ude00","n":1.0E5,"f":-0.0,"z":NaN} ',
    '{"text": "t", "nested": {"text": "inner"}, "list": [1, {"a": []}]}',
    '{}',
    '{"\\u0074ext": "escaped key"}',
])
def test_the_fast_reader_and_the_offset_scanner_read_the_same_values(line):
    """Records are read with json.loads and scanned for offsets only when edited: the two must agree."""
    members, _, _ = scan(line)
    assert repr({k: v for k, (v, _, _) in members.items()}) == repr(json.loads(line))  # (repr: NaN != NaN)


@pytest.mark.parametrize("value", [
    "", 'x"y', "a\\", 'a\\"b', "a\\\\", "\\\\\"", "\u00e9\U0001f600\n", '"', "\\" * 7 + '"' + "\\" * 3,
])
def test_a_string_end_found_without_decoding_is_where_the_decoder_ends(value):
    """An edit scans a record without decoding its strings (`values=False`): a quote led by an odd number of
    backslashes is escaped, an even number is not."""
    for ascii_only in (True, False):
        line = '{"text": ' + json.dumps(value, ensure_ascii=ascii_only) + ', "k": "v\\\\", "n": 1}'
        assert {k: (a, b) for k, (_, a, b) in scan(line, values=False)[0].items()} == \
            {k: (a, b) for k, (_, a, b) in scan(line)[0].items()}


def test_a_duplicate_text_key_cleans_and_edits_the_last_one(tmp_path):
    line = b'{"text": "first", "text": ' + json.dumps(FURNISHED).encode() + b'}\n'
    stats, _, out = _run(tmp_path, [line])
    expected = cleaner().clean(FURNISHED).text
    assert out.read_bytes() == b'{"text": "first", "text": ' + json.dumps(expected).encode() + b'}\n'
    assert stats.changed == 1


def test_a_record_nested_deeper_than_python_can_read_is_a_bad_record(tmp_path):
    deep = b'{"text": "x", "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n"
    good = _line({"text": FURNISHED})
    stats, seen, out = _run(tmp_path, [deep, good])
    assert out.read_bytes().splitlines(keepends=True)[0] == deep
    assert stats.failed == 1 and stats.changed == 1
    assert "nested too deeply" in seen[0].error


def _long_text(chars: int) -> str:
    """An article of about `chars` characters, outside ASCII too, with furniture between its paragraphs."""
    para = "Le conseil a approuvé le budget mardi — après un long débat. " * 20
    parts = []
    while sum(map(len, parts)) < chars:
        parts.append(para.strip() + "\n\n")
    parts.insert(len(parts) // 2, "ADVERTISEMENT\n\n")
    return "".join(parts)


@pytest.mark.parametrize("name", ["in.jsonl", "in.jsonl.gz"])
def test_a_record_longer_than_a_read_block_is_edited_or_passed_through_exactly(tmp_path, name):
    """Records of several read blocks (1 MB each): joined once when their line ends, decoded again when edited
    (a long line's decoded copy is not kept while its text is cleaned)."""
    from nlcleaner.corpus.compress import BLOCK

    text = _long_text(3 * BLOCK)
    changed = b'{"id": 1, "text": ' + json.dumps(text, ensure_ascii=False).encode() + b', "n": 1.50}\r\n'
    unchanged = b'{"id": 2,  "text": ' + json.dumps(ARTICLE * 40_000).encode() + b"}\n"
    assert len(changed) > 2 * BLOCK and len(unchanged) > 2 * BLOCK
    small = _line({"id": 3, "text": FURNISHED})
    stats, seen, out = _run(tmp_path, [small, changed, unchanged, small, b'{"id": 4, "text": "end"}'], name=name)
    lines = out.read_bytes().splitlines(keepends=True)
    expected = cleaner().clean(text).text
    assert expected != text and "ADVERTISEMENT" not in expected
    assert lines[1] == b'{"id": 1, "text": ' + json.dumps(expected, ensure_ascii=False).encode() + b', "n": 1.50}\r\n'
    assert lines[2] == unchanged
    assert lines[0] == lines[3] != small and lines[4] == b'{"id": 4, "text": "end"}'  # (as read)
    assert (stats.documents, stats.changed, stats.failed) == (5, 3, 0)
    assert [o.id for o in seen] == [3, 1, 2, 3, 4]


def test_a_long_record_is_held_about_once_while_read_and_while_cleaned(tmp_path):
    """Memory, counted by tracemalloc (allocations, not time): reading a 12 MB line holds its pieces and then the
    line (not a copy per block read, nor one per split); the record read from it keeps the line and its text,
    not its decoded copy too."""
    import sys
    import tracemalloc

    from nlcleaner.corpus.compress import open_input
    from nlcleaner.corpus.formats.base import Context
    from nlcleaner.corpus.formats.jsonl import _record, read

    text = ARTICLE * 90_000
    line = _line({"id": 1, "text": text})
    src = tmp_path / "long.jsonl"
    src.write_bytes(line + _line({"id": 2, "text": "short"}))
    del line
    stream = open_input(src)
    tracemalloc.start()
    try:
        sizes = [len(u.payload) for u in read(None, None, stream) if u.payload is not None]
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        stream.close()
    assert sizes[0] > 12_000_000 and len(sizes) == 2
    assert peak < 2.3 * sizes[0], peak / sizes[0]  # (was ~4x: each block joined to the rest, then split and copied)

    line = src.read_bytes().split(b"\n")[0] + b"\n"
    tracemalloc.start()
    try:
        record = _record(line, Context(cleaner=None))
        held, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert record.text == text
    assert held < 1.3 * sys.getsizeof(text), held / sys.getsizeof(text)  # the text, not its line decoded as well


@pytest.mark.parametrize("annotate", [None, "removed"])
def test_a_long_record_is_edited_without_holding_its_line_its_new_text_and_the_output_at_once(annotate):
    """Memory, by tracemalloc: editing a 12 MB record (its text cleaned, and an --annotate field added) holds
    about twice the line at most — what is kept of the decoded line, then each new value and its UTF-8 — not the
    decoded line, the new text, the edited line and its bytes all at once (five times the line, before)."""
    import tracemalloc

    from nlcleaner.corpus.formats.base import Context
    from nlcleaner.corpus.formats.jsonl import _cleaned, _record

    half = (ARTICLE + "\n\n") * 45_000
    text = half + "ADVERTISEMENT\n\n" + half
    line = b'{"id": 1, "text": ' + json.dumps(text).encode() + b', "n": 2}\r\n'
    ctx = Context(cleaner=cleaner(), annotate=annotate)
    record = _record(line, ctx)
    result = ctx.cleaner.clean(record.text)
    assert result.changed and len(line) > 12_000_000
    tracemalloc.start()
    try:
        p = _cleaned(record, result, ctx)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    expected = {"id": 1, "text": result.text, "n": 2}
    if annotate:
        expected[annotate] = [r.to_dict() for r in result.removals]
    assert json.loads(p.out) == expected and p.out.endswith(b"}\r\n")
    assert peak < 2.5 * len(line), peak / len(line)


def test_an_edited_text_with_a_lone_surrogate_escape_is_written_escaped(tmp_path):
    """A record written in UTF-8 whose text holds a \\ud800 escape (a lone surrogate, which UTF-8 cannot hold):
    its cleaned text is written with every character escaped, the surrogate too; the line is valid UTF-8."""
    text = "Café \ud800 au lait.\n\n" + FURNISHED
    raw = json.dumps(text, ensure_ascii=False).replace("\ud800", "\\ud800")
    line = ('{"id": 1, "text": ' + raw + "}\n").encode("utf-8")
    stats, _, out = _run(tmp_path, [line])
    expected = cleaner().clean(text).text
    assert expected != text and "\ud800" in expected
    assert stats.changed == 1 and stats.failed == 0
    assert out.read_bytes() == ('{"id": 1, "text": ' + json.dumps(expected) + "}\n").encode("ascii")


def test_a_last_record_without_a_newline_stays_so_in_one_output(tmp_path):
    """(left from a review) `-o FILE` and stdout added a newline after the last record of an input that had none,
    even when no input followed: the bytes of a record that nothing changed were not the bytes read. The newline
    is now written only before a next input's first record."""
    a = tmp_path / "a.jsonl"
    a.write_bytes(_line({"text": ARTICLE}).rstrip(b"\n"))
    out = tmp_path / "out.jsonl"
    run_batch([str(a)], resolved(), output_dir=None, output=out, on_outcome=None)
    assert out.read_bytes() == a.read_bytes()
    both = tmp_path / "both.jsonl"
    run_batch([str(a), str(a)], resolved(), output_dir=None, output=both, on_outcome=None)
    assert both.read_bytes() == a.read_bytes() + b"\n" + a.read_bytes()


@pytest.mark.parametrize("codec", ["gzip", "zstd"])
@pytest.mark.parametrize("after", [b"JUNK\n", b"second"])
def test_bytes_after_the_last_frame_lose_no_record_and_are_passed_on(tmp_path, codec, after):
    """Found by review (helper-54): bytes after a complete zstd frame lost every record decompressed in the same
    read (a small shard: all of them), and bytes after a gzip member reached neither the output nor --rejects.
    Every record before the damage is cleaned; the bytes nothing could read go on as the one failed record."""
    good = b"".join(_line({"id": i, "text": FURNISHED}) for i in range(6))
    if codec == "zstd":
        zstd = require("zstandard")
        packed = zstd.ZstdCompressor().compress(good)
        unpack = lambda b: zstd.ZstdDecompressor().stream_reader(io.BytesIO(b)).read()  # noqa: E731
    else:
        packed = gzip.compress(good)
        unpack = gzip.decompress
    if after == b"second":  # a plain record appended to the compressed file
        after = _line({"id": 6, "text": FURNISHED})
    src = tmp_path / f"in.jsonl.{'zst' if codec == 'zstd' else 'gz'}"
    src.write_bytes(packed + after)
    seen = []
    rejects = tmp_path / "rejects.jsonl"
    stats = run_batch([str(src)], resolved(rejects=str(rejects)), output_dir=None, output=tmp_path / "o.jsonl",
                      on_outcome=seen.append)
    out = (tmp_path / "o.jsonl").read_bytes().splitlines()
    assert [json.loads(x)["id"] for x in out] == list(range(6))
    assert stats.changed == 6 and stats.failed == 1 and seen[-1].failed
    assert rejects.read_bytes() == after
    # without --rejects, the bytes go to the output as read, after the six records
    stats = run_batch([str(src)], resolved(), output_dir=tmp_path / "d", output=None, on_outcome=None)
    assert unpack((tmp_path / "d" / src.name).read_bytes()).endswith(after) and stats.failed == 1


def test_a_damaged_gzip_member_keeps_the_members_before_it(tmp_path):
    first = b"".join(_line({"id": i, "text": FURNISHED}) for i in range(3))
    second = bytearray(gzip.compress(_line({"id": 3, "text": FURNISHED})))
    second[-6] ^= 0xFF  # a wrong CRC-32 in the second member's trailer
    src = tmp_path / "in.jsonl.gz"
    src.write_bytes(gzip.compress(first) + bytes(second))
    seen = []
    stats = run_batch([str(src)], resolved(), output_dir=None, output=tmp_path / "o.jsonl", on_outcome=seen.append)
    # (the damaged member's record too: its data comes before the trailer that fails the check)
    assert stats.changed == 4 and stats.failed == 1 and "damaged gzip" in seen[-1].error
    assert [json.loads(x)["id"] for x in (tmp_path / "o.jsonl").read_bytes().splitlines()[:4]] == [0, 1, 2, 3]


def test_a_wrong_crc_in_a_large_member_keeps_every_record_it_decompressed(tmp_path):
    """zlib raises on the trailer's CRC-32 instead of returning what the same call decompressed: the last read of
    a member (up to 256 KiB of compressed input, thousands of records) went out as compressed bytes. Now each
    record is cleaned and only the trailer is passed on as read."""
    good = b"".join(_line({"id": i, "text": FURNISHED}) for i in range(3000))
    data = bytearray(gzip.compress(good))
    data[-6] ^= 0xFF  # the CRC-32
    src = tmp_path / "in.jsonl.gz"
    src.write_bytes(bytes(data))
    seen = []
    stats = run_batch([str(src)], resolved(), output_dir=None, output=tmp_path / "o.jsonl", on_outcome=seen.append)
    assert stats.changed == 3000 and stats.failed == 1 and "damaged gzip" in seen[-1].error and seen[-1].damage
    out = (tmp_path / "o.jsonl").read_bytes()
    cut = out.rindex(b"\n") + 1
    # after the last cleaned record, the bytes that gave no data, as read: the trailer and the deflate stream's
    # last byte or so
    assert out[cut:].endswith(bytes(data[-8:])) and len(out) - cut < 16
    assert [json.loads(x)["id"] for x in out[:cut].splitlines()] == list(range(3000))


def test_damage_inside_a_member_keeps_the_records_decompressed_before_it(tmp_path):
    good = b"".join(_line({"id": i, "text": FURNISHED + f" Record {i}."}) for i in range(3000))
    data = bytearray(gzip.compress(good))
    at = len(data) * 3 // 4
    data[at:at + 40] = b"\xff" * 40  # (an invalid block somewhere in the last quarter)
    src = tmp_path / "in.jsonl.gz"
    src.write_bytes(bytes(data))
    seen = []
    stats = run_batch([str(src)], resolved(), output_dir=None, output=tmp_path / "o.jsonl", on_outcome=seen.append)
    assert seen[-1].failed and seen[-1].damage and not any(o.damage for o in seen[:-1])
    # the records before the damage, about three quarters of them: all cleaned, none lost, in order (zlib may
    # decompress damaged data into junk for a while before it notices: those lines are bad records, counted)
    first_bad = next(i for i, o in enumerate(seen) if o.failed)
    assert 2000 < first_bad < 3000
    out = (tmp_path / "o.jsonl").read_bytes().split(b"\n")
    assert [json.loads(x)["id"] for x in out[:first_bad]] == list(range(first_bad))
    assert all(o.changed for o in seen[:first_bad])


def test_more_than_leftover_max_after_the_damage_is_named_not_held(tmp_path, monkeypatch):
    """Found by review (helper-58): the bytes after damage were read whole into memory (300 MB of them: 660 MB of
    peak) and, inside the first MiB, cut at the sniffing buffer. Past LEFTOVER_MAX they are not read: the error
    says how many bytes were left, and the records before the damage are cleaned."""
    from nlcleaner.corpus import compress

    monkeypatch.setattr(compress, "LEFTOVER_MAX", 100)
    good = b"".join(_line({"id": i, "text": FURNISHED}) for i in range(6))
    src = tmp_path / "in.jsonl.gz"
    src.write_bytes(gzip.compress(good) + b"GARBAGE" + b"x" * 500)
    seen = []
    stats = run_batch([str(src)], resolved(), output_dir=None, output=tmp_path / "o.jsonl", on_outcome=seen.append)
    assert stats.changed == 6 and stats.failed == 1
    assert "507 bytes after the damage not read" in seen[-1].error
    assert b"GARBAGE" not in (tmp_path / "o.jsonl").read_bytes()


def test_a_read_error_inside_a_compressed_input_keeps_what_was_read(tmp_path, monkeypatch):
    """Found by review (helper-58): an I/O error while reading a .gz input stopped the whole run (the bytes after
    it were read again, and failed again): it ends that input as a failed record, as before."""
    from nlcleaner.corpus import compress

    good = b"".join(_line({"id": i, "text": FURNISHED * 40}) for i in range(400))
    src = tmp_path / "in.jsonl.gz"
    src.write_bytes(gzip.compress(good, compresslevel=0))  # (stored: the input is read in several pieces)
    real = compress._Counting._raw_read

    def failing(self, n):
        if self.pos > 300_000:
            raise OSError(5, "Input/output error")
        return real(self, min(n, 1 << 16) if n > 0 else n)

    monkeypatch.setattr(compress._Counting, "_raw_read", failing)
    seen = []
    stats = run_batch([str(src)], resolved(), output_dir=None, output=tmp_path / "o.jsonl", on_outcome=seen.append)
    assert stats.failed == 1 and "Input/output error" in seen[-1].error and 0 < stats.changed < 400
    assert len((tmp_path / "o.jsonl").read_bytes().splitlines()) >= stats.changed


def test_a_well_compressed_gzip_is_handed_over_a_block_at_a_time():
    """Found by review (helper-58): one decompress call on 256 KiB of gzip could return ~270 MB (peak 809 MB on a
    file of zeros); zlib's output limit keeps each read to about a block, and every byte still comes out."""
    from nlcleaner.corpus.compress import BLOCK, InputStream

    data = b"\n" * (40 * BLOCK)
    stream = InputStream(io.BufferedReader(io.BytesIO(gzip.compress(data) + gzip.compress(b"end\n"))))
    pieces = iter(lambda: stream.read(BLOCK), b"")
    sizes = [len(p) for p in pieces]
    assert max(sizes) <= BLOCK and sum(sizes) == len(data) + 4 and stream.error is None
