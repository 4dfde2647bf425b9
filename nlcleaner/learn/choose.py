"""From counted candidates to findings: which recurring lines are a source's furniture, and the rule for each."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..kinds.line_match import LineMatcher, LineView
from ..rules.examples import MARK
from .count import HEAD, TAIL, Group, Item, h64

PARAGRAPH_JOIN = " / "  # as core.PARAGRAPH_JOIN

# headings that recur because articles share a structure, not because a publisher adds them: never proposed
# (written as their folded keys: lower case, words separated by one space)
STRUCTURE = frozenset((
    "introduction", "conclusion", "conclusions", "in conclusion", "summary", "overview", "background",
    "methodology", "methods", "results", "discussion", "pros", "cons", "pros and cons", "pros cons", "advantages",
    "disadvantages", "features", "key features", "pricing", "price", "specifications", "specs", "verdict",
    "our verdict", "the verdict", "final verdict", "final thoughts", "final words", "the bottom line", "bottom line",
    "key takeaways", "takeaways", "faq", "faqs", "frequently asked questions", "references", "sources", "notes",
    "further reading", "bibliography", "what we like", "what we don t like", "how we tested", "alternatives",
    "einleitung", "fazit", "zusammenfassung", "quellen", "vorteile", "nachteile",
    "résumé", "avantages", "inconvénients",
    "introducción", "conclusión", "conclusiones", "resumen", "fuentes", "ventajas", "desventajas",
    "introduzione", "conclusione", "conclusioni", "riepilogo", "fonti",
    "inleiding", "conclusie", "samenvatting", "bronnen",
    "wstęp", "podsumowanie", "źródła", "wnioski",
    "введение", "заключение", "выводы", "итоги", "источники", "вступ", "висновки", "джерела",
))
from .fold import anchor_for, pattern_for

MARK_PREFIX = MARK + " "


@dataclass
class Finding:
    group: str  # the source ("" = the whole corpus, no source scope)
    id: str
    kind: str  # phrase | pattern
    position: str
    docs: int
    group_docs: int
    tail_share: float
    head_share: float
    variants: int  # distinct line forms seen (at most the kept number; `more` says when there were more)
    more: bool
    chars: int
    folded: str
    spec: dict  # the kind's keys as they go into the pack
    examples: list[str]
    line: str = ""  # one form of the line as it stood in a document (for people)
    known: tuple = ()  # built-in rules that already remove it in every example

    @property
    def share(self) -> float:
        return self.docs / self.group_docs if self.group_docs else 0.0


def slug(host: str) -> str:
    """`news.example.co.uk` -> `news-example-co-uk` (an id part: lower-case ASCII letters, digits, hyphens)."""
    text = host
    if not text.isascii():
        try:
            text = text.encode("idna").decode("ascii")
        except UnicodeError:
            text = text.encode("ascii", "backslashreplace").decode("ascii")
    out = regex.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return out or "corpus"


def choose(groups: dict, options) -> list[Finding]:
    findings: list[Finding] = []
    used: set[str] = set()
    for name in sorted(groups):
        base = slug(name) if name else "corpus"
        if base in used:  # two hosts with one slug (a-b.com, a.b-com): the later one gets a hash of its name
            base = f"{base}-{h64(name) & 0xFFFFFF:06x}"
        used.add(base)
        findings += choose_group(groups[name], options, base)
    return findings


def choose_group(group: Group, options, base: str) -> list[Finding]:
    gdocs = group.docs()
    picked = []
    for item in group.items.values():
        docs = item.docs()
        if docs < options.min_docs or not gdocs:
            continue
        if PARAGRAPH_JOIN in item.folded and (len(item.variants) != 1 or item.overflow):
            continue  # a paragraph whose lines vary: its lines are findings of their own
        if item.folded in STRUCTURE:
            continue
        share = min(1.0, docs / gdocs)
        tail, head = item.by_text.share(TAIL), item.by_text.share(HEAD)
        position = "tail" if tail >= options.zone_share else "head" if head >= options.zone_share else "anywhere"
        need = options.min_share
        if position == "anywhere":
            need = max(need, options.body_min_share)
        if len(item.folded) < options.short_chars:
            need = max(need, options.short_min_share)
        if share < need:
            continue
        picked.append((item, min(docs, gdocs), position, tail, head))
    picked = _without_covered(picked)
    picked.sort(key=lambda p: (-p[1], p[0].folded))
    picked = picked[: options.max_rules]
    out = []
    for n, (item, docs, position, tail, head) in enumerate(picked, 1):
        rid = f"learned.{base}-{n}"
        kind, spec = rule_spec(item)
        matcher = LineMatcher(_matcher_spec(kind, spec), rid, user=False)
        examples = [e for e in (_example(ex, position, matcher) for ex in item.examples) if e]
        if not examples:
            continue
        out.append(Finding(
            group.name, rid, kind, position, docs, gdocs, tail, head, len(item.variants), item.overflow,
            item.chars, item.folded, spec, examples, _first_form(item),
        ))
    return out


def _without_covered(picked: list) -> list:
    """A line that only ever stands in a recurring paragraph is left to the paragraph's rule."""
    paragraphs = [(set(p[0].folded.split(PARAGRAPH_JOIN)), p[1], p[2]) for p in picked if PARAGRAPH_JOIN in p[0].folded]
    if not paragraphs:
        return picked
    out = []
    for p in picked:
        item, docs, position = p[0], p[1], p[2]
        if PARAGRAPH_JOIN not in item.folded and any(
            item.folded in lines and docs <= pdocs and position == pposition for lines, pdocs, pposition in paragraphs
        ):
            continue
        out.append(p)
    return out


