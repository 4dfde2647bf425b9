"""The counting view of a line, and the rule that matches every line with the same counting view.

Lines are counted after folding what varies between copies of the same furniture: the engine's normalised view
(case, width, quotes, Markdown) and, on top of it as CCNet does, digits and punctuation. "You've read 3 articles"
and "You've read 12 articles." both fold to `you ve read 0 articles`. The rule written for a finding matches on the
engine's normalised view, so it is built from the same tokens: letters literally, digit runs as `\\d+` (or literally
when every copy has the same digits), anything else between them tolerated.
"""

from __future__ import annotations

import regex

from ..normalise import bare, normalise

# a token is a run of letters (with marks and connector punctuation other than "_") or a run of digits;
# everything else separates tokens and is ignored when counting
TOKEN = regex.compile(r"[^\W\d_]+|\d+")
_SEP = r"[\W_]*"


def tokens(view: str) -> list[str]:
    """The tokens of a normalised view."""
    return TOKEN.findall(view)


_DIGITS = regex.compile(r"\d+")


def fold_tokens(toks: list[str]) -> str:
    """The counting key of a token list: digit runs become `0`, tokens are joined by one space."""
    return _DIGITS.sub("0", " ".join(toks))


def fold(line: str) -> tuple[str, str, list[str]]:
    """(normalised view, counting key, tokens) of one raw line."""
    view = normalise(line)
    toks = tokens(view)
    return view, fold_tokens(toks), toks


def letters(folded: str) -> int:
    """How many letters a counting key holds (digit runs, folded to `0`, do not count)."""
    return len(folded) - folded.count(" ") - folded.count("0")


def line_key(view: str) -> str:
    """What a `match = "line"` phrase rule compares: the normalised view without punctuation at its ends."""
    return bare(view)


def pattern_for(variants: list[list[str]], *, exhaustive: bool) -> str:
    """A pattern on the normalised view matching exactly the lines whose tokens fold like `variants[0]`.

    A digit run is written literally when every variant seen has the same digits there (and `exhaustive` says the
    variants seen are all there are); otherwise it is `\\d+`. Separators between tokens may be any non-word text.
    """
    first = variants[0]
    parts = []
    for i, tok in enumerate(first):
        if tok[0].isdigit():
            same = exhaustive and all(len(v) == len(first) and v[i] == tok for v in variants)
            parts.append(regex.escape(tok) if same else r"\d+")
        else:
            parts.append(regex.escape(tok, special_only=True))
    return "^" + _SEP + _SEP.join(parts) + _SEP + "$"


def anchor_for(toks: list[str]) -> str | None:
    """The longest letter token (at least 3 letters): a literal every matching line contains, for the prefilter."""
    words = [t for t in toks if not t[0].isdigit() and len(t) >= 3]
    if not words:
        return None
    return max(words, key=lambda w: (len(w), w))
