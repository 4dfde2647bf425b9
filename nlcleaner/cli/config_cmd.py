"""`nlcleaner config`: the settings in force here, and where each one came from."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from ..config import COMMAND_LINE, DEFAULT, DEFAULTS, resolve
from ..errors import NLCleanerError
from . import options as o
from .app import EXIT_OK, app, fail


def _toml(value) -> str:
    """A value as it would be written in nlcleaner.toml (TOML has no null: unset values say so)."""
    if value is None:
        return "(not set)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        return "{ " + ", ".join(f"{json.dumps(k)} = {_toml(v)}" for k, v in value.items()) + " }"
    return json.dumps(str(value))


def _origin(origin: str, config_path: str | None) -> str:
    if origin in (DEFAULT, COMMAND_LINE):
        return origin
    try:
        shown = str(Path(origin).relative_to(Path.cwd()))
    except ValueError:
        shown = origin
    return f"{shown} [tool.nlcleaner]" if Path(origin).name == "pyproject.toml" else shown


@app.command("config")
def config_command(
    key: str = typer.Argument(None, metavar="KEY", help="Print only this setting's value (e.g. guard, select)."),
    config: o.Config = None, isolated: o.Isolated = False, output_format: o.OutputFormat = "text",
    select: o.Select = None, ignore: o.Ignore = None, extend_select: o.ExtendSelect = None, rules: o.Rules = None,
    guard: o.Guard = None, tail_zone: o.TailZone = None, strict: o.Strict = None, languages: o.Languages = None,
    color: o.Color = None, quiet: o.Quiet = None,
):
    """Show the resolved settings and where each came from (default, a configuration file, the command line).

    Configuration is read from --config FILE, else from the nearest nlcleaner.toml or pyproject.toml with a
    [tool.nlcleaner] table, looking from the current folder upwards.

    Flags such as --select or --guard show how they would combine with the file (their origin: command line).

    \b
    Examples:
      nlcleaner config
      nlcleaner config guard
      nlcleaner config --output-format json
      nlcleaner config --config ci.toml --ignore copyright
    """
    if output_format not in ("text", "json"):
        fail(f"--output-format: expected text or json, got {output_format!r}")
    if key is not None and key not in DEFAULTS:
        fail(f"unknown setting '{key}' (known: {', '.join(DEFAULTS)})")
    try:
        cli = {**o.engine_flags(select=select, ignore=ignore, extend_select=extend_select, rules=rules, guard=guard,
                                tail_zone=tail_zone, strict=strict, languages=languages),
               "color": color, "quiet": quiet}
        resolved = resolve(cli, config_path=config, isolated=isolated)
    except NLCleanerError as exc:
        fail(str(exc))
    keys = [key] if key else list(DEFAULTS)
    if output_format == "json":
        data = {
            "config_file": resolved.config_path,
            "settings": {k: resolved.options[k] for k in keys},
            "origins": {k: resolved.origins[k] for k in keys},
        }
        print(json.dumps(data, indent=2, ensure_ascii=False))
        raise typer.Exit(EXIT_OK)
    if key:
        print(_toml(resolved.options[key]))
        raise typer.Exit(EXIT_OK)
    if resolved.config_path:
        print(f"# configuration file: {_origin(resolved.config_path, resolved.config_path)}")
    else:
        print("# configuration file: none" + (" (--isolated)" if isolated else " found"))
    width = max(len(k) for k in keys)
    rows = [(f"{k:<{width}} = {_toml(resolved.options[k])}", _origin(resolved.origins[k], resolved.config_path))
            for k in keys]
    col = min(max(len(r[0]) for r in rows), 60)
    for left, origin in rows:
        print(f"{left:<{col}}  # {origin}")
    raise typer.Exit(EXIT_OK)
