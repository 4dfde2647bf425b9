"""The normalised view rules match against: what it takes away, and what it must keep."""

from __future__ import annotations

from itertools import accumulate

import pytest

from nlcleaner import normalise as normalise_module
from nlcleaner.normalise import normalise, split_lines


@pytest.mark.parametrize("line, view", [
    ("| Newsletters |", "newsletters"),  # a table row's borders, both ends
    ("| a | b |", "a | b"),  # inner bars stay: they separate cells
    ("## **Sign up** for [our newsletter](https://x.example/n)", "sign up for our newsletter"),
    ("It’s “quoted” — here", "it's \"quoted\" - here"),
    ("Plain ASCII prose.", "plain ascii prose."),
    ("Costs $5 | month", "costs $5 | month"),
    ("1. First item", "first item"), ("12) Twelfth", "twelfth"), ("2024 was a year", "2024 was a year"),
    ("9.", "9."),  # (a list number needs a space after it)
    # a newline (no line of a text holds one, a pack's phrase may) is white space like any other
    ("Support us\n2024", "support us 2024"), ("2024\nnow", "2024 now"), ("Share\nthis", "share this"),
])
def test_normalised_view(line, view):
    assert normalise(line) == view


def _lines():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "fixtures"
    out = ["It’s “quoted” — here", "Don’t stop – ever", "«Bonjour» dit-il", "Plain\u00a0spaced", "Tab\tbed line",
           "A `code` word’s end", "Soft\u00adhyphen and zero\u200bwidth", "\ufb01ne ligature",
           "Some *emphasis* here", "An _underlined_ word", "Struck ~~out~~ text", "A [link](https://x.example) in it",
           "Ends with a bar |", "Say “hi” *now*", "Two  spaces inside",
           # ends and starts the quick path takes too: a digit, "-", ">" or "+" last; a digit first, but no list number
           "Price: $220", "Page 2 of 10", "Call 555-1234 -", "a -> b >", "C++", "Tag #", "Odd\x1cchar 5",
           "Bell\x07 in 7", "Ends in a tab\t", "Ends in a separator\x1c", "2024 was a year", "3 ways to win",
           "1.5 million people", "123.456 readers", "1234. Not a list number", "2024’s “best” – 10",
           # list numbers the full path takes off (the quick path must not take them)
           "1. First item", "12) Twelfth", "7.\ttabbed", "3. ", "10.\x1cseparator", "99) x 5"]
    for p in sorted(root.rglob("*.txt")):
        out += p.read_text(encoding="utf-8", errors="surrogateescape").split("\n")
    return out


def test_the_quick_path_for_plain_lines_gives_what_the_full_path_gives():
    """A line that is plain ASCII prose (at once, or once its typographic quotes and dashes are made ASCII) is only
    lower-cased; the full path (forced here by a trailing run of spaces, which it strips) must agree."""
    from nlcleaner.normalise import _TRANSLATE

    quick = typographic = 0
    for line in _lines():
        if "\r" in line:
            continue
        view = normalise(line)
        quick += view == line.lower()
        typographic += not line.isascii() and view == line.translate(_TRANSLATE).lower()
        assert view == normalise(line + "  "), line
    assert quick > 100 and typographic > 5  # (the quick path was taken, also by lines with typographic characters)


@pytest.mark.parametrize("line", [
    "It’s “quoted” — here", "en–dash and em—dash", "‘single’ and ‚low‛ ′prime″", "«guillemets» and tab\there",
    "a `backtick` and ’", "no\u00a0break\u202fspaces\u2007and zero\u200bwidth\u00ad", "Straße – ’ and `x` \u2212 1",
    "only ASCII ` and \t", "", "\u2019",
])
def test_typographic_translation_is_translate(line):
    from nlcleaner.normalise import _TRANSLATE, _translated

    assert _translated(line) == line.translate(_TRANSLATE)


