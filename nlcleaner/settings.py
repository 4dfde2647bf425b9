"""Engine settings: what a Cleaner is built from. Files and flags are resolved into this by config.py / the CLI."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace

DEFAULT_GUARD = 0.6
DEFAULT_TAIL_ZONE = 0.35
DEFAULT_HEAD_ZONE = 0.2


@dataclass(frozen=True)
class Settings:
    select: tuple[str, ...] | None = None  # rule-id prefixes; None = every rule
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()  # extra pack files (user packs: patterns run under a timeout)
    builtin: bool = True  # load the packs shipped with nlcleaner
    languages: tuple[str, ...] | None = None  # None = rules of every language
    guard: float = DEFAULT_GUARD
    tail_zone: float = DEFAULT_TAIL_ZONE
    head_zone: float = DEFAULT_HEAD_ZONE
    strict: bool = False  # a timed-out user pattern is an error instead of a flag

    def replace(self, **changes) -> "Settings":
        return replace(self, **changes)

    def to_dict(self) -> dict:
        data = asdict(self)
        return {k.replace("_", "-"): (list(v) if isinstance(v, tuple) else v) for k, v in data.items()}
