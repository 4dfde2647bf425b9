"""Cases found by differential fuzzing (default Cleaner: hyperscan + gate, vs the python prefilter backend), each
minimised. The promise: the output is the same whatever the backend. Classes 1, 2, 3 and 4 broke it and are fixed
(class 3's last case, a link target inside a word, in the twelfth speed pass). Classes 5-8 were found attacking
the stand-in expressions and the carried verdicts (which themselves showed no difference): 6-8 are fixed; 5
(Unicode case pairs newer than Python's tables) stays a strict xfail. Class 9 (a hyperscan miss that depends on
the database's other expressions) was found by checking every alternative on every rule's examples; the gate now
runs that check itself once built."""

import os

import pytest
from conftest import gate_on, judged_as_built_in, keys_only, needs_gate
from conftest import gate_pair as _pair

from nlcleaner.settings import Settings

pytestmark = needs_gate


def _same(gated, plain, text):
    a, b = plain.clean(text), gated.clean(text)
    assert (b.text, b.removals, b.held, b.flags) == (a.text, a.removals, a.held, a.flags), (
        [r.rule for r in a.removals], [r.rule for r in b.removals])


GATED, PLAIN = _pair() if gate_on() else (None, None)

# two documents, the second with an affiliate line (class 10 below)
PAIR = ["What height should the monitor be at?\nWell, first, the wait.\nWe earn commissions from links on our site, enabling us to deliver independent reviews. See our editorial policy.\n\n\n\n\nJump Ropes: A humble jump rope, a portal to an excellent cardio workout. With a skipping rope, you can whisk away calories while enhancing coordination and agility.\nThe State of AI is a monthly newsletter by Nathan Benaich that synthesizes key developments in artificial intelligence, AI markets, and geopolitics.\nOn Thursday evening a section of the building collapsed, bringing the entire structure down, police said.\n", "\u043b\u0438\u0447\u043d\u044b\u0439 \u0430\u0440\u0445\u0438\u0432 \u041e\u043b\u0435\u0433\u0430 \u0418\u043b\u044c\u0438\u043d\u0430\n- 1 serving (125g) of fat-free Greek-style yogurt.\nBe sure to request quotes from at least three mov\nThis is where a quilt comes into the equation. Think of the quilt not so much as just an ultralight blanket, but a mummy\n### 2\\. HubSpot: Best CRM for B2B\nWe earn commissions from links on our site, enabling us to deliver independent reviews. See our editorial policy.\n\n\n\n  2. **Catan****(1995)** \u2013 This timeless economic strategy board game continues to delight with its simple premise that\u2019s fairly easy to learn but difficult to master.\n  * 3 GoTo Meeting plans from $12-$16 per user/month and up\nEntertainment\n"]


# 1. A hyperscan multi-pattern miss on plain ASCII: the gate database (CASELESS|MULTILINE, with or without
#    PREFILTER) does not report comments.section-cut's '^(?:\d+ comments?...)$' on a line after
#    'We are only getting at the truth.' (the same expression alone, or after other lines, matches). The comment
#    section stayed in the output with the gate; the key-only backends remove it. Fixed: the gate scans without
#    MULTILINE (python-hyperscan 0.9.1 alone misses `^(?:.*?[.!?:] )?subscribe to` in
#    b"\nis our eekw on markets. subscribe to podcast" with HS_FLAG_MULTILINE): first each line on its own, now a
#    document's lines joined, with line anchors written as newlines (prefilter.gate_forms._on_lines).
@pytest.mark.parametrize("text", [
    "Story text.\nWe are only getting at the truth.\n\n2 comments",
    "ng at the truth.\n2 comment",
    "veook the Detail\n3 Comment",
    "Abo abschliessen\n3 Comment",
    "ns to customers.\n3 comment",
    # promo.podcast-platforms: its gate form alone misses the second line (after an empty first line)
    "\nis our eekw on markets. Subscribe to podcast Spotify Apple Podcast",
])
def test_an_anchored_line_after_other_lines_is_let_through(text):
    _same(GATED, PLAIN, text)


