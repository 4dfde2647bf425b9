"""`nlcleaner check` (the linter: findings on stdout, exit 1 when anything would go) and `nlcleaner fix` (clean in
place for hooks: exit 1 when a file changed)."""

# no `from __future__ import annotations`: typer would have to evaluate every parameter's annotation from
# its text (compiling each) whenever it builds the command, on every run

from typing import Annotated, Optional

import typer

from . import options as o
from .app import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, PipeClosed, app, fail, quiet_pipes, write_out
from .findings import FORMATS, findings_of, render
from .in_place import write_in_place
from .inputs import STDIN, expand, record_files
from .session import Session

Paths = Annotated[Optional[list[str]], typer.Argument(
    metavar="PATH", help="Files or folders ('-' reads stdin).", show_default=False)]
Report = Annotated[Optional[str], typer.Option("--report", metavar="FILE", help="Also write a report to FILE.")]
ReportFormat = Annotated[Optional[str], typer.Option(
    "--report-format", metavar="json|jsonl|text", help="Report format (default: from FILE's extension, else json).")]


@app.command()
def check(
    paths: Paths = None,
    output_format: Annotated[str, typer.Option(
        "--output-format", metavar="text|json|github", help="text: path:line: rule  message; github: annotations.")] = "text",
    report: Report = None, report_format: ReportFormat = None,
    select: o.Select = None, ignore: o.Ignore = None, extend_select: o.ExtendSelect = None, rules: o.Rules = None,
    guard: o.Guard = None, tail_zone: o.TailZone = None, strict: o.Strict = None, languages: o.Languages = None,
    per_file_ignores: o.PerFileIgnores = None, include: o.Include = None, exclude: o.Exclude = None,
    config: o.Config = None, isolated: o.Isolated = False, color: o.Color = None, quiet: o.Quiet = None,
):
    """Report what would be removed, as `path:line: rule-id  message`; change nothing. Exit 1 when anything would go.

    Guard-flagged documents (weak evidence held back) are listed too, marked as such.

    \b
    Examples:
      nlcleaner check articles/
      nlcleaner check --output-format github docs/*.md
    """
    o.check_output_format(output_format, FORMATS)
    cli = {**o.engine_flags(select=select, ignore=ignore, extend_select=extend_select, rules=rules, guard=guard,
                            tail_zone=tail_zone, strict=strict, languages=languages,
                            per_file_ignores=per_file_ignores),
           "color": color, "quiet": quiet, "report-format": report_format,
           "include": o.split(include), "exclude": o.split(exclude)}
    resolved = o.resolve(cli, config=config, isolated=isolated)
    session = Session(resolved, o.cleaner(resolved), report=report)
    files = expand(list(paths or [STDIN]), resolved)
    _refuse_records(files, resolved, "check")
    session.refuse_clashes(list(paths or [STDIN]))
    found = []
    try:
        for inp in files:
            _, _, _, outcome = session.clean(inp)
            if outcome is None:
                continue
            session.record(outcome)
            found += findings_of(inp.path, outcome.result)  # (stdin is "-", as the report names it)
            if output_format == "text" and found:  # stream text findings as they come
                write_out(_encode(render(found, "text")))
                found = []
        if output_format != "text" or found:
            write_out(_encode(render(found, output_format)))
    except PipeClosed:
        # the reader stopped reading (`check DIR | head -1`): what was found up to then decides the exit code (a
        # finding, or an unreadable file, is not made good by a closed pipe); the report is still completed
        quiet_pipes()
    session.finish(verb="would change")
    if session.input_errors:
        raise typer.Exit(EXIT_ERROR)
    raise typer.Exit(EXIT_FINDINGS if session.stats.changed else EXIT_OK)


@app.command()
def fix(
    paths: Annotated[list[str], typer.Argument(metavar="PATH", help="Files or folders to clean in place.")],
    report: Report = None, report_format: ReportFormat = None,
    select: o.Select = None, ignore: o.Ignore = None, extend_select: o.ExtendSelect = None, rules: o.Rules = None,
    guard: o.Guard = None, tail_zone: o.TailZone = None, strict: o.Strict = None, languages: o.Languages = None,
    per_file_ignores: o.PerFileIgnores = None, include: o.Include = None, exclude: o.Exclude = None,
    config: o.Config = None, isolated: o.Isolated = False, color: o.Color = None, quiet: o.Quiet = None,
):
    """Clean files in place (like `clean --write`) for hooks: exit 1 when a file changed, naming it and its removals.

    \b
    Example (what the pre-commit hook runs):
      nlcleaner fix notes/*.md
    """
    if STDIN in paths:
        fail("fix works on files in place; to clean stdin use `nlcleaner clean`")
    cli = {**o.engine_flags(select=select, ignore=ignore, extend_select=extend_select, rules=rules, guard=guard,
                            tail_zone=tail_zone, strict=strict, languages=languages,
                            per_file_ignores=per_file_ignores),
           "color": color, "quiet": quiet, "report-format": report_format,
           "include": o.split(include), "exclude": o.split(exclude)}
    resolved = o.resolve(cli, config=config, isolated=isolated)
    session = Session(resolved, o.cleaner(resolved), report=report)
    files = expand(list(paths), resolved)
    _refuse_records(files, resolved, "fix")
    session.refuse_clashes(list(paths))
    changed = write_in_place(session, files, tell=True)
    session.finish(verb="fixed")
    if session.input_errors:
        raise typer.Exit(EXIT_ERROR)
    raise typer.Exit(EXIT_FINDINGS if changed else EXIT_OK)


def _refuse_records(files, resolved, command: str) -> None:
    """check and fix read each file as one text; a JSONL, Parquet or WARC file is a corpus of records (a line rule
    would delete whole records from it): exit 2 before anything is read or written."""
    corpus = record_files(files, resolved)
    if corpus:
        more = f" (and {len(corpus) - 1} more)" if len(corpus) > 1 else ""
        fail(f"{corpus[0]}{more}: {command} works on text files; clean JSONL, Parquet or WARC corpora with "
             "`nlcleaner clean --output-dir DIR` or `-o FILE`")


def _encode(text: str) -> bytes:
    """Findings as bytes: a path (or excerpt) read with undecodable bytes gets those bytes back, so that
    `path:line:` names the real file; anything else unencodable is backslash-escaped."""
    try:
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace")
