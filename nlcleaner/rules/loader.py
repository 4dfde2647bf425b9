"""One loader for every pack: built-in, user and learned. Every key is checked; a broken pack fails with one line
naming the file, the rule and the key (PackError)."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import PackError
from .model import CATEGORIES, KINDS, POSITIONS, Pack, Rule

# tomllib, hashlib, regex and importlib.resources are imported where they are used: a cached pack (the usual
# start) reads no TOML, and every run of the command line would pay for them
_ID = r"^[a-z]+\.[a-z0-9]+(?:-[a-z0-9]+)*$"  # compiled on the first pack read (regex keeps it), not at import
_COMMON = {"id", "kind", "why", "position", "within_last", "languages", "publishers", "source", "evidence", "examples"}
_MARKER_KEYS = {"phrases", "match", "max_chars", "pattern", "on", "anchors"}
_KIND_KEYS = {
    "phrase": {"phrases", "match", "max_chars", "scope", "max_lines", "max_matches", "over_prose"},
    "pattern": {"pattern", "on", "anchors", "max_chars", "scope", "max_lines", "max_matches", "over_prose"},
    "region": {"start", "end", "max_lines", "unclosed", "end_run"},
    "cut": {"marker", "max_share", "confirm"},
    "scored": {"threshold", "min_signals", "min_line_weight", "max_lines", "bridge_chars", "signal"},
}
_SIGNAL_KEYS = {"name", "weight", "describes", "phrases", "pattern", "on", "anchors", "max_chars"}


def builtin_pack_paths() -> list[Path]:
    """The packs shipped inside the package, in a stable order."""
    from .. import __file__ as package_init

    root = Path(package_init).parent / "packs"  # the path importlib.resources gives for a package on disk
    if not root.is_dir():  # a package inside an archive: its resources are reached through importlib
        from importlib import resources

        root = resources.files("nlcleaner") / "packs"
    return sorted((Path(str(p)) for p in root.iterdir() if p.name.endswith(".toml")), key=lambda p: p.name)


def user_pack_paths(paths, builtin=()) -> list:
    """The users' pack paths without a second spelling of a file already given ("p.toml" and "./p.toml", a link to
    it, or a built-in pack): loaded twice, a pack's ids would clash with themselves. The first spelling is kept."""
    seen = {_file_of(p) for p in builtin}
    out = []
    for path in paths:
        file = _file_of(path)
        if file not in seen:
            seen.add(file)
            out.append(path)
    return out


def is_builtin_pack(path) -> bool:
    """Whether `path` names one of the packs shipped inside the package (however it is spelt)."""
    return _file_of(path) in {_file_of(p) for p in builtin_pack_paths()}


def _file_of(path):
    """What tells one file from another: its device and inode (a hard link is the same file), or, for a path that
    names no file (its error comes when it is loaded), the path with links and dots resolved."""
    try:
        stat = os.stat(path)
    except (OSError, ValueError):
        return os.path.realpath(path)
    return (stat.st_dev, stat.st_ino)


def load_packs(paths, *, user: bool = False) -> list[Pack]:
    """Load several packs (a file given twice, once), checking that rule ids are unique across all of them."""
    packs = [load_pack(p, user=user) for p in user_pack_paths(paths)]
    check_unique(packs)
    return packs


def check_unique(packs) -> None:
    seen: dict[str, str] = {}
    names: dict[str, str] = {}
    for pack in packs:
        if pack.name in names and names[pack.name] != pack.path:
            raise PackError(pack.path, f"pack name '{pack.name}' is already used by {names[pack.name]}", key="pack.name")
        names[pack.name] = pack.path
        for rule in pack.rules:
            if rule.id in seen:
                raise PackError(pack.path, f"id is already defined in {seen[rule.id]}", rule=rule.id, key="id")
            seen[rule.id] = pack.path


