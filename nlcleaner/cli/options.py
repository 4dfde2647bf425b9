"""Options shared by several commands, and the one path from flags to a Cleaner (config.resolve → Settings)."""

from __future__ import annotations

import os
from typing import Annotated, Optional

import typer

from .app import collect_again, fail

# engine selection ---------------------------------------------------------------------------------------------------
Select = Annotated[Optional[list[str]], typer.Option(
    "--select", metavar="PREFIX[,PREFIX]", help="Only rules whose id starts with one of these (e.g. donation,newsletter).")]
Ignore = Annotated[Optional[list[str]], typer.Option(
    "--ignore", metavar="PREFIX[,PREFIX]", help="Leave out rules whose id starts with one of these (e.g. copyright.notice).")]
ExtendSelect = Annotated[Optional[list[str]], typer.Option(
    "--extend-select", metavar="PREFIX[,PREFIX]", help="Add rules to the selection (from config or --select).")]
Rules = Annotated[Optional[list[str]], typer.Option(
    "--rules", metavar="FILE", help="An extra rule pack (TOML); repeat for several.")]
Guard = Annotated[Optional[float], typer.Option(
    "--guard", metavar="SHARE", help="Most of a document weak evidence may remove (default 0.6).")]
TailZone = Annotated[Optional[float], typer.Option(
    "--tail-zone", metavar="SHARE", help="Share of a document's lines, from the end, that counts as its tail (default 0.35).")]
Strict = Annotated[Optional[bool], typer.Option(
    "--strict/--no-strict", help="A user pattern that times out is an error instead of a flag.", show_default=False)]
PerFileIgnores = Annotated[Optional[list[str]], typer.Option(
    "--per-file-ignores", metavar="GLOB:PREFIX[,PREFIX]",
    help="Leave out rules for files matching GLOB (relative to the working directory); repeat for several. "
         "Replaces the configuration's table.")]
Languages = Annotated[Optional[list[str]], typer.Option(
    "--languages", metavar="LANG[,LANG]", help="Only rules for these languages (rules without languages always run).")]
# which files a folder contributes -----------------------------------------------------------------------------------
Include = Annotated[Optional[list[str]], typer.Option(
    "--include", metavar="GLOB", help="Files a folder contributes (default *.txt *.md ...).")]
Exclude = Annotated[Optional[list[str]], typer.Option(
    "--exclude", metavar="GLOB", help="Files and folders to leave out.")]
# configuration ----------------------------------------------------------------------------------------------------
Config = Annotated[Optional[str], typer.Option(
    "--config", metavar="FILE", help="Read settings from this file instead of the nearest pyproject.toml / nlcleaner.toml.")]
Isolated = Annotated[bool, typer.Option("--isolated", help="Ignore every configuration file.")]
# output for people ------------------------------------------------------------------------------------------------
Color = Annotated[Optional[str], typer.Option(
    "--color", metavar="auto|always|never", help="Colour on stderr/stdout for people (NO_COLOR is respected).")]
Quiet = Annotated[Optional[bool], typer.Option("--quiet", "-q", help="No summary on stderr.", show_default=False)]
OutputFormat = Annotated[str, typer.Option(
    "--output-format", metavar="text|json", help="text for people, json for programs.")]


def split(values) -> list[str] | None:
    """`--select a,b --select c` → ['a', 'b', 'c']; None when the flag was not given (so config may set it).
    A flag given with nothing in it (`--select ''`) is [], not None: an explicit empty list, which config.resolve
    keeps for `select` (no rule selected, as `select = []` in a file) and treats as not given for the other keys."""
    if not values:  # (None, or an empty sequence should a typer version give one for a flag not given)
        return None
    return [p.strip() for v in values for p in str(v).split(",") if p.strip()]


def engine_flags(*, select=None, ignore=None, extend_select=None, rules=None, guard=None, tail_zone=None,
                 strict=None, languages=None, per_file_ignores=None) -> dict:
    """The engine keys of the cli dict given to config.resolve (kebab-case; None = not given)."""
    return {
        "select": split(select), "ignore": split(ignore), "extend-select": split(extend_select),
        "rules": split(rules), "guard": guard, "tail-zone": tail_zone, "strict": strict,
        "languages": split(languages), "per-file-ignores": per_file_ignores or None,
    }


