"""Learning a publisher's furniture from a corpus: lines that recur across many documents of one source, proposed
as a reviewable rule pack (category `learned`, each rule scoped to its source).

    from nlcleaner.learn import LearnOptions, learn
    result = learn(["corpus.jsonl"], LearnOptions(read=ReadOptions(source_field="url")))
    Path("learned.toml").write_text(result.pack)

The same corpus in any order, with any number of jobs, gives the same pack byte for byte.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass

from ..rules.examples import check_rule
from .choose import Finding, choose
from .core import Corpus, LearnOptions, count
from .inputs import ReadOptions
from .write import render

__all__ = ["Finding", "LearnOptions", "LearnResult", "ReadOptions", "learn", "check_pack"]

# the thresholds a pack records (kebab-case, as the flags)
_RECORDED = ("min_docs", "min_share", "body_min_share", "short_chars", "short_min_share", "zone_share", "tail_zone",
             "head_zone", "min_letters", "max_chars", "max_rules")


@dataclass
class LearnResult:
    pack: str  # the TOML text
    findings: list[Finding]
    corpus: Corpus
    dropped: list[str]  # rule ids left out because their examples did not pass

    def sources(self) -> list[str]:
        return sorted(self.corpus.groups)


def learn(paths, options: LearnOptions | None = None, *, name: str = "learned", skip_known: bool = False,
          known_by=None) -> LearnResult:
    """Count, choose, write and check. Findings that the Cleaner `known_by` (by default one with the built-in packs)
    already removes in every example are noted in the pack, or left out with `skip_known`."""
    options = options or LearnOptions()
    corpus = count(paths, options)
    findings = choose(corpus.groups, options)
    mark_known(findings, known_by)
    if skip_known:
        findings = _renumber([f for f in findings if not f.known])
    settings = {k.replace("_", "-"): getattr(options, k) for k in _RECORDED}
    text = render(findings, name=name, settings=settings)
    failures = check_pack(text)
    dropped: list[str] = []
    if failures:
        # keep only examples that pass; a rule left without one is dropped (it could not be shown to work)
        bad = {(f.rule, f.index) for f in failures if f.which == "remove"}
        kept = []
        for f in findings:
            f.examples = [e for i, e in enumerate(f.examples) if (f.id, i) not in bad]
            if f.examples:
                kept.append(f)
            else:
                dropped.append(f.id)
        findings = _renumber(kept)
        text = render(findings, name=name, settings=settings)
    return LearnResult(text, findings, corpus, dropped)


def _renumber(findings: list[Finding]) -> list[Finding]:
    """Number each source's rules 1, 2, 3 ... again after some were left out."""
    seen: dict[str, int] = {}
    for f in findings:
        base = f.id.rsplit("-", 1)[0]
        seen[base] = seen.get(base, 0) + 1
        f.id = f"{base}-{seen[base]}"
    return findings


def mark_known(findings: list[Finding], cleaner=None) -> None:
    """Set `known` on findings whose marked lines a Cleaner (by default the built-in packs) removes in every example."""
    from ..errors import NLCleanerError
    from ..rules.examples import split_marked

    if not findings:
        return
    if cleaner is None:
        from ..engine import Cleaner

        try:
            cleaner = Cleaner()
        except NLCleanerError:
            return  # a broken built-in pack: nothing to compare with
    for f in findings:
        rules: set[str] = set()
        for example in f.examples:
            doc, _ = split_marked(example)
            marked = {i + 1 for i, line in enumerate(example.split("\n")) if line == "~~" or line.startswith("~~ ")}
            covered = set()
            for r in cleaner.clean(doc, source=f.group or None).removals:
                hit = marked & set(range(r.start_line, r.end_line + 1))
                if hit:
                    covered |= hit
                    rules.add(r.rule)
            if covered != marked:
                break
        else:
            f.known = tuple(sorted(rules))


def check_pack(text: str) -> list:
    """Load a pack's text through the one loader and run every rule's examples against the rule alone."""
    from ..engine import Cleaner
    from ..settings import Settings

    fd, path = tempfile.mkstemp(suffix=".toml", prefix="nlcleaner-learned-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        cleaner = Cleaner(Settings(builtin=False, rules=(path,)))
        failures = []
        for rule in cleaner.all_rules:
            failures += check_rule(rule, cleaner.restricted([rule.id]))
        return failures
    finally:
        os.unlink(path)
