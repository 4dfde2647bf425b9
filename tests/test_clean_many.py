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
           "nlcleaner: off\nShare this\nnlcleaner: on\nShare this\n", "Story.\n\n" + "word " * 30_000 + "\nShare this\n"]
    texts = whole + pieces + odd
    rng.shuffle(texts)
    return texts


def _outcome(result):
    return result.text, result.removals, result.held, result.flags


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
    pf = cleaner._prefilter
    texts = [t for t in _texts() if len(t) < 50_000]  # (with the long line the scan falls back to one by one)
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
        together = jsonl.process_many(lines, ctx)
        alone = [jsonl.process(line, ctx) for line in lines]
        fields = ("out", "error", "id", "source", "chars", "dropped", "document")
        assert [tuple(getattr(p, f) for f in fields) for p in together] == [
            tuple(getattr(p, f) for f in fields) for p in alone
        ]
        assert [p.result and _outcome(p.result) for p in together] == [p.result and _outcome(p.result) for p in alone]
