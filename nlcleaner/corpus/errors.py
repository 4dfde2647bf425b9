"""Errors of corpus mode. UsageError is exit 2 for the CLI; Interrupted carries what a Ctrl-C left behind."""

from __future__ import annotations

from ..errors import NLCleanerError


class UsageError(NLCleanerError):
    """Inputs and destinations that cannot work together (checked before anything is written)."""


class MissingExtraError(NLCleanerError):
    """A format whose optional library is not installed."""

    def __init__(self, module: str, extra: str, what: str):
        super().__init__(f"{what} needs the '{module}' package: pip install 'nlcleaner[{extra}]'")


class Interrupted(KeyboardInterrupt):
    """Ctrl-C during a batch run. The output holds only complete records; `stats` counts what was done and
    `where` says where the run stopped (an input and a record index)."""

    def __init__(self, stats, where: str):
        super().__init__(where)
        self.stats, self.where = stats, where
