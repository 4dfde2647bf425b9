"""`nlcleaner eval`: totals computed from the removal records, checked by hand and against the corpus scorer."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import FIXTURES, ROOT, SHARED
from typer.testing import CliRunner

from nlcleaner import Cleaner
from nlcleaner.cli.app import app
from nlcleaner.cli import commands  # noqa: F401
from nlcleaner.evaluate import evaluate
from nlcleaner.settings import Settings

SAMPLE = FIXTURES / "eval-sample"
REFERENCE = str(ROOT / "nlcleaner" / "packs" / "reference" / "reference.toml")
SELECT = ("donation.moscow-times", "newsletter.reference-box", "social.reference-share-line")


@pytest.fixture(scope="module")
def cleaner():
    return Cleaner(Settings(rules=(REFERENCE,), select=SELECT))


def _labelled(kind):
    out = []
    for labels in sorted(SAMPLE.glob("*.labels.jsonl")):
        text_lines = (SAMPLE / labels.name.replace(".labels.jsonl", ".txt")).read_text().split("\n")
        for rec in map(json.loads, labels.read_text().splitlines()):
            if rec["label"] == kind:
                out.append((text_lines[rec["line"] - 1], rec["category"]))
    return out


def test_eval_totals_by_hand(cleaner):
    result = evaluate(SAMPLE, cleaner).to_dict()
    s = result["summary"]
    furniture = _labelled("boilerplate")
    content = _labelled("content")
    left_in = len("Photo: harbour authority")  # the only furniture line no selected rule knows
    total_bp = sum(len(" ".join(t.split())) for t, _ in furniture)
    assert s["documents"] == 3
    assert s["content_chars"] == sum(len(" ".join(t.split())) for t, _ in content)
    assert s["boilerplate_chars"] == total_bp
    assert s["content_loss"] == 0
    assert s["boilerplate_recall"] == round((total_bp - left_in) / total_bp, 4)
    assert s["named_recall"] == 1.0 and s["named_macro"] == 1.0
    assert result["categories"]["other"]["recall"] == 0
    assert set(result["rules"]) == set(SELECT)
    assert all(v["precision"] == 1.0 for v in result["rules"].values())


def test_eval_charges_article_text_to_the_rule_that_removed_it():
    # a deliberately bad user rule: removing an article line must show up as content loss and low precision
    bad = Cleaner(Settings(builtin=False, rules=(REFERENCE,), select=("ad.reference",)))
    text = "Advertisement\nThe harbour reopened.\n"
    from nlcleaner.evaluate import Evaluation, score_document

    ev = Evaluation()
    labels = [{"label": "content"}, {"label": "content"}]
    score_document(ev, "x", text, labels, bad.clean(text), False)
    d = ev.to_dict()
    assert d["summary"]["content_loss"] == round(len("Advertisement") / (len(text) - 2), 4)
    assert d["rules"]["ad.reference-advertisement-marker"]["precision"] == 0.0


def test_eval_matches_the_corpus_scorer(cleaner, tmp_path):
    score = SHARED / "corpus" / "score.py"
    if not score.exists():
        pytest.skip("the corpus scorer is not beside this checkout")
    for txt in SAMPLE.glob("*.txt"):
        (tmp_path / txt.name).write_text(cleaner.clean(txt.read_text()).text)
    out = subprocess.run(
        [sys.executable, str(score), str(SAMPLE), "--outputs", str(tmp_path), "--json"],
        capture_output=True, text=True, check=True,
    )
    theirs = json.loads(out.stdout)["summary"]
    ours = evaluate(SAMPLE, cleaner).summary()
    for key in ("boilerplate_recall", "content_loss", "removal_precision"):
        assert ours[key] == theirs[key], key
    assert ours["named_recall"] == pytest.approx(theirs["named_recall"], abs=1e-4)


def test_eval_command_json_and_table():
    runner = CliRunner()
    args = ["eval", str(SAMPLE), "--rules", REFERENCE, *sum((["--select", s] for s in SELECT), [])]
    res = runner.invoke(app, args + ["--output-format", "json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["summary"]["content_loss"] == 0
    table = runner.invoke(app, args)
    assert table.exit_code == 0 and "precision per rule" in table.stdout


def test_eval_command_subprocess_and_bad_folder(tmp_path):
    res = subprocess.run([sys.executable, "-m", "nlcleaner", "eval", str(tmp_path)], capture_output=True, text=True)
    assert res.returncode == 2 and "no NAME.txt" in res.stderr and "Traceback" not in res.stderr


@pytest.mark.parametrize("labels, message", [
    (b'{"line":1,"label":"content"}\n{"line":2,"label":"boilerplate","category":["social"]}\n',
     "'category' must be a string"),
    (b'{"line":1,"label":"content","category":"\xff"}\n{"line":2,"label":"boilerplate"}\n', "not UTF-8"),
    (b'{"line":2,"label":"boilerplate"}\n{"line":1,"label":"content"}\n', "'line' is 2, expected 1"),
    (b'{"line":"1","label":"content"}\n{"line":2,"label":"boilerplate"}\n', "'line' is '1', expected 1"),
])
def test_eval_refuses_label_records_it_would_misread(tmp_path, labels, message):
    """Found by review (helper-54): a list as category or a label file that is not UTF-8 ended in an internal
    error, and records out of order were scored against the wrong lines (recall 0 instead of 1)."""
    (tmp_path / "a.txt").write_text("Line one.\nShare this article\n", encoding="utf-8")
    (tmp_path / "a.labels.jsonl").write_bytes(labels)
    result = CliRunner().invoke(app, ["eval", "--isolated", str(tmp_path)])
    assert result.exit_code == 2 and message in result.output and "internal error" not in result.output
