"""`--color never` writes no style codes at all (review, helper-37: the progress bar kept its colours and the
summary, `explain` and `rules` their bold); NO_COLOR takes the colours away only."""

from __future__ import annotations

import io
import re

from nlcleaner.corpus.progress import ProgressBar
from nlcleaner.corpus.summary import print_summary
from nlcleaner.render import console
from nlcleaner.stats import Stats

STYLE = re.compile(r"\x1b\[[0-9;]*m")  # select-graphic-rendition codes: colour, bold, underline


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_console_for_never_writes_no_style_and_one_for_always_does():
    for color, styled in (("never", False), ("always", True)):
        out = Terminal()
        console(out, color).print("[bold red]Removed[/] 3 lines")
        assert bool(STYLE.search(out.getvalue())) is styled, color
        assert "Removed 3 lines" in STYLE.sub("", out.getvalue())


def test_no_color_keeps_bold_and_drops_colour(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    out = Terminal()
    console(out, "auto").print("[bold red]Removed[/]")
    codes = STYLE.findall(out.getvalue())
    assert codes and not any(re.search(r"\b3[0-9]\b|\b9[0-7]\b", c) for c in codes)


def test_the_summary_and_the_progress_bar_for_never():
    out = Terminal()
    print_summary(Stats(), file=out, color="never")
    assert out.getvalue().strip() and not STYLE.search(out.getvalue())
    out = Terminal()
    with ProgressBar(1000, stream=out, color="never") as bar:
        bar.advance(1, 500)
    assert not STYLE.search(out.getvalue())
    out = Terminal()
    with ProgressBar(1000, stream=out, color="always") as bar:
        bar.advance(1, 500)
    assert STYLE.search(out.getvalue())
