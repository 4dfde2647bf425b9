"""Furniture packs (social, copyright, republish, related, comments, cookie, ad, bio, navigation, promo) on whole dumps.

Negatives: articles that talk about copyright, social media, cookies, comments or advertising in their text must come
out unchanged. Positives: plain and Markdown-flavoured dumps lose exactly their furniture lines, under the right
category, in several languages.
"""

from __future__ import annotations

import pytest


from conftest import ROOT, TRAM_ARTICLE
from conftest import removed_by_category as removed

NEGATIVES = ROOT / "fixtures" / "negatives"
FURNITURE_DIRS = sorted(NEGATIVES.glob("furniture-*"))
FURNITURE_DOCS = sorted(p for d in FURNITURE_DIRS for p in d.glob("*.txt"))


def test_there_are_enough_furniture_negatives_in_several_languages():
    assert len(FURNITURE_DOCS) >= 15
    assert len({d.name for d in FURNITURE_DIRS}) >= 6
    for d in FURNITURE_DIRS:
        assert (d / "SOURCE.md").is_file(), f"{d.name} names no source"


@pytest.mark.parametrize("path", FURNITURE_DOCS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_furniture_negative_comes_out_unchanged(path, cleaner):
    text = path.read_text(encoding="utf-8")
    result = cleaner.clean(text)
    assert result.text == text, [(r.rule, r.text) for r in result.removals]


ARTICLE = TRAM_ARTICLE

MARKDOWN_TAIL = """
[Share](https://example.com/share) | [Tweet](https://example.com/tweet) | [Email](mailto:x)

**Follow us on Instagram and X for more city news.**

## Related

* [Bus fares rise again](https://example.com/a)
* [The station is 150 years old](https://example.com/b)

**READ MORE:** [Why trams are back in fashion](https://example.com/c)

Tags: transport, council, trams

© 2025 Example City News. All rights reserved.

## 2 Comments

**Posted by Anna on May 3, 2025 9:12 AM**

Finally! I have waited twenty years for this.

**Posted by Tom on May 3, 2025 10:40 AM**

What a waste of money.
"""

PLAIN_TAIL = """
Share this article
Facebook | Twitter | Email
Follow us on Instagram and X for more city news.
You may also like
Bus fares rise again
Read more: Why trams are back in fashion
Advertisement
We may earn a commission when you buy through links on our site.
Copyright 2025 Example City News. All rights reserved.
This article was originally published on Example Transit Blog.
Back to top
"""


def _content_kept(cleaned: str) -> None:
    for line in ARTICLE.splitlines():
        if line.strip():
            assert line in cleaned, f"article line lost: {line!r}"


def test_markdown_dump_loses_its_furniture_and_nothing_else(cleaner):
    text = ARTICLE + MARKDOWN_TAIL
    result = cleaner.clean(text)
    _content_kept(result.text)
    cats = removed(cleaner, text)
    assert cats["[Share](https://example.com/share) | [Tweet](https://example.com/tweet) | [Email](mailto:x)"] == "social"
    assert cats["**Follow us on Instagram and X for more city news.**"] == "social"
    assert cats["## Related"] == "related"
    assert cats["**READ MORE:** [Why trams are back in fashion](https://example.com/c)"] == "related"
    assert cats["Tags: transport, council, trams"] == "navigation"
    assert cats["© 2025 Example City News. All rights reserved."] == "copyright"
    assert cats["## 2 Comments"] == "comments"
    assert "What a waste of money." not in result.text
    assert "Finally! I have waited twenty years for this." not in result.text


def test_plain_dump_loses_its_furniture_and_nothing_else(cleaner):
    text = ARTICLE + PLAIN_TAIL
    result = cleaner.clean(text)
    _content_kept(result.text)
    cats = removed(cleaner, text)
    expected = {
        "Share this article": "social",
        "Facebook | Twitter | Email": "social",
        "Follow us on Instagram and X for more city news.": "social",
        "You may also like": "related",
        "Read more: Why trams are back in fashion": "related",
        "Advertisement": "ad",
        "We may earn a commission when you buy through links on our site.": "ad",
        "Copyright 2025 Example City News. All rights reserved.": "copyright",
        "This article was originally published on Example Transit Blog.": "republish",
        "Back to top": "navigation",
    }
    for line, category in expected.items():
        assert cats.get(line) == category, (line, cats.get(line))


def test_a_long_reader_thread_is_cut_even_when_its_heading_is_far_from_the_end(cleaner):
    thread = ["Comments", ""]
    for i in range(30):
        thread += [f"I think reader number {i} has a point about the tram, and I said so at the meeting last week.", ""]
        thread += [f"Posted by: reader{i} | Mar {i % 28 + 1}, 2007 9:{i % 60:02d}:00 AM", ""]
    text = ARTICLE + "\n" + "\n".join(thread)
    result = cleaner.clean(text)
    _content_kept(result.text)
    assert "reader number 7" not in result.text
    assert any(r.rule == "comments.thread-cut" for r in result.removals)


def test_a_comments_section_of_a_style_guide_is_not_a_thread(cleaner):
    text = (
        "# Writing readable code\n\nName things after what they hold.\n\nKeep functions short.\n\n"
        "Prefer plain loops to clever tricks.\n\n## Comments\n\nA comment should say why, not what.\n\n"
        "Delete comments that repeat the code.\n"
    )
    assert cleaner.clean(text).text == text


@pytest.mark.parametrize(
    "line, category",
    [
        ("Teilen", "social"),
        ("Partager sur Facebook", "social"),
        ("Síguenos en Instagram", "social"),
        ("Udostępnij", "social"),
        ("Поделиться", "social"),
        ("Поділитися", "social"),
        ("Lesen Sie auch: Die Bahn erhöht die Preise", "related"),
        ("À lire aussi : Le tramway revient", "related"),
        ("Leggi anche: Il tram torna in città", "related"),
        ("Lees ook: Tram rijdt weer", "related"),
        ("Czytaj także: Tramwaj wraca", "related"),
        ("Читайте также: Трамвай возвращается", "related"),
        ("Читайте також: Трамвай повертається", "related"),
        ("Anzeige", "ad"),
        ("Publicidad", "ad"),
        ("Реклама", "ad"),
        ("Alle Rechte vorbehalten.", "copyright"),
        ("Tous droits réservés", "copyright"),
        ("Wszelkie prawa zastrzeżone", "copyright"),
        ("Wir verwenden Cookies, um Ihnen ein besseres Nutzererlebnis zu bieten.", "cookie"),
        ("Nous utilisons des cookies pour améliorer votre expérience.", "cookie"),
        ("Dieser Artikel erschien zuerst bei Beispiel-Zeitung.", "republish"),
        ("Zurück nach oben", "navigation"),
        ("Torna su", "navigation"),
        ("Наверх", "navigation"),
        ("Zum Seitenanfang", "navigation"),
        ("Versión para imprimir", "social"),
        ("© dpa-infocom, dpa:240115-99-123456/3", "copyright"),
        ("Über den Autor", "bio"),
        ("Об авторе", "bio"),
        ("Page 1 of 3", "navigation"),
        ("Seite 2 von 5 | Weiter »", "navigation"),
        ("Strona 1 z 3", "navigation"),
        ("Сторінка 1 з 3", "navigation"),
        ("1 2 3 … 10 Next", "navigation"),
        ("Share on Facebook Share on Twitter", "social"),
        ("Condividi su Facebook", "social"),
        ("Поделиться в Telegram", "social"),
        ("E-mail | Print | Share", "social"),
        ("Twitter (1,204 followers) • Facebook (880 likes)", "social"),
        ("Topics: Transport, City council", "navigation"),
        ("Kommentare", "comments"),
        ("Комментарии", "comments"),
        ("The mayor opened the new depot on Monday. Read More", "related"),
        ("Le maire a inauguré le dépôt lundi. Lire la suite", "related"),
        ("Veröffentlicht in Politik | Verschlagwortet mit Tram, Rat", "navigation"),
        ("Publié dans Monde | Étiqueté tramway", "navigation"),
        ("Click to share on Twitter (Opens in new window)", "social"),
        ("Teilen: Facebook Twitter", "social"),
        ("Поделиться: Facebook Twitter", "social"),
        ("View comments (3)", "comments"),
        ("Click here for more election updates", "related"),
    ],
)
def test_furniture_lines_in_many_languages(line, category, cleaner):
    text = ARTICLE + "\n" + line + "\n"
    result = cleaner.clean(text)
    _content_kept(result.text)
    cats = removed(cleaner, text)
    assert cats.get(line) == category, (line, cats)


def test_a_headline_list_under_a_related_heading_goes_with_it(cleaner):
    text = ARTICLE + "\n## Read next\n\n* [Trams return to the old town](https://example.com/a)\n" \
        "* [Station square to close for a year](https://example.com/b)\n* [Bus fares frozen](https://example.com/c)\n"
    result = cleaner.clean(text)
    _content_kept(result.text)
    assert "Trams return" not in result.text and "Bus fares" not in result.text


def test_prose_after_a_related_heading_stays(cleaner):
    tail = ("\nRelated stories\n\nThe council will vote on the second line next year, the mayor said.\n\n"
            "Opponents have promised to fight it in court.\n")
    result = cleaner.clean(ARTICLE + tail)
    _content_kept(result.text)
    assert "The council will vote on the second line next year" in result.text
    assert "Opponents have promised" in result.text
