"""The promises of DESIGN.md that the engine owns: lossless, replayable, idempotent, bytes untouched."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlcleaner import Cleaner, InputError, apply_removals
from nlcleaner.records import FIELDS

from conftest import FIXTURES

SEED = FIXTURES / "golden" / "moscow-times-alaska"
BOX = [
    "A Message from The Moscow Times:",
    "Dear readers,",
    "We are facing unprecedented challenges. To continue our work, we need your help.",
    "Please support us monthly starting from just $2.",
    "Remind me later.",
]
ARTICLE = [
    "The summit opened on Friday in Anchorage.",
    "Officials from both sides met for three hours.",
    "No agreement was reached on the main questions.",
    "Talks will resume next month, the ministry said.",
]


def test_seed_comes_out_exactly_as_expected(cleaner):
    data = (SEED / "input.txt").read_bytes()
    out, result = cleaner.clean_bytes(data)
    assert out == (SEED / "expected.txt").read_bytes()
    assert [r.rule for r in result.removals] == ["donation.moscow-times"]


def test_seed_report_matches_the_golden_report(cleaner):
    result = cleaner.clean((SEED / "input.txt").read_text(encoding="utf-8"))
    golden = json.loads((SEED / "expected.report.json").read_text(encoding="utf-8"))
    assert [r.to_dict() for r in result.removals] == golden["removals"]


def test_removal_record_schema(cleaner):
    text = (SEED / "input.txt").read_text(encoding="utf-8")
    (r,) = cleaner.clean(text).removals
    assert tuple(r.to_dict()) == FIELDS
    assert (r.category, r.start_line, r.end_line) == ("donation", 10, 18)
    assert text[r.start:r.end] == r.text
    assert r.text.startswith("A Message from") and r.end == len(text)


def _doc(lines, newline="\n", final=True):
    return newline.join(lines) + (newline if final else "")


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("final", [True, False])
def test_line_endings_and_final_newline_kept(cleaner, newline, final):
    text = _doc(ARTICLE + BOX, newline, final)
    result = cleaner.clean(text)
    assert result.text == _doc(ARTICLE, newline, True)  # a last line without newline goes alone
    assert apply_removals(text, result.removals) == result.text


def test_box_in_the_middle_takes_one_blank_separator(cleaner):
    text = _doc(ARTICLE[:2] + [""] + BOX + [""] + ARTICLE[2:])
    result = cleaner.clean(text)
    assert result.text == _doc(ARTICLE[:2] + [""] + ARTICLE[2:])


def test_box_at_the_end_takes_the_blank_before_it(cleaner):
    text = _doc(ARTICLE + [""] + BOX)
    assert cleaner.clean(text).text == _doc(ARTICLE)


def test_utf8_bom_and_invalid_bytes_stay_identical(cleaner):
    body = "\n".join(ARTICLE + BOX).encode()
    data = b"\xef\xbb\xbf" + body.replace(b"three", b"thr\xffee") + b"\n"
    out, result = cleaner.clean_bytes(data)
    expected = b"\xef\xbb\xbf" + "\n".join(ARTICLE).encode().replace(b"three", b"thr\xffee") + b"\n"
    assert out == expected
    assert result.removals[0].start > 0


def test_bom_survives_when_the_first_line_is_removed(cleaner):
    data = "\ufeff".encode() + _doc(BOX + ARTICLE).encode()
    out, _ = cleaner.clean_bytes(data)
    assert out == "\ufeff".encode() + _doc(ARTICLE).encode()


def test_untouched_input_is_returned_byte_for_byte(cleaner):
    data = b"no furniture here\r\nat all"
    out, result = cleaner.clean_bytes(data)
    assert out is data and not result.changed


def test_empty_input(cleaner):
    out, result = cleaner.clean_bytes(b"")
    assert out == b"" and result.removals == []


@pytest.mark.parametrize("data", [b"\xff\xfeh\x00i\x00", b"\xfe\xff\x00h", b"abc\x00def"])
def test_binary_and_wide_encodings_are_refused(cleaner, data):
    with pytest.raises(InputError):
        cleaner.clean_bytes(data)


def test_cleaner_pickles_as_its_settings(cleaner):
    import pickle

    copy = pickle.loads(pickle.dumps(cleaner))
    text = _doc(ARTICLE + BOX)
    assert copy.clean(text).text == cleaner.clean(text).text


def test_suppressed_passage_is_kept(cleaner):
    text = _doc(ARTICLE + ["<!-- nlcleaner: off -->"] + BOX + ["<!-- nlcleaner: on -->"])
    assert cleaner.clean(text).text == text
    plain = _doc(ARTICLE + ["nlcleaner: off"] + BOX)
    assert cleaner.clean(plain).text == plain


# --- properties over generated documents ---------------------------------------------------------------------------

_prose = st.sampled_from(ARTICLE + [
    "Share prices fell sharply after the announcement.",
    "The newsletter, founded in 1990, covers local politics.",
    "Readers wrote in to support the council's decision.",
    "",
    "Comments from the minister were brief.",
])
_furniture = st.sampled_from([
    BOX,
    ["Advertisement"],
    ["Share this article"],
    ["Comments", "Great piece!", "Thanks for writing this."],
    ["Sign up for our newsletter", "The best stories, every morning.", "No thanks"],
])


@st.composite
def documents(draw):
    body = draw(st.lists(_prose, min_size=1, max_size=12))
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(body)))
        body[at:at] = draw(_furniture)
    return _doc(body, draw(st.sampled_from(["\n", "\r\n"])), draw(st.booleans()))


@pytest.fixture(scope="module")
def reference_cleaner():
    from nlcleaner import Cleaner
    from nlcleaner.settings import Settings

    from conftest import ROOT, quick_gate

    with quick_gate():
        return Cleaner(Settings(rules=(str(ROOT / "nlcleaner" / "packs" / "reference" / "reference.toml"),)))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(documents())
def test_lossless_replayable_idempotent(reference_cleaner, text):
    result = reference_cleaner.clean(text)
    assert apply_removals(text, result.removals) == result.text  # replaying the report gives the output
    assert len(result.text) <= len(text)
    spans = [(r.start, r.end) for r in result.removals]
    assert spans == sorted(spans) and all(a < b for a, b in spans)
    assert all(b <= c for (_, b), (c, _) in zip(spans, spans[1:]))  # non-overlapping
    assert all(text[r.start:r.end] == r.text for r in result.removals)
    # every kept line is a whole line of the input: nothing rewritten
    assert set(result.text.split("\n")) <= set(text.split("\n")) | {""}
    assert reference_cleaner.clean(result.text).text == result.text


def test_a_text_that_is_not_a_str_is_refused_by_name():
    """(left from a review) `clean(b"...")` raised "'bytes' object has no attribute 'casefold'" from deep inside."""
    import pytest

    from nlcleaner import Cleaner

    cleaner = Cleaner()
    for method, call in (("clean", lambda v: cleaner.clean(v)), ("clean_many", lambda v: cleaner.clean_many(["x", v]))):
        with pytest.raises(TypeError, match=rf"^{method}\(\) takes text as str, not bytes \(encoded text: use clean_bytes\)$"):
            call(b"Share this article\n")
        with pytest.raises(TypeError, match=rf"^{method}\(\) takes text as str, not NoneType$"):
            call(None)
    assert cleaner.clean_bytes(b"Story.\n\nShare this article\n")[0] == b"Story.\n"
