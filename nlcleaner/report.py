"""Reports: what a run removed, document by document, and its totals (`--report FILE --report-format json|jsonl|text`).

JSONL: one `{"type": "document", ...}` line for each changed, flagged or failed document, then one
`{"type": "totals", ...}` line. The file is appended to under an exclusive lock (`fcntl.flock`), so that parallel hook
processes can share one report; a run's lines are written in batches, and its totals line closes them.
JSON: `{"documents": [...], "totals": {...}}`, written once at the end. Both are ASCII-escaped, so any text (even
undecodable bytes, kept as lone surrogates) round-trips. Text: the same for people."""

from __future__ import annotations

import json
import os
from contextlib import contextmanager

from . import __version__
from .outcome import DocOutcome
from .stats import Stats

FORMATS = ("json", "jsonl", "text")
_BATCH = 500  # JSONL document lines held before an append


def document_entry(outcome: DocOutcome) -> dict:
    """The report's record of one document (without the JSONL `type` key)."""
    result = outcome.result
    entry = {
        "path": outcome.path,
        "record": outcome.record,
        "id": outcome.id,
        "applied": result.applied if result is not None else True,
        "flags": list(result.flags) if result is not None else [],
        "removals": [r.to_dict() for r in result.removals] if result is not None else [],
    }
    if result is not None and result.held:
        entry["held"] = [r.to_dict() for r in result.held]
    if outcome.error is not None:
        entry["error"] = outcome.error
    if outcome.dropped:
        entry["dropped"] = True
    return entry


def reportable(outcome: DocOutcome) -> bool:
    return outcome.failed or outcome.changed or outcome.flagged or outcome.dropped


def totals_entry(stats: Stats, *, packs_hash: str, settings: dict) -> dict:
    return {**stats.to_dict(), "version": __version__, "packs_hash": packs_hash, "settings": settings}


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=True, default=str)


class ReportWriter:
    """Collects outcomes as they come and writes the report; `close(stats)` adds the totals."""

    def __init__(self, path: str, fmt: str, *, packs_hash: str, settings: dict):
        if fmt not in FORMATS:
            raise ValueError(f"report format must be one of {', '.join(FORMATS)}, got {fmt!r}")
        self.path, self.format = str(path), fmt
        self.packs_hash, self.settings = packs_hash, settings
        self._pending: list[dict] = []
        # fail early (before any work) when the report cannot be written
        folder = os.path.dirname(os.path.abspath(self.path))
        if not os.path.isdir(folder):
            raise FileNotFoundError(2, "No such file or directory (report folder)", self.path)
        if os.path.isdir(self.path):
            raise IsADirectoryError(21, "Is a directory", self.path)

    def add(self, outcome: DocOutcome) -> None:
        if not reportable(outcome):
            return
        self._pending.append(document_entry(outcome))
        if self.format == "jsonl" and len(self._pending) >= _BATCH:
            self._append_jsonl(self._pending)
            self._pending = []

    def close(self, stats: Stats) -> None:
        totals = totals_entry(stats, packs_hash=self.packs_hash, settings=self.settings)
        if self.format == "jsonl":
            self._append_jsonl(self._pending, totals)
        elif self.format == "json":
            with open(self.path, "w", encoding="ascii") as handle:
                handle.write(_dumps({"documents": self._pending, "totals": totals}))
                handle.write("\n")
        else:
            with open(self.path, "w", encoding="utf-8", errors="backslashreplace") as handle:
                handle.write(render_text(self._pending, totals))
        self._pending = []

    def _append_jsonl(self, entries: list[dict], totals: dict | None = None) -> None:
        lines = [_dumps({"type": "document", **e}) for e in entries]
        if totals is not None:
            lines.append(_dumps({"type": "totals", **totals}))
        if not lines:
            return
        with _locked_append(self.path) as handle:
            handle.write(("\n".join(lines) + "\n").encode("ascii"))


@contextmanager
def _locked_append(path: str):
    with open(path, "ab") as handle:
        try:
            import fcntl
        except ImportError:  # Windows: appends of one write() are not interleaved in practice
            yield handle
            return
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield handle
            handle.flush()
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def render_text(documents: list[dict], totals: dict) -> str:
    """The report for people: each document's removals with rule and lines, then the counts."""
    out = []
    for doc in documents:
        where = doc["path"] + (f" [record {doc['record']}]" if doc.get("record") is not None else "")
        if doc.get("id") is not None:
            where += f" (id {doc['id']})"
        notes = []
        if doc.get("error"):
            notes.append(f"failed: {doc['error']}")
        if doc.get("flags"):
            notes.append("flags: " + ", ".join(doc["flags"]))
        if not doc.get("applied", True):
            notes.append("guard held removals back")
        out.append(where + (f"  ({'; '.join(notes)})" if notes else ""))
        for label, key in (("removed", "removals"), ("held", "held")):
            for r in doc.get(key, ()):
                lines = f"{r['start_line']}" if r["start_line"] == r["end_line"] else f"{r['start_line']}-{r['end_line']}"
                first = r["text"].strip().split("\n", 1)[0][:70]
                out.append(f"  {label} lines {lines:<9} {r['rule']:<36} {r['end'] - r['start']:>6} chars  {first!r}")
    out.append("")
    out.append(
        f"documents {totals['documents']}, changed {totals['changed']}, flagged {totals['flagged']}, "
        f"failed {totals['failed']}, dropped {totals['dropped']}; "
        f"characters removed {totals['chars_removed']} of {totals['chars_read']}"
    )
    for rule, n in totals["rules"].items():
        out.append(f"  {rule:<44} {n:>8}")
    out.append(f"nlcleaner {totals['version']}, packs {totals['packs_hash']}")
    out.append("settings: " + _dumps(totals["settings"]))
    return "\n".join(out) + "\n"
