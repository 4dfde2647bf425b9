"""`clean --output-dir DIR` for plain text files (used until / unless the corpus package handles it).

A file argument goes to DIR/basename, a folder argument to DIR/<path relative to that folder>. Every input is
written, changed or not; binary files are skipped (one line, exit 2 at the end). Two inputs mapping to one output,
an output outside DIR, or an output that would overwrite an input: exit 2 before anything is written."""

from __future__ import annotations

import os

from .app import EXIT_OK, error, fail
from .inputs import STDIN, expand


def plan(files, output_dir: str) -> list[tuple[object, str]]:
    root = os.path.realpath(output_dir)
    inputs_real = {os.path.realpath(f.path) for f in files}
    seen: dict[str, str] = {}
    out = []
    for f in files:
        rel = os.path.relpath(f.path, f.root) if f.root is not None else os.path.basename(f.path)
        target = os.path.join(output_dir, rel)
        real = os.path.realpath(target)
        if os.path.commonpath([root, real]) != root:
            fail(f"{f.path}: its output {target} would leave {output_dir}")
        if real in inputs_real:
            fail(f"{f.path}: its output {target} would overwrite an input")
        if real in seen:
            fail(f"{f.path} and {seen[real]} would both be written to {target}")
        seen[real] = f.path
        out.append((f, target))
    return out


def write_text_files(session, inputs: list[str], output_dir: str) -> int:
    if STDIN in inputs:
        fail("--output-dir needs files; stdin is cleaned to stdout")
    opts = session.resolved.options
    files = expand(inputs, session.resolved)
    if os.path.exists(output_dir) and not os.path.isdir(output_dir):
        fail(f"{output_dir}: exists and is not a folder")
    for inp, target in plan(files, output_dir):
        data, out, _, outcome = session.clean(inp, opts.get("source"))
        if outcome is None:
            continue
        try:
            os.makedirs(os.path.dirname(target) or ".", exist_ok=True)
            with open(target, "wb") as handle:
                handle.write(out)
        except OSError as exc:
            error(f"{target}: {exc.strerror or exc}")
            session.input_errors += 1
            continue
        session.record(outcome)
    return EXIT_OK
