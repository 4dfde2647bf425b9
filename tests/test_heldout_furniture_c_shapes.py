"""Furniture shapes from publishers no rule names, found with a third held-out probe of invented dumps: a blog engine's
"Posted by <name> at <time>" footer, "the views expressed are the author's own" disclaimers, a related-stories block
standing between two paragraphs, reader threads signed with relative times and their "Like · Reply" rows, share
labels over a few network names, Substack's like/comment/restack row, republishing credits ("produced by ... and
republished here with permission", The Conversation's funding notes), sponsored-link widgets signed by their vendor,
linked breadcrumbs and previous/next rows, section labels above the headline, and a few words in other languages.

Each positive dump must lose exactly its furniture lines (under the expected category) and keep every article line;
each negative dump uses the same words in article prose and must come out unchanged. The texts are invented.
"""

from __future__ import annotations

from heldout_shapes import furniture_tests

# (dump, {furniture line: category or tuple of categories}); every other non-blank line is article text
CASES = {
    # (review, helper-45) a related heading over a paragraph of the story, no blank line between: the heading goes
    # alone (`related.heading-list-block` takes a heading's block only when it holds no sentence)
    "en-related-heading-over-prose": ("""\
Fire crews were still working through the night on Sunday as the wind turned towards the valley.

Latest news
The fire has now been contained on its eastern edge, officials said at 4 pm.
Evacuation orders for the villages of Alta and Brea remain in place.
Schools in the district will stay closed on Monday.
""", {"Latest news": "related"}),
    "de-related-heading-over-prose": ("""\
Die Feuerwehr war noch in der Nacht zum Sonntag im Einsatz, als der Wind in Richtung Tal drehte.

Mehr zum Thema
Der Brand ist an seiner Ostseite inzwischen unter Kontrolle, teilte die Polizei am Nachmittag mit.
Die Evakuierung der Dörfer Alta und Brea bleibt bestehen.
""", {"Mehr zum Thema": "related"}),
    "blogger-footers": ("""\
Tuesday, May 7, 2024
The first swifts are back
I heard them before I saw them: three swifts screaming over the church roof at half past seven this evening.
They are a week later than last year, and there are fewer of them, but they came.
I have put up two new nest boxes under the eaves and I will be watching them all summer.
Posted by Ruth at 7:48 PM
Email ThisBlogThis!Share to XShare to FacebookShare to Pinterest
Labels: birds, summer
Wednesday, May 1, 2024
Rain at last
The water butts are full for the first time since March, and the lawn has turned green overnight.
Posted by Ruth at 9:02 AM 4 comments
Share to TwitterShare to FacebookShare to Pinterest
""", {
        "Posted by Ruth at 7:48 PM": "comments",
        "Email ThisBlogThis!Share to XShare to FacebookShare to Pinterest": ("comments", "social"),
        "Labels: birds, summer": "navigation",
        "Posted by Ruth at 9:02 AM 4 comments": "comments",
        "Share to TwitterShare to FacebookShare to Pinterest": "social",
    }),
    "opinion-disclaimers": ("""\
Editor's note: Maya Brandt is a former city planner. The opinions expressed in this commentary are solely her own.
Bus lanes are the cheapest transport policy a city can buy
A bus lane costs a few tins of paint and a change to the traffic order, and it can be in place within a month.
Every bus that no longer sits in traffic carries forty or fifty people who get home sooner.
Cities that have tried it have seen journey times fall by a fifth without a single new bus.
The views expressed in this column are the writer's own and do not necessarily reflect those of the paper.
""", {
        "Editor's note: Maya Brandt is a former city planner. The opinions expressed in this commentary are solely her "
        "own.": "bio",
        "The views expressed in this column are the writer's own and do not necessarily reflect those of the paper.": "bio",
    }),
    "related-block-between-paragraphs": ("""\
Ferry timetable cut for the winter

The island ferry will run four times a day instead of seven from November, the operator said on Monday.

The operator blamed a shortage of crew and the cost of fuel.

Related coverage
Island school to share a head teacher with the mainland
Harbour car park charges go up in April
Campaigners call for a second ferry

Islanders said the cut would make it impossible to commute to jobs on the mainland.

The council has asked the operator to keep an early-morning sailing on weekdays.

A decision is expected before the end of the month.

Councillors will meet the operator again next week.
""", {
        "Related coverage": "related",
        "Island school to share a head teacher with the mainland": "related",
        "Harbour car park charges go up in April": "related",
        "Campaigners call for a second ferry": "related",
    }),
    "reader-thread": ("""\
Library to open on Sundays from September
The central library will open from noon to five on Sundays, starting in September, the council said.
The extra hours are paid for by a grant from a local trust and will be reviewed after a year.
Volunteers will help staff run the children's section on Sunday afternoons.
The council said it hoped to extend the scheme to two branch libraries next year.
Comments
Peter W. · 5 hours ago
Great news, we used to go every Sunday when I was a child.
Like · Reply
Sam_K · 2 hours ago
What about the branch in the north of the town?
Like · Reply
Load more comments
""", {
        "Comments": "comments",
        "Peter W. · 5 hours ago": "comments",
        "Great news, we used to go every Sunday when I was a child.": "comments",
        "Like · Reply": "comments",
        "Sam_K · 2 hours ago": "comments",
        "What about the branch in the north of the town?": "comments",
        "Load more comments": "comments",
    }),
    "forum-rows": ("""\
How do I stop my bread from sinking in the middle?
My loaves rise well in the tin but collapse in the oven every time. I bake at 200 degrees for 35 minutes.
Reply · Report Post
A loaf that sinks in the oven has usually risen too long before baking. Put it in when it has grown by about half.
Check your oven temperature with a thermometer too; many ovens run cool.
Like (7)
You must log in or register to reply here.
""", {
        "Reply · Report Post": "comments",
        "Like (7)": "comments",
        "You must log in or register to reply here.": "comments",
    }),
    "share-label-over-networks": ("""\
A short walk along the old canal
We walked the towpath from the lock to the aqueduct on Sunday, about four miles there and back.
The water was high after the rain, and the herons were out in force.
Share this:
X
Facebook
We stopped for tea at the lock keeper's cottage, which now sells cakes on weekends.
The path is flat and fine for pushchairs all the way.
""", {
        "Share this:": "social",
        "X": "social",
        "Facebook": "social",
    }),
    "substack-row": ("""\
Why I stopped reading the news in the morning
For a year I read the news before breakfast. It made me anxious for the rest of the day.
Now I read it once, at lunchtime, and only from two sources.
I know less about the things that change by the hour, and more about the things that matter.
Like
Comment
Restack
""", {"Like": "social", "Comment": "social", "Restack": "social"}),
    "republishing-credits": ("""\
Why some trees drop their leaves early in a drought
Trees under drought stress can shed their leaves weeks before autumn, a survival strategy that saves water.
Researchers measured sap flow in two hundred beech trees through three dry summers.
Trees that dropped leaves early were more likely to survive the following year.
Disclosure statement
Tom Ellis receives funding from the Forestry Research Trust.
Partners
Example University provides funding as a member of The Conversation UK.
This story was produced by Example Climate Desk and is republished here with permission.
""", {
        "Disclosure statement": "republish",
        "Tom Ellis receives funding from the Forestry Research Trust.": "republish",
        "Partners": "republish",
        "Example University provides funding as a member of The Conversation UK.": "republish",
        "This story was produced by Example Climate Desk and is republished here with permission.": "republish",
    }),
    "sponsored-widget": ("""\
Carmaker recalls 80,000 cars over faulty seat belts
A carmaker is recalling 80,000 hatchbacks built between 2021 and 2023 because a seat belt anchor can come loose.
Owners will be contacted by letter and the repair will take about an hour at a dealer.
No injuries have been linked to the fault, the company said.
The recall covers cars sold in twelve countries.
Dealers have been told to stock enough parts for the repairs by the end of the month.
Around the Web
Recommended by Outbrain
Doctors Are Speechless About This Morning Drink
Homeowners Are Ditching Their Gutters For This
""", {
        "Around the Web": ("ad", "related"),
        "Recommended by Outbrain": ("ad", "related"),
        "Doctors Are Speechless About This Morning Drink": "ad",
        "Homeowners Are Ditching Their Gutters For This": "ad",
    }),
    "docs-navigation": ("""\
[Help](/help) › [Billing](/help/billing) › Changing your plan
# Changing your plan
You can move to a larger or smaller plan at any time from the billing page of your account.
An upgrade takes effect at once and you pay the difference for the rest of the month.
A downgrade takes effect at the start of the next billing period.
[Previous Invoices](/help/billing/invoices) [Next Refunds](/help/billing/refunds)
""", {
        "[Help](/help) › [Billing](/help/billing) › Changing your plan": "navigation",
        "[Previous Invoices](/help/billing/invoices) [Next Refunds](/help/billing/refunds)": "navigation",
    }),
    "section-label-and-footer": ("""\
Local News
Fire station to get a second engine
The town's fire station will get a second engine next year after a review of response times.
The review found that crews took more than ten minutes to reach a fifth of rural call-outs.
The new engine will be based at the station on Mill Road and crewed by on-call firefighters.
Recruitment of twelve on-call firefighters will begin in the summer.
Privacy ∙ Terms ∙ Accessibility
""", {
        "Local News": "navigation",
        "Privacy ∙ Terms ∙ Accessibility": "navigation",
    }),
    "other-languages": ("""\
Cocina
Galletas de avena en quince minutos
Estas galletas se hacen con cinco ingredientes y sin batidora.
Mezcla la avena, la harina, el azúcar, la mantequilla y el huevo hasta formar una masa.
Hornea a 180 grados durante doce minutos.
Utilizamos cookies propias y de terceros para analizar el tráfico y personalizar el contenido.
Cancelar respuesta
Anuncio
Tried this recipe? Mention @hornodecasa or tag #hornodecasa!
""", {
        "Utilizamos cookies propias y de terceros para analizar el tráfico y personalizar el contenido.": "cookie",
        "Cancelar respuesta": "comments",
        "Anuncio": "ad",
        "Tried this recipe? Mention @hornodecasa or tag #hornodecasa!": ("social", "comments"),
    }),
    "wire-labels": ("""\
Government announces new rules for rooftop solar
The government on Monday announced simpler rules for households that want to install rooftop solar panels.
ALSO READ | Power tariffs to rise from April in three states
Applications will be approved online within a week, the energy ministry said.
Households will be able to sell surplus power to the grid at a fixed rate.
The ministry expects a million new installations in two years.
""", {"ALSO READ | Power tariffs to rise from April in three states": "related"}),
}



