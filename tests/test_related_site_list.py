"""A site or section list heading in the tail ("Most read in Technology", "More Opinion", "Related Opinion") takes
the headline-like lines under it, up to the next removal or the end (the list pass of `decide`), as the other
related headings do (blind set H); a sentence that opens with "More from" stays."""

from __future__ import annotations

import pytest

from nlcleaner import Cleaner

ARTICLE = (
    "The council voted on Tuesday to close the old bridge to cars from June, after engineers found cracks in two piers.\n\n"
    "Repairs are expected to take a year and cost about four million pounds, the council said in a statement.\n\n"
    "Residents said the detour would add twenty minutes to journeys into town, and shops feared for their trade.\n\n"
    "The council will hold a public meeting about the works at the town hall next Thursday evening.\n\n"
)


@pytest.fixture(scope="module")
def cleaner():
    return Cleaner()


@pytest.mark.parametrize("heading", ["Most Read in Technology", "More Opinion", "Related Opinion", "More from The Courier"])
def test_a_site_list_heading_takes_its_headlines(cleaner, heading):
    text = ARTICLE + heading + "\n\nWhy your phone battery drains faster in winter\n\nThe best laptops for students\n"
    assert cleaner.clean(text).text.rstrip("\n") == ARTICLE.rstrip("\n")


def test_a_sentence_opening_with_more_from_stays(cleaner):
    text = ARTICLE + "More from the council is expected after the meeting.\n"
    assert cleaner.clean(text).text == text


@pytest.mark.parametrize("heading, links", [
    ("### À lire aussi sur Exemple", ["* [La piscine de Lorient rouvre après deux ans](https://example.fr/a)",
                                      "* [Les clubs bretons manquent de créneaux](https://example.fr/b)"]),
    ("### Meer over privacy", ["* [Boete voor datahandelaar](https://example.nl/a)",
                               "* [Kabinet wil verbod op tracking bij kinderapps](https://example.nl/b)"]),
    ("Weitere Informationen", ["[Nationalpark: Mehr Schutzzonen für Seehunde](https://example.de/a)",
                               "[Sturmflut an der Nordsee: Schäden auf Wangerooge](https://example.de/b)"]),
    ("Exemple vous recommande", ["* [Lorient. Le festival dévoile sa programmation](https://example.fr/c)"]),
])
def test_a_site_list_heading_in_other_languages_takes_its_links(cleaner, heading, links):
    text = ARTICLE + heading + "\n" + "\n".join(links) + "\n"
    assert cleaner.clean(text).text.rstrip("\n") == ARTICLE.rstrip("\n")
