"""The end-of-run picture on stderr: a summary table (documents read / changed / flagged / failed / dropped,
characters removed, removals per rule and per category) and a bar chart of removals per category.

The functions build rich renderables (rich imported lazily); `print_summary` writes them to a stream the caller
chooses. The library itself never prints on its own."""

from __future__ import annotations

import sys

BAR_WIDTH = 30


def _fmt(n: int) -> str:
    return f"{n:,}"


def _totals(stats) -> list[tuple[str, str]]:
    rows = [
        ("documents read", _fmt(stats.documents)),
        ("changed", _fmt(stats.changed)),
        ("flagged", _fmt(stats.flagged)),
        ("failed (passed through)", _fmt(stats.failed)),
        ("dropped", _fmt(stats.dropped)),
        ("characters read", _fmt(stats.chars_read)),
        ("characters removed", _fmt(stats.chars_removed)
         + (f" ({stats.chars_removed / stats.chars_read:.2%})" if stats.chars_read else "")),
    ]
    skipped = getattr(stats, "skipped", None)
    if skipped:
        rows.append(("inputs skipped (--resume)", _fmt(len(skipped))))
    stopped = getattr(stats, "interrupted", None)
    if stopped:
        rows.append(("interrupted", stopped))
    return rows


def summary_table(stats, *, top: int = 15, chart: bool = True):
    """Totals, then removals per category (with bars when `chart`) and per rule, as one rich renderable."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    parts = []
    totals = Table(show_header=False, box=None, padding=(0, 1))
    totals.add_column(justify="left")
    totals.add_column(justify="right")
    for name, value in _totals(stats):
        totals.add_row(name, value)
    parts += [Text("nlcleaner summary", style="bold"), totals]
    if stats.categories:
        cats = Table(box=None, padding=(0, 1))
        cats.add_column("category")
        cats.add_column("removals", justify="right")
        if chart:
            cats.add_column("", style="cyan")
        for label, n, bar in bar_lines(stats.categories):
            cats.add_row(label, _fmt(n), *([bar] if chart else []))
        rules = Table(box=None, padding=(0, 1))
        rules.add_column("rule")
        rules.add_column("removals", justify="right")
        rules.add_column("chars", justify="right")
        ranked = stats.rules.most_common()
        for rule, n in ranked[:top]:
            rules.add_row(rule, _fmt(n), _fmt(stats.rule_chars.get(rule, 0)))
        if len(ranked) > top:
            rest = ranked[top:]
            rules.add_row(f"({len(rest)} more rules)", _fmt(sum(n for _, n in rest)),
                          _fmt(sum(stats.rule_chars.get(r, 0) for r, _ in rest)))
        parts += [Text(""), Text("removals per category", style="bold"), cats,
                  Text(""), Text("removals per rule", style="bold"), rules]
    return Group(*parts)


def bar_lines(counter, width: int = BAR_WIDTH) -> list[tuple[str, int, str]]:
    """(label, count, bar) rows, longest first; the bars are made of eighth blocks, so small counts still show."""
    items = counter.most_common()
    if not items:
        return []
    peak = items[0][1] or 1
    out = []
    for label, n in items:
        eighths = max(1, round(n / peak * width * 8)) if n else 0
        full, part = divmod(eighths, 8)
        bar = "█" * full + ("" if not part else " ▏▎▍▌▋▊▉"[part])
        out.append((label, n, bar))
    return out


def bar_chart(stats, *, title: str = "removals per category"):
    """The bar chart alone (summary_table includes it)."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    chart = Table(show_header=False, box=None, padding=(0, 1))
    chart.add_column(justify="right")
    chart.add_column(justify="left", style="cyan")
    chart.add_column(justify="right")
    for label, n, bar in bar_lines(stats.categories):
        chart.add_row(label, bar, _fmt(n))
    return Group(Text(title, style="bold"), chart)


def summary_text(stats) -> str:
    """The same summary as plain lines (logs, tests, NO_COLOR pipes)."""
    lines = [f"{name}: {value}" for name, value in _totals(stats)]
    for label, n, bar in bar_lines(stats.categories):
        lines.append(f"  {label:>12} {bar} {n:,}")
    return "\n".join(lines)


def print_summary(stats, *, file=None, color: str = "auto", chart: bool = True) -> None:
    """Write the summary table (and the bar chart) to `file` (default stderr). color: auto | always | never."""
    from ..render import console

    console(file if file is not None else sys.stderr, color).print(summary_table(stats, chart=chart))
