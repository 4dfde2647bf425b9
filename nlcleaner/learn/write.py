"""Writing findings as a rule pack: the format of the built-in packs, byte for byte the same for the same findings.

The pack records no input paths, times or versions: only the findings, their counts and the thresholds used."""

from __future__ import annotations

from .choose import Finding

HEADER = """\
# Furniture learned from a corpus by `nlcleaner learn`.
# Each rule is a line that recurs across documents of one source. Review them before use: delete any rule whose
# line is article text, then clean with `nlcleaner clean --rules FILE --source-field FIELD` (or `--source HOST`).
"""


def _escape(text: str, multiline: bool = False) -> str:
    out = []
    for c in text:
        if c == "\\":
            out.append("\\\\")
        elif c == '"':
            out.append('\\"')
        elif c == "\n" and multiline:
            out.append("\n")
        elif c == "\n":
            out.append("\\n")
        elif c == "\t":
            out.append("\\t")
        elif "\ud800" <= c <= "\udfff":
            out.append("\\ufffd")  # TOML cannot hold a lone surrogate (learn never writes one; a safety net)
        elif c < " " or c == "\x7f" or "\x80" <= c <= "\x9f" or c in "\u2028\u2029":
            out.append(f"\\u{ord(c):04x}" if ord(c) < 0x10000 else f"\\U{ord(c):08x}")
        else:
            out.append(c)
    return "".join(out)


def string(text: str) -> str:
    """A TOML string: a literal string when nothing in it needs escaping (patterns read best that way)."""
    if "'" not in text and all(" " <= c and c != "\x7f" and not ("\x80" <= c <= "\x9f" or "\ud800" <= c <= "\udfff")
                               for c in text):
        return f"'{text}'"
    return f'"{_escape(text)}"'


def block(text: str) -> str:
    """A multi-line TOML basic string holding a document."""
    return '"""\n' + _escape(text, multiline=True) + '"""'


def strings(values) -> str:
    if len(values) > 1:
        return "[\n" + "".join(f"    {string(v)},\n" for v in values) + "]"
    return "[" + ", ".join(string(v) for v in values) + "]"


def _pct(x: float) -> str:
    return f"{round(100 * x)}%"


def why(f: Finding) -> str:
    where = f"documents from {f.group}" if f.group else "documents of the corpus"
    zone = {"tail": "in the tail zone", "head": "in the head zone", "anywhere": "anywhere in the text"}[f.position]
    what = "paragraph" if len(f.spec.get("phrases", ())) > 1 else "line"
    return (f"Learned: this {what} recurs in {f.docs} of {f.group_docs} {where} ({_pct(f.share)}), "
            f"{zone}; a source's repeated line is almost always its furniture. Review before use.")


def render(findings: list[Finding], *, name: str = "learned", settings: dict | None = None) -> str:
    sources = sorted({f.group for f in findings})
    out = [HEADER]
    if settings:
        out.append("# learned with: " + ", ".join(f"{k} = {v}" for k, v in settings.items()) + "\n")
    out.append("\n[pack]\n")
    out.append(f"name = {string(name)}\n")
    out.append(f"description = {string(f'Furniture learned from the corpus: {len(findings)} rules for {len(sources)} sources')}\n")
    for f in findings:
        variants = f"{f.variants}{'+' if f.more else ''} form{'s' if f.variants != 1 or f.more else ''}"
        out.append(
            f"\n# {f.id}: {f.docs}/{f.group_docs} documents ({_pct(f.share)}); in the tail zone {_pct(f.tail_share)}, "
            f"head zone {_pct(f.head_share)}; {variants}; key {f.folded[:80]!r}\n"
        )
        if f.known:
            out.append(f"# already removed by {', '.join(f.known)}\n")
        out.append("[[rule]]\n")
        out.append(f"id = {string(f.id)}\n")
        out.append(f"kind = {string(f.kind)}\n")
        out.append(f"why = {string(why(f))}\n")
        out.append(f"position = {string(f.position)}\n")
        if f.group:
            out.append(f"source = {string(f.group)}\n")
        for key, value in f.spec.items():
            if isinstance(value, list):
                out.append(f"{key} = {strings(value)}\n")
            elif isinstance(value, int):
                out.append(f"{key} = {value}\n")
            else:
                out.append(f"{key} = {string(value)}\n")
        out.append("\n[rule.examples]\n")
        out.append("remove = [\n" + "".join(f"{block(e)},\n" for e in f.examples) + "]\n")
    return "".join(out)
