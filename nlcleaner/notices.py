"""What the library has to say while it works, for whoever listens: a step that runs once and takes long (compiling
the gate's database, about a minute the first time) is worth a word before the silence. The library itself never
prints; the command line listens and writes each notice as a line on stderr (not with --quiet).

Not `logging`: importing it would add ~5 ms to every start of the command line, a tenth of what start-up may add to
a bare typer app (issue #7)."""

from __future__ import annotations

from typing import Callable

_LISTENERS: list[Callable[[str], None]] = []


def listen(listener: Callable[[str], None]) -> None:
    """Have `listener(text)` called with every notice from now on (once, however often it is asked for)."""
    if listener not in _LISTENERS:
        _LISTENERS.append(listener)


def forget(listener: Callable[[str], None]) -> None:
    """Stop calling `listener`."""
    if listener in _LISTENERS:
        _LISTENERS.remove(listener)


def notice(text: str) -> None:
    """Tell every listener `text` (one line, no trailing full stop)."""
    for listener in tuple(_LISTENERS):
        listener(text)
