"""Running a rule's own examples: the tests run every built-in rule's, `nlcleaner rules test FILE` runs a user pack's."""

from __future__ import annotations

from dataclasses import dataclass

MARK = "~~"


@dataclass(frozen=True)
class ExampleFailure:
    rule: str
    which: str  # "remove" or "keep"
    index: int
    message: str

    def __str__(self) -> str:
        return f"{self.rule}: examples.{self.which}[{self.index}]: {self.message}"


def split_marked(example: str) -> tuple[str, list[str]]:
    """The document an example stands for, and the non-blank lines that must remain after cleaning."""
    doc_lines, kept, marked = [], [], False
    for line in example.split("\n"):
        if line == MARK or line.startswith(MARK + " "):
            marked = True
            doc_lines.append(line[len(MARK) + 1:])
        else:
            doc_lines.append(line)
            kept.append(line)
    if not marked:
        kept = []
    return "\n".join(doc_lines), [x for x in kept if x.strip()]


def check_rule(rule, alone, everything=None) -> list[ExampleFailure]:
    """`alone` cleans with this rule only; `everything` (optional) with all packs, for keep examples. A rule scoped
    to a source sees its examples as documents of that source."""
    failures = []
    for i, example in enumerate(rule.examples_remove):
        doc, expected = split_marked(example)
        got = [x for x in alone.clean(doc, source=rule.source).text.split("\n") if x.strip()]
        if got != expected:
            failures.append(ExampleFailure(rule.id, "remove", i, _diff(expected, got)))
    for i, example in enumerate(rule.examples_keep):
        for label, cleaner in (("the rule", alone), ("all packs", everything)):
            if cleaner is None:
                continue
            result = cleaner.clean(example, source=rule.source)
            if result.removals:
                r = result.removals[0]
                failures.append(
                    ExampleFailure(rule.id, "keep", i, f"{label} removed line {r.start_line} ({r.rule}): {r.text.strip()[:80]!r}")
                )
    return failures


def _diff(expected: list[str], got: list[str]) -> str:
    missing = [x for x in expected if x not in got]
    if missing:
        return f"removed a line it must keep: {missing[0][:80]!r}"
    extra = [x for x in got if x not in expected]
    if extra:
        return f"left a line it must remove: {extra[0][:80]!r}"
    return "lines came out in a different order"
