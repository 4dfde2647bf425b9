"""One run of a cleaning command: documents in, outcomes counted, the report written, the summary shown."""

from __future__ import annotations

import os
import sys

from ..document import decode, encode
from ..errors import InputError
from ..outcome import DocOutcome
from ..stats import Stats
from .app import error, fail, say
from .inputs import Input, read, read_by_walk, reason
from .options import color_of

REPORT_FORMATS = ("json", "jsonl", "text")
_COMPRESSED = (".gz", ".zst", ".zstd", ".xz", ".bz2", ".lz4", ".zip")


def report_format(resolved, path: str | None) -> str:
    """--report-format (or config), else guessed from the report file's extension, else json."""
    fmt = resolved.options.get("report-format") or "json"
    if path is not None and str(path) == "-":  # stdout carries the data: a report there would corrupt it
        fail("--report -: stdout carries the cleaned data; name a report file")
    if path and str(path).lower().endswith(_COMPRESSED):
        fail(f"--report {path}: reports are written uncompressed; name the file .json, .jsonl or .txt")
    if resolved.origins.get("report-format", "default") == "default" and path:
        lowered = str(path).lower()
        if lowered.endswith(".jsonl"):
            fmt = "jsonl"
        elif lowered.endswith((".txt", ".text", ".log")):
            fmt = "text"
    if fmt not in REPORT_FORMATS:
        fail(f"--report-format must be one of {', '.join(REPORT_FORMATS)}, got {fmt!r}")
    return fmt


def totals_settings(resolved) -> dict:
    """The resolved settings as the report's totals carry them (every key, kebab-case)."""
    return {**resolved.options, **resolved.settings.to_dict()}


def _within(path: str, folder) -> bool:
    return path.startswith(os.path.realpath(folder).rstrip(os.sep) + os.sep)


def write_clash(target: str, paths: list[str], *, read_back, output_dir=None, taken=()) -> str | None:
    """Why writing a file of the run's own (a report, a learned pack) to `target` would overwrite or append to data
    (an input, a file of an input folder, an output), else None. `read_back(path, folder)`: whether walking an input
    folder reads the file (then it may not be written there, there yet or not: the next run would read it back; a
    file the walk passes over, such as a JSONL report beside text files, may). `taken`: (what it is, path) of the
    run's other files it must not land on, such as ("the -o file", output) or ("the configuration file", path)."""
    target = os.path.realpath(target)
    for what, other in taken:
        if other and str(other) != "-" and os.path.realpath(other) == target:
            return f"it is also {what}"
    for p in paths:
        if p == "-":
            continue
        if not os.path.isdir(p):
            if os.path.realpath(p) == target:
                return "it is an input"
        elif _within(target, p) and read_back(target, os.path.realpath(p)):
            return f"it is inside the input folder {p}, whose walk reads it"
    if output_dir and _within(target, output_dir):
        rel = os.path.relpath(target, os.path.realpath(output_dir))
        for p in paths:
            if p == "-":
                continue
            if (os.path.isfile(os.path.join(p, rel)) if os.path.isdir(p) else os.path.basename(p) == rel):
                return f"{p} is written there"
    return None


def read_files(resolved) -> list[tuple[str, str]]:
    """The files the run reads besides its inputs (its configuration, users' rule packs): nothing it writes may
    land on them."""
    out = [("the configuration file", resolved.config_path)] if getattr(resolved, "config_path", None) else []
    return out + [("a rule pack of the run", str(p)) for p in resolved.settings.rules]


