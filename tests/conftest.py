from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"


def gate_on() -> bool:
    """Whether a default Cleaner gets the hyperscan gate here: hyperscan installed, and neither
    NLCLEANER_PREFILTER nor NLCLEANER_GATE turning it away (the suite also runs with a forced backend or gate)."""
    from nlcleaner.prefilter import choose_backend, choose_gate

    return choose_gate(choose_backend()) == "hyperscan"


# for tests of the gate itself: skipped, not failed, where the gate is not in use
needs_gate = pytest.mark.skipif(not gate_on(), reason="the hyperscan gate is not in use (not installed, or turned off)")


@pytest.fixture(scope="session")
def cleaner():
    from nlcleaner import Cleaner

    return Cleaner()


def keys_only(settings=None):
    """A Cleaner whose prefilter is the python backend (keys alone, no gate of either engine): the reference the
    gated engines must agree with, byte for byte."""
    from nlcleaner import Cleaner
    from nlcleaner.prefilter import Prefilter

    plain = Cleaner(settings) if settings is not None else Cleaner()
    plain._prefilter = Prefilter.for_matchers((m for k in plain._kinds for m in k.matchers), backend="python",
                                                gate="0")
    return plain


def judged_as_built_in(settings=None):
    """A Cleaner whose rules the gate judges as it judges the built-in packs', users' patterns included (it leaves
    those to their keys: see `Prefilter._build_gate`): how the gate's tests reach it with expressions of their own.
    (Its gate is built when first asked for, after this.)"""
    from nlcleaner import Cleaner

    cleaner = Cleaner(settings) if settings is not None else Cleaner()
    for kind in cleaner._kinds:
        for m in kind.matchers:
            m.user = False
    return cleaner


def gate_pair(settings=None):
    """(the default Cleaner with its hyperscan gate, its keys-only twin) for the same settings. The gate's tests give
    their expressions as users' packs, whose patterns the gate leaves to their keys (see `Prefilter._build_gate`):
    here they are judged as the built-in packs' are, before the gate is built."""
    gated = judged_as_built_in(settings)
    assert gated._prefilter.gate is not None
    return gated, keys_only(settings)


@contextmanager
def quick_gate():
    """While in it, new Cleaners get the RE2 gate (none without RE2): it compiles in a fraction of a second, where
    hyperscan's database for a rule set other than the default one (a pack added, categories selected) takes about
    a minute when no cached database is close to it (`gate_reuse`; in a fresh cache, the default one may not be
    there yet). For the tests of something else than the gate whose rules differ from the default ones; that the
    gates change no output is tested in test_prefilter."""
    from nlcleaner.prefilter.gate_re2 import available

    before = os.environ.get("NLCLEANER_GATE")
    os.environ["NLCLEANER_GATE"] = "re2" if available() else "0"
    try:
        yield
    finally:
        if before is None:
            del os.environ["NLCLEANER_GATE"]
        else:
            os.environ["NLCLEANER_GATE"] = before


def removed_by_category(cleaner, text: str) -> dict[str, str]:
    """The non-blank lines a Cleaner removes from text (stripped), each mapped to the category that removed it."""
    out = {}
    for r in cleaner.clean(text).removals:
        for line in r.text.splitlines():
            if line.strip():
                out[line.strip()] = r.category
    return out


def require(module: str):
    """Import an optional library (a format, an engine): skipped without it locally, a failure under CI (CI=true),
    where the dev extra installs every one, so a missing extra can never pass unnoticed."""
    import importlib
    import os

    try:
        return importlib.import_module(module)
    except ImportError:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{module} is not importable under CI: install the dev extra (pip install -e '.[dev]')")
        pytest.skip(f"{module} not installed", allow_module_level=True)


def run_slurm_array(pickled, tasks: int, scratch, cwd=None) -> None:
    """Run the array tasks of a pickled DataTrove Slurm job as its batch script would, without Slurm: each task in its
    own process with SLURM_ARRAY_TASK_ID set, and a stand-in `scontrol` that names this host as the node list."""
    import os
    import subprocess
    import sys

    fake_bin = scratch / "bin"
    fake_bin.mkdir(exist_ok=True)
    (fake_bin / "scontrol").write_text("#!/bin/sh\necho localhost\n")
    (fake_bin / "scontrol").chmod(0o755)
    for task in range(tasks):
        env = {**os.environ, "SLURM_ARRAY_TASK_ID": str(task), "RUN_OFFSET": "0", "SLURM_NODELIST": "localhost",
               "PATH": f"{fake_bin}{os.pathsep}{os.environ.get('PATH', '')}"}
        subprocess.run([sys.executable, "-m", "datatrove.tools.launch_pickled_pipeline", str(pickled)],
                       env=env, check=True, capture_output=True, cwd=cwd)


# an article the furniture-quality tests append furniture to: whatever a test adds, these lines must stay
TRAM_ARTICLE = """\
# Council approves the new tram line

The city council voted 31 to 9 on Tuesday to build a tram line from the station to the university.

Construction starts next spring and should take three years, the transport department said.

The line will cost 240 million euros, two thirds of it paid by the national government.

Shopkeepers on the route worry about the years of roadworks; the council promised compensation.

Opponents said buses would have been cheaper, and they plan to ask for a referendum.

The first trams are due to run in 2029, and the old bus depot will become a park.
"""
