"""Furniture shapes found with a fifth held-out probe of invented dumps from kinds of site no earlier probe used
(recipe and travel blogs, parishes, theatres, zoos, law firms, councils, clubs, hosted wikis, mailing-list archives,
several forum engines): each is a *family* of shapes rather than one engine's wording — any forum engine's post
byline ("Started by <name>, <date>", "<name> replied <date>", "Post by <name> » <date>", "Originally Posted by",
"<dd-mm-yyyy>, <time> #4"), its button row ("Reply Quote", "Antworten Zitieren"), its board notices ("You can post now
and register later", "Who is online") and avatar/counter lines; any site's licence footer ("Community content is
available under CC-BY-SA unless otherwise noted"); breadcrumbs joined by " / "; "|"-joined menus that name a page
every site has; a club's own "Next Match" / "Club Shop" boxes; a bio right under an "About the author" heading;
registration-number footers and "general information only" disclaimers; wiki category links and edit chrome; recipe
card buttons; mailing-list archive navigation; a share row that ends in "Print".

Each positive dump must lose exactly its furniture lines (under the expected category) and keep every article line;
each negative dump uses the same words in article prose and must come out unchanged. The texts are invented.
"""

from __future__ import annotations

from heldout_shapes import furniture_tests

# (dump, {furniture line: category or tuple of categories}); every other non-blank line is article text
CASES = {
    "forum-started-replied-buttons": ("""\
# Damp patch on a bedroom ceiling after rain

Started by **loft_larry** , January 8, 2025

There is a brown ring on the ceiling under the valley of the roof. It only grows when it rains hard from the west.

**slate_sam** replied January 9, 2025

Check the lead in the valley gutter first. Leaves pile up there and push water under the slates.

[Reply](/topic/51/reply) [Quote](/topic/51/quote)

You can post now and register later. If you have an account, sign in now to post with your account.

[Go to topic listing](/forum/roofs)
""", {
        "Started by **loft_larry** , January 8, 2025": "comments",
        "**slate_sam** replied January 9, 2025": "comments",
        "[Reply](/topic/51/reply) [Quote](/topic/51/quote)": "comments",
        "You can post now and register later. If you have an account, sign in now to post with your account.":
            "comments",
        "[Go to topic listing](/forum/roofs)": "comments",
    }),
    "phpbb-and-vbulletin-posts": ("""\
# Old film camera shutter sticks on slow speeds

Post by **rangefinder** » Wed Mar 05, 2025 6:40 pm

The shutter hangs at one second and below. The faster speeds sound fine.

Originally Posted by **darkroom_dan** View Post

06-03-2025, 08:12 AM #3

The slow-speed escapement is gummed up. A drop of lighter fluid on the gears usually frees it.

Reply With Quote

You may not post new threads. You may not post replies.

Who is online

Users browsing this forum: No registered users and 4 guests
""", {
        "Post by **rangefinder** » Wed Mar 05, 2025 6:40 pm": "comments",
        "Originally Posted by **darkroom_dan** View Post": "comments",
        "06-03-2025, 08:12 AM #3": "comments",
        "Reply With Quote": "comments",
        "You may not post new threads. You may not post replies.": "comments",
        "Who is online": "comments",
        "Users browsing this forum: No registered users and 4 guests": "comments",
    }),
    "forum-avatar-and-counters": ("""\
# Grafting apple trees in spring

[![](/user_avatar/orchard/48/71_2.png)](/u/pippin) pippin

Is it too late to graft once the buds have broken?

[![](/user_avatar/orchard/48/15_2.png)](/u/bramley) bramley

Not at all. Whip-and-tongue grafts take well right up to blossom time if the scion wood was kept cold.

1 Reply
""", {
        "[![](/user_avatar/orchard/48/71_2.png)](/u/pippin) pippin": "comments",
        "[![](/user_avatar/orchard/48/15_2.png)](/u/bramley) bramley": "comments",
        "1 Reply": "comments",
    }),
    "forum-other-languages": ("""\
Iniciado por **jardinera** , 2 de abril de 2025
¿Cuándo se podan los rosales trepadores?
**poda_sabia** respondió 3 de abril de 2025
Después de la floración, en verano. Si los podas en invierno pierdes las flores del año.
Responder Citar
""", {
        "Iniciado por **jardinera** , 2 de abril de 2025": "comments",
        "**poda_sabia** respondió 3 de abril de 2025": "comments",
        "Responder Citar": "comments",
    }),
    "wiki-licence-and-categories": ("""\
[Sign in to edit](/wiki/Special:SignIn)

# Ember Staff

The **Ember Staff** is a weapon that sets enemies alight for five seconds.

It drops from the fire golem in the last level of the volcano.

[Weapons](/wiki/Category:Weapons) [Fire](/wiki/Category:Fire)

Community content is available under CC-BY-SA unless otherwise noted.

Fan Feed
""", {
        "[Sign in to edit](/wiki/Special:SignIn)": "navigation",
        "[Weapons](/wiki/Category:Weapons) [Fire](/wiki/Category:Fire)": "navigation",
        "Community content is available under CC-BY-SA unless otherwise noted.": "copyright",
        "Fan Feed": "navigation",
    }),
    "docs-licence-footer": ("""\
Version 2.0 drops support for the old file format.
Files written by version 1 can be converted with the bundled tool.
The new format loads about twice as fast.
Text is available under the Creative Commons Attribution-ShareAlike License; additional terms may apply.
""", {
        "Text is available under the Creative Commons Attribution-ShareAlike License; additional terms may apply.":
            "copyright",
    }),
    "slash-breadcrumbs": ("""\
Gardening / Vegetables / Tomatoes
Why tomato leaves curl in a heatwave
Tomato leaves roll up when the plant loses water faster than its roots can take it up.
It is a defence, not a disease, and the leaves flatten again when it cools down.
Water deeply in the morning and mulch the bed to keep the roots cool.
""", {
        "Gardening / Vegetables / Tomatoes": "navigation",
    }),
    "linked-slash-breadcrumb": ("""\
[News](/news) / [Academy](/news/academy)

# Under-18s through to the cup semi-final

The under-18s beat United 3-2 after extra time to reach the semi-final of the county cup.

Midfielder Theo Grant scored the winner with four minutes left.

The semi-final will be played next month.
""", {
        "[News](/news) / [Academy](/news/academy)": "navigation",
    }),
    "club-promo-boxes": ("""\
Rovers were beaten 2-0 away at Athletic on Saturday and drop to sixth in the table.
Both goals came in the last ten minutes after Rovers had hit the post twice.
The manager said his side deserved at least a point.
## Next Fixture
## Club Shop
The new third kit is in stock now at the club shop and online. [Shop now](/shop)
""", {
        "## Next Fixture": "promo",
        "## Club Shop": "promo",
        "The new third kit is in stock now at the club shop and online. [Shop now](/shop)": "promo",
    }),
    "bio-under-about-heading": ("""\
Employers must now give staff a written statement of their terms from the first day of work.
The statement has to cover pay, hours, holidays and any probation period.
Staff who do not get one can bring a claim at an employment tribunal.
About the author
Owen Price is a senior associate in our employment team. He advises employers on contracts and disputes.
This article is for general information only and does not constitute legal advice.
""", {
        "About the author": "bio",
        "Owen Price is a senior associate in our employment team. He advises employers on contracts and disputes.":
            "bio",
        "This article is for general information only and does not constitute legal advice.": "copyright",
    }),
    "pipe-menu-and-registration-footer": ("""\
The choir will sing at the harvest festival on 28 September.
Rehearsals are on Tuesday evenings in the church hall.
New singers are welcome to come along to any rehearsal.
Home | Choir | Bell Ringers | Contact
Registered Charity No. 1187654 | Company No. 11223344
""", {
        "Home | Choir | Bell Ringers | Contact": "navigation",
        "Registered Charity No. 1187654 | Company No. 11223344": "copyright",
    }),
    "mailing-list-archive": ("""\
[Date Prev][Date Next][Thread Prev][Thread Next][Date Index][Thread Index]
Subject: Re: test suite hangs on ARM
The hang is in the timer test: it assumes a 64-bit long.
I have a patch that uses int64_t instead and will post it tonight.
Prev by Date: Re: release schedule
Next by thread: Re: test suite hangs on ARM
""", {
        "[Date Prev][Date Next][Thread Prev][Thread Next][Date Index][Thread Index]": "navigation",
        "Prev by Date: Re: release schedule": "navigation",
        "Next by thread: Re: test suite hangs on ARM": "navigation",
    }),
    "recipe-buttons-and-share-print": ("""\
Jump to Recipe Print Recipe
Quick pickled red onions
Pickled onions keep for two weeks in the fridge and brighten up almost anything.
Slice the onions thinly and pour over hot vinegar with a little sugar and salt.
They are ready to eat after an hour.
Partager sur Facebook Partager sur X Imprimer
""", {
        "Jump to Recipe Print Recipe": "navigation",
        "Partager sur Facebook Partager sur X Imprimer": "social",
    }),
}

