"""Keeping a passage on purpose: lines between `nlcleaner: off` and `nlcleaner: on` markers stay, markers included.

Most tests use the reference pack alone (its rules are documented and stable); the last ones use the built-in packs
on the golden Moscow Times article."""

from __future__ import annotations

import pytest

from nlcleaner import Cleaner, Settings
from nlcleaner.records import apply_removals

from conftest import FIXTURES, ROOT

REFERENCE_PACK = ROOT / "nlcleaner" / "packs" / "reference" / "reference.toml"

BODY = (
    "The bridge reopened on Monday after six months of repairs.\n"
    "Engineers said the work came in under budget.\n"
    "Traffic is expected to return to normal within a week.\n"
    "The mayor thanked the crews who worked through the winter.\n"
    "Shops along the route said they expected customers to return.\n"
)
SHARE = "Share this article\n"  # social.reference-share-line (tail)


@pytest.fixture(scope="module")
def ref():
    return Cleaner(Settings(builtin=False, rules=(str(REFERENCE_PACK),)))


def clean(cleaner, text):
    result = cleaner.clean(text)
    assert apply_removals(text, result.removals) == result.text  # still lossless and replayable
    assert cleaner.clean(result.text).text == result.text  # still idempotent
    return result


def test_without_markers_the_furniture_goes(ref):
    assert clean(ref, BODY + SHARE).text == BODY


@pytest.mark.parametrize(("off", "on"), [
    ("<!-- nlcleaner: off -->", "<!-- nlcleaner: on -->"),  # Markdown / HTML: invisible when rendered
    ("nlcleaner: off", "nlcleaner: on"),  # plain text: the bare words on their own line
    ("# nlcleaner: off", "# nlcleaner: on"),
    ("[nlcleaner: off]", "[nlcleaner: on]"),
    ("// nlcleaner: off", "// nlcleaner: on"),
    ("  **NLCleaner: OFF**  ", "NLCLEANER:ON"),  # case, emphasis and spacing do not matter
], ids=["html-comment", "bare", "hash", "brackets", "slashes", "loose"])
def test_a_marked_passage_is_kept_with_its_markers(ref, off, on):
    text = BODY + f"{off}\n" + SHARE + f"{on}\n"
    result = clean(ref, text)
    assert result.text == text
    assert result.removals == []


def test_only_the_marked_passage_is_kept(ref):
    text = BODY + "<!-- nlcleaner: off -->\n" + SHARE + "<!-- nlcleaner: on -->\n" + "\n" + SHARE
    result = clean(ref, text)
    assert result.text == BODY + "<!-- nlcleaner: off -->\n" + SHARE + "<!-- nlcleaner: on -->\n"
    assert [(r.rule, r.start_line, r.end_line) for r in result.removals] == [("social.reference-share-line", 9, 10)]


def test_an_unclosed_off_keeps_everything_to_the_end(ref):
    text = BODY + "nlcleaner: off\n" + SHARE + "\nComments\nGreat news for commuters!\n"
    assert clean(ref, text).text == text


def test_a_second_off_inside_a_passage_changes_nothing_and_on_ends_it(ref):
    text = BODY + "nlcleaner: off\n" + SHARE + "nlcleaner: off\n" + SHARE + "nlcleaner: on\n" + SHARE
    assert clean(ref, text).text == text[: -len(SHARE)]


def test_an_on_without_off_is_an_ordinary_line(ref):
    text = BODY + "nlcleaner: on\n" + SHARE
    assert clean(ref, text).text == BODY + "nlcleaner: on\n"


@pytest.mark.parametrize("line", [
    "Set nlcleaner: off in the file to keep a passage.",
    "<!-- nlcleaner: offline -->",
    "nlcleaner off",
    "nlcleaner: pause",
])
def test_markers_must_stand_alone(ref, line):
    text = f"{line}\n" + BODY + f"{line}\n" + SHARE
    assert clean(ref, text).text == f"{line}\n" + BODY + f"{line}\n"


def test_crlf_lines(ref):
    text = (BODY + "<!-- nlcleaner: off -->\n" + SHARE + "<!-- nlcleaner: on -->\n" + SHARE).replace("\n", "\r\n")
    result = clean(ref, text)
    assert result.text == text[: -len(SHARE) - 1]


def test_a_region_is_clipped_at_a_kept_passage(ref):
    text = BODY + "Sign up for our newsletter\nThe best stories, every morning.\n" \
        "<!-- nlcleaner: off -->\nNo thanks\n<!-- nlcleaner: on -->\nTraffic resumed at six.\n"
    result = clean(ref, text)
    assert result.text == BODY + "<!-- nlcleaner: off -->\nNo thanks\n<!-- nlcleaner: on -->\nTraffic resumed at six.\n"


def test_a_cut_never_runs_through_a_kept_passage(ref):
    text = BODY + "Comments\nGreat news!\n<!-- nlcleaner: off -->\nA reader's note the editor kept.\n" \
        "<!-- nlcleaner: on -->\nAbout time.\n"
    result = clean(ref, text)
    assert "<!-- nlcleaner: off -->\nA reader's note the editor kept.\n<!-- nlcleaner: on -->\n" in result.text


def test_markers_inside_a_passage_do_not_shield_lines_outside(ref):
    """What is kept is exactly the marked lines: every other line is judged as usual."""
    text = BODY + SHARE + "nlcleaner: off\nA note.\nnlcleaner: on\n" + SHARE
    result = clean(ref, text)
    kept = "nlcleaner: off\nA note.\nnlcleaner: on\n"
    assert kept in result.text
    assert result.text.count(SHARE) <= 1


# ------------------------------------------------------------------------------------------------ the built-in packs

GOLDEN = FIXTURES / "golden" / "moscow-times-alaska"


def _golden():
    return (GOLDEN / "input.txt").read_text(encoding="utf-8"), (GOLDEN / "expected.txt").read_text(encoding="utf-8")


def test_builtin_packs_keep_a_marked_appeal_whole(cleaner):
    text, expected = _golden()
    assert cleaner.clean(text).text == expected  # unmarked: the appeal goes
    head, appeal = text[: len(expected)], text[len(expected):]
    assert head == expected
    marked = head + "<!-- nlcleaner: off -->\n" + appeal + "\n<!-- nlcleaner: on -->\n"
    result = cleaner.clean(marked)
    assert result.text == marked and result.removals == []


def test_builtin_packs_still_clean_around_a_marked_passage(cleaner):
    text, expected = _golden()
    head, appeal = text[: len(expected)], text[len(expected):]
    quoted = "nlcleaner: off\nThe paper's appeal read: we need your help.\nnlcleaner: on\n"
    result = cleaner.clean(quoted + head + appeal)
    assert result.text == quoted + expected


def test_the_documented_examples_are_kept_and_mean_something(cleaner):
    import re

    doc = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    section = doc[doc.index("## Keeping a passage on purpose"):]
    examples = re.findall(r"```(?:markdown|text)\n(.*?)```", section, re.S)
    assert len(examples) == 2
    for example in examples:
        assert cleaner.clean(example).text == example
        unmarked = "".join(line for line in example.splitlines(True) if "nlcleaner:" not in line)
        assert cleaner.clean(unmarked).removals, "the example would be kept even without markers"


def test_a_marker_on_the_first_line_after_a_bom_and_on_a_last_line_without_newline(ref):
    text = "\ufeffnlcleaner: off\n" + BODY + SHARE + "nlcleaner: on"
    assert clean(ref, text).text == text
    text = "\ufeff" + BODY + "<!-- nlcleaner: off -->\n" + SHARE.rstrip("\n")
    assert clean(ref, text).text == text
