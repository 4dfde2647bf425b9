"""Writing cleaned files back in place: `clean --write` and `fix` (the pre-commit fixer) share this loop."""

from __future__ import annotations

from dataclasses import replace

from .app import error, say
from .inputs import Input
from .session import Session


def write_in_place(session: Session, files: list[Input], source=None, *, tell: bool = False) -> int:
    """Clean each file and write the changed ones atomically; return how many changed. With `tell`, name each fixed
    file and its removals on stderr (pre-commit shows that when the hook fails). A file that cannot be written is
    an input error; the others are still fixed."""
    from ..io.atomic import write_atomic

    changed = 0
    for inp in files:
        data, out, _, outcome = session.clean(inp, source)
        if outcome is None:
            continue
        if out is not data:
            try:
                write_atomic(inp.path, out)
            except OSError as exc:
                why = exc.strerror or str(exc)
                error(f"{inp.path}: {why}")
                session.input_errors += 1
                # (the file is as it was: a failed document in the summary and the report, not a changed one)
                session.record(replace(outcome, result=None, error=f"cannot write: {why}"))
                continue
            changed += 1
            if tell and not session.quiet:
                _tell_fixed(inp.path, outcome.result)
        session.record(outcome)
    return changed


def _tell_fixed(path: str, result) -> None:
    rules = ", ".join(dict.fromkeys(r.rule for r in result.removals))
    n = len(result.removals)
    say(f"fixed {path}: {n} removal{'s' if n != 1 else ''} ({rules})")
