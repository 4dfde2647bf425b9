"""Resolving settings: defaults, then the project's configuration file, then command-line flags.

`resolve()` is the one place that decides a setting's value and remembers where it came from (for
`nlcleaner config`). Engine keys become a Settings; the others (text-field, jobs, color ...) stay in `options`.

Where the configuration comes from (the first that applies):
1. `--config FILE` (a `pyproject.toml` is read from its `[tool.nlcleaner]` table, any other file from its top level);
2. otherwise the nearest folder, from the working directory upwards, holding an `nlcleaner.toml` or a
   `pyproject.toml` with a `[tool.nlcleaner]` table (in one folder `nlcleaner.toml` wins);
3. nothing at all with `--isolated`.
Every key and type is checked; a bad one fails with one line naming the file and the key (ConfigError).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .errors import ConfigError
from .rules.model import CATEGORIES
from .settings import Settings

# every key of DESIGN's Contracts, kebab-case as in [tool.nlcleaner] / nlcleaner.toml, with its default
DEFAULTS: dict = {
    "select": None, "ignore": [], "extend-select": [], "rules": [], "guard": 0.6, "tail-zone": 0.35,
    "include": [], "exclude": [], "per-file-ignores": {}, "text-field": "text", "id-field": "id",
    "source-field": None, "input-format": None, "jobs": None, "annotate": None, "report-format": "json",
    "color": "auto", "quiet": False, "languages": None, "strict": False,
}

CONFIG_FILE = "nlcleaner.toml"
PYPROJECT = "pyproject.toml"
COMMAND_LINE = "command line"
DEFAULT = "default"

# "auto" (= from each file's name) resolves to None; the aliases are those corpus mode understands
INPUT_FORMATS = ("auto", "text", "jsonl", "parquet", "warc", "wet", "txt", "plain", "md", "ndjson", "json")
REPORT_FORMATS = ("json", "jsonl", "text")
COLORS = ("auto", "always", "never")

# key -> what it must be; checked for files and the command line alike
_STR_LISTS = {"select", "ignore", "extend-select", "include", "exclude", "languages", "rules"}
_PREFIX_LISTS = {"select", "ignore", "extend-select"}  # rule-id prefixes: checked against the closed categories
_STRINGS = {"text-field", "id-field", "source-field"}
_CHOICES = {"input-format": INPUT_FORMATS, "report-format": REPORT_FORMATS, "color": COLORS}
_BOOLS = {"quiet", "strict"}
_SHARES = {"guard": (0.0, 1.0, True), "tail-zone": (0.0, 1.0, False)}  # (low, high, low included)


@dataclass
class Resolved:
    settings: Settings
    options: dict  # every key, kebab-case, resolved
    origins: dict = field(default_factory=dict)  # key -> "default" | "<config file>" | "command line"
    config_path: str | None = None  # the configuration file read, absolute; None when there was none
    cwd: str = field(default_factory=os.getcwd)  # the folder command-line paths and globs are relative to

    def root_for(self, key: str) -> Path:
        """The folder a key's paths and globs are relative to: the config file's folder, or the working directory."""
        origin = self.origins.get(key)
        if origin not in (None, DEFAULT, COMMAND_LINE):
            return Path(origin).parent
        return Path(self.cwd)

    def ignores_for(self, path) -> tuple[str, ...]:
        """Rule-id prefixes that `per-file-ignores` switches off for this file (in addition to `ignore`)."""
        return ignores_for(path, self.options["per-file-ignores"], self.root_for("per-file-ignores"), self.cwd)

    def matches(self, path, key: str) -> bool:
        """Whether a path matches one of the globs of `include` or `exclude` (relative to where they were set)."""
        root = self.root_for(key)
        return any(glob_match(path, g, root, self.cwd) for g in self.options[key])

    def settings_for(self, path) -> Settings:
        """The engine settings for one file: `ignore` extended by the file's `per-file-ignores`."""
        extra = self.ignores_for(path)
        if not extra:
            return self.settings
        return self.settings.replace(ignore=tuple(dict.fromkeys(self.settings.ignore + extra)))


