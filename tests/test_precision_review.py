"""Adversarial precision review of the furniture rules added or widened on 2026-11-25.

Each document is ordinary article prose (news, blogs, recipes, reviews, interviews) that uses the words of a new rule
in a sentence of the article. It must come out of the full built-in cleaner unchanged; where a document also carries
real furniture, only the listed furniture lines may go.
"""

from __future__ import annotations

import pytest

from nlcleaner import Cleaner

LEAD = "The regional council met on Tuesday evening to discuss the budget for the coming year and the state of the roads.\n\n"
TAIL = "\n\nThe next meeting of the council is planned for the second week of March, after the school holidays.\n"


def doc(*lines: str) -> str:
    """An article: a plain lead paragraph, the probed lines as paragraphs, a plain closing paragraph."""
    return LEAD + "\n\n".join(lines) + TAIL


# rule probed -> documents that must come out unchanged
KEEP: dict[str, list[str]] = {
    "copyright.photo-credit": [
        doc('Photography by candlelight takes patience.'),
        doc('Photos by drone are banned over the stadium.'),
        doc('Image by image, the puzzle came together.'),
        doc('Pictures by Monet hang in the east wing.'),
        doc('Photo: a crowd outside the court.'),
        doc('Bild: Der Saal war voll.'),
        doc('He wrote for Reuters.'),
        doc('She reports for Bloomberg'),
        doc("Photo by photo, the archive was scanned over ten years."),
        doc("Images by the thousand flooded social media after the storm."),
        doc("Pictures by children from the village school hang in the town hall."),
        doc("Photography by candlelight takes patience and a steady tripod."),
        doc("She writes for Reuters now."),
        doc("He later worked for Bloomberg in Tokyo."),
        doc("Credit: the volunteers, above all."),
        doc("The photographer, who shot the cover for Getty Images, says the credit line was cut."),
        doc("Photo by Jane Doe? The agency disputes that, and the case goes to court in May."),
        doc("A photo by Anna Berg won the prize, and the jury praised its light."),
        doc("Image rights became the issue when the museum sold prints of the photograph."),
        doc("Credit cards are accepted at the door, cash is not."),
        doc("Bildnachweise fehlen oft, klagt der Verband der Fotografen."),
        doc("Фото предоставлено не было, поэтому редакция отказалась от публикации."),
        doc("Foto door Jan de Vries werd in 1972 voor het eerst gepubliceerd in een krant."),
        doc("Crédit photo : la question a divisé le jury pendant des heures."),
        "Jane Doe took the picture at dawn.\n\nThe credit line under it named someone else, and she sued.\n\n"
        "\"Photo by Jane Doe\" is all she wanted printed, she told the court.\n\n"
        "The paper settled and ran a correction the following week, in the same place as the picture.\n",
    ],
    "copyright.reuse-conditions": [
        doc('Toute reproduction de la tapisserie est interdite depuis 1950.'),
        doc('Riproduzione vietata durante il periodo di nidificazione.'),
        doc('Kopiowanie treści bez zgody autora jest naruszeniem prawa.'),
        doc('Использование материалов дела возможно только с согласия суда.'),
        doc("Toute reproduction de la tapisserie est interdite depuis 1950, rappelle le musée de Bayeux."),
        doc("Riproduzione vietata durante il periodo di nidificazione, ricordano le guardie del parco."),
        doc("Использование материалов следствия в суде возможно только с согласия прокурора, напомнил адвокат."),
        doc("Kopiowanie treści bez zgody autora jest naruszeniem prawa, orzekł w środę sąd w Krakowie."),
        doc("Vervielfältigung nur mit Genehmigung des Künstlers: so steht es im Vertrag, den die Galerie vorlegte."),
        doc("No part of this publication may be reproduced, the 1962 edition warned, yet pirated copies sold well."),
        doc("Overname van artikelen uit de krant is niet toegestaan zonder bronvermelding, oordeelde de rechter."),
        doc("При использовании материалов агентства ссылка обязательна, но суд решил, что цитата была законной."),
    ],
    "navigation.toc-heading": [
        doc("The table of contents of the 1848 first edition lists twelve chapters, two of them never written."),
        doc("In this article I want to explain why the tram was the cheaper choice."),
        doc("Table of contents: that is what the editor asked for first, before any chapter was written."),
        doc("Содержание статьи не понравилось министру, и он потребовал опровержения."),
        doc("Dans cet article, nous revenons sur dix ans de réformes."),
    ],
    "navigation.meta-line-tags": [
        doc("Our critic's verdict on the menu | Themen: Herkunft, Saison und Preis, sagt der Koch"),
        doc("The menu reads like a poem | Tags: none of the usual ones, says the chef"),
    ],
    "navigation.loading-placeholder": [
        doc("Loading the van for the trip took most of the morning..."),
        doc("Cargando con la culpa durante años..."),
        doc("Loading..."[:0] + "Loading, unloading, loading again: that was the whole summer..."),
    ],
    "navigation.reading-time": [
        doc("Reading time is 20 minutes a day for most children in the study, down from 35 a decade ago."),
        doc("Reading time: 20 minutes a day, the teachers recommend, and parents should read along."),
        doc("The average reading time of the novel is nine hours, according to the publisher."),
        doc("A 5 min read can change your morning, or so the app's makers claim in their advertising."),
        doc("Lesezeit: 20 Minuten täglich empfehlen die Lehrer, und die Eltern sollen mitlesen."),
    ],
    "navigation.pager-and-account": [
        doc("Next, add the flour and stir until smooth.", "Previous attempts had failed because the oven was too hot."),
        doc("Next page of the diary is missing, the archivist says."),
        doc("Register now opens on Monday for the spring courses at the town library."),
        doc("Page 3 of 12 of the report is blacked out entirely."),
        doc("Pages: 1 2 3 of the contract were signed, the fourth was not, and that is the heart of the dispute."),
        doc("Older posts on the forum were deleted when the company changed hands."),
        doc("Next story: the mayor's race, which we will cover all week."[:0]
            + "Next story in the series looks at the tram line's second phase."),
    ],
    "navigation.tags": [
        doc("Topics covered at the summit ranged from trade to the climate, the ministry said."),
        doc("Posted in Kabul for three years, she ran the bureau through two elections."),
        doc("Filed under pressure, the report contained several errors."),
        doc("More about: that later, when the figures are in."[:0] + "More about the tram line will follow next week."),
        doc("Themen: Wohnungsbau, Verkehr und Schulen bestimmten den Wahlkampf."),
    ],
    "related.headings-and-lead-ins": [
        doc("Next up for the council is the school budget, which is due in April."),
        doc("Mehr dazu: Die Stadt will bis 2030 klimaneutral sein, und der Plan soll im Herbst kommen."),
        doc("Watch: that was the word the coach shouted at every training session."),
        doc("Lee más: así lo pide la campaña de la biblioteca municipal a los niños del barrio."),
        doc("Learn more about the bakery's history in the town museum, which opens at ten."),
        doc("What's hot this summer? Ice cream, of course, and the queues prove it."),
        doc("Читайте также: в понедельник министр пообещал, что цены на хлеб не вырастут."[:0]
            + "Также читайте инструкцию перед применением, советуют врачи."),
    ],
    "related.liked-this-heading": [
        doc("If you liked this recipe, you'll love the one my grandmother made with plums."),
        doc("If you enjoyed this post, you might also enjoy the book it was drawn from, which came out in 2019."),
        doc("Si vous avez aimé cet article, dites-le à l'auteur : il répond à tous les messages."),
        doc("Если вам понравилась статья, напишите автору, сказал редактор."),
    ],
    "newsletter.discover-more-from": [
        doc("Discover more from Sicily", "Take the ferry from Milazzo to the islands; the crossing takes an hour."),
        doc("Discover more from the Amalfi coast by taking the ferry instead of the bus."),
        doc("Discover more from local growers at the Saturday market on the square."),
    ],
    "newsletter.subscribe-and-confirm": [
        doc("Check your email to confirm the appointment; the link expires after 24 hours."),
        doc("Enter your email address to get a reset link, then follow it within the hour."),
        doc("You can unsubscribe at any time, but the company keeps your data for a year."),
        doc("Subscribe to the bulletin, the council urged residents, if they want news of the roadworks."),
        doc("Sign up now is the slogan of the army's new recruitment campaign, which starts in May."),
    ],
    "comments.subscriber-only": [
        doc("Only subscribers can comment on posts since March, when the forum changed its rules."),
        doc("Comments are open to members only during the trial, the forum's moderators wrote last week."),
        doc("Comments are reserved for subscribers on most big news sites now, and the debate has moved to social media."),
        doc("Nur Abonnenten können kommentieren: Mit dieser Regel hat das Forum die Trolle vertrieben."),
        doc("Les commentaires sont réservés aux abonnés depuis 2019 sur la plupart des sites de presse."),
        doc("Комментировать могут только подписчики, поэтому обсуждение на форуме затихло."),
    ],
    "comments.prompts": [
        doc("Experts weigh in on the comments made by the minister on Tuesday."),
        doc("Residents chime in on the comments section of the council's consultation page, which closes on Friday."),
        doc("Have your say on the new tram line at the public meeting in the library on Thursday."),
        doc("The comment section of the forum was closed after the thread filled with abuse."),
        doc("Trackback, the blog protocol of the 2000s, is now mostly forgotten."),
        doc("Обсудить это предложение депутаты смогут только осенью."),
    ],
    "social.follow-and-share": [
        doc("Rejoignez-nous sur la place de la mairie samedi à 14 heures pour la manifestation."),
        doc("Únete a nosotros en la marcha del domingo, pidió la asociación de vecinos en su carta."),
        doc("Dołącz do nas na festiwalu w sobotę, zaprasza stowarzyszenie mieszkańców."),
        doc("Are you following us on this? The mayor asked the reporters, smiling."),
        doc("Spread the word was the motto of the campaign, and volunteers knocked on every door."),
        doc("Please share your memories of the old cinema with the museum, which is collecting them for an exhibition."),
        doc("Читайте нас внимательно, сказал редактор, и вы найдёте ответы."),
        doc("Follow the author's advice and the bread rises in two hours."),
    ],
}

