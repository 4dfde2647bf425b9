"""The batch run: read inputs in the parent, clean chunks in worker processes, write and report in input order.

At most a few chunks are in flight, so memory follows the documents in flight, not the corpus; results are taken
back in submission order, so the output never depends on the number of workers."""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..engine import Cleaner, PatternTimeoutError
from ..errors import NLCleanerError
from ..outcome import DocOutcome
from ..stats import Stats
from . import worker
from .compress import InputStream, compression_of, open_input, unwritable_compression  # noqa: F401
from .discover import format_of, names_other_format, normal_format
from .errors import Interrupted, UsageError
from .formats import module
from .formats.base import NOT_A_DOCUMENT, OUTCOME_TEXTS, Context, Processed, Unit, annotate_field
from .mapping import Job, _real, plan
from .sinks import BytesSink, ParquetSink, RejectsSink

CHUNK_DOCS = 256
CHUNK_BYTES = 1 << 18
SMALL_RUN = 4 << 20  # below this many input bytes (and no explicit --jobs) one process is faster than a pool


@dataclass
class BatchStats(Stats):
    """Stats of a batch run, plus what the summary must say about the run itself."""

    inputs: int = 0
    skipped: list = field(default_factory=list)  # inputs --resume skipped (their output was complete)
    left_out: list = field(default_factory=list)  # files of an input folder inside the --output-dir, not read
    interrupted: str | None = None  # where a Ctrl-C stopped the run
    outputs: list = field(default_factory=list)  # files written


def _option(options: dict, key: str, default=None):
    value = options.get(key)
    return default if value is None else value


def _workers(options: dict, total_bytes: int | None) -> int:
    """--jobs N; by default (or 0) one worker per CPU, except for a small run (known size), where starting
    workers costs more than it saves. The output is the same either way."""
    jobs = options.get("jobs")
    if jobs is None or int(jobs) <= 0:
        n = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
        return 1 if total_bytes is not None and total_bytes < SMALL_RUN else n
    return int(jobs)


