"""Reader appeals in shapes the earlier rounds missed: a "... make this possible" heading over a list of membership
perks, a box heading that asks whether the piece was useful ("Cet article vous a été utile ?", "Vond je dit een goed
verhaal?", "Líbí se vám naše práce?") or says the publication is free thanks to the reader ("Unabhängig dank Ihnen"),
a lone button word under the appeal ("Donner", "Darovat", "Aportar"), a creator's "you can pledge $3 a month", a
one-line print-edition subscribe pitch with a price, a "Start your free 14-day trial" paywall line and its Spanish
"Prueba N días gratis" heading, a one-line newsletter pitch ending "Sign up here." or "hier kostenlos abonnieren",
an "open in the app" heading in Italian, a "premium article" paywall heading, and newsletter, paywall and donation
boxes in Portuguese, Swedish, Czech, Danish, Norwegian, Finnish, Turkish and Catalan. Each must go in full; articles
that say the same things in the third person, or quote someone saying them, stay.
(Texts invented for these tests.)"""

from __future__ import annotations

from heldout_shapes import appeal_tests


BODY_EN = (
    "The town will rebuild the footbridge over the river by next spring, two years after floods swept the old one "
    "away, the council said on Wednesday.\n"
    "The work will cost about $6 million, most of it from a federal resilience grant.\n"
    "Until then, walkers face a detour of almost two miles through the industrial estate.\n"
)
BODY_DE = (
    "Die Fußgängerbrücke über den Fluss wird bis zum nächsten Frühjahr neu gebaut, zwei Jahre nachdem das "
    "Hochwasser die alte mitgerissen hatte, teilte die Stadt am Mittwoch mit.\n"
    "Der Neubau kostet rund sechs Millionen Euro, den Großteil übernimmt der Bund.\n"
)
BODY_FR = (
    "La passerelle sur la rivière sera reconstruite d'ici le printemps prochain, deux ans après que la crue a "
    "emporté l'ancienne, a annoncé mercredi la mairie.\n"
    "Les travaux coûteront environ six millions d'euros, financés en majorité par l'État.\n"
)
BODY_ES = (
    "La pasarela sobre el río se reconstruirá antes de la próxima primavera, dos años después de que la riada se "
    "llevara la anterior, informó el miércoles el ayuntamiento.\n"
    "Las obras costarán unos seis millones de euros, pagados en su mayoría por el Estado.\n"
)
BODY_IT = (
    "La passerella sul fiume sarà ricostruita entro la prossima primavera, due anni dopo che la piena aveva "
    "travolto quella vecchia, ha annunciato mercoledì il comune.\n"
    "I lavori costeranno circa sei milioni di euro, pagati in gran parte dallo Stato.\n"
)
BODY_NL = (
    "De voetgangersbrug over de rivier wordt voor het voorjaar herbouwd, twee jaar nadat het hoogwater de oude "
    "meesleurde, meldde de gemeente woensdag.\n"
    "De bouw kost zo'n zes miljoen euro, grotendeels betaald door het Rijk.\n"
)
BODY_PT = (
    "A ponte pedonal sobre o rio será reconstruída até à próxima primavera, dois anos depois de a cheia ter levado "
    "a antiga, anunciou na quarta-feira a câmara.\n"
    "As obras vão custar cerca de seis milhões de euros, pagos sobretudo pelo Estado.\n"
)
BODY_SV = (
    "Gångbron över ån ska byggas om till nästa vår, två år efter att översvämningen tog den gamla, meddelade "
    "kommunen på onsdagen.\n"
    "Bygget beräknas kosta omkring 60 miljoner kronor, som staten betalar största delen av.\n"
)
BODY_CS = (
    "Lávka pro pěší přes řeku bude do příštího jara postavena znovu, dva roky poté, co starou strhla povodeň, "
    "oznámila ve středu radnice.\n"
    "Stavba vyjde zhruba na 150 milionů korun, většinu zaplatí stát.\n"
)
BODY_DA = (
    "Gangbroen over åen bliver genopført inden næste forår, to år efter at oversvømmelsen rev den gamle med sig, "
    "oplyste kommunen onsdag.\n"
    "Byggeriet koster omkring 45 millioner kroner, som staten betaler det meste af.\n"
)
BODY_NO = (
    "Gangbrua over elva skal bygges opp igjen innen neste vår, to år etter at flommen tok den gamle, opplyste "
    "kommunen onsdag.\n"
    "Arbeidet koster rundt 60 millioner kroner, og staten betaler det meste.\n"
)
BODY_FI = (
    "Joen yli kulkeva kevyen liikenteen silta rakennetaan uudelleen ensi kevääseen mennessä, kaksi vuotta sen "
    "jälkeen kun tulva vei vanhan, kaupunki kertoi keskiviikkona.\n"
    "Työ maksaa noin kuusi miljoonaa euroa, josta valtio maksaa suurimman osan.\n"
)
BODY_TR = (
    "Nehir üzerindeki yaya köprüsü, selin eskisini yıkmasından iki yıl sonra, gelecek bahara kadar yeniden "
    "yapılacak.\n"
    "Belediye, çarşamba günü yaptığı açıklamada projenin yaklaşık 200 milyon liraya mal olacağını bildirdi.\n"
)
BODY_CA = (
    "La passarel·la sobre el riu es reconstruirà abans de la primavera vinent, dos anys després que la riuada "
    "s'endugués l'antiga, segons va anunciar dimecres l'Ajuntament.\n"
    "Les obres costaran uns sis milions d'euros, pagats sobretot per l'Estat.\n"
)

