"""The generic recall pass over the built-in packs: each widened rule family removes its furniture in several wordings,
wherever it stands in an article, and keeps the article sentences that come closest to it.

Rules touched: ad.affiliate-disclosure (a named publication "may get a share of the sale"), copyright.photo-credit
("Photograph: Name/Outlet", "Illustration by Name"), social.follow-us ("Join our Facebook group"),
navigation.ui-phrase (the "Was this article helpful?" feedback widget), related.heading ("You might like", the
Taboola/Outbrain widget headings).
"""

from __future__ import annotations

import pytest

from conftest import removed_by_category as removed

ARTICLE = [
    "The council voted on Tuesday to rebuild the old stone bridge over the river, closed since the spring floods.",
    "Engineers say the work will take two years and cost about 40 million euros, most of it from the regional budget.",
    "Shopkeepers on both banks have lost trade since the closure, and a ferry now carries pedestrians across.",
    "The mayor said the new bridge would keep the look of the old one but carry buses as well as cars.",
    "Residents can see the plans at the town hall until the end of the month and send their views by post.",
    "A public meeting on the timetable is set for early June, when the contractor will also be named.",
]


def _doc(line: str, where: str) -> str:
    if where == "head":
        body = [line] + ARTICLE
    elif where == "middle":
        body = ARTICLE[:3] + [line] + ARTICLE[3:]
    else:
        body = ARTICLE + [line]
    return "\n\n".join(body) + "\n"


def _assert_removed(cleaner, line: str, category: str, where: str) -> None:
    got = removed(cleaner, _doc(line, where))
    assert got == {line.strip(): category}, (where, got)


def _assert_kept(cleaner, line: str, where: str) -> None:
    text = _doc(line, where)
    result = cleaner.clean(text)
    assert result.text == text, [(r.rule, r.text) for r in result.removals]


WHERE = ["middle", "tail"]

AFFILIATE = [
    "If you buy something through this post, Example Games may get a share of the sale. For more, learn more.",
    "If you buy something through our links, Example Media may earn a commission.",
    "If you purchase a product via one of the links in this article, The Example Review might receive an affiliate commission.",
    "If you shop from links on this site, Example Home may earn a small share of the revenue.",
]
AFFILIATE_KEEP = [
    "If you buy a house through an agent, the agent may earn a commission, the regulator warned.",
    "If you buy through a broker, your bank may get a share of the fee.",
    "If you buy something through this post, Example Games may get a share of the sale, the company said.",
    "Affiliate links let sites earn a share of the sale when readers buy, the study found.",
]


CREDITS = [
    "Photograph: Jane Doe/The Example Paper",
    "Photograph: Jane Doe / Reuters",
    "Photograph: Alamy",
    "Photograph: Getty Images",
    "Illustration: John Smith/Example Design",
    "Illustration by Jane Doe",
    "_Illustration by Ann Lee_",
]
CREDITS_KEEP = [
    "Photograph: the one thing every tourist wants from the bridge, and the one thing the council wants to stop.",
    "Illustration by illustration, the book shows how the city grew.",
    "Illustration: how the bridge will look, according to the architects.",
    "Photograph the bridge from the east bank, the guide advised, because the light is better there in the morning.",
]


GROUPS = [
    "Join our Facebook group",
    "Join our Facebook group for more gardening tips!",
    "Join the Example News Discord server",
    "Join our Telegram community",
    "Join our LinkedIn group",
]
GROUPS_KEEP = [
    "Thousands of parents joined the Facebook group within a week, organisers said.",
    "Join the queue early: the Facebook group that organised the march expects thousands.",
    "Members who join the group on Facebook get the minutes of every meeting, the club said.",
    "Join the march with the Facebook group on Saturday",
    "Join the protest by the Discord community",
]


FEEDBACK = [
    "Was this article helpful?",
    "## Was the article useful?",
    "Was this helpful?",
    "Did you find this article helpful?",
    "Is this page useful?",
    "War dieser Artikel hilfreich?",
]
FEEDBACK_KEEP = [
    "Was this article helpful to the defence? The judge thought not.",
    "Was the bridge useful? For a century, nobody asked.",
    "Did you find this helpful, she asked the minister, who did not answer.",
]


