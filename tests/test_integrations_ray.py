"""The DataTrove step on DataTrove's Ray executor, on a local two-CPU Ray instance (skipped when Ray is not
installed: Ray is not part of the dev extra; `pip install ray` to run it)."""

from __future__ import annotations

import gzip
import json

import pytest

import nlcleaner

ray = pytest.importorskip("ray")
pytest.importorskip("datatrove")

from datatrove.executor.ray import RayPipelineExecutor  # noqa: E402
from datatrove.pipeline.readers import JsonlReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402

from nlcleaner.integrations.datatrove import NLCleanerStep  # noqa: E402

DOCS = [
    {"id": "a1", "text": "The council voted on Tuesday.\nWork takes six months.\n\nSign up for our daily newsletter\n"},
    {"id": "a2", "text": "A quiet article about gardening.\nTomatoes like sun.\n"},
    {"id": "b1", "text": "Die Ernte war gut — überall.\r\nShare this article\r\nAll rights reserved."},
]


def test_ray_executor(tmp_path):
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    for name, docs in (("part-0.jsonl.gz", DOCS[:2]), ("part-1.jsonl.gz", DOCS[2:])):
        with gzip.open(corpus / name, "wt", encoding="utf-8") as f:
            f.writelines(json.dumps(d) + "\n" for d in docs)
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, runtime_env={"working_dir": None})
    try:
        executor = RayPipelineExecutor(
            pipeline=[JsonlReader(str(corpus)), NLCleanerStep(), JsonlWriter(str(out))],
            tasks=2, workers=2, logging_dir=str(tmp_path / "logs"), mem_per_cpu_gb=0.25,
        )
        executor.run()
    finally:
        ray.shutdown()
    rows = {}
    for path in out.glob("*.jsonl.gz"):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            rows.update({r["id"]: r for r in map(json.loads, f)})
    assert set(rows) == {d["id"] for d in DOCS}
    for d in DOCS:
        result = nlcleaner.clean(d["text"])
        assert rows[d["id"]].get("text", "") == result.text
        assert rows[d["id"]]["metadata"]["nlcleaner"]["removals"] == [r.to_dict() for r in result.removals]
