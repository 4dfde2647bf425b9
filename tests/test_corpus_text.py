"""Corpus mode over folders of text files: discovery, --output-dir mapping and its exit-2 checks, byte-identical
output, --jobs independence, --resume."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_support import ARTICLE, FURNISHED, cleaner, resolved

from nlcleaner.corpus import UsageError, discover, run_batch


def _tree(root: Path) -> Path:
    src = root / "src"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text(FURNISHED)
    (src / "b.md").write_text(ARTICLE)
    (src / "sub" / "c.txt").write_bytes(FURNISHED.replace("\n", "\r\n").encode())
    (src / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    (src / "notes.txt.bak").write_text("x")
    (src / ".hidden.txt").write_text(FURNISHED)
    return src


def test_discover_expands_folders_skips_hidden_and_unknown_but_not_binary_text(tmp_path):
    src = _tree(tmp_path)
    (src / "bin.txt").write_bytes(b"abc\x00def")
    found = [p.relative_to(src).as_posix() for p in discover([str(src)])]
    # bin.txt is kept: the run reports it as a binary input (one line, exit 2) instead of passing over it in silence
    assert found == ["a.txt", "b.md", "bin.txt", "sub/c.txt"]


def test_a_binary_file_in_a_folder_is_reported_not_written(tmp_path):
    src = _tree(tmp_path)
    (src / "bin.txt").write_bytes(b"abc\x00def")
    out = tmp_path / "out"
    seen = []
    stats = run_batch([str(src)], resolved(), output_dir=out, output=None, on_outcome=seen.append)
    failed = [o for o in seen if o.error]
    assert [o.path for o in failed] == [str(src / "bin.txt")] and "binary" in failed[0].error
    assert failed[0].record is None and stats.failed == 1  # a whole input: exit 2, not 3
    assert not (out / "bin.txt").exists() and (out / "a.txt").exists()


def test_discover_include_and_exclude_globs(tmp_path):
    src = _tree(tmp_path)
    rel = lambda ps: [p.relative_to(src).as_posix() for p in ps]  # noqa: E731
    assert rel(discover([str(src)], include=["*.md"])) == ["b.md"]
    assert rel(discover([str(src)], exclude=["sub"])) == ["a.txt", "b.md"]
    assert rel(discover([str(src)], exclude=["a.*"])) == ["b.md", "sub/c.txt"]
    # a file named on the command line is taken as given
    assert discover([str(src / "a.txt")], exclude=["*.txt"]) == [src / "a.txt"]


def test_output_dir_is_byte_identical_to_clean_bytes(tmp_path):
    src = _tree(tmp_path)
    out = tmp_path / "out"
    seen = []
    stats = run_batch([str(src)], resolved(), output_dir=out, output=None, on_outcome=seen.append)
    c = cleaner()
    for rel in ("a.txt", "b.md", "sub/c.txt"):
        expected, _ = c.clean_bytes((src / rel).read_bytes())
        assert (out / rel).read_bytes() == expected
    assert (out / "b.md").read_bytes() == ARTICLE.encode()  # unchanged inputs are written too
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == ["a.txt", "b.md", "sub", "sub/c.txt"]
    assert [o.path for o in seen] == [str(src / "a.txt"), str(src / "b.md"), str(src / "sub" / "c.txt")]
    assert (stats.documents, stats.changed, stats.failed) == (3, 2, 0)
    assert stats.categories == {"ad": 2, "social": 2}


def test_file_arguments_go_to_their_basename(tmp_path):
    src = _tree(tmp_path)
    out = tmp_path / "out"
    run_batch([str(src / "a.txt"), str(src / "sub" / "c.txt")], resolved(), output_dir=out, output=None,
              on_outcome=None)
    assert sorted(p.name for p in out.iterdir()) == ["a.txt", "c.txt"]


def test_a_binary_file_named_explicitly_fails_and_others_go_on(tmp_path):
    src = _tree(tmp_path)
    (src / "bin.txt").write_bytes(b"abc\x00def")
    out = tmp_path / "out"
    seen = []
    stats = run_batch([str(src / "bin.txt"), str(src / "a.txt")], resolved(), output_dir=out, output=None,
                      on_outcome=seen.append)
    assert seen[0].failed and "binary" in seen[0].error and seen[0].record is None
    assert not (out / "bin.txt").exists() and (out / "a.txt").exists()
    assert stats.failed == 1 and stats.documents == 2


def test_missing_input_is_a_failed_document(tmp_path):
    seen = []
    run_batch([str(tmp_path / "nope.txt"), str(tmp_path / "nope2.txt")], resolved(), output_dir=tmp_path / "o",
              output=None, on_outcome=seen.append)
    assert [o.failed for o in seen] == [True, True]
    assert "cannot read" in seen[0].error


@pytest.mark.parametrize("case", ["same-name", "overwrite-input", "dir-is-a-file", "several-no-destination"])
def test_exit_2_conditions_are_found_before_anything_is_written(tmp_path, case):
    src = _tree(tmp_path)
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "a.txt").write_text(ARTICLE)
    out = tmp_path / "out"
    kwargs = {"output_dir": out, "output": None, "on_outcome": None}
    if case == "same-name":
        inputs = [str(src / "b.md"), str(src / "a.txt"), str(tmp_path / "other" / "a.txt")]
    elif case == "overwrite-input":
        inputs, kwargs["output_dir"] = [str(src / "a.txt"), str(src / "b.md")], src
    elif case == "dir-is-a-file":
        out.write_text("")
        inputs = [str(src / "a.txt")]
    else:
        inputs, kwargs["output_dir"] = [str(src / "a.txt"), str(src / "b.md")], None
    before = sorted(p for p in tmp_path.rglob("*"))
    with pytest.raises(UsageError):
        run_batch(inputs, resolved(), **kwargs)
    assert sorted(p for p in tmp_path.rglob("*")) == before


def test_output_leaving_dir_through_a_symlink_is_refused(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(ARTICLE)
    out = tmp_path / "out"
    out.mkdir()
    (tmp_path / "elsewhere").mkdir()
    (out / "a.txt").symlink_to(tmp_path / "elsewhere" / "a.txt")
    with pytest.raises(UsageError, match="leave"):
        run_batch([str(src / "a.txt")], resolved(), output_dir=out, output=None, on_outcome=None)


def test_output_dir_inside_the_input_folder_is_not_read_back(tmp_path):
    src = _tree(tmp_path)
    out = src / "cleaned"
    run_batch([str(src)], resolved(), output_dir=out, output=None, on_outcome=None)
    stats = run_batch([str(src)], resolved(), output_dir=out, output=None, on_outcome=None)
    assert stats.documents == 3
    assert not (out / "cleaned").exists()


def test_output_does_not_depend_on_jobs(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for i in range(40):
        (src / f"{i:03}.txt").write_text(FURNISHED if i % 3 else ARTICLE)
    results = {}
    for jobs in (1, 2, 3):
        out = tmp_path / f"out{jobs}"
        seen = []
        run_batch([str(src)], resolved(jobs=jobs), output_dir=out, output=None, on_outcome=seen.append)
        files = {p.name: p.read_bytes() for p in sorted(out.iterdir())}
        results[jobs] = (files, [(o.path, [r.to_dict() for r in o.result.removals]) for o in seen])
    assert results[1] == results[2] == results[3]
    assert len(results[1][0]) == 40


def test_resume_skips_complete_outputs(tmp_path):
    src = _tree(tmp_path)
    out = tmp_path / "out"
    run_batch([str(src)], resolved(), output_dir=out, output=None, on_outcome=None)
    (out / "b.md").unlink()
    (out / "a.txt").write_text("kept as it is")
    (out / ".sub").mkdir()
    seen = []
    stats = run_batch([str(src)], resolved(resume=True), output_dir=out, output=None, on_outcome=seen.append)
    assert [Path(o.path).name for o in seen] == ["b.md"]
    assert sorted(stats.skipped) == sorted([str(src / "a.txt"), str(src / "sub" / "c.txt")])
    assert (out / "a.txt").read_text() == "kept as it is"
    assert (out / "b.md").read_text() == ARTICLE
    assert not list(out.rglob("*.nlcleaner-tmp"))


def test_resume_redoes_an_output_older_than_its_input(tmp_path):
    import os

    src = _tree(tmp_path)
    out = tmp_path / "out"
    run_batch([str(src)], resolved(), output_dir=out, output=None, on_outcome=None)
    later = (out / "a.txt").stat().st_mtime + 10
    os.utime(src / "a.txt", (later, later))
    seen = []
    run_batch([str(src)], resolved(resume=True), output_dir=out, output=None, on_outcome=seen.append)
    assert [Path(o.path).name for o in seen] == ["a.txt"]


def test_resume_needs_output_dir(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    with pytest.raises(UsageError, match="--resume"):
        run_batch([str(tmp_path / "a.txt")], resolved(resume=True), output_dir=None, output=None, on_outcome=None)


def test_single_text_file_without_destination_goes_to_the_stream(tmp_path):
    import io

    (tmp_path / "a.txt").write_text(FURNISHED)
    sink = io.BytesIO()
    run_batch([str(tmp_path / "a.txt")], resolved(), output_dir=None, output=None, on_outcome=None, stdout=sink)
    assert sink.getvalue() == cleaner().clean_bytes(FURNISHED.encode())[0]
