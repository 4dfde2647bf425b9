"""`scored`: weighted signals over a block of lines — appeals from publishers no rule names.

Each line is tested against every positive signal (signals see the whole line however long it is, unless the signal
sets `max_chars`); signals that count against are tested only on lines a positive signal holds. A line's weight is
the sum of the weights of the signals it fires (negative ones included).

- A *signal line* weighs at least `min_line_weight`; a *weak line* weighs more than 0 but less.
- A block is a run of signal lines. Blank lines never break it; between two signal lines at most two short lines
  (at most `bridge_chars`, with or without signals) may stand, or one line at most twice as long when the signal
  line after it is short (a box's one-line description between its heading and its form's field or button:
  "Every morning, the day's news in five minutes." over "Your e-mail").
- After its last signal line a block takes at most two more short lines, and only weak ones (a "Learn more" or
  "Maybe later" button carries a small signal; a short heading of the next section carries none).
- Before its first line a block takes one short line that is weak, or ends like a salutation, a label or a lead-in
  ("Dear readers,", "Fact:", "Before you go...").
- A block is claimed, as weak evidence, when the distinct signals in it weigh at least `threshold`, at least
  `min_signals` distinct positive signals fired, and it has at most `max_lines` non-blank lines. A block that is one
  single line longer than 300 characters is a paragraph of prose until proven otherwise: it needs twice the threshold.
- A signal marked `describes` tells about the publication (its funding model, its prices, that it has no paywall)
  rather than speaking to the reader; a block whose positive signals all describe is an article about such things
  (an interview with an editor about reader funding), and is not claimed.
- Signals of weight 0 add nothing to a block; they describe the publication speaking of itself. One whose pattern
  has a group named `name` says how the rule's calls to action name the publication ("Subscribe to the Daily
  Planet", "X abonnieren"); the others mark a line as the publication's own voice ("our newsroom", press freedom).
- A claimed block that names its publication so and holds a short button line may take, above it, up to three short
  paragraphs of the box's own story, but only when a short exclamatory heading ("Stand with us!") closes them off
  from above, at least one of them names the publication as the call to action does (with a capital letter), every
  one of them does so or fires a positive or weight-0 signal of the rule, and none of them, nor the heading, fires a
  signal that counts against (reported speech).
"""

from __future__ import annotations

import math

import regex

from ..claims import Claim
from ..shapes import CLOSING_MARKS, byline, gives_an_order, narrates, nearest_nonblank, without_short_quotes
from .line_match import LineMatcher

_MAX_BRIDGE_LINES = 2
_MAX_TRAILING_LINES = 2
_SIGNAL_MAX_CHARS = 100_000
_SOLO_LONG_CHARS = 300
# the heading-closed lead-in: at most this many paragraphs, each at most this long, under a heading at most this long
_LEAD_PARAGRAPHS = 3
_LEAD_PARAGRAPH_CHARS = 450
_HEADING_CHARS = 50
_HEADING_WORDS = 6
_NAME_MIN_CHARS = 3
# a narrating lead this long is a paragraph of the story, whatever words of the rule it uses: a box's lines are short
_NARRATION_PARAGRAPH_CHARS = 200


# a byline stands in the document's head zone or, in a short document, among its first lines
_STORY_HEAD_LINES = 6


def _story_head_end(rnd) -> int:
    return max(rnd.head_end, _STORY_HEAD_LINES)


