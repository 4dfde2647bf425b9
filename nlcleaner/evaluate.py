"""`nlcleaner eval`: recall, content loss and per-rule precision on a user's own labelled sample.

A sample is a folder of `NAME.txt` (a document) + `NAME.labels.jsonl` (one record per line of it, in order:
{"line": 1, "label": "content" | "boilerplate" | "blank", "category": "...", "uncertain": false}). Characters are
counted after collapsing whitespace, lines labelled uncertain count neither way unless `all_lines`, as the dev
corpus scorer does. Since nlcleaner knows exactly which spans it removed, no alignment is needed: each line's kept
part is the line minus the removal spans inside it, and each removed character is charged to the rule that removed it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError

# the furniture categories named_recall covers: all but `other` and `duplicate`
NAMED = ("newsletter", "social", "copyright", "related", "comments", "ad", "donation", "cookie", "bio", "navigation")


def _norm_len(s: str) -> int:
    return len(" ".join(s.split()))


@dataclass
class Tally:
    content_chars: int = 0
    content_removed: int = 0
    bp_chars: int = 0
    bp_removed: int = 0

    def add(self, other: "Tally") -> None:
        self.content_chars += other.content_chars
        self.content_removed += other.content_removed
        self.bp_chars += other.bp_chars
        self.bp_removed += other.bp_removed


@dataclass
class Evaluation:
    documents: int = 0
    total: Tally = field(default_factory=Tally)
    categories: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0]))  # category -> [chars, removed]
    rules: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0]))  # rule -> [bp removed, content removed]
    named_macro: list = field(default_factory=list)
    per_doc: list = field(default_factory=list)

    def summary(self) -> dict:
        t = self.total
        named = [self.categories[c] for c in NAMED if c in self.categories]
        named_chars = sum(c[0] for c in named)
        removed = t.bp_removed + t.content_removed
        return {
            "documents": self.documents,
            "content_chars": t.content_chars,
            "boilerplate_chars": t.bp_chars,
            "boilerplate_recall": _ratio(t.bp_removed, t.bp_chars),
            "content_loss": _ratio(t.content_removed, t.content_chars),
            "removal_precision": _ratio(t.bp_removed, removed),
            "named_recall": _ratio(sum(c[1] for c in named), named_chars),
            "named_macro": round(sum(self.named_macro) / len(self.named_macro), 4) if self.named_macro else None,
        }

    def to_dict(self) -> dict:
        return {
            "summary": self.summary(),
            "categories": {
                k: {"chars": v[0], "recall": _ratio(v[1], v[0])} for k, v in sorted(self.categories.items())
            },
            "rules": {
                k: {"boilerplate_chars": round(v[0]), "content_chars": round(v[1]), "precision": _ratio(v[0], v[0] + v[1])}
                for k, v in sorted(self.rules.items())
            },
            "worst_content_loss": sorted(
                (d for d in self.per_doc if d["content_removed"]), key=lambda d: -d["content_removed"]
            )[:10],
        }


def _ratio(a, b):
    return round(a / b, 4) if b else None


def sample_names(folder: Path) -> list[str]:
    names = sorted(p.name[: -len(".labels.jsonl")] for p in folder.glob("*.labels.jsonl"))
    return [n for n in names if (folder / f"{n}.txt").is_file()]


def read_labels(path: Path) -> list[dict]:
    """The label records of a sample, checked: one per line of the document, in order (`line` 1, 2, ...), each
    with a `label` and, if given, a `category` that is a string."""
    out = []
    try:
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                if not line.strip():
                    continue
                out.append(_label(path, number, line, len(out) + 1))
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    return out


def _label(path: Path, number: int, line: str, expected: int) -> dict:
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{number}: not JSON ({exc.msg})") from None
    if not isinstance(rec, dict) or rec.get("label") not in ("content", "boilerplate", "blank"):
        raise InputError(f"{path}:{number}: expected a record with label content|boilerplate|blank")
    if "line" in rec and (type(rec["line"]) is not int or rec["line"] != expected):
        # (the records are taken in file order: a record for another line would score the wrong line)
        raise InputError(f"{path}:{number}: 'line' is {rec['line']!r}, expected {expected} (one record per line, "
                         "in order)")
    if rec.get("category") is not None and not isinstance(rec["category"], str):
        raise InputError(f"{path}:{number}: 'category' must be a string")
    return rec


def evaluate(folder, cleaner, *, all_lines: bool = False) -> Evaluation:
    folder = Path(folder)
    ev = Evaluation()
    for name in sample_names(folder):
        text = (folder / f"{name}.txt").read_bytes().decode("utf-8", "surrogateescape")
        labels = read_labels(folder / f"{name}.labels.jsonl")
        score_document(ev, name, text, labels, cleaner.clean(text), all_lines)
    return ev


def _lines(text: str):
    """(start, end) of each line without its "\\n", as the scorer splits them."""
    spans, pos = [], 0
    for part in text.split("\n"):
        spans.append((pos, pos + len(part)))
        pos += len(part) + 1
    if spans and spans[-1][0] == len(text):
        spans.pop()
    return spans


def score_document(ev: Evaluation, name: str, text: str, labels: list[dict], result, all_lines: bool) -> None:
    lines = _lines(text)
    if len(lines) != len(labels):
        raise InputError(f"{name}: {len(lines)} lines but {len(labels)} label records")
    removals = result.removals
    doc = Tally()
    named = [0, 0]
    k = 0
    for (start, end), rec in zip(lines, labels):
        while k < len(removals) and removals[k].end <= start:
            k += 1
        if rec["label"] == "blank" or (rec.get("uncertain") and not all_lines):
            continue
        line = text[start:end]
        n = _norm_len(line)
        if not n:
            continue
        kept_parts, pos, charged = [], start, defaultdict(int)
        j = k
        while j < len(removals) and removals[j].start < end:
            r = removals[j]
            a, b = max(r.start, start), min(r.end, end)
            if a < b:
                kept_parts.append(text[pos:a])
                pos = b
                charged[r.rule] += b - a
            j += 1
        kept_parts.append(text[pos:end])
        removed = n - _norm_len("".join(kept_parts)) if charged else 0
        # charge the removed (whitespace-collapsed) characters to rules in proportion to the raw span they took
        raw = sum(charged.values())
        for rule, c in charged.items():
            share = removed * c / raw if raw else 0
            ev.rules[rule][0 if rec["label"] == "boilerplate" else 1] += share
        if rec["label"] == "content":
            doc.content_chars += n
            doc.content_removed += removed
        else:
            doc.bp_chars += n
            doc.bp_removed += removed
            category = rec.get("category") or "other"
            ev.categories[category][0] += n
            ev.categories[category][1] += removed
            if category in NAMED:
                named[0] += n
                named[1] += removed
    ev.documents += 1
    ev.total.add(doc)
    if named[0]:
        ev.named_macro.append(named[1] / named[0])
    ev.per_doc.append({"name": name, "content_removed": doc.content_removed, "boilerplate_removed": doc.bp_removed})