def load_pack(path, *, user: bool = False) -> Pack:
    path = Path(path)
    shown = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise PackError(shown, f"cannot read the pack: {exc.strerror or exc}") from None
    import hashlib
    import tomllib

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise PackError(shown, "not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise PackError(shown, f"not valid TOML: {exc}") from None
    return parse_pack(data, shown, hashlib.sha256(raw).hexdigest(), user=user)


def parse_pack(data: dict, shown: str, digest: str, *, user: bool = False) -> Pack:
    unknown = set(data) - {"pack", "rule"}
    if unknown:
        raise PackError(shown, "unknown top-level key (expected [pack] and [[rule]])", key=sorted(unknown)[0])
    meta = data.get("pack")
    if not isinstance(meta, dict):
        raise PackError(shown, "missing [pack] table with a name", key="pack")
    name = meta.get("name")
    if not isinstance(name, str) or not name:
        raise PackError(shown, "expected a non-empty string", key="pack.name")
    description = meta.get("description", "")
    if not isinstance(description, str):
        raise PackError(shown, "expected a string", key="pack.description")
    extra = set(meta) - {"name", "description"}
    if extra:
        raise PackError(shown, "unknown key", key=f"pack.{sorted(extra)[0]}")
    items = data.get("rule", [])
    if not isinstance(items, list):
        raise PackError(shown, "expected [[rule]] tables", key="rule")
    rules = tuple(_parse_rule(item, i, name, shown, user) for i, item in enumerate(items))
    check_unique([Pack(name, description, shown, rules, digest)])
    return Pack(name, description, shown, rules, digest)


class _Checker:
    """Reads one rule's keys with errors that name the file, the rule and the key."""

    def __init__(self, path: str, rule: str):
        self.path, self.rule = path, rule

    def fail(self, key: str, message: str):
        raise PackError(self.path, message, rule=self.rule, key=key)

    def string(self, table: dict, key: str, prefix: str = "", default=None, required=False, choices=None):
        value = table.get(key, default)
        name = prefix + key
        if value is None:
            if required:
                self.fail(name, "missing (required)")
            return None
        if not isinstance(value, str):
            self.fail(name, f"expected a string, got {type(value).__name__}")
        if choices and value not in choices:
            self.fail(name, f"expected one of {', '.join(choices)}, got '{value}'")
        return value

    def strings(self, table: dict, key: str, prefix: str = "", required=False) -> tuple[str, ...]:
        value = table.get(key)
        name = prefix + key
        if value is None:
            if required:
                self.fail(name, "missing (required)")
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(name, "expected a list of strings")
        if required and not value:
            self.fail(name, "must not be empty")
        return tuple(value)

    def number(self, table: dict, key: str, default, prefix: str = "", integer=False, low=None, high=None):
        value = table.get(key, default)
        name = prefix + key
        ok = isinstance(value, int) if integer else isinstance(value, (int, float))
        if not ok or isinstance(value, bool):
            self.fail(name, f"expected {'an integer' if integer else 'a number'}, got {value!r}")
        if (low is not None and value < low) or (high is not None and value > high):
            span = (f"between {low} and {high}" if low is not None and high is not None
                    else f"of at least {low}" if low is not None else f"of at most {high}")
            self.fail(name, f"expected a value {span}, got {value!r}")
        return value

    def unknown(self, table: dict, allowed: set, prefix: str = ""):
        extra = set(table) - allowed
        if extra:
            self.fail(prefix + sorted(extra)[0], "unknown key")

    def pattern(self, table: dict, key: str, prefix: str = "", required=True):
        text = self.string(table, key, prefix, required=required)
        if text is None:
            return None
        import regex

        from .. import regex_programs

        try:  # (through the recorded programs: the check is microseconds for a pattern compiled by an earlier run,
            # as every pattern of a pack is when its cache is built again after an edit or an upgrade)
            regex_programs.compile(text, regex.IGNORECASE | regex.V1)
        except regex.error as exc:
            self.fail(prefix + key, f"invalid pattern: {exc}")
        return text

    def matcher(self, table: dict, prefix: str, allowed: set) -> dict:
        """A line matcher: literal phrases or a pattern (markers, signals, phrase and pattern rules)."""
        self.unknown(table, allowed, prefix)
        has_phrases, has_pattern = "phrases" in table, "pattern" in table
        if has_phrases == has_pattern:
            self.fail(prefix + "phrases", "give exactly one of 'phrases' or 'pattern'")
        spec: dict = {"max_chars": self.number(table, "max_chars", 0, prefix, integer=True, low=0) or None}
        if has_phrases:
            spec["phrases"] = self.strings(table, "phrases", prefix, required=True)
            from ..normalise import bare, normalise

            for i, phrase in enumerate(spec["phrases"]):
                if not bare(normalise(phrase)):  # (a line is matched as normalised: this one would match nothing)
                    self.fail(f"{prefix}phrases[{i}]", f"{phrase!r} is empty once normalised (spaces, Markdown marks)")
            spec["match"] = self.string(table, "match", prefix, default="line", choices=("line", "prefix", "contains"))
        else:
            spec["pattern"] = self.pattern(table, "pattern", prefix)
            spec["on"] = self.string(table, "on", prefix, default="normalised", choices=("normalised", "raw"))
            spec["anchors"] = self.strings(table, "anchors", prefix)
        return spec


def _parse_rule(item, index: int, pack: str, path: str, user: bool) -> Rule:
    if not isinstance(item, dict):
        raise PackError(path, "expected a table", rule=f"#{index + 1}")
    rid = item.get("id")
    label = rid if isinstance(rid, str) else f"#{index + 1}"
    c = _Checker(path, label)
    rid = c.string(item, "id", required=True)
    import regex

    if not regex.match(_ID, rid):
        c.fail("id", "expected 'category.lower-kebab-name'")
    category = rid.split(".", 1)[0]
    if category not in CATEGORIES:
        c.fail("id", f"unknown category '{category}' (expected one of {', '.join(CATEGORIES)})")
    kind = c.string(item, "kind", required=True, choices=KINDS)
    c.unknown(item, _COMMON | _KIND_KEYS[kind])
    why = c.string(item, "why", required=True)
    position = c.string(item, "position", default="anywhere", choices=POSITIONS)
    evidence = c.string(item, "evidence", default="weak" if kind == "scored" else "strong", choices=("strong", "weak"))
    if kind == "scored" and evidence == "strong":
        c.fail("evidence", "scored rules are always weak evidence")
    source = c.string(item, "source")
    examples = item.get("examples", {})
    if not isinstance(examples, dict):
        c.fail("examples", "expected a table with 'remove' and 'keep'")
    c.unknown(examples, {"remove", "keep"}, "examples.")
    remove = c.strings(examples, "remove", "examples.")
    keep = c.strings(examples, "keep", "examples.")
    if not remove:
        c.fail("examples.remove", "every rule needs at least one example to remove")
    if not keep and category != "learned":
        c.fail("examples.keep", "every rule needs at least one example to keep")
    return Rule(
        id=rid, kind=kind, why=why, pack=pack, path=path, position=position,
        within_last=c.number(item, "within_last", 0, integer=True, low=0) or None,
        languages=c.strings(item, "languages"), publishers=c.strings(item, "publishers"),
        source=_host(source) if source else None, strong=evidence == "strong", user=user,
        spec=_kind_spec(c, kind, item), examples_remove=remove, examples_keep=keep,
    )


def _kind_spec(c: _Checker, kind: str, item: dict) -> dict:
    own = {k: v for k, v in item.items() if k in _KIND_KEYS[kind]}
    if kind in ("phrase", "pattern"):
        rest = {k: v for k, v in own.items() if k not in ("scope", "max_lines", "max_matches", "over_prose")}
        spec = {"line": c.matcher(rest, "", _MARKER_KEYS)}
        if kind == "phrase" and "pattern" in own:
            c.fail("pattern", "a phrase rule takes 'phrases'; use kind = \"pattern\"")
        if kind == "pattern" and "phrases" in own:
            c.fail("phrases", "a pattern rule takes 'pattern'; use kind = \"phrase\"")
        scopes = ("line", "paragraph", "span") if kind == "pattern" else ("line", "paragraph")
        spec["scope"] = c.string(own, "scope", default="line", choices=scopes)
        if spec["scope"] == "span" and spec["line"].get("on") != "raw":
            c.fail("scope", "scope = \"span\" needs on = \"raw\" (offsets are taken from the line as it is)")
        spec["max_lines"] = c.number(own, "max_lines", 8, integer=True, low=1)
        spec["max_matches"] = c.number(own, "max_matches", 1, integer=True, low=1) if "max_matches" in own else None
        spec["over_prose"] = c.string(own, "over_prose", default="remove", choices=("remove", "keep"))
        return spec
    if kind == "region":
        for key in ("start", "end"):
            if not isinstance(own.get(key), dict):
                c.fail(key, "expected a marker table, e.g. { phrases = [\"...\"], match = \"line\" }")
        return {
            "start": c.matcher(own["start"], "start.", _MARKER_KEYS),
            "end": c.matcher(own["end"], "end.", _MARKER_KEYS),
            "max_lines": c.number(own, "max_lines", 40, integer=True, low=1),
            "unclosed": c.string(own, "unclosed", default="keep", choices=("keep", "tail")),
            "end_run": c.string(own, "end_run", default="first", choices=("first", "row")),
        }
    if kind == "cut":
        if not isinstance(own.get("marker"), dict):
            c.fail("marker", "expected a marker table, e.g. { phrases = [\"Comments\"], match = \"line\" }")
        spec = {
            "marker": c.matcher(own["marker"], "marker.", _MARKER_KEYS),
            "max_share": c.number(own, "max_share", 1.0, low=0.0, high=1.0),
            "confirm": None,
        }
        if "confirm" in own:
            if not isinstance(own["confirm"], dict):
                c.fail("confirm", "expected a marker table with 'min', e.g. { pattern = '^posted by', min = 3 }")
            table = dict(own["confirm"])
            minimum = c.number(table, "min", 3, "confirm.", integer=True, low=1)
            within = c.number(table, "within", 15, "confirm.", integer=True, low=1)
            table.pop("min", None)
            table.pop("within", None)
            spec["confirm"] = {"line": c.matcher(table, "confirm.", _MARKER_KEYS), "min": minimum, "within": within}
        return spec
    signals = own.get("signal")
    if not isinstance(signals, list) or not signals or not all(isinstance(s, dict) for s in signals):
        c.fail("signal", "expected one or more [[rule.signal]] tables")
    parsed = []
    for i, sig in enumerate(signals):
        prefix = f"signal[{i}]."
        name = c.string(sig, "name", prefix, required=True)
        weight = c.number(sig, "weight", None, prefix)
        describes = sig.get("describes", False)
        if not isinstance(describes, bool):
            c.fail(prefix + "describes", "expected true or false")
        body = {k: v for k, v in sig.items() if k not in ("name", "weight", "describes")}
        m = c.matcher(body, prefix, _SIGNAL_KEYS - {"name", "weight", "describes"})
        m["match"] = "contains" if "phrases" in m else None
        parsed.append({"name": name, "weight": weight, "describes": describes, "line": m})
    return {
        "threshold": c.number(own, "threshold", None),
        "min_signals": c.number(own, "min_signals", 2, integer=True, low=1),
        "min_line_weight": c.number(own, "min_line_weight", 1),
        "max_lines": c.number(own, "max_lines", 25, integer=True, low=1),
        "bridge_chars": c.number(own, "bridge_chars", 60, integer=True, low=0),
        "signals": parsed,
    }


def _host(value: str) -> str:
    """A URL or host reduced to its lower-case host without 'www.' — the same reduction clean and learn use."""
    from ..source import host_of

    return host_of(value)
