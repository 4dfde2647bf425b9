"""`nlcleaner rules` (list), `nlcleaner rules ID` (one rule: why and examples), `nlcleaner rules test FILE` (run a
pack's examples)."""

from __future__ import annotations

import json
from typing import Annotated, Optional

import typer

from . import options as o
from .app import EXIT_FINDINGS, EXIT_OK, StdoutText, app, echo_out, fail, write_out


@app.command(name="rules")
def rules_command(
    args: Annotated[Optional[list[str]], typer.Argument(
        metavar="[ID | test FILE]", help="A rule id (or id prefix) to show, or `test FILE` to run a pack's examples.",
        show_default=False)] = None,
    output_format: o.OutputFormat = "text",
    select: o.Select = None, ignore: o.Ignore = None, extend_select: o.ExtendSelect = None, rules: o.Rules = None,
    languages: o.Languages = None, config: o.Config = None, isolated: o.Isolated = False, color: o.Color = None,
):
    """List the rules (id, category, languages, what each removes), show one, or test a pack's examples.

    \b
    Examples:
      nlcleaner rules
      nlcleaner rules --select donation --output-format json
      nlcleaner rules donation.moscow-times
      nlcleaner rules test my-pack.toml
    """
    o.check_output_format(output_format)
    args = list(args or [])
    if args and args[0] == "test":
        if len(args) != 2:
            fail("usage: nlcleaner rules test FILE")
        raise typer.Exit(_test_pack(args[1], output_format))
    if len(args) > 1:
        fail("give one rule id (or `test FILE`)")
    cli = {**o.engine_flags(select=select, ignore=ignore, extend_select=extend_select, rules=rules,
                            languages=languages), "color": color}
    resolved = o.resolve(cli, config=config, isolated=isolated)
    cleaner = o.cleaner(resolved)
    if args:
        _show(cleaner, args[0], output_format, o.color_of(resolved))
    else:
        _list(cleaner, output_format, o.color_of(resolved))
    raise typer.Exit(EXIT_OK)


def _rows(cleaner) -> list[dict]:
    from ..engine import CONTEXT_RULES

    pack_of = {r.id: p.name for p in cleaner.packs for r in p.rules}
    rows = [
        {"id": r.id, "category": r.category, "kind": r.kind, "languages": list(r.languages), "pack": pack_of[r.id],
         "why": r.why}
        for r in cleaner.rules
    ]
    rows += [
        {"id": rid, "category": rid.split(".", 1)[0], "kind": "context", "languages": [], "pack": "(engine)",
         "why": CONTEXT_RULES[rid]}
        for rid in cleaner.context_rules
    ]
    return sorted(rows, key=lambda r: r["id"])


def _list(cleaner, fmt: str, color: str) -> None:
    rows = _rows(cleaner)
    if fmt == "json":
        keys = ("id", "category", "kind", "languages", "pack")
        write_out((json.dumps([{k: r[k] for k in keys} for r in rows], ensure_ascii=True, indent=1) + "\n").encode())
        return
    from ..render import table

    table(["id", "category", "languages", "removes"],
          [[r["id"], r["category"], ",".join(r["languages"]) or "any", r["why"]] for r in rows], color=color,
          stream=StdoutText())


