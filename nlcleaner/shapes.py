"""What a line looks like: a sentence of prose, or a short line that may be a headline or a piece of furniture.

One test, used where a decision depends on it: the context passes of `decide` (a headline list under a related
heading, short lines between two removals) and a paragraph-scoped rule (`kinds.line`, whose heading takes its block
only when the block holds no prose)."""

from __future__ import annotations

import regex

# a headline under a related-content heading is at most this long
HEADLINE_MAX_CHARS = 100
_PROSE_END = regex.compile(r"[.!?…][\"'”’)\]]*$")


def reads_as_prose(text: str) -> bool:
    """A sentence: it ends as one, with at least four words."""
    return _PROSE_END.search(text) is not None and len(text.split()) >= 4


def headline_looking(rnd, i: int) -> bool:
    """Whether line i of a round may be a headline: short, and not a sentence. Judged on the normalised view:
    Markdown emphasis and link targets aside, "**Pin this.**" ends like prose."""
    text = rnd.view(i).norm
    return len(text) <= HEADLINE_MAX_CHARS and not reads_as_prose(text)