def resolve(cli: dict, *, config: str | None, isolated: bool):
    """config.resolve, with a broken configuration turned into one line and exit 2.

    Keys config files may set go through config.resolve; the others (output, output-dir, annotate-only, drop-empty,
    min-chars, resume, rejects, report-html, source) are added to the resolved options as given."""
    from ..config import resolve as _resolve
    from ..errors import NLCleanerError

    color = cli.get("color")
    if color is not None and color not in ("auto", "always", "never"):
        fail(f"--color must be auto, always or never, got {color!r}")
    from ..config import DEFAULTS

    known = {k: v for k, v in cli.items() if k in DEFAULTS}
    extra = {k: v for k, v in cli.items() if k not in DEFAULTS}
    try:
        resolved = _resolve(known, config_path=config, isolated=isolated, cwd=os.getcwd())
    except NLCleanerError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"{exc.filename or config}: {exc.strerror or exc}")
    # command-line-only keys (output, output-dir, annotate-only ...): carried along for corpus mode
    for key, value in extra.items():
        resolved.options[key] = value
        resolved.origins[key] = "command line" if value is not None else "default"
    return resolved


def cleaner(resolved):
    """A Cleaner from resolved settings; a broken pack is one line naming file, rule and key, and exit 2."""
    from ..engine import Cleaner
    from ..errors import NLCleanerError

    from ..notices import forget, listen

    # what the library says of a long step (see `notices`), on stderr; not after a quiet run in the same process
    (forget if resolved.options.get("quiet") else listen)(_notice_on_stderr)
    try:
        built = Cleaner(resolved.settings).defer_gate()  # (one file, or a hook's few: no gate to build for them)
    except NLCleanerError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"{exc.filename}: {exc.strerror or exc}")
    _check_selection(built)
    if not resolved.options.get("quiet"):
        _warn_unknown_ignores(built)
    collect_again()  # start-up is over (see app.main)
    return built


def _notice_on_stderr(text: str) -> None:
    from .app import say

    say(f"nlcleaner: {text}")


def _warn_unknown_ignores(built) -> None:
    """An `ignore` naming no rule is most likely a typo, or a rule renamed or removed since a config was written:
    worth a warning, not an error (an old config must keep working)."""
    from ..engine import CONTEXT_RULES
    from .app import say

    ids = [r.id for r in built.all_rules] + list(CONTEXT_RULES)
    for prefix in built.settings.ignore:
        if "." in prefix and not any(i.startswith(prefix) for i in ids):
            say(f"nlcleaner: warning: ignore '{prefix}': no rule id starts with it (see `nlcleaner rules`)")


def _check_selection(built) -> None:
    """A selection that names nothing is a typo, not a wish to clean nothing: `--select donation.nope` or
    `--languages english` quietly turned every rule off (exit 0, nothing removed). A bare category stays valid
    even when no loaded pack has rules in it (`learned` before any pack is learned)."""
    from ..engine import CONTEXT_RULES

    s = built.settings
    ids = [r.id for r in built.all_rules] + list(CONTEXT_RULES)
    for key, prefixes in (("select", s.select or ()), ("extend-select", s.extend_select)):
        for prefix in prefixes:
            if "." in prefix and not any(i.startswith(prefix) for i in ids):
                fail(f"{key} '{prefix}': no rule id starts with it (see `nlcleaner rules`)")
    if s.languages:
        known = {lang for r in built.all_rules for lang in (r.languages or ())}
        unknown = [lang for lang in s.languages if lang not in known]
        if unknown:
            fail(f"languages: no rule is written for {', '.join(repr(u) for u in unknown)} "
                 f"(the packs have: {', '.join(sorted(known))})")


def check_output_format(value: str, allowed=("text", "json")) -> str:
    if value not in allowed:
        fail(f"--output-format must be one of {', '.join(allowed)}, got {value!r}")
    return value


def color_of(resolved) -> str:
    color = resolved.options.get("color") or "auto"
    return color if color in ("auto", "always", "never") else "auto"