class ScoredKind:
    def __init__(self, rule):
        self.rule = rule
        spec = rule.spec
        self.signals = []
        # weight-0 signals weigh nothing and never form a block: those with a group named `name` say how a call to
        # action names the publication (namers), the others mark the publication speaking of itself (own voice);
        # both serve only the heading-closed lead-in
        self.namers, self.own_voice = [], []
        self.describing: set[int] = set()  # (indices into self.signals of those marked `describes`)
        for s in spec["signals"]:
            line = dict(s["line"])
            line["max_chars"] = line.get("max_chars") or _SIGNAL_MAX_CHARS
            matcher = LineMatcher(line, rule.id, rule.user)
            if s["weight"] == 0:
                named = matcher.pattern is not None and "(?P<name>" in matcher.pattern  # (not compiled here)
                (self.namers if named else self.own_voice).append(matcher)
                continue
            self.signals.append((s["name"], s["weight"], matcher))
            if s.get("describes"):
                self.describing.add(len(self.signals) - 1)
        # the prefilter needs only the positive signals: one that counts against is tested directly, on the lines a
        # positive signal holds (see detect), never looked up by keys or judged by the gate (a miss there would
        # remove a block that reported speech should have kept)
        self.matchers = [m for _, weight, m in self.signals if weight > 0]
        # a claim needs at least one positive signal: one of these must match before the kind can claim anything
        self.required = [m for _, weight, m in self.signals if weight > 0] or None
        self.threshold = spec["threshold"]
        self.min_signals = spec["min_signals"]
        self.min_line_weight = spec["min_line_weight"]
        self.max_lines = spec["max_lines"]
        self.bridge_chars = spec["bridge_chars"]

    def _short(self, rnd, i: int) -> bool:
        return len(rnd.raw(i).strip()) <= self.bridge_chars

    def detect(self, rnd) -> list[Claim]:
        zone = rnd.rule_zone(self.rule)
        positive = [(k, matcher) for k, (_, weight, matcher) in enumerate(self.signals) if weight > 0]
        # a signal matches only lines the prefilter names for it, and of those the lines that talk about furniture
        # (below) only take signals away: when nothing can be claimed with every signal so named, or with every
        # signal that matches, neither the confirmations nor the test of each line (a few neighbours read) are
        # worth making
        if not self.rule.user and self._cannot_claim({k for k, matcher in positive if rnd.may_match(matcher)}):
            return []
        found = [(k, matcher, rnd.matched(matcher, zone)) for k, matcher in positive]
        if not self.rule.user and self._cannot_claim({k for k, _, lines in found if lines}):
            return []
        fired: dict[int, set[int]] = {}
        talk: set[int] = set()
        for k, matcher, lines in found:
            for i in rnd.kept(matcher, lines, talk):
                fired.setdefault(i, set()).add(k)
        # a line that talks about furniture fires no signal of its own, but what counts against on it (reported
        # speech) still weighs against a block around it, as it did before it was told apart
        for i in talk.difference(fired):
            fired[i] = set()
        # a block weighs at most what the distinct positive signals fired in the zone weigh (those that count against
        # only take away): clearly below the threshold, or with fewer of them than a claim needs, nothing can be
        # claimed, and the rest is not worth doing (in most documents, a word or two of the rule's vocabulary in the
        # story). Not for a user's rule: a signal of it that counts against could run out of time, which is reported
        if not self.rule.user and self._cannot_claim(set().union(*fired.values())):
            return []
        # signals that count against are only worth testing on lines some positive signal already holds, and there
        # only with the alternatives whose anchors the line holds (a full search of one of their long alternations
        # costs ~30 µs a line)
        held = sorted(fired)
        for k, (_, weight, matcher) in enumerate(self.signals):
            if weight <= 0:
                for i in held:
                    if matcher.match_by_anchors(rnd.view(i)):
                        fired[i].add(k)
        weight_of = {i: sum(self.signals[k][1] for k in ks) for i, ks in fired.items()}
        lines = sorted(i for i, w in weight_of.items() if w >= self.min_line_weight)
        weak = {i for i, w in weight_of.items() if 0 < w < self.min_line_weight}
        claims = []
        for first, last in self._blocks(rnd, lines, weak):
            first = self._without_narrating_lead(rnd, first, last, fired, weight_of)
            block = set()
            for i in range(first, last + 1):
                block |= fired.get(i, set())
            weight = sum(self.signals[k][1] for k in block)
            positive = sum(1 for k in block if self.signals[k][1] > 0)
            body = [i for i in range(first, last + 1) if not rnd.blank(i)]
            threshold = self.threshold
            if len(body) == 1 and len(rnd.raw(body[0]).strip()) > _SOLO_LONG_CHARS:
                threshold = 2 * self.threshold
            speaks = any(self.signals[k][1] > 0 and k not in self.describing for k in block)
            if (weight >= threshold and positive >= self.min_signals and speaks and len(body) <= self.max_lines
                    and not self._the_storys_own(rnd, body)):
                if self.namers:
                    first = self._heading_lead_in(rnd, first, body, fired, weight_of)
                claims.append(Claim(first, last, self.rule.id, False))
        return claims

    @staticmethod
    def _the_storys_own(rnd, body: list[int]) -> bool:
        """Whether a block's lines are the story's rather than a box's: they stand right over its byline in the
        document's head (its headline and standfirst: "15 newsletters every designer should subscribe to" over "By
        Camille Durand · 7 min read"), or every one of them is a sentence the writer narrates, its short quotes aside
        ("Readers who sign up are asked for their postcode ...": a box speaks to "you", as "we", or in a short
        order)."""
        after = nearest_nonblank(rnd, body[-1], 1)
        head = _story_head_end(rnd)
        if after is not None and (after < head and byline(rnd, after)
                                  or rnd.head_seam_between(body[-1], min(after, head))):
            return True
        for i in body:
            text = without_short_quotes(rnd.view(i).norm)
            if not narrates(text) or gives_an_order(text):
                return False
        return True

    def _without_narrating_lead(self, rnd, first: int, last: int, fired, weight_of) -> int:
        """The block's first line, or the next when the first is the story's last sentence that one word of the
        rule's vocabulary joined to the box under it ("Some outlets are also experimenting with Telegram and with
        email newsletters, ..." over "Subscribe to our newsletter"): a paragraph of its own (a blank line after it;
        a box's description stands right over its button) that narrates (`shapes.narrates`), holds one signal
        strong enough for a signal line (small ones beside it, "weekly", do not make it a box's; a paragraph longer
        than _NARRATION_PARAGRAPH_CHARS may hold several: "Two years ago I moved my blog's mailing list to a proper
        newsletter platform ... the little bits of text around the sign-up box ..."), and has another signal line
        after it in the block."""
        if weight_of.get(first, 0) < self.min_line_weight or first >= last or not rnd.blank(first + 1):
            return first
        strong = sum(1 for k in fired.get(first, ()) if self.signals[k][1] >= self.min_line_weight)
        if strong == 0 or strong > 1 and len(rnd.raw(first).strip()) <= _NARRATION_PARAGRAPH_CHARS:
            return first
        after = range(first + 1, last + 1)
        if not any(weight_of.get(i, 0) >= self.min_line_weight for i in after) or not narrates(rnd.view(first).norm):
            return first
        return next(i for i in after if not rnd.blank(i))

    def _cannot_claim(self, positive: set[int]) -> bool:
        """Whether no block can reach the threshold with these positive signals (by their indices) at most: fewer
        of them than `min_signals`, none that speaks to the reader (all `describes`), or their weights' sum below the
        threshold by more than the rounding that adding fractional weights in another order (a block adds its signals
        in a set's order) could make up."""
        if len(positive) < self.min_signals or positive <= self.describing:
            return True
        weights = [self.signals[k][1] for k in positive]
        return math.fsum(weights) + 1e-9 * (1 + sum(map(abs, weights))) < self.threshold

    # --- the heading-closed lead-in ---------------------------------------------------------------------------

    def _heading_lead_in(self, rnd, first: int, body: list[int], fired, weight_of) -> int:
        """The block's new first line: a box heading above up to three paragraphs of the box's own story, or
        `first` unchanged. See the module's docstring for the conditions."""
        if not any(weight_of.get(i, 0) >= self.min_line_weight and self._short(rnd, i) for i in body):
            return first  # no call-to-action button in the block
        names = self._names(rnd, body)
        if not names:
            return first
        paragraphs = []
        i = nearest_nonblank(rnd, first, -1)
        while i is not None and not (paragraphs and self._box_heading(rnd, i)):
            if len(paragraphs) == _LEAD_PARAGRAPHS or not self._box_paragraph(rnd, i):
                return first
            paragraphs.append(i)
            i = nearest_nonblank(rnd, i, -1)
        if i is None or self._counts_against(rnd, i):
            return first
        named = 0
        for p in paragraphs:
            if self._counts_against(rnd, p):
                return first
            has_name = self._names_publication(rnd, p, names)
            named += has_name
            if not has_name and not any(self.signals[k][1] > 0 for k in fired.get(p, ())):
                view = rnd.view(p)
                if not any(m.match(view) for m in self.own_voice):
                    return first
        return i if named else first

    def _names(self, rnd, body: list[int]) -> set[str]:
        found = set()
        for i in body:
            text = rnd.view(i).norm
            for matcher in self.namers:
                for m in matcher.regex.finditer(text):
                    name = (m.group("name") or "").strip(" '.-")
                    if len(name) >= _NAME_MIN_CHARS and any(c.isalpha() for c in name):
                        found.add(name)
        return found

    @staticmethod
    def _names_publication(rnd, i: int, names: set[str]) -> bool:
        """The paragraph names the publication as the block's call to action does, written as a name (with a
        capital letter somewhere: "the daily planet" in lower case is a phrase, not a masthead)."""
        raw = rnd.raw(i)
        for name in names:
            words = regex.split(r"[\s]+", name)
            pattern = r"(?<!\w)" + r"[\s\-]+".join(regex.escape(w) for w in words) + r"(?!\w)"
            for m in regex.finditer(pattern, raw, regex.IGNORECASE | regex.V1):
                if any(c.isupper() for c in m.group()):
                    return True
        return False

    def _box_heading(self, rnd, i: int) -> bool:
        """A short exclamatory line of a few words and no other sentence in it ("Stand with us!", "Solidarity now!")."""
        text = rnd.view(i).norm.rstrip()
        if not text.endswith("!") or len(text) > _HEADING_CHARS or len(text.split()) > _HEADING_WORDS:
            return False
        inner = text.rstrip("!")
        return not regex.search(r"[.!?;:]\s", inner + " ") and not inner.endswith(("?", ".", ","))

    def _box_paragraph(self, rnd, i: int) -> bool:
        """A short paragraph of prose: a line that ends a sentence (not a heading, a list item or a caption)."""
        raw = rnd.raw(i).strip()
        if not self.bridge_chars < len(raw) <= _LEAD_PARAGRAPH_CHARS:
            return False
        return raw.rstrip(CLOSING_MARKS).endswith((".", "!", "?", "…"))

    def _counts_against(self, rnd, i: int) -> bool:
        view = rnd.view(i)
        return any(weight < 0 and matcher.match(view) for _, weight, matcher in self.signals)

    def _blocks(self, rnd, lines: list[int], weak: set[int]):
        blocks: list[list[int]] = []
        for i in lines:
            if blocks and self._bridgeable(rnd, blocks[-1][1] + 1, i):
                blocks[-1][1] = i
            else:
                blocks.append([i, i])
        for block in blocks:
            block[1] = self._extend_after(rnd, block[1], weak)
            before = nearest_nonblank(rnd, block[0], -1)
            if before is not None and self._short(rnd, before) and (
                before in weak or rnd.raw(before).rstrip().endswith((":", ",", "...", "…"))
            ):
                block[0] = before
        return blocks

    def _bridgeable(self, rnd, a: int, b: int) -> bool:
        """Lines a..b-1 may join two signal lines: only blanks and at most two short lines, or, when line b is
        short, one line at most twice as long as a short one; never a byline in the document's head."""
        gap = []
        for i in range(a, b):  # (stops at the third line: signal lines may be a whole document apart)
            if not rnd.blank(i):
                gap.append(i)
                if len(gap) > _MAX_BRIDGE_LINES:
                    return False
        # (no box holds a story's byline, present or removed: what stands above it is the story's head)
        head = _story_head_end(rnd)
        if any(i < head and byline(rnd, i) for i in gap) or rnd.head_seam_between(a - 1, min(b, head)):
            return False
        if len(gap) == 1 and self._short(rnd, b):  # (a description over a form's short field or button line)
            return len(rnd.raw(gap[0]).strip()) <= 2 * self.bridge_chars
        return all(self._short(rnd, i) for i in gap)  # (at most _MAX_BRIDGE_LINES of them: counted above)

    def _extend_after(self, rnd, last: int, weak: set[int]) -> int:
        taken, i = 0, last + 1
        while i < rnd.n and taken < _MAX_TRAILING_LINES:
            if rnd.blank(i):
                i += 1
                continue
            if i not in weak or not self._short(rnd, i):
                break
            last, taken, i = i, taken + 1, i + 1
        return last