def resolve(cli: dict | None = None, *, config_path=None, isolated: bool = False, cwd=None) -> Resolved:
    """Merge defaults < configuration file < command line (values given as None on the command line are unset)."""
    here = Path(cwd) if cwd is not None else Path.cwd()
    here = here if here.is_absolute() else Path.cwd() / here
    if isolated and config_path is not None:
        raise ConfigError("--config and --isolated cannot be used together")
    options = dict(DEFAULTS)
    origins = {k: DEFAULT for k in DEFAULTS}
    found = None
    if not isolated:
        if config_path is not None:
            found = _explicit(Path(config_path) if Path(config_path).is_absolute() else here / config_path)
        else:
            found = find_config(here)
    if found is not None:
        path, table, shown = found
        for key, value in table.items():
            options[key] = _check(key, value, shown, base=path.parent, from_file=True)
            origins[key] = str(path)
    for key, value in (cli or {}).items():
        # an empty list on the command line is "not given", except for `select`: `--select ''` is an explicit
        # empty selection and means what `select = []` in a file means, no rule (only `extend-select` adds some,
        # as in ruff); taking it as unset selected every rule, the opposite of what the file's [] does
        if value is None or (isinstance(value, (list, tuple, dict)) and not value and key != "select"):
            continue
        if key not in DEFAULTS:
            raise ConfigError(f"{COMMAND_LINE}: unknown setting '{key}'")
        options[key] = _check(key, value, COMMAND_LINE, base=here, from_file=False)
        origins[key] = COMMAND_LINE
    return Resolved(to_settings(options), options, origins, str(found[0]) if found else None, str(here))


def to_settings(options: dict) -> Settings:
    def tup(v):
        return tuple(v) if v is not None else None

    return Settings(
        select=tup(options["select"]), ignore=tuple(options["ignore"]), extend_select=tuple(options["extend-select"]),
        rules=tuple(str(r) for r in options["rules"]), guard=float(options["guard"]),
        tail_zone=float(options["tail-zone"]), languages=tup(options["languages"]), strict=bool(options["strict"]),
    )


# ---------------------------------------------------------------------------------------------- finding the file


def find_config(start) -> tuple[Path, dict, str] | None:
    """The nearest configuration from `start` upwards: (file, its nlcleaner table, how errors name it), or None."""
    start = Path(start).resolve()
    for folder in (start, *start.parents):
        own = folder / CONFIG_FILE
        if _is_file(own):
            return own.resolve(), _table(own, _read(own)[1], pyproject=False), _shown(own)
        pyproject = folder / PYPROJECT
        if _is_file(pyproject):
            _, data = _read(pyproject, lazy=True)
            if data is not None and isinstance(data.get("tool"), dict) and "nlcleaner" in data["tool"]:
                return pyproject.resolve(), _table(pyproject, data, pyproject=True), _shown(pyproject, True)
    return None


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # a folder above us we may not look into: as if nothing were there
        return False


def _explicit(path: Path) -> tuple[Path, dict, str]:
    if not path.is_file():
        raise ConfigError(f"{path}: configuration file not found")
    is_pyproject = path.name == PYPROJECT
    _, data = _read(path)
    if is_pyproject and not (isinstance(data.get("tool"), dict) and "nlcleaner" in data["tool"]):
        raise ConfigError(f"{_shown(path)}: no [tool.nlcleaner] table")
    return path.resolve(), _table(path, data, pyproject=is_pyproject), _shown(path, is_pyproject)


def _read(path: Path, lazy: bool = False) -> tuple[str, dict | None]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{_shown(path)}: cannot read the configuration: {exc.strerror or exc}") from None
    if lazy and b"nlcleaner" not in raw:
        return "", None  # a pyproject.toml of someone else's tools: not ours to judge
    import tomllib  # here, not at the top: most runs find no configuration file and read no TOML

    try:
        text = raw.decode("utf-8")
        return text, tomllib.loads(text)
    except UnicodeDecodeError:
        raise ConfigError(f"{_shown(path)}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{_shown(path)}: not valid TOML: {exc}") from None


