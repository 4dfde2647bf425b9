"""Anchors derived from patterns: every match must contain one of them, or the pattern stays unanchored."""

from __future__ import annotations

import pytest
import regex

from nlcleaner.anchors import derive, requirements


@pytest.mark.parametrize(
    "pattern, anchors",
    [
        (r"^(?:follow|like) us on (?:facebook|twitter|instagram)\b", ("facebook", "instagram", "twitter")),
        (r"\bshare (this|on)\b", ("share",)),
        (r"\b(?:donate|give) (?:now|today)\b|\bchip in\b", ("chip", "donate", "give")),
        (r"©\s*\d{4}", ("©",)),
        (r"(?:read)+ more", ("read",)),
    ],
)
def test_derived_anchors(pattern, anchors):
    assert derive(pattern) == anchors


@pytest.mark.parametrize("pattern", [r"(a|b)+", r"^by [a-z]+$", r"\p{L}+ share", r"(?:share)? no", r"x|(?:y)"])
def test_no_anchor_when_some_match_needs_no_useful_literal(pattern):
    assert derive(pattern) is None


@pytest.mark.parametrize(
    "pattern, text",
    [
        (r"\b(?:donate|give) (?:now|today)\b|\bchip in\b", "please chip in today"),
        (r"^(?:follow|like) us on (?:facebook|twitter)", "like us on twitter"),
        (r"(?:sign(?:ing)? up|subscribe) (?:for|to) our newsletter", "signing up to our newsletter"),
    ],
)
def test_a_match_always_contains_an_anchor(pattern, text):
    assert regex.search(pattern, text)
    assert any(a in text.casefold() for a in derive(pattern))


@pytest.mark.parametrize(
    "pattern, wanted",
    [
        (r"^(?:get|join|try) (?:the|our) [\w'&. -]{1,40}$", [("our", "the"), ("get", "join", "try")]),
        (r"^(?:\w[\w .'-]{0,40} (?:says|said|wrote):$)", [("said", "says", "wrote"), (":",)]),
        (r"^menu:\s(?:[^|:]{1,30}\|\s?){3,30}$", [("menu",), ("|",)]),
        (r"(?:donate)? now", [("now",)]),  # an optional group requires nothing
        (r"(?!.*\bsaid\b)subscribe", [("subscribe",)]),  # nor does a lookahead
        # every word of a literal of several words (the keys-only backends narrow by each: "find" alone is on
        # many lines, "find", "more" and "out" at once on few)
        (r"^(?:find out more)[.!]?$", [("more",), ("find",), ("out",)]),
        (r"\bwe (?:ask you)\b", [("you",), ("ask",)]),  # ("we" is too short to be worth looking for)
    ],
)
def test_requirements_are_every_usable_literal_set_a_match_needs(pattern, wanted):
    assert requirements(pattern) == wanted


@pytest.mark.parametrize(
    "pattern, text",
    [
        (r"^(?:get|join|try) (?:the|our) [\w'&. -]{1,40}$", "Join our Club"),
        (r"^(?:\w[\w .'-]{0,40} (?:says|said|wrote):$)", "Anna Smith wrote:"),
        (r"^menu:\s(?:[^|:]{1,30}\|\s?){3,30}$", "Menu: a| b| c|"),
        (r"\b(?:sign(?:ing)? up|subscribe)(?: now)? (?:for|to) (?:our|the) (?:daily )?newsletter", "Signing up to THE daily newsletter"),
    ],
)
def test_a_match_holds_a_key_of_every_requirement(pattern, text):
    assert regex.search(pattern, text, regex.IGNORECASE | regex.V1)
    for keys in requirements(pattern):
        assert any(k in text.casefold() for k in keys), keys


@pytest.mark.parametrize(
    "pattern, text",
    [
        (r"^promo ab[[:digit:]]cd$", "promo ab7cd"),
        (r"code[[:digit:]]+ applies", "CODE42 applies"),
        (r"^[^[:alpha:]]+ wire service$", "12 wire service"),
        (r"win[[:alpha:]][[:space:]]prizes", "winS prizes"),
        (r"x[[:alpha:][:digit:]_]+ offer", "xa_1 offer"),
        (r"^promo x[[a-z]--[aeiou]]-day$", "Promo xb-day"),  # a set difference (version 1), no literal "--"
    ],
)
def test_a_posix_class_is_no_literal(pattern, text):
    """The standard library's parser reads `[[:digit:]]` as the characters "[:digt" and a literal "]": read so,
    `ab[[:digit:]]cd` got the key "]cd" and the keys-only backends never tried it on the lines it matches."""
    from nlcleaner.prefilter import branch_keys

    assert regex.search(pattern, text, regex.IGNORECASE | regex.V1)
    for keys in (*requirements(pattern), *requirements(pattern, short=True), branch_keys(pattern) or ()):
        assert any(k in text.casefold() for k in keys), keys


