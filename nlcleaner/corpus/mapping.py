"""Where each input goes under `--output-dir DIR` (DESIGN, Contracts: "Where output goes").

A file argument goes to DIR/basename, a folder argument to DIR/<path relative to the folder>. Every problem is
found before anything is written: two inputs mapping to one output, an output leaving DIR, an output that would
overwrite an input."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .discover import expand_folder, format_of
from .errors import UsageError


@dataclass
class Job:
    input: Path  # Path("-") for stdin
    format: str
    output: Path | None = None  # its own output file under --output-dir; None when writing to -o / stdout
    display: str = ""  # the input as the user named it (for reports)
    settings: object = None  # engine settings of this file when per-file-ignores change them (else None)
    unreadable: str | None = None  # why the file cannot be read at all (found while planning): it fails alone

    @property
    def stdin(self) -> bool:
        return str(self.input) == "-"


def _real(p: Path) -> Path:
    return Path(os.path.realpath(p))


def _inside(child: Path, parent: Path) -> bool:
    return child == parent or parent in child.parents


def plan(inputs: list[str], *, output_dir: Path | None, include=(), exclude=(),
         input_format: str | None = None, roots=(), left_out: list | None = None) -> list[Job]:
    """Expand folders and, with `output_dir`, give every input its output path (checked, nothing written yet).
    An output folder inside an input folder is not read (its files would be read back as inputs on a rerun):
    the files of the input folder found in it are added to `left_out`, for the caller to say so."""
    out_real = _real(output_dir) if output_dir is not None else None
    jobs: list[Job] = []
    for item in inputs:
        if item == "-":
            if output_dir is not None:
                raise UsageError("'-' (stdin) cannot be written to --output-dir; use -o FILE or stdout")
            jobs.append(Job(Path("-"), format_of("-", input_format) if input_format else "text", None, "-"))
            continue
        path = Path(item)
        if path.is_dir():
            skip = (output_dir,) if output_dir is not None else ()
            if left_out is not None and out_real is not None and out_real.is_dir() and out_real != _real(path) \
                    and _inside(out_real, _real(path)):
                left_out += [f for f in expand_folder(path, include, exclude, input_format, (), roots)
                             if _inside(_real(f), out_real)]
            for f in expand_folder(path, include, exclude, input_format, skip, roots):
                rel = f.relative_to(path)
                target = output_dir / rel if output_dir is not None else None
                jobs.append(Job(f, format_of(f, input_format), target, str(f)))
        else:
            target = output_dir / path.name if output_dir is not None else None
            jobs.append(Job(path, format_of(path, input_format), target, item))
    if output_dir is not None:
        check(jobs, output_dir, out_real)
    return jobs


def check(jobs: list[Job], output_dir: Path, out_real: Path | None = None) -> None:
    out_real = out_real or _real(output_dir)
    if output_dir.exists() and not output_dir.is_dir():
        raise UsageError(f"--output-dir {output_dir}: exists and is not a folder")
    inputs = {_real(j.input): j for j in jobs if not j.stdin}
    seen: dict[Path, Job] = {}
    for job in jobs:
        assert job.output is not None
        # lexical check first (a basename of '..'), then the real path (symlinks inside DIR)
        lexical = Path(os.path.normpath(output_dir / os.path.relpath(job.output, output_dir)))
        target = _real(job.output)
        if not _inside(target, out_real) or not _inside(_real(lexical), out_real) or target == out_real:
            raise UsageError(f"{job.display}: its output {job.output} would leave --output-dir {output_dir}")
        if target in inputs:
            raise UsageError(f"{job.display}: its output {job.output} would overwrite an input")
        if target in seen:
            raise UsageError(
                f"{seen[target].display} and {job.display} would both be written to {job.output}"
            )
        seen[target] = job
