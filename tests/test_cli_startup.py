"""What a run of the command line imports and registers: only the command it names, and nothing of the engine
before a command needs it (start-up time, issue #7). Each check runs in a fresh interpreter."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT


def _fresh(code: str):
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    return json.loads(proc.stdout)


def test_importing_the_cli_loads_no_engine_no_rich_no_command():
    loaded = _fresh(
        "import json, sys, nlcleaner.cli; print(json.dumps(sorted(sys.modules)))"
    )
    for heavy in ("nlcleaner.engine", "nlcleaner.prefilter", "nlcleaner.rules", "regex", "hyperscan", "rich",
                  "tomllib", "nlcleaner.cli.clean_cmd", "nlcleaner.cli.commands"):
        assert heavy not in loaded, heavy


def test_a_command_registers_only_itself():
    got = _fresh(
        "import json, sys\n"
        "from nlcleaner.cli.app import app, register\n"
        "register(['clean', 'x.txt'])\n"
        "print(json.dumps([[i.name or i.callback.__name__ for i in app.registered_commands],\n"
        "                  sorted(m for m in sys.modules if m.startswith('nlcleaner.cli.') and m.endswith('_cmd'))]))"
    )
    assert got == [["clean"], ["nlcleaner.cli.clean_cmd"]]


def test_every_command_is_registered_by_the_module_named_for_it():
    # each module, imported on its own, registers exactly the commands COMMAND_MODULES sends to it
    got = _fresh(
        "import importlib, json\n"
        "from nlcleaner.cli.app import COMMAND_MODULES, app\n"
        "out = {}\n"
        "for module in dict.fromkeys(COMMAND_MODULES.values()):\n"
        "    before = len(app.registered_commands)\n"
        "    importlib.import_module('nlcleaner.cli.' + module)\n"
        "    out[module] = [i.name or i.callback.__name__ for i in app.registered_commands[before:]]\n"
        "print(json.dumps([out, COMMAND_MODULES]))"
    )
    by_module, mapping = got
    assert by_module == {m: [c for c, cm in mapping.items() if cm == m] for m in by_module}


def test_help_lists_every_command_in_the_same_order_whatever_ran_before():
    got = _fresh(
        "import json\n"
        "from typer.main import get_command\n"
        "from nlcleaner.cli.app import app, register\n"
        "register(['learn'])\n"
        "register(['rules'])\n"
        "register(['--help'])\n"
        "print(json.dumps(get_command(app).list_commands(None)))"
    )
    assert got == ["clean", "check", "fix", "explain", "rules", "eval", "config", "learn"]


def test_the_pack_loader_and_the_configuration_load_nothing_until_a_file_is_read():
    loaded = _fresh(
        "import json, sys\n"
        "import nlcleaner.rules.loader, nlcleaner.packcache, nlcleaner.config\n"
        "from nlcleaner.rules.loader import builtin_pack_paths\n"
        "builtin_pack_paths()\n"
        "print(json.dumps(sorted(sys.modules)))"
    )
    for lazy in ("tomllib", "difflib", "importlib.resources", "regex", "pickle"):
        assert lazy not in loaded, lazy