# an exclamatory heading over a section that names the publication (scored box-heading lead-in)
KEEP["scored.box-heading-lead-in"] = [
    "Press freedom under pressure!\n\nJournalists across the region face lawsuits and threats, a report by Reporters "
    "Without Borders found this week. The Valley Courier has covered the cases since 2019.\n\nThe Valley Courier and "
    "its reporters were sued twice last year; both cases were dismissed by the court in Springfield.\n\nThe paper's "
    "lawyers expect more suits before the election in November, and the editors plan to fight every one of them.\n",
    "We did it!\n\nThe Valley Courier turns 50 this year, and the town turned out to celebrate on Saturday with a "
    "parade down Main Street.\n\nThe mayor thanked the Valley Courier for half a century of local news and unveiled "
    "a plaque at its old office.\n\nThe town's bakery made a cake in the shape of the first front page, which the "
    "Valley Courier printed in 1976.\n",
    "Wir haben gewonnen!\n\nDer Stadtanzeiger hat den Preis für Lokaljournalismus erhalten, die Jury lobte die "
    "Recherchen zum Klinikum.\n\nDer Stadtanzeiger berichtet seit 1949 über die Stadt und hat heute zwölf "
    "Redakteurinnen und Redakteure.\n\nDie Preisverleihung fand am Freitag in Berlin statt; die Redaktion feierte "
    "bis in die Nacht.\n",
]

