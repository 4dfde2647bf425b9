"""`nlcleaner clean`: the filter. stdin → stdout, one file → stdout, many → --output-dir / --write / -o; --diff."""

# no `from __future__ import annotations`: typer would have to evaluate every parameter's annotation from
# its text (compiling each) whenever it builds the command, on every run

import os
import sys
from typing import Annotated, Optional

import typer

from . import options as o
from .app import (
    EXIT_BAD_RECORDS, EXIT_ERROR, EXIT_FINDINGS, EXIT_INTERRUPTED, EXIT_OK, PipeClosed, app, fail, say, write_out,
)
from .in_place import write_in_place
from .inputs import STDIN, Input, expand
from .session import Session

CORPUS_SUFFIXES = (".jsonl", ".jsonl.gz", ".jsonl.zst", ".json.gz", ".ndjson", ".parquet", ".warc", ".warc.gz", ".wet",
                   ".wet.gz")
TEXT_FORMATS = (None, "auto", "text", "txt", "plain")

Opt = typer.Option


@app.command()
def clean(
    paths: Annotated[Optional[list[str]], typer.Argument(
        metavar="PATH", help="Files or folders; none or '-' reads stdin.", show_default=False)] = None,
    write: Annotated[bool, Opt("--write", "-w", help="Rewrite files in place (atomically; unchanged files untouched).")] = False,
    diff: Annotated[bool, Opt("--diff", help="Print a unified diff of what would go; write nothing.")] = False,
    output_dir: Annotated[Optional[str], Opt("--output-dir", "-d", metavar="DIR", help="Write every cleaned input into DIR.")] = None,
    output: Annotated[Optional[str], Opt("--output", "-o", metavar="FILE", help="Corpus output file (JSONL/Parquet/WET; .gz/.zst compress).")] = None,
    exit_non_zero_on_fix: Annotated[bool, Opt("--exit-non-zero-on-fix", help="Exit 1 when anything was removed.")] = False,
    report: Annotated[Optional[str], Opt("--report", metavar="FILE", help="Write a report of every removal to FILE.")] = None,
    report_format: Annotated[Optional[str], Opt("--report-format", metavar="json|jsonl|text", help="Report format (default: from FILE's extension, else json).")] = None,
    source: Annotated[Optional[str], Opt("--source", metavar="HOST|URL", help="Where the text comes from (runs rules scoped to that host).")] = None,
    select: o.Select = None, ignore: o.Ignore = None, extend_select: o.ExtendSelect = None, rules: o.Rules = None,
    guard: o.Guard = None, tail_zone: o.TailZone = None, strict: o.Strict = None, languages: o.Languages = None,
    per_file_ignores: o.PerFileIgnores = None,
    config: o.Config = None, isolated: o.Isolated = False, color: o.Color = None, quiet: o.Quiet = None,
    # corpus mode (JSONL / Parquet / WET; see docs/corpus.md)
    input_format: Annotated[Optional[str], Opt("--input-format", metavar="FORMAT", help="text, jsonl, parquet or wet (default: from the file name).")] = None,
    text_field: Annotated[Optional[str], Opt("--text-field", metavar="FIELD", help="The field holding the text (default: text).")] = None,
    id_field: Annotated[Optional[str], Opt("--id-field", metavar="FIELD", help="The field holding a record's id (default: id).")] = None,
    source_field: Annotated[Optional[str], Opt("--source-field", metavar="FIELD", help="The field holding a record's URL or host.")] = None,
    jobs: Annotated[Optional[int], Opt("--jobs", "-j", metavar="N", help="Worker processes for corpus mode (0 = one per CPU).")] = None,
    annotate: Annotated[Optional[str], Opt("--annotate", metavar="FIELD", help="Add the removal records to each record under FIELD.")] = None,
    annotate_only: Annotated[bool, Opt("--annotate-only", help="With --annotate: keep the text as it is, only add the records.")] = False,
    drop_empty: Annotated[bool, Opt("--drop-empty", help="Leave out records whose cleaned text is empty.")] = False,
    min_chars: Annotated[Optional[int], Opt("--min-chars", metavar="N", help="Leave out records with fewer cleaned characters.")] = None,
    resume: Annotated[bool, Opt("--resume", help="Skip outputs that are already complete.")] = False,
    rejects: Annotated[Optional[str], Opt("--rejects", metavar="FILE", help="Write bad records (not JSON, no text field, invalid UTF-8 ...) here, as read, instead of to the output. Records --drop-empty or --min-chars leave out are only counted.")] = None,
    include: o.Include = None, exclude: o.Exclude = None,
    report_html: Annotated[Optional[str], Opt("--report-html", metavar="FILE", help="An HTML report of the run (corpus mode).")] = None,
):
    """Clean article text: remove publisher furniture, keep every byte of the article.

    \b
    Examples:
      cat article.txt | nlcleaner clean > clean.txt
      nlcleaner clean article.txt
      nlcleaner clean --output-dir cleaned/ articles/
      nlcleaner clean --write --report removed.jsonl docs/*.md
      nlcleaner clean --diff article.md
    """
    cli = {
        **o.engine_flags(select=select, ignore=ignore, extend_select=extend_select, rules=rules, guard=guard,
                         tail_zone=tail_zone, strict=strict, languages=languages,
                         per_file_ignores=per_file_ignores),
        "color": color, "quiet": quiet, "report-format": report_format,
        "input-format": input_format, "text-field": text_field, "id-field": id_field, "source-field": source_field,
        "jobs": jobs, "annotate": annotate, "annotate-only": annotate_only or None, "drop-empty": drop_empty or None,
        "min-chars": min_chars, "resume": resume or None, "rejects": rejects, "include": o.split(include),
        "exclude": o.split(exclude), "output": output, "output-dir": output_dir, "report-html": report_html,
        "source": source,
    }
    resolved = o.resolve(cli, config=config, isolated=isolated)
    if sum([write, diff, output_dir is not None or output is not None]) > 1:
        fail("--write, --diff and --output-dir/--output exclude each other")
    if min_chars is not None and min_chars < 0:
        fail(f"--min-chars must be 0 or more, got {min_chars}")
    given = [flag for flag in CORPUS_FLAGS if cli.get(flag)]
    if (write or diff) and given:
        fail(f"--{given[0]} is a corpus mode flag (--output-dir, -o FILE, JSONL, Parquet or WET inputs); it does "
             f"nothing with --{'write' if write else 'diff'}")
    inputs = list(paths or [STDIN])
    cleaner = o.cleaner(resolved)
    session = Session(resolved, cleaner, report=report)
    opts = resolved.options
    batch = _is_batch(inputs, opts, output_dir, output, cli) and not (write or diff)
    session.refuse_clashes(inputs, output=output, output_dir=opts.get("output-dir") or output_dir,
                                rejects=opts.get("rejects"), report_html=opts.get("report-html"), corpus=batch)

    if batch:
        status = _batch(session, inputs, output_dir, output)
    elif write or diff:
        if STDIN in inputs and write:
            fail("--write needs files; stdin can only be cleaned to stdout")
        if opts.get("input-format") not in TEXT_FORMATS or any(p.lower().endswith(CORPUS_SUFFIXES) for p in inputs):
            fail(f"--{'write' if write else 'diff'} works on text files; clean JSONL, Parquet or WET with "
                 "--output-dir DIR or -o FILE")
        files = expand(inputs, resolved)
        if write:
            write_in_place(session, files, source)
            status = EXIT_OK
        else:
            status = _diff(session, files, source)
    else:
        files = expand(inputs, resolved)
        if any(os.path.isdir(p) for p in inputs):  # (its files go somewhere, however many: it is not a filter)
            fail("a folder needs --output-dir DIR, --write or -o FILE")
        if len(files) > 1:
            fail("several inputs need --output-dir DIR, --write or -o FILE")
        if not files and len(inputs) == 1:
            # the one file named on the command line is one that `exclude` names: a filter never answers with an
            # empty output, and corpus mode takes a named file as given too, so it is cleaned all the same
            files = [Input(inputs[0])]
        status = _to_stdout(session, files[0], source) if files else EXIT_OK
    session.finish(verb="changed" if not diff else "would change")
    if session.input_errors:
        status = EXIT_ERROR
    elif session.bad_records:
        status = EXIT_BAD_RECORDS
    elif status == EXIT_OK and exit_non_zero_on_fix and session.stats.changed:
        status = EXIT_FINDINGS
    raise typer.Exit(status)


