"""`--report-html FILE`: one self-contained page (no scripts, no external files) with removals per category, per
rule and, when documents have a source, per source, plus a few removed texts for every rule."""

from __future__ import annotations

import html
from collections import Counter, defaultdict
from pathlib import Path

from .. import __version__
from ..source import host_of

SAMPLES_PER_RULE = 3
SAMPLE_CHARS = 400
MAX_ROWS = 60

_CSS = """
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;margin:2rem auto;max-width:980px;color:#222;
padding:0 1rem}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
table{border-collapse:collapse;width:100%}td,th{padding:.2rem .5rem;text-align:left;vertical-align:top}
th{border-bottom:1px solid #ccc;font-weight:600}td.n{text-align:right;font-variant-numeric:tabular-nums;
white-space:nowrap}
.bar{background:#3b82f6;height:.9rem;border-radius:2px;min-width:2px}td.b{width:45%}
.totals td{padding:.15rem 1.2rem .15rem 0}pre{white-space:pre-wrap;background:#f6f6f6;border-left:3px solid #e57;
padding:.4rem .6rem;margin:.3rem 0;font-size:12.5px}details{margin:.4rem 0}summary{cursor:pointer}
code{font-size:13px}.muted{color:#777}.why{margin:.3rem 0 .5rem;font-style:italic}
"""


class Collector:
    """Gathers per-source counts and sample removals from outcomes, in input order (so samples are stable)."""

    def __init__(self, source_given: bool = False):
        self.source_given = source_given
        self.sources_docs: Counter = Counter()
        self.sources_changed: Counter = Counter()
        self.sources_removals: Counter = Counter()
        self.sources_chars: Counter = Counter()
        self.samples: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self.failures: list[tuple[str, str]] = []

    def add(self, outcome) -> None:
        where = outcome.path + (f" #{outcome.record}" if outcome.record is not None else "")
        if outcome.error:
            if len(self.failures) < MAX_ROWS:
                self.failures.append((where, outcome.error))
            return
        src = host_of(outcome.source) if outcome.source else None
        if src is not None:
            self.sources_docs[src] += 1
        result = outcome.result
        if result is None or not result.removals:
            return
        if src is not None:
            self.sources_changed[src] += 1
        for r in result.removals:
            if src is not None:
                self.sources_removals[src] += 1
                self.sources_chars[src] += r.end - r.start
            bucket = self.samples[r.rule]
            if len(bucket) < SAMPLES_PER_RULE:
                bucket.append((where, r.text))

    def write(self, path: Path, stats, whys: dict | None = None) -> None:
        Path(path).write_text(render(stats, self, whys), encoding="utf-8")


def _bars(rows, head: tuple[str, ...]) -> str:
    if not rows:
        return '<p class="muted">none</p>'
    peak = max(r[1] for r in rows) or 1
    out = ["<table><tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in head) + "</tr>"]
    for row in rows[:MAX_ROWS]:
        label, n, *rest = row
        width = 100 * n / peak
        cells = "".join(f'<td class="n">{v:,}</td>' for v in rest)
        out.append(f"<tr><td><code>{html.escape(str(label))}</code></td><td class=\"n\">{n:,}</td>{cells}"
                   f'<td class="b"><div class="bar" style="width:{width:.1f}%"></div></td></tr>')
    if len(rows) > MAX_ROWS:
        out.append(f'<tr><td class="muted" colspan="4">… {len(rows) - MAX_ROWS} more</td></tr>')
    out.append("</table>")
    return "\n".join(out)


def rule_whys(settings) -> dict[str, str]:
    """Why each rule exists (from the packs of these settings), for the report's samples."""
    from ..engine import CONTEXT_RULES, Cleaner

    try:
        cleaner = Cleaner(settings)
    except Exception:  # noqa: BLE001  (the report must not fail for want of explanations)
        return dict(CONTEXT_RULES)
    return {**{r.id: r.why for r in cleaner.all_rules}, **CONTEXT_RULES}


def render(stats, collector: Collector | None = None, whys: dict | None = None) -> str:
    """The page as a string. `whys`: rule id -> why the rule exists (shown with its samples)."""
    c = collector or Collector()
    whys = whys or {}
    e = html.escape
    totals = [
        ("documents read", stats.documents), ("changed", stats.changed), ("flagged", stats.flagged),
        ("failed (passed through)", stats.failed), ("dropped", stats.dropped),
        ("characters read", stats.chars_read), ("characters removed", stats.chars_removed),
    ]
    parts = [
        "<!doctype html>", '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width,initial-scale=1">',
        "<title>nlcleaner report</title>", f"<style>{_CSS}</style></head><body>",
        f"<h1>nlcleaner report</h1><p class=\"muted\">nlcleaner {e(__version__)}</p>",
        '<table class="totals" style="width:auto">',
    ]
    parts += [f'<tr><td>{e(k)}</td><td class="n">{v:,}</td></tr>' for k, v in totals]
    if stats.chars_read:
        parts.append(f'<tr><td>share removed</td><td class="n">{stats.chars_removed / stats.chars_read:.2%}</td></tr>')
    if getattr(stats, "interrupted", None):
        parts.append(f"<tr><td>interrupted</td><td>{e(stats.interrupted)}</td></tr>")
    parts.append("</table>")
    parts.append("<h2>Removals per category</h2>")
    parts.append(_bars(stats.categories.most_common(), ("category", "removals", "")))
    parts.append("<h2>Removals per rule</h2>")
    rules = [(r, n, stats.rule_chars.get(r, 0)) for r, n in stats.rules.most_common()]
    parts.append(_bars(rules, ("rule", "removals", "characters", "")))
    if c.source_given or c.sources_docs:
        parts.append("<h2>Removals per source</h2>")
        rows = sorted(((s, c.sources_removals[s], c.sources_docs[s], c.sources_changed[s])
                       for s in c.sources_docs), key=lambda t: (-t[1], t[0]))
        parts.append(_bars(rows, ("source", "removals", "documents", "changed", "")))
    parts.append("<h2>Removed text, a sample per rule</h2>")
    if not c.samples:
        parts.append('<p class="muted">nothing was removed</p>')
    for rule, _n in stats.rules.most_common():
        samples = c.samples.get(rule)
        if not samples:
            continue
        parts.append(f"<details><summary><code>{e(rule)}</code> — {stats.rules[rule]:,} removals</summary>")
        if whys.get(rule):
            parts.append(f'<p class="why">{e(" ".join(whys[rule].split()))}</p>')
        for where, text in samples:
            clip = text if len(text) <= SAMPLE_CHARS else text[:SAMPLE_CHARS] + " …"
            clip = clip.encode("utf-8", "replace").decode("utf-8")
            parts.append(f'<div class="muted">{e(where)}</div><pre>{e(clip)}</pre>')
        parts.append("</details>")
    if c.failures:
        parts.append("<h2>Bad records (passed through)</h2><table><tr><th>where</th><th>why</th></tr>")
        parts += [f"<tr><td><code>{e(w)}</code></td><td>{e(why)}</td></tr>" for w, why in c.failures]
        parts.append("</table>")
    parts.append("</body></html>\n")
    return "\n".join(parts)
