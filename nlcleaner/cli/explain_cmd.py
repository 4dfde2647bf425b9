"""`nlcleaner explain FILE`: the document with every removed span marked, the rule behind it, and why the rule exists."""

from __future__ import annotations

import json
from typing import Annotated, Optional

import typer

from . import options as o
from .app import EXIT_OK, StdoutText, app, fail, write_out
from .inputs import Input, record_files
from .session import Session


@app.command()
def explain(
    path: Annotated[str, typer.Argument(metavar="FILE", help="The document to explain ('-' reads stdin).")],
    output_format: o.OutputFormat = "text",
    source: Annotated[Optional[str], typer.Option(
        "--source", metavar="HOST|URL", help="Where the text comes from (runs rules scoped to that host).")] = None,
    select: o.Select = None, ignore: o.Ignore = None, extend_select: o.ExtendSelect = None, rules: o.Rules = None,
    guard: o.Guard = None, tail_zone: o.TailZone = None, strict: o.Strict = None, languages: o.Languages = None,
    config: o.Config = None, isolated: o.Isolated = False, color: o.Color = None,
):
    """Show a document with removed lines marked (-), lines the guard held back (?), and the rule behind each.

    Lines are numbered as in the file; the rules that fired are listed at the end with why they exist.

    \b
    Examples:
      nlcleaner explain article.txt
      nlcleaner explain --output-format json article.txt
    """
    o.check_output_format(output_format)
    cli = {**o.engine_flags(select=select, ignore=ignore, extend_select=extend_select, rules=rules, guard=guard,
                            tail_zone=tail_zone, strict=strict, languages=languages), "color": color, "quiet": True}
    resolved = o.resolve(cli, config=config, isolated=isolated)
    cleaner = o.cleaner(resolved)
    session = Session(resolved, cleaner)
    inp = Input(path)
    if record_files([inp], resolved):  # read as one text, a corpus would show its JSON lines and no removals
        fail(f"{path}: explain works on one text document; for a corpus's records use "
             "`nlcleaner clean --report FILE` (or extract a record's text, e.g. with jq -r .text)")
    _, _, text, outcome = session.clean(inp, source)
    if outcome is None:
        raise typer.Exit(session.input_errors and 2)
    result = outcome.result
    rules_used = dict.fromkeys(r.rule for r in [*result.removals, *result.held])
    whys = {rid: _why(cleaner, rid) for rid in rules_used}
    # (stdin is named "-" here too, as check's findings and the report name it)
    if output_format == "json":
        data = {
            "path": path, "applied": result.applied, "flags": list(result.flags),
            "removals": [r.to_dict() for r in result.removals], "held": [r.to_dict() for r in result.held],
            "rules": [{"id": rid, "why": whys[rid]} for rid in rules_used],
        }
        write_out((json.dumps(data, ensure_ascii=True, indent=1) + "\n").encode())
        raise typer.Exit(EXIT_OK)
    from ..render import explain as render_explain

    render_explain(text, result, whys, path=path, color=o.color_of(resolved), stream=StdoutText())
    raise typer.Exit(EXIT_OK)


def _why(cleaner, rule_id: str) -> str:
    from ..engine import CONTEXT_RULES

    rule = cleaner.rule(rule_id)
    if rule is not None:
        return rule.why
    return CONTEXT_RULES.get(rule_id, "")
