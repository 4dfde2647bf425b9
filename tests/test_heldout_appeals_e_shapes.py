"""Reader appeals in shapes the earlier rounds missed: a lone box heading that says who owns or funds the publication
("Owned by readers, not billionaires", "We're owned by our readers") or asks a question about its work ("Gefällt dir
unsere Arbeit?"), a "... needs you" heading, a "Members only" / "Alleen voor leden" heading above a membership or
paywall box, the description line of a newsletter box ("Every Saturday, the week's ...", "Ogni mattina le notizie
..."), a one-line "If you enjoyed this, subscribe to our print edition", an app line that names iOS and Android and
"Push-Mitteilungen", a "Listen on the go" heading over an app prompt, "Este contenido está reservado para
suscriptores", a trailing "Lid worden" button, Rioplatense "vos" forms ("Sumate", "tu aporte", "sostenés") and
European Portuguese "tu" forms ("Contribui", "ajuda-nos"), and a Russian box whose body says "каждое пожертвование".
Each must go in full; articles that say the same things in the third person, or quote someone saying them, stay.
(Texts invented for these tests.)"""

from __future__ import annotations

from heldout_shapes import appeal_tests


BODY_EN = (
    "The county will reopen the old swimming baths in June, three years after a storm damaged the roof, the council "
    "said on Thursday.\n"
    "The repairs cost about $4 million, most of it paid by the state's disaster fund.\n"
    "Swimming clubs had been training in a school pool forty minutes away.\n"
)
BODY_DE = (
    "Das alte Hallenbad öffnet im Juni wieder, drei Jahre nachdem ein Sturm das Dach beschädigt hatte, teilte die "
    "Gemeinde am Donnerstag mit.\n"
    "Die Reparatur kostet rund vier Millionen Euro, den Großteil zahlt das Land.\n"
)
BODY_FR = (
    "La piscine municipale rouvrira en juin, trois ans après qu'une tempête a endommagé le toit, a annoncé jeudi la "
    "mairie.\n"
    "Les travaux coûtent environ quatre millions d'euros, financés en majorité par la région.\n"
)
BODY_ES = (
    "La piscina municipal reabrirá en junio, tres años después de que una tormenta dañara el techo, informó el "
    "jueves el ayuntamiento.\n"
    "Las obras cuestan unos cuatro millones de euros, pagados en su mayoría por la provincia.\n"
)
BODY_IT = (
    "La piscina comunale riaprirà a giugno, tre anni dopo che una tempesta ne aveva danneggiato il tetto, ha "
    "annunciato giovedì il comune.\n"
    "I lavori costano circa quattro milioni di euro, pagati in gran parte dalla regione.\n"
)
BODY_NL = (
    "Het oude zwembad gaat in juni weer open, drie jaar nadat een storm het dak beschadigde, meldde de gemeente "
    "donderdag.\n"
    "De reparatie kost zo'n vier miljoen euro, grotendeels betaald door de provincie.\n"
)
BODY_PT = (
    "As piscinas municipais reabrem em junho, três anos depois de uma tempestade ter danificado o telhado, anunciou "
    "na quinta-feira a câmara.\n"
    "As obras custam cerca de quatro milhões de euros, pagos sobretudo por fundos regionais.\n"
)
BODY_RU = (
    "Городской бассейн откроется в июне, через три года после того, как буря повредила крышу, сообщили в четверг "
    "в мэрии.\n"
    "Ремонт обойдётся примерно в двести миллионов рублей.\n"
)

