"""The scored kind's heading-closed lead-in (docs/rules.md, "scored"): a subscription or donation box that names its
publication in its call to action takes, above it, a few paragraphs of its own story when a short exclamatory box
heading closes them off; the article's own paragraphs — an editorial in "we", a news story about press freedom, a
report about the publication itself — stay. Every text here is invented."""

from __future__ import annotations

import pytest

ARTICLE = {
    "en": [
        "The harbour authority approved a plan on Tuesday to rebuild the eastern quay, which storms damaged twice last winter.",
        "Work is due to start in March and to last eighteen months, during which the ferry to the islands will leave from the old fish market.",
        "Local traders welcomed the decision but asked for help with the loss of passing trade while the quay is closed to the public.",
        "The cost, estimated at forty million pounds, will be shared between the port, the county council and a national fund for coastal repairs.",
    ],
    "de": [
        "Die Hafenbehörde hat am Dienstag beschlossen, den Ostkai neu zu bauen, den Stürme im vergangenen Winter zweimal beschädigt hatten.",
        "Die Arbeiten sollen im März beginnen und achtzehn Monate dauern; die Fähre zu den Inseln legt so lange am alten Fischmarkt ab.",
        "Die Händler am Hafen begrüßten die Entscheidung, verlangten aber Hilfe für die Monate, in denen der Kai für Besucher gesperrt ist.",
        "Die Kosten von rund vierzig Millionen Euro teilen sich der Hafen, der Landkreis und ein Bundesprogramm für Küstenschutz.",
    ],
    "fr": [
        "L'autorité portuaire a approuvé mardi la reconstruction du quai est, endommagé à deux reprises par les tempêtes de l'hiver dernier.",
        "Les travaux commenceront en mars et dureront dix-huit mois, pendant lesquels le bac vers les îles partira de l'ancienne criée.",
        "Les commerçants du port ont salué la décision, tout en demandant une aide pour compenser la fermeture du quai au public.",
        "Le coût, estimé à quarante millions d'euros, sera partagé entre le port, le département et un fonds national pour le littoral.",
    ],
}

# the boxes: what paywall.subscribe removes on its own (each names its publication in its call to action)
BOX = {
    "en": ["That is why: support the Riverside Ledger and subscribe today for $4 a month.", "Subscribe now"],
    "de": ["Genau dafür arbeiten wir. Darum: Hafenpost abonnieren für unabhängige Berichte!", "Jetzt abonnieren"],
    "fr": ["Abonnez-vous au Courrier du Port dès 3 € par mois.", "Je m'abonne"],
}

# the box's own story above it, under its heading: goes with the box
STORY = {
    "en": [
        "Stand with us!",
        "The Riverside Ledger has been taken to court by a property developer over two years of harbour reporting.",
        "We believe readers have a right to know who builds their city, and that press freedom is worth defending.",
    ],
    "de": [
        "Jetzt erst recht!",
        "Die Stadtverwaltung hat der Hafenpost im Frühjahr den Zugang zu den Ratssitzungen entzogen. Wir klagen dagegen.",
        "Für unsere Redaktion ist das ein Angriff auf die Pressefreiheit, und auf das Recht aller, sich frei zu informieren.",
    ],
    "fr": [
        "Tenez bon avec nous !",
        "Le Courrier du Port fait l'objet d'une plainte en diffamation après une enquête sur le chantier naval.",
        "Cette procédure menace la liberté de la presse et le droit de chacun à une information indépendante.",
    ],
}

# article paragraphs that stand right above a real box and must stay
KEEP = {
    "en-editorial-in-we": [
        "Enough is enough!",
        "We have watched the council delay the harbour repairs for three winters while the quay crumbled into the sea.",
        "In our view, the mayor owes residents an apology, a timetable and an honest account of where the money went.",
    ],
    "en-press-freedom-news": [
        "Free our colleagues!",
        "Press freedom groups protested on Monday after three reporters from a regional paper were detained at the border.",
        "The detentions are the latest in a series of arrests of journalists covering the protests in the capital.",
    ],
    "en-report-about-the-paper": [
        "A century of news!",
        "The Riverside Ledger won the national prize for local journalism on Friday, the jury announced in London.",
        "Its editor told the audience that the award belonged to the readers who had kept the paper alive.",
    ],
    "en-plain-subheading": [
        "The Ledger at one hundred",
        "The Riverside Ledger was founded in 1925 by two printers who had lost their jobs at a London daily.",
        "Our newsroom has grown from two people to forty, and press freedom has been its cause from the first issue.",
    ],
    "en-named-but-unsignalled": [
        "A new home!",
        "The Riverside Ledger moved into the old customs house last spring after ninety years on the high street.",
        "The building overlooks the eastern quay, where the ferries to the islands have docked since the war.",
    ],
    "de-kommentar-in-wir-form": [
        "Es reicht!",
        "Wir haben lange genug zugesehen, wie die Stadt die Sanierung des Hafens von einem Jahr aufs nächste verschiebt.",
        "In unseren Augen ist der Bürgermeister den Bürgern eine Erklärung schuldig, und zwar vor der nächsten Sturmsaison.",
    ],
    "de-nachricht-pressefreiheit": [
        "Lasst sie frei!",
        "Die Hafenpost und andere Zeitungen verurteilten die Festnahme zweier Journalisten an der Grenze am Montag.",
        "Die Pressefreiheit in dem Land sei massiv eingeschränkt, teilte die Organisation Reporter ohne Grenzen mit.",
    ],
    "fr-editorial-a-nos-yeux": [
        "Assez !",
        "Nous avons trop longtemps regardé la mairie repousser la réparation du port d'un hiver à l'autre.",
        "À nos yeux, le maire doit aux habitants des excuses, un calendrier et des comptes précis sur les dépenses engagées.",
    ],
    "fr-information-liberte-de-la-presse": [
        "Libérez-les !",
        "Le Courrier du Port et plusieurs titres régionaux ont dénoncé l'arrestation de trois journalistes à la frontière.",
        "La liberté de la presse recule dans le pays, selon le dernier classement publié par une association.",
    ],
}