REMOVE = {
    "en-members-make-it-possible": BODY_EN + """
~~ **Readers make this possible**
~~ - No ads, ever
~~ - Early access to our events
~~ - A say in what we investigate
~~ Join from $6 a month
""",
    "en-creator-pledge": BODY_EN + """
~~ This newsletter is free and always will be. If you'd like to help me keep writing it, you can pledge $4 a month.
~~ Pledge your support
""",
    "en-print-edition-pitch": BODY_EN + """
~~ Enjoy the long read? Our print edition comes out every season: subscribe now from $30.
""",
    "en-free-trial-days": BODY_EN + """
~~ This story is for subscribers only
~~ Start your free 21-day trial to read it and everything else we publish.
~~ Start free trial
""",
    "en-newsletter-oneliner-sign-up-here": BODY_EN + """
~~ Get River Notes, our free weekly newsletter about the valley, every Thursday. Sign up here.
""",
    "de-dank-ihnen-spenden": BODY_DE + """
~~ Unabhängig dank Ihnen
~~ Wir sind gemeinnützig und finanzieren uns durch Spenden. Jeder Euro zählt.
~~ Spenden
""",
    "de-newsletter-oneliner": BODY_DE + """
~~ Newsletter: Jeden Dienstag das Wichtigste aus dem Landkreis - hier kostenlos abonnieren.
""",
    "fr-useful-donner": BODY_FR + """
~~ Cet article vous a été utile ?
~~ Notre rédaction est indépendante et financée par ses lectrices. Soutenez-la par un don ponctuel ou mensuel.
~~ Donner
""",
    "es-trial-days-heading": BODY_ES + """
~~ Prueba 14 días gratis
~~ Suscríbete para leer esta y todas nuestras noticias. Cancela cuando quieras.
~~ Empieza tu prueba
~~ ¿Ya eres suscriptor? Accede
""",
    "es-aportar-button": BODY_ES + """
~~ Súmate a quienes nos sostienen
~~ Somos independientes porque nos financian nuestros lectores. Aporta desde 80 pesos al mes.
~~ Aportar
""",
    "it-read-in-app-heading": BODY_IT + """
~~ Leggi sull'app
""",
    "nl-good-story-doneer": BODY_NL + """
~~ Vond je dit een goed verhaal?
~~ Wij draaien op donaties van lezers. Met een kleine gift help je ons verder.
~~ Doneer
""",
    "nl-premium-heading": BODY_NL + """
~~ Dit is een premium artikel
~~ Neem een abonnement en lees alles, vanaf €2 per maand.
~~ Abonneer je
""",
    "pt-newsletter-box": BODY_PT + """
~~ Receba a nossa newsletter
~~ Todas as quintas-feiras, as melhores reportagens no seu e-mail.
~~ O seu e-mail
~~ Inscrever
""",
    "sv-newsletter-box": BODY_SV + """
~~ Vårt nyhetsbrev
~~ Varje söndag veckans bästa reportage direkt i din inkorg.
~~ Din e-postadress
~~ Prenumerera
""",
    "cs-newsletter-box": BODY_CS + """
~~ Každé ráno to hlavní z regionu.
~~ Váš e-mail
~~ Odebírat
""",
    "cs-like-our-work-darovat": BODY_CS + """
~~ Líbí se vám naše práce?
~~ Nejsme závislí na inzerentech. Pomozte nám darem.
~~ Darovat
""",
    "da-member-box": BODY_DA + """
~~ Støt uafhængig journalistik
~~ Vi er finansieret af vores læsere, ikke af annoncører. Bliv medlem fra 59 kr. om måneden.
~~ Bliv medlem
""",
    "no-paywall-box": BODY_NO + """
~~ Denne saken er forbeholdt abonnenter
~~ Prøv en måned for 1 kr.
~~ Kjøp abonnement
~~ Allerede abonnent? Logg inn
""",
    "fi-newsletter-box": BODY_FI + """
~~ Tilaa uutiskirje
~~ Joka maanantai viikon tärkeimmät jutut sähköpostiisi.
~~ Sähköpostiosoite
~~ Tilaa
""",
    "tr-donation-box": BODY_TR + """
~~ Bağımsız gazeteciliğe destek olun
~~ Hiçbir holdinge bağlı değiliz. Okurlarımızın katkısıyla yayın yapıyoruz.
~~ Destek ol
""",
    "ca-paywall-box": BODY_CA + """
~~ Aquest article és exclusiu per a subscriptors
~~ Subscriu-te per 1 € el primer mes.
~~ Subscriu-t'hi
~~ Ja ets subscriptor? Inicia la sessió
""",
}

