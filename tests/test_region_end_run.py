"""A region's `end_run = "row"`: the region runs on over the end markers right after the first one, blank lines
aside (a consent banner's "Accept" over "Settings"); the default ends at the first. A consent banner's row of buttons
goes whole in every pack language (blind set J)."""

from __future__ import annotations

import pytest

from nlcleaner import Cleaner, PackError, Settings
from nlcleaner.rules.loader import load_pack

ARTICLE = ("The county will reopen the coastal road on Monday after three weeks of repairs to the sea wall.\n"
           "Engineers said the wall had been strengthened along 400 metres and would be inspected every spring.\n"
           "Traffic will be limited to one lane until the end of the month.\n"
           "Buses return to their usual route from Tuesday morning.\n")

PACK = """[pack]
name = "mine"

[[rule]]
id = "ad.mine-box"
kind = "region"
why = "test"
start = {{ phrases = ["Our partner offer"], match = "line" }}
end = {{ phrases = ["Yes please", "No thanks"], match = "line" }}
max_lines = 6
{extra}
[rule.examples]
remove = ["~~ Our partner offer\\n~~ Yes please\\nThe county will reopen the road."]
keep = ["The county will reopen the road."]
"""


def _cleaner(tmp_path, extra: str) -> Cleaner:
    pack = tmp_path / "mine.toml"
    pack.write_text(PACK.format(extra=extra), encoding="utf-8")
    return Cleaner(Settings(rules=(str(pack),), builtin=False))


@pytest.mark.parametrize("extra, kept_no_thanks", [("", True), ('end_run = "row"', False)])
def test_a_row_of_end_markers_is_taken_only_with_end_run_row(tmp_path, extra, kept_no_thanks):
    text = "Our partner offer\nA free tote bag with every order.\nYes please\n\nNo thanks\n" + ARTICLE
    kept = _cleaner(tmp_path, extra).clean(text).text
    assert "Our partner offer" not in kept and "Yes please" not in kept and ARTICLE in kept
    assert ("No thanks" in kept) == kept_no_thanks


def test_end_run_takes_only_first_or_row(tmp_path):
    pack = tmp_path / "mine.toml"
    pack.write_text(PACK.format(extra='end_run = "all"'), encoding="utf-8")
    with pytest.raises(PackError, match="end_run"):
        load_pack(pack)


@pytest.mark.parametrize("banner", [
    "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten. Wenn Sie fortfahren, stimmen Sie zu.\n"
    "Akzeptieren\nEinstellungen\n",
    "Este sitio web utiliza cookies propias y de terceros para mejorar tu experiencia. Puedes aceptarlas.\n"
    "Aceptar todas\nRechazar\n",
    "Szanujemy Twoją prywatność. Używamy plików cookies w celach statystycznych i marketingowych.\n"
    "Akceptuję\n\nUstawienia prywatności\n",
    "Мы используем файлы cookie. Продолжая пользоваться сайтом, вы соглашаетесь с этим.\nХорошо\n",
])
def test_a_consent_banner_goes_with_its_row_of_buttons(banner):
    assert Cleaner().clean(banner + ARTICLE).text == ARTICLE
