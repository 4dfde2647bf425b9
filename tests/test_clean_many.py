"""Cleaning several texts at once (`Cleaner.clean_many`, the JSONL reader's `process_many`) gives each text exactly
what cleaning it alone gives: the first round of small texts is only prepared together (one key scan and one gate
scan of all their lines), never decided together."""

from __future__ import annotations

import json
import random

import pytest

from conftest import FIXTURES, needs_gate

from nlcleaner import Cleaner
from nlcleaner.detect import Round, first_rounds


def _texts() -> list[str]:
    """The fixtures whole and cut into pieces (most are small documents), shuffled, and texts that take other paths:
    empty, blank, CRLF, a BOM, suppression markers, no key at all, a line too long for the gate."""
    whole = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.rglob("*.txt"))]
    rng = random.Random(5)
    pieces = []
    for text in whole:
        lines = text.split("\n")
        for _ in range(3):
            a = rng.randrange(len(lines))
            pieces.append("\n".join(lines[a:a + rng.randint(1, 12)]))
    odd = ["", "\n", "\r\n", "zzz", "Share this", "\ufeffShare this\n", "Follow us\r\nShare this\r\n\r\n",
           "nlcleaner: off\nShare this\nnlcleaner: on\nShare this\n", "Story.\n\n" + "word " * 30_000 + "\nShare this\n",
           # small, but its case-folded view (NFKC) is longer than the gate's limit (its line is not: the gate judges
           # it) ...
           "Share this\n" + "\ufdfa" * 6_000 + "\n",
           # ... and a line too long for it (not batched by clean_many; scan_many given it scans its batch text by text)
           "Share this\n" + "\ufdfa" * 100_001 + "\n"]
    texts = whole + pieces + odd
    rng.shuffle(texts)
    return texts


def _outcome(result):
    return result.text, result.removals, result.held, result.flags


def _same_processed(together: list, alone: list) -> None:
    """A reader's records processed together are each what processing it alone gives."""
    fields = ("out", "error", "id", "source", "chars", "dropped", "document")
    assert [tuple(getattr(p, f) for f in fields) for p in together] == [
        tuple(getattr(p, f) for f in fields) for p in alone
    ]
    assert [p.result and _outcome(p.result) for p in together] == [p.result and _outcome(p.result) for p in alone]


def test_clean_many_gives_each_text_what_clean_gives_it(cleaner):
    texts = _texts()
    sources = [None if i % 3 else "https://www.example.com/news/1" for i in range(len(texts))]
    for a in range(0, len(texts), 40):  # batches with and without the long line
        batch, where = texts[a:a + 40], sources[a:a + 40]
        assert [_outcome(r) for r in cleaner.clean_many(batch, where)] == [
            _outcome(cleaner.clean(t, s)) for t, s in zip(batch, where)
        ]
    assert [_outcome(r) for r in cleaner.clean_many(["Share this\n"])] == [_outcome(cleaner.clean("Share this\n"))]
    assert cleaner.clean_many([]) == []


@needs_gate
def test_texts_scanned_together_get_their_own_scans(cleaner):
    """Also in a batch with a line too long for the gate, whose scans are then made one by one."""
    pf = cleaner._prefilter
    texts = _texts()
    for a in range(0, len(texts), 40):
        batch = texts[a:a + 40]
        for text, hits in zip(batch, pf.scan_many(batch)):
            alone = pf.scan(text)
            assert (hits.lines, hits.marked, hits.assumed) == (alone.lines, alone.marked, alone.assumed), text[:80]
            assert hits.parts in (None, text.split("\n"))


@needs_gate
def test_first_rounds_made_together_are_each_text_s_own(cleaner):
    """Each text's lines' views and gate verdicts, made with the others', are those its own first round makes."""
    pf = cleaner._prefilter
    texts = [t for t in _texts() if len(t) < 50_000]
    checked = 0
    for a in range(0, len(texts), 40):
        batch = texts[a:a + 40]
        hits = pf.scan_many(batch)
        for text, made in zip(batch, first_rounds(pf.gate, hits)):
            if made is None:
                continue
            own = Round(text, pf, 0.3, 0.2, pf.scan(text))
            assert made == (own.norms(), own._gate_results()), text[:80]
            checked += 1
    assert checked > 100


def test_jsonl_records_processed_together_are_each_processed_as_alone(cleaner, tmp_path):
    """The JSONL reader's `process_many`, with bad records, blank lines and an --annotate field among the records:
    each Processed is the one `process` gives that line."""
    from nlcleaner.corpus.formats import jsonl
    from nlcleaner.corpus.formats.base import Context

    lines = [json.dumps({"id": i, "text": t}).encode() + b"\n" for i, t in enumerate(_texts()[:60])]
    lines[3:3] = [b"\n", b"not json\n", b'{"id": 9, "text": 5}\n', b'{"id": 10}\n', b"\xff\xfe\n"]
    for options in ({}, {"annotate": True, "id-field": "id"}):
        ctx = Context.from_options(cleaner, options)
        _same_processed(jsonl.process_many(lines, ctx), [jsonl.process(line, ctx) for line in lines])


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"])
def test_a_raw_rule_for_lines_of_spaces_finds_them_whatever_the_line_endings(cleaner, tmp_path, ending):
    """A raw pattern that matches a line of spaces (a review's finding): the gate judged such a line as empty in a
    text with a CR anywhere, so the rule never fired there, and cleaning texts together disagreed with cleaning each
    alone. Now both remove the line, with LF, CRLF or a lone CR on another line."""
    from nlcleaner import Settings

    pack = tmp_path / "ws.toml"
    pack.write_text(
        '[pack]\nname = "ws"\n\n[[rule]]\nid = "ad.filler-line"\nkind = "pattern"\nwhy = "Filler."\non = "raw"\n'
        "pattern = '^-{3,}$|^[ \\t]+$'\n"
        '[rule.examples]\nremove = ["-----"]\nkeep = ["Plain text."]\n',
        encoding="utf-8",
    )
    mine = Cleaner(Settings(rules=(str(pack),)))
    text = "Intro line\n   \nBody text here\n" if ending == "\n" else f"Intro line{ending}   {ending}Body text here\n"
    if ending == "\r":
        text = "Intro line\n   \nBody\rtext here\n"
    alone = mine.clean(text)
    assert [(r.rule, r.text.strip(" \r\n")) for r in alone.removals] == [("ad.filler-line", "")]
    together = mine.clean_many([text, "Another text.\n\nShare this article\n"])
    assert _outcome(together[0]) == _outcome(alone)


