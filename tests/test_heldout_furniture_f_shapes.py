"""Furniture shapes found with a sixth held-out probe of invented dumps from kinds of site no earlier probe used
(motoring, film, music and wine reviews, crypto and energy trade news, shipping and rail news, esports and chess,
astronomy clubs on Hugo, hiking blogs on Ghost, Drupal and Joomla sites, embassy press pages, transit updates, in
eight languages with Portuguese among them): each is a *family* of shapes rather than one site's wording — the share,
related, comment-form, breadcrumb and copyright furniture of Portuguese pages (a language no rule knew); a share label
with one network per line standing above the tail ("Artikel teilen" / "Facebook" / "WhatsApp" / "E-Mail"); a prompt
to log in before commenting in any language; a link back to the listing a page belongs to; a CMS's labelled category
line and its hit counter; a "not investment advice" disclaimer in any language; "Published with Ghost" / "Built with
Hugo" credits; a one-line site menu that opens with "Home", or a row of relative links; "Images via" credits; the
"Help us improve" feedback line under a government page.

Each positive dump must lose exactly its furniture lines (under the expected category) and keep every article line;
each negative dump uses the same words in article prose and must come out unchanged. (Texts invented for these
tests.)
"""

from __future__ import annotations

from heldout_shapes import furniture_tests

# (dump, {furniture line: category or tuple of categories}); every other non-blank line is article text
CASES = {
    "pt-news-with-share-related-and-comment-form": ("""\
Início » Desporto » Futebol
Clube da terra sobe à segunda divisão
O clube da vila garantiu no domingo a subida à segunda divisão, depois de vencer o último jogo por 3-1.
A equipa terminou o campeonato com apenas duas derrotas em trinta jogos.
O presidente do clube disse que o próximo passo é renovar o relvado do estádio municipal.
Os adeptos festejaram na praça até de madrugada.
Partilhar
Facebook
WhatsApp
E-mail
Leia também
Câmara aprova novo pavilhão desportivo
Deixe um comentário
O seu endereço de email não será publicado. Campos obrigatórios marcados com *
© 2025 Gazeta da Vila. Todos os direitos reservados.
""", {
        "Início » Desporto » Futebol": "navigation",
        "Partilhar": "social",
        "Facebook": "social",
        "WhatsApp": "social",
        "E-mail": ("social", "navigation"),
        "Leia também": "related",
        "Câmara aprova novo pavilhão desportivo": ("related", "navigation"),
        "Deixe um comentário": "comments",
        "O seu endereço de email não será publicado. Campos obrigatórios marcados com *": "comments",
        "© 2025 Gazeta da Vila. Todos os direitos reservados.": "copyright",
    }),
    "pt-recipe-blog-footer": ("""\
Bolo de laranja da avó
Este bolo de laranja é o que a minha avó fazia aos domingos, com laranjas do quintal.
Bata os ovos com o açúcar até a massa ficar clara e fofa.
Junte o sumo e a raspa de duas laranjas, e depois a farinha com o fermento.
Leve ao forno a 180 graus durante quarenta minutos.
Imprimir receita
Gostou desta receita? Partilhe com os seus amigos!
Receitas relacionadas
""", {
        "Imprimir receita": "navigation",
        "Gostou desta receita? Partilhe com os seus amigos!": "social",
        "Receitas relacionadas": "related",
    }),
    "share-label-with-networks-above-the-tail": ("""\
Neue Buslinie verbindet die Ortsteile
Ab Montag fährt eine neue Buslinie im Halbstundentakt zwischen Nordstadt und Südstadt.
Die Linie hält auch am Krankenhaus und am Hallenbad.
Beitrag teilen
Facebook
WhatsApp
E-Mail
Am Wochenende fahren die Busse stündlich.
Die Stadt rechnet mit 2.000 Fahrgästen am Tag.
Der Fahrplan liegt im Rathaus aus.
Die Linie wird zunächst zwei Jahre lang getestet.
Danach entscheidet der Stadtrat über den Dauerbetrieb.
""", {"Beitrag teilen": "social", "Facebook": "social", "WhatsApp": "social", "E-Mail": "social"}),
    "log-in-to-comment-prompts": ("""\
Nieuwe fietsbrug over het kanaal open
De nieuwe fietsbrug over het kanaal is zaterdag geopend door de wethouder.
De brug scheelt fietsers uit de nieuwbouwwijk tien minuten naar het station.
De bouw kostte 4,2 miljoen euro.
Reageren? Log in of maak een account aan.
""", {"Reageren? Log in of maak een account aan.": "comments"}),
    "log-in-to-comment-prompts-fr-de": ("""\
Le marché de Noël ouvre vendredi
Le marché de Noël ouvrira vendredi sur la place de l'église, avec quarante exposants.
Une patinoire sera installée pour la première fois.
Connectez-vous pour commenter
Weihnachtsmarkt öffnet am Freitag
Der Weihnachtsmarkt öffnet am Freitag mit vierzig Ständen auf dem Kirchplatz.
Um zu kommentieren, melden Sie sich bitte an.
""", {"Connectez-vous pour commenter": "comments", "Um zu kommentieren, melden Sie sich bitte an.": "comments"}),
    "link-back-to-the-listing": ("""\
Library extends opening hours over exams
The central library will stay open until midnight from 2 to 20 June, during the exam period.
Extra study desks will be set up in the former newspaper room.
Staff will be on hand until 10pm.
[Back to all news](/news)
""", {"[Back to all news](/news)": "navigation"}),
    "cms-category-line-byline-and-counter": ("""\
Geschrieben von Vorstand
Kategorie: Vereinsnachrichten
Zugriffe: 1.204
Jugendturnier mit Rekordbeteiligung
Beim Jugendturnier am Samstag traten 32 Mannschaften aus dem ganzen Landkreis an.
Sieger in der E-Jugend wurde der Gastgeber, in der D-Jugend setzte sich der SV Nordheim durch.
Der Verein dankt allen Helferinnen und Helfern.
""", {"Geschrieben von Vorstand": "bio", "Kategorie: Vereinsnachrichten": "navigation", "Zugriffe: 1.204": "navigation"}),
    "investment-disclaimers": ("""\
Gold hits a record high as investors seek safety
The price of gold rose above $3,000 an ounce for the first time on Friday.
Central banks bought more gold last year than in any year since records began.
Disclaimer: This content is for informational purposes only and does not constitute financial advice.
Analysts expect demand to stay strong while interest rates fall.
""", {"Disclaimer: This content is for informational purposes only and does not constitute financial advice.":
          "copyright"}),
    "investment-disclaimer-es": ("""\
El bitcoin cae por debajo de los 60.000 dólares
El precio del bitcoin bajó un 6% el martes, arrastrado por la caída de las bolsas.
Los fondos cotizados registraron salidas por tercera semana consecutiva.
Aviso legal: Esta información no constituye asesoramiento de inversión.
Los analistas esperan más volatilidad en las próximas semanas.
""", {"Aviso legal: Esta información no constituye asesoramiento de inversión.": "copyright"}),
    "static-site-credits-and-menu-row": ("""\
Home About Projects Blog Contact
Rebuilding a 1970s synthesiser keyboard
The keyboard contacts on my old synthesiser had gone green with corrosion, so half the keys no longer played.
I took the keybed apart, cleaned each contact with isopropyl alcohol and replaced the worst springs.
It now plays every note, although the lowest C still needs a firm press.
Built with Hugo
""", {"Home About Projects Blog Contact": "navigation", "Built with Hugo": "navigation"}),
    "ghost-credit-and-relative-link-menu": ("""\
[Guides](/guides) [Gear](/gear) [Routes](/routes)

# Crossing the Fisherfield Forest in a day

We crossed the Fisherfield Forest from Corrie Hallie to Poolewe in one long June day.

The river crossings were low after a dry week, which made the route much easier than it can be.

Start early: it is more than thirty kilometres with no easy way out once you are committed.

Published with Ghost
""", {"[Guides](/guides) [Gear](/gear) [Routes](/routes)": "navigation", "Published with Ghost": "navigation"}),
    "images-via-credit": ("""\
Rally driver wins at home for the first time
The local driver won the rally on Sunday, finishing 14 seconds ahead of the champion.
Rain on the final stage made the gravel roads treacherous.
_Images via Rally Media_
The championship moves to Portugal next month.
""", {"_Images via Rally Media_": "copyright"}),
    "government-page-feedback": ("""\
New embassy opening hours from 1 March
The consular section will be open from 9am to 1pm, Monday to Thursday, from 1 March.
Appointments must be booked online at least two days in advance.
Is this page useful?
Help us improve GOV.UK
""", {"Is this page useful?": "navigation", "Help us improve GOV.UK": "navigation"}),
}

