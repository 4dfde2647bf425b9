"""What the held-out shape tests (tests/test_heldout_appeals*_shapes.py) check a document for. A document marks the
lines that must go with a leading "~~ "; the rest must stay."""

from __future__ import annotations


def marked(doc: str) -> tuple[str, list[str]]:
    """(the document without its marks, the lines that must stay)."""
    lines = doc.splitlines(keepends=True)
    kept = [line for line in lines if not line.startswith("~~ ")]
    return "".join(line[3:] if line.startswith("~~ ") else line for line in lines), kept


def _nonblank(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def assert_removed_in_full(cleaner, doc: str, categories: set[str]) -> None:
    """Every marked line goes, under one of `categories`, and nothing else does; cleaning again changes nothing."""
    text, kept = marked(doc)
    result = cleaner.clean(text)
    assert _nonblank(result.text) == _nonblank("".join(kept)), [(r.rule, r.text[:60]) for r in result.removals]
    assert {r.category for r in result.removals} <= categories
    assert cleaner.clean(result.text).text == result.text


def assert_kept(cleaner, text: str) -> None:
    """Nothing is removed, nor held back by the guard."""
    result = cleaner.clean(text)
    assert result.text == text, [(r.rule, r.text[:80]) for r in result.removals]
    assert not result.held


def assert_furniture_goes(cleaner, text: str, furniture: dict) -> None:
    """Each line of `furniture` (line -> its category, or a tuple of categories it may go under) is removed under
    its category, and no other non-blank line is removed."""
    from conftest import removed_by_category

    gone = removed_by_category(cleaner, text)
    for line, category in furniture.items():
        assert gone.get(line) in ((category,) if isinstance(category, str) else category), (line, gone)
    for line in text.splitlines():
        if line.strip() and line not in furniture:
            assert line not in gone, (line, gone)


# what an appeal box may go under
APPEAL_CATEGORIES = frozenset({"donation", "newsletter", "paywall", "app"})


def appeal_tests(remove: dict, keep: dict, categories=APPEAL_CATEGORIES):
    """A held-out appeal file's two tests, parametrized by name: each of `remove` loses its marked lines in full,
    under one of `categories`, each of `keep` comes out unchanged. (Bound to `test_...` names in the file, where
    pytest collects them.)"""
    import pytest

    @pytest.mark.parametrize("name", sorted(remove))
    def removed_in_full(name, cleaner):
        assert_removed_in_full(cleaner, remove[name], categories)

    @pytest.mark.parametrize("name", sorted(keep))
    def kept(name, cleaner):
        assert_kept(cleaner, keep[name])

    return removed_in_full, kept


def furniture_tests(cases: dict, negatives: dict):
    """A held-out furniture file's two tests: each of `cases` (text, furniture) loses its furniture lines and no
    other, each of `negatives` comes out unchanged."""
    import pytest

    @pytest.mark.parametrize("name", sorted(cases))
    def furniture_goes(name, cleaner):
        assert_furniture_goes(cleaner, *cases[name])

    @pytest.mark.parametrize("name", sorted(negatives))
    def kept(name, cleaner):
        assert_kept(cleaner, negatives[name])

    return furniture_goes, kept
