"""Furniture shapes from publishers no rule names, found with a held-out probe of invented dumps: "liked it? share it"
in nine languages, share bars and site footers flattened one button per line, like and follower counters,
republishing boxes, cookie-banner buttons, helpful-vote widgets, author boxes that give a beat and a home town, numbered
ad slots, tip lines, comment-form fine print in other languages, and pointers to more of the site's coverage.

Each positive dump must lose exactly its furniture lines (under the expected category) and keep every article line;
each negative dump uses the same words in article prose and must come out unchanged. The texts are invented.
"""

from __future__ import annotations

from heldout_shapes import furniture_tests

# (dump, {furniture line: category}); every other non-blank line is article text
CASES = {
    "blog-tail": ("""\
How to keep basil alive on a windowsill
Supermarket basil is usually several plants crammed into one pot, and they compete until they all give up.
Split the clump into three or four smaller pots as soon as you get it home, and water from below.
Pinch out the tips every week so the plants grow bushy instead of tall.
Keep them away from cold glass at night; basil sulks below ten degrees.
With a little care, one pot will keep a kitchen in leaves all summer.
Did you try this method? Tag @greenwindowsill on Instagram and use #greenwindowsill!
Liked this post? Share it with a friend who kills every plant.
Volg me ook op Instagram voor meer kweektips.
Robin writes about small-space gardening. She lives in Galway with two cats and far too many pots.
Written by Robin Keane
""", {
        "Did you try this method? Tag @greenwindowsill on Instagram and use #greenwindowsill!": "social",
        "Liked this post? Share it with a friend who kills every plant.": "social",
        "Volg me ook op Instagram voor meer kweektips.": "social",
        "Robin writes about small-space gardening. She lives in Galway with two cats and far too many pots.": "bio",
        "Written by Robin Keane": "bio",
    }),
    "news-tail": ("""\
Harbour bridge to close for six weeks of repairs
The swing bridge over the harbour mouth will close to traffic for six weeks from March 4, the port authority said.
Engineers found corrosion in two of the bearings that carry the moving span during an inspection in the autumn.
A free shuttle boat will run every fifteen minutes between the two quays while the work goes on.
Traders on the east quay said they feared losing passing trade during the busiest weeks of the spring.
Advertisement 3
The authority said the bridge would reopen before the Easter holidays.
Nell Ashby covers the port and the coast for the Example Gazette. Reach her at nashby@gazette.example.
Got a story? Email the newsroom at news@gazette.example.
For more stories like this, visit our coast page.
Facebook
X
WhatsApp
Email
""", {
        "Advertisement 3": "ad",
        "Nell Ashby covers the port and the coast for the Example Gazette. Reach her at nashby@gazette.example.": "bio",
        "Got a story? Email the newsroom at news@gazette.example.": "promo",
        "For more stories like this, visit our coast page.": "related",
        "Facebook": "social", "X": "social", "WhatsApp": "social",
        "Email": ("social", "navigation"),  # a lone "Email" in the tail is also a left-over control of the page
    }),
    "nonprofit-republish": ("""\
Rural clinics wait months for a visiting dentist
In three counties of the valley, the only dentist is a van that visits each clinic twice a year.
Families who miss the visit wait another six months, and some drive two hours to the nearest city instead.
The state health department said it was recruiting for two permanent posts, both unfilled for a year.
Republish this article
Republish our stories for free, online or in print, under a Creative Commons license.
Creative Commons License (CC BY-ND 4.0)
""", {
        "Republish this article": "republish",
        "Republish our stories for free, online or in print, under a Creative Commons license.": "republish",
        "Creative Commons License (CC BY-ND 4.0)": "copyright",
    }),
    "cookie-head": ("""\
Privacy & Cookies: This site uses cookies. By continuing to use this website, you agree to their use.
To find out more, including how to control cookies, see here: Cookie Policy
We and our partners use cookies to measure traffic and personalise ads on this site.
Got it
The night bus that keeps a city moving
Every night at 1 a.m., the N12 leaves the central station for the airport with nurses, cleaners and bakers on board.
Its drivers know most passengers by name, and some have driven the route for twenty years.
The transport authority plans to run it every twenty minutes from the autumn, up from every half hour.
Passengers said the change was long overdue.
""", {
        ("Privacy & Cookies: This site uses cookies. By continuing to use this website, you agree to their use."):
            "cookie",
        "To find out more, including how to control cookies, see here: Cookie Policy": "cookie",
        "We and our partners use cookies to measure traffic and personalise ads on this site.": "cookie",
        "Got it": "cookie",
    }),
    "guide-footer": ("""\
How to read your electricity bill
Your bill shows two numbers that matter: the unit rate, in pence per kilowatt-hour, and the standing charge.
The standing charge is a fixed daily fee you pay even if you use no power at all.
Compare both when you switch supplier, not just the unit rate, because a low rate can hide a high charge.
Was this article helpful?
Yes
No
Edit this page on GitHub
About
Careers
Privacy
Terms
""", {
        "Was this article helpful?": "navigation", "Yes": "navigation", "No": "navigation",
        "Edit this page on GitHub": "navigation", "About": "navigation", "Careers": "navigation",
        "Privacy": "navigation", "Terms": "navigation",
    }),
    "substack-tail": ("""\
A winter of reading slowly
This winter I read six books, fewer than in any year since I started keeping count.
I read each one twice, the second time with a pencil, and I remember them better than the forty I read last year.
Slowness was not the plan; a broken wrist was. But I am keeping the habit now that the cast is off.
Thanks for reading Slow Pages! This post is public so feel free to share it.
48 Likes
7 Restacks
""", {
        "Thanks for reading Slow Pages! This post is public so feel free to share it.": "social",
        "48 Likes": "social", "7 Restacks": "social",
    }),
    "es-form": ("""\
Cómo hacer pan de centeno en casa
El pan de centeno necesita más agua que el de trigo y una fermentación más larga.
Mezcla 400 gramos de harina de centeno con 350 mililitros de agua tibia, sal y masa madre.
Deja reposar la masa toda la noche y hornéala a 220 grados durante cincuenta minutos.
El pan mejora si lo dejas enfriar un día entero antes de cortarlo.
¿Te ha gustado esta receta? ¡Compártela con tus amigos!
Deja una respuesta Cancelar la respuesta
Tu dirección de correo electrónico no será publicada. Los campos obligatorios están marcados con *
""", {
        "¿Te ha gustado esta receta? ¡Compártela con tus amigos!": "social",
        "Deja una respuesta Cancelar la respuesta": "comments",
        ("Tu dirección de correo electrónico no será publicada. Los campos obligatorios están marcados con *"):
            "comments",
    }),
    "uk-fr-share": ("""\
Міська рада затвердила план озеленення вулиць
Протягом трьох років у місті висадять понад п'ять тисяч дерев, вирішила міська рада у вівторок.
Перші дерева з'являться восени на вулицях, де влітку найспекотніше.
На програму виділили сорок мільйонів гривень з міського бюджету.
Сподобався допис? Поділіться з друзями!
Cet article vous a plu ? Partagez-le !
""", {
        "Сподобався допис? Поділіться з друзями!": "social",
        "Cet article vous a plu ? Partagez-le !": "social",
    }),
    "credits-mid": ("""\
Image caption, Volunteers at the river on Saturday morning
Volunteers pulled two tons of rubbish from the river banks on Saturday.
About three hundred people took part, collecting tyres, trolleys and hundreds of bottles.
Photo: Mara Lind / The Example Courier
Organisers said there was less rubbish than last year, thanks to new bins near the boat ramp.
Header image by Tom Reyes on Unsplash
The next clean-up is planned for September.
Explore more on these topics
The Example Broadcaster is not responsible for the content of external sites.
""", {
        "Image caption, Volunteers at the river on Saturday morning": "copyright",
        "Photo: Mara Lind / The Example Courier": "copyright",
        "Header image by Tom Reyes on Unsplash": "copyright",
        "Explore more on these topics": "related",
        "The Example Broadcaster is not responsible for the content of external sites.": "copyright",
    }),
}