def _clean(cleaner, lines, blanks):
    sep = "\n\n" if blanks else "\n"
    text = sep.join(lines) + "\n"
    result = cleaner.clean(text)
    assert cleaner.clean(result.text).text == result.text  # idempotent
    assert not result.flags
    return [line for line in result.text.splitlines() if line.strip()]


@pytest.mark.parametrize("blanks", [True, False], ids=["blank-lines", "no-blank-lines"])
@pytest.mark.parametrize("place", ["end", "middle"])
@pytest.mark.parametrize("lang", sorted(STORY))
def test_the_box_takes_its_own_story_under_its_heading(lang, place, blanks, cleaner):
    article, box = ARTICLE[lang], STORY[lang] + BOX[lang]
    lines = article + box if place == "end" else article[:2] + box + article[2:]
    assert _clean(cleaner, lines, blanks) == article


@pytest.mark.parametrize("blanks", [True, False], ids=["blank-lines", "no-blank-lines"])
@pytest.mark.parametrize("case", sorted(KEEP))
def test_article_paragraphs_above_a_box_stay(case, blanks, cleaner):
    lang = case[:2]
    article = ARTICLE[lang] + KEEP[case]
    # the box goes (so the case is not vacuous), the paragraphs above it and their heading stay
    assert _clean(cleaner, article + BOX[lang], blanks) == article


def _story(lang, paragraphs):
    return [STORY[lang][0], *paragraphs]


def test_more_than_three_paragraphs_are_not_the_box(cleaner):
    name = "The Riverside Ledger has been taken to court by a property developer over two years of harbour reporting."
    paragraphs = [name] * 4
    article = ARTICLE["en"] + _story("en", paragraphs)
    assert _clean(cleaner, article + BOX["en"], True) == article


def test_a_long_paragraph_is_not_the_box(cleaner):
    long = "The Riverside Ledger has been taken to court by a property developer over our harbour reporting. " * 5
    article = ARTICLE["en"] + _story("en", [long.strip(), STORY["en"][2]])
    assert _clean(cleaner, article + BOX["en"], True) == article


def test_a_box_without_a_named_call_to_action_takes_nothing_above_it(cleaner):
    box = ["Support independent journalism and subscribe today for $4 a month.", "Subscribe now"]
    article = ARTICLE["en"] + STORY["en"]
    assert _clean(cleaner, article + box, True) == article


def test_a_name_in_lower_case_is_a_phrase_not_a_masthead(cleaner):
    story = [STORY["en"][0], "The riverside ledger of the old port lists every ship that docked there since 1850.", STORY["en"][2]]
    article = ARTICLE["en"] + story
    assert _clean(cleaner, article + BOX["en"], True) == article


def test_the_heading_with_reported_speech_stays(cleaner):
    story = ["Stand with us, she said!", *STORY["en"][1:]]
    article = ARTICLE["en"] + story
    assert _clean(cleaner, article + BOX["en"], True) == article


DONATION_BOX = {
    "en": ["Support the Riverside Ledger from just $3 a month: every contribution keeps our newsroom going.", "Donate now"],
    "de": ["Jetzt die Hafenpost unterstützen, schon ab 5 € im Monat. Jeder Beitrag hilft.", "Jetzt spenden"],
}


@pytest.mark.parametrize("lang", sorted(DONATION_BOX))
def test_a_donation_box_takes_its_own_story_too(lang, cleaner):
    article = ARTICLE[lang]
    lines = article[:2] + STORY[lang] + DONATION_BOX[lang] + article[2:]
    assert _clean(cleaner, lines, True) == article


@pytest.mark.parametrize("case", ["en-editorial-in-we", "en-press-freedom-news", "de-kommentar-in-wir-form"])
def test_article_paragraphs_above_a_donation_box_stay(case, cleaner):
    article = ARTICLE[case[:2]] + KEEP[case]
    assert _clean(cleaner, article + DONATION_BOX[case[:2]], True) == article
