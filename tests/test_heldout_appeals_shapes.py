"""Reader appeals in shapes and wordings that the appeals-dev publishers do not use: an editor's personal note, a
"since you're here" box in French, a membership box that names its own programme ("Become a Sustainer"), a
newsletter box with a dative "in Ihrem Postfach", paywall headings ("Want to keep reading?"), an app prompt behind a
teaser. Each must go in full; the prose beside it, and articles that speak of the same things in the third person,
stay. (Texts invented for these tests.)"""

from __future__ import annotations

from heldout_shapes import appeal_tests

APPEAL_CATEGORIES = {"donation", "newsletter", "paywall", "app", "navigation"}

BODY_EN = (
    "The water board will replace 40 kilometres of lead pipes in the old town over the next three years, it said on "
    "Wednesday, after tests found traces of lead in a dozen school kitchens.\n"
    "Households will not be charged for the work, which is paid for by a national grant and a loan from the regional "
    "development bank, and each street will be closed for about two weeks.\n"
    "The first streets to be dug up are those around the primary schools, where the tests found the highest levels "
    "of lead last winter.\n"
)
BODY_DE = (
    "Die Wasserwerke wollen in den nächsten drei Jahren 40 Kilometer alte Bleirohre in der Altstadt austauschen, "
    "nachdem in einem Dutzend Schulküchen Spuren von Blei gefunden worden waren.\n"
    "Die Haushalte müssen für die Arbeiten nicht zahlen; das Geld kommt aus einem Bundesprogramm und einem Kredit der "
    "Landesbank, jede Straße wird für etwa zwei Wochen gesperrt.\n"
    "Zuerst werden die Straßen rund um die Grundschulen aufgegraben, wo die Werte im vergangenen Winter am höchsten "
    "waren.\n"
)
BODY_FR = (
    "La régie des eaux remplacera 40 kilomètres de canalisations en plomb dans la vieille ville au cours des trois "
    "prochaines années, après la découverte de traces de plomb dans une douzaine de cantines scolaires.\n"
    "Les ménages ne paieront rien : les travaux sont financés par une subvention de l'État et un prêt de la banque "
    "régionale, et chaque rue sera fermée pendant environ deux semaines.\n"
    "Les premières rues concernées sont celles qui entourent les écoles primaires, où les niveaux les plus élevés "
    "ont été mesurés l'hiver dernier.\n"
)
BODY_UK = (
    "Міський водоканал упродовж трьох років замінить 40 кілометрів свинцевих труб у старому місті, після того як "
    "у дванадцяти шкільних їдальнях знайшли сліди свинцю.\n"
    "Мешканці не платитимуть за роботи: їх фінансують державна програма і кредит регіонального банку, кожну вулицю "
    "перекриють приблизно на два тижні.\n"
    "Першими розкопають вулиці біля початкових шкіл, де минулої зими зафіксували найвищі показники.\n"
)

REMOVE = {
    "en-editor-note-membership": BODY_EN + """
~~ Hi, this is Priya, one of the editors who worked on this investigation.
~~ We are funded by our community of readers, and we don't run ads or sell your data.
~~ About 6,000 people keep this newsroom going every month. Could you join them today?
~~ Become a Keeper
""",
    "fr-since-youre-here": BODY_FR + """
~~ Puisque vous êtes ici...
~~ ... nous avons une petite faveur à vous demander. Notre journal n'appartient à aucun actionnaire, et nos enquêtes restent accessibles à toutes et tous.
~~ Ce modèle repose sur les dons de nos lecteurs et lectrices.
~~ Je soutiens
""",
    "de-heading-and-nonprofit": BODY_DE + """
~~ **Journalismus kostet Geld.**
~~ Wir sind gemeinnützig und finanzieren uns über Spenden. Fördern Sie unabhängigen Journalismus, schon mit einem kleinen Betrag.
~~ Jetzt unterstützen
""",
    "uk-just-read": BODY_UK + """
~~ Ви щойно прочитали текст, над яким редакція працювала три тижні. Ми не беремо гроші в олігархів і не ставимо пейвол.
~~ Підтримайте нас донатом.
~~ Задонатити
""",
    "de-newsletter-dative-inbox": BODY_DE + """
~~ Newsletter
~~ Der Abend in der Altstadt
~~ Was heute wichtig war, kompakt zusammengefasst: jeden Werktag um 18 Uhr in Ihrem Postfach.
~~ Kostenlos bestellen
""",
    "en-paywall-headings": BODY_EN + """
~~ Want to keep reading?
~~ You have read 4 of 4 free articles this month.
~~ Get one year for $29
~~ Explore more offers
""",
    "nl-paywall-only-subscribers": BODY_EN + """
~~ Dit artikel is alleen beschikbaar voor abonnees
~~ Lees onbeperkt alle artikelen. Maandelijks opzegbaar.
~~ Bekijk abonnementen
""",
    "en-app-teaser": BODY_EN + """
~~ Never miss a boil-water notice: download the Riverside Post app for breaking news alerts.
""",
    "en-app-open-in-app": BODY_EN + """
~~ For a better experience, open this article in the Riverside Post app.
""",
    "uk-app-read-us": BODY_UK + """
~~ Читайте нас у застосунку: завантажте його в App Store або Google Play.
""",
}

KEEP = {
    "en-third-person-funding": """
The animal rescue relies on the generosity of donors and a handful of volunteers, and it has no paid staff.
"Can you help us?" the founder asked the council last month, after the kennels flooded for the second time.
Journalism costs money, and the town's weekly paper can no longer pay for a reporter at council meetings.
The paper's owner, a family trust, said it would keep printing for now.
""",
    "de-third-person-funding": """
Das Magazin ist werbefrei und wird von seinen Mitgliedern finanziert; etwa 12.000 Menschen zahlen einen monatlichen Beitrag.
Guter Journalismus kostet Geld, heißt es in der Branche, und Anzeigen bringen immer weniger ein.
Wenn Sie eine verdächtige E-Mail in Ihrem Postfach finden, sollten Sie keinen Link darin anklicken.
Sie haben gerade den zweiten Teil unserer Serie über das Wasser gelesen; der dritte folgt am Montag.
""",
    "en-paywall-research": """
Want to keep reading? That prompt, shown after the third article, converted better than any discount in the trial.
Readers who had read 4 of 4 free articles were the most likely to subscribe, the study found.
For a better experience, the testers opened every article in the browser rather than in the app.
""",
    "en-advice-to-download": """
Emergency managers have one piece of advice for residents: download the county's alert app for flood alerts and road closures.
The app, available for iPhone and Android, sent its first warning on Sunday night.
""",
    "uk-advice-to-download": """
Завантажуйте застосунок міської ради, радять у мерії, щоб отримувати новини про відключення води.
Ви щойно прочитали перший текст нашої серії про воду, другий вийде в понеділок.
""",
}


(test_new_appeal_shape_is_removed_in_full,
 test_prose_about_the_same_things_is_kept) = appeal_tests(REMOVE, KEEP)
