"""Dolma attributes: one row per document, aligned with the documents file; spans that Dolma's mixer deletes
(replacement "") turn each document into nlcleaner's own output."""

from __future__ import annotations

import gzip
import json

import pytest

import nlcleaner
from nlcleaner.integrations.dolma import apply_spans, attribute_record, attributes_path_for, write_attributes

DOCS = [
    {"id": "d1", "source": "news", "text": "The council voted on Tuesday.\nWork takes six months.\n\n"
     "Sign up for our daily newsletter\n\n© 2024 Example News. All rights reserved.\n"},
    {"id": 2, "source": "news", "text": "A quiet article about gardening.\nTomatoes like sun.\n"},
    {"id": "d3", "source": "news", "text": "Überall Radwege — und 🚲 überall.\n\nMelden Sie sich für unseren Newsletter an\n"},
]


def mixer_delete(text: str, spans) -> str:
    """Dolma's mixer walks the text by Unicode scalar values (Rust chars) and skips [start, end) of each span."""
    chars = list(text)  # a Python str indexes code points, as Rust's chars() does for valid UTF-8
    drop = set()
    for start, end, _score in spans:
        drop.update(range(start, end))
    return "".join(c for i, c in enumerate(chars) if i not in drop)


def test_attribute_record_shape():
    result = nlcleaner.clean(DOCS[0]["text"])
    row = attribute_record("d1", result.removals, source="news")
    assert list(row) == ["id", "source", "attributes"]
    spans = row["attributes"]["nlcleaner__removed"]
    assert spans == [[r.start, r.end, 1.0] for r in result.removals]
    assert row["attributes"]["nlcleaner__newsletter"] == [[r.start, r.end, 1.0] for r in result.removals
                                                          if r.category == "newsletter"]
    # dicts (a report's records) work as well as Removal objects
    assert attribute_record("d1", [r.to_dict() for r in result.removals], source="news") == row
    assert attribute_record(7, [], name="exp__nlc", categories=False) == {"id": 7, "attributes": {"exp__nlc__removed": []}}


@pytest.mark.parametrize("suffix", [".jsonl.gz", ".jsonl"])
def test_write_attributes_row_aligned(tmp_path, suffix):
    docs_path = tmp_path / "corpus" / "documents" / "cc" / f"part-0{suffix}"
    docs_path.parent.mkdir(parents=True)
    opener = gzip.open if suffix.endswith(".gz") else open
    with opener(docs_path, "wt", encoding="utf-8") as f:
        for d in DOCS:
            f.write(json.dumps(d) + "\n")
    counts = write_attributes(str(docs_path))
    attr_path = tmp_path / "corpus" / "attributes" / "nlcleaner" / "cc" / f"part-0{suffix}"
    assert attributes_path_for(str(docs_path)) == str(attr_path)
    with opener(attr_path, "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    assert [r["id"] for r in rows] == [d["id"] for d in DOCS]  # same rows, same order, same id values (2 stays 2)
    assert all(r["source"] == "news" for r in rows)
    for doc, row in zip(DOCS, rows):
        expected = nlcleaner.clean(doc["text"]).text
        spans = row["attributes"]["nlcleaner__removed"]
        assert mixer_delete(doc["text"], spans) == expected
        assert apply_spans(doc["text"], spans) == expected
        categories = [v for k, v in row["attributes"].items() if k != "nlcleaner__removed"]
        assert mixer_delete(doc["text"], [s for spans in categories for s in spans]) == expected
    assert counts == {"documents": 3, "changed": 2, "spans": sum(len(r["attributes"]["nlcleaner__removed"]) for r in rows)}
    assert not list(attr_path.parent.glob("*.tmp*"))


def test_attributes_path_needs_documents_folder(tmp_path):
    with pytest.raises(ValueError):
        attributes_path_for(str(tmp_path / "part-0.jsonl.gz"))


def test_apply_spans_min_score():
    assert apply_spans("abcdef", [[1, 3, 0.2], [4, 5, 1.0]], min_score=0.5) == "abcdf"


def test_documents_written_in_groups_come_out_row_by_row_as_each_alone(tmp_path, monkeypatch):
    """The writer cleans documents a group at a time (`Cleaner.clean_many`); with groups of two, rows stay aligned
    across group ends, blank lines and a document whose text is not a string, and each document's spans are those
    of cleaning it alone (its source field included)."""
    from nlcleaner import Cleaner
    from nlcleaner.integrations import dolma

    monkeypatch.setattr(dolma, "GROUP_DOCS", 2)
    docs = [*DOCS, {"id": "n", "text": 5}, *({**d, "id": f"{d['id']}-b", "url": "https://www.example.com/a"}
                                            for d in DOCS)]
    docs_path = tmp_path / "documents" / "part.jsonl"
    docs_path.parent.mkdir()
    docs_path.write_text("\n\n".join(json.dumps(d) for d in docs) + "\n", encoding="utf-8")
    counts = write_attributes(str(docs_path), source_field="url")
    rows = [json.loads(line) for line in (tmp_path / "attributes" / "nlcleaner" / "part.jsonl").open()]
    assert [r["id"] for r in rows] == [d["id"] for d in docs]
    cleaner = Cleaner()
    for doc, row in zip(docs, rows):
        alone = cleaner.clean(doc["text"], doc.get("url")).removals if isinstance(doc["text"], str) else []
        assert row["attributes"]["nlcleaner__removed"] == [[r.start, r.end, 1.0] for r in alone]
    assert counts["documents"] == 7 and counts["changed"] == 4
