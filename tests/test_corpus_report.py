"""The people's side of a batch run: the summary table, the terminal bar chart and the HTML report."""

from __future__ import annotations

import html.parser
import io
import json

import pytest

from corpus_support import ARTICLE, FURNISHED, resolved

from nlcleaner.corpus import run_batch
from nlcleaner.corpus.summary import bar_lines, print_summary, summary_text


def _run(tmp_path, **options):
    src = tmp_path / "in.jsonl"
    recs = [{"id": i, "url": f"https://{'a' if i % 2 else 'b'}.example.com/{i}", "text": FURNISHED if i % 3 else ARTICLE}
            for i in range(30)]
    src.write_bytes(b"".join((json.dumps(r) + "\n").encode() for r in recs) + b"broken\n")
    return run_batch([str(src)], resolved(**options), output_dir=None, output=tmp_path / "o.jsonl", on_outcome=None)


def test_summary_counts_and_renders(tmp_path):
    stats = _run(tmp_path)
    text = summary_text(stats)
    assert "documents read: 31" in text and "changed: 20" in text and "failed (passed through): 1" in text
    assert "characters removed:" in text
    buf = io.StringIO()
    print_summary(stats, file=buf, color="never")
    out = buf.getvalue()
    for needle in ("documents read", "31", "removals per category", "removals per rule",
                   "ad.reference-advertisement-marker", "social.reference-share-line", "█"):
        assert needle in out
    assert "\x1b[" not in out


def test_bar_chart_scales_to_the_largest_count():
    from collections import Counter

    rows = bar_lines(Counter({"social": 80, "ad": 40, "bio": 1}), width=20)
    assert [r[0] for r in rows] == ["social", "ad", "bio"]
    assert rows[0][2] == "█" * 20 and rows[1][2] == "█" * 10 and len(rows[2][2]) == 1


class _Parser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.text, self.refs = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.refs += [v for k, v in attrs if k in ("src", "href")]

    def handle_data(self, data):
        self.text.append(data)


def test_html_report_is_self_contained_with_categories_rules_sources_and_samples(tmp_path):
    page = tmp_path / "report.html"
    _run(tmp_path, report_html=str(page), source_field="url")
    doc = page.read_text(encoding="utf-8")
    p = _Parser()
    p.feed(doc)
    text = " ".join(p.text)
    assert "script" not in p.tags and not p.refs  # nothing to fetch, nothing to run
    for needle in ("Removals per category", "Removals per rule", "Removals per source", "a.example.com",
                   "b.example.com", "ad.reference-advertisement-marker", "Share this article", "Bad records",
                   "not a JSON object", "Ad slots leave a lone label"):
        assert needle in text, needle


def test_html_report_without_sources_leaves_that_section_out(tmp_path):
    page = tmp_path / "report.html"
    _run(tmp_path, report_html=str(page))
    assert "Removals per source" not in page.read_text()


def test_html_escapes_removed_text(tmp_path):
    page = tmp_path / "r.html"
    src = tmp_path / "a.jsonl"
    src.write_bytes((json.dumps({"text": ARTICLE + "\n<script>alert(1)</script>\nShare this article\n"}) + "\n").encode())
    run_batch([str(src)], resolved(report_html=str(page)), output_dir=None, output=tmp_path / "o.jsonl",
              on_outcome=None)
    assert "<script>" not in page.read_text()


def test_report_ids_keep_the_record_s_type(tmp_path):
    """A report is joined back to the corpus on its ids: a number stays a number, a string a string; an id that is
    neither (an object, true) is written as its compact JSON text. Records without an id have none."""
    from typer.testing import CliRunner

    import nlcleaner.cli.commands  # noqa: F401  (registers the commands)
    from nlcleaner.cli import app

    ids = [7, "7", 2.5, {"shard": 1}, True, None]
    src = tmp_path / "in.jsonl"
    recs = [({"id": v} if v is not None else {}) | {"text": FURNISHED} for v in ids]
    src.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    result = CliRunner().invoke(app, ["clean", "--quiet", "--isolated", "--report", str(tmp_path / "r.jsonl"),
                                      "-o", str(tmp_path / "out.jsonl"), str(src)])
    assert result.exit_code == 0, result.output
    docs = [d for d in map(json.loads, (tmp_path / "r.jsonl").read_text().splitlines()) if d["type"] == "document"]
    assert [d["record"] for d in docs] == list(range(len(ids)))
    assert [d.get("id") for d in docs] == [7, "7", 2.5, '{"shard":1}', "true", None]


def test_parquet_ids_keep_their_type(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    from nlcleaner.corpus.formats.base import record_id
    from nlcleaner.corpus.formats.parquet import read

    assert record_id(3) == 3 and record_id(b"x") == "b'x'" and record_id(float("nan")) == "nan"
    path = tmp_path / "in.parquet"
    pq.write_table(pa.table({"id": [1, 2], "text": [FURNISHED, ARTICLE]}), path)

    class Job:
        input = path

    class Ctx:
        text_field, id_field, source_field = "text", "id", None

    assert [u.payload[1] for u in read(Job, Ctx)] == [1, 2]