# flags only corpus mode acts on: given on the command line with a text file to stdout, they take the run there (where
# each is checked and used) instead of being ignored; a configuration's `annotate`, meant for its corpus runs, does not
CORPUS_FLAGS = ("report-html", "rejects", "annotate", "annotate-only", "drop-empty", "min-chars", "resume")


def _is_batch(inputs: list[str], opts: dict, output_dir, output, cli: dict) -> bool:
    if output is not None or opts.get("input-format") not in TEXT_FORMATS:
        return True
    if any(cli.get(flag) for flag in CORPUS_FLAGS):
        return True
    if any(p.lower().endswith(CORPUS_SUFFIXES) for p in inputs):
        return True
    return output_dir is not None


def _to_stdout(session: Session, inp: Input, source) -> int:
    if inp.is_stdin and not session.quiet and _interactive():
        say("nlcleaner: reading the text from the terminal; end it with Ctrl-D (or see: nlcleaner clean --help)")
    data, out, _, outcome = session.clean(inp, source)
    if outcome is None:
        return EXIT_ERROR
    session.record(outcome)
    write_out(out)
    return EXIT_OK


def _interactive() -> bool:
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def _diff(session: Session, files: list[Input], source) -> int:
    import difflib

    from ..document import encode

    for inp in files:
        data, out, text, outcome = session.clean(inp, source)
        if outcome is None:
            continue
        session.record(outcome)
        if out is data:
            continue
        lines = difflib.unified_diff(
            text.splitlines(keepends=True), outcome.result.text.splitlines(keepends=True),
            fromfile=f"a/{inp.path}", tofile=f"b/{inp.path}",
        )
        chunk = "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)
        write_out(encode(chunk))
    return EXIT_OK


