"""A DataTrove pipeline step: `NLCleanerStep()` cleans each document's text with the configured packs and settings.

    pipeline = [JsonlReader("in/"), NLCleanerStep(), JsonlWriter("out/")]

Per document it stores `{"applied", "flags", "removals", "held"}` under `metadata[metadata_key]` (removals and held
are records of the one schema, nlcleaner.records); it counts documents, removals per rule (`rule:<id>`) and per
category (`category:<name>`), and code points removed in the step's DataTrove stats; with `drop_empty=True` a document
that cleaning left without visible text is dropped (and written to `exclusion_writer`, when one is given).

Documents are cleaned 64 at a time (`Cleaner.clean_many`: each comes out as cleaning it alone makes it; small ones
share their first scans), so the step's time stat counts groups ("batch"), not documents.

The step pickles as its settings: DataTrove ships steps to local worker processes, Slurm jobs (dill) and Ray actors
(cloudpickle); the Cleaner is compiled once per worker process on first use, never pickled. Install with
`pip install 'nlcleaner[datatrove]'`.
"""

from __future__ import annotations

import contextlib

try:
    from datatrove.data import DocumentsPipeline
    from datatrove.pipeline.base import PipelineStep
    from datatrove.utils.typeshelper import StatHints
except ImportError as exc:  # pragma: no cover - exercised in a subprocess test
    raise ImportError(
        "nlcleaner.integrations.datatrove needs DataTrove: pip install 'nlcleaner[datatrove]'"
    ) from exc

from ..settings import Settings
from .batch import GROUP_DOCS, cleaner_for, groups, left_empty, make_settings

METADATA_KEY = "nlcleaner"


def metadata_arrow_type():
    """The Arrow type of `metadata["nlcleaner"]`, for a ParquetWriter schema: Parquet fixes a column's type from the
    first batch, and a first batch in which nothing was removed would type the removals as a list of nulls."""
    import pyarrow as pa

    from .batch import removals_arrow_type

    return pa.struct([
        ("applied", pa.bool_()), ("flags", pa.list_(pa.string())),
        ("removals", removals_arrow_type()), ("held", removals_arrow_type()),
    ])


class NLCleanerStep(PipelineStep):
    """Clean documents with nlcleaner; every argument is optional (the defaults are the built-in packs).

    Args:
        settings: a `nlcleaner.Settings`; keyword overrides below are applied on top of it.
        config: a configuration file (`pyproject.toml` with `[tool.nlcleaner]`, or `nlcleaner.toml`), resolved once
            here, on the driver, through `nlcleaner.config.resolve` (its `source-field` becomes `source_key`).
        select, ignore, extend_select, rules, languages, guard, tail_zone, head_zone, strict: as the CLI flags
            (`rules` are pack files: workers must see the same paths, e.g. on a shared file system).
        source_key: metadata key holding the document's URL or host, for source-scoped rules (e.g. "url").
        metadata_key: where the removal report goes in `doc.metadata` (None: store nothing).
        drop_empty: drop documents that cleaning left without visible text.
        exclusion_writer: a DataTrove writer that receives the dropped documents.
    """

    name = "🧹 nlcleaner"
    type = "✂️ - FORMAT"

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        config=None,
        select=None,
        ignore=None,
        extend_select=None,
        rules=None,
        languages=None,
        guard: float | None = None,
        tail_zone: float | None = None,
        head_zone: float | None = None,
        strict: bool | None = None,
        source_key: str | None = None,
        metadata_key: str | None = METADATA_KEY,
        drop_empty: bool = False,
        exclusion_writer=None,
    ):
        super().__init__()
        if config is not None:
            from ..config import resolve

            resolved = resolve({}, config_path=config)
            settings = settings or resolved.settings
            source_key = source_key or resolved.options.get("source-field")
        self.settings = make_settings(
            settings, select=select, ignore=ignore, extend_select=extend_select, rules=rules, languages=languages,
            guard=guard, tail_zone=tail_zone, head_zone=head_zone, strict=strict,
        )
        self.source_key = source_key
        self.metadata_key = metadata_key
        self.drop_empty = drop_empty
        self.exclusion_writer = exclusion_writer
        self._cleaner = None

    # a step travels as its settings; the compiled Cleaner is rebuilt (once per process) where it runs
    def __getstate__(self):
        state = dict(self.__dict__)
        state["_cleaner"] = None
        return state

    @property
    def cleaner(self):
        if self._cleaner is None:
            self._cleaner = cleaner_for(self.settings)
        return self._cleaner

    def clean_document(self, doc) -> bool:
        """Clean one document in place; return False when it should be dropped."""
        return self._apply(doc, self.cleaner.clean(doc.text, self._source(doc)))

    def _source(self, doc) -> str | None:
        source = doc.metadata.get(self.source_key) if self.source_key else None
        return str(source) if source else None

    def _apply(self, doc, result) -> bool:
        """Put a document's cleaning result in place and in the stats; False when the document should be dropped."""
        original = doc.text
        doc.text = result.text
        if self.metadata_key:
            doc.metadata[self.metadata_key] = {
                "applied": result.applied,
                "flags": list(result.flags),
                "removals": [r.to_dict() for r in result.removals],
                "held": [r.to_dict() for r in result.held],
            }
        if result.changed:
            self.stat_update("changed")
        if result.flags:
            self.stat_update("flagged")
        removed = 0
        for r in result.removals:
            self.stat_update(f"rule:{r.rule}", f"category:{r.category}")
            removed += r.end - r.start
        if removed:
            self.stat_update("chars_removed", value=removed)
        return not (self.drop_empty and left_empty(original, result))

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        if data is None:
            return
        self.cleaner  # compile (once per process) before the clock starts
        writer_context = self.exclusion_writer if self.exclusion_writer else contextlib.nullcontext()
        with writer_context as writer:
            # documents are cleaned a group at a time (`Cleaner.clean_many`: small ones share their first scans), so
            # the time DataTrove records is a group's ("batch"); results are each document's own, in order
            for docs in groups(data, GROUP_DOCS):
                with self.track_time(unit="batch"):
                    results = self.cleaner.clean_many([d.text for d in docs], [self._source(d) for d in docs])
                for doc, result in zip(docs, results):
                    self.stat_update(StatHints.total)
                    if self._apply(doc, result):
                        self.stat_update(StatHints.forwarded)
                        self.update_doc_stats(doc)
                        yield doc
                    else:
                        self.stat_update(StatHints.dropped, "dropped_empty")
                        if writer is not None:
                            writer.write(doc, rank)
