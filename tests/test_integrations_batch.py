"""Batch helpers over the pure API: clean_batch, datasets.map (batched, num_proc=2), pandas frames and Arrow record
batches (the function bodies Spark's mapInPandas / mapInArrow run), all giving nlcleaner.clean's output."""

from __future__ import annotations

import json
import pickle

import pytest
from conftest import quick_gate, require

import nlcleaner
from nlcleaner.integrations.batch import (
    ArrowCleaner, FrameCleaner, clean_batch, clean_columns, cleaner_for, features_with_removals, make_settings, removals_arrow_type,
    removals_ddl,
)




TEXTS = [
    "The council voted on Tuesday.\nWork takes six months.\n\nSign up for our daily newsletter\n",
    "A quiet article about gardening.\nTomatoes like sun.\n",
    "Sign up for our daily newsletter\n",
    "Die Ernte war gut — überall.\r\nShare this article\r\nAll rights reserved.",
    "",
    "Überall Radwege.\n\nMelden Sie sich für unseren Newsletter an\n",
]
EXPECTED = [nlcleaner.clean(t) for t in TEXTS]


def expected_records(i):
    return [r.to_dict() for r in EXPECTED[i].removals]


def test_clean_batch_matches_clean():
    texts, removals = clean_batch(TEXTS)
    assert texts == [r.text for r in EXPECTED]
    assert removals == [expected_records(i) for i in range(len(TEXTS))]
    texts, removals = clean_batch([None, TEXTS[0]])
    assert texts[0] is None and removals[0] == [] and texts[1] == EXPECTED[0].text


def test_settings_overrides_and_cache():
    assert cleaner_for(select=["copyright"]) is cleaner_for(select=("copyright",))
    assert cleaner_for(select="copyright") is cleaner_for(make_settings(select=["copyright"]))
    texts, removals = clean_batch(TEXTS[:1], select=["copyright"])
    assert texts == TEXTS[:1] and removals == [[]]
    with pytest.raises(TypeError):
        make_settings(selct=["x"])


def test_datasets_map_first_batch_without_removals():
    """A first batch that removed nothing must not fix the column's type (the reason for features_with_removals)."""
    datasets = require("datasets")
    texts = [TEXTS[1], TEXTS[1], TEXTS[0], TEXTS[0]]
    ds = datasets.Dataset.from_dict({"text": texts})
    out = ds.map(clean_columns, batched=True, batch_size=2, features=features_with_removals(ds.features))
    assert out["nlcleaner_removals"][:2] == [[], []]
    assert out["nlcleaner_removals"][2] == expected_records(0) != []


def test_clean_columns_for_datasets_map():
    out = clean_columns({"text": TEXTS, "id": list(range(len(TEXTS)))})
    assert set(out) == {"text", "nlcleaner_removals"}
    assert out["text"] == [r.text for r in EXPECTED]


def test_datasets_map_batched_num_proc():
    datasets = require("datasets")
    ds = datasets.Dataset.from_dict({"id": [str(i) for i in range(len(TEXTS))], "text": TEXTS})
    out = ds.map(clean_columns, batched=True, batch_size=2, num_proc=2, features=features_with_removals(ds.features))
    assert out["text"] == [r.text for r in EXPECTED]
    assert out["id"] == ds["id"]
    assert out["nlcleaner_removals"] == [expected_records(i) for i in range(len(TEXTS))]


def test_frame_cleaner_json_and_records():
    pd = require("pandas")
    frame = pd.DataFrame({"id": range(len(TEXTS)), "text": TEXTS})
    out = FrameCleaner()(frame)
    assert list(out["text"]) == [r.text for r in EXPECTED]
    assert [json.loads(s) for s in out["nlcleaner_removals"]] == [expected_records(i) for i in range(len(TEXTS))]
    assert list(frame["text"]) == TEXTS  # the input frame is left alone
    records = FrameCleaner(removals="records")(frame)
    assert list(records["nlcleaner_removals"]) == [expected_records(i) for i in range(len(TEXTS))]
    with pytest.raises(ValueError):
        FrameCleaner(removals="csv")


def test_frame_cleaner_passes_missing_texts_through():
    """(review, helper-45) pandas makes a None in a text column NaN (or pd.NA in a `string` column): the frame's
    cleaning stopped with a TypeError instead of passing the row through, as `clean_batch` does a None."""
    pd = require("pandas")
    for dtype in (None, "string"):
        frame = pd.DataFrame({"text": [TEXTS[0], None, TEXTS[1]], "url": ["https://a.example/x", None, None]},
                             dtype=dtype)
        out = FrameCleaner(source_column="url")(frame)
        assert out["text"][0] == EXPECTED[0].text and out["text"][2] == EXPECTED[1].text
        assert pd.isna(out["text"][1])
        assert json.loads(out["nlcleaner_removals"][1]) == []


def test_frame_cleaner_partitions_like_map_in_pandas():
    pd = require("pandas")
    with quick_gate():  # (a rule set of its own: see quick_gate)
        cleaner = pickle.loads(pickle.dumps(FrameCleaner(settings=make_settings(ignore=["social"]))))
        frames = [pd.DataFrame({"text": TEXTS[:3]}), pd.DataFrame({"text": TEXTS[3:]})]
        out = pd.concat(list(cleaner.partitions(iter(frames))), ignore_index=True)
        expected = [nlcleaner.clean(t, ignore=("social",)).text for t in TEXTS]
    assert list(out["text"]) == expected


def test_arrow_cleaner_like_map_in_arrow():
    pa = require("pyarrow")
    batches = [
        pa.RecordBatch.from_pydict({"id": [0, 1, 2], "text": pa.array(TEXTS[:3], type=pa.large_string())}),
        pa.RecordBatch.from_pydict({"id": [3, 4, 5], "text": pa.array(TEXTS[3:], type=pa.large_string())}),
    ]
    cleaner = pickle.loads(pickle.dumps(ArrowCleaner()))
    out = pa.Table.from_batches(list(cleaner.partitions(iter(batches))))
    assert out.schema.names == ["id", "text", "nlcleaner_removals"]
    assert out.schema.field("text").type == pa.large_string()
    assert out.schema.field("nlcleaner_removals").type == removals_arrow_type()
    assert out.column("text").to_pylist() == [r.text for r in EXPECTED]
    assert out.column("nlcleaner_removals").to_pylist() == [expected_records(i) for i in range(len(TEXTS))]
    assert out.column("id").to_pylist() == list(range(6))


def test_schema_strings_follow_the_record_schema():
    from nlcleaner.records import FIELDS

    ddl = removals_ddl()
    assert ddl.startswith("array<struct<") and all(f"`{name}`:" in ddl for name in FIELDS)
    pa = require("pyarrow")
    assert [f.name for f in removals_arrow_type().value_type] == list(FIELDS)