def test_clean_many_takes_any_iterable_and_wants_a_source_a_text(cleaner):
    texts = ["a\n", "Share this article\n"]
    expected = [_outcome(cleaner.clean(t)) for t in texts]
    assert [_outcome(r) for r in cleaner.clean_many(t for t in texts)] == expected
    with pytest.raises(ValueError):
        cleaner.clean_many(texts, [None])
    from nlcleaner.integrations.batch import clean_batch

    out, _ = clean_batch((t for t in texts), sources=[None, None])
    assert out == [cleaner.clean(t).text for t in texts]


def test_many_small_texts_are_prepared_in_bounded_groups(cleaner):
    """Groups of at most BATCH_TEXTS texts and BATCH_GROUP_CHARS characters (what is prepared for a group is held
    until its texts are cleaned), and the results are each text's own across the groups' edges."""
    from nlcleaner import engine

    texts = [f"Line {i} of a short text.\n\nShare this article\n" for i in range(600)] + ["x" * 9_000] * 40
    groups = list(engine._groups(list(range(len(texts))), texts))
    assert [i for g in groups for i in g] == list(range(len(texts)))
    assert all(len(g) <= engine.BATCH_TEXTS and sum(len(texts[i]) for i in g) <= engine.BATCH_GROUP_CHARS
               for g in groups)
    assert len(groups) >= 4
    assert [_outcome(r) for r in cleaner.clean_many(texts)] == [_outcome(cleaner.clean(t)) for t in texts]


def test_parquet_rows_processed_together_are_each_processed_as_alone(cleaner):
    """The Parquet reader's `process_many`, with rows whose text is null or not a string among the rows, sources
    from the row or the options, and --annotate-only: each Processed is the one `process` gives that row."""
    from nlcleaner.corpus.formats import parquet
    from nlcleaner.corpus.formats.base import Context

    payloads = [(t, i, "https://example.com/x" if i % 4 == 0 else None) for i, t in enumerate(_texts()[:60])]
    payloads[5:5] = [(None, "n1", None), (7, "n2", "https://example.com/y")]
    for options in ({}, {"source": "https://example.org/", "annotate-only": True}):
        ctx = Context.from_options(cleaner, options)
        together = parquet.process_many(payloads, ctx)
        _same_processed(together, [parquet.process(payload, ctx) for payload in payloads])
        assert sum(p.error is not None for p in together) == 2


def test_warc_records_processed_together_are_each_processed_as_alone(cleaner):
    """The WARC reader's `process_many` (through `Cleaner.clean_bytes_many`), with a binary block and a UTF-16 one
    among the records: each Processed is the one `process` gives that record."""
    from nlcleaner.corpus.formats import warc
    from nlcleaner.corpus.formats.base import Context

    blocks = [t.encode("utf-8", "surrogateescape") for t in _texts()[:50]]
    blocks[3:3] = [b"\x00\x01binary", "\ufeffShare this".encode("utf-16")]
    payloads = [
        (b"WARC/1.0\r\nWARC-Type: conversion\r\nContent-Length: %d\r\n\r\n" % len(block), block, b"\r\n\r\n",
         f"https://example.com/{i}" if i % 3 else None, f"<urn:uuid:{i}>")
        for i, block in enumerate(blocks)
    ]
    for options in ({}, {"annotate-only": True, "drop-empty": True}):
        ctx = Context.from_options(cleaner, options)
        together = warc.process_many(payloads, ctx)
        _same_processed(together, [warc.process(payload, ctx) for payload in payloads])
        assert sum(p.error is not None for p in together) == 2


def test_clean_bytes_many_gives_what_clean_bytes_gives(cleaner):
    from nlcleaner import InputError

    datas = [t.encode("utf-8", "surrogateescape") for t in _texts()[:40]] + [b"\x00bin", b"Share this\r\n"]
    got = cleaner.clean_bytes_many(datas)
    for data, g in zip(datas, got):
        try:
            want = cleaner.clean_bytes(data)
        except InputError as exc:
            assert isinstance(g, InputError) and str(g) == str(exc)
        else:
            assert g[0] == want[0] and _outcome(g[1]) == _outcome(want[1])


def test_text_files_processed_together_are_each_processed_as_alone(cleaner):
    from nlcleaner.corpus.formats import text
    from nlcleaner.corpus.formats.base import Context

    datas = [t.encode("utf-8", "surrogateescape") for t in _texts()[:50]] + [b"\x00binary", b"Share this\r\n"]
    ctx = Context.from_options(cleaner, {"source": "https://example.com/"})
    together = text.process_many(datas, ctx)
    _same_processed(together, [text.process(data, ctx) for data in datas])
    assert [p.error is not None for p in together].count(True) == 1
