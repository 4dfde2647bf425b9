"""ASCII stand-ins: how the gate, which scans ASCII only, judges a line with other characters.

Each character outside ASCII is replaced by an ASCII one of its kind for `regex` (a space, a digit, a letter, or
\\x01), and an expression naming such characters is rewritten the same way, so that it matches the stand-in line of
every line the original matches. Expressions that cannot promise it judge ASCII lines only."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .syntax import POSIX_CLASS, _class_end, _escaped_backslash, _hs_literal, _rewritten

# an escape that names a character outside ASCII (`\xe9`, `\u00e9`, `\N{...}`, `\p{L}`): written in ASCII, it
# matches what a stand-in replaces
_NON_ASCII_ESCAPE = re.compile(rb"\\(?:x[89a-fA-F]|x\{|u[0-9a-fA-F]{4}|U|N\{|[pP]\{?[A-Za-z]|[23][0-7]{2})")


def _all_ascii(expression: bytes) -> bool:
    """Whether an expression may judge stand-in lines: written in ASCII, naming no other character by escape, and
    with no negated set that lists letters, digits or ranges (`[^a-z]` matches "é", but maybe not its stand-in letter;
    `[^\\w\\n]` and sets of punctuation are safe: a stand-in keeps its character's class)."""
    if not expression.isascii() or _NON_ASCII_ESCAPE.search(expression):
        return False
    pattern = expression.decode("ascii")
    if POSIX_CLASS.search(pattern):
        return False  # `[[:punct:]]` matches "¿" for `regex`, but its stand-in \x01 is no punctuation to hyperscan
    i = 0
    while True:
        i = pattern.find("[^", i)
        if i < 0:
            return True
        if i and pattern[i - 1] == "\\" and not _escaped_backslash(pattern, i - 1):
            i += 2
            continue
        end = _class_end(pattern, i)
        if not _SAFE_NEGATED.fullmatch(pattern[i + 2:end - 1]):
            return False
        i = end


# what a negated set may hold and still judge stand-ins: punctuation, escaped punctuation, the newline the gate
# adds, and the classes a stand-in keeps (\w \d \s)
_SAFE_NEGATED = re.compile(r"(?:[!-/:-@\[\]^_`{-~]|\\[^a-zA-Z0-9]|\\[nwdsWDS])*")


class _StandIns(dict):
    """Code point -> the ASCII character that stands in for it when the gate judges a line with characters outside
    ASCII (see `stand_ins`); filled as characters are met."""

    def __missing__(self, code: int) -> str:
        self[code] = got = _stand_in(chr(code))
        return got


def _stand_in(ch: str) -> str:
    """The character's stand-in, or the character itself when it has none: one Python's Unicode tables do not
    know. `regex`'s tables are newer and may give it a case partner or fold it into several letters (U+1DF95 is
    "ss" to `regex`), which a stand-in chosen by Python's tables would not show; a line holding one is not judged
    through stand-ins."""
    import regex

    if unicodedata.category(ch) == "Cn":
        return ch
    for variant in (ch.lower(), ch.upper()):
        if len(variant) == 1 and variant.isascii():
            return variant  # a letter a pattern's ASCII letter may match ignoring case ("ı" and "I")
    for cls, ascii_char in ((r"\s", " "), (r"\d", "0")):
        if regex.match(cls, ch, regex.IGNORECASE | regex.V1):
            return ascii_char
    if regex.match(r"\w", ch, regex.IGNORECASE | regex.V1):
        # one of 26 letters, chosen by the character's case folding: a word written in other letters keeps most of
        # its shape ("подписаться" is not "xxxxxxxxxxx"), so that an expression naming it (see
        # `_stand_in_expression`) lets few other lines through
        folded = ch.casefold()
        return _LETTERS[ord(folded if len(folded) == 1 else ch) % 26]
    return "\x01"


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _stand_in_expression(expression: bytes) -> bytes:
    """A gate expression that judges stand-in lines too: each character outside ASCII it names (alone or in a set,
    ranges spelt out) replaced by its stand-in, so that it matches the stand-in line of every line the original
    matches; the expression as it is when that cannot be promised (a negated set or an escape naming such
    characters, a character whose case folding is several characters, a very wide range). A character and its
    stand-in are the same for either case, and a case-sensitive piece of a raw-view expression (`(?-i:[A-ZÀ-Ö])`)
    names the same stand-ins as the line's characters get: it lets through every line the original does, and some
    more."""

    def stand_in(kind: str, piece: str, pattern: str, at: int) -> str | None:
        if kind == "set":
            body = _stand_in_set(piece[1:-1]) if _class_end(pattern, at, strict=True) is not None else None
            return None if body is None else f"[{body}]"
        if piece.isascii():
            return piece
        got = _stand_in_of(piece) if kind == "char" else None  # (an escaped character outside ASCII, `\\é`: None)
        return None if got is None else _hs_literal(got)

    got = _rewritten(expression, stand_in)
    return expression if got is None else got


def _stand_in_of(ch: str) -> str | None:
    """The stand-in of a character an expression names, None when its case folding is several characters (a line,
    being case-folded, holds those characters instead, whose stand-ins differ) or it has none (see `_stand_in`)."""
    got = _STAND_INS[ord(ch)] if len(ch.casefold()) == 1 else None
    return got if got is not None and got.isascii() else None


_MAX_RANGE = 4096
# one escape in a set, whole (`\\x41`, `\\u00e9`, `\\N{...}`, `\\101`, `\\w`): what follows it may open a range
_ESCAPE = re.compile(r"\\(?:x[0-9a-fA-F]{2}|x\{[^}]*\}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|N\{[^}]*\}|[0-7]{1,3}|.)", re.S)


def _stand_in_set(body: str) -> str | None:
    """A set's members (between its brackets) with every character outside ASCII replaced by its stand-in; None for
    a negated one that holds such characters (its stand-in set would exclude the stand-ins of characters it lets
    match) or a range wider than _MAX_RANGE."""
    if body.isascii():
        return body
    if body.startswith("^"):
        return None
    out, extra, j, n = [], set(), 0, len(body)
    while j < n:
        c = body[j]
        if c == "\\":
            end = _ESCAPE.match(body, j).end()
            if not body[j + 1:j + 2].isascii() or body[end:end + 1] == "-" and end + 1 < n:
                return None  # (an escape naming such a character, or opening a range: `[\\t-é]` holds the letters)
            out.append(body[j:end])
            j = end
            continue
        ranged = j + 2 < n and body[j + 1] == "-" and body[j + 2] != "\\"
        if ranged and not (c.isascii() and body[j + 2].isascii()):
            low, high = ord(c), ord(body[j + 2])
            if high < low or high - low > _MAX_RANGE:
                return None
            for code in range(low, high + 1):
                got = _stand_in_of(chr(code))
                if got is None:
                    return None
                extra.add(got)
            j += 3
            continue
        if c.isascii():
            out.append(c)
        else:
            got = _stand_in_of(c)
            if got is None:
                return None
            extra.add(got)
        j += 1
    kept = "".join(out)
    if kept.endswith("-") and not _escaped_backslash(kept, len(kept) - 1):
        kept = kept[:-1] + "\\-"  # a closing "-" stays a member, not a range to the stand-ins after it
    return kept + "".join(f"\\x{ord(ch):02x}" for ch in sorted(extra))


_STAND_INS = _StandIns({c: chr(c) for c in range(128)})


def stand_ins(view: str) -> str | None:
    """A normalised line in which every character outside ASCII is replaced by an ASCII one of its kind for `regex`
    (a space, a digit, a word character, or \\x01 for the rest; a letter with an ASCII case partner by that
    letter). An expression written in ASCII alone can match such a character only through a class (`\\w`, `.`,
    `[^|]`...) that the stand-in belongs to as well, and a normalised view has no character whose case folding is
    ASCII left (it is case-folded), so the stand-in line lets through every line the real one would. None when a
    character has no stand-in (see `_stand_in`)."""
    got = _through(view, _STAND_INS)
    return got if got.isascii() else None


def raw_stand_ins(line: str) -> str | None:
    """A raw line (not case-folded) through its stand-ins, as `stand_ins` makes them; None when a character of it
    has none or folds into several ("ß", "ﬁ", "İ"): ignoring case, `regex` takes "ss" for "ß", which no single stand-in can
    show. Every other character outside ASCII that `regex` matches against an ASCII letter ignoring case ("ſ" for
    s, the Kelvin sign for k) stands in as that letter, and a case-sensitive ASCII set (`(?-i:[A-Z])`) matches no
    character outside ASCII, so an expression written in ASCII that matches the line matches its stand-in line."""
    if len(line) > _REMEMBERED_CHARS:
        return _raw_stand_ins(line)
    return _remembered(line)


def _raw_stand_ins(line: str) -> str | None:
    got = _through(line, _RAW_STAND_INS)
    return got if got.isascii() else None  # (a character without a stand-in is left as it is)


# the look for keys (`Prefilter._keys_outside_ascii`) and the gate ask for the same lines' raw stand-ins, one after
# the other: the second asks the memory (lines this long or shorter; at most ~8 MB of them held)
_REMEMBERED_CHARS = 1_000
_remembered = lru_cache(maxsize=2_048)(_raw_stand_ins)


def _through(line: str, table: dict) -> str:
    if (len(line.encode("utf-8", "surrogatepass")) - len(line)) * 10 < len(line):
        # a few characters outside ASCII (an accented name in an English line): replaced one by one, where the
        # translation would look every character of the line up (~4 times slower on such lines)
        return _OUTSIDE_ASCII.sub(lambda found: table[ord(found.group())], line)
    return line.translate(table)


_OUTSIDE_ASCII = re.compile("[^\x00-\x7f]")


class _RawStandIns(_StandIns):
    """`_StandIns` for raw lines: a character folding into several stands in as itself, which `raw_stand_ins`
    sees."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        self[code] = got = ch if len(ch.casefold()) > 1 else _STAND_INS[code]
        return got


_RAW_STAND_INS = _RawStandIns({c: chr(c) for c in range(128)})
