"""`nlcleaner clean`: the filter. stdin → stdout, one file → stdout, many → --output-dir."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from ..engine import Cleaner
from ..errors import NLCleanerError
from ..settings import Settings
from .app import EXIT_ERROR, EXIT_OK, app, fail


def _split(values: list[str] | None) -> tuple[str, ...]:
    return tuple(p.strip() for v in values or () for p in v.split(",") if p.strip())


@app.command()
def clean(
    paths: list[str] = typer.Argument(None, help="Files or folders; none or '-' reads stdin."),
    output_dir: Path = typer.Option(None, "--output-dir", help="Write every cleaned input into this folder."),
    select: list[str] = typer.Option(None, "--select", help="Only rules whose id starts with these prefixes."),
    ignore: list[str] = typer.Option(None, "--ignore", help="Skip rules whose id starts with these prefixes."),
    rules: list[Path] = typer.Option(None, "--rules", help="Extra rule pack files."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No summary on stderr."),
):
    """Clean article text.

    Example: cat article.txt | nlcleaner clean > clean.txt
    """
    try:
        cleaner = Cleaner(
            Settings(select=_split(select) or None, ignore=_split(ignore), rules=tuple(str(r) for r in rules or ()))
        )
    except NLCleanerError as exc:
        fail(str(exc))
    inputs = [p for p in (paths or []) if p != "-"]
    if not inputs:
        data = sys.stdin.buffer.read()
        try:
            out, _ = cleaner.clean_bytes(data)
        except NLCleanerError as exc:
            fail(f"<stdin>: {exc}")
        sys.stdout.buffer.write(out)
        sys.stdout.buffer.flush()
        raise typer.Exit(EXIT_OK)
    files = []
    for p in inputs:
        path = Path(p)
        files += sorted(f for f in path.rglob("*") if f.is_file()) if path.is_dir() else [path]
    if len(files) > 1 and output_dir is None:
        fail("several inputs need --output-dir DIR")
    status = EXIT_OK
    for f in files:
        try:
            out, _ = cleaner.clean_bytes(f.read_bytes())
        except (OSError, NLCleanerError) as exc:
            print(f"nlcleaner: error: {f}: {getattr(exc, 'strerror', None) or exc}", file=sys.stderr)
            status = EXIT_ERROR
            continue
        if output_dir is None:
            sys.stdout.buffer.write(out)
        else:
            output_dir.mkdir(parents=True, exist_ok=True)
            (output_dir / f.name).write_bytes(out)
    raise typer.Exit(status)
