"""The progress bar: documents, MB, MB/s and ETA on stderr, only when stderr is a terminal (rich, imported
lazily so that a quiet or piped run never pays for it)."""

from __future__ import annotations

import sys


class ProgressBar:
    def __init__(self, total_bytes: int, *, enabled: bool = True, stream=None, color: str = "auto"):
        stream = stream if stream is not None else sys.stderr
        self.color = color
        self.enabled = bool(enabled) and hasattr(stream, "isatty") and stream.isatty()
        self.total = total_bytes or None
        self.stream = stream
        self._progress = None
        self._task = None
        self.docs = 0

    def __enter__(self):
        if not self.enabled:
            return self
        from rich.progress import (
            BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn, TransferSpeedColumn,
        )

        from ..render import console

        self._progress = Progress(
            TextColumn("{task.fields[docs]:>10,} docs"), BarColumn(), DownloadColumn(), TransferSpeedColumn(),
            TimeRemainingColumn(), console=console(self.stream, self.color), transient=True,
        )
        self._progress.start()
        self._task = self._progress.add_task("clean", total=self.total, docs=0)
        return self

    def advance(self, docs: int, nbytes: int) -> None:
        self.docs += docs
        if self._progress is not None:
            self._progress.update(self._task, advance=nbytes, docs=self.docs)

    def __exit__(self, *exc):
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
        return False