NEGATIVES = {
    "en-social": """\
Astronomy club opens its hilltop observatory to the public
The club's observatory on Beacon Hill will open to visitors on the first Friday of every month.
Follow us up the lane past the farm, the club's secretary told visitors on the opening night, and park by the gate.
Members said they wanted more people to see the sky away from the town's lights.
Liked the talk? Many visitors did, and several asked how to join the club.
Teenagers named their favourite apps in a survey run by the club:
Facebook
Instagram
TikTok
Connect with recruiters on LinkedIn, the careers adviser told the students at the end.
Follow me for more than a mile along the ridge, the guide said, and you will see the old beacon.
""",
    "en-bio-and-credits": """\
Retired editor honoured by the town
The council named the reading room of the library after the paper's longest-serving editor on Friday.
Photo: before and after the fire / a reader's view of the same street, ten years apart, shows how much it changed.
Written by the town's historian, a short book about the paper will be published in the spring.
Mr Hale covers the night shift at the bakery. He lives in the flat above it with his son.
Editor Ruth Bell is a journalist who ran the town's weekly paper for thirty years.
""",
    "en-comments-cookies": """\
Council collects comments on the new parking rules
Residents can leave a comment on the plan until the end of May, the council said.
Your email address will not be published, the council promised residents who send comments by post.
The judge asked both sides to keep their comments brief and relevant.
We use cookies as a treat, the dog trainer said, and the puppies learn fast.
OK
Advertisement 2024 budgets were cut by a third across the region, the chamber of commerce said.
Got a story about the old market? Plenty of residents do, and the museum wants to record them.
""",
    "es-fr-prose": """\
Los vecinos comparten sus recuerdos del mercado
¿Te ha gustado el mercado nuevo? Es la pregunta que hizo el ayuntamiento en su encuesta.
Vous avez aimé cet article ? C'est la question que pose le sondage aux lecteurs du journal.
Deja una respuesta por escrito antes del viernes, pidió la concejala a los vecinos.
""",
}


(test_heldout_furniture_goes_and_the_article_stays,
 test_prose_with_the_same_words_is_kept) = furniture_tests(CASES, NEGATIVES)