WIDGETS = ["You might like", "## You may like", "Recommended by Outbrain", "Promoted Links by Taboola",
           "Sponsored Links by Taboola"]
WIDGETS_KEEP = [
    "You might like the new bridge more than the old one, the architect told residents.",
    "You may like it or not, but the bridge is coming.",
    "Outbrain and Taboola recommended the story to millions of readers, the report found.",
]


GOOGLE_NEWS = ["Follow us on Google News", "Subscribe on Google News", "Add us to Google News",
               "Follow Example Daily on Google News"]
GOOGLE_NEWS_KEEP = [
    "Readers follow the story on Google News every day, the publisher said.",
    "Publishers follow their traffic on Google News closely, the report said.",
    "Google News launched in 2002 and now draws from thousands of sources.",
]


COMMENT_UI = [
    "See all comments",
    "View all comments",
    "Comments have been disabled for this post.",
    "Comments are disabled for this article.",
    "This conversation is moderated according to Example News's community rules. Please read the rules before joining "
    "the discussion.",
    "This conversation is moderated according to our community guidelines.",
]
COMMENT_UI_KEEP = [
    "The conversation is moderated by a retired judge, according to the organisers.",
    "Comments have been disabled on the mayor's page since the election, her office said.",
    "This conversation is moderated according to rules the two sides agreed in Geneva, the mediator said.",
]


CONTACT = [
    "Write to Jane Doe at jane.doe@example.com",
    "**Write to** John Smith at john.smith@example.com",
    "Write to Ann Lee at ann.lee@example.com and Bo Park at bo.park@example.com",
    "Email Jane Doe at [jane@example.com](mailto:jane@example.com)",
]
CONTACT_KEEP = [
    "Residents who object can write to the council at planning@example.gov before Friday, the notice says.",
    "Write to us at letters@example.com",
    "Jane Doe can be reached at jane@example.com or on X.",
    "Unsure how to store the data? Email us at security@example.edu.",
]


@pytest.mark.parametrize("line", CONTACT)
def test_author_contact_line_in_the_tail(cleaner, line):
    _assert_removed(cleaner, line, "bio", "tail")


@pytest.mark.parametrize("line", CONTACT)
def test_author_contact_line_mid_article_stays(cleaner, line):
    _assert_kept(cleaner, line, "middle")


@pytest.mark.parametrize("where", WHERE)
@pytest.mark.parametrize("line", CONTACT_KEEP)
def test_contact_near_misses_stay(cleaner, line, where):
    _assert_kept(cleaner, line, where)


def test_newsletter_fine_print_wrapped_onto_a_second_line(cleaner):
    lines = ["By entering your email, you agree to receive our emails, including marketing emails,",
             "and agree to our Terms & Conditions and Privacy Policy."]
    got = removed(cleaner, "\n\n".join(ARTICLE + lines) + "\n")
    assert got == {line: "newsletter" for line in lines}


@pytest.mark.parametrize("where", WHERE)
@pytest.mark.parametrize("line", [
    "and agree to meet the unions again in May, the minister said.",
    "And they agreed to our terms within a day, the seller recalled.",
])
def test_fine_print_near_misses_stay(cleaner, line, where):
    _assert_kept(cleaner, line, where)


CREDIT_LABELS = ["Image credit", "Photo Credits", "[Image credit]", "Featured image credit:", "Bildnachweis:",
                 "Crédit photo"]
CREDIT_LABELS_KEEP = [
    "Image credits are printed on the last page of the catalogue, the curator said.",
    "Photo credit went to her brother.",
    "Credit where credit is due.",
]


STAY_CONNECTED = ["Stay connected with me!", "Keep in touch with me"]
STAY_CONNECTED_KEEP = [
    "Stay connected with family by video call, experts advise.",
    "Keep in touch with me, she told him at the station, and he never did.",
]