# 2. A raw-view gated alternative (on = "raw", e.g. newsletter.subscribe-button) on a line whose only non-ASCII
#    character is one normalisation maps to ASCII (no-break space, typographic quote, zero-width space) or one that
#    case-folds to ASCII (long s, Kelvin sign): the raw gate does not judge the line (not ASCII), but its keys are
#    only looked for on lines with a _FOREIGN character of the case-folded text, so the line is never tried.
@pytest.mark.parametrize("line", ["Subscribe\u00a0", "\u00a0Sign up", "\u017fubscribe"])
def test_raw_view_alternative_on_a_line_with_a_translated_character(line):
    _same(GATED, PLAIN, f"Story.\n\n{line}\n\nMore.")


# 3. Normalisation joins a word that the raw text splits (zero-width characters, soft hyphen, emphasis, strike-
#    through or a link inside a word, a full-width letter): the rule's key is not in the raw case-folded text, so
#    the key-only backends never try the line, while the gate (keys assumed, judged on the normalised line) lets it
#    through and the rule matches. Here the gate does what rules mean; the others miss.
@pytest.mark.parametrize("text", [
    "S\u200bhare",
    "Newsl\ufeffetter",
    "Ne\u00adwsletter",
    "News**letter**",
    "Newsle~~tter~~",
    "Leave a \uff43omment",
    "Dona**te** now",
    # full-width letters: kept alone, removed once any other line holds any key (the gate's "no key in the
    # document at all" shortcut), so a line's fate depends on unrelated lines
    "Text about things.\n\n\uff33\uff48\uff41\uff52\uff45",
])
def test_words_joined_by_normalisation(text):
    """Fixed: keys are looked for in the case-folded text without emphasis marks, zero-width characters and soft
    hyphens, and with full-width forms read as ASCII (prefilter.key_view._unsplit)."""
    _same(GATED, PLAIN, text)


@pytest.mark.parametrize("text", [
    "Subscribe to our [news](http://a)letter",
    "Story text.\n\nSubscribe to our [news](http://a)letter\n\nMore text.\n",
    "Subscribe to our news![logo](http://a/l.png)letter",
])
def test_a_word_split_by_a_link_target(text):
    """Fixed (it was a strict xfail until the twelfth speed pass, when the deferred gate made the command line's
    verdict on such a line depend on how much text it had cleaned before): a line with links is also looked through
    for keys as normalisation reads it, links as their text (prefilter.key_view._with_link_texts)."""
    _same(GATED, PLAIN, text)
    assert [r.rule for r in GATED.clean(text).removals] == ["newsletter.signup-prompt"]


def test_a_word_split_by_a_link_target_where_a_long_text_is_cut(monkeypatch):
    """A long text's key view is made a piece at a time, each cut at a newline (found by review, helper-33: cut at a
    space, a piece could end inside the link, "[news](http://a b)letter", and neither piece had it whole)."""
    import nlcleaner.normalise

    monkeypatch.setattr(nlcleaner.normalise, "PIECE", 64)
    line = "Subscribe to our [news](http://a b)letter"
    before = "Story text." + "x" * (64 - line.index(" b)") - 12) + "\n"
    text = before + line + "\nMore text of the story.\n" * 3
    assert text.index(" b)") == 64  # where a cut at a space would fall
    _same(GATED, PLAIN, text)
    assert [r.rule for r in GATED.clean(text).removals] == ["newsletter.signup-prompt"]


@pytest.mark.parametrize("text, rule", [
    # an image inside a link: normalisation takes the image out first, then the link (its text now empty)
    ("Subscribe to our news[![](http://a/i.png)](http://a)letter", "newsletter.signup-prompt"),
    # a key holding a character that is not a word character, "(c)", joined across a link's markup
    ("Story text about the council.\n\nPrivacy Policy ([c](/legal)) 2007", "copyright.tail-notice"),
    # links as normalisation's patterns read them: a parenthesis in a target, a bracket in a link's or an image's
    # text (nested Markdown); an underscore normalisation takes out beside a non-word character; characters that
    # composing makes upper-case ASCII, folded again (found by review, helper-35)
    ("Story text.\nSubscribe to our [news](http://a(b)letter", "newsletter.signup-prompt"),
    ("Story text.\nSubscribe to our news[letter[x](http://a)", "newsletter.signup-prompt"),
    ("Story text.\nSubscribe to our news![a[b](c)letter", "newsletter.signup-prompt"),
    ("Story text about the council.\n\nPrivacy Policy (c_) 2007", "copyright.tail-notice"),
    ("Story text about the council.\n\nPrivacy Policy ([c](x)_) 2007", "copyright.tail-notice"),
    ("Story text.\nSubscribe to our \U0001d40dewsletter", "newsletter.signup-prompt"),
    ("Story text.\nSubscribe to our \u2115ewsletter", "newsletter.signup-prompt"),
    # a rule's declared anchors cover each of its alternatives (the second had none of them)
    ("Story text.\nGet it delivered to your door every week - first issue free.", "promo.magazine-offer"),
])
def test_a_key_joined_across_links_as_normalisation_joins_it(text, rule):
    """Found by review (helper-34): the key view took images and links out in one pass, and looked for joined
    words only where a word character touched the markup."""
    _same(GATED, PLAIN, text)
    assert rule in [r.rule for r in GATED.clean(text).removals]