# article prose that uses the same words, which must come out unchanged
NEGATIVES = {
    "forum-words-in-prose": """\
The campaign was started by a retired teacher on January 8, 2025 and replied to by the council a week later.
Members can post now and register later on most boards, the researchers found, which keeps newcomers coming.
Reply and quote buttons are used far more often than private messages, the study said.
Who is online at four in the morning? Mostly shift workers, according to the survey.
The board's owner said 2 likes and 1 reply were typical for a new post.
""",
    "licence-words-in-prose": """\
Wikipedia's text is available under the Creative Commons Attribution-ShareAlike License, which lets anyone reuse it.
The photographs are available under a Creative Commons licence unless otherwise noted in the caption.
Content on other wikis is often available under the same licence unless otherwise noted by the site.
""",
    "slash-and-pipe-words-in-prose": """\
Home / away form decided the title, the coach said after the last game of the season.
The council's sport / leisure budget was cut by a tenth.
Name | Club | Goals
Grant | Rovers | 14
""",
    "club-and-shop-words-in-prose": """\
The next fixture is at home to United, and the club shop has already sold out of scarves.
Sales in the club shop rose by a third after the new kit came out.
Fans were told to buy now if they wanted tickets for the final, the club said.
""",
    "author-and-advice-words-in-prose": """\
About the author of the leaked memo, little is known.
Owen Price is a senior associate at the firm that advised the school, the tribunal heard.
The judge said the leaflet was for general information only and did not constitute legal advice.
The charity number 1187654 was removed from the register in May, the regulator said.
""",
}


(test_heldout_e_furniture_goes_and_the_article_stays,
 test_heldout_e_prose_with_the_same_words_is_kept) = furniture_tests(CASES, NEGATIVES)
