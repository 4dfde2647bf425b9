"""Furniture shapes from kinds of site no earlier probe used, found with a fourth held-out probe of invented dumps
(university and government news, sports and trade press, forums and Q&A threads, wikis, review blogs, regional
papers): forum post headers ("Thread starter", "Start date", "<date> #2", "<name> · Posted <date>") and buttons
("Report post"), a Q&A page's counters, answer form and permalink row, MediaWiki chrome ("Jump to navigation Jump to
search", "Retrieved from", "This page was last edited on"), share bars flattened to icon-only links, WordPress share
buttons in other languages, menus and tag rows of relative links, breadcrumbs whose first crumb is not "Home", house
plugs for the publisher's own conference and podcast episodes, a consent banner's buttons on one line, shop buttons
under a product review, a closing "Sponsored by" credit, and a government page's "Is this page useful?" widget.

Each positive dump must lose exactly its furniture lines (under the expected category) and keep every article line;
each negative dump uses the same words in article prose and must come out unchanged. The texts are invented.
"""

from __future__ import annotations

from heldout_shapes import furniture_tests

# (dump, {furniture line: category or tuple of categories}); every other non-blank line is article text
CASES = {
    "forum-thread-headers": ("""\
Boiler loses pressure overnight
Thread starter kettle_k
Start date Feb 9, 2025
Feb 9, 2025 #1
The pressure on my combi boiler drops from 1.5 to 0.5 bar every night. No visible leaks anywhere in the house.
Feb 9, 2025 #2
Check the expansion vessel first. If the pressure rises sharply when the heating runs, the vessel has lost its charge.
Feb 10, 2025 #3
Also look at the pressure relief pipe outside. If it drips, the valve is letting by.
""", {
        "Thread starter kettle_k": "comments",
        "Start date Feb 9, 2025": "comments",
        "Feb 9, 2025 #1": "comments",
        "Feb 9, 2025 #2": "comments",
        "Feb 10, 2025 #3": "comments",
    }),
    "forum-signed-posts-and-buttons": ("""\
# Seized brake caliper on an old Land Rover

**green_oval** · Posted 11 March

The front left caliper has seized and the wheel gets hot after a short drive. Rebuild or replace?

**dent_puller** · Posted 12 March

Replace it. A rebuild kit costs nearly as much once you count the new pistons and the time.

Report post

Create an account or sign in to comment
""", {
        "**green_oval** · Posted 11 March": "comments",
        "**dent_puller** · Posted 12 March": "comments",
        "Report post": "comments",
        "Create an account or sign in to comment": "comments",
    }),
    "qa-page": ("""\
# Why does my tomato sauce taste bitter?

Asked 4 years, 1 month ago Modified 2 years ago Viewed 31k times

I cook tinned tomatoes with garlic and olive oil for an hour, but the sauce always ends up bitter.

[Share](/q/5511 "Short permalink to this question") [Improve this question](/posts/5511/edit) Follow

2 Answers

Sorted by: Reset to default

Burnt garlic is the usual culprit. Add it after the tomatoes, or cook it gently for a minute at most.

answered Jan 8, 2021 at 18:40

## Your Answer
""", {
        "Asked 4 years, 1 month ago Modified 2 years ago Viewed 31k times": "comments",
        '[Share](/q/5511 "Short permalink to this question") [Improve this question](/posts/5511/edit) Follow':
            "comments",
        "2 Answers": "comments",
        "Sorted by: Reset to default": "comments",
        "answered Jan 8, 2021 at 18:40": "comments",
        "## Your Answer": "comments",
    }),
    "wiki-chrome": ("""\
# Harbour Light

From the Coastal Heritage Wiki

Jump to navigation Jump to search

The **Harbour Light** is a cast-iron lighthouse at the end of the north pier, first lit in 1871.

Its lamp was converted to electricity in 1936 and automated in 1981.

Retrieved from "https://heritage.example.org/index.php?title=Harbour_Light&oldid=982"

This page was last edited on 14 May 2023, at 08:02.
""", {
        "From the Coastal Heritage Wiki": "navigation",
        "Jump to navigation Jump to search": "navigation",
        'Retrieved from "https://heritage.example.org/index.php?title=Harbour_Light&oldid=982"': "navigation",
        "This page was last edited on 14 May 2023, at 08:02.": "navigation",
    }),
    "markdown-link-rows": ("""\
[Scores](/scores) | [Fixtures](/fixtures) | [Transfers](/transfers)

# Harriers hold on for a point at the Moor

[](https://twitter.com/intent/tweet?url=https%3A%2F%2Fexample.com%2Fm) [](https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fexample.com%2Fm)

Harriers held on for a goalless draw despite playing the last half hour with ten men.

Their keeper made three saves in stoppage time, the last from a header at point-blank range.

[Harriers](/tag/harriers) [Non-league](/tag/non-league)
""", {
        "[Scores](/scores) | [Fixtures](/fixtures) | [Transfers](/transfers)": "navigation",
        "[](https://twitter.com/intent/tweet?url=https%3A%2F%2Fexample.com%2Fm) "
        "[](https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fexample.com%2Fm)": "social",
        "[Harriers](/tag/harriers) [Non-league](/tag/non-league)": "navigation",
    }),
    "head-arrow-crumbs": ("""\
Community › Gardening › Vegetables
Slugs ate every one of my lettuces
I planted twenty lettuces last week and by Sunday morning there were only stalks left.
Beer traps caught a few, but the rest of the slugs ignored them.
""", {"Community › Gardening › Vegetables": "navigation"}),
    "wordpress-share-translated": ("""\
La fête du village a réuni plus de mille personnes samedi soir.
Les bénévoles ont servi quatre cents repas sous le préau de l'école.
Cliquez pour partager sur X(ouvre dans une nouvelle fenêtre)
Haz clic para compartir en WhatsApp (Se abre en una ventana nueva)
""", {
        "Cliquez pour partager sur X(ouvre dans une nouvelle fenêtre)": "social",
        "Haz clic para compartir en WhatsApp (Se abre en una ventana nueva)": "social",
    }),
    "house-event-and-podcast": ("""\
A logistics firm has opened an automated warehouse near the motorway junction.
The site will handle 40,000 parcels an hour at its peak, the company said.
Join us at the Warehouse Automation Forum on 9 October in Coventry. Book your place now.
Curious about robotics in retail? Register now for our Supply Chain Week conference, 2-4 December, online.
Listen to this week's episode of our podcast, Last Mile, wherever you get your podcasts.
""", {
        "Join us at the Warehouse Automation Forum on 9 October in Coventry. Book your place now.": "promo",
        "Curious about robotics in retail? Register now for our Supply Chain Week conference, 2-4 December, online.":
            "promo",
        "Listen to this week's episode of our podcast, Last Mile, wherever you get your podcasts.": "promo",
    }),
    "consent-button-row": ("""\
Accept all Reject all Manage preferences
Library opening hours change in January
All branches will open an hour later on Mondays from 6 January.
The central library will stay open until 8pm on Thursdays.
""", {"Accept all Reject all Manage preferences": "cookie"}),
    "review-shop-button-and-sponsor-close": ("""\
The kettle boiled a litre in two minutes and ten seconds, the fastest in our test.
Its lid opens wide enough to clean the inside with a sponge.
[See price at Currys](https://www.example.com/kettle?aff=123)
This review is part of our kitchen gadgets series. Sponsored by Example Appliances.
""", {
        "[See price at Currys](https://www.example.com/kettle?aff=123)": "ad",
        "This review is part of our kitchen gadgets series. Sponsored by Example Appliances.": "ad",
    }),
    "gov-page-useful": ("""\
The ministry will publish the results of the consultation in the spring.
Responses can be sent by post or email until 30 June.
Is this page useful?
Yes
No
Report a problem with this page
""", {
        "Is this page useful?": "navigation",
        "Yes": "navigation",
        "No": "navigation",
        "Report a problem with this page": "navigation",
    }),
}