def test_a_link_on_the_last_line_of_a_long_text_without_a_newline(monkeypatch):
    """The last line of a long text, with no newline after it, is one piece of the key view, not cut at a space
    inside its link (found by review, helper-34)."""
    import nlcleaner.normalise

    monkeypatch.setattr(nlcleaner.normalise, "PIECE", 64)
    line = "Subscribe to our [news](http://a b)letter"
    before = "Story text." + "x" * (64 - line.index(" b)") - 12) + "\n"
    text = before + line
    assert text.index(" b)") == 64 and len(text) < 2 * 64
    _same(GATED, PLAIN, text)
    assert [r.rule for r in GATED.clean(text).removals] == ["newsletter.signup-prompt"]


# 4. Stand-ins are not a superset for negated sets: an all-ASCII user expression with a negated set that excludes
#    letters or digits (`[^a-z]`, `[^0-9]`, `[^i]`, `[^\x00-\x7f]`) matches a non-ASCII character that regex sees,
#    but its stand-in ('x', '0', 'I', '\x01') is in the set, so hyperscan does not let the line through.
@pytest.mark.parametrize("pattern, example, line", [
    (r"^promo[^a-z]+code$", "promo: code", "promo\u00e9code"),
    (r"^offer [^0-9]+ now$", "offer x now", "offer \u0663 now"),
    (r"^sponsor[^i]ng$", "sponsorxng", "sponsor\u0131ng"),
    (r"^sponsored[^\x00-\x7f]$", "sponsored\u20ac", "sponsored\u20ac"),
])
def test_stand_ins_and_negated_sets(tmp_path, pattern, example, line):
    pack = tmp_path / "mine.toml"
    pack.write_text(
        '[pack]\nname = "mine"\n\n'
        '[[rule]]\nid = "ad.mine"\nkind = "pattern"\nwhy = "Mine."\n'
        f"pattern = '{pattern}'\n"
        f'[rule.examples]\nremove = ["{example}"]\nkeep = ["Plain text."]\n',
        encoding="utf-8",
    )
    gated, plain = _pair(Settings(rules=(str(pack),), builtin=False))
    _same(gated, plain, f"Text.\n\n{line}\n\nMore text.\n")


def _user_pair(tmp_path, pattern, example, on="normalised"):
    def q(s):  # a TOML basic string, every character outside printable ASCII escaped
        return '"' + "".join(c if c.isascii() and c.isprintable() and c not in '"\\' else f"\\U{ord(c):08x}"
                             for c in s) + '"'
    pack = tmp_path / "mine.toml"
    pack.write_text(
        '[pack]\nname = "mine"\n\n[[rule]]\nid = "ad.mine"\nkind = "pattern"\nwhy = "Mine."\n'
        f'on = "{on}"\npattern = {q(pattern)}\n[rule.examples]\nremove = [{q(example)}]\nkeep = ["Plain text."]\n'
        # (a second rule the gate judges: the first one's pattern may be one it does not)
        '\n[[rule]]\nid = "ad.other"\nkind = "pattern"\nwhy = "Other."\npattern = "^zz other promo zz$"\n'
        '[rule.examples]\nremove = ["zz other promo zz"]\nkeep = ["Plain text."]\n',
        encoding="utf-8",
    )
    return _pair(Settings(rules=(str(pack),), builtin=False))


