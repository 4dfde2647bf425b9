"""Corpus mode over WARC / WET: conversion records cleaned, their headers rewritten (Content-Length, digests
recomputed), every other record byte-identical; the output reads back with fastwarc and warcio (extra `warc`)."""

from __future__ import annotations

import base64
import gzip
import hashlib
import io

import pytest

from corpus_support import ARTICLE, FURNISHED, cleaner, require, resolved

from nlcleaner.corpus import run_batch


def _digest(block: bytes) -> bytes:
    return b"sha1:" + base64.b32encode(hashlib.sha1(block).digest())


def _record(kind: bytes, block: bytes, uri: bytes = b"https://www.example.com/a", n: int = 1) -> bytes:
    head = [
        b"WARC/1.0", b"WARC-Type: " + kind, b"WARC-Target-URI: " + uri,
        b"WARC-Date: 2024-01-01T00:00:00Z", b"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-%012d>" % n,
        b"WARC-Block-Digest: " + _digest(block), b"Content-Type: text/plain",
        b"Content-Length: " + str(len(block)).encode(),
    ]
    return b"\r\n".join(head) + b"\r\n\r\n" + block + b"\r\n\r\n"


def _wet(gz: bool = False) -> bytes:
    records = [
        _record(b"warcinfo", b"software: test\r\n", b"", 0),
        _record(b"conversion", FURNISHED.encode(), n=1),
        _record(b"conversion", ARTICLE.encode(), n=2),
        _record(b"response", b"HTTP/1.1 200 OK\r\n\r\n<html>ADVERTISEMENT</html>", n=3),
        _record(b"conversion", ("Zürich " + FURNISHED).encode(), b"https://news.example.org/z", n=4),
    ]
    if gz:
        return b"".join(gzip.compress(r) for r in records)
    return b"".join(records)


def test_conversion_records_cleaned_and_others_untouched(tmp_path):
    src = tmp_path / "crawl.warc.wet"
    src.write_bytes(_wet())
    seen = []
    out = tmp_path / "out.wet"
    stats = run_batch([str(src)], resolved(), output_dir=None, output=out, on_outcome=seen.append)
    data = out.read_bytes()
    original = _wet()
    assert data.startswith(_record(b"warcinfo", b"software: test\r\n", b"", 0))
    assert _record(b"conversion", ARTICLE.encode(), n=2) in data
    assert _record(b"response", b"HTTP/1.1 200 OK\r\n\r\n<html>ADVERTISEMENT</html>", n=3) in data
    assert len(data) < len(original)
    assert (stats.documents, stats.changed) == (3, 2)
    assert [o.record for o in seen] == [1, 2, 4]
    assert seen[0].source == "https://www.example.com/a" and seen[0].id.startswith("<urn:uuid:")


def test_output_reads_back_with_fastwarc_and_digests_verify(tmp_path):
    fastwarc = require("fastwarc")
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    src = tmp_path / "crawl.warc.wet.gz"
    src.write_bytes(_wet(gz=True))
    out = tmp_path / "out"
    run_batch([str(src)], resolved(), output_dir=out, output=None, on_outcome=None)
    target = out / "crawl.warc.wet.gz"
    with open(target, "rb") as fh:
        records = list(ArchiveIterator(fh, parse_http=False, record_types=WarcRecordType.any_type))
    assert len(records) == 5
    clean = cleaner()
    with open(target, "rb") as fh:
        for rec in ArchiveIterator(fh, parse_http=False, record_types=WarcRecordType.conversion):
            assert rec.verify_block_digest()
            body = rec.reader.read()
            assert clean.clean(body.decode()).changed is False  # cleaned already: idempotent
    assert fastwarc is not None
    # one gzip member per record, as WARC readers expect
    raw = target.read_bytes()
    assert raw.count(b"\x1f\x8b\x08") >= 5


