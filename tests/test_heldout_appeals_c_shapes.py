"""Reader appeals in shapes the earlier rounds did not cover: a box that refuses a paywall in the first person and asks
"if everyone reading this gave ...", a listener-supported podcast note, a blog's tip jar behind an emoji, a membership
box priced in words ("5 Euro im Monat") that closes with a subscribe button, a Ghost-style sign-up form with a
placeholder address, a paywall reserved "for members" with a first-month price, app prompts that name "our ...-app" or
"наш мобільний застосунок", and "Maybe later" in more languages. Each must go in full; articles that speak of the same
things in the third person, or quote someone saying them, stay. (Texts invented for these tests.)"""

from __future__ import annotations

from heldout_shapes import appeal_tests


BODY_EN = (
    "The county will reopen the old ferry landing in June, two years after a storm tore away half of its pier, "
    "officials said on Thursday.\n"
    "Repairs cost about $3 million, most of it from a state disaster fund, and the ferry will run every hour in "
    "summer and every two hours in winter.\n"
    "Residents of the island had relied on a single private boat since the storm, which charged twice the old fare.\n"
)
BODY_DE = (
    "Der Landkreis nimmt im Juni den alten Fähranleger wieder in Betrieb, zwei Jahre nachdem ein Sturm die Hälfte "
    "des Stegs weggerissen hatte.\n"
    "Die Reparatur kostete rund drei Millionen Euro, die Fähre fährt im Sommer stündlich und im Winter alle zwei "
    "Stunden.\n"
)
BODY_ES = (
    "El cabildo reabrirá en junio el antiguo muelle del transbordador, dos años después de que un temporal "
    "destrozara la mitad del embarcadero.\n"
    "La reparación costó unos tres millones de euros y el barco saldrá cada hora en verano.\n"
)
BODY_UK = (
    "Громада в червні знову відкриє старий поромний причал, через два роки після того, як шторм зруйнував половину "
    "пірса.\n"
    "Ремонт коштував близько трьох мільйонів гривень, пором ходитиме щогодини влітку.\n"
)
BODY_RU = (
    "Власти района в июне вновь откроют старый паромный причал, через два года после того, как шторм разрушил "
    "половину пирса.\n"
    "Ремонт обошёлся примерно в три миллиона рублей, паром будет ходить каждый час летом.\n"
)

REMOVE = {
    "en-no-paywall-if-everyone": BODY_EN + """
~~ We will never put up a paywall.
~~ Journalism like this costs real money. Most of our budget comes from readers, and if everyone reading this chipped in $7 we could cover the island all year.
~~ Give $7
~~ Maybe later
""",
    "en-podcast-listener-supported": BODY_EN + """
~~ This podcast is audience-supported. If an episode ever taught you something, please consider becoming a patron; even $1 an episode keeps us going.
""",
    "en-blog-tip-jar": BODY_EN + """
~~ Enjoyed this post?
~~ This blog has no ads and no trackers, and I keep it free of both. If it saved you some time, say thanks with a small tip.
~~ ☕ Tip the author
""",
    "de-member-box-abo-button": BODY_DE + """
~~ Dieser Text ist frei zugänglich, weil unsere Mitglieder unsere Arbeit finanzieren. Wir haben keine Werbung und keinen Konzern im Rücken. Werden Sie Teil davon – schon für 5 Euro im Monat.
~~ Jetzt Abo abschließen
~~ Vielleicht später
""",
    "en-ghost-signup-placeholder": BODY_EN + """
~~ Subscribe to Low Tide
~~ Don't miss out on the latest issue. Sign up now and get every new post by email.
~~ name@example.com
~~ Subscribe
""",
    "es-members-only-first-month": BODY_ES + """
~~ Este contenido es exclusivo para socios
~~ Hazte socia por 1 € el primer mes y accede sin límites a todos nuestros contenidos.
~~ ¿Ya eres socio? Inicia sesión
""",
    "de-our-news-app": BODY_DE + """
~~ Nichts mehr verpassen: Laden Sie jetzt unsere kostenlose Nachrichten-App für iPhone und Android herunter.
""",
    "uk-our-mobile-app": BODY_UK + """
~~ Завантажуйте наш мобільний застосунок і вмикайте сповіщення про найважливіше.
""",
    "ru-possible-only-thanks-to-donations": BODY_RU + """
~~ Наша работа возможна только благодаря регулярным пожертвованиям читателей. Подпишитесь на ежемесячный донат — даже 100 рублей помогают.
~~ Помочь
""",
}

KEEP = {
    "en-third-person-podcast-economics": """
Podcast advertising fell for the first time last year. Some offer ad-free episodes to subscribers for about $4 a month; others rely on Patreon, where fans pledge a fixed amount per episode.
The podcast is listener-supported, its host explained, and about 2 percent of the audience pays $5 a month.
The outlet is reader-funded and ad-free, and asks each member for a monthly donation of about $6.
""",
    "en-quoted-appeal-vocabulary": """
If everyone who read the paper gave just $10, the editor once joked, they could hire three more reporters.
We don't have a paywall and we never will, the publisher promised in 2019; the promise lasted two years.
A matching gift from a local bank doubled every donation made in December.
""",
    "en-streaming-trials": """
Most streaming services offer new customers the first month for $1, then charge $15 a month.
Security researchers sent test messages from jamie@example.com to 40 companies to see which ones filtered them.
The free app is available for iPhone and Android and works offline once maps are downloaded, reviewers said.
""",
    "ru-uk-reported-funding": """
Издание существует благодаря пожертвованиям читателей, говорится в годовом отчёте.
Видання існує завдяки читачам, пише його засновник.
Мерія запустила мобільний застосунок, його можна безкоштовно завантажити, повідомили в мерії.
""",
    "de-es-reported-subscriptions": """
Vielleicht später, antwortete die Chefredakteurin auf die Frage nach einer eigenen App.
Zahlende Abonnentinnen und Abonnenten finanzieren inzwischen den größten Teil der Redaktion, heißt es im Geschäftsbericht.
El medio, que no tiene anunciantes, se financia con las cuotas de sus socios, unos 5 euros al mes de media, según su director.
""",
}


(test_new_appeal_shape_is_removed_in_full,
 test_prose_about_the_same_things_is_kept) = appeal_tests(REMOVE, KEEP)
