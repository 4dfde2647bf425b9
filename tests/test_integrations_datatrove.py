"""The DataTrove step: LocalPipelineExecutor (2 tasks, 2 workers) reading JSONL.gz, cleaning, writing; pickling the
way DataTrove's executors ship steps; dropping documents left empty. Under CI a missing DataTrove fails the run."""

from __future__ import annotations

import gzip
import json
import os
import pickle
import subprocess
import sys
from collections import Counter

import pytest
from conftest import require, run_slurm_array

import nlcleaner




def test_require_fails_under_ci(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception):
        require("nlcleaner_no_such_engine")
    monkeypatch.setenv("CI", "false")
    with pytest.raises(pytest.skip.Exception):
        require("nlcleaner_no_such_engine")


def test_this_file_fails_under_ci_without_datatrove():
    """Run this very file in a Python where DataTrove cannot be imported: CI=true fails the run, otherwise it skips."""
    code = "import sys; sys.modules['datatrove'] = None; import pytest; sys.exit(pytest.main(sys.argv[1:]))"
    # (in one process: workers of pytest-xdist would import DataTrove again, and run this test again, and so on)
    args = [sys.executable, "-c", code, "-q", "-p", "no:cacheprovider", "-n", "0", __file__]
    run = lambda ci: subprocess.run(  # noqa: E731
        args, capture_output=True, text=True, env={**os.environ, "CI": ci}, cwd=os.path.dirname(__file__))
    under_ci = run("true")
    assert under_ci.returncode not in (0, 5) and "not importable under CI" in under_ci.stdout, under_ci.stdout[-2000:]
    locally = run("")
    assert locally.returncode in (0, 5) and "1 skipped" in locally.stdout, locally.stdout[-2000:]  # 5: nothing ran


require("datatrove")

from datatrove.data import Document  # noqa: E402
from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.readers import JsonlReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402

from nlcleaner.integrations.datatrove import NLCleanerStep  # noqa: E402

ARTICLE = "The council voted on Tuesday to close the bridge for repairs.\nWork is expected to take six months.\n"
DOCS = [
    {"id": "a1", "text": ARTICLE + "\nSign up for our daily newsletter\n\n© 2024 Example News. All rights reserved.\n",
     "url": "https://example.com/a1"},
    {"id": "a2", "text": "A quiet article about gardening.\nTomatoes like sun.\n", "url": "https://example.com/a2"},
    {"id": "b1", "text": "Städte planen neue Radwege.\nDie Kosten sind hoch.\n\nMelden Sie sich für unseren Newsletter an\n"},
    {"id": "b2", "text": "Sign up for our daily newsletter\n"},  # nothing but furniture: left empty
    {"id": "b3", "text": "Die Ernte war gut — überall.\r\nShare this article\r\nAll rights reserved."},
]


def write_corpus(folder):
    folder.mkdir(parents=True, exist_ok=True)
    for name, docs in (("part-0.jsonl.gz", DOCS[:2]), ("part-1.jsonl.gz", DOCS[2:])):
        with gzip.open(folder / name, "wt", encoding="utf-8") as f:
            for d in docs:
                f.write(json.dumps(d) + "\n")