def test_parsing_a_pattern_shows_no_warning():
    """Sets the standard library warns might one day nest (`[[:alpha:]]`, `[[]`) are read without a warning: the
    library never prints."""
    import warnings

    from nlcleaner.anchors import parse

    with warnings.catch_warnings(record=True) as shown:
        warnings.simplefilter("always")
        for pattern in (r"[[:alpha:]]+ wire", r"news[[]x", r"x[a~~b] offer", r"[a&&b] promo"):
            parse(pattern)
            assert derive(pattern) is not None and requirements(pattern, short=True)
    assert [str(w.message) for w in shown] == []


def test_built_in_requirements_hold_on_the_lines_their_alternatives_match():
    """For every built-in alternative with further requirements (what the keys-only prefilter narrows lines by, see
    Prefilter.keyed_lines), each line of its rule's examples that it matches holds a key of each, in the text keys
    are looked for in (case-folded, see prefilter.key_view._unsplit: Prefilter._fold): a wrong requirement would lose lines silently."""
    from nlcleaner import Cleaner
    from nlcleaner.kinds.line_match import LineView
    from nlcleaner.rules.examples import split_marked

    cleaner = Cleaner()
    fold = cleaner._prefilter._fold  # (the text keys are looked for in)
    checked = 0
    for kind in cleaner._kinds:
        rule = kind.rule
        lines = [line for e in rule.examples_remove + rule.examples_keep for line in split_marked(e)[0].split("\n")]
        for m in kind.matchers:
            for b, reqs in enumerate(getattr(m, "branch_requires", ())):
                if not reqs:
                    continue
                compiled = regex.compile(m.branches[b], regex.IGNORECASE | regex.V1)
                for line in lines:
                    view = LineView(line)
                    if compiled.search(view.raw if m.on == "raw" else view.norm):
                        checked += 1
                        folded = fold(line)
                        for keys in ((m.branch_anchors[b],) if m.branch_anchors[b] else ()) + reqs:
                            assert any(k in folded for k in keys), (rule.id, b, keys, line)
    assert checked > 100


def test_short_requirements_give_keys_to_alternatives_without_any():
    """Two-letter words count only for an alternative `derive` leaves without keys (see prefilter.branch_requirements):
    the keys-only backends then try it on lines with "vk" (and a network's name) instead of every line."""
    from nlcleaner.prefilter import branch_requirements

    bar = "^(?:vk)(?:[ ,/]{1,3}(?:facebook|twitter|vk)){1,4}$"
    assert derive(bar) is None and requirements(bar) == []
    assert branch_requirements(bar, None) == (("vk",), ("facebook", "twitter", "vk"))
    assert branch_requirements("^(?:i'm in)[.!]?$", None) == (("in",),)


def test_declared_anchors_hold_on_the_lines_their_pattern_matches():
    """A rule's declared `anchors` are written by hand: every line of its examples (both kinds) that its pattern
    matches must hold one of the keys they give, in the text keys are looked for in, or the keys-only backends
    would silently skip such lines (related.liked-this-heading's anchors are its languages' verbs, one per
    alternative)."""
    from nlcleaner import Cleaner
    from nlcleaner.kinds.line_match import LineView
    from nlcleaner.rules.examples import split_marked

    checked = set()
    cleaner = Cleaner()
    fold = cleaner._prefilter._fold  # (the text keys are looked for in)
    for kind in cleaner._kinds:
        rule = kind.rule
        lines = [line for e in rule.examples_remove + rule.examples_keep for line in split_marked(e)[0].split("\n")]
        for m in kind.matchers:
            spec_anchors = rule.spec.get("line", {}).get("anchors") if isinstance(rule.spec.get("line"), dict) else None
            if m.mode != "pattern" or not spec_anchors or m.branch_anchors[0] is None:
                continue
            for line in lines:
                view = LineView(line)
                if m.regex.search(view.raw if m.on == "raw" else view.norm):
                    checked.add(rule.id)
                    assert any(k in fold(line) for k in m.branch_anchors[0]), (rule.id, line)
    assert "related.liked-this-heading" in checked and len(checked) >= 5, sorted(checked)