def _table(path: Path, data: dict, *, pyproject: bool) -> dict:
    shown = _shown(path, pyproject)
    table = data["tool"]["nlcleaner"] if pyproject else data
    if not isinstance(table, dict):
        raise ConfigError(f"{shown}: expected a table")
    for key in table:
        if key not in DEFAULTS:
            raise ConfigError(f"{shown}: key '{key}': unknown key{_suggest(key)}")
    return table


def _shown(path: Path, pyproject: bool = False) -> str:
    try:
        text = str(Path(os.path.abspath(path)).relative_to(Path.cwd()))
    except ValueError:
        text = str(path)
    return f"{text}: [tool.nlcleaner]" if pyproject else text


def _suggest(key: str) -> str:
    import difflib

    close = difflib.get_close_matches(key.replace("_", "-").lower(), list(DEFAULTS), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else f" (known keys: {', '.join(DEFAULTS)})"


# ----------------------------------------------------------------------------------------------- checking values


def _check(key: str, value, where: str, *, base: Path, from_file: bool):
    """The value in its resolved form, or ConfigError naming where it was set and the key."""

    def bad(message: str):
        name = key if from_file else f"--{key}"
        return ConfigError(f"{where}: key '{name}': {message}")

    if key in _STR_LISTS:
        items = _str_list(value, from_file, bad)
        if key == "rules":
            items = [_pack_path(item, base, from_file, bad) for item in items]
        if key in _PREFIX_LISTS:
            _check_prefixes(items, bad)
        return items
    if key in _STRINGS:
        if not isinstance(value, str) or not value:
            raise bad(f"expected a non-empty string, got {_show(value)}")
        return value
    if key in _CHOICES:
        if not isinstance(value, str) or value.lower() not in _CHOICES[key]:
            raise bad(f"expected one of {', '.join(_CHOICES[key])}, got {_show(value)}")
        return None if key == "input-format" and value.lower() == "auto" else value.lower()
    if key in _BOOLS:
        if not isinstance(value, bool):
            raise bad(f"expected true or false, got {_show(value)}")
        return value
    if key in _SHARES:
        low, high, low_ok = _SHARES[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise bad(f"expected a number between {low:g} and {high:g}, got {_show(value)}")
        if not (low <= value <= high) or (value == low and not low_ok):
            side = "above" if not low_ok else "from"
            raise bad(f"expected a number {side} {low:g} up to {high:g}, got {value:g}")
        return float(value)
    if key == "jobs":
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise bad(f"expected a whole number, 0 for one per CPU, got {_show(value)}")
        return value
    if key == "annotate":
        if isinstance(value, bool) or (isinstance(value, str) and value):
            return value
        raise bad(f"expected true, false or a field name, got {_show(value)}")
    if key == "per-file-ignores":
        return _per_file_ignores(value, from_file, bad)
    raise bad("unknown key")  # pragma: no cover  (every key of DEFAULTS is handled above)


def _str_list(value, from_file: bool, bad) -> list[str]:
    if from_file:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise bad(f"expected a list of strings, got {_show(value)}")
        items = value
    else:  # the command line: a string or repeated values, each possibly comma-separated
        values = [value] if isinstance(value, (str, os.PathLike)) else list(value)
        items = [p.strip() for v in values for p in os.fspath(v).split(",")]
    items = [v.strip() for v in items if v.strip()]
    return list(dict.fromkeys(items))


def _pack_path(item: str, base: Path, from_file: bool, bad) -> str:
    path = Path(os.path.expanduser(item))
    if not path.is_absolute():
        path = base / path
    if from_file and not path.is_file():
        raise bad(f"rule pack not found: {item} (paths are relative to the configuration file)")
    return str(path)


def _per_file_ignores(value, from_file: bool, bad) -> dict[str, list[str]]:
    if not from_file and isinstance(value, (list, tuple, str)):
        # the command line: "GLOB:PREFIX[,PREFIX]" (repeatable)
        table: dict = {}
        for item in [value] if isinstance(value, str) else value:
            glob, sep, prefixes = str(item).rpartition(":")
            if not sep or not glob.strip():
                raise bad(f"expected GLOB:PREFIX[,PREFIX...], got {_show(item)}")
            table.setdefault(glob.strip(), []).extend(prefixes.split(","))
        value = table
    if not isinstance(value, dict):
        raise bad(f"expected a table of glob = [rule prefixes], got {_show(value)}")
    out = {}
    for glob, prefixes in value.items():
        if isinstance(prefixes, str) and not from_file:
            prefixes = prefixes.split(",")
        if not isinstance(prefixes, list) or not all(isinstance(p, str) for p in prefixes):
            raise bad(f"'{glob}': expected a list of rule-id prefixes, got {_show(prefixes)}")
        if not glob.strip():
            raise bad("empty glob")
        out[glob] = list(dict.fromkeys(p.strip() for p in prefixes if p.strip()))
        _check_prefixes(out[glob], bad, f"'{glob}': ")
    return out


def _check_prefixes(prefixes, bad, where: str = "") -> None:
    """A rule-id prefix must be able to select something: its category part names (or begins) one of the closed
    list of categories, so that a typo such as `ignore = ["copyrite"]` fails instead of silently doing nothing."""
    for prefix in prefixes:
        head, dot, _ = prefix.partition(".")
        ok = head in CATEGORIES if dot else any(c.startswith(head) for c in CATEGORIES)
        if not ok:
            import difflib

            close = difflib.get_close_matches(head, CATEGORIES, n=1, cutoff=0.6)
            hint = f" (did you mean '{close[0]}'?)" if close else f" (categories: {', '.join(CATEGORIES)})"
            raise bad(f"{where}'{prefix}' is not a rule-id prefix: no category '{head}'{hint}")


def _show(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return f"a list {value!r}" if len(repr(value)) < 60 else "a list"
    return f"{value!r}"


# ----------------------------------------------------------------------------------------------- globs and paths


def ignores_for(path, per_file_ignores: dict, root=None, cwd=None) -> tuple[str, ...]:
    """Rule prefixes of every `per-file-ignores` glob the path matches, in the table's order, without repeats."""
    out: list[str] = []
    for glob, prefixes in per_file_ignores.items():
        if glob_match(path, glob, root, cwd):
            out.extend(prefixes)
    return tuple(dict.fromkeys(out))


def glob_match(path, pattern: str, root=None, cwd=None) -> bool:
    """gitignore-like matching of a path against a glob relative to `root`.

    `*` and `?` stay inside one folder, `**` crosses folders, `[abc]` is a class; a glob without `/` matches a
    name at any depth; a glob that matches a folder matches everything under it."""
    rel = _relative(path, root, cwd)
    return _compile(pattern).match(rel) is not None


def _relative(path, root, cwd) -> str:
    p = Path(os.fspath(path))
    if not p.is_absolute():
        p = Path(cwd or os.getcwd()) / p
    p = Path(os.path.normpath(p))
    if root is not None:
        r = Path(os.path.normpath(Path(root) if Path(root).is_absolute() else Path(cwd or os.getcwd()) / root))
        try:
            return p.relative_to(r).as_posix()
        except ValueError:
            pass
    return p.as_posix()


@lru_cache(maxsize=256)
def _compile(pattern: str):
    import regex  # here: a run without globs (most) does not load it for the configuration

    pat = pattern.strip()
    if pat.startswith("./"):
        pat = pat[2:]
    anchored = "/" in pat.rstrip("/")
    pat = pat.strip("/")
    out = []
    i = 0
    while i < len(pat):
        c = pat[i]
        if pat.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pat.startswith("**", i):
            out.append(".*")
            i += 2
        elif c == "*":
            out.append("[^/]*")
            i += 1
        elif c == "?":
            out.append("[^/]")
            i += 1
        elif c == "[":
            close = pat.find("]", i + 2)
            if close == -1:
                out.append(regex.escape(c))
                i += 1
                continue
            body = pat[i + 1:close]
            if body.startswith("!"):
                body = "^" + body[1:]
            out.append("[" + body.replace("\\", "\\\\") + "]")
            i = close + 1
        else:
            out.append(regex.escape(c))
            i += 1
    prefix = "" if anchored else "(?:.*/)?"
    return regex.compile(f"^{prefix}{''.join(out)}(?:/.*)?$", regex.DOTALL)
