"""nlcleaner: remove publisher furniture from article text, keep every word of the article, report what went.

    >>> import nlcleaner
    >>> result = nlcleaner.clean(text)          # built-in packs, default settings
    >>> result.text, result.removals            # cleaned text and the removal records

A `Cleaner` is compiled once from packs and settings and reused; the library never prints or exits.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

__version__ = "0.1.0"

from .errors import ConfigError, InputError, NLCleanerError, PackError  # noqa: E402
from .records import Removal, apply_removals  # noqa: E402
from .settings import Settings  # noqa: E402

if TYPE_CHECKING:  # pragma: no cover
    from .engine import Cleaner, CleanResult

_LAZY = {"Cleaner", "CleanResult"}


def __getattr__(name: str):
    # the engine (regex, the prefilter, pack loading) is imported on first use, so that `import nlcleaner` and the
    # command line start fast and a Ctrl-C during start-up is still caught by the CLI
    if name in _LAZY:
        from . import engine

        return getattr(engine, name)
    raise AttributeError(f"module 'nlcleaner' has no attribute {name!r}")


@lru_cache(maxsize=8)
def _cleaner(settings: Settings) -> "Cleaner":
    from .engine import Cleaner

    return Cleaner(settings)


def clean(text: str, *, source: str | None = None, settings: Settings | None = None, **overrides) -> "CleanResult":
    """Clean one document with the built-in packs (or `settings` / keyword overrides such as select=("donation",))."""
    settings = settings or Settings()
    if overrides:
        overrides = {k: tuple(v) if isinstance(v, list) else v for k, v in overrides.items()}
        settings = settings.replace(**overrides)
    return _cleaner(settings).clean(text, source)


__all__ = [
    "Cleaner", "CleanResult", "ConfigError", "InputError", "NLCleanerError", "PackError", "Removal", "Settings",
    "__version__", "apply_removals", "clean",
]
