"""Reader appeals in shapes the earlier rounds missed: a public-radio "Your gift powers ..." box whose paragraph says
"When you give, you help ..." and keeps the news "free and available to everyone", a nonprofit's 501(c)(3) note with
"Click here to support ... with a tax-deductible donation", a creator's "If you enjoy these posts, consider supporting
me on Patreon", a "Before you go" heading over an appeal, a "Continue reading with ... Plus" / "Keep reading with a
7-day free trial" paywall heading (and "Czytaj dalej z subskrypcją", "Fortsätt läsa med Plus"), "You've run out of
free articles", "Already a paid subscriber? Sign in", a "Start trial" button, a German "...+ Inhalt" heading with "den
1. Monat für 0,99 €" and "Jetzt für 0,99 € testen", a Dutch "Dit is een gratis artikel. Wilt u meer lezen?",
"Essayez gratuitement pendant 30 jours.", "Независимые новости стоят денег" over "У нас нет инвесторов", a German
"Mit Ihrer Unterstützung können wir ...", a Dutch newsletter pitch in the polite form ("Meld u hier aan voor onze
gratis nieuwsbrief"), an English "Get more ... in your inbox" one-liner, and app boxes headed "... on the go" or
"Nachrichten immer dabei" whose body says "jetzt kostenlos ... herunterladen" or "Recevez les alertes ... où que vous
soyez", and "Read this and more in the ... app". Each must go in full; articles that say the same things in the third
person, or quote or report someone saying them, stay.
(Texts invented for these tests.)"""

from __future__ import annotations

from heldout_shapes import appeal_tests


BODY_EN = (
    "The county will reopen the old rail trail between the two mill towns next summer, three years after a landslide "
    "buried a stretch of it, officials said on Thursday.\n"
    "The repairs will cost about $4 million, most of it from a state recreation fund.\n"
    "Until then, cyclists face a detour along a busy highway with no shoulder.\n"
)
BODY_DE = (
    "Der alte Bahnradweg zwischen den beiden Nachbarorten soll im nächsten Sommer wieder öffnen, drei Jahre nachdem "
    "ein Hangrutsch einen Abschnitt verschüttet hatte, teilte der Landkreis am Donnerstag mit.\n"
    "Die Reparatur kostet rund vier Millionen Euro, den Großteil zahlt das Land.\n"
)
BODY_FR = (
    "L'ancienne voie verte entre les deux bourgs rouvrira l'été prochain, trois ans après qu'un glissement de terrain "
    "en a enseveli une partie, a annoncé jeudi le département.\n"
    "Les travaux coûteront environ quatre millions d'euros, financés en majorité par la région.\n"
)
BODY_NL = (
    "Het oude fietspad over het spoortracé tussen de twee dorpen gaat volgende zomer weer open, drie jaar nadat een "
    "aardverschuiving een stuk ervan bedolf, meldde de provincie donderdag.\n"
    "Het herstel kost zo'n vier miljoen euro, grotendeels betaald door het Rijk.\n"
)
BODY_PL = (
    "Dawna trasa kolejowa między dwoma miasteczkami zostanie otwarta dla rowerzystów przyszłego lata, trzy lata po "
    "tym, jak osuwisko zasypało jej odcinek, poinformował w czwartek powiat.\n"
    "Naprawa pochłonie około 17 milionów złotych, w większości z budżetu województwa.\n"
)
BODY_SV = (
    "Den gamla banvallen mellan de två bruksorterna öppnar igen för cyklister nästa sommar, tre år efter att ett skred "
    "begravde en del av den, meddelade regionen på torsdagen.\n"
    "Reparationen beräknas kosta omkring 40 miljoner kronor, som staten betalar största delen av.\n"
)
BODY_RU = (
    "Старую велодорожку по бывшей железнодорожной насыпи между двумя посёлками откроют следующим летом, через три "
    "года после того, как оползень засыпал её участок, сообщили в районной администрации в четверг.\n"
    "Ремонт обойдётся примерно в 400 миллионов рублей, большую часть заплатит область.\n"
)