NEGATIVES = {
    "en-forum-words-in-prose": """\
Online support group marks ten years
The thread starter, a nurse from Leeds, still moderates the forum she opened in 2015.
The first question was asked 10 years ago and has been viewed more than 40,000 times.
Members answered 300 questions in the first month alone.
You need to be a member in order to leave a comment, the founder said, because trolls arrived in the second week.
Three answers were published on March 3, 2023 at the end of the consultation.
""",
    "en-wiki-and-menu-words": """\
The archive page was last edited on 2 March 2024, the researchers found, two days before the vote.
Retrieved from the harbour in 1962, the anchor now stands outside the museum.
The route runs Leeds › York › Durham, and the first train leaves at six.
Photos: [Ana Ruiz](https://example.org/ana) | [Ben Lee](https://example.org/ben) | [Cleo Hart](https://example.org/cleo)
Read [the guide](/guides/bread) and [the forum](/tags/bread) before you bake.
""",
    "en-promo-and-sponsor-words": """\
"Join us at the summit in May. Book your tickets now," the organisers wrote, the union said.
Delegates can register now for the conference, which opens in June.
Listeners of the latest episode of the podcast heard the chief executive defend the move.
The race was sponsored by a local bank for twenty years.
Check the price on Amazon before you buy: it changes almost daily, the regulator warned.
Visitors could accept all cookies with one click, but had to open a second page to reject them.
Is this page useful to anyone? The judge thought not.
""",
    "fr-share-words": """\
Cliquez pour partager sur Facebook, disait le bouton, et des milliers de lecteurs l'ont fait en une heure.
Facebook X and Link were the two teams in the final, the organisers said.
""",
}


(test_heldout_d_furniture_goes_and_the_article_stays,
 test_heldout_d_prose_with_the_same_words_is_kept) = furniture_tests(CASES, NEGATIVES)
