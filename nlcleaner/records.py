"""The removal record: the one schema shared by reports, --annotate, the DataTrove step and Dolma attributes."""

from __future__ import annotations

from dataclasses import dataclass

FIELDS = ("rule", "category", "start_line", "end_line", "start", "end", "text")


@dataclass(frozen=True, slots=True)
class Removal:
    """One deleted span of the input: lines are 1-based inclusive, offsets are code points, end-exclusive."""

    rule: str
    category: str
    start_line: int
    end_line: int
    start: int
    end: int
    text: str

    def to_dict(self) -> dict:
        return {name: getattr(self, name) for name in FIELDS}

    @classmethod
    def from_dict(cls, data: dict) -> "Removal":
        return cls(**{name: data[name] for name in FIELDS})


def _span(r) -> tuple[int, int]:
    if isinstance(r, dict):  # a removal as a report, --annotate or a Dolma attributes file writes it
        return r["start"], r["end"]
    return r.start, r.end


def apply_removals(text: str, removals) -> str:
    """Delete the removals' [start, end) spans from text: replaying a report reproduces the cleaned output.
    `removals` may be Removal objects or the dicts a report holds."""
    out, pos = [], 0
    for start, end in sorted(map(_span, removals)):
        out.append(text[pos:start])
        pos = end
    out.append(text[pos:])
    return "".join(out)