def _validate(jobs: list[Job], options: dict, output_dir, output) -> None:
    """Every usage error, before anything is written."""
    if output_dir is not None and output is not None:
        raise UsageError("give either --output-dir or -o/--output, not both")
    if output_dir is None and output is None and len(jobs) > 1:
        raise UsageError("several inputs need --output-dir DIR or -o/--output FILE")
    if options.get("resume") and output_dir is None:
        raise UsageError("--resume needs --output-dir")
    note = annotate_field(options.get("annotate"))
    text_field = _option(options, "text-field", "text")
    if note and note == text_field:
        raise UsageError(f"--annotate {note}: that is the text field")
    if options.get("annotate-only") and not note:
        raise UsageError("--annotate-only needs --annotate FIELD")
    formats = {j.format for j in jobs}
    if formats == {"text"} and (options.get("drop-empty") or options.get("min-chars")):
        raise UsageError("--drop-empty and --min-chars leave out records (JSONL, Parquet, WET); text files have none")
    if note and formats & {"text", "warc"}:
        raise UsageError("--annotate needs JSONL or Parquet inputs (text files and WARC records have no fields)")
    for job in jobs:
        if job.stdin and job.format == "parquet":
            raise UsageError("Parquet cannot be read from stdin")
        name = str(job.input)
        if job.format in ("jsonl", "warc") and compression_of(name) == "zstd":
            from .compress import _zstandard

            _zstandard(f"{name}: reading zstd")
    if output_dir is None and (output is None or str(output) == "-") and "parquet" in formats:
        raise UsageError("Parquet is written to a file: give -o FILE.parquet or --output-dir DIR")
    for flag, name in (("-o", output), ("--rejects", options.get("rejects"))):
        ext = unwritable_compression(name) if name is not None and str(name) != "-" else None
        if ext:
            raise UsageError(f"{flag} {name}: cannot write {ext} compression (name it .gz or .zst, or leave it "
                             "uncompressed)")
    shared_format = None
    if output is not None:
        if str(output) == "-":
            shared_format = next(iter(formats)) if len(formats) == 1 else None
        else:
            shared_format = format_of(output, None)
            other = names_other_format(output) if shared_format == "text" and "text" not in formats else None
            if other:
                exts = " or ".join(f".{f}" for f in sorted(formats))
                raise UsageError(f"-o {output}: the output holds the inputs' records, not {other}: name it {exts}"
                                 " (or leave the extension out)")
            if shared_format == "text" and len(formats) == 1 and "text" not in formats:
                shared_format = next(iter(formats))  # a name without a known extension: the inputs' format
        if len(formats) > 1 or (formats and shared_format not in formats):
            raise UsageError(
                f"-o {output}: writes {shared_format} records, the inputs are {', '.join(sorted(formats))}"
                " (-o FILE joins JSONL, Parquet or WARC inputs into one file of the same format)"
            )
        if shared_format == "text":
            raise UsageError("-o FILE joins JSONL, Parquet or WARC records; text files need --output-dir DIR")
        if str(output) != "-":
            target = _real(Path(output))
            if any(not j.stdin and _real(j.input) == target for j in jobs):
                raise UsageError(f"-o {output}: would overwrite an input")
            if compression_of(str(output)) == "zstd":
                from .compress import _zstandard

                _zstandard(f"{output}: writing zstd")
    rejects = options.get("rejects")
    if rejects:
        target = _real(Path(rejects))
        clash = [j for j in jobs if (not j.stdin and _real(j.input) == target)
                 or (j.output is not None and _real(j.output) == target)]
        if clash or (output is not None and str(output) != "-" and _real(Path(output)) == target):
            raise UsageError(f"--rejects {rejects}: is also an input or an output")
    if "parquet" in formats:
        from .formats import parquet

        first = None
        for job in jobs:
            if job.format != "parquet":
                continue
            # a file that cannot be read at all fails alone, as a missing or binary input does: the others run
            try:
                schema = parquet.schema_of(job.input)
            except OSError as exc:
                job.unreadable = f"cannot read: {exc.strerror or exc}"
                continue
            except Exception as exc:  # pyarrow's ArrowInvalid: not a Parquet file
                job.unreadable = f"not a readable Parquet file ({exc})"
                continue
            parquet.check_schema(schema, options, job.display)
            if output is not None:
                if first is None:
                    first = schema
                elif not schema.equals(first):
                    raise UsageError(f"-o {output}: {job.display} has another schema than the first input")


class _Inline:
    """A finished computation, for the one-process mode (same interface as a Future)."""

    def __init__(self, chunk):
        self._chunk = chunk
        self._value = None

    def done(self) -> bool:
        return True

    def result(self):
        if self._value is None:
            self._value = worker.process_chunk(self._chunk)
        return self._value


class _InterruptGuard:
    """Ctrl-C between records: inside the guard a SIGINT is held until the record is complete, then raised.
    Outside it (waiting for a worker or for stdin) it interrupts at once."""

    def __init__(self):
        self.depth = 0
        self.pending = False
        self._previous = None

    def install(self) -> None:
        import signal
        import threading

        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._handler)

    def uninstall(self) -> None:
        import signal

        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)
            self._previous = None

    def _handler(self, signum, frame):
        if self.depth:
            self.pending = True
        else:
            raise KeyboardInterrupt

    def __enter__(self):
        self.depth += 1
        return self

    def __exit__(self, exc_type, *rest):
        self.depth -= 1
        if not self.depth and self.pending and exc_type is None:
            self.pending = False
            raise KeyboardInterrupt
        return False


class _Settled:
    """The sink of an input whose output is finished already (a text file, see `_Run._write`) or could not be
    written: nothing more is written to it."""

    def write(self, unit, p) -> None:
        pass

    def flush(self) -> None:
        pass

    def close(self, final=None) -> None:
        pass

    def abort(self) -> None:
        pass


_FAILED, _DONE = _Settled(), _Settled()


