"""`nlcleaner learn`: propose rules for the furniture that recurs across documents of one source."""

from __future__ import annotations

import json
import os
import sys
from typing import Annotated, Optional

import typer

from . import options as o
from .app import EXIT_BAD_RECORDS, EXIT_ERROR, EXIT_OK, app, error, fail, write_out
from .inputs import read_by_walk
from .session import read_files, write_clash

Opt = typer.Option
# options that are shares (0..1) of documents or lines
_SHARE_OPTIONS = ("min_share", "body_min_share", "short_min_share", "zone_share", "head_zone")
_D = None  # defaults live in LearnOptions; a flag left out keeps them


@app.command()
def learn(
    paths: Annotated[list[str], typer.Argument(metavar="CORPUS", help="Files or folders (read twice; not stdin).",
                                               show_default=False)],
    output: Annotated[Optional[str], Opt("--output", "-o", metavar="FILE", help="Write the pack here (default: stdout).")] = None,
    summary: Annotated[bool, Opt("--summary", help="Print a table of the findings per source on stderr.")] = False,
    output_format: Annotated[str, Opt("--output-format", metavar="text|json", help="json: the findings as JSON on stdout (needs -o for the pack).")] = "text",
    name: Annotated[str, Opt("--name", metavar="NAME", help="The pack's name.")] = "learned",
    skip_known: Annotated[bool, Opt("--skip-known", help="Leave out lines the configured rules (by default the built-in packs) already remove.")] = False,
    source: Annotated[Optional[str], Opt("--source", metavar="HOST|URL", help="One source for every document.")] = None,
    source_field: Annotated[Optional[str], Opt("--source-field", metavar="FIELD", help="Group records by this field (a URL is reduced to its host).")] = None,
    text_field: Annotated[Optional[str], Opt("--text-field", metavar="FIELD", help="The field holding the text (default: text).")] = None,
    id_field: Annotated[Optional[str], Opt("--id-field", metavar="FIELD", help="The field holding a record's id (default: id).")] = None,
    input_format: Annotated[Optional[str], Opt("--input-format", metavar="FORMAT", help="text, jsonl, parquet or wet (default: from the file name).")] = None,
    include: o.Include = None, exclude: o.Exclude = None,
    jobs: Annotated[Optional[int], Opt("--jobs", "-j", metavar="N", help="Worker processes (0 = one per CPU); the pack is the same.")] = None,
    min_docs: Annotated[Optional[int], Opt("--min-docs", metavar="N", help="Distinct documents a line must recur in (default 5).")] = _D,
    min_share: Annotated[Optional[float], Opt("--min-share", metavar="SHARE", help="Share of a source's documents it must recur in (default 0.1).")] = _D,
    body_min_share: Annotated[Optional[float], Opt("--body-min-share", metavar="SHARE", help="Share needed by a line found outside the tail/head zone (default 0.3).")] = _D,
    short_chars: Annotated[Optional[int], Opt("--short-chars", metavar="N", help="Lines shorter than this are weak evidence (default 20) ...")] = _D,
    short_min_share: Annotated[Optional[float], Opt("--short-min-share", metavar="SHARE", help="... and need this share (default 0.2).")] = _D,
    zone_share: Annotated[Optional[float], Opt("--zone-share", metavar="SHARE", help="Share of a line's documents with it in the tail (head) zone that makes it a tail (head) rule (default 0.8).")] = _D,
    tail_zone: o.TailZone = None,
    head_zone: Annotated[Optional[float], Opt("--head-zone", metavar="SHARE", help="Share of a document's lines, from the start, that counts as its head (default 0.2).")] = _D,
    max_chars: Annotated[Optional[int], Opt("--max-chars", metavar="N", help="Longer lines are never counted (default 500).")] = _D,
    max_rules: Annotated[Optional[int], Opt("--max-rules", metavar="N", help="Rules kept per source (default 50).")] = _D,
    max_candidates: Annotated[Optional[int], Opt("--max-candidates", metavar="N", help="Lines counted exactly per source: bounds memory (default 2000).")] = _D,
    sketch_mb: Annotated[Optional[int], Opt("--sketch-mb", metavar="MB", help="Most memory for the first pass's counts (default 64).")] = _D,
    examples: Annotated[Optional[int], Opt("--examples", metavar="N", help="Examples to remove per rule (default 3).")] = _D,
    config: o.Config = None, isolated: o.Isolated = False, quiet: o.Quiet = None,
):
    """Learn a publisher's furniture from a corpus: lines that recur across many documents of one source become
    reviewable rules (category `learned`, scoped to the source).

    \b
    Examples:
      nlcleaner learn --source-field url crawl.jsonl.gz -o learned.toml --summary
      nlcleaner learn articles/ -o learned.toml          # one source per sub-folder
      nlcleaner clean --rules learned.toml --source-field url -o clean.jsonl crawl.jsonl.gz
    """
    from ..errors import NLCleanerError
    from ..learn import LearnOptions, ReadOptions, learn as run

    if any(p == "-" for p in paths):
        fail("learn reads its corpus twice: give files or folders, not stdin")
    o.check_output_format(output_format)
    if output_format == "json" and not output:
        fail("--output-format json prints the findings on stdout: write the pack with -o FILE")
    cli = {"text-field": text_field, "id-field": id_field, "source-field": source_field,
           "input-format": input_format, "jobs": jobs, "tail-zone": tail_zone, "quiet": quiet,
           "include": o.split(include), "exclude": o.split(exclude)}
    resolved = o.resolve(cli, config=config, isolated=isolated)
    if output:
        why = write_clash(output, list(paths), taken=read_files(resolved),  # (learn walks folders as corpus mode)
                          read_back=lambda t, folder: read_by_walk(t, folder, resolved, corpus=True))
        if why:
            fail(f"-o {output}: {why}; name another file")
    opts = resolved.options
    fmt = opts.get("input-format")
    if fmt == "auto":
        fmt = None
    n_jobs = opts.get("jobs")
    n_jobs = (os.cpu_count() or 1) if n_jobs == 0 else (n_jobs or 1)
    given = {
        "min_docs": min_docs, "min_share": min_share, "body_min_share": body_min_share, "short_chars": short_chars,
        "short_min_share": short_min_share, "zone_share": zone_share, "head_zone": head_zone, "max_chars": max_chars,
        "max_rules": max_rules, "cap": max_candidates, "examples": examples, "sketch_mb": sketch_mb,
    }
    for key, value in given.items():
        if value is None:
            continue
        if value < 0 or (value == 0 and key in ("min_docs", "max_rules", "cap", "examples", "sketch_mb")):
            fail(f"--{key.replace('_', '-')} must be positive, got {value}")
        if key in _SHARE_OPTIONS and value > 1:
            fail(f"--{key.replace('_', '-')} is a share of documents or lines, between 0 and 1; got {value}")
    settings = LearnOptions(
        read=ReadOptions(text_field=opts.get("text-field") or "text", id_field=opts.get("id-field") or "id",
                         source_field=opts.get("source-field"), source=source, input_format=fmt,
                         include=tuple(opts.get("include") or ()), exclude=tuple(opts.get("exclude") or ())),
        tail_zone=float(opts.get("tail-zone") or 0.35), jobs=n_jobs,
        **{k: v for k, v in given.items() if v is not None},
    )
    try:
        result = run(paths, settings, name=name, skip_known=skip_known, known_by=o.cleaner(resolved))
    except NLCleanerError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"{exc.filename}: {exc.strerror or exc}")
    data = result.pack.encode("utf-8")
    if output:
        try:
            _write_atomic(output, data)
        except OSError as exc:
            fail(f"{output}: {exc.strerror or exc}")
    else:
        write_out(data)
    if result.corpus.saturation > 0.05 and not opts.get("quiet"):  # (a warning, silenced as clean's are)
        print(f"nlcleaner learn: warning: {result.corpus.saturation:.0%} of the first pass's counters are full, so "
              "most lines were counted again in the second pass (slow, and some sources may have hit "
              "--max-candidates); raise --sketch-mb or learn from a sample", file=sys.stderr)
    from ..learn.inputs import NOT_TEXT, SKIPPED_AS

    skipped = result.corpus.skipped
    if skipped:  # (said even with --quiet: like clean's bad inputs, they set the exit code)
        said = ", ".join(f"{n} {SKIPPED_AS[why][n != 1]}" for why, n in sorted(skipped.items()))
        error(f"learn: skipped {said}")
    if output_format == "json":
        write_out((json.dumps(_as_json(result), ensure_ascii=True, indent=1) + "\n").encode("ascii"))
    if summary:
        _summary(result)
    elif not opts.get("quiet"):
        c = result.corpus
        print(f"nlcleaner learn: {len(result.findings)} rules for {len({f.group for f in result.findings})} sources "
              f"from {c.documents} documents ({len(c.groups)} sources counted"
              + (f", {c.unsourced} without a source" if c.unsourced else "") + ")", file=sys.stderr)
        if result.dropped:
            print(f"nlcleaner learn: left out (their examples did not pass): {', '.join(result.dropped)}",
                  file=sys.stderr)
    raise typer.Exit(EXIT_ERROR if NOT_TEXT in skipped else EXIT_BAD_RECORDS if skipped else EXIT_OK)