# article prose with the same words; must come out unchanged
NEGATIVES = {
    "pt-sharing-and-rights-in-prose": """\
Os dois clubes vão partilhar o estádio durante as obras, anunciou a câmara.
O tribunal decidiu que todos os direitos sobre a marca pertencem ao clube mais antigo.
Os comentários dos adeptos nas redes sociais foram, em geral, positivos.
Leia também o regulamento antes de se inscrever, pede a organização.
""",
    "log-in-and-comment-in-prose": """\
Readers who want to comment will soon have to log in with a verified account, the paper said.
Um zu kommentieren, müssen sich Nutzer künftig mit Klarnamen anmelden, sagte der Geschäftsführer.
The minister declined to comment.
""",
    "back-to-in-prose": """\
Back to school
Pupils return on Wednesday after the summer holidays.
Back to basics is the motto of the new head teacher, who wants more reading aloud in class.
The council said buses would go back to the old timetable in September.
""",
    "categories-and-disclaimers-in-prose": """\
Categories: the jury looked at three of them this year, and dropped the rest.
The court said the newsletter was for informational purposes only and did not constitute investment advice.
The adviser told clients that nothing in the letter was meant as financial advice.
""",
    "home-and-credits-in-prose": """\
Home Office Announces New Visa Rules
The new website, built with Hugo by two volunteers, cost almost nothing.
Images via satellite showed the extent of the flooding.
Help us improve the park, the council asked residents in a leaflet.
""",
    "share-and-networks-in-prose": """\
Which apps do teenagers use most? The survey named three:
WhatsApp
Instagram
TikTok
More than 80 per cent of pupils used at least one of them every day.
""",
}


(test_heldout_f_furniture_goes_and_the_article_stays,
 test_heldout_f_prose_with_the_same_words_is_kept) = furniture_tests(CASES, NEGATIVES)
