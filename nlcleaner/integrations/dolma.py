"""Dolma attributes: nlcleaner's removals as span attributes that Dolma's mixer applies (`span_replacement`).

Dolma keeps documents and attributes in separate JSONL files that line up row by row (same rows, same order, same
ids). An attribute is a list of `[start, end, score]` spans in code points of the document's text, which is what a
removal record's `start` / `end` are. For each document nlcleaner writes:

    {"id": ..., "source": ..., "attributes": {"nlcleaner__removed": [[s, e, 1.0], ...],
                                              "nlcleaner__donation": [[s, e, 1.0]], ...}}

`<name>__removed` holds every applied removal; `<name>__<category>` the removals of one category (only categories that
occur), so a mix can replace all furniture or chosen categories. Name either the `removed` key or category keys in
one mix, not both. The documents themselves stay as they are: the mixer deletes the spans (replacement "").
Documents are cleaned 64 at a time (`Cleaner.clean_many`: the same spans as cleaning each alone; small ones share
their first scans).
"""

from __future__ import annotations

import gzip
import io
import json
import os

from ..records import Removal
from ..settings import Settings
from .batch import GROUP_DOCS, cleaner_for, groups

ALL_KEY = "removed"


def _as_removal(r) -> Removal:
    return r if isinstance(r, Removal) else Removal.from_dict(r)


def attribute_record(doc_id, removals, *, name: str = "nlcleaner", source=None, categories: bool = True) -> dict:
    """One row of a Dolma attributes file for one document: its id (as given: the mixer compares ids with the
    documents file) and the removals (Removal objects or their dicts) as `[start, end, 1.0]` spans."""
    spans: dict[str, list] = {f"{name}__{ALL_KEY}": []}
    for r in sorted((_as_removal(r) for r in removals), key=lambda r: r.start):
        span = [r.start, r.end, 1.0]
        spans[f"{name}__{ALL_KEY}"].append(span)
        if categories:
            spans.setdefault(f"{name}__{r.category}", []).append(list(span))
    row = {"id": doc_id}
    if source is not None:
        row["source"] = source
    row["attributes"] = spans
    return row


def attributes_path_for(documents_path: str, name: str = "nlcleaner") -> str:
    """Where Dolma's mixer looks for a documents file's attributes: `/documents/` becomes `/attributes/<name>/`."""
    marker = f"{os.sep}documents{os.sep}"
    if marker not in documents_path:
        raise ValueError(f"{documents_path}: not under a 'documents' folder; give the attributes path explicitly")
    head, tail = documents_path.rsplit(marker, 1)
    return f"{head}{os.sep}attributes{os.sep}{name}{os.sep}{tail}"


def _open(path: str, mode: str):
    if path.endswith(".gz"):
        return gzip.open(path, mode + "t", encoding="utf-8", newline="\n")
    if path.endswith(".zst"):
        import zstandard

        raw = open(path, mode + "b")
        stream = (zstandard.ZstdDecompressor().stream_reader(raw, closefd=True) if mode == "r"
                  else zstandard.ZstdCompressor().stream_writer(raw, closefd=True))
        return io.TextIOWrapper(stream, encoding="utf-8", newline="\n")
    return open(path, mode, encoding="utf-8", newline="\n")


def write_attributes(
    documents_path: str,
    attributes_path: str | None = None,
    *,
    name: str = "nlcleaner",
    text_field: str = "text",
    id_field: str = "id",
    source_field: str | None = None,
    categories: bool = True,
    settings: Settings | None = None,
    **overrides,
) -> dict:
    """Clean every document of a Dolma documents file (JSONL, .gz or .zst) and write its attributes file, row-aligned.

    `source_field` names a document field holding a URL or host for source-scoped rules (Dolma's own `source` is a
    corpus name, not a host). Returns counts: {"documents", "changed", "spans"}."""
    cleaner = cleaner_for(settings, **overrides)
    attributes_path = attributes_path or attributes_path_for(documents_path, name)
    os.makedirs(os.path.dirname(os.path.abspath(attributes_path)), exist_ok=True)
    counts = {"documents": 0, "changed": 0, "spans": 0}
    tmp = attributes_path + ".tmp" + (os.path.splitext(attributes_path)[1] if attributes_path.endswith((".gz", ".zst")) else "")
    with _open(documents_path, "r") as docs, _open(tmp, "w") as out:
        for group in groups((json.loads(line) for line in docs if line.strip()), GROUP_DOCS):
            # cleaned together (`Cleaner.clean_many`: small documents share their first scans), each as if alone
            texts = [doc for doc in group if isinstance(doc.get(text_field), str)]
            results = iter(cleaner.clean_many([doc[text_field] for doc in texts],
                                              [_source(doc, source_field) for doc in texts]))
            for doc in group:
                removals = next(results).removals if isinstance(doc.get(text_field), str) else []
                row = attribute_record(doc.get(id_field), removals, name=name, source=doc.get("source"),
                                       categories=categories)
                out.write(json.dumps(row, ensure_ascii=True) + "\n")
                counts["documents"] += 1
                counts["changed"] += bool(removals)
                counts["spans"] += len(removals)
    os.replace(tmp, attributes_path)
    return counts


def _source(doc: dict, source_field: str | None) -> str | None:
    src = doc.get(source_field) if source_field else None
    return str(src) if src else None


def apply_spans(text: str, spans, min_score: float = 0.0) -> str:
    """Delete `[start, end, score]` spans (code points) from text, as Dolma's mixer does with replacement "": lets a
    pipeline check an attributes file against nlcleaner's own output."""
    out, pos = [], 0
    for start, end, score in sorted(spans):
        if score < min_score or end <= pos:
            continue
        start = max(start, pos)
        out.append(text[pos:start])
        pos = end
    out.append(text[pos:])
    return "".join(out)
