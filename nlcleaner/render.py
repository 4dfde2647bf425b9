"""Rendering for people: the run summary (stderr), rule tables and `explain`'s marked-up document.

rich is imported only when a terminal will see its output (start-up time matters for a filter run once per file).
Document text always goes through `rich.text.Text`, never through markup, so a line such as `[bold]` or `[/x]` is
printed as it stands. Plain output (no terminal, or `--color never` without a terminal) has no escape codes."""

from __future__ import annotations

import os
import re
import sys

from .stats import Stats


def is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def console(stream, color: str):
    """A rich console on `stream` for color auto | always | never. "never" writes no style at all (no colour, no
    bold); NO_COLOR (with "auto") takes the colours away and keeps the rest, as that convention asks."""
    from rich.console import Console

    if color == "never":
        return Console(file=stream, color_system=None, highlight=False, soft_wrap=False)
    no_color = color == "auto" and "NO_COLOR" in os.environ and os.environ["NO_COLOR"] != ""
    return Console(
        file=stream, force_terminal=True if color == "always" else None, no_color=no_color or None,
        highlight=False, soft_wrap=False,
    )


# control characters a terminal would act on (colour codes, bell, cursor moves): a scraped document may hold any;
# a tab is shown as it is, and so is the CR of a CRLF line ending
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n?$)")


def displayable(text: str) -> str:
    """Text safe to print: undecodable bytes (lone surrogates) shown as \\udcXX escapes, control characters as
    \\xNN escapes (so printing a document cannot recolour or rewrite the reader's terminal)."""
    if _has_surrogates(text):
        text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    if not text.isprintable():
        text = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
    return text


def _has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
        return False
    except UnicodeEncodeError:
        return True


# -- the summary ------------------------------------------------------------------------------------------------
def summary_line(stats: Stats, verb: str = "changed") -> str:
    share = f" ({100 * stats.chars_removed / stats.chars_read:.1f}%)" if stats.chars_read else ""
    parts = [f"{stats.documents} document{'s' if stats.documents != 1 else ''}", f"{stats.changed} {verb}"]
    if stats.flagged:
        parts.append(f"{stats.flagged} flagged")
    if stats.failed:
        parts.append(f"{stats.failed} failed")
    if stats.dropped:
        parts.append(f"{stats.dropped} dropped")
    line = ", ".join(parts) + f"; {stats.chars_removed:,} characters removed{share}"
    # what a batch run's table also says about the run itself (see corpus.summary), for the plain line
    skipped = getattr(stats, "skipped", None)
    if skipped:
        line += f"; {len(skipped)} input{'s' if len(skipped) != 1 else ''} skipped (--resume)"
    stopped = getattr(stats, "interrupted", None)
    if stopped:
        line += f"; interrupted ({stopped})"
    return line


def summary(stats: Stats, *, color: str = "auto", stream=None, verb: str = "changed", top: int = 10) -> None:
    """A short summary of a run on stderr: plain lines when no terminal sees it, a small rich table when one does."""
    stream = stream or sys.stderr
    if stream is None:  # no stderr at all (`2>&-`)
        return
    line = summary_line(stats, verb)
    rules = stats.rules.most_common()
    if not (color == "always" or is_terminal(stream)):
        text = f"nlcleaner: {line}"
        if rules:
            shown = ", ".join(f"{rule} {n}" for rule, n in rules[:top])
            text += f"\nnlcleaner: rules: {shown}" + (f" (+{len(rules) - top} more)" if len(rules) > top else "")
        print(text, file=stream, flush=True)
        return
    from rich.table import Table
    from rich.text import Text

    out = console(stream, color)
    out.print(Text.assemble(("nlcleaner: ", "bold"), (line, "")))
    if rules:
        table = Table(box=None, show_header=True, header_style="bold", pad_edge=False)
        table.add_column("rule")
        table.add_column("removals", justify="right")
        table.add_column("characters", justify="right")
        for rule, n in rules[:top]:
            table.add_row(Text(rule, style="cyan"), str(n), f"{stats.rule_chars.get(rule, 0):,}")
        if len(rules) > top:
            table.add_row(Text(f"(+{len(rules) - top} more)", style="dim"), "", "")
        out.print(table)


# -- tables (rule listings) ---------------------------------------------------------------------------------------
def table(headers: list[str], rows: list[list[str]], *, color: str = "auto", stream=None) -> None:
    """A table on stdout: rich on a terminal, aligned plain columns otherwise (last column not padded)."""
    stream = stream or sys.stdout
    if color == "always" or is_terminal(stream):
        from rich.table import Table
        from rich.text import Text

        t = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
        for h in headers:
            t.add_column(h, overflow="fold")
        for row in rows:
            t.add_row(*(Text(displayable(c)) for c in row))
        console(stream, color).print(t)
        return
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]
    for row in [headers, *rows]:
        cells = [c.ljust(w) for c, w in zip(row[:-1], widths)] + [row[-1]]
        stream.write(displayable("  ".join(cells).rstrip()) + "\n")
    stream.flush()