def _first_form(item: Item) -> str:
    return min(item.variants.items(), key=lambda kv: (kv[1][0], kv[0]))[1][1]


def rule_spec(item: Item) -> tuple[str, dict]:
    variants = sorted(item.variants.items(), key=lambda kv: (kv[1][0], kv[0]))
    if len(variants) == 1 and not item.overflow:
        # a line, or a paragraph's lines (each removed where it stands, so a glued article line is never taken)
        return "phrase", {"phrases": variants[0][1][1].split("\n"), "match": "line"}
    toks = [v[2] for _, v in variants]
    spec = {"pattern": pattern_for(toks, exhaustive=not item.overflow), "on": "normalised"}
    anchor = anchor_for(toks[0])
    if anchor:
        spec["anchors"] = [anchor]
    if item.chars > 250:
        spec["max_chars"] = max(1000, 2 * item.chars)
    return "pattern", spec


def _matcher_spec(kind: str, spec: dict) -> dict:
    if kind == "phrase":
        return {"phrases": tuple(spec["phrases"]), "match": "line", "max_chars": None}
    return {"pattern": spec["pattern"], "on": "normalised", "anchors": tuple(spec.get("anchors", ())),
            "max_chars": spec.get("max_chars")}


def _example(ex: tuple, position: str, matcher: LineMatcher) -> str | None:
    """A document for examples.remove: the line where the rule can reach it, amid the lines that stood near it."""
    _, before, text, after = ex
    block = [(s, True) for s in text.split("\n")]
    if not all(matcher.match(LineView(s)) for s, _ in block):
        return None
    if position == "tail":
        context = [(s, False) for s in before] + block
    elif position == "head":
        context = block + [(s, False) for s in after]
    else:
        context = [(s, False) for s in before[-2:]] + block + [(s, False) for s in after[:2]]
    rows = []
    for s, marked in context:
        if not marked and (s == "~~" or s.startswith(MARK_PREFIX)):
            continue  # would read as a marked line
        if not marked and matcher.match(LineView(s)):
            marked = True
        rows.append(MARK_PREFIX + s if marked else s)
    return "\n".join(rows) + "\n"
