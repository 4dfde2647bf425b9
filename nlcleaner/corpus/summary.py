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


def summary_table(stats, *, top: int = 15):
    from rich.table import Table

    grid = Table.grid(padding=(0, 3))
    totals = Table(title="nlcleaner", show_header=False, box=None, title_justify="left")
    totals.add_column(justify="left")
    totals.add_column(justify="right")
    for name, value in _totals(stats):
        totals.add_row(name, value)
    cats = Table(title="removals per category", box=None, title_justify="left")
    cats.add_column("category")
    cats.add_column("removals", justify="right")
    for cat, n in stats.categories.most_common():
        cats.add_row(cat, _fmt(n))
    rules = Table(title="removals per rule", box=None, title_justify="left")
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
    grid.add_row(totals)
    if stats.categories:
        grid.add_row(cats)
        grid.add_row(rules)
    return grid


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
    from rich.table import Table

    chart = Table(title=title, show_header=False, box=None, title_justify="left")
    chart.add_column(justify="right")
    chart.add_column(justify="left", style="cyan")
    chart.add_column(justify="right")
    for label, n, bar in bar_lines(stats.categories):
        chart.add_row(label, bar, _fmt(n))
    return chart


def summary_text(stats) -> str:
    """The same summary as plain lines (logs, tests, NO_COLOR pipes)."""
    lines = [f"{name}: {value}" for name, value in _totals(stats)]
    for label, n, bar in bar_lines(stats.categories):
        lines.append(f"  {label:>12} {bar} {n:,}")
    return "\n".join(lines)


def print_summary(stats, *, file=None, color: str = "auto", chart: bool = True) -> None:
    """Write the summary table (and the bar chart) to `file` (default stderr). color: auto | always | never."""
    from rich.console import Console

    file = file if file is not None else sys.stderr
    no_color = color == "never" or (color == "auto" and bool(__import__("os").environ.get("NO_COLOR")))
    console = Console(file=file, force_terminal=True if color == "always" else None, no_color=no_color,
                      highlight=False)
    console.print(summary_table(stats))
    if chart and stats.categories:
        console.print(bar_chart(stats))