MATCHED_DRIVE_BOX = [
    "Since you made it to the bottom of this article, we have a small favor to ask.",
    "We're in the midst of our end-of-year campaign, our most important fundraising effort of the year. Every dollar "
    "you give will be doubled through December 31.",
    "If you believe stories like this one matter, please consider pitching in what you can. It keeps our reporting "
    "free and accessible to everyone.",
]


def test_matched_gift_drive_joins_the_appeal(cleaner):
    got = removed(cleaner, "\n\n".join(ARTICLE + MATCHED_DRIVE_BOX) + "\n")
    assert got == {line: "donation" for line in MATCHED_DRIVE_BOX}


@pytest.mark.parametrize("line", [
    "The university's fundraising campaign raised $40 million, and every dollar given by alumni was matched by a "
    "foundation, the president said.",
    "Every dollar donated to the food bank before Friday will be doubled by a local firm, organisers announced.",
])
def test_matched_gift_in_news_prose_stays(cleaner, line):
    _assert_kept(cleaner, line, "middle")
    _assert_kept(cleaner, line, "tail")


PIN = ["Pin this 👇🏼", "Pin this for later!", "Pin for later"]
PIN_KEEP = ["Pin this seam before you sew it.", "Pin it in place with two needles."]


RELATED_MORE = ["Other Posts You May Enjoy", "You’ll Also Love...", "Posts you might like", "Recipes you may like"]

RELATED_MORE_KEEP = [
    "You'll also love the view from the top, the guide promised.",
    "Other posts you may enjoy reading are listed in the appendix of the report, the author noted.",
]


WIDGET_LEFTOVERS = [
    ("See Full Bio", "bio"),
    ("Rate this article", "navigation"),
    ("(Visited 1,902 times, 364 visits today)", "navigation"),
    ("Views: 1,234", "navigation"),
    ("432 views", "navigation"),
    ('"*" indicates required fields', "newsletter"),
]
WIDGET_LEFTOVERS_KEEP = [
    "The video was viewed 1,234 times in its first hour.",
    "Three visits",
    "Rate this article's claims against the data, the professor told her students.",
    "The form indicates required fields with a star, the designer explained.",
]

BLOG_WIDGETS = [
    ("Never miss a post! Subscribe to get new posts by email.", "newsletter"),
    ("Never miss a story", "newsletter"),
    ("Type your email…", "newsletter"),
    ("Type your email address...", "newsletter"),
    ("Click here to read more.", "related"),
    ("Click to continue reading", "related"),
]
BLOG_WIDGETS_KEEP = [
    "Never miss a beat, her coach told her.",
    "Never miss a post office deadline again with the new app, its makers promise in their advertising.",
    "Click here to see the full plant list, number of plants, spacing, and spacing in rows.",
    "Type your email address carefully, the bank warned, because typos send codes to strangers.",
]


def test_sign_me_up_button_in_the_tail(cleaner):
    _assert_removed(cleaner, "Sign me up", "newsletter", "tail")


READ_FULL = ["Read our full Example Phone 9 review", "Read our full  Example Cam Pro (model X200) review",
             "Read my full blog post on choosing travel insurance", "Read our full buying guide"]
READ_FULL_KEEP = [
    "Read our full review here.",
    "Read my full report before you decide, the inspector told the council, because the summary leaves out the costs.",
    "Read our full statement: we will not close the library.",
]

BY_CREDIT_LABELS = ["Image by:", "Photos by", "Illustration by:"]

VIA_AGENCY = ["SolStock/E+ via Getty Images", "Jane Doe/The Example Post via Getty Images",
              "Ann Lee/Example Magazine via Shutterstock"]
VIA_AGENCY_KEEP = ["She sold her photos to agencies and via Getty Images", "He/she was hired via Getty Images last year"]

PURCHASES = ["Purchases made through links earn us a small commission, at no extra cost to you.",
             "Purchases made through our links may earn us a commission."]