# -- explain ----------------------------------------------------------------------------------------------------
def explain(text: str, result, whys: dict[str, str], *, path: str, color: str = "auto", stream=None) -> None:
    """The document with each removed (or held-back) span marked and the rule behind it, then why each rule exists."""
    stream = stream or sys.stdout
    spans = [(r, "removed") for r in result.removals] + [(r, "held") for r in result.held]
    spans.sort(key=lambda s: s[0].start)
    rows = list(_explain_rows(text, spans))
    fired = list(dict.fromkeys(r.rule for r, _ in spans))
    header = f"{path}: {len(result.removals)} removal{'s' if len(result.removals) != 1 else ''}"
    if result.held:
        header += f", {len(result.held)} held back by the guard"
    if result.flags:
        header += f" (flags: {', '.join(result.flags)})"
    rich_out = color == "always" or is_terminal(stream)
    if not rich_out:
        out = [header]
        for mark, number, body, rule_note, pieces in rows:
            if rule_note:
                out.append(f"      {rule_note}")
            if pieces is not None:  # a partly removed line: removed parts in [- -]
                body = "".join(f"[-{p}-]" if gone else p for p, gone in pieces)
            out.append(f"{mark} {number:>4} | {displayable(body)}")
        if fired:
            out.append("")
            out.append("rules:")
            for rule in fired:
                out.append(f"  {rule}: {whys.get(rule, '')}")
        stream.write("\n".join(out) + "\n")
        stream.flush()
        return
    from rich.text import Text

    con = console(stream, color)
    con.print(Text(header, style="bold"))
    styles = {"-": "red strike", "?": "yellow", " ": ""}
    for mark, number, body, rule_note, pieces in rows:
        if rule_note:
            con.print(Text(f"      {rule_note}", style="bold magenta"))
        line = Text()
        line.append(f"{mark} {number:>4} | ", style="dim")
        if pieces is not None:
            for p, gone in pieces:
                line.append(displayable(p), style="red strike" if gone else "")
        else:
            line.append(displayable(body), style=styles[mark])
        con.print(line, soft_wrap=True)
    if fired:
        con.print()
        con.print(Text("rules:", style="bold"))
        for rule in fired:
            con.print(Text.assemble(("  ", ""), (rule, "cyan"), (": " + whys.get(rule, ""), "")))


def _explain_rows(text: str, spans):
    """(mark, line number, line text, note opening a span, partial pieces) for every line of the document.

    mark: "-" removed, "?" held back by the guard, " " kept. A span that covers only part of a line (scope = span)
    is shown as pieces [(text, removed?)]."""
    starts_at: dict[int, str] = {}
    pos, number = 0, 0
    lines = text.splitlines(keepends=True)  # (an empty document has no line to show)
    span_i = 0
    for line in lines:
        number += 1
        a, b = pos, pos + len(line)
        pos = b
        body = line.rstrip("\r\n")
        note = ""
        covering = []
        while span_i < len(spans) and spans[span_i][0].end <= a:
            span_i += 1
        j = span_i
        while j < len(spans) and spans[j][0].start < b:
            covering.append(spans[j])
            j += 1
        for r, state in covering:
            if r.start >= a and id(r) not in starts_at:
                starts_at[id(r)] = r.rule
                lines_label = f"line {r.start_line}" if r.start_line == r.end_line else f"lines {r.start_line}-{r.end_line}"
                verb = "removed by" if state == "removed" else "held back by the guard:"
                note = (note + "; " if note else "") + f"┌ {lines_label} {verb} {r.rule}"
        if not covering:
            yield " ", number, body, note, None
            continue
        content_end = a + len(body)
        whole = any(r.start <= a and r.end >= content_end for r, _ in covering)
        if whole or content_end == a:
            state = "removed" if any(s == "removed" for _, s in covering) else "held"
            yield ("-" if state == "removed" else "?"), number, body, note, None
            continue
        pieces, cur = [], a
        for r, _ in covering:
            lo, hi = max(r.start, a), min(r.end, content_end)
            if lo > cur:
                pieces.append((text[cur:lo], False))
            if hi > lo:
                pieces.append((text[lo:hi], True))
            cur = max(cur, hi)
        if cur < content_end:
            pieces.append((text[cur:content_end], False))
        yield "~", number, body, note, pieces
