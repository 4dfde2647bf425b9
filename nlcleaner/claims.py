"""A claim: what one rule says about the current text, before decide.py settles who removes what."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Claim:
    first: int  # line indices, 0-based inclusive
    last: int
    rule: str
    strong: bool
    span: tuple[int, int] | None = None  # code points within the line (scope = "span")