PURCHASES_KEEP = [
    "Purchases made through links in the newsletter earn the charity a small fee, its director said.",
    "Sales made through the links earned the shop a commission of 4 percent last year.",
]

SUPPORT_ASKS = [
    "All products featured are independently chosen by us. However, Example Reviews may receive a commission on orders "
    "placed through its retail links. See our ethics statement.",
    "Whatever you end up choosing, I hope this guide helped, and if you do plan to make a purchase, using one of my "
    "links helps support this website and my business.",
    "Please consider booking your hotel through the included link. It costs you nothing extra and helps support this "
    "website. Thank you!",
]
SUPPORT_ASKS_KEEP = [
    "Using one of the links helps the app decide what to show next, the engineers explained.",
    "Retailers receive a commission on orders from the marketplace, which critics say raises prices.",
    "The service costs you nothing extra at first, but the fees rise after a year, the regulator warned.",
]


def _as(category: str, lines: list[str]) -> list[tuple[str, str]]:
    return [(line, category) for line in lines]


ANYWHERE = ["head", "middle", "tail"]

# family -> (its lines and their categories, removed wherever they stand in `wheres`; article sentences that come
# closest to them, kept in the middle and at the end)
FAMILIES = {
    "affiliate disclosure naming the publication": (_as("ad", AFFILIATE), WHERE, AFFILIATE_KEEP),
    "photograph and illustration credits": (_as("copyright", CREDITS), ANYWHERE, CREDITS_KEEP),
    "join our group on a network": (_as("social", GROUPS), WHERE, GROUPS_KEEP),
    "feedback widget": (_as("navigation", FEEDBACK), WHERE, FEEDBACK_KEEP),
    "recommendation widget headings": (_as("related", WIDGETS), WHERE, WIDGETS_KEEP),
    "follow on Google News": (_as("social", GOOGLE_NEWS), WHERE, GOOGLE_NEWS_KEEP),
    "comment system notices": (_as("comments", COMMENT_UI), WHERE, COMMENT_UI_KEEP),
    "bare credit label": (_as("copyright", CREDIT_LABELS), ANYWHERE, CREDIT_LABELS_KEEP),
    "stay connected with me": (_as("social", STAY_CONNECTED), WHERE, STAY_CONNECTED_KEEP),
    "bare pin this button": (_as("social", PIN), WHERE, PIN_KEEP),
    "posts you may enjoy headings": (_as("related", RELATED_MORE), WHERE, RELATED_MORE_KEEP),
    "widget leftovers": (WIDGET_LEFTOVERS, WHERE, WIDGET_LEFTOVERS_KEEP),
    "blog subscription widget and read-more links": (BLOG_WIDGETS, WHERE, BLOG_WIDGETS_KEEP),
    "read our full review links": (_as("related", READ_FULL), WHERE, READ_FULL_KEEP),
    "bare 'by' credit label": (_as("copyright", BY_CREDIT_LABELS), WHERE, []),
    "name/outlet via agency credit": (_as("copyright", VIA_AGENCY), ANYWHERE, VIA_AGENCY_KEEP),
    "purchases through links earn us": (_as("ad", PURCHASES), WHERE, PURCHASES_KEEP),
    "affiliate support asks": (_as("ad", SUPPORT_ASKS), WHERE, SUPPORT_ASKS_KEEP),
}


@pytest.mark.parametrize("line, category, where", [
    pytest.param(line, category, where, id=f"{family}-{where}-{n}")
    for family, (lines, wheres, _) in FAMILIES.items() for n, (line, category) in enumerate(lines) for where in wheres
])
def test_a_family_removes_its_furniture(cleaner, line, category, where):
    _assert_removed(cleaner, line, category, where)


@pytest.mark.parametrize("line, where", [
    pytest.param(line, where, id=f"{family}-{where}-{n}")
    for family, (*_, kept) in FAMILIES.items() for n, line in enumerate(kept) for where in WHERE
])
def test_a_family_keeps_the_sentences_closest_to_it(cleaner, line, where):
    _assert_kept(cleaner, line, where)