REMOVE = {
    "en-public-radio-gift-box": BODY_EN + """
~~ ## Your gift keeps local journalism going
~~ Public media belongs to all of us. When you give, you help make sure trusted reporting stays free and available to everyone in the county.
~~ Give Now
~~ Maybe later
""",
    "en-nonprofit-click-here-to-support": BODY_EN + """
~~ The Mill Town Record is a 501(c)(3) nonprofit newsroom run by local reporters. Every dollar we raise pays for reporting.
~~ Click here to support the Record with a tax-deductible donation.
""",
    "en-creator-patreon-enjoy-these": BODY_EN + """
~~ *If you enjoy these essays, consider supporting me on Patreon. Patrons read every piece a week early.*
""",
    "en-before-you-go-heading": BODY_EN + """
~~ ## Before you go
~~ We're a tiny nonprofit team covering the mill towns. If you can, give what you can so we can keep going.
~~ Donate
""",
    "en-continue-reading-with-plus": BODY_EN + """
~~ Continue reading with Record Plus
~~ You've run out of free articles this month. Join Record Plus for unlimited reading, starting at $1 for your first month.
~~ Join Record Plus
~~ Already a member? Sign in here.
""",
    "en-keep-reading-with-trial": BODY_EN + """
~~ Keep reading with a 7-day free trial
~~ Subscribe to The Trailhead to keep reading this post and get 7 days of free access to the full post archives.
~~ Start trial
~~ Already a paid subscriber? Sign in
""",
    "en-newsletter-get-more-in-inbox": BODY_EN + """
~~ Get more county news in your inbox with Trail Town Daily. Sign up for free: it's a five-minute read every weekday.
""",
    "en-app-on-the-go": BODY_EN + """
~~ Get the latest headlines on the go
~~ Download the free Mill Town Record app for breaking news alerts and live video.
""",
    "en-app-read-this-and-more": BODY_EN + """
~~ Read this and more in the Mill Town Record app, free on iOS and Android.
""",
    "de-plus-inhalt-paywall": BODY_DE + """
~~ Kreisblatt+ Inhalt
~~ Jetzt weiterlesen mit Kreisblatt+!
~~ Alle Artikel, exklusive Videos und das E-Paper – den 1. Monat für 0,99 €.
~~ Jetzt für 0,99 € testen
~~ Bereits Abonnent? Hier anmelden
""",
    "de-mit-ihrer-unterstuetzung": BODY_DE + """
~~ Unterstützen Sie unabhängigen Journalismus
~~ Das Kreisblatt ist gemeinnützig. Mit Ihrer Unterstützung können wir weiter recherchieren und Missstände aufdecken.
~~ Jetzt spenden
""",
    "de-app-immer-dabei": BODY_DE + """
~~ **Nachrichten immer dabei**
~~ Eilmeldungen und Liveblogs gibt es in der Kreisblatt-App – jetzt kostenlos für iOS und Android herunterladen.
""",
    "fr-app-alertes-ou-que-vous-soyez": BODY_FR + """
~~ Téléchargez l'application Vallée Info
~~ Recevez les alertes en direct et suivez l'actualité où que vous soyez.
""",
    "fr-essayez-gratuitement": BODY_FR + """
~~ Vous avez lu vos 3 articles offerts ce mois-ci.
~~ Essayez gratuitement pendant 30 jours.
~~ Déjà abonné ? Connexion
""",
    "nl-gratis-artikel-meer-lezen": BODY_NL + """
~~ Dit is een gratis artikel. Wilt u meer lezen?
~~ Neem een proefabonnement: 8 weken voor € 8, daarna stopt het vanzelf.
~~ Word abonnee
""",
    "nl-newsletter-polite-form": BODY_NL + """
~~ Wilt u elke ochtend het belangrijkste nieuws uit de regio in uw mailbox? Meld u hier aan voor onze gratis nieuwsbrief.
""",
    "pl-czytaj-dalej-z-subskrypcja": BODY_PL + """
~~ Czytaj dalej z subskrypcją
~~ Pierwszy miesiąc za 1 zł, potem 29,90 zł miesięcznie.
~~ Wykup subskrypcję
""",
    "sv-fortsatt-lasa-med-plus": BODY_SV + """
~~ Fortsätt läsa med Plus
~~ Första månaden för 1 kr, sedan 119 kr i månaden.
~~ Bli prenumerant
""",
    "ru-news-cost-money-no-investors": BODY_RU + """
~~ Независимые новости стоят денег
~~ У нас нет инвесторов и рекламы. Нас читают бесплатно благодаря тем, кто помогает.
~~ Помочь редакции
""",
}

KEEP = {
    "en-giving-advice": BODY_EN + (
        "When you donate to a charity, make sure the gift is tax-deductible and keep the receipt for your tax return.\n"
        "Residents can support the shelter with a tax-deductible donation of blankets until Friday.\n"
        "The library is free and available to everyone, and the county wants to keep it that way, officials said.\n"
    ),
    "en-paywall-study-reported": BODY_EN + (
        "Readers who run out of free articles are more likely to subscribe if offered a $1 trial, the study found.\n"
        "Continue reading with care: the second half of the report describes the abuse in detail.\n"
        "This is a free article in the sense that the court ordered the paper to publish it, the editor explained.\n"
    ),
    "en-before-you-go-travel-heading": BODY_EN + (
        "Before you go\n"
        "Check the trail map the night before: the upper section closes when the river is high.\n"
        "If you enjoy these walks, the ranger wrote in 2019, you will like the guided tours, which sold out.\n"
    ),
    "en-app-slogan-reported": BODY_EN + (
        "Get the latest headlines on the go was the slogan of the station's 1998 radio campaign, which won an award.\n"
        "Passengers can read this and more in the airline's app, the airport said.\n"
    ),
    "de-third-person-funding": BODY_DE + (
        "Der Verein finanziert sich vor allem über Spenden und ist gemeinnützig, sagte die Vorsitzende.\n"
        "Der Verlag bietet den ersten Monat für 0,99 Euro an; Abonnenten bekommen alle Artikel und das E-Paper.\n"
    ),
    "fr-newsletter-reported": BODY_FR + (
        "Les abonnés peuvent lire tous les articles et recevoir la newsletter du soir, a précisé la direction.\n"
        "Téléchargez l'application, recevez les alertes en direct : c'était le slogan de la campagne, rappelle le rapport.\n"
    ),
    "nl-quoted-questions": BODY_NL + (
        "Dit is een gratis artikel, zei de uitgever, omdat het verhaal van algemeen belang is.\n"
        "Wilt u meer lezen? vroeg de bibliothecaris aan de kinderen in de leesclub.\n"
    ),
    "ru-reported-funding": BODY_RU + (
        "Журналистика стоит денег, и у издания нет инвесторов, рассказал главный редактор на конференции.\n"
        "По его словам, газету читают бесплатно благодаря тем, кто помогает ей каждый месяц.\n"
    ),
}

test_removed_in_full, test_kept = appeal_tests(REMOVE, KEEP)