KEEP = {
    "en-members-possible-third-person": BODY_EN + (
        "The rowing club says its members make the new boathouse possible: 400 of them gave $300 each last year.\n"
        "Members make this town possible, the mayor told volunteers at the opening.\n"
    ),
    "en-trial-and-print-reported": BODY_EN + (
        "The streaming service will end its free 14-day trial in May, the company said.\n"
        "Those who subscribe to the print edition get the weekend magazine a day early.\n"
        "The newspaper asked readers to subscribe to its print edition for $30 a year, but few did, the owner wrote.\n"
    ),
    "en-pledge-reported": BODY_EN + (
        "The writer said readers could pledge $3 a month on Patreon, and that 500 of them already do.\n"
    ),
    "de-spenden-third-person": BODY_DE + (
        "Der Verein finanziert sich durch Spenden, sagte die Vorsitzende; jeder Euro gehe in den Brückenbau.\n"
    ),
    "fr-donner-quoted": BODY_FR + (
        "« Donner, c'est aussi recevoir », répète la présidente de l'association, qui collecte des vêtements.\n"
        "Cet article vous a été utile ? C'est la question posée à la fin de chaque fiche du ministère, selon l'étude.\n"
    ),
    "es-trial-reported": BODY_ES + (
        "El diario ofrece una prueba de 14 días gratis a los nuevos lectores, según su directora.\n"
    ),
    "nl-premium-quoted": BODY_NL + (
        "Dit is een premium artikel, zei de uitgever, en daarom staat het achter de betaalmuur.\n"
    ),
    "da-member-third-person": BODY_DA + (
        "Foreningen er finansieret af medlemmerne, og et medlemskab koster 300 kroner om året, oplyser formanden.\n"
    ),
    "fi-newsletter-reported": BODY_FI + (
        "Kaupunki lähettää uutiskirjeen joka maanantai, kertoi viestintäjohtaja.\n"
    ),
    "tr-subscription-reported": BODY_TR + (
        "Şirket, yeni abonelere ilk ay ücretsiz erişim sunduğunu açıkladı.\n"
    ),
    "cs-newsletter-reported": BODY_CS + (
        "Radnice podle mluvčí posílá newsletter každý pátek a k odběru se přihlásily tisíce lidí.\n"
    ),
}

test_removed_in_full, test_kept = appeal_tests(REMOVE, KEEP)