class Session:
    def __init__(self, resolved, cleaner, *, report: str | None = None):
        self.resolved, self.cleaner = resolved, cleaner
        self.stats = Stats()
        self.input_errors = 0  # binary / unreadable files: exit 2 at the end
        self.bad_records = 0  # records passed through by corpus mode: exit 3
        self.reporter = None
        self._cleaners: dict = {}
        self.batch = False  # corpus mode ran: its own summary table on a terminal
        if report:
            from ..report import ReportWriter

            fmt = report_format(resolved, report)
            try:
                self.reporter = ReportWriter(
                    report, fmt, packs_hash=cleaner.packs_hash,
                    settings={**totals_settings(resolved), "report-format": fmt},
                )
            except OSError as exc:
                fail(f"{report}: {exc.strerror or exc}")

    def refuse_clashes(self, paths: list[str], *, output=None, output_dir=None, rejects=None,
                            report_html=None, corpus: bool = False) -> None:
        """Exit 2 before any work when a report (--report, --report-html) would land on an input, an output, the
        other report or a file the run reads, or -o / --rejects on a file the run reads (its configuration, a pack)."""
        read_too = read_files(self.resolved)
        for flag, path in (("-o", output), ("--rejects", rejects)):  # (their clashes with inputs: corpus mode's)
            why = write_clash(path, [], taken=read_too, read_back=None) if path and str(path) != "-" else None
            if why:
                fail(f"{flag} {path}: {why}; name another file")
        taken = [("the -o file", output), ("the --rejects file", rejects), *read_too]
        reports = [("--report", self.reporter.path if self.reporter is not None else None),
                   ("--report-html", report_html)]
        if report_html == "-":
            fail("--report-html -: the HTML report is written to a file; name one")
        for flag, path in reports:
            if not path or path == "-":
                continue
            others = [(f"the {f} file", q) for f, q in reports if f != flag]
            why = write_clash(path, paths, output_dir=output_dir, taken=taken + others,
                              read_back=lambda t, folder: read_by_walk(t, folder, self.resolved, corpus)
                              and not (output_dir and _within(t, output_dir)))  # (the walk skips the output folder)
            if why:
                fail(f"{flag} {path}: {why}; name another file")

    @property
    def quiet(self) -> bool:
        return bool(self.resolved.options.get("quiet"))

    @property
    def color(self) -> str:
        return color_of(self.resolved)

    def clean(self, inp: Input, source: str | None = None):
        """Read and clean one text input → (input bytes, output bytes, decoded text, outcome); bytes are None when
        the input could not be read or is not text (its one-line error is already on stderr)."""
        try:
            data = read(inp)
            text = decode(data)
        except (OSError, InputError) as exc:
            error(f"{inp.path}: {reason(exc)}")
            self.input_errors += 1
            self.record(DocOutcome(inp.path, error=reason(exc)))
            return None, None, None, None
        from ..engine import PatternTimeoutError  # (loaded already: the run built its Cleaner)

        try:
            result = self.cleaner_for(inp).clean(text, source)
        except PatternTimeoutError as exc:
            # --strict: the engine names the rule and its pack but cannot know the file; without it a user with a
            # folder of inputs cannot tell which document set the pattern off (the run still stops here, exit 2)
            fail(f"{inp.path}: {exc}")
        out = encode(result.text) if result.changed else data
        outcome = DocOutcome(inp.path, source=source, result=result, chars=len(text))
        return data, out, text, outcome

    def cleaner_for(self, inp: Input):
        """The run's Cleaner, or one with the file's `per-file-ignores` added (built once per distinct settings)."""
        settings_for = getattr(self.resolved, "settings_for", None)
        if inp.is_stdin or settings_for is None:
            return self.cleaner
        settings = settings_for(inp.path)
        if settings == self.cleaner.settings:
            return self.cleaner
        if settings not in self._cleaners:
            from ..engine import Cleaner

            self._cleaners[settings] = Cleaner(settings).defer_gate()
        return self._cleaners[settings]

    def record(self, outcome: DocOutcome, *, count: bool = True, announce: bool = False) -> None:
        """Count an outcome and report it. `announce`: outcomes from corpus mode, whose failures nobody has told
        the user about yet (a failed file gets its line and exit 2; a failed record is counted, exit 3)."""
        if count:
            self.stats.add(outcome)
        if announce and outcome.failed:
            if outcome.record is None:
                error(f"{outcome.path}: {outcome.error}")
                self.input_errors += 1
            else:
                self.bad_records += 1
                if outcome.damage:  # (a bad record is only counted; a damaged stream is worth a line of its own)
                    n = outcome.record
                    say(f"nlcleaner: warning: {outcome.path}: {outcome.error}; the {n:,} record{'s' if n != 1 else ''} "
                        "before it were cleaned, the rest passed on as read")
        if self.reporter is not None:
            self.reporter.add(outcome)

    def finish(self, verb: str = "changed") -> None:
        if self.reporter is not None:
            try:
                self.reporter.close(self.stats)
            except OSError as exc:
                error(f"{self.reporter.path}: {exc.strerror or exc}")
                self.input_errors += 1
        if self.quiet or sys.stderr is None:
            return
        from ..render import is_terminal, summary

        if self.batch and (self.color == "always" or is_terminal(sys.stderr)):
            from ..corpus.summary import print_summary

            print_summary(self.stats, file=sys.stderr, color=self.color)
        else:
            summary(self.stats, color=self.color, verb=verb)