# documents with real furniture: (document, the lines that may go)
MIXED: list[tuple[str, set[str]]] = [
    ("A photographer's long fight for her name ended in court on Monday.\n\n"
     "Jane Doe shot the picture at dawn; the paper printed it with another name under it.\n\n"
     "Photo: Jane Doe / Shutterstock\n\n"
     "The judge ordered a correction and damages of 4,000 euros.\n",
     {"Photo: Jane Doe / Shutterstock"}),
]


MIXED.append((
    "Press freedom under pressure!\n\nJournalists across the region face lawsuits and threats, a report by Reporters "
    "Without Borders found this week. The Valley Courier has covered the cases since 2019.\n\nThe Valley Courier and "
    "its reporters were sued twice last year; both cases were dismissed by the court in Springfield.\n\n"
    "Support the Valley Courier today from $4 a month. Your donation keeps our reporting free for everyone.\n"
    "Donate now\n",
    None,
))


@pytest.fixture(scope="module")
def cleaner():
    return Cleaner()


CASES = [(rule, i, text) for rule, docs in KEEP.items() for i, text in enumerate(docs)]


@pytest.mark.parametrize(("rule", "index", "text"), CASES, ids=[f"{r}-{i}" for r, i, _ in CASES])
def test_article_prose_is_kept(cleaner, rule, index, text):
    result = cleaner.clean(text)
    assert result.removals == [] and result.text == text, [(r.rule, r.text) for r in result.removals]


@pytest.mark.parametrize(("text", "furniture"), MIXED)
def test_only_furniture_goes(cleaner, text, furniture):
    result = cleaner.clean(text)
    gone = {line.strip() for r in result.removals for line in r.text.splitlines() if line.strip()}
    if furniture is None:  # only the box itself may go, never the article above it
        assert not any("Reporters Without Borders" in line or "sued twice" in line for line in gone), gone
        return
    assert gone == furniture


# an exclamatory heading and a section naming the publication, above the publication's own donation box: the box may
# go (or stay), the article above it never goes with it
BOX = ("Support the Valley Courier today. Your donation keeps our independent journalism free for every reader.\n\n"
       "Give once or give monthly: $5, $10 or $20 a month by card or PayPal.\n\nDonate now\n")
ABOVE_BOX = [
    "Press freedom under attack!\n\nThe Valley Courier was raided by police on Monday morning, and officers took "
    "laptops from the newsroom.\n\nThe Valley Courier's lawyers call the raid unlawful and have filed a complaint with "
    "the state court.\n\n",
    "Best pie ever!\n\nThis apple pie is the one my grandmother baked every Sunday, and the Valley Courier printed it "
    "in 1976.\n\nSupport your local orchard: buy the apples at the Saturday market on the square.\n\n",
    "Pressefreiheit in Gefahr!\n\nDie Redaktion des Stadtanzeigers wurde am Montag von der Polizei durchsucht, Beamte "
    "nahmen Laptops mit.\n\nDer Stadtanzeiger hat Beschwerde beim Landgericht eingelegt.\n\n",
]


@pytest.mark.parametrize("article", ABOVE_BOX)
def test_article_above_a_box_stays(cleaner, article):
    box = BOX if "Valley" in article else (
        "Unterstützen Sie den Stadtanzeiger jetzt mit einer Spende. Ihr Beitrag sichert unabhängigen Journalismus.\n\n"
        "5 €, 10 € oder 20 € im Monat per Lastschrift oder PayPal.\n\nJetzt spenden\n")
    result = cleaner.clean(article + box)
    assert result.text.startswith(article.rstrip("\n")), [(r.rule, r.text) for r in result.removals]