def _as_json(result) -> dict:
    c = result.corpus
    return {
        "documents": c.documents, "sources_counted": len(c.groups), "without_source": c.unsourced,
        "skipped": dict(c.skipped),
        "rules": [
            {"id": f.id, "source": f.group or None, "kind": f.kind, "position": f.position, "docs": f.docs,
             "source_docs": f.group_docs, "share": round(f.share, 4), "tail_share": round(f.tail_share, 4),
             "head_share": round(f.head_share, 4), "forms": f.variants, "more_forms": f.more, "line": f.line,
             "known": list(f.known)}
            for f in result.findings
        ],
        "left_out": list(result.dropped),
    }


def _write_atomic(path: str, data: bytes) -> None:
    folder = os.path.dirname(os.path.abspath(path))
    tmp = os.path.join(folder, f".{os.path.basename(path)}.tmp{os.getpid()}")
    with open(tmp, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)


def _summary(result) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(stderr=True, highlight=False)
    by_group: dict = {}
    for f in result.findings:
        by_group.setdefault(f.group, []).append(f)
    c = result.corpus
    console.print(f"[bold]nlcleaner learn[/]: {c.documents} documents, {len(c.groups)} sources counted, "
                  f"{len(result.findings)} rules" + (f", {c.unsourced} documents without a source" if c.unsourced else ""))
    for group in sorted(by_group):
        found = by_group[group]
        title = f"{group or 'the corpus'} — {found[0].group_docs} documents"
        table = Table(title=title, title_justify="left")
        table.add_column("rule", no_wrap=True, min_width=max(len(f.id) for f in found))
        for col in ("kind", "where", "docs", "share", "in zone"):
            table.add_column(col, no_wrap=True, min_width=max(len(col), 7 if col == "kind" else 4),
                             justify="left" if col in ("kind", "where") else "right")
        room = max(12, console.width - max(len(f.id) for f in found) - 7 - 5 - 4 - 5 - 7 - 3 * 7 - 4)
        table.add_column("line", no_wrap=True, overflow="ellipsis", max_width=min(60, room))
        table.add_column("known", no_wrap=True, overflow="ellipsis", max_width=30)
        for f in found:
            zone = f.tail_share if f.position == "tail" else f.head_share if f.position == "head" else None
            table.add_row(f.id, f.kind, f.position, str(f.docs), f"{f.share:.0%}",
                          "" if zone is None else f"{zone:.0%}", f.line.replace("\n", " / "), ", ".join(f.known))
        console.print(table)
    if result.dropped:
        console.print(f"left out (their examples did not pass): {', '.join(result.dropped)}")
