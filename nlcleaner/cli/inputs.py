"""Turning path arguments into the text files a command works on (folders walked, include/exclude globs applied)."""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass

# what a folder contributes when no --include is given
TEXT_GLOBS = ("*.txt", "*.text", "*.md", "*.markdown", "*.rst")
STDIN = "-"  # also stdin's name wherever a document is named (findings, errors, diff, explain, the report)


@dataclass(frozen=True)
class Input:
    path: str  # as the user would name it ("-" for stdin)
    root: str | None = None  # the folder argument it was found under (for --output-dir mapping)

    @property
    def is_stdin(self) -> bool:
        return self.path == STDIN


def expand(paths: list[str], resolved=None) -> list[Input]:
    """Files as given (whatever their name, unless `exclude` names them); folders walked in sorted order, hidden
    entries skipped, taking the files `include` names (default: TEXT_GLOBS) that `exclude` does not.

    Globs are matched as config.resolve's Resolved matches them (relative to the configuration file that set them).
    A missing path is kept: reading it later gives its one-line error, and the other inputs are still processed."""
    options = resolved.options if resolved is not None else {}
    include, exclude = tuple(options.get("include") or ()), tuple(options.get("exclude") or ())

    def excluded(path: str) -> bool:
        if not exclude:
            return False
        if hasattr(resolved, "matches"):
            return resolved.matches(path, "exclude")
        return _matches(path, os.path.basename(path), exclude)

    def included(path: str) -> bool:
        if not include:
            return _matches(path, os.path.basename(path), TEXT_GLOBS)
        if hasattr(resolved, "matches"):
            return resolved.matches(path, "include")
        return _matches(path, os.path.basename(path), include)

    out: list[Input] = []
    for p in paths:
        if p == STDIN or not os.path.isdir(p):
            if p == STDIN or not excluded(p):
                out.append(Input(p))
            continue
        for folder, dirs, files in os.walk(p):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not excluded(os.path.join(folder, d)))
            for name in sorted(files):
                full = os.path.join(folder, name)
                # (a pipe or a device found in a folder is not a file of it: reading one would wait for a writer;
                # named on the command line, it is read as given)
                if not name.startswith(".") and included(full) and not excluded(full) and os.path.isfile(full):
                    out.append(Input(full, p))
    return out


def read_by_walk(path: str, folder: str, resolved=None, corpus: bool = False) -> bool:
    """Whether walking `folder` would read the file `path` inside it as an input (`corpus`: as corpus mode walks,
    which reads record files too): what a file the run writes there must not be, or the next run reads it back."""
    rel = os.path.relpath(path, folder)
    if any(part.startswith(".") for part in rel.split(os.sep)):
        return False  # (hidden entries are skipped)
    options = resolved.options if resolved is not None else {}
    name = os.path.basename(path)
    if options.get("include"):
        return resolved.matches(path, "include") if hasattr(resolved, "matches") else \
            _matches(path, name, options["include"])
    if corpus:
        from ..corpus.discover import _known

        fmt = options.get("input-format")
        return (fmt not in (None, "auto")) or _known(name)  # (a format given: the walk takes every file)
    return _matches(path, name, TEXT_GLOBS)


def record_files(files: list[Input], resolved=None) -> list[str]:
    """The inputs whose names say they hold records (JSONL, Parquet, WARC/WET), which the text-file commands
    (`check`, `fix`, `explain`) must not read as one text: editing JSON lines as text could drop records. By name
    only: a configured `input-format` is corpus mode's setting and must not stop a hook on Markdown files."""
    from ..corpus.discover import format_of

    return [f.path for f in files if not f.is_stdin and format_of(f.path) != "text"]


def _matches(path: str, name: str, globs) -> bool:
    return any(fnmatch.fnmatch(name, g) or fnmatch.fnmatch(path, g) for g in globs)


def read(inp: Input) -> bytes:
    import sys

    if inp.is_stdin:
        return sys.stdin.buffer.read()
    with open(inp.path, "rb") as handle:
        return handle.read()


def reason(exc: BaseException) -> str:
    """An OSError or InputError as the short reason after a file name."""
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc)
