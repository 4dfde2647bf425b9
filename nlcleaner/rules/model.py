"""What a rule is once its pack has been read and checked."""

from __future__ import annotations

from dataclasses import dataclass, field

CATEGORIES = (
    "donation", "newsletter", "paywall", "app", "social", "copyright", "republish", "related",
    "comments", "cookie", "ad", "bio", "navigation", "promo", "learned",
)
KINDS = ("phrase", "pattern", "region", "cut", "scored")
POSITIONS = ("anywhere", "head", "tail")


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    why: str
    pack: str
    path: str  # the pack file it came from
    position: str = "anywhere"
    within_last: int | None = None  # only the last N non-blank lines (author bios, tag lines)
    languages: tuple[str, ...] = ()
    publishers: tuple[str, ...] = ()
    source: str | None = None
    strong: bool = True  # explicit evidence, exempt from the guard
    user: bool = False  # from a user pack: its patterns run under a timeout
    spec: dict = field(default_factory=dict, compare=False, hash=False)  # the kind's own keys, checked
    examples_remove: tuple[str, ...] = ()
    examples_keep: tuple[str, ...] = ()

    @property
    def category(self) -> str:
        return self.id.split(".", 1)[0]


@dataclass(frozen=True)
class Pack:
    name: str
    description: str
    path: str
    rules: tuple[Rule, ...]
    digest: str  # sha256 of the file's bytes


def selected(rule_id: str, select, ignore, extend_select=()) -> bool:
    """Selection by id prefix, as ruff does it: --select donation,newsletter --ignore copyright.notice."""
    chosen = select is None or any(rule_id.startswith(p) for p in select) or any(
        rule_id.startswith(p) for p in extend_select
    )
    return chosen and not any(rule_id.startswith(p) for p in ignore)
