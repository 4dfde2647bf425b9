"""`nlcleaner eval DIR`: how well the packs do on a labelled sample — recall, content loss, per-rule precision."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from ..errors import NLCleanerError
from .app import EXIT_ERROR, app, fail


def _split(values) -> list[str]:
    return [p.strip() for v in values or () for p in v.split(",") if p.strip()]


@app.command("eval")
def eval_command(
    folder: Path = typer.Argument(..., help="Folder of NAME.txt + NAME.labels.jsonl pairs."),
    select: list[str] = typer.Option(None, "--select", help="Only rules whose id starts with these prefixes."),
    ignore: list[str] = typer.Option(None, "--ignore", help="Skip rules whose id starts with these prefixes."),
    rules: list[Path] = typer.Option(None, "--rules", help="Extra rule pack files."),
    config: Path = typer.Option(None, "--config", help="Configuration file (default: nearest pyproject.toml / nlcleaner.toml)."),
    isolated: bool = typer.Option(False, "--isolated", help="Ignore configuration files."),
    all_lines: bool = typer.Option(False, "--all-lines", help="Also count lines whose label is marked uncertain."),
    output_format: str = typer.Option("text", "--output-format", help="text (a table) or json."),
):
    """Score the rule packs on your own labelled sample.

    Each NAME.txt needs a NAME.labels.jsonl with one record per line:
    {"line": 1, "label": "content|boilerplate|blank", "category": "newsletter"}

    Example: nlcleaner eval my-sample/ --output-format json
    """
    from ..config import resolve
    from ..engine import Cleaner
    from ..evaluate import evaluate, sample_names

    if output_format not in ("text", "json"):
        fail("--output-format must be text or json")
    if not folder.is_dir():
        fail(f"{folder}: not a folder")
    if not sample_names(folder):
        fail(f"{folder}: no NAME.txt + NAME.labels.jsonl pairs")
    # (`--select ''` selects no rule, as in the other commands and as `select = []` does: see config.resolve)
    cli = {"select": _split(select) if select else None, "ignore": _split(ignore) or None,
           "rules": [str(r) for r in rules] if rules else None}
    try:
        resolved = resolve(cli, config_path=config, isolated=isolated, cwd=Path.cwd())
        result = evaluate(folder, Cleaner(resolved.settings), all_lines=all_lines).to_dict()
    except NLCleanerError as exc:
        fail(str(exc), EXIT_ERROR)
    if output_format == "json":
        sys.stdout.write(json.dumps(result, indent=1, ensure_ascii=True) + "\n")
        return
    _print_tables(result)


def _fmt(x) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def _print_tables(result: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(highlight=False)
    s = result["summary"]
    head = Table(title="nlcleaner eval", show_header=False)
    for key in ("documents", "boilerplate_recall", "named_recall", "named_macro", "content_loss", "removal_precision"):
        head.add_row(key, str(s[key]) if key == "documents" else _fmt(s[key]))
    console.print(head)
    cats = Table("category", "chars", "recall", title="recall per category")
    for name, v in result["categories"].items():
        cats.add_row(name, str(v["chars"]), _fmt(v["recall"]))
    console.print(cats)
    rules = Table("rule", "furniture chars", "article chars", "precision", title="precision per rule")
    for name, v in sorted(result["rules"].items(), key=lambda kv: (kv[1]["precision"] or 0, kv[0])):
        rules.add_row(name, str(v["boilerplate_chars"]), str(v["content_chars"]), _fmt(v["precision"]))
    console.print(rules)