class _Run:
    def __init__(self, jobs, resolved, options, *, output_dir, output, on_outcome, progress, stdout):
        self.jobs, self.options = jobs, options
        self.output_dir, self.output = output_dir, output
        self.on_outcome = on_outcome
        self.stdout = stdout
        self.stats = BatchStats(inputs=len(jobs))
        self.parent_ctx = Context.from_options(None, options)  # readers need the field names only
        self.settings = resolved.settings
        self.progress_wanted = progress
        self.shared = None  # the sink of -o FILE / stdout
        self.sinks: dict[int, object] = {}  # id(job) -> its own sink (--output-dir)
        self.rejects = RejectsSink(Path(options["rejects"])) if options.get("rejects") else None
        self.where = "before the first document"
        self.html = None
        if options.get("report-html"):
            from .html_report import Collector

            self.html = Collector(source_given=bool(options.get("source-field") or options.get("source")))
        self.guard = _InterruptGuard()

    # reading
    def _units(self, job: Job):
        fmt = module(job.format)
        if job.format in ("jsonl", "warc"):
            try:
                if job.stdin:
                    stdin = sys.stdin.buffer
                    # the unbuffered stdin: what a pipe holds is visible to select(), none of it hidden in a buffer
                    raw = getattr(stdin, "raw", None)
                    stream = InputStream(raw if raw is not None and not raw.closed else stdin, "-")  # (stdin's name everywhere)
                    stream.set_on_wait(self._drain)
                else:
                    stream = open_input(job.input)
            except OSError as exc:
                yield Unit(payload=None, raw=b"", error=f"cannot read: {exc.strerror or exc}")
                return
            try:
                yield from fmt.read(job, self.parent_ctx, stream)
            finally:
                if not job.stdin:
                    stream.close()
        elif job.format == "parquet":
            if job.unreadable:
                yield Unit(payload=None, raw=None, error=job.unreadable)
                return
            index = 0
            try:
                for unit in fmt.read(job, self.parent_ctx):
                    index = unit.record + 1
                    yield unit
            except Exception as exc:  # noqa: BLE001  (OSError, pyarrow's ArrowInvalid: a damaged file)
                if isinstance(exc, NLCleanerError):
                    raise
                yield Unit(payload=None, raw=None, error=f"unreadable Parquet after row {index}: {exc}")
        else:
            yield from fmt.read(job, self.parent_ctx)

    def _entries(self):
        for job in self.jobs:
            yield "start", job, None
            yield from (("unit", job, u) for u in self._units(job))
            yield "end", job, None

    def _chunks(self):
        entries, chunk, size = [], [], 0
        for tag, job, unit in self._entries():
            entries.append((tag, job, unit))
            if _sent(tag, unit):
                chunk.append((job.format, unit.payload, job.settings))
                raw = unit.raw
                size += len(raw) if isinstance(raw, bytes | str) else 64
            streaming = job.stdin and tag == "unit" and unit.meta == "progress"
            if len(chunk) >= CHUNK_DOCS or size >= CHUNK_BYTES or streaming:
                yield entries, chunk
                entries, chunk, size = [], [], 0
        if entries:
            yield entries, chunk

    # writing
    def _sink_for(self, job: Job):
        if job.output is not None:
            return self.sinks.get(id(job))
        return self.shared

    def _start(self, job: Job) -> None:
        if job.unreadable:  # (no output of its own; the shared one is opened by a readable input's schema)
            if job.output is not None:
                self.sinks[id(job)] = _FAILED
            return
        if job.output is not None:
            if job.format == "parquet":
                from .formats import parquet

                try:  # (a Parquet output is opened at once)
                    sink = ParquetSink(job.output, parquet.schema_of(job.input), self.parent_ctx,
                                       parquet.compression_of(job.input))
                except OSError as exc:
                    self.sinks[id(job)] = _FAILED
                    self._report(DocOutcome(path=job.display, error=self._cannot_write(job, _FAILED, exc)))
                    return
            else:
                sink = BytesSink(job.output, job.format)
            self.sinks[id(job)] = sink
        elif self.shared is None:
            if self.output is None or str(self.output) == "-":
                stream = self.stdout if self.stdout is not None else sys.stdout.buffer
                self.shared = BytesSink(None, job.format, stream=stream, shared=True)
            elif job.format == "parquet":
                from .formats import parquet

                self.shared = ParquetSink(Path(self.output), parquet.schema_of(job.input), self.parent_ctx,
                                          parquet.compression_of(job.input))
            else:
                self.shared = BytesSink(Path(self.output), job.format, shared=True)

    def _end(self, job: Job) -> None:
        if job.output is not None:
            sink = self.sinks.pop(id(job))
            if sink is _DONE or sink is not _FAILED and self._closed(job, sink):
                if job.output.exists():
                    self.stats.outputs.append(str(job.output))
                stale = job.output.with_name(job.output.name + ".partial")
                if stale.exists():  # what an interrupted run left of this input is now complete
                    stale.unlink()
        elif self.shared is not None:
            self.shared.end_input()
        self.where = f"after {job.display}"

    def _unit(self, job: Job, unit: Unit, p: Processed) -> None:
        if unit.error and p.error is None:
            p = Processed(error=unit.error)
        if p.error and self.rejects is not None and job.format != "text":
            self.rejects.write(unit.raw)
        else:
            p = self._write(job, unit, p)
        if self.bar is not None and unit.advance:
            self.bar.advance(0, unit.advance)
        if not p.document:
            return
        # (where a Ctrl-C in what the outcome is reported to would stop the run: after this record)
        self.where = _named(job, unit) if unit.record is not None else f"after {job.display}"
        self._report(DocOutcome(path=job.display, record=unit.record, id=p.id, source=p.source, result=p.result,
                                error=p.error, dropped=p.dropped, chars=p.chars, damage=unit.damage))

    def _write(self, job: Job, unit: Unit, p: Processed) -> Processed:
        """Write a unit to its input's sink. An output of the input's own (--output-dir) that cannot be written
        fails that input alone — one error for it, exit 2 at the end, what it wrote removed — and the run goes on
        with the next (a full disk fails them in turn); the one output of `-o FILE` or stdout stops the run."""
        sink = self._sink_for(job)
        if sink is None or sink is _FAILED or sink is _DONE:
            return p
        try:
            sink.write(unit, p)
            if job.output is not None and job.format == "text":
                # a text input is one unit: its file is finished now, so that failing to put it in place is that
                # document's outcome, not a second one
                sink.close()
                self.sinks[id(job)] = _DONE
        except OSError as exc:
            if job.output is None:
                raise
            self.sinks[id(job)] = _FAILED
            error = self._cannot_write(job, sink, exc)
            if job.format == "text":
                return Processed(error=error)  # (the file's one document: its outcome is the failure)
            self._report(DocOutcome(path=job.display, error=error))
        return p

    def _closed(self, job: Job, sink) -> bool:
        """Finish an input's own output; False when it could not be written (see `_write`)."""
        try:
            sink.close()
        except OSError as exc:
            self._report(DocOutcome(path=job.display, error=self._cannot_write(job, sink, exc)))
            return False
        return True

    def _cannot_write(self, job: Job, sink, exc: OSError) -> str:
        """Give up an input's output after a write error (the caller settles its sink): what was written of it is
        removed; the error, as the input's."""
        try:
            sink.abort()
        except OSError:
            pass
        return f"cannot write {job.output}: {exc.strerror or exc}"

    def _report(self, outcome: DocOutcome) -> None:
        self.stats.add(outcome)
        if self.html is not None:
            self.html.add(outcome)
        if self.bar is not None:
            self.bar.advance(1, 0)
        if self.on_outcome is not None:
            self.on_outcome(outcome)

    def _drain(self) -> None:
        """Before waiting on an empty pipe: write out every result in flight and flush the output."""
        while self.pending:
            self._collect(*self.pending.popleft())
        if self.shared is not None:
            self.shared.flush()

    def _collect(self, entries, future) -> None:
        try:
            results = iter(future.result())
        except worker.TimedOutAt as exc:
            # --strict: the worker knows only the document's place in its chunk; the one-line error names the input
            # and record, as single-file commands name their file. The run stops (exit 2) as on any other error:
            # nothing of this chunk is written, and the outputs still open are removed (`_abort_unless_interrupted`)
            cleaned = [(job, unit) for tag, job, unit in entries if _sent(tag, unit)]
            raise PatternTimeoutError(f"{_named(*cleaned[exc.position])}: {exc}") from None
        for tag, job, unit in entries:
            with self.guard:  # Ctrl-C waits until the record is written and reported
                if tag == "start":
                    self._start(job)
                elif tag == "end":
                    self._end(job)
                elif unit.payload is not None and unit.error is None:
                    self._unit(job, unit, next(results))
                elif unit.error:
                    self._unit(job, unit, Processed(error=unit.error))
                else:
                    self._unit(job, unit, NOT_A_DOCUMENT)

    # the loop
    def run(self) -> BatchStats:
        total = sum(j.input.stat().st_size for j in self.jobs if not j.stdin and j.input.is_file())
        n = _workers(self.options, None if any(j.stdin for j in self.jobs) else total)
        executor = None
        if n > 1:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            # the gate's database in the cache first: with a cold cache every worker would compile it at once (a
            # minute of CPU and hundreds of MB each); they load it from there instead (a gate that is not cached,
            # RE2's sets or no cache folder, each worker builds anyway)
            first = Cleaner(self.settings)
            if first.gate_cached:
                first.build_gate()

            # fork where it exists: workers start at once (no re-import of the caller's __main__, which a script
            # without a main guard would not survive), before any thread of ours (the progress bar) runs
            method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
            executor = ProcessPoolExecutor(
                max_workers=n, mp_context=multiprocessing.get_context(method),
                initializer=worker.init, initargs=(self.settings, dict(self.options)),
            )
            try:
                executor.submit(worker.process_chunk, []).result()  # start the workers now (and fail early)
            except BaseException:
                executor.shutdown(wait=False, cancel_futures=True)
                raise
        else:
            worker.set_context(Context.from_options(Cleaner(self.settings), self.options))
        from .progress import ProgressBar

        self.bar = ProgressBar(total, enabled=self.progress_wanted, color=self.options.get("color") or "auto")
        pending: deque = deque()
        self.pending = pending
        limit = 2 * n + 1
        ok = False
        self.guard.install()
        try:
            with self.bar:
                for entries, chunk in self._chunks():
                    future = executor.submit(worker.process_chunk, chunk) if executor and chunk else _Inline(chunk)
                    pending.append((entries, future))
                    while pending and (len(pending) > limit or pending[0][1].done()):
                        self._collect(*pending.popleft())
                while pending:
                    self._collect(*pending.popleft())
            ok = True
        except KeyboardInterrupt:
            self._stop(executor, pending)
            self.stats.interrupted = self.where
            raise Interrupted(self.stats, self.where) from None
        finally:
            self.guard.uninstall()
            if executor is not None:
                executor.shutdown(wait=ok, cancel_futures=True)
            if not ok:
                self._abort_unless_interrupted()
        self._finish()
        return self.stats

    def _stop(self, executor, pending) -> None:
        """Ctrl-C: keep what is complete. Open shards are closed as NAME.partial; -o FILE keeps its records."""
        for future in (f for _, f in pending):
            if hasattr(future, "cancel"):
                future.cancel()
        for job_id, sink in list(self.sinks.items()):
            job = next(j for j in self.jobs if id(j) == job_id)
            if job.format == "text":
                sink.abort()
            else:
                sink.close(final=job.output.with_name(job.output.name + ".partial"))
        self.sinks.clear()
        if self.shared is not None:
            self.shared.close()
            self.shared = None
        if self.rejects is not None:
            self.rejects.close()
        if self.html is not None:
            from .html_report import rule_whys

            self.html.write(Path(self.options["report-html"]), self.stats, rule_whys(self.settings))
        self._interrupted = True

    def _abort_unless_interrupted(self) -> None:
        if getattr(self, "_interrupted", False):
            return
        for sink in self.sinks.values():
            sink.abort()
        if self.shared is not None and hasattr(self.shared, "abort"):
            self.shared.abort()
        if self.rejects is not None:
            self.rejects.close()

    def _finish(self) -> None:
        if self.shared is not None:
            self.shared.close()
            if self.output is not None and str(self.output) != "-":
                self.stats.outputs.append(str(self.output))
        if self.rejects is not None:
            self.rejects.close()
        if self.html is not None:
            from .html_report import rule_whys

            self.html.write(Path(self.options["report-html"]), self.stats, rule_whys(self.settings))