def _batch(session: Session, inputs: list[str], output_dir, output) -> int:
    """Corpus mode (folders, --output-dir, -o FILE, JSONL / Parquet / WET): the corpus package runs it."""
    from ..corpus import run_batch

    return _run_corpus(run_batch, session, inputs, output_dir, output)


def _run_corpus(run_batch, session: Session, inputs, output_dir, output) -> int:
    from ..corpus.errors import Interrupted
    from ..errors import NLCleanerError
    from ..render import is_terminal

    session.batch = True
    progress = not session.quiet and is_terminal(sys.stderr)
    try:
        stats = run_batch(
            inputs, session.resolved, output_dir=output_dir, output=output, progress=progress, stdout=StdoutBytes(),
            on_outcome=lambda outcome: session.record(outcome, count=False, announce=True), texts=False,
        )
    except Interrupted as exc:  # what was done is reported and summed up; the output holds only whole records
        session.stats = exc.stats
        session.finish()
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except NLCleanerError as exc:
        fail(str(exc))
    session.stats = stats
    # (a warning, not an error: a rerun into the same folder meets its own outputs there); --quiet silences it, as
    # it does every warning that is not an error (the unknown-ignore warning too): exit code and outputs are unchanged
    if stats.left_out and not session.quiet:
        n = len(stats.left_out)
        say(f"nlcleaner: warning: {n} file{'s' if n != 1 else ''} of the input folder inside --output-dir "
            f"{output_dir} {'were' if n != 1 else 'was'} not read (outputs are not read back): {stats.left_out[0]}"
            + (f" and {n - 1} more" if n > 1 else ""))
    return EXIT_OK


class StdoutBytes:
    """stdout for corpus mode's writers: every byte written (unbuffered stdout too), a closed pipe ends quietly."""

    def write(self, data) -> int:
        write_out(bytes(data))
        return len(data)

    def flush(self) -> None:
        try:
            sys.stdout.buffer.flush()
        except BrokenPipeError:
            raise PipeClosed() from None
