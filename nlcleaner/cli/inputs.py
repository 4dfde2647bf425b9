"""Turning path arguments into the text files a command works on (folders walked, include/exclude globs applied)."""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass

# what a folder contributes when no --include is given
TEXT_GLOBS = ("*.txt", "*.text", "*.md", "*.markdown", "*.rst")
STDIN = "-"


@dataclass(frozen=True)
class Input:
    path: str  # as the user would name it ("-" for stdin)
    root: str | None = None  # the folder argument it was found under (for --output-dir mapping)

    @property
    def is_stdin(self) -> bool:
        return self.path == STDIN


def expand(paths: list[str], include=(), exclude=()) -> list[Input]:
    """Files as given (always taken, whatever their name); folders walked in sorted order, hidden entries skipped.

    A missing path is kept: reading it later gives its one-line error, and the other inputs are still processed."""
    out: list[Input] = []
    include = tuple(include) or TEXT_GLOBS
    for p in paths:
        if p == STDIN or not os.path.isdir(p):
            if not _excluded(p, os.path.basename(p), exclude):
                out.append(Input(p))
            continue
        for folder, dirs, files in os.walk(p):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not _excluded(
                os.path.relpath(os.path.join(folder, d), p), d, exclude))
            for name in sorted(files):
                if name.startswith("."):
                    continue
                full = os.path.join(folder, name)
                rel = os.path.relpath(full, p)
                if _matches(rel, name, include) and not _excluded(rel, name, exclude):
                    out.append(Input(full, p))
    return out


def _matches(rel: str, name: str, globs) -> bool:
    return any(fnmatch.fnmatch(name, g) or fnmatch.fnmatch(rel, g) for g in globs)


def _excluded(rel: str, name: str, globs) -> bool:
    return bool(globs) and _matches(rel, name, globs)


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