def test_output_reads_back_with_warcio(tmp_path):
    require("warcio")
    from warcio.archiveiterator import ArchiveIterator

    src = tmp_path / "crawl.wet"
    src.write_bytes(_wet())
    out = tmp_path / "o.wet"
    run_batch([str(src)], resolved(), output_dir=None, output=out, on_outcome=None)
    texts = []
    with open(out, "rb") as fh:
        for rec in ArchiveIterator(fh, check_digests=True):
            if rec.rec_type == "conversion":
                block = rec.content_stream().read()
                assert rec.rec_headers.get_header("Content-Length") == str(len(block))
                assert rec.rec_headers.get_header("WARC-Block-Digest") == _digest(block).decode()
                texts.append(block.decode())
    assert texts == [cleaner().clean(FURNISHED).text, ARTICLE, cleaner().clean("Zürich " + FURNISHED).text]


def test_truncated_record_passes_through_and_counts(tmp_path):
    data = _wet()
    src = tmp_path / "cut.wet"
    src.write_bytes(data[:-40])
    seen = []
    out = tmp_path / "o.wet"
    stats = run_batch([str(src)], resolved(), output_dir=None, output=out, on_outcome=seen.append)
    assert stats.failed == 1 and "truncated" in seen[-1].error
    assert out.read_bytes().endswith(data[-200:-40])


def test_drop_empty_removes_conversion_records(tmp_path):
    only = _record(b"conversion", b"ADVERTISEMENT\n", n=9)
    src = tmp_path / "a.wet"
    src.write_bytes(_wet() + only)
    stats = run_batch([str(src)], resolved(drop_empty=True), output_dir=None, output=tmp_path / "o.wet",
                      on_outcome=None)
    assert stats.dropped == 1 and b"0009>" not in (tmp_path / "o.wet").read_bytes()


def test_stream_parser_reads_stdin_style_buffers():
    from nlcleaner.corpus.compress import InputStream
    from nlcleaner.corpus.formats import warc
    from nlcleaner.corpus.mapping import Job
    from pathlib import Path

    stream = InputStream(io.BufferedReader(io.BytesIO(_wet())))
    units = list(warc.read(Job(Path("x.wet"), "warc"), None, stream))
    assert b"".join(u.raw for u in units) == _wet()
    assert [u.payload is not None for u in units] == [False, True, True, False, True]


def _mis_sized(delta: int) -> tuple[bytes, bytes, list[bytes]]:
    """Five conversion records, the second one's Content-Length off by `delta`: (the stream, that record as
    written, the other four)."""
    records = [_record(b"conversion", (f"Story {n}.\n\n" + FURNISHED).encode(), n=n) for n in range(5)]
    size = str(len(f"Story 1.\n\n{FURNISHED}".encode())).encode()
    bad = records[1].replace(b"Content-Length: " + size, b"Content-Length: " + str(int(size) + delta).encode())
    return b"".join([records[0], bad, *records[2:]]), bad, [records[0], *records[2:]]


@pytest.mark.parametrize("delta", [5, 400, -10])
@pytest.mark.parametrize("gz", [False, True])
def test_a_wrong_content_length_fails_that_record_only(tmp_path, delta, gz):
    """A record whose Content-Length is too long (its block would swallow the next record) or too short passes
    through unchanged and is counted as failed; every record after it is still read and cleaned (found by review,
    helper-42: the block was cleaned with the next records in it, or the rest of the file was left uncounted)."""
    data, bad, good = _mis_sized(delta)
    src = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    members = [good[0], bad, *good[1:]]
    src.write_bytes(b"".join(gzip.compress(r) for r in members) if gz else data)
    out = tmp_path / "out.warc"
    seen = []
    stats = run_batch([str(src)], resolved(), output_dir=None, output=out, on_outcome=seen.append)
    written = out.read_bytes()
    assert (stats.documents, stats.failed) == (5, 1)
    assert stats.changed == 4 and [o.record for o in seen if o.error] == [1]
    assert bad in written  # passed through byte for byte
    expected = tmp_path / "expected.warc"
    (tmp_path / "good.warc").write_bytes(b"".join(good))
    run_batch([str(tmp_path / "good.warc")], resolved(), output_dir=None, output=expected, on_outcome=None)
    assert written.replace(bad, b"") == expected.read_bytes()  # the others cleaned as if alone


