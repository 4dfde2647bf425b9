"""Reader appeals told by their shape and word families rather than their wording: paywall walls that say the story is
available to NAME subscribers ("... to Harbour Courier subscribers", "für Talblatt+-Abonnenten", "доступно
подписчикам ..."), that continue "reading your article with" a membership, and that close on a short account question
("Have an account? Log in.") or "View membership options" / "Kies uw abonnement"; app banners of a heading naming
the app ("Die Talblatt-App", "La app de ...") over a line that ends in the fragment "– kostenlos im App Store und bei
Google Play" / ", disponible gratuitement sur iPhone et Android"; donation boxes headed by the outlet's funding model
("X es una organización sin fines de lucro", "X è gratuito, ma non si finanzia da solo"), tax-allocation appeals
(1,5 % podatku with a KRS number, the Italian 5x1000) that cost the reader nothing, and "можно поддержать регулярным
донатом"; a Dutch newsletter box whose fine print says "je kunt je op elk moment uitschrijven". Each must go in full;
articles that say the same things in the third person, as a predicate ("The app is free on iPhone and Android"), or
report someone saying them, stay. (Texts invented for these tests.)"""

from __future__ import annotations

from heldout_shapes import appeal_tests


BODY_EN = (
    "The old ferry terminal will be turned into a market hall, the harbour board decided on Thursday after a "
    "two-year dispute with the city.\n"
    "Traders expect to move in by the autumn, and the board plans to keep the clock tower as it is.\n"
)
BODY_DE = (
    "Der alte Fähranleger wird zur Markthalle umgebaut, wie der Hafenbeirat am Donnerstag nach zwei Jahren Streit "
    "entschied.\n"
    "Die Händler rechnen damit, im Herbst einziehen zu können; der Uhrturm bleibt erhalten.\n"
)
BODY_FR = (
    "L'ancienne gare maritime deviendra une halle de marché, a décidé jeudi le conseil portuaire après deux ans de "
    "conflit avec la ville.\n"
    "Les commerçants espèrent s'y installer à l'automne, et la tour de l'horloge sera conservée.\n"
)
BODY_ES = (
    "La vieja terminal de ferris se convertirá en un mercado, decidió el jueves la junta del puerto tras dos años de "
    "disputa con la ciudad.\n"
    "Los comerciantes esperan mudarse en otoño, y la torre del reloj se conservará.\n"
)
BODY_IT = (
    "Il vecchio terminal dei traghetti diventerà un mercato coperto, ha deciso giovedì l'autorità portuale dopo due "
    "anni di contenzioso con il comune.\n"
    "I commercianti contano di trasferirsi in autunno e la torre dell'orologio resterà com'è.\n"
)
BODY_NL = (
    "De oude veerterminal wordt een markthal, besloot het havenbestuur donderdag na twee jaar onenigheid met de stad.\n"
    "De handelaren hopen er in het najaar in te trekken; de klokkentoren blijft staan.\n"
)
BODY_PL = (
    "Stary terminal promowy zostanie zamieniony w halę targową, zdecydował w czwartek zarząd portu po dwóch latach "
    "sporu z miastem.\n"
    "Kupcy liczą, że wprowadzą się jesienią, a wieża zegarowa zostanie zachowana.\n"
)
BODY_RU = (
    "Старый паромный терминал превратят в крытый рынок, решил в четверг совет порта после двух лет споров с городом.\n"
    "Торговцы рассчитывают переехать осенью, а часовую башню сохранят.\n"
)