REMOVE = {
    "en-owned-heading-coop": BODY_EN + """
~~ ## Owned by readers, not billionaires
~~ We're a reader-owned co-operative. Join today and help fund our reporting on the county.
~~ Become a member
""",
    "en-needs-you-heading": BODY_EN + """
~~ Local news needs you
~~ We rely on readers like you to keep our reporting free. Please donate what you can.
~~ Donate now
""",
    "en-members-only-paywall": BODY_EN + """
~~ Members only
~~ You've reached the end of the free preview. Become a member to keep reading, from just $5 a month.
~~ Become a member
~~ Already a member? Log in
""",
    "en-newsletter-description": BODY_EN + """
~~ **The County Newsletter**
~~ Every Saturday morning, the most important local stories of the week in five minutes.
~~ Your email address
~~ Sign up
""",
    "en-enjoyed-subscribe-print": BODY_EN + """
~~ If you enjoyed this story, subscribe to our print magazine: six issues a year for $25.
""",
    "en-app-on-the-go": BODY_EN + """
~~ Read us on the go
~~ Download our free app for iPhone and Android and get the evening bulletin as audio.
""",
    "de-like-our-work": BODY_DE + """
~~ Gefällt Ihnen unsere Arbeit?
~~ Wir finanzieren uns durch unsere Leserinnen und Leser. Unterstützen Sie uns mit einem Betrag Ihrer Wahl.
~~ Jetzt unterstützen
""",
    "de-newsletter-description": BODY_DE + """
~~ Der Feierabend-Newsletter
~~ Die wichtigsten Nachrichten des Tages, jeden Werktag um 17 Uhr.
~~ E-Mail-Adresse
~~ Kostenlos anmelden
""",
    "de-app-push-hyphen": BODY_DE + """
~~ Unsere App für iOS und Android: Eilmeldungen und Push-Mitteilungen aus der Region.
""",
    "fr-needs-you-heading": BODY_FR + """
~~ La presse locale a besoin de vous
~~ Nous ne vivons que grâce aux dons de nos lecteurs. Donnez ce que vous pouvez, même 3 €.
~~ Je soutiens
""",
    "es-voseo-coop": BODY_ES + """
~~ Sumate a nuestra comunidad
~~ Somos una cooperativa sin patrones. Con tu aporte sostenés un periodismo que no se vende.
~~ Quiero aportar
""",
    "es-reserved-heading": BODY_ES + """
~~ Esta noticia está reservada para suscriptores
~~ Suscríbete desde 2 euros al mes y lee sin límites.
~~ Suscribirme
""",
    "it-newsletter-description": BODY_IT + """
~~ Iscriviti alla newsletter
~~ Ogni sera le notizie più importanti della città, in cinque minuti.
~~ La tua email
~~ Iscriviti
""",
    "nl-members-heading-lid-worden": BODY_NL + """
~~ Alleen voor leden
~~ Onze journalistiek wordt betaald door onze leden. Word ook lid, vanaf €5 per maand.
~~ Lid worden
""",
    "pt-pt-tu-forms": BODY_PT + """
~~ Somos financiados por quem nos lê
~~ Não temos publicidade nem patrões. Contribui a partir de 4€ por mês e ajuda-nos a continuar.
~~ Contribuir
""",
    "ru-every-donation": BODY_RU + """
~~ Помогите нам продолжать работу
~~ Сайт заблокирован, но мы продолжаем писать. Каждое пожертвование важно.
~~ Помочь
""",
}

KEEP = {
    "en-owned-third-person": BODY_EN + (
        "The weekly has been owned by its readers since 2020, when a co-operative of 3,000 members bought it.\n"
        "Members pay $6 a month and elect the board, the paper said in its annual report.\n"
    ),
    "en-needs-you-quoted": BODY_EN + (
        "\"The pool needs you,\" the swimming club's coach told parents, asking them to volunteer as lifeguards.\n"
        "Members only\n"
        "The club's sauna stays members only until the renovation ends, the council said.\n"
    ),
    "en-every-morning-prose": BODY_EN + (
        "Every morning the coach checks the water temperature before the first lesson, and in winter the children "
        "wait in the hall.\n"
        "The biggest stories of the week in the county were about the pool, the editor of the local weekly said.\n"
    ),
    "en-enjoyed-quoted": BODY_EN + (
        "\"If you enjoyed this issue, subscribe to our print edition,\" the editor wrote in her farewell letter.\n"
        "If you enjoyed the film, the director's earlier work on the same coast is worth a look.\n"
    ),
    "de-app-test": BODY_DE + (
        "Die Gemeinde hat eine App für iOS und Android veröffentlicht, die laut Bürgermeister Push-Mitteilungen "
        "über Schließzeiten verschickt.\n"
    ),
    "fr-dons-third-person": BODY_FR + (
        "L'association ne vit que grâce aux dons de ses adhérents, selon son président.\n"
    ),
    "es-coop-quoted": BODY_ES + (
        "Somos una cooperativa, dijo la presidenta del club, y cada socio tiene un voto.\n"
        "El diario explicó que esta noticia está reservada para suscriptores porque su elaboración costó meses.\n"
    ),
    "nl-lid-worden-prose": BODY_NL + (
        "Lid worden van de zwemclub kost twintig euro per jaar, zei de voorzitter.\n"
    ),
    "ru-donation-quoted": BODY_RU + (
        "Каждое пожертвование важно, сказала директор фонда, который собирает деньги на ремонт.\n"
    ),
}

test_removed_in_full, test_kept = appeal_tests(REMOVE, KEEP)
