"""Shared helpers of the tests/test_corpus_*.py files: a stable rule set (the reference pack, so that the tests do
not follow the built-in packs as they grow), documents with and without furniture, and `require` for optional
libraries (a skip on a laptop, a failure under CI, where the `dev` extra installs every format)."""

from __future__ import annotations

from pathlib import Path

from conftest import require  # noqa: F401  (re-exported to the corpus tests)

from nlcleaner.config import resolve

REFERENCE = Path(__file__).resolve().parent.parent / "nlcleaner" / "packs" / "reference" / "reference.toml"

ARTICLE = (
    "The council approved the budget on Tuesday after a long debate.\n"
    "\n"
    "Critics said the plan leaves the harbour district without a new school.\n"
)
FURNISHED = ARTICLE + "\nADVERTISEMENT\n\nThe mayor will present the details next week.\nShare this article\n"
CLEANED_TAIL = "The mayor will present the details next week.\n"


def resolved(**options):
    """Resolved settings as the CLI builds them: keys config.resolve knows go through it, the corpus-only keys
    (resume, rejects, drop-empty ...) are added to its options as given."""
    from nlcleaner.config import DEFAULTS

    base = {"rules": [str(REFERENCE)], "select": ["social.reference", "ad.reference"]}
    base.update({k.replace("_", "-"): v for k, v in options.items()})
    known = {k: v for k, v in base.items() if k in DEFAULTS}
    r = resolve(known, isolated=True)
    r.settings = r.settings.replace(builtin=False)  # the reference pack only: packs being edited do not matter
    r.options.update({k: v for k, v in base.items() if k not in DEFAULTS})
    return r


def cleaner():
    from nlcleaner import Cleaner

    return Cleaner(resolved().settings)  # noqa: F811


