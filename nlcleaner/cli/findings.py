"""`check`'s findings: what would be removed (or what the guard held back) in a document, as text, JSON or
GitHub Actions annotations."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

FORMATS = ("text", "json", "github")


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    end_line: int
    rule: str
    category: str
    status: str  # "remove" | "held" (guard) | "flag" (a document-level flag such as a timed-out rule)
    message: str
    start: int | None = None
    end: int | None = None


def _excerpt(text: str, width: int = 60) -> str:
    from ..render import displayable  # a finding is printed: no control character of the document goes through

    first = next((x.strip() for x in text.split("\n") if x.strip()), "")
    return displayable(first if len(first) <= width else first[: width - 1] + "…")


def _lines(r) -> str:
    return f"line {r.start_line}" if r.start_line == r.end_line else f"lines {r.start_line}-{r.end_line}"


def findings_of(path: str, result) -> list[Finding]:
    out = []
    for r in result.removals:
        out.append(Finding(
            path, r.start_line, r.end_line, r.rule, r.category, "remove",
            f"would remove {_lines(r)} ({r.end - r.start} chars): {_excerpt(r.text)}", r.start, r.end,
        ))
    for r in result.held:
        out.append(Finding(
            path, r.start_line, r.end_line, r.rule, r.category, "held",
            f"guard-flagged: held back {_lines(r)} ({r.end - r.start} chars, weak evidence over the guard share): "
            f"{_excerpt(r.text)}", r.start, r.end,
        ))
    for flag in result.flags:
        if flag == "guard":
            if not result.held:
                out.append(Finding(path, 1, 1, "guard", "guard", "flag", "guard-flagged document"))
            continue
        kind, _, rule = flag.partition(":")
        message = f"rule {rule} timed out and was skipped" if kind == "timeout" else f"flagged: {flag}"
        out.append(Finding(path, 1, 1, rule or kind, (rule or kind).split(".", 1)[0], "flag", message))
    out.sort(key=lambda f: (f.line, f.status != "remove"))
    return out


def render(findings: list[Finding], fmt: str) -> str:
    if fmt == "json":
        return json.dumps([asdict(f) for f in findings], ensure_ascii=True, indent=1) + "\n"
    if fmt == "github":
        return "".join(_github(f) + "\n" for f in findings)
    return "".join(f"{f.path}:{f.line}: {f.rule}  {f.message}\n" for f in findings)


def _github(f: Finding) -> str:
    """A workflow command GitHub Actions shows as an annotation on the file's lines."""
    level = "warning" if f.status == "remove" else "notice"
    props = f"file={_prop(f.path)},line={f.line},endLine={f.end_line},title={_prop('nlcleaner ' + f.rule)}"
    return f"::{level} {props}::{_data(f.message)}"


def _data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")