# 5. Unicode version skew: `regex` (its own, newer Unicode tables) knows case pairs that Python 3.11's str.casefold
#    (Unicode 14) does not (U+A7CB/U+0264, U+A7DC/U+019B, U+1C89/U+1C8A, U+A7CC-U+A7DD, Garay U+10D50.., ...: 152
#    ordered pairs found by scanning every cased character), and folds U+1DF95 into "ss". `regex` matches the
#    pattern's letter against its partner ignoring case, but `_stand_in` picked their letters by Python's case
#    folding, so they differed and the gate blocked the line. Found by checking `_stand_in_expression(p)` against
#    `stand_ins(normalise(c))` for every (p, c) that `regex` matches; all involve a character unassigned in Python's
#    unicodedata. Since the raw view is judged through stand-ins too (review, helper-131), the same on raw lines.
#    Fixed: such a character has no stand-in; a line holding one is not judged through stand-ins (its keys are
#    looked for there), and an expression naming one is not rewritten. (U+1DF95 with a built-in rule: see
#    tests/test_prefilter.py)
@pytest.mark.parametrize("pattern, line", [
    ("^promo \u0264$", "Promo \ua7cb"),
    ("^promo \ua7cb$", "Promo \u0264"),
])
@pytest.mark.parametrize("on", ["normalised", "raw"])
def test_case_pairs_newer_than_python_unicode(tmp_path, pattern, line, on):
    # (the rule's example is the pattern's own letter: a line of the examples the gate misses is seen and fixed by
    # the check of class 9; this is about a line no example shows)
    gated, plain = _user_pair(tmp_path, pattern, pattern.strip("^$"), on)
    text = f"Text.\n\n{line}\n\nMore text.\n"
    _same(gated, plain, text)
    assert plain.clean(text).removals


# 6. An octal escape names a character outside ASCII in an expression written in ASCII (`\351` is "é" to `regex`;
#    to hyperscan the byte 0xE9). `_NON_ASCII_ESCAPE` does not know octal escapes, so `_all_ascii` lets the
#    expression judge stand-in lines, where "é" is a letter ('z') and never byte 0xE9: the line is blocked. Fixed:
#    `_NON_ASCII_ESCAPE` knows octal escapes \200-\377.
@pytest.mark.parametrize("pattern", [r"^caf\351$", r"^caf[\351]$"])
def test_octal_escape_of_a_character_outside_ascii(tmp_path, pattern):
    gated, plain = _user_pair(tmp_path, pattern, "Caf\u00e9")
    _same(gated, plain, "Text.\n\nCaf\u00e9\n\nMore text.\n")


# 6b. An escape naming a character outside ASCII whose case folding is ASCII: `[\xdf]` is "ß", which `regex`
#    (full case folding) matches on "ss"; the gate, which judged such an alternative on ASCII lines, compiled the
#    byte 0xDF and let no "ss" line through. Found by review (helper-27); such an alternative is not gated now.
@pytest.mark.parametrize("pattern", [r"[\xdf]donate", r"^[\x80-\xff]donate$"])
def test_an_escape_naming_a_character_that_folds_to_ascii(tmp_path, pattern):
    gated, plain = _user_pair(tmp_path, pattern, "x")  # (no example shows "ß": the gate's check would see it)
    _same(gated, plain, "Story.\nssdonate\n")
    assert plain.clean("Story.\nssdonate\n").removals


# 7. Decomposed accents (NFD, e.g. text from macOS: "e" + U+0301): normalisation's NFKC composes them, so the
#    normalised view holds the phrase ("publicité"), but keys are looked for in the case-folded raw text, which
#    does not ("publicite\u0301"). The key-only backends never try the line; the gate (keys assumed once any key
#    is in the document) lets it through and the rule matches — the gate does what rules mean, as in class 3. Alone
#    on the page the line is kept by both (no key in the document at all). Fixed: keys are looked for in the text
#    composed as normalisation composes it (NFKC).
@pytest.mark.parametrize("text", [
    "Text about the vote.\n\nPublicite\u0301\n\nMore text about it.",
    "Text.\n\nPublicite\u0301\n\nShare this article",
])
def test_decomposed_accents(text):
    _same(GATED, PLAIN, text)


