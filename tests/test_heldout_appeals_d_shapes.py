"""Reader appeals in shapes and languages the earlier rounds did not cover: paywall, membership and app boxes in
Portuguese, Swedish and Czech ("Já é assinante?", "Redan prenumerant? Logga in", "Již předplácíte?"), a membership box
that is a heading over a bullet list of benefits and a "Join from ... a month" price line, a box headed by an imperative
to hold the powerful to account, a one-line "we're reader-supported, subscribe today to ..." note, a box that asks
"do you like what you read?" over a first-person funding line, a purpose clause ("para que podamos seguir
investigando"), a "Ja, ik word ..." button and a "you can support us" heading. Each must go in full; articles that say
the same things in the third person, or quote someone saying them, stay. (Texts invented for these tests.)"""

from __future__ import annotations

from heldout_shapes import appeal_tests


BODY_EN = (
    "The valley's only bus line will run again from May, a year after the operator went bankrupt, the regional "
    "transport authority said on Friday.\n"
    "The new contract costs about $2 million a year and guarantees a bus every ninety minutes on weekdays.\n"
    "Pensioners in the upper villages had depended on lifts from neighbours since the service stopped.\n"
)
BODY_PT = (
    "A linha de autocarro do vale volta a circular em maio, um ano depois da falência da operadora, anunciou na "
    "sexta-feira a autoridade regional de transportes.\n"
    "O novo contrato custa cerca de dois milhões de euros por ano e garante um autocarro a cada noventa minutos.\n"
)
BODY_SV = (
    "Busslinjen genom dalen börjar gå igen i maj, ett år efter att bolaget gick i konkurs, meddelade "
    "trafikmyndigheten på fredagen.\n"
    "Det nya avtalet kostar omkring tjugo miljoner kronor om året och ger en avgång var nittionde minut.\n"
)
BODY_CS = (
    "Autobusová linka údolím začne znovu jezdit v květnu, rok poté, co dopravce zbankrotoval, oznámil v pátek "
    "krajský úřad.\n"
    "Nová smlouva stojí zhruba čtyřicet milionů korun ročně a zaručuje spoj každých devadesát minut.\n"
)
BODY_DE = (
    "Die Buslinie durch das Tal fährt ab Mai wieder, ein Jahr nach der Pleite des Betreibers, teilte der "
    "Verkehrsverbund am Freitag mit.\n"
    "Der neue Vertrag kostet rund zwei Millionen Euro im Jahr und sichert einen Bus alle neunzig Minuten.\n"
)
BODY_ES = (
    "La línea de autobús del valle volverá a funcionar en mayo, un año después de la quiebra de la empresa, "
    "anunció el viernes el consorcio de transportes.\n"
    "El nuevo contrato cuesta unos dos millones de euros al año y garantiza un autobús cada noventa minutos.\n"
)
BODY_NL = (
    "De buslijn door het dal gaat in mei weer rijden, een jaar na het faillissement van de vervoerder, meldde de "
    "provincie vrijdag.\n"
    "Het nieuwe contract kost zo'n twee miljoen euro per jaar en garandeert elke anderhalf uur een bus.\n"
)
BODY_RU = (
    "Автобусный маршрут через долину снова заработает в мае, через год после банкротства перевозчика, сообщили "
    "в пятницу в областном транспортном управлении.\n"
    "Новый контракт обойдётся примерно в сто миллионов рублей в год.\n"
)

