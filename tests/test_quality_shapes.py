"""Furniture shapes on whole dumps: picture credits, reuse conditions, table-of-contents headings, reading-time badges,
pagers, account links, related headings and lead-ins in several languages.

Each positive dump must lose exactly its furniture lines (under the expected category) and keep every article line;
each negative dump uses the same words in article prose and must come out unchanged.
"""

from __future__ import annotations

import pytest
from conftest import removed_by_category as removed



# (article lines, [(furniture line, category)], where the furniture goes: "head", "mid" or "tail")
EN_ARTICLE = [
    "The city council voted 31 to 9 on Tuesday to build a tram line from the station to the university.",
    "Construction starts next spring and should take three years, the transport department said.",
    "The line will cost 240 million euros, two thirds of it paid by the national government.",
    "Shopkeepers on the route worry about the years of roadworks; the council promised compensation.",
    "Opponents said buses would have been cheaper, and they plan to ask for a referendum.",
    "The first trams are expected to run in the autumn of the fourth year.",
]

CASES = {
    "en-head": (EN_ARTICLE, [("Log in / Register", "navigation"), ("6 min read", "navigation"),
                             ("Table of Contents [Hide]", "navigation")], "head"),
    "en-mid": (EN_ARTICLE, [("Photo credit: Jane Doe", "copyright"), ("(AP Photo/Jane Doe, File)", "copyright"),
                            ("Jane Doe/Getty Images", "copyright"), ("Loading specifications…", "navigation")], "mid"),
    "en-tail": (EN_ARTICLE, [("Pages: 1 2 3", "navigation"), ("If you liked this post you might also like:", "related"),
                             ("Our Standards: The Thomson Reuters Trust Principles.", "copyright"),
                             ("Share on Facebook (Opens in new window)", "social"),
                             ("Published: May 3, 2012 | Tags: tram, council, budget", "navigation")], "tail"),
    "en-gated-comments": (EN_ARTICLE, [("Only subscribers can comment on this article.", "comments"),
                                       ("Already following us on Instagram?", "social")], "tail"),
    "de-tail": ([
        "Der Stadtrat hat am Dienstag mit 31 zu 9 Stimmen den Bau einer Straßenbahnlinie beschlossen.",
        "Die Bauarbeiten beginnen im nächsten Frühjahr und sollen drei Jahre dauern.",
        "Die Linie kostet 240 Millionen Euro, zwei Drittel zahlt der Bund.",
        "Die Händler an der Strecke fürchten die Baustellen; der Rat versprach Entschädigungen.",
        "Die Gegner wollen ein Bürgerbegehren starten.",
    ], [("Folgst du schon Beispiel-Zeitung auf WhatsApp?", "social"),
        ("Nur Abonnenten können kommentieren.", "comments"), ("Jetzt kostenlos abonnieren", "newsletter")], "tail"),
    "de": ([
        "Der Stadtrat hat am Dienstag mit 31 zu 9 Stimmen den Bau einer Straßenbahnlinie beschlossen.",
        "Die Bauarbeiten beginnen im nächsten Frühjahr und sollen drei Jahre dauern.",
        "Die Linie kostet 240 Millionen Euro, zwei Drittel zahlt der Bund.",
        "Die Händler an der Strecke fürchten die Baustellen; der Rat versprach Entschädigungen.",
        "Die Gegner wollen ein Bürgerbegehren starten.",
    ], [("Lesezeit: 4 Min.", "navigation"), ("Lesen Sie dazu: Der Rat stimmt über den Haushalt ab", "related"),
        ("Inhaltsverzeichnis", "navigation")], "mid"),
    "fr": ([
        "Le conseil municipal a voté mardi la construction d'une ligne de tramway vers l'université.",
        "Les travaux commencent au printemps prochain et doivent durer trois ans.",
        "La ligne coûtera 240 millions d'euros, dont deux tiers payés par l'État.",
        "Les commerçants craignent les années de chantier.",
        "Les opposants demandent un référendum.",
    ], [("Crédit photo : Jean Dupont", "copyright"), ("Toute reproduction, même partielle, est interdite.", "copyright"),
        ("Si vous avez aimé cet article, vous aimerez aussi :", "related")], "tail"),
    "ru": ([
        "Городской совет во вторник одобрил строительство трамвайной линии до университета.",
        "Работы начнутся следующей весной и займут три года.",
        "Линия обойдётся в 240 миллионов евро, две трети оплатит государство.",
        "Владельцы магазинов опасаются многолетних ремонтных работ.",
        "Противники проекта требуют референдума.",
    ], [("Время чтения: 5 минут", "navigation"), ("Похожие новости", "related"),
        ("Читайте нас в Telegram", "social"),
        ("Использование материалов разрешено только с активной ссылкой на источник.", "copyright")], "tail"),
    "pl": ([
        "Rada miasta zagłosowała we wtorek za budową linii tramwajowej na uniwersytet.",
        "Prace ruszą wiosną i potrwają trzy lata.",
        "Linia będzie kosztować 240 milionów euro, dwie trzecie zapłaci państwo.",
        "Sklepikarze obawiają się lat robót drogowych.",
        "Przeciwnicy chcą referendum.",
    ], [("Czytaj również: Budżet miasta na przyszły rok", "related"), ("Spis treści", "navigation"),
        ("Kopiowanie materiałów bez zgody redakcji zabronione.", "copyright")], "mid"),
}


def _document(article, furniture, where):
    lines = [f for f, _ in furniture]
    if where == "head":
        body = lines + article
    elif where == "mid":
        body = article[:2] + lines + article[2:]
    else:
        body = article + lines
    return "\n\n".join(body) + "\n"


@pytest.mark.parametrize("name", sorted(CASES))
def test_furniture_shapes_go_and_the_article_stays(name, cleaner):
    article, furniture, where = CASES[name]
    text = _document(article, furniture, where)
    gone = removed(cleaner, text)
    for line, category in furniture:
        assert gone.get(line) == category, (line, gone)
    for line in article:
        assert line not in gone, line


NEGATIVES = {
    "en": """\
# The photographers who were never paid

Photo credit lines were missing from the front page for years, the union said on Monday.

Credit card debt rose to a record high in the third quarter, and the paper's photographers felt it.

Credit: the union thanked the volunteers who made the survey possible.

Photo by photo, the exhibition tells the story of the strike.

The table of contents of the union's report lists forty chapters.

Loading the archive onto the new servers took three weeks.

It takes 5 minutes to read the summary, and most editors never do.

If you liked this post you might also like the book it was drawn from, which came out in 2019.

Log in times at the picture desk improved after the upgrade, the editor said.

Only subscribers can comment, the editor said, because trolls had flooded the page.

Next year the union plans to take the case to court.
""",
    "de": """\
# Streit um Fotorechte

Lesen Sie dazu die Stellungnahme der Regierung, sagte der Sprecher am Montag.

Die Lesezeit der Berichte ist kurz, aber die Folgen sind lang.

Das Inhaltsverzeichnis des Berichts umfasst vierzig Kapitel.

Zum Thema Urheberrecht sagte die Ministerin nichts.
""",
    "ru": """\
# Спор о правах на фотографии

Содержание доклада держалось в секрете до понедельника.

Использование материалов агентства было признано законным, решил суд.

Похожие новости приходили и из других регионов.

Читайте нас внимательно, сказал редактор.
""",
}


@pytest.mark.parametrize("lang", sorted(NEGATIVES))
def test_prose_with_the_same_words_is_kept(lang, cleaner):
    text = NEGATIVES[lang]
    result = cleaner.clean(text)
    assert result.text == text, [(r.rule, r.text) for r in result.removals]