# 8. A hyperscan miss on plain ASCII, one line, in the full gate database: promo.podcast-platforms
#    (`^(?:.*?[.!?:] )?(?:subscribe to|abonnieren sie|...) ...`) is not reported on this line by the database of
#    all ~2,000 expressions, though its gate form alone (CASELESS|PREFILTER) matches it. "Das ist unser Podcast.
#    ..." and "Morgen ist der Podcast der Redaktion. ..." are reported. The python backend holds the line
#    (guard: it is the whole document) or removes it; with the gate it stayed untouched. Fixed: the gate drops an
#    optional group after a line start (`^(?:X)?Y` is compiled as `Y`, a superset), which the database then finds.
@pytest.mark.parametrize("text", [
    "Das ist der Podcast der Redaktion. Abonnieren Sie den Podcast bei Spotify, Apple Podcast und Deezer.",
    "Text of the story.\n\nDas ist der Podcast der Redaktion. Abonnieren Sie den Podcast bei Spotify, Apple "
    "Podcast und Deezer.\n\nMore text of the story.\n",
])
def test_combined_database_miss(text):
    _same(GATED, PLAIN, text)


# 10. A hyperscan miss that the line-start lead avoids: `ad.affiliate-disclosure`'s alternative begins `^.{0,500}?`,
#    written for the gate as `\n.*?X`. Compiled as X alone (which lets through the same lines on paper), python-
#    hyperscan 0.9.1 does not report X on "we earn commissions" after a line of 18 characters (with no flag at all:
#    b"x" * 18 + b"\nwe earn commissions"), though `\n.*?X` finds it; the affiliate line then stayed in about a
#    quarter of the contexts tried, and `clean_many` disagreed with `clean`. Found by review (helper-27) of a pass
#    that had dropped the lead for speed; the lead is kept.
@pytest.mark.parametrize("text", [
    'He said later. "Please.\nWe earn commissions from links on our site.\n',
    PAIR[1],
])
def test_a_line_start_lead_the_gate_needs(text):
    _same(GATED, PLAIN, text)
    assert [r.rule for r in GATED.clean(text).removals].count("ad.affiliate-disclosure") == 1


def test_a_line_start_lead_the_gate_needs_in_a_group():
    assert [(r.text, r.removals) for r in GATED.clean_many(PAIR)] == [(r.text, r.removals) for r in map(GATED.clean, PAIR)]


# 9. A hyperscan miss in the per-line scan of the time, without MULTILINE: `comments.signed-thread-cut`'s
#    '^posted by:? .+?(?:\bon)\b.*$' alone matches "posted by: miss priss, leith on" (and, in the database,
#    "posted by: brad, glasgow on"), but the whole database does not report it on that line; three unrelated
#    expressions with `\b` and `.*` (social.pin-it, social.tool-row, a join-the-conversation one) are enough to
#    cause it, and neither dropping `\b` everywhere nor other flags avoids every such miss. Fixed as far as it can
#    be seen: once built, the gate is checked on every rule's examples, and an alternative it misses there is
#    judged by its keys (Prefilter._drop_misses).
def test_the_gate_lets_through_every_example_line_an_alternative_matches():
    """Every gated alternative of every rule, on the lines of every rule's examples (not only its own): where the
    alternative matches a line the gate judges, the gate let the line through. (Whether an alternative matches a
    line depends on the line alone, so it is found once per distinct line, and tried only where the alternative's
    anchors are: a line without them cannot match. What the gate lets through depends on the lines around: it is
    taken from each example as a round scans it.)"""
    from nlcleaner.detect import Round

    gate = GATED._prefilter.gate
    texts = [t for k in GATED._kinds for t in (*k.rule.examples_remove, *k.rule.examples_keep)]
    targets = [(tid, m, b) for tid, (m, b) in enumerate(gate.targets) if gate.gated.get(id(m), {}).get(b) == tid]
    rounds = [Round(text, GATED._prefilter, 0.3, 0.2) for text in texts]
    views = {}
    for rnd in rounds:
        for i in range(rnd.n):
            views.setdefault(rnd.raw(i), rnd.view(i))
    lines = list(views)
    holding = {"raw": _lines_holding([v.raw.casefold() for v in views.values()]),
               "norm": _lines_holding([v.norm for v in views.values()])}
    matched: dict[str, list[int]] = {}
    for tid, m, b in targets:
        keys = m.branch_anchors[b]
        near = holding["raw" if m.on == "raw" else "norm"]
        for n in sorted(set().union(*(near(k) for k in keys))) if keys else range(len(lines)):
            if m.match(views[lines[n]], {b}) if m.mode == "pattern" else m.match(views[lines[n]]):
                matched.setdefault(lines[n], []).append(tid)
    checked = 0
    for rnd in rounds:
        passed, unjudged = rnd._gate_results()
        for i in range(rnd.n):
            for tid in matched.get(rnd.raw(i), ()):
                checked += 1
                assert i in passed.get(tid, ()) or i in unjudged[gate.view_of[tid]], (gate.targets[tid][0].rule_id,
                                                                                        rnd.raw(i))
    assert checked > 2000