@pytest.mark.parametrize("pattern, text, joined", [
    (r"^(?:hi|hello|hey)(?: there)?[!,.]? i'm [A-Z]\w+", "Hey there! I'm Bianca", ("hello", "hey", "hi")),
    (r"sub(?:scribe|mit) now", "Submit now", ("submit", "subscribe")),
    (r"ver[sz]ion \d", "Verzion 2", ("vers", "verz")),
])
def test_a_shared_start_taken_out_of_an_alternation_is_put_back(pattern, text, joined):
    """The parser turns `hi|hello|hey` into "h" then `i|ello|ey`; the requirements put the start back on each
    alternative, and a line the pattern matches holds one literal of every requirement."""
    import regex as rx

    from nlcleaner.anchors import requirements

    found = requirements(pattern, most=10, short=True)
    assert joined in found
    folded = text.casefold()
    assert rx.search(pattern, text, rx.IGNORECASE)
    assert all(any(k in folded for k in req) for req in found)


def test_a_user_rule_with_a_posix_class_removes_its_lines_with_every_backend(tmp_path, monkeypatch):
    """End to end, from a user's pack with a fresh cache: no warning, and the line removed by the keys-only
    engine as by the default one (before, the keys-only engine kept it: its key was "]cd")."""
    import warnings

    from conftest import keys_only

    from nlcleaner import Cleaner, Settings

    monkeypatch.setenv("NLCLEANER_CACHE_DIR", str(tmp_path / "cache"))
    pack = tmp_path / "mine.toml"
    pack.write_text(
        '[pack]\nname = "mine"\n\n[[rule]]\nid = "ad.promo-code"\nkind = "pattern"\nwhy = "Promo codes."\n'
        "pattern = '^promo ab[[:digit:]]cd$'\n"
        '[rule.examples]\nremove = ["promo ab5cd"]\nkeep = ["Plain text."]\n',
        encoding="utf-8",
    )
    settings = Settings(rules=(str(pack),), builtin=False)
    text = "The council met on Tuesday and agreed the budget after a long debate.\n\npromo ab7cd\n"
    with warnings.catch_warnings(record=True) as shown:
        warnings.simplefilter("always")  # (recorded, not raised: a raised one would change what is parsed)
        for cleaner in (Cleaner(settings), keys_only(settings)):
            assert [r.text.strip() for r in cleaner.clean(text).removals] == ["promo ab7cd"]
    assert [str(w.message) for w in shown] == []


@pytest.mark.parametrize("pattern", [r"[\n©]", "©\n©", r"x\ny", r"(?:a|\n)bc"])
def test_no_key_holds_a_newline(pattern):
    """A line never holds a newline: a key with one would find nothing (or, looked for over lines joined by
    newlines, a line that does not hold it)."""
    from nlcleaner.prefilter import branch_keys

    assert not any("\n" in key for key in branch_keys(pattern) or ())


def test_compiling_a_pack_lets_go_of_the_parse_trees(tmp_path, monkeypatch):
    """`anchors.parse` keeps its last trees while a pack is compiled (each alternative is parsed three times); the
    pack cache then lets go of them (the built-in packs' trees took 66 MB, for the rest of the run)."""
    from nlcleaner import packcache
    from nlcleaner.anchors import parse

    monkeypatch.setenv("NLCLEANER_CACHE_DIR", str(tmp_path / "cache"))
    pack = tmp_path / "mine.toml"
    pack.write_text('[pack]\nname = "mine"\n\n[[rule]]\nid = "newsletter.mine"\nkind = "pattern"\nwhy = "Mine."\n'
                    "pattern = '(?:join|follow) our (?:mailing list|club)'\n"
                    '[rule.examples]\nremove = ["Join our club"]\nkeep = ["Plain text."]\n', encoding="utf-8")
    parse.cache_clear()
    parse("(?:warm) up")
    assert parse.cache_info().currsize == 1
    _, kinds = packcache.load(pack, user=True)
    assert kinds and kinds[0].matcher.branch_anchors == (("follow", "join"),)
    assert parse.cache_info().currsize == 0
