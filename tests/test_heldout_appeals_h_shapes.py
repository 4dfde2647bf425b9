"""Reader appeals told by their shape rather than their wording: newsletter boxes made of a short question to the
reader ("Хочете ...?", "¿Quieres ...?", "Sie möchten ...?"), a body line that asks for an address in the imperative
("Залиште свою пошту", "Оставьте свою почту"), an e-mail field ("Ваша пошта", "Tu correo", "Votre adresse mail"), a
first-person or infinitive button ("Хочу отримувати", "Inscribirme", "Jetzt eintragen") and consent fine print
("términos y condiciones"); inline plugs that end in a link tail ("Sign up here.", "Hier geht es zur Anmeldung.");
app prompts of a tagline ("... in your pocket", "altijd bij de hand"), a one-word button ("Installer", "Öffnen") and a
dismiss ("Plus tard", "Nicht jetzt"); paywalls with checkmarked perks, a price per week written after the number
("1,99 € / Woche") and "Sie haben X bereits? Anmelden"; and Ukrainian and Russian donation boxes whose words are
inflected ("вашим внескам", "завдяки внескам", "підтримайте нас будь-якою сумою", "Поповнити банку"). Each must go
in full; articles that say the same things in the third person, or quote or report someone saying them, stay.
(Texts invented for these tests.)"""

from __future__ import annotations

from heldout_shapes import appeal_tests


BODY_EN = (
    "The valley's only cinema will close in March after forty years, its owners said on Wednesday, blaming rising "
    "rents and falling ticket sales.\n"
    "A group of residents hopes to buy the building and run it as a cooperative.\n"
)
BODY_DE = (
    "Das einzige Kino im Tal schließt im März nach vierzig Jahren, wie die Betreiber am Mittwoch mitteilten.\n"
    "Eine Gruppe von Anwohnern will das Gebäude kaufen und als Genossenschaft weiterführen.\n"
)
BODY_FR = (
    "L'unique cinéma de la vallée fermera en mars après quarante ans, ont annoncé mercredi ses propriétaires.\n"
    "Un groupe d'habitants espère racheter le bâtiment pour en faire une coopérative.\n"
)
BODY_ES = (
    "El único cine del valle cerrará en marzo después de cuarenta años, anunciaron el miércoles sus dueños.\n"
    "Un grupo de vecinos quiere comprar el edificio y gestionarlo como cooperativa.\n"
)
BODY_NL = (
    "De enige bioscoop in het dal sluit in maart na veertig jaar, maakten de eigenaren woensdag bekend.\n"
    "Een groep bewoners wil het gebouw kopen en er een coöperatie van maken.\n"
)
BODY_RU = (
    "Единственный кинотеатр в долине закроется в марте после сорока лет работы, сообщили в среду его владельцы.\n"
    "Группа жителей надеется выкупить здание и превратить его в кооператив.\n"
)
BODY_UK = (
    "Єдиний кінотеатр у долині закриється в березні після сорока років роботи, повідомили в середу власники.\n"
    "Група мешканців сподівається викупити будівлю й перетворити її на кооператив.\n"
)

REMOVE = {
    "uk-newsletter-form": BODY_UK + """
~~ Хочете знати більше про своє місто?
~~ Щоп'ятниці надсилаємо вам огляд головних подій. Залиште свою пошту, щоб нічого не пропустити.
~~ Ваша пошта
~~ Хочу отримувати
""",
    "ru-newsletter-form": BODY_RU + """
~~ Хотите читать нас по утрам?
~~ Оставьте свою почту — пришлём самое важное за день.
~~ Ваша почта
~~ Хочу получать
""",
    "es-newsletter-form": BODY_ES + """
~~ ¿Quieres recibir las noticias del valle en tu correo?
~~ Inscríbete a nuestros boletines y no te pierdas nada.
~~ Tu correo electrónico
~~ Inscribirme
~~ Acepto los términos y condiciones.
""",
    "de-newsletter-form": BODY_DE + """
~~ Sie möchten nichts aus dem Tal verpassen?
~~ Holen Sie sich die Nachrichten aus der Region direkt in Ihr Postfach.
~~ Ihre E-Mail-Adresse
~~ Jetzt eintragen
""",
    "en-inline-link-tail": BODY_EN + """
~~ The Valley Week newsletter brings you our best local stories every Friday. Sign up here.
""",
    "de-inline-link-tail": BODY_DE + """
~~ «Talbrief» – der Newsletter der Redaktion: zweimal pro Woche das Wichtigste aus dem Tal. Hier geht es zur Anmeldung.
""",
    "fr-app-pocket": """
~~ Toute l'actualité de la vallée, dans votre poche
~~ Installer
~~ Plus tard
""" + BODY_FR,
    "nl-app-at-hand": """
~~ Het nieuws uit het dal altijd bij de hand
~~ Installeren
~~ Niet nu
""" + BODY_NL,
    "uk-app-read-in": """
~~ Читайте новини долини у нашому застосунку
~~ Завантажити
~~ Не зараз
""" + BODY_UK,
    "de-app-named-heading": """
~~ Talbote App
~~ Die Nachrichten-App für das Tal – jetzt kostenlos herunterladen
~~ Öffnen
~~ Nicht jetzt
""" + BODY_DE,
    "de-paywall-perks": BODY_DE + """
~~ Talbote+ Exklusiv
~~ ✓ Alle Talbote+ Artikel im Web und in der App
~~ ✓ Das E-Paper am Vorabend
~~ ✓ Monatlich kündbar
~~ 4 Wochen gratis, danach 2,49 € / Woche
~~ Jetzt gratis testen
~~ Sie haben Talbote+ bereits? Anmelden
""",
    "uk-donation-inflected": BODY_UK + """
~~ Дорогі читачі!
~~ Ми не маємо інвестора й працюємо завдяки вашим внескам.
~~ Якщо вам важливе те, що ми робимо, підтримайте нас будь-якою сумою.
~~ Поповнити банку
~~ Стати патроном
""",
    "es-limit-reached": BODY_ES + """
~~ Alcanzaste el límite de artículos gratuitos
~~ Suscríbete desde 1 euro al mes y lee sin límites.
~~ Suscribirme
~~ ¿Ya tienes una cuenta? Inicia sesión
""",
}