REMOVE = {
    "en-wall-name-subscribers": BODY_EN + """
~~ This story is available exclusively to Harbour Courier subscribers. Join today and keep reading.
~~ Have an account? Log in.
""",
    "en-wall-reading-with-membership": BODY_EN + """
~~ Continue reading your article with
~~ a Courier Digital membership
~~ View membership options
~~ Already a member? Sign in
""",
    "de-wall-brand-subscribers": BODY_DE + """
~~ Dieser Beitrag ist für Talblatt+-Abonnenten verfügbar
~~ Unbegrenzter Zugang zu allen Artikeln und zur App
~~ Jetzt 4 Wochen für 1 € testen
~~ Schon registriert? Einloggen
""",
    "nl-wall-brand-subscription": BODY_NL + """
~~ Lees dit artikel met een Havenblad-abonnement
~~ Onbeperkt toegang tot alle verhalen, de krant en de app.
~~ Probeer 6 weken voor € 2
~~ Kies uw abonnement
~~ Al een account? Inloggen
""",
    "ru-wall-rest-of-article": BODY_RU + """
~~ Продолжение статьи доступно подписчикам «Порта»
~~ Неограниченный доступ ко всем материалам — 299 ₽ в месяц.
~~ Оформить подписку
""",
    "de-app-banner-fragment": BODY_DE + """
~~ Die Talblatt-App
~~ Lokalnachrichten, Bilder und Eilmeldungen per Push – kostenlos im App Store und bei Google Play.
""",
    "fr-app-banner-fragment": BODY_FR + """
~~ 📲 Suivez l'actualité de votre ville sur l'application Le Quai, disponible gratuitement sur iPhone et Android.
""",
    "es-app-heading-fragment": BODY_ES + """
~~ La app de El Muelle
~~ Última hora, directos y pushes del puerto, gratis en App Store y Google Play.
""",
    "es-donation-funding-heading": BODY_ES + """
~~ El Muelle es una organización sin fines de lucro
~~ Nuestro trabajo se sostiene con el aporte de miles de lectores. Sumate con una donación mensual y ayudanos a seguir investigando.
~~ Quiero donar
~~ Ya soy donante
""",
    "it-donation-free-but": BODY_IT + """
~~ Il Molo è gratuito, ma non si finanzia da solo
~~ Le nostre inchieste richiedono mesi di lavoro. Non abbiamo pubblicità: a sostenerci sono i lettori.
~~ Con 4 € al mese diventi sostenitore.
~~ Sostieni Il Molo
""",
    "it-5x1000": BODY_IT + """
~~ Destina il 5x1000 al Molo
~~ Nella dichiarazione dei redditi firma nel riquadro degli enti del terzo settore e scrivi il nostro codice fiscale. Non ti costa nulla.
""",
    "pl-1-5-percent": BODY_PL + """
~~ Przekaż 1,5% podatku na niezależne dziennikarstwo portowe
~~ W zeznaniu PIT wpisz numer KRS 0000123456. Ciebie to nic nie kosztuje, a nam pozwala pisać dalej.
~~ Jak przekazać 1,5% podatku?
""",
    "ru-donation-regular": BODY_RU + """
~~ «Порт» — независимое издание, которое работает только на пожертвования читателей. Нас можно поддержать регулярным донатом.
~~ Поддержать «Порт»
""",
    "nl-newsletter-unsubscribe": BODY_NL + """
~~ Ontvang de havennieuwsbrief
~~ 's Ochtends de belangrijkste berichten uit de haven, 's avonds de samenvatting.
~~ E-mailadres *
~~ Abonneren
~~ Je kunt je op elk moment uitschrijven via de link onderaan de nieuwsbrief.
""",
}

KEEP = {
    "en-app-free-predicate": BODY_EN + (
        "The harbour board's new app is free on iPhone and Android.\n"
        "It has been downloaded 40,000 times, and the push alerts for ferry delays are the most used feature.\n"
    ),
    "de-app-free-predicate": BODY_DE + (
        "Die Talblatt-App\n"
        "Die App ist kostenlos und im App Store sowie bei Google Play erhältlich; Eilmeldungen kommen per Push.\n"
        "Kritiker bemängeln, dass sie viele Daten sammelt.\n"
    ),
    "en-login-prompt-reported": BODY_EN + (
        "Have an account? Log in.\n"
        "That was the only message on the booking site on Monday, and users who tried to log in got an error.\n"
        "The company fixed the fault within two hours.\n"
    ),
    "en-paywall-memo": BODY_EN + (
        "This article is exclusively available to Courier subscribers, the paper's editor wrote in a memo in 2019.\n"
    ),
    "de-how-to-help": BODY_DE + (
        "Tafeln unterstützen\n"
        "Wer die Tafeln unterstützen will, kann Geld spenden; Spenden an die Vereine sind steuerlich absetzbar.\n"
        "Auch Lebensmittelspenden werden gebraucht.\n"
    ),
    "pl-pit-story": BODY_PL + (
        "Przekazanie 1,5% podatku wybrało w tym roku ponad 16 milionów podatników.\n"
        "Aby przekazać 1,5%, wystarczy wpisać w zeznaniu PIT numer KRS wybranej organizacji.\n"
    ),
    "es-foundation-story": BODY_ES + (
        "La fundación es una organización sin fines de lucro que vive de las donaciones de sus socios, explicó su "
        "directora.\n"
        "Las donaciones desgravan en la declaración de la renta, recordó Hacienda.\n"
    ),
    "ru-channel-reported": BODY_RU + (
        "Телеканал продолжает работать в изгнании, сообщил его главный редактор.\n"
        "По его словам, зрители поддерживают канал регулярными донатами.\n"
    ),
    "nl-gym-unsubscribe": BODY_NL + (
        "Je kunt je op elk moment uitschrijven, staat in de voorwaarden van de sportschool, maar klanten klagen.\n"
        "Onbeperkt toegang tot de sportschool kost 29 euro per maand.\n"
    ),
    "en-streaming-brand-heading": BODY_EN + (
        "Harbour+\n"
        "Harbour+ raised its prices again on Tuesday. The ad-free plan now costs $15.99 a month.\n"
        "Subscribers can cancel at any time, the company said.\n"
    ),
}

test_removed_in_full, test_kept = appeal_tests(REMOVE, KEEP)