REMOVE = {
    "pt-paywall-first-month": BODY_PT + """
~~ Este conteúdo é exclusivo para assinantes
~~ Assine a partir de 2€ no primeiro mês e leia todos os artigos sem limites.
~~ Assinar
~~ Já é assinante? Inicie sessão
""",
    "pt-donation-box": BODY_PT + """
~~ Apoie o nosso jornalismo
~~ Não temos anunciantes nem donos. Seja um apoiador e contribua com o que puder.
~~ Quero contribuir
""",
    "sv-paywall-one-krona": BODY_SV + """
~~ Läs vidare för 1 kr
~~ Som prenumerant får du obegränsad tillgång till alla artiklar, 99 kr/månad därefter.
~~ Prenumerera nu
~~ Redan prenumerant? Logga in
""",
    "sv-member-line": BODY_SV + """
~~ Stöd oss – bli medlem från 39 kr/månad och gör oberoende journalistik möjlig.
""",
    "cs-paywall": BODY_CS + """
~~ Celý text je dostupný pouze pro předplatitele
~~ Předplaťte si nás za 49 Kč měsíčně
~~ Již máte předplatné? Přihlaste se
""",
    "cs-donation-box": BODY_CS + """
~~ Podpořte nezávislou žurnalistiku
~~ Nepatříme žádnému miliardáři. Vaše podpora nám pomáhá pracovat dál.
~~ Chci přispět
""",
    "pt-sv-app-line": BODY_PT + """
~~ Baixe o nosso app e ative as notificações para não perder nada.
""",
    "en-benefit-list-membership": BODY_EN + """
~~ **Become a Founding Reader**
~~ - Ad-free reading everywhere
~~ - Members-only Q&As with our reporters
~~ Join from $7 a month. Cancel any time.
""",
    "en-hold-accountable-heading": BODY_EN + """
~~ ## Help us hold power accountable
~~ We take no money from advertisers. Please donate what you can today.
~~ Donate
""",
    "en-paid-members-only-heading": BODY_EN + """
~~ This story is for paid members only
~~ Become a paid member to read every story and join the conversation.
~~ Subscribe
~~ Already have an account? Sign in
""",
    "en-reader-supported-one-liner": BODY_EN + """
~~ We're 100 percent reader-supported. Subscribe today to read every post, comment on it and keep independent writing alive.
""",
    "de-like-what-you-read": BODY_DE + """
~~ Gefällt Ihnen, was Sie lesen?
~~ Wir sind unabhängig und werden ausschliesslich von unseren Mitgliedern finanziert. Werden Sie Mitglied.
~~ Mitglied werden
""",
    "es-purpose-clause": BODY_ES + """
~~ Somos un medio sin dueños. Hazte socio o haz una donación para que podamos seguir informando.
""",
    "nl-yes-button": BODY_NL + """
~~ Steun onafhankelijke journalistiek
~~ Word vriend vanaf €3 per maand.
~~ Ja, ik word vriend
""",
    "ru-you-can-support-us": BODY_RU + """
~~ Нас можно поддержать
~~ Мы существуем на пожертвования читателей. Поддержите нас ежемесячным платежом.
~~ Поддержать
""",
}

KEEP = {
    "pt-sv-cs-reported-subscriptions": """
O jornal oferece o primeiro mês por 1 euro e acesso ilimitado a todos os artigos, segundo a diretora comercial.
Tidningen har fått fler prenumeranter och erbjuder första månaden för 1 kr, säger chefredaktören.
Deník nabízí předplatné za 99 Kč měsíčně a neomezený přístup ke všem článkům, uvedl vydavatel.
""",
    "pt-sv-cs-reported-fundraising": """
A campanha ultrapassou a meta: mais de dois mil apoiadores contribuíram com valores entre dez e quinhentos reais, segundo os organizadores.
Insamlingen har dragit in 300 000 kronor, och föreningen uppger att alla kan bli medlem för 100 kr om året.
Veřejná sbírka vybrala přes dva miliony korun; přispěly tisíce lidí, uvedl náčelník horské služby.
""",
    "en-membership-economics": """
The museum's members get free entry and invitations to exhibition previews, and can cancel any time, a spokesperson said.
The newsletter's paid members get ad-free reading and members-only events, according to its annual report.
Patreon takes a cut of between 8 and 12 percent of what patrons pay, depending on the plan a creator chooses.
""",
    "en-third-person-reader-supported": """
The site is reader-supported, its founder explained, and asks readers to subscribe today to keep it going.
This article is for members of the co-operative who will vote on the merger next week.
""",
    "de-es-reported-funding": """
Die Genossenschaft wird von ihren Mitgliedern getragen, sagte der Vorstand am Montag.
El diario pidió a sus lectores que se suscribieran para que pudiera seguir publicando, según la directora.
""",
    "app-reported": """
Baixe o aplicativo do banco, aconselha a empresa aos clientes que perderam o acesso.
Ladda ner appen och registrera dig, enligt kommunens instruktioner.
""",
}


(test_new_appeal_shape_is_removed_in_full,
 test_prose_about_the_same_things_is_kept) = appeal_tests(REMOVE, KEEP)