def test_bytes_between_records_fail_alone_and_reading_goes_on(tmp_path):
    data = _wet()
    first = _record(b"warcinfo", b"software: test\r\n", b"", 0)
    src = tmp_path / "junk.wet"
    src.write_bytes(first + b"stray line that is no record\r\nanother\r\n" + data[len(first):])
    out = tmp_path / "o.wet"
    seen = []
    stats = run_batch([str(src)], resolved(), output_dir=None, output=out, on_outcome=seen.append)
    assert (stats.documents, stats.failed, stats.changed) == (4, 1, 2)
    assert b"stray line that is no record\r\nanother\r\n" in out.read_bytes()


def test_the_reader_gives_back_every_byte_of_a_mis_framed_stream():
    from pathlib import Path

    from nlcleaner.corpus.compress import InputStream
    from nlcleaner.corpus.formats import warc
    from nlcleaner.corpus.mapping import Job

    for delta in (1, 4, 5, 37, -1, -3, -50):
        data, _, _ = _mis_sized(delta)
        for garbage in (b"", b"junk\n", b"\r\nWARC"):
            stream = InputStream(io.BufferedReader(io.BytesIO(data + garbage)))
            units = list(warc.read(Job(Path("x.wet"), "warc"), None, stream))
            assert b"".join(u.raw for u in units) == data + garbage
            assert sum(u.payload is not None for u in units) >= 3


def test_extra_blank_lines_between_records_are_no_error(tmp_path):
    data = _wet().replace(b"\r\n\r\nWARC/1.0", b"\r\n\r\n\r\n\r\nWARC/1.0")
    src = tmp_path / "spaced.wet"
    src.write_bytes(data)
    stats = run_batch([str(src)], resolved(), output_dir=None, output=tmp_path / "o.wet", on_outcome=None)
    assert (stats.documents, stats.failed, stats.changed) == (3, 0, 2)


@pytest.mark.parametrize("spell", [lambda n: b"+" + n, lambda n: n[:1] + b"_" + n[1:], lambda n: b"-5",
                                   lambda n: n + b"\r\nContent-Length: 5"], ids=["plus", "underscore", "negative", "twice"])
def test_a_content_length_that_is_not_one_number_fails_the_record(tmp_path, spell):
    """Found by review (helper-54): int() took "+26" and "2_6", a negative length read nothing and passed as a
    good record, and two Content-Length headers were both rewritten to the cleaned block's length."""
    block = ("Story.\n\n" + FURNISHED).encode()
    good = _record(b"conversion", block, n=1)
    size = str(len(block)).encode()
    if spell(size) == b"-5":
        block = b""  # (a negative length over an empty block: nothing to misread, it must still fail)
        size = b"0"
    bad = _record(b"conversion", block, n=2).replace(b"Content-Length: " + size, b"Content-Length: " + spell(size))
    src = tmp_path / "in.warc"
    src.write_bytes(good + bad)
    out = tmp_path / "out.warc"
    seen = []
    stats = run_batch([str(src)], resolved(), output_dir=None, output=out, on_outcome=seen.append)
    assert stats.failed == 1 and [o.record for o in seen if o.error] == [1]
    assert out.read_bytes().endswith(bad)  # passed through as read


def test_a_bad_record_is_not_a_damaged_stream_but_a_cut_one_is(tmp_path):
    """Found by review (helper-91): a WARC record with a wrong Content-Length was reported as stream damage ("the rest
    passed on as read") though the records after it were cleaned."""
    data, _, _ = _mis_sized(5)
    src = tmp_path / "crawl.warc"
    src.write_bytes(data)
    seen = []
    run_batch([str(src)], resolved(), output_dir=None, output=tmp_path / "o.warc", on_outcome=seen.append)
    assert [o.failed for o in seen].count(True) == 1 and not any(o.damage for o in seen)
    cut = tmp_path / "cut.wet.gz"
    cut.write_bytes(gzip.compress(_wet())[:-30])
    seen = []
    run_batch([str(cut)], resolved(), output_dir=None, output=tmp_path / "o2.wet", on_outcome=seen.append)
    assert seen[-1].failed and seen[-1].damage