def test_runs_of_white_space_become_one_space_as_the_regex_reads_white_space():
    """The view collapses each run of White_Space to one space; `_one_spaced` does it with str.split() where that
    reads White_Space as the regex does (not where a line holds one of \\x1c-\\x1f, which str.split() splits at and
    the regex's \\s does not), so its result, stripped, is the regex's: checked on random runs of every character
    either takes for white space."""
    import random
    import sys

    import regex

    from nlcleaner.normalise import _SPACE, _one_spaced

    every = "".join(map(chr, range(sys.maxunicode + 1)))
    spaces = sorted({ch for ch in every if ch.isspace()} | set(regex.findall(r"\s", every)))
    assert {"\x1c", "\u3000", "\x85", "\u2028"} <= set(spaces)
    rng = random.Random(3)
    alphabet = spaces + list("ab.\x07")
    for _ in range(20000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
        assert _one_spaced(s).strip() == _SPACE.sub(" ", s).strip(), repr(s)
    assert normalise("Wide\u3000\u3000gap\x85and\u2028more  here") == "wide gap and more here"
    assert normalise("Keeps\x1c  a separator") == "keeps\x1c a separator"


@pytest.mark.parametrize("text", [
    "", "\n", "a", "a\n", "\n\na\n\n", "one\ntwo\none\ntwo\n", "x\r\ny\r\nx\r\n", "no newline at the end\nx\nx",
    "\n".join(["word", "", "other", "word"] * 600), "\n".join(["wörd", "слово", "😀"] * 400) + "\n",
    "\n".join(f"line {i}" for i in range(3000)), "\n".join(f"line {i % 1500}" for i in range(3000)),
])
@pytest.mark.parametrize("piece", [1, 3, 64, 1 << 20])
def test_split_lines_is_a_split_at_newlines(monkeypatch, text, piece):
    monkeypatch.setattr(normalise_module, "MANY_LINES", 0)  # every text counts as one of very many lines
    monkeypatch.setattr(normalise_module, "PIECE", piece)  # split a few characters at a time
    assert split_lines(text) == text.split("\n")


@pytest.mark.parametrize("piece", [1, 64, 4096])  # (pieces shorter than the texts: sharing is judged after each)
def test_equal_lines_are_one_string_unless_most_lines_are_distinct(monkeypatch, piece):
    monkeypatch.setattr(normalise_module, "MANY_LINES", 0)
    monkeypatch.setattr(normalise_module, "PIECE", piece)
    repeated = split_lines("\n".join(["word", "", "other", "word", "слово"] * 1000))
    assert len({id(line) for line in repeated}) == 4  # one string for each distinct line
    distinct = split_lines("\n".join(f"line {i % 2500}" for i in range(5000)))
    assert distinct == [f"line {i % 2500}" for i in range(5000)]
    # (sharing stopped once most lines read were distinct: the repeats of the second half are strings of their own)
    assert len({id(line) for line in distinct}) > 2500


def test_split_lines_of_a_usual_text_is_a_plain_split():
    text = "\n".join(["same"] * 1000)
    lines = split_lines(text)
    assert lines == text.split("\n") and len({id(line) for line in lines}) == 1000


def test_a_text_of_very_many_lines_is_cleaned_as_with_a_plain_split(monkeypatch):
    from nlcleaner import Cleaner, detect, prefilter

    text = "\n".join(["Advertisement", "word", "Share this", "Это слово.", "", "Follow us on Twitter"] * 300) + "\n"
    cleaner = Cleaner()
    before = cleaner.clean(text)
    monkeypatch.setattr(normalise_module, "MANY_LINES", 10)
    monkeypatch.setattr(normalise_module, "PIECE", 50)
    rounds = []
    monkeypatch.setattr(detect.Round, "__init__", _recording(detect.Round.__init__, rounds))
    after = cleaner.clean(text)
    assert after.text == before.text and after.removals == before.removals and before.removals
    # (the rounds did split the text the new way: their equal lines are one string)
    assert any(len({id(p) for p in r.parts}) < len(r.parts) / 10 for r in rounds)
    assert prefilter.split_lines is split_lines


def _recording(init, rounds):
    def wrapped(self, *args, **kwargs):
        init(self, *args, **kwargs)
        rounds.append(self)
    return wrapped



@pytest.mark.parametrize("text, cuts", [
    # the last line has no newline after it and the text ends within 2 * PIECE: one piece (it was cut at a space)
    ("a" * 50 + "\n" + "b c " * 15, []),
    ("a" * 50 + "\n" + "b c " * 15 + "\n" + "d" * 70, [111]),  # a newline within [PIECE, 2 * PIECE)
    ("a b " * 60, [65, 129]),  # one line much longer than PIECE: cut at spaces, the rest (< 2 * PIECE) whole
])
def test_pieces_at_lines_are_cut_at_newlines_where_lines_fit(monkeypatch, text, cuts):
    import nlcleaner.normalise as normalise

    monkeypatch.setattr(normalise, "PIECE", 64)
    got = list(normalise.pieces(text, at_lines=True))
    assert "".join(got) == text
    assert list(accumulate(len(p) for p in got))[:-1] == cuts


def test_a_pictograph_bullet_is_lead_furniture():
    """A box puts an emoji before its heading or button as a bullet ("📬 The morning newsletter"): the view drops it
    as it drops "* " or "## ", so that a rule anchored at the line's start reads the words. Check marks (a paywall
    perk signal looks for them), arrows ("← Previous post") and © stay."""
    from nlcleaner.normalise import normalise

    assert normalise("📧 Ontvang de dagelijkse nieuwsbrief") == "ontvang de dagelijkse nieuwsbrief"
    assert normalise("❤️ **Like this story?**") == "like this story?"
    assert normalise("- 📲 Get the app") == "get the app"
    assert normalise("☐ Daily digest") == "daily digest"
    assert normalise("☎︎ Call us") == "call us"  # (a text-style variation selector goes with it)
    for kept in ("✓ Jederzeit kündbar", "← Previous post", "© 2024 Example Media", "The 🎉 party", "➜ Next",
                 "🗸 Checked"):
        assert normalise(kept) == kept.casefold()
