"""Corpus mode over WARC / WET: conversion records cleaned, their headers rewritten (Content-Length, digests
recomputed), every other record byte-identical; the output reads back with fastwarc and warcio (extra `warc`)."""

from __future__ import annotations

import base64
import gzip
import hashlib
import io

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