KEEP = {
    "uk-reported-jar": BODY_UK + (
        "Волонтери за тиждень зібрали на банку пів мільйона гривень, а найбільше внесків надійшло від сусідів.\n"
        "«Підтримайте нас будь-якою сумою», — просили організатори, сказала журналістам координаторка збору.\n"
    ),
    "uk-post-app-story": BODY_UK + (
        "Пошта запустила застосунок, у якому можна залишити свою пошту для сповіщень про посилки.\n"
        "Користувачі скаржаться, що кнопка «Хочу отримувати» не працює на старих телефонах.\n"
    ),
    "ru-museum-donations": BODY_RU + (
        "Музей собрал на ремонт крыши два миллиона рублей благодаря пожертвованиям жителей.\n"
        "По словам директора, люди поддерживали музей любой суммой.\n"
    ),
    "de-club-newsletter": BODY_DE + (
        "Der Verein verschickt seit Januar einen Newsletter an seine Mitglieder, die ihre E-Mail-Adresse im "
        "Vereinsheim hinterlegen.\n"
        "Jetzt testen die Trainer auch eine App für die Spielpläne, sagte die Vorsitzende.\n"
    ),
    "de-streaming-price": BODY_DE + (
        "Der Streamingdienst kostet künftig 13,99 € pro Monat und bleibt monatlich kündbar.\n"
        "Neukunden können ihn vier Wochen gratis testen, danach wird der volle Preis fällig.\n"
    ),
    "en-transit-app": BODY_EN + (
        "The transit agency's new app is free to download on iPhone and Android.\n"
        "Riders who buy a monthly pass in the app get a discount, and early reviews in the app stores were mixed.\n"
    ),
    "en-newsletter-business": BODY_EN + (
        "The company's flagship newsletter brings in more than $2 million a year, according to people familiar "
        "with its finances.\n"
        "Its founder said readers were willing to pay because it arrived every morning before the markets opened.\n"
    ),
    "es-club-bulletin": BODY_ES + (
        "El club publica cada mes un boletín con las rutas de la temporada y lo envía por correo electrónico a sus "
        "socios.\n"
        "Quienes quieran recibirlo pueden inscribirse en la sede, según su presidenta.\n"
    ),
    "nl-paper-subscribers": BODY_NL + (
        "De krant verloor vorig jaar vierduizend abonnees, maar de nieuwsbrieven worden dagelijks door "
        "dertigduizend mensen gelezen, zegt de hoofdredacteur.\n"
        "Lezers kunnen zich sinds deze maand ook inschrijven voor een lokale nieuwsbrief per gemeente.\n"
    ),
    "fr-town-app": BODY_FR + (
        "La mairie a lancé une application pour signaler les nids-de-poule ; selon l'adjoint, trois mille habitants "
        "l'ont déjà installée.\n"
        "Les habitants peuvent aussi recevoir la lettre d'information de la ville par courriel.\n"
    ),
    "en-blog-own-newsletter-paragraph": BODY_EN + (
        "The workshop notes will only go to people on my free newsletter, however. I'm not posting them here or to "
        "RSS. It's completely free and you can easily unsubscribe, so if you're not currently on the email list, sign "
        "up here. If you're not sure whether you're on it, you can enter your email address anyway; it won't "
        "subscribe you twice if you already are subscribed.\n"
    ),
}

test_removed_in_full, test_kept = appeal_tests(REMOVE, KEEP)
