"""Counting a run: documents read / changed / flagged / failed / dropped, characters removed, per rule and category.
One Stats feeds the summary table, the report's totals and the HTML report; stats from workers merge."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .outcome import DocOutcome


@dataclass
class Stats:
    documents: int = 0
    changed: int = 0
    flagged: int = 0
    failed: int = 0
    dropped: int = 0
    chars_read: int = 0
    chars_removed: int = 0
    rules: Counter = field(default_factory=Counter)  # removals per rule
    categories: Counter = field(default_factory=Counter)  # removals per category
    rule_chars: Counter = field(default_factory=Counter)  # code points removed per rule

    def add(self, outcome: DocOutcome) -> None:
        self.documents += 1
        self.chars_read += outcome.chars
        if outcome.failed:
            self.failed += 1
            return
        if outcome.dropped:
            self.dropped += 1
        result = outcome.result
        if result is None:
            return
        if result.changed:
            self.changed += 1
        if result.flags:
            self.flagged += 1
        for r in result.removals:
            n = r.end - r.start
            self.chars_removed += n
            self.rules[r.rule] += 1
            self.categories[r.category] += 1
            self.rule_chars[r.rule] += n

    def merge(self, other: "Stats") -> None:
        for name in ("documents", "changed", "flagged", "failed", "dropped", "chars_read", "chars_removed"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.rules.update(other.rules)
        self.categories.update(other.categories)
        self.rule_chars.update(other.rule_chars)

    def to_dict(self) -> dict:
        return {
            "documents": self.documents, "changed": self.changed, "flagged": self.flagged, "failed": self.failed,
            "dropped": self.dropped, "chars_read": self.chars_read, "chars_removed": self.chars_removed,
            "rules": dict(sorted(self.rules.items())), "categories": dict(sorted(self.categories.items())),
        }