def _sent(tag: str, unit: Unit | None) -> bool:
    """Whether an entry of a chunk is a document sent to the workers (its result comes back in the chunk's list)."""
    return tag == "unit" and unit.payload is not None and unit.error is None


def _named(job: Job, unit: Unit) -> str:
    """A document as errors name it: its input, and the record's index (the report's `record`) inside a JSONL,
    Parquet or WARC file."""
    return f"{job.display}, record {unit.record}" if unit.record is not None else job.display


def _complete(job: Job) -> bool:
    """--resume: an output that exists is complete (outputs appear under their name only when finished); it is
    redone when its input changed after it was written."""
    try:
        return job.output is not None and job.output.stat().st_mtime >= job.input.stat().st_mtime
    except OSError:
        return False


def run_batch(
    inputs: list[str],
    resolved,
    *,
    output_dir: Path | None = None,
    output: Path | str | None = None,
    on_outcome: Callable[[DocOutcome], None] | None = None,
    progress: bool = False,
    stdout=None,
    texts: bool = True,
) -> BatchStats:
    """Clean files, folders, JSONL / Parquet / WARC shards (or `-`, stdin) and write the results.

    `output_dir`: every input to DIR/<name> (folders keep their relative paths). `output`: all records into one
    file (format and compression from its name; "-" for stdout). Neither: the single input's output goes to
    `stdout` (default sys.stdout.buffer). `on_outcome` receives each document's DocOutcome in input order;
    `texts=False`: its result's `text` is None (the output holds the cleaned texts, and worker processes need not
    send them back).
    Raises UsageError (and other NLCleanerErrors) before anything is written; Interrupted on Ctrl-C."""
    options = dict(resolved.options)
    input_format = normal_format(options.get("input-format"))
    options["input-format"] = input_format
    options[OUTCOME_TEXTS] = texts
    if output_dir is not None:
        output_dir = Path(output_dir)
    roots = tuple(resolved.root_for(k) for k in ("include", "exclude")) if hasattr(resolved, "root_for") else ()
    left_out: list = []
    jobs = plan(list(inputs), output_dir=output_dir, include=tuple(options.get("include") or ()),
                exclude=tuple(options.get("exclude") or ()), input_format=input_format, roots=roots,
                left_out=left_out)
    if options.get("per-file-ignores") and hasattr(resolved, "settings_for"):
        for job in jobs:
            if not job.stdin:
                own = resolved.settings_for(job.input)
                job.settings = own if own != resolved.settings else None
    _validate(jobs, options, output_dir, output)
    skipped = []
    if options.get("resume"):
        kept = []
        for job in jobs:
            (skipped if _complete(job) else kept).append(job)
        jobs = kept
    run = _Run(jobs, resolved, options, output_dir=output_dir, output=output, on_outcome=on_outcome,
               progress=progress, stdout=stdout)
    run.stats.skipped = [j.display for j in skipped]
    run.stats.left_out = [str(p) for p in left_out]
    run.stats.inputs = len(jobs) + len(skipped)
    return run.run()