NEGATIVES = {
    "en-posted-and-views": """\
The night the bridge lights failed
I posted a picture of the dark bridge at 9:14 PM and it was shared a thousand times by morning.
Posted by a neighbour an hour later, a second picture showed the lights back on.
When the engineer wrote about the fault in the local paper, she added that the views were her own.
The views expressed in her article were shared by most of the people who wrote to the paper.
The views expressed in the report are those of the authors, the ministry said.
""",
    "en-live-blog": """\
Posted by Jane at 9:05 AM
The first trains left on time this morning, the operator said.
Posted by Jane at 11:40 AM
Delays are building on the northern line after a signal fault near the depot.
Posted by Sam at 2:15 PM
Services are back to normal, the operator says, and the evening peak should run as planned.
""",
    "en-partners-and-comments": """\
Two law firms agree to merge
The two firms have been partners on several cases since 2015 and will merge in the spring.
Partners
The new firm will have 140 partners, and each of them will receive a share of the profits.
Comments
The regulator has invited comments on the merger, which will close in a month, two weeks ago it said.
Like, reply and share: the three verbs that run social media, one of the partners said in a speech.
Around the web, the firms' websites were updated within the hour.
""",
    "en-lists-in-prose": """\
Teenagers name the apps they use most
Its share of the market has fallen to a third, behind two rivals:
Facebook
Instagram
The survey asked 2,000 pupils in forty schools.
Taboola, which runs sponsored-link widgets on news sites, said it was not involved in the survey.
News of the results spread quickly among teachers.
Read the [previous survey](/surveys/2023) and the [next steps](/plan) on the council's site.
""",
    "es-cookies-and-tables": """\
Las galletas de la abuela
Utilizamos cookies de mantequilla para mejorar la receta, explicó la chef a los alumnos.
Must read | Author | Year
Also read | Title | Year
About the author question everyone asks: yes, the grandmother in the book is partly mine.
""",
}


(test_heldout_c_furniture_goes_and_the_article_stays,
 test_heldout_c_prose_with_the_same_words_is_kept) = furniture_tests(CASES, NEGATIVES)
