"""Donation and membership boxes described by what every such box has: a statement of how the outlet is funded
("finanziert sich durch Spenden", "se financia con las cuotas de sus socios", "Нас фінансують читачі"), that it lives
thanks to its readers, that journalism costs money, that without the readers it could not go on, that it is free to
read; a "buy me a coffee" in the reader's language; payment names (TWINT) and currency-first amount buttons
("CHF 10"); heads that thank the reader for reading; and app prompts with install / continue-on-the-site buttons.
Each must go in full; the prose beside it, and articles that speak of clubs, foundations and apps in the third person,
stay. (Texts invented for these tests.)"""

from __future__ import annotations

from heldout_shapes import appeal_tests

APPEAL_CATEGORIES = {"donation", "newsletter", "paywall", "app", "navigation"}

BODY_EN = (
    "The harbour authority will dredge the western channel this autumn so that the new ferries can dock at low tide, "
    "it said on Thursday, after a summer of cancelled sailings.\n"
    "The work will take about ten weeks and will be carried out at night, when fewer fishing boats use the channel.\n"
    "Local skippers welcomed the plan but asked for a second berth for the lifeboat.\n"
)
BODY_DE = (
    "Die Stadtwerke wollen bis zum Herbst alle Straßenlaternen in der Altstadt auf LED umstellen, teilten sie am "
    "Dienstag mit.\n"
    "Die Umstellung soll den Stromverbrauch der Beleuchtung um mehr als die Hälfte senken; die ersten Straßen sind "
    "bereits umgerüstet.\n"
    "Anwohner hatten sich zuvor über zu grelles Licht beschwert.\n"
)
BODY_ES = (
    "El ayuntamiento abrirá en septiembre dos nuevas bibliotecas de barrio, con horario ampliado en época de exámenes.\n"
    "Las obras han costado 3,2 millones de euros y han durado algo más de un año.\n"
    "Los vecinos pedían desde hace tiempo un espacio de estudio cerca del instituto.\n"
)
BODY_UK = (
    "Міська рада вирішила відремонтувати три мости через річку до кінця наступного року.\n"
    "Роботи вестимуть почергово, щоб не перекривати рух у центрі міста повністю.\n"
    "Перший міст закриють уже в березні.\n"
)
BODY_PL = (
    "Miasto wymieni w tym roku wszystkie autobusy na linii nocnej na elektryczne.\n"
    "Nowe pojazdy mają być cichsze i tańsze w utrzymaniu, a pierwsze wyjadą na ulice w październiku.\n"
    "Przewoźnik szuka jeszcze kierowców na nocne zmiany.\n"
)
BODY_IT = (
    "Il comune rifarà entro l'estate la pavimentazione di piazza del Mercato, chiusa da mesi per un cedimento.\n"
    "I lavori costeranno circa 900 mila euro e saranno eseguiti di notte per non fermare il mercato del sabato.\n"
    "I commercianti chiedono tempi certi.\n"
)

REMOVE = {
    "de-funded-by-donations-costs": BODY_DE + """
~~ Unsere Recherchen kosten Zeit und Geld
~~ Das Stadtblatt finanziert sich fast vollständig durch Spenden seiner Leserinnen und Leser. Werbung gibt es bei uns nicht.
~~ Monatlich
~~ Einmalig
~~ Jetzt unterstützen
""",
    "es-financed-by-members-without-them": BODY_ES + """
~~ La Voz del Barrio se financia con las cuotas de 9.000 socias y socios.
~~ Sin ellos, este periódico no existiría. Únete desde 4 euros al mes.
~~ Hazte socio
""",
    "uk-club-funded-by-readers": BODY_UK + """
~~ Ставайте частиною спільноти «Міського вісника»
~~ Незалежна журналістика коштує грошей. Нас фінансують читачі — щомісяця від 50 гривень.
~~ Доєднатися
""",
    "pl-coffee-blog": BODY_PL + """
~~ Podoba Ci się ten tekst?
~~ Piszę ten blog po godzinach i bez reklam. Jeśli chcesz, postaw mi kawę – każda pomaga opłacić serwer.
~~ Postaw mi kawę
""",
    "it-lives-thanks-to-readers": BODY_IT + """
~~ Il Quotidiano del Borgo vive grazie ai lettori.
~~ Nessuna pubblicità, nessun editore: solo chi crede nel nostro lavoro. Puoi donare con PayPal o bonifico bancario.
~~ Sostieni il Quotidiano del Borgo
""",
    "de-twint-chf-buttons": BODY_DE + """
~~ Unabhängiger Lokaljournalismus braucht deine Unterstützung.
~~ Wähle einen Betrag:
~~ CHF 10
~~ CHF 20
~~ Mit TWINT unterstützen
""",
    "en-free-to-read-nonprofit": BODY_EN + """
~~ This story is free to read.
~~ We're a nonprofit newsroom, and readers, not advertisers, keep the lights on. Make a gift today.
~~ Donate
""",
    "de-app-continue-in-browser": """
~~ Stadtblatt-App
~~ Lesen Sie das Stadtblatt mit Push-Nachrichten in unserer kostenlosen App.
~~ App öffnen
~~ Im Browser weiterlesen
""" + BODY_DE,
    "pl-app-download": """
~~ Czytaj szybciej w aplikacji Kurier
~~ Pobierz aplikację
""" + BODY_PL,
}

KEEP = {
    "de-club-funds-itself": BODY_DE + (
        "Der Verein finanziert sich über Spenden und Mitgliedsbeiträge. Wer ihn unterstützen will, kann Mitglied "
        "werden; der Jahresbeitrag liegt bei 30 Euro.\n"
        "Sie haben gerade den zweiten Teil unserer Serie über Ehrenamt gelesen.\n"
    ),
    "uk-outlet-exists-report": BODY_UK + (
        "Видання існує завдяки підтримці читачів — так пише редакція у своєму щорічному звіті.\n"
        "Щомісячні внески читачів покривають половину витрат.\n"
    ),
    "nl-ferry-from-year": (
        "De provincie trekt 20 miljoen euro uit voor nieuwe veerponten.\n"
        "Vier van de zes ponten varen nog op diesel. Ze moeten vanaf 2030 elektrisch varen.\n"
        "De eerste nieuwe boot komt in Dreumel.\n"
    ),
    "fr-tax-deduction-advice": (
        "Un don à une association d'intérêt général ouvre droit à une réduction d'impôt de 66 % de son montant.\n"
        "Ainsi, un don de 100 € ne coûte que 34 € au donateur, rappelle l'administration fiscale.\n"
        "Les dons aux associations d'aide aux personnes en difficulté bénéficient d'un taux de 75 %.\n"
    ),
    "es-football-club-members": BODY_ES + (
        "El club cerró la temporada con 85.000 socios, un récord en su historia.\n"
        "La cuota anual va de 90 a 600 euros según la grada, y la junta estudia congelar los precios.\n"
    ),
    "en-transit-app-launch": BODY_EN + (
        "The transit authority released its new app on Monday, letting riders buy tickets and track buses.\n"
        "The app is free to download for Android and iOS, and riders who install it before June get a week of free "
        "travel.\n"
    ),
    "ru-shelter-fundraiser": (
        "Приют для бездомных животных объявил сбор средств на новый вольер.\n"
        "Волонтеры просят помочь кормом и деньгами: за месяц удалось собрать около 300 тысяч рублей.\n"
        "По словам директора, ежемесячные пожертвования покрывают лишь половину расходов.\n"
    ),
}

test_removed_in_full, test_kept = appeal_tests(REMOVE, KEEP)