def _lines_holding(lines: list[str]):
    """A function giving, for a text without newlines, the indices of `lines` that hold it."""
    from bisect import bisect_right
    from functools import cache
    from itertools import accumulate

    text = "\n".join(lines)
    starts = list(accumulate((len(line) + 1 for line in lines), initial=0))

    @cache
    def holding(key: str) -> frozenset[int]:
        assert key and "\n" not in key
        found, at = set(), text.find(key)
        while at >= 0:
            n = bisect_right(starts, at) - 1
            found.add(n)
            at = text.find(key, starts[n + 1])  # (the next line: one is enough)
        return frozenset(found)

    return holding


def test_an_alternative_the_gate_misses_on_an_example_is_judged_by_its_keys(monkeypatch, tmp_path):
    """The check itself: with the gate made to miss one alternative, that alternative is no longer gated and the
    rule still finds its line, as the keys-only engine does."""
    from nlcleaner import Cleaner
    from nlcleaner import prefilter

    monkeypatch.setenv("NLCLEANER_CACHE_DIR", str(tmp_path))  # (a fresh check, not one cached by another run)
    scan = prefilter.BranchGate.scan
    lost = []

    def missing(self, view, lines, out):
        scan(self, view, lines, out)
        if not lost:
            lost.append(next(t for t, (m, b) in enumerate(self.targets) if m.rule_id == "social.share-button"))
        out.pop(lost[0], None)

    monkeypatch.setattr(prefilter.BranchGate, "scan", missing)
    cleaner = Cleaner(Settings(select=("social",)))
    gate = cleaner._prefilter.gate
    m, b = gate.targets[lost[0]]
    assert b not in gate.gated.get(id(m), {})
    text = "The story, told in full.\n\nShare this\n"
    assert cleaner.clean(text).removals == keys_only(Settings(select=("social",))).clean(text).removals != []


def _pack(tmp_path, name, pattern):
    path = tmp_path / f"{name}.toml"
    path.write_text(
        f'[pack]\nname = "{name}"\n\n[[rule]]\nid = "ad.{name}"\nkind = "pattern"\nwhy = "Mine."\n'
        f"pattern = '{pattern}'\n"
        '[rule.examples]\nremove = ["Promo: enter the code"]\nkeep = ["Plain text."]\n',
        encoding="utf-8",
    )
    return str(path)


def test_the_gate_check_is_cached_by_whole_patterns_and_a_damaged_file_is_checked_again(monkeypatch, tmp_path):
    """Two patterns whose gate expressions are the same (bounded repeats are widened) may match different lines:
    each gets its own check. A cached result this code did not write is ignored and the check made again."""
    from nlcleaner import prefilter

    monkeypatch.setenv("NLCLEANER_CACHE_DIR", str(tmp_path / "cache"))
    made = []
    check = prefilter.Prefilter._gate_misses
    monkeypatch.setattr(prefilter.Prefilter, "_gate_misses", lambda self: made.append(1) or check(self))
    wide, narrow = _pack(tmp_path, "wide", r"^promo: .{1,80}?code$"), _pack(tmp_path, "narrow", r"^promo: .{1,10}?code$")

    def gate(path):
        return judged_as_built_in(Settings(rules=(path,), builtin=False))._prefilter.gate

    assert gate(wide).expressions == gate(narrow).expressions and len(made) == 2  # (the second is not the first's)
    assert gate(wide) is not None and len(made) == 2  # (now from the cache)
    files = list((tmp_path / "cache").glob("*.misses"))
    for cached in files:
        os.utime(cached, (1, 1))
    assert gate(wide) is not None and len(made) == 2
    assert any(cached.stat().st_mtime > 1 for cached in files)  # (a file in use is not pruned as old)
    for cached in files:
        cached.write_text("99999")
    assert gate(wide) is not None and len(made) == 3


def test_the_gate_is_checked_on_the_examples_of_rules_not_selected():
    from nlcleaner import Cleaner

    cleaner = Cleaner(Settings(ignore=("comments.signed-by-place-cut",)))
    place = cleaner.rule("comments.signed-by-place-cut")
    assert place not in cleaner.rules and set(place.examples_remove) <= set(cleaner._prefilter._witnesses)
