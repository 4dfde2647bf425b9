"""The text keys are looked for in: case-folded, and without what normalisation takes out of a word (emphasis
marks, soft hyphens, a link's target), so that a key of "newsletter" finds "News**letter**" as the rules, which
match normalised lines, do."""

from __future__ import annotations

import re
import unicodedata
from functools import partial
from itertools import compress, count
from operator import not_

from .. import normalise as normalise_module
from .gate import GATE_MAX_CHARS

# characters normalisation takes out of the middle of a word (emphasis marks, zero-width and format characters, the
# soft hyphen); full-width letters and digits, which it reads as ASCII ones, NFKC makes ASCII (see `_unsplit`)
# (every "_": normalisation takes out those beside a non-word character, as in "(c_)"); the ASCII ones first
_ASCII_JOINERS = "*~_"
_JOINERS = _ASCII_JOINERS + "\u200b\u200c\u200d\ufeff\u00ad"


def _folded_unsplit(text: str, joining: re.Pattern) -> str:
    return _unsplit(text.casefold(), joining)


def _folded_plain_unsplit(text: str, joining: re.Pattern) -> str:
    return _unsplit(_plain(text).casefold(), joining)


# the typographic characters most lines outside ASCII hold, as normalisation reads them (its own table), and the
# ellipsis as composing the text makes it
_PLAIN = (*((ch, normalise_module._TRANSLATE[ord(ch)]) for ch in "\u2019\u201c\u201d\u2013\u2014\u00a0\u2018\u00ab"
                                                                    "\u00bb"), ("\u2026", "..."))


def _plain(text: str) -> str:
    """The text with its commonest typographic characters made ASCII, before it is case-folded for the keys (when no
    key holds one of them, so that no key is lost: see Prefilter's `_fold`): a text in English with curly quotes is
    then ASCII, folded at once and with no composition to check. Each stays on its line; a no-break space and an
    ellipsis are what composing the text (NFKC) makes them anyway."""
    if not text.isascii():
        for ch, to in _PLAIN:
            if ch in text:
                text = text.replace(ch, to)
    return text


def _unsplit(view: str, joining: re.Pattern) -> str:
    """The case-folded text without the characters of _JOINERS and with full-width forms as ASCII (the same lines:
    no newline is touched); composed as normalisation composes it (NFKC: "e" + U+0301 is "é", as the rules see it);
    a line with Markdown links followed by its text without their targets (`_with_link_texts`)."""
    for ch in _ASCII_JOINERS:
        if ch in view:
            view = view.replace(ch, "")
    if not view.isascii():
        if not unicodedata.is_normalized("NFKC", view):  # (NFKC also makes full-width forms ASCII)
            view = _nfkc_folded_by_lines(view)
        for ch in _JOINERS[len(_ASCII_JOINERS):]:
            if ch in view:
                view = view.replace(ch, "")
    # ("]" first: one character is looked for several times faster than two, and most texts hold none)
    return _with_link_texts(view, joining) if "]" in view and "](" in view else view


def _joining(keys) -> re.Pattern:
    """Where taking out a link's markup may join two parts of one of these keys: a character a key of two or more
    characters holds right before "[" or "![", or right after a ")" (or another link there). Word characters
    always, and the others the keys hold: "(c)" makes "Policy ([c](/legal))" one (found by review,
    helper-34); a ")" before "," or "." is then passed over, as no key joins there (any character but a space made
    the key view of links followed by punctuation twice as slow). Written to begin with "[" or ")", which the search
    skips to at once (begun with a set of characters it tried every letter of the text: six times slower). No
    built-in key holds a space; a user's phrase that does ("(c) 2007") makes every link beside a space such a place,
    "(c) [2007](x)" (found by review, helper-35)."""
    # (each distinct character once: the built-in keys hold ~50,000 characters, a regex match each cost ~15 ms at
    # every start)
    extra = sorted(ch for ch in set().union(*(k for k in keys if len(k) > 1)) if not _WORD.match(ch))
    near = r"\w" + "".join(map(re.escape, extra))
    return re.compile(rf"\[(?<=[{near}]\[)|\[(?<=[{near}]!\[)|\)[{near}\[!]")


_WORD = re.compile(r"\w")  # (as the joining pattern reads \w)


def _with_link_texts(view: str, joining: re.Pattern) -> str:
    """The view with each line that holds a link, where taking out its markup may join words, followed by itself as
    normalisation reads it: links as their text, images gone. The keys of "[news](https://a)letter" are then those
    of "newsletter", which the rules see (and those of the line as it is are still found, for rules on the raw line).
    Links are read with normalisation's own patterns (nested brackets, a parenthesis in a target: found by review,
    helper-35), on lines the gate judges only: a longer line is judged by its keys with any backend, and those
    patterns' bounded repeats cost ~1 ms a KB on a line of brackets. Lines are found from the few places where words
    may join, not by a step a line: a text with a link on every line pays one search."""
    out: list[str] = []
    done = 0  # the view up to here is in `out`
    line_end = 0
    for found in joining.finditer(view):
        if found.start() < line_end:
            continue  # (a line already seen)
        line_end = view.find("\n", found.end())
        if line_end < 0:
            line_end = len(view)
        line = view[view.rfind("\n", 0, found.start()) + 1:line_end]
        if "](" in line and len(line) <= GATE_MAX_CHARS:
            out += (view[done:line_end], " ", normalise_module.link_texts(line))
            done = line_end
    if not out:
        return view
    out.append(view[done:])
    return "".join(out)


_IS_NFKC = partial(unicodedata.is_normalized, "NFKC")


def _nfkc_folded_by_lines(view: str) -> str:
    """NFKC of a case-folded text, case-folded again (as normalisation folds after composing), made only on its
    lines that need it: NFKC never composes a character with a newline nor makes one, so it is the same line by
    line, and a text with a no-break space or an ellipsis on a few lines is not decomposed and composed again whole
    (~170 µs for a 20 KB article)."""
    lines = view.split("\n")
    for i in compress(count(), map(not_, map(_IS_NFKC, lines))):
        # (case-folded again: normalisation composes first and folds after, and NFKC makes some characters upper-
        # case ASCII, "\U0001d40d" and "\u2115" an "N"; folding the composed form again gives the same for every
        # code point, found by review, helper-35)
        lines[i] = unicodedata.normalize("NFKC", lines[i]).casefold()
    return "\n".join(lines)


def _foreign_char():
    """A character the gate's lines cannot hold: neither ASCII nor one that normalisation maps to ASCII (typographic
    quotes and dashes, no-break spaces: see normalise._TRANSLATE). A line without one is judged by the gate."""
    from ..normalise import _TRANSLATE

    mapped = re.escape("".join(chr(c) for c in _TRANSLATE if c > 0x7F))
    return re.compile(rf"[^\x00-\x7f{mapped}]")


_FOREIGN = _foreign_char()
