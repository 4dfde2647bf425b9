"""Resolving settings: defaults, then the project's configuration file, then command-line flags.

`resolve()` is the one place that decides a setting's value and remembers where it came from (for
`nlcleaner config`). Engine keys become a Settings; the others (text-field, jobs, color ...) stay in `options`."""

from __future__ import annotations

from dataclasses import dataclass, field

from .settings import Settings

# every key of DESIGN's Contracts, kebab-case as in [tool.nlcleaner] / nlcleaner.toml, with its default
DEFAULTS: dict = {
    "select": None, "ignore": [], "extend-select": [], "rules": [], "guard": 0.6, "tail-zone": 0.35,
    "include": [], "exclude": [], "per-file-ignores": {}, "text-field": "text", "id-field": "id",
    "source-field": None, "input-format": None, "jobs": None, "annotate": None, "report-format": "json",
    "color": "auto", "quiet": False, "languages": None, "strict": False,
}
_ENGINE = {"select", "ignore", "extend-select", "rules", "guard", "tail-zone", "languages", "strict"}


@dataclass
class Resolved:
    settings: Settings
    options: dict  # every key, kebab-case, resolved
    origins: dict = field(default_factory=dict)  # key -> "default" | "<config file>" | "command line"
    config_path: str | None = None


def resolve(cli: dict | None = None, *, config_path=None, isolated: bool = False, cwd=None) -> Resolved:
    """Merge defaults < configuration file < command line (values given as None on the command line are unset)."""
    options = dict(DEFAULTS)
    origins = {k: "default" for k in DEFAULTS}
    for key, value in (cli or {}).items():
        if value is None:
            continue
        options[key] = value
        origins[key] = "command line"
    return Resolved(to_settings(options), options, origins, None)


def to_settings(options: dict) -> Settings:
    def tup(v):
        return tuple(v) if v is not None else None

    return Settings(
        select=tup(options["select"]), ignore=tuple(options["ignore"]), extend_select=tuple(options["extend-select"]),
        rules=tuple(str(r) for r in options["rules"]), guard=float(options["guard"]),
        tail_zone=float(options["tail-zone"]), languages=tup(options["languages"]), strict=bool(options["strict"]),
    )