def read_output(folder) -> dict:
    out = {}
    for path in sorted(folder.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                out[row["id"]] = row
    return out


def run_local(tmp_path, step, *, tasks=2, workers=2, tag="run"):
    corpus, out, logs = tmp_path / "corpus", tmp_path / f"{tag}-out", tmp_path / f"{tag}-logs"
    if not corpus.exists():
        write_corpus(corpus)
    executor = LocalPipelineExecutor(
        pipeline=[JsonlReader(str(corpus), glob_pattern="*.jsonl.gz"), step, JsonlWriter(str(out))],
        tasks=tasks, workers=workers, logging_dir=str(logs),
    )
    returned = executor.run()
    # the merged stats DataTrove saves (a value is a number, or a dict with its total) ...
    saved = json.loads((logs / "stats.json").read_text())
    step_stats = next(s for s in saved if s["name"].endswith(NLCleanerStep.name))["stats"]
    totals = {k: v if isinstance(v, (int, float)) else v["total"] for k, v in step_stats.items()}
    # ... agree with the stats the executor returns
    live = next(s for s in returned.stats if s.name.endswith(NLCleanerStep.name))
    assert {k: v.total for k, v in live.stats.items()} == totals
    return read_output(out), totals


def test_local_executor_two_tasks_two_workers(tmp_path):
    docs, stats = run_local(tmp_path, NLCleanerStep())
    expected = {d["id"]: nlcleaner.clean(d["text"]) for d in DOCS}
    assert set(docs) == set(expected)  # drop_empty is off: the emptied document is still there
    for doc_id, row in docs.items():
        result = expected[doc_id]
        assert row.get("text", "") == result.text
        meta = row["metadata"]["nlcleaner"]
        assert meta["removals"] == [r.to_dict() for r in result.removals]
        assert meta["applied"] is True and meta["flags"] == [] and meta["held"] == []
        # the report replays: original text with the removals deleted is the output
        original = next(d["text"] for d in DOCS if d["id"] == doc_id)
        removals = [nlcleaner.Removal.from_dict(r) for r in meta["removals"]]
        assert nlcleaner.apply_removals(original, removals) == row.get("text", "")
    assert docs["a1"]["text"].startswith(ARTICLE) and "newsletter" not in docs["a1"]["text"]
    assert "newsletter.signup-prompt" in [r["rule"] for r in docs["a1"]["metadata"]["nlcleaner"]["removals"]]
    assert docs["a1"]["metadata"]["url"] == "https://example.com/a1"  # other fields pass through
    assert docs["a2"]["text"] == DOCS[1]["text"]

    removals = [r for res in expected.values() for r in res.removals]
    assert stats["total"] == len(DOCS) and stats["forwarded"] == len(DOCS)
    assert stats["changed"] == sum(1 for res in expected.values() if res.changed)
    assert stats["chars_removed"] == sum(r.end - r.start for r in removals)
    per_rule = {f"rule:{r}": n for r, n in Counter(r.rule for r in removals).items()}
    per_category = {f"category:{c}": n for c, n in Counter(r.category for r in removals).items()}
    assert {k: v for k, v in stats.items() if k.startswith(("rule:", "category:"))} == per_rule | per_category
    assert stats["rule:newsletter.signup-prompt"] == stats["category:newsletter"] == 3
    assert "dropped" not in stats


def test_slurm_executor_job_array_without_slurm(tmp_path, monkeypatch):
    """SlurmPipelineExecutor as far as a machine without Slurm goes: launch_job pickles the executor with dill and
    writes the sbatch script (sbatch itself is stubbed); then each array task runs `launch_pickled_pipeline` in its
    own process with SLURM_ARRAY_TASK_ID set, exactly as the sbatch script would."""
    from datatrove.executor import slurm

    monkeypatch.delenv("SLURM_ARRAY_TASK_ID", raising=False)
    scripts = []
    monkeypatch.setattr(slurm, "launch_slurm_job", lambda contents, *args: scripts.append(contents) or "4242")
    corpus, out, logs = tmp_path / "corpus", tmp_path / "out", tmp_path / "logs"
    write_corpus(corpus)
    executor = slurm.SlurmPipelineExecutor(
        pipeline=[JsonlReader(str(corpus)), NLCleanerStep(), JsonlWriter(str(out))],
        tasks=2, time="00:10:00", partition="cpu", logging_dir=str(logs), with_srun=False,
    )
    executor.run()
    assert "launch_pickled_pipeline" in scripts[0] and (logs / "executor.pik").exists()
    run_slurm_array(logs / "executor.pik", 2, tmp_path)
    docs = read_output(out)
    assert {k: v.get("text", "") for k, v in docs.items()} == {d["id"]: nlcleaner.clean(d["text"]).text for d in DOCS}
    assert docs["a1"]["metadata"]["nlcleaner"]["removals"] == [r.to_dict() for r in nlcleaner.clean(DOCS[0]["text"]).removals]
    assert sorted(p.name for p in (logs / "completions").iterdir()) == ["00000", "00001"]


def test_drop_empty_and_exclusion_writer(tmp_path):
    step = NLCleanerStep(drop_empty=True, exclusion_writer=JsonlWriter(str(tmp_path / "dropped")))
    docs, stats = run_local(tmp_path, step, tasks=2, workers=1)
    assert "b2" not in docs and len(docs) == len(DOCS) - 1
    assert stats["dropped"] == stats["dropped_empty"] == 1 and stats["forwarded"] == len(DOCS) - 1
    dropped = read_output(tmp_path / "dropped")
    assert list(dropped) == ["b2"]
    assert dropped["b2"]["metadata"]["nlcleaner"]["removals"][0]["rule"] == "newsletter.signup-prompt"


def test_same_bytes_whatever_the_executor_layout(tmp_path):
    one, _ = run_local(tmp_path, NLCleanerStep(), tasks=1, workers=1, tag="serial")
    two, _ = run_local(tmp_path, NLCleanerStep(), tasks=2, workers=2, tag="parallel")
    assert json.dumps(one, sort_keys=True).encode() == json.dumps(two, sort_keys=True).encode()


def test_settings_and_selection():
    step = NLCleanerStep(select=["newsletter"], metadata_key="nlc")
    doc = Document(text=DOCS[0]["text"], id="a1")
    assert list(step.run(iter([doc]))) == [doc]
    assert [r["rule"] for r in doc.metadata["nlc"]["removals"]] == ["newsletter.signup-prompt"]
    assert "All rights reserved" in doc.text and "Sign up" not in doc.text
    quiet = NLCleanerStep(metadata_key=None)
    doc = Document(text=DOCS[0]["text"], id="a1")
    list(quiet.run(iter([doc])))
    assert doc.metadata == {} and doc.text == nlcleaner.clean(DOCS[0]["text"]).text
    with pytest.raises(TypeError):
        NLCleanerStep(no_such_setting=1)


SITE_PACK = """
[pack]
name = "site"

[[rule]]
id = "learned.example-footer"
kind = "phrase"
why = "A footer line of one site."
source = "example.com"
phrases = ["Tomatoes like sun"]

[rule.examples]
remove = ["Article text here.\\nTomatoes like sun\\n"]
"""


def test_config_file(tmp_path):
    config = tmp_path / "nlcleaner.toml"
    config.write_text('select = ["newsletter"]\nsource-field = "url"\n', encoding="utf-8")
    step = NLCleanerStep(config=str(config))
    assert step.settings.select == ("newsletter",) and step.source_key == "url"
    doc = Document(text=DOCS[0]["text"], id="a1")
    list(step.run(iter([doc])))
    assert [r["rule"] for r in doc.metadata["nlcleaner"]["removals"]] == ["newsletter.signup-prompt"]


def test_source_key_reaches_source_scoped_rules(tmp_path):
    pack = tmp_path / "site.toml"
    pack.write_text(SITE_PACK, encoding="utf-8")
    step = NLCleanerStep(rules=[str(pack)], select=["learned"], source_key="url")
    scoped = Document(text=DOCS[1]["text"], id="a2", metadata={"url": "https://www.example.com/a2"})
    other = Document(text=DOCS[1]["text"], id="x", metadata={"url": "https://other.org/x"})
    list(step.run(iter([scoped, other])))
    assert [r["rule"] for r in scoped.metadata["nlcleaner"]["removals"]] == ["learned.example-footer"]
    assert other.metadata["nlcleaner"]["removals"] == []


def test_step_pickles_as_settings_and_builds_its_cleaner_once_per_process():
    import dill  # what DataTrove's local (multiprocess) and Slurm executors use

    step = NLCleanerStep(select=["newsletter"])
    doc = Document(text=DOCS[0]["text"], id="a1")
    list(step.run(iter([doc])))
    assert step._cleaner is not None
    for dumps, loads in ((pickle.dumps, pickle.loads), (dill.dumps, dill.loads)):
        blob = dumps(step)
        assert len(blob) < 4096  # the compiled matcher is not shipped
        copy = loads(blob)
        assert copy._cleaner is None and copy.settings == step.settings
        doc2 = Document(text=DOCS[0]["text"], id="a1")
        list(copy.run(iter([doc2])))
        assert copy.cleaner is step.cleaner  # same process, same settings: compiled once
        assert doc2.text == doc.text and doc2.metadata == doc.metadata


def test_missing_datatrove_is_a_clear_import_error():
    code = (
        "import sys; sys.modules['datatrove'] = None\n"
        "try:\n    import nlcleaner.integrations.datatrove\n"
        "except ImportError as e:\n    print(e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "pip install 'nlcleaner[datatrove]'" in out


def test_documents_cleaned_in_groups_are_each_cleaned_as_alone():
    """The step cleans a group of documents at a time (Cleaner.clean_many): over several groups, with sources and
    documents dropped among them, each document comes out as cleaning it alone makes it, in order."""
    from nlcleaner.integrations import datatrove as step_module

    texts = [d["text"] for d in DOCS] + [f"Story {i}.\n\nShare this article\n" for i in range(150)]
    docs = [Document(text=t, id=str(i), metadata={"url": f"https://example.com/{i}"}) for i, t in enumerate(texts)]
    step = NLCleanerStep(source_key="url", drop_empty=True)
    kept = list(step.run(iter(docs)))
    assert len(texts) > 2 * step_module.GROUP_DOCS
    cleaner = step.cleaner
    alone = [cleaner.clean(t, f"https://example.com/{i}") for i, t in enumerate(texts)]
    assert [d.id for d in kept] == [str(i) for i, r in enumerate(alone) if r.text.strip() or not texts[i].strip()]
    for doc, result in zip(docs, alone):
        assert doc.text == result.text
        assert doc.metadata["nlcleaner"]["removals"] == [r.to_dict() for r in result.removals]
