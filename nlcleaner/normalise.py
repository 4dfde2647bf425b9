"""The normalised view of a line that rules match against.

Matching ignores case, Unicode width, typographic quotes and dashes, and Markdown furniture, so one phrase covers
`Share this`, `**SHARE THIS**` and `* [Share this](https://…)`. The view is only ever used to decide *whether* a
line matches; removals are made on the original lines, so offsets never need mapping back.
"""

from __future__ import annotations

import re
import unicodedata

import regex

from . import regex_programs

_TRANSLATE = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'", "`": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"', "\u2033": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
        "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u200b": "", "\u200c": "", "\u200d": "", "\ufeff": "",
        "\u00ad": "", "\t": " ",
    }
)
# leading Markdown / list furniture, repeated: "## ", "> ", "* ", "- ", "• ", "1. ", "» ", and a pictograph a box
# puts before its heading or button as a bullet ("📬 The morning newsletter", "📲 Get the app", "☐ Daily digest");
# not the check marks ✓ ✔ ☑ ✅ (a paywall's perk signal looks for them) nor arrows ("← Previous post")
_NUMBER = r"\d{1,3}[.)](?=\s)"  # a list number: "1. ", "12) "
_PICTOGRAPH = ("[\U0001F000-\U0001F5F7\U0001F5FA-\U0001FAFF\u2600-\u2610\u2612-\u2704\u2706-\u2712\u2715-\u2793"
               "\u2B50\u2B55][\uFE0E\uFE0F]?")  # (not 🗸 🗹, nor the arrows ➔-➿; a variation selector goes along)
_LEAD = regex_programs.compile(r"^(?:\s*(?:#{1,6}(?=\s)|>|[*+\-•·▪►▸‣◦→|]|" + _NUMBER + "|" + _PICTOGRAPH + r")\s*)+",
                               0)
_IMAGE = regex_programs.compile(r"!\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\)", 0)
_LINK = regex_programs.compile(r"\[([^\]\n]{0,500})\]\([^)\n]{0,2000}\)", 0)
_EMPHASIS = regex_programs.compile(r"\*+|(?<!\w)_+|_+(?!\w)|~~", 0)
_SPACE = regex_programs.compile(r"\s+", 0)
_SEPARATOR = re.compile("[\x1c-\x1f]")  # the characters str.isspace() takes for whitespace and the regex's \s does not
# what "the line equals the phrase" ignores at either end
_TRAIL = regex_programs.compile(r"[\s.:;,!?|»›→>\-…\"']+$", 0)
_EDGE = regex_programs.compile(r"^[\s|»›→>\-…\"']+", 0)


# the ASCII characters a match of _LEAD may begin with (a line starting with any other ASCII character has no lead):
# the quick path refuses them at a line's start (a digit only when a list number follows)
_LEAD_ASCII = frozenset("#>*+-|0123456789 \t\n\x0b\x0c\r\x1c\x1d\x1e\x1f")
# what a line's last character must not be for the quick path: what strip() or a table row's closing border would
# take off (a line ending in a digit, "-" or ">" loses nothing there)
_PLAIN_END = frozenset("| \t\n\x0b\x0c\r\x1c\x1d\x1e\x1f")
_DIGITS = frozenset("0123456789")
# the only lead a line starting with a digit can have: a list number (_LEAD's alternative for it)
_NUMBERED = regex_programs.compile(_NUMBER, 0)
# any character _TRANSLATE maps (a line without one is left as it is); a set of single characters means the same
# to both engines, and the standard library's finds them about four times faster on the lines that need it
_TRANSLATED = re.compile("[" + re.escape("".join(chr(c) for c in _TRANSLATE)) + "]")


# the translated characters most lines outside ASCII hold (English and other Latin-script text: apostrophes,
# quotation marks and dashes), and the ASCII ones translated (left in a line that is ASCII once those are replaced)
_COMMON_TRANSLATED = tuple((ch, _TRANSLATE[ord(ch)]) for ch in "\u2019\u201c\u201d\u2013\u2014")
_ASCII_TRANSLATED = tuple(chr(c) for c in _TRANSLATE if c < 0x80)


PIECE = 1 << 20  # characters: a longer text is case-folded, composed and encoded by pieces (see by_pieces)
_CUT = re.compile("[ \n]")


def by_pieces(text: str, convert, at_lines: bool = False) -> str:
    """`convert(text)` for a conversion that acts on each character alone or, like NFKC, never across an ASCII
    space or newline (it joins no character with an ASCII one after it and reorders nothing across one): a long
    text is converted piece by piece (see `pieces`), so that the conversion's working memory follows the piece
    (casefold() needs 16 bytes a character on the way, NFKC twice the text). `at_lines`: for a conversion that acts
    on whole lines, pieces are cut at newlines (but in a line longer than PIECE)."""
    if len(text) <= PIECE:
        return convert(text)
    return "".join([convert(p) for p in pieces(text, at_lines)])


def link_texts(line: str) -> str:
    """The line with Markdown images taken out, then links read as their text (the image in a linked image goes
    first, and the link's text is then empty); the prefilter's key view reads links the same way."""
    return _LINK.sub(r"\1", _IMAGE.sub("", line))


def pieces(text: str, at_lines: bool = False):
    """The text in consecutive slices of about PIECE characters, each cut just before a space or a newline (the
    last one where the text ends): the pieces `by_pieces` converts one at a time. `at_lines`: just before a newline,
    unless the line goes on for another PIECE characters; a piece is then up to 2 * PIECE characters long (the
    working memory of a conversion follows that)."""
    start = 0
    while start < len(text):
        cut = -1
        if at_lines:
            cut = text.find("\n", start + PIECE, start + 2 * PIECE)
            if cut < 0 and len(text) <= start + 2 * PIECE:
                cut = len(text)  # (the last line ends the text: not cut at a space where no newline follows)
        if cut < 0:
            found = _CUT.search(text, start + PIECE)
            cut = len(text) if found is None else found.start()
        yield text[start:cut]
        start = cut


