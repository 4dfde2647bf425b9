"""Rule kinds: the few pieces of Python that rules (data) are made of. Each kind compiles a Rule into an object with
`matchers` (for the prefilter) and `detect(round) -> list[Claim]`."""

from __future__ import annotations

from ..rules.model import Rule
from .cut import CutKind
from .line import LineKind
from .line_match import LineMatcher, PatternTimeout
from .region import RegionKind
from .scored import ScoredKind

_KINDS = {"phrase": LineKind, "pattern": LineKind, "region": RegionKind, "cut": CutKind, "scored": ScoredKind}


def compile_rule(rule: Rule):
    return _KINDS[rule.kind](rule)


__all__ = ["LineMatcher", "PatternTimeout", "compile_rule"]