def _show(cleaner, wanted: str, fmt: str, color: str) -> None:
    from ..engine import CONTEXT_RULES

    rule = cleaner.rule(wanted)
    if rule is None and wanted not in CONTEXT_RULES:
        matches = sorted(r.id for r in cleaner.all_rules if r.id.startswith(wanted))
        if not matches:
            fail(f"no rule '{wanted}' (see `nlcleaner rules` for the list)")
        if len(matches) > 1:
            for rid in matches:
                echo_out(rid)
            raise typer.Exit(EXIT_OK)
        rule = cleaner.rule(matches[0])
    if rule is None:  # a context pass of the engine
        data = {"id": wanted, "category": wanted.split(".", 1)[0], "kind": "context", "pack": "(engine)",
                "why": CONTEXT_RULES[wanted], "position": "tail", "languages": [], "examples": {"remove": [], "keep": []}}
    else:
        pack = next(p for p in cleaner.packs if rule in p.rules)
        data = {
            "id": rule.id, "category": rule.category, "kind": rule.kind, "pack": pack.name, "file": rule.path,
            "why": rule.why, "position": rule.position, "languages": list(rule.languages),
            "publishers": list(rule.publishers), "source": rule.source,
            "evidence": "strong" if rule.strong else "weak (subject to the guard)",
            "enabled": any(r.id == rule.id for r in cleaner.rules),
            "examples": {"remove": list(rule.examples_remove), "keep": list(rule.examples_keep)},
        }
    if fmt == "json":
        write_out((json.dumps(data, ensure_ascii=True, indent=1) + "\n").encode())
        return
    lines = [data["id"], "", data["why"], ""]
    for key in ("category", "kind", "pack", "file", "position", "languages", "publishers", "source", "evidence",
                "enabled"):
        value = data.get(key)
        if value in (None, [], ""):
            continue
        if isinstance(value, list):
            value = ", ".join(value)
        lines.append(f"{key + ':':<12}{value}")
    for which, title in (("remove", "removes (lines marked ~~ go)"), ("keep", "keeps")):
        for i, example in enumerate(data["examples"][which], 1):
            lines += ["", f"example {i}, {title}:"]
            lines += ["    " + x for x in example.strip("\n").split("\n")]
    write_out(("\n".join(lines) + "\n").encode("utf-8", "backslashreplace"))


def _test_pack(path: str, fmt: str) -> int:
    """Run every example of a pack (with that pack alone): which pass, which fail and why. Exit 1 on a failure;
    exit 2 for a pack `clean --rules` would refuse (a broken rule, an id a built-in rule has)."""
    from ..engine import Cleaner
    from ..errors import NLCleanerError
    from ..rules.examples import check_rule
    from ..rules.loader import is_builtin_pack, load_pack
    from ..settings import Settings

    try:
        if is_builtin_pack(path):
            # a pack shipped with nlcleaner (a contributor editing it): its rules run as `clean` runs them, built-in
            # (no time limit, the checks that keep prose about furniture), beside the other built-in packs
            pack = load_pack(path)
            everything = Cleaner(Settings())
        else:
            pack = load_pack(path, user=True)
            everything = Cleaner(Settings(builtin=False, rules=(path,)))
            # a pack is used beside the built-in ones (`clean --rules`): an id one of them has is refused there, and
            # here too, rather than passing a pack that `clean` then rejects
            Cleaner(Settings(rules=(path,)))
    except NLCleanerError as exc:
        fail(str(exc))
    results = []
    for rule in pack.rules:
        failures = check_rule(rule, everything.restricted([rule.id]), everything)
        results.append({
            "rule": rule.id, "examples": len(rule.examples_remove) + len(rule.examples_keep),
            "failures": [str(f) for f in failures],
        })
    failed = [r for r in results if r["failures"]]
    if fmt == "json":
        write_out((json.dumps({"pack": pack.name, "file": path, "rules": results}, ensure_ascii=True, indent=1)
                   + "\n").encode())
    else:
        lines = []
        for r in results:
            if r["failures"]:
                lines.append(f"FAIL {r['rule']}")
                lines += [f"     {f}" for f in r["failures"]]
            else:
                lines.append(f"ok   {r['rule']} ({r['examples']} example{'s' if r['examples'] != 1 else ''})")
        lines.append(f"{path}: {len(results) - len(failed)} of {len(results)} rules pass their examples")
        write_out(("\n".join(lines) + "\n").encode("utf-8", "backslashreplace"))
    return EXIT_FINDINGS if failed else EXIT_OK