# a text with more lines than this has one string for each distinct line (see `split_lines`), unless most of its
# first _JUDGED_AFTER lines (or more: a piece at a time) are distinct
MANY_LINES = 1 << 20
_JUDGED_AFTER = 1024


def split_lines(text: str) -> list[str]:
    """`text.split("\\n")`, with equal lines one string when the text has more than MANY_LINES lines. Each line
    is a string of its own, ~60 bytes with its header and its place in the list: on 50 MB of one-word lines (7 M
    lines, a few thousand distinct) a list of them is 450 MB, shared, 60 MB. Split a piece at a time, so that the
    whole list of unshared strings never exists. Lines mostly distinct so far are no longer shared: sharing them
    saves nothing and costs a look-up a line (a text of 2.5 M distinct lines took 1.3 s to split instead of 0.2)."""
    if len(text) <= MANY_LINES or text.count("\n") < MANY_LINES:
        return text.split("\n")
    out: list[str] = []
    shared: dict[str, str] | None = {}
    start = 0
    while True:
        cut = text.find("\n", start + PIECE)
        part = text[start:] if cut < 0 else text[start:cut]
        lines = part.split("\n")
        if shared is not None:
            out += map(shared.setdefault, lines, lines)
            if len(out) >= _JUDGED_AFTER and len(shared) > len(out) // 2:
                shared = None
        else:
            out += lines
        if cut < 0:
            return out
        start = cut + 1


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def _translated(line: str) -> str:
    """line.translate(_TRANSLATE) (no replacement is itself a mapped character), without its per-character
    dictionary look-ups: first the typographic characters most lines hold, then, when that leaves characters
    outside ASCII, one search for the others; a line now ASCII can hold only the mapped ASCII ones."""
    for ch, to in _COMMON_TRANSLATED:
        if ch in line:
            line = line.replace(ch, to)
    for ch in _ASCII_TRANSLATED if line.isascii() else set(_TRANSLATED.findall(line)):
        if ch in line:
            line = line.replace(ch, _TRANSLATE[ord(ch)] or "")
    return line


def normalise(line: str) -> str:
    """Return the matching view of one line (no line ending)."""
    if not line.isascii():
        if len(line) <= PIECE:
            line = unicodedata.normalize("NFKC", line)
        elif not unicodedata.is_normalized("NFKC", line):  # (a long line most often is: no copy of it then)
            line = by_pieces(line, _nfkc)
        line = _translated(line)
        # most lines in English are ASCII from here on (their typographic quotes and dashes made plain): they go on
        # as a line that was ASCII all along would
    if (
        line.isascii()
        and line
        and (line[0] not in _LEAD_ASCII or line[0] in _DIGITS and not _NUMBERED.match(line))
        and line[-1] not in _PLAIN_END
        and "  " not in line
        and "*" not in line
        and "_" not in line
        and "~" not in line
        and "](" not in line
        and "\t" not in line
        and "\r" not in line
        and "\n" not in line  # (no line of a text holds one; a pack's phrase may, read as a space)
        and "\x0b" not in line
        and "\x0c" not in line
    ):
        # plain ASCII prose: nothing to strip, no run of spaces to collapse (the common case, kept cheap); a line
        # that starts with a digit but no list number ("2024 was", "3 ways") or ends in one is prose too
        return line.lower()
    s = line
    if "\t" in s:
        s = s.replace("\t", " ")
    if "](" in s:
        s = link_texts(s)
    if s and (s[0] in _LEAD_ASCII or not s[0].isascii()):
        s = _LEAD.sub("", s)
    if "*" in s or "_" in s or "~" in s:
        s = _EMPHASIS.sub("", s)
        s = _LEAD.sub("", s)
    s = s.casefold() if len(s) <= PIECE else by_pieces(s, str.casefold)  # (no call for the usual short line)
    if "  " in s or not s.isprintable():
        # (every White_Space character but the space is a control or a separator, which isprintable() rejects)
        s = _one_spaced(s)
    s = s.strip()
    if s.endswith("|"):  # a table row's closing border: "| Newsletters |" reads "newsletters", as its start does
        s = s.rstrip("| \t")
    return s


def _one_spaced(s: str) -> str:
    """Every run of White_Space as one space (`_SPACE`), the ends left to the caller's strip(): str.split() agrees
    with the regex's \\s on what White_Space is but for the ASCII separators \\x1c-\\x1f (it splits at them, the view
    keeps them), and is several times quicker."""
    return _SPACE.sub(" ", s) if _SEPARATOR.search(s) else " ".join(s.split())


_TRAIL_CHARS = frozenset(".:;,!?|»›→>-…\"'")
_EDGE_CHARS = frozenset("|»›→>-…\"'")


def bare(view: str) -> str:
    """A normalised view without punctuation at its ends: what a whole-line phrase is compared with."""
    if view and not (
        view[-1] in _TRAIL_CHARS or view[-1].isspace() or view[0] in _EDGE_CHARS or view[0].isspace()
    ):
        return view  # nothing at either end to take off (the common case, kept cheap)
    return _EDGE.sub("", _TRAIL.sub("", view))


def words(view: str) -> list[str]:
    """The word tokens of a normalised view (used to pick prefilter anchors)."""
    return regex.findall(r"\w+", view)
