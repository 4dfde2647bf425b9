from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def cleaner():
    from nlcleaner import Cleaner

    return Cleaner()


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
