"""Prose that quotes a prompt and talks about it is article text (`shapes.talks_about_furniture`).

Articles about the media business quote the boxes they write about: "Sign up for our newsletter has become the most
common sentence on the internet, Reyes joked." The prompt rules match the prompt's words wherever a line opens with
them; the shared test keeps such a line when it goes on to name the prompt (a message, a slogan, a tagline) or closes
on a reporting clause, and keeps the numbered steps of a how-to. The boxes themselves, beside those lines, still go.
"""

from __future__ import annotations

import pytest

from nlcleaner import Cleaner, Settings
from nlcleaner.kinds.line_match import LineView
from nlcleaner.shapes import talks_about_furniture

LEAD = ("The media group reported its results on Tuesday, with digital revenue up for the fourth year in a row and "
        "print sales down again.\n\n")
TAIL = "\n\nThe group will publish its full annual report in March, after the board has met.\n"


@pytest.fixture(scope="module")
def cleaner():
    return Cleaner()


def doc(*lines: str) -> str:
    return LEAD + "\n\n".join(lines) + TAIL


# each line opens with a prompt a rule knows, then comments on it; the rule that took it before the shared test
TALK = {
    "newsletter.signup-prompt": [
        "Sign up for our newsletter has become the most common sentence on the internet, Reyes joked in a recent post.",
        "Get the best of our coverage delivered to your inbox every morning, reads the pitch on the group's homepage.",
        "Meld je aan voor de digitale nieuwsbrief, vraagt de gemeente inwoners in de laatste papieren editie.",
        "Zapisz się do newslettera — to zdanie widzi dziś niemal każdy czytelnik polskich portali, mówi prezes firmy.",
    ],
    "paywall": [
        "This article is for subscribers only was the message readers met on 70 percent of the paper's stories.",
        "Subscribe now to keep reading, the box that used to block readers, will disappear from politics stories.",
        "Already a subscriber? Log in, the paper's tagline for existing readers, will return after the vote.",
        "Weiterlesen mit Abo – dieser Hinweis stand bisher unter fast jedem Artikel aus dem Landkreis.",
        "Dieser Artikel ist nur für Abonnenten, sagen Kritiker künftig nur noch über überregionale Themen.",
        "Cet article est réservé aux abonnés, le message qui s'affiche sur la moitié des articles, agace encore.",
        "Déjà abonné ? Connectez-vous, disait l'ancienne version du site.",
        "Questo articolo è riservato agli abbonati, il messaggio del paywall, è comparso su un terzo degli articoli.",
        "Оформите подписку до 1 апреля, и цена сохранится на год, обещает один из сервисов.",
    ],
    "app.download-prompt": [
        "Laden Sie die App herunter und melden Sie sich mit Ihrem bisherigen Konto an, empfiehlt die Bahn.",
        "Download the app, pay inside it, and Apple takes up to 30 percent: that has been the rule since the store opened.",
        # a reporting clause inside the line, or opened by "so" after a colon or a dash
        "Download the app, the library suggests, and borrow e-books with your card number. Loans last three weeks.",
        "Téléchargez l'application et réservez un vélo en deux clics, promet la mairie. Le service ouvre en mai.",
        "Descarga la aplicación y paga el aparcamiento desde el móvil: así resume la alcaldesa el nuevo servicio.",
        "Pobierz aplikację i zapłać za parking telefonem – tak miasto zachęca kierowców do nowego systemu.",
    ],
    # the writer's own words, reported by "I" (a case-folded "i" is also Polish "and": no reporter alone)
    "social.follow-me": [
        "Follow me on LinkedIn, I said, every Monday, to nobody. The posts got a few hundred views and no subscribers.",
    ],
    # a how-to's headline, which names what it explains (a box speaks to "you" or as "we")
    "how-to headline": [
        "# How to Build a Newsletter Signup Form That People Actually Use",
        "How to turn off the cookie banner on every site at once",
        "Comment refuser les cookies publicitaires sur son téléphone",
    ],
    # a sentence of its own that quotes a prompt after a colon or "the words"
    "quoted": [
        'For a decade nearly every company blog post ended with the words "Follow us on Facebook and Instagram".',
        'Her advice to readers was short: "If you can, please donate. If you cannot, share the page with a friend."',
        'The judge noted that the original photograph carried the words "© Tom Reed. All rights reserved."',
        # ... or after the slogan it is
        'The fundraiser is online too, and its page carries the slogan "Support us today, every pound helps a child".',
        "Zbiórka trwa też w internecie. Na jej stronie widnieje hasło „Wesprzyj nas, każdy grosz się liczy”.",
        'Thousands of the scraped pictures still carried the notice "© Jane Roe. All rights reserved." under them.',
        "Wer die Seite öffnet, sieht seit Montag den Hinweis „Dieser Artikel ist nur für Abonnenten verfügbar“.",
    ],
    # a how-to's numbered step that explains itself
    "steps": [
        "1. Завантажте застосунок «Дія» з App Store або Google Play і увійдіть за допомогою BankID.",
        "1. Download the app only from the official App Store or Google Play, and check the developer's name.",
    ],
    # the reviewer's: a comma inside the quotes, a past "said the editor", "heißt es" (case-folded "heisst es")
    "review": [
        '"Sign up for our newsletter to get the latest news," Reyes joked in a recent post about the state of the web.',
        "Subscribe to our newsletter for the latest news, said the editor of the site on Monday.",
        "Abonnieren Sie jetzt unseren kostenlosen Newsletter, hieß es in der Mail an alle Leser des Blattes.",
    ],
    "copyright.notice": [
        "© 2019 by the author, the line on the copyright page of one plaintiff's novel, is quoted in full in the filing.",
    ],
    # a quote given as an example of a kind of sentence, or the subject of what follows it; a prompt named by
    # what it asks of readers; a reporting verb closing a quote of someone's words (set H)
    "examples": [
        'Under the new code, a disclosure such as "We may earn a commission from links on this page" has to sit above '
        "the first link, not in the footer.",
        'Nobody reads it, of course. If "This material may not be published, broadcast or redistributed" still '
        "means anything, the courts will have to say so.",
        "From next month every article will close with a single line inviting readers to subscribe to the evening "
        "newsletter.",
        "In the lecture notes: a set number of free articles a month, then the \"Subscribe to continue reading\" "
        "prompt, which most readers close.",
        # a notice given as an example, the subject of a negative (set K)
        '- A notice like "© 2024 Your Name" isn’t required on a personal blog, but it does no harm either.',
        # a name spelt in ASCII by a Slavic stem ("komunikat"), after "taki" / "such a" (set J)
        "Gdańsk. „Zaloguj się, aby czytać dalej” – taki komunikat widzi dziś wielu czytelników portali regionalnych.",
        "Subscribe to keep reading - such a message now greets most visitors of the county's two remaining papers.",
        "Les abonnés se lassent vite. « On se désabonne quand on reçoit trois e-mails par jour », reconnaît Claire "
        "Dumas, chargée de l'audience.",
    ],
}

HOWTO = """How to set up the bank's new app before the old one shuts down

The bank will switch off its old mobile banking app on 30 June. Here is what customers need to do.

1. Download the new app from the App Store or Google Play. Search for the bank's name and check the publisher first.

2. Open the app and tap "Register". You will need your card and the phone number the bank has on file.

3. Turn on notifications so you receive security codes.

Customers who do not use smartphones can still call the bank or visit a branch, a spokesperson said.
"""


@pytest.mark.parametrize("line", [t for lines in TALK.values() for t in lines])
def test_a_line_that_talks_about_a_prompt_stays(cleaner, line):
    text = doc(line)
    assert cleaner.clean(text).text == text


def test_the_numbered_steps_of_a_how_to_stay(cleaner):
    assert cleaner.clean(HOWTO).text == HOWTO


# the prompts themselves, and lines of boxes the shared test must not take for talk about them: a relative clause
# ("..., der erklärt"), a figure after a verb ("Gift Aid adds 25p"), a reporting verb in a box's own sentence
PROMPTS = [
    "Sign up for our free newsletter",
    "Get the best of our coverage delivered to your inbox every morning.",
    "This article is for subscribers only. Subscribe now to keep reading.",
    "Dieser Artikel ist nur für Abonnenten.",
    "Already a subscriber? Log in",
    "Déjà abonné ? Connectez-vous",
    "Laden Sie die App herunter und lesen Sie alle Artikel auch unterwegs.",
    "Sign up for The Tide Table, our weekly newsletter about the coast, written by our environment reporter.",
]
BOX_LINES = [
    "Werde Teil davon und ermögliche konstruktiven Journalismus, der erklärt, was die Welt bewegt.",
    "We rely on donations from readers. If you are a UK taxpayer, Gift Aid adds 25p to every £1 you give.",
    "Nie mamy właściciela ani reklamodawców, którzy mówią nam, o czym pisać.",
    "By subscribing you agree to our terms, read our privacy policy for details.",
    # a box that speaks of itself in the same shapes: what it stands for ("is the first line"), its own newsroom,
    # "we" and "our", a supporter "since 2018", a notice that points at itself and says when it goes away, and a
    # numbered step of one short order
    "Journalism is the first line of defence for democracy - please support us today.",
    "Already a subscriber? Log in – this message will then disappear.",
    "Melden Sie sich für unseren Newsletter an – dieser Hinweis erscheint nur einmal.",
    "Unabhängiger Journalismus kostet Geld, schreibt unsere Chefredakteurin.",
    "Niezależne dziennikarstwo kosztuje, pisze redaktor naczelny portalu.",
    "Recevez chaque matin l'essentiel de l'actualité, promet notre lettre quotidienne.",
    "«Me hice socia porque creo en el periodismo independiente», dice Lucía, socia desde 2018.",
    "Join our WhatsApp channel, the line we use for breaking news only.",
    "1. Download the free app from the App Store or Google Play.",
    "Obserwuj nas na Facebooku, i polub nasz profil, aby być na bieżąco.",
    # quoting, but in the box's own voice, or a newsletter named in quotes without a colon
    'Our editor-in-chief puts it simply: "Without your support, this reporting would not exist."',
    'Sign up for our free newsletter "Five Things to Know Before Work" and start the day informed.',
    # a count is not a numbered heading, nor is a box's numbered step of a few words; and a quoted line of more
    # than a few words is not dialogue
    "12 Comments",
    "2. Open Settings",
    '"Independent journalism needs readers like you, so please give what you can today."',
    # a quote as the subject of the box's own sentence, or "such as" in a box that speaks as "we"
    '"Journalism without a paywall" is our promise to every reader, so please support us with a monthly gift.',
    'We publish corrections for every error such as "wrong date in the headline" and we rely on your support.',
]

# an app box with numbered steps, after an article: it goes whole
APP_BOX = """The county will reopen the coastal road on Monday after three weeks of repairs to the sea wall.

Engineers said the wall had been strengthened along a stretch of 400 metres and would be inspected every spring.

Get our news app
1. Download the free app from the App Store or Google Play.
2. Turn on notifications to get breaking news first.
"""


@pytest.mark.parametrize("line", PROMPTS)
def test_the_prompt_itself_still_goes(cleaner, line):
    text = doc(line)
    assert line not in cleaner.clean(text).text


def test_an_app_box_in_numbered_steps_still_goes(cleaner):
    kept = cleaner.clean(APP_BOX).text
    assert "App Store" not in kept and "notifications" not in kept
    assert "Engineers said the wall" in kept


@pytest.mark.parametrize("line", PROMPTS + BOX_LINES)
def test_box_lines_are_not_talk(line):
    assert not talks_about_furniture(LineView(line))


@pytest.mark.parametrize("line", [t for lines in TALK.values() for t in lines])
def test_talk_is_recognised(line):
    assert talks_about_furniture(LineView(line))


def test_a_user_rule_matches_what_its_author_wrote(tmp_path, monkeypatch):
    monkeypatch.setenv("NLCLEANER_CACHE_DIR", str(tmp_path / "cache"))
    pack = tmp_path / "mine.toml"
    pack.write_text(
        '[pack]\nname = "mine"\n\n[[rule]]\nid = "newsletter.quoted"\nkind = "pattern"\nwhy = "That prompt."\n'
        "pattern = '^sign up for our newsletter\\b'\n"
        '[rule.examples]\nremove = ["Sign up for our newsletter"]\nkeep = ["Plain text."]\n',
        encoding="utf-8",
    )
    line = "Sign up for our newsletter has become the most common sentence on the internet, Reyes joked."
    text = doc(line)
    assert line not in Cleaner(Settings(rules=(str(pack),), builtin=False)).clean(text).text


def test_a_police_appeal_quoted_in_the_last_lines_stays(cleaner):
    text = ("Ein Unbekannter hat in der Nacht zum Sonntag drei Autos in der Innenstadt beschädigt, teilte die Polizei mit.\n\n"
            "Der Schaden wird auf mehr als 10.000 Euro geschätzt.\n\n"
            "Hinweise zu dem Fahrzeug? Kontaktieren Sie uns, heißt es in einem Aufruf der Kripo.\n")
    assert cleaner.clean(text).text == text


def test_the_lazy_patterns_copy_and_pickle():
    import copy
    import pickle

    from nlcleaner import shapes

    for pattern in (copy.copy(shapes._REPORTED), pickle.loads(pickle.dumps(shapes._REPORTED))):
        assert pattern.search(", Reyes joked.") is not None


def test_matching_reports_the_lines_it_leaves_out_as_talk(cleaner):
    """A scored rule asks which of its signal lines were left out as talk: what counts against on them (reported
    speech) still weighs against a block around them (`kinds.scored`)."""
    from nlcleaner.detect import Round

    line = TALK["newsletter.signup-prompt"][0]
    text = doc(line)
    rnd = Round(text, cleaner._prefilter, 0.3, 0.1)
    at = text.split("\n").index(line)
    matcher = next(m for k in cleaner._kinds for m in k.matchers if m.rule_id == "newsletter.signup-prompt")
    talk: set[int] = set()
    assert rnd.matching(matcher, range(rnd.n), talk) == []
    assert talk == {at}


# short lines a heading or label rule matches, which are a document's own (set I): a numbered section heading of a
# policy, a line of dialogue
SHORT_TALK = ["4. Newsletter", "3.2 Cookies", "§ 7 Copyright", '"Related links?"', "„Kommentare?“"]


@pytest.mark.parametrize("line", SHORT_TALK)
def test_a_numbered_section_heading_or_a_line_of_dialogue_is_talk(line):
    assert talks_about_furniture(LineView(line))


def test_a_policy_keeps_its_numbered_newsletter_heading(cleaner):
    policy = (
        "Privacy policy of the Larkspur bookshop\n\n"
        "1. Who we are\n\nThe shop is run by Larkspur Books Ltd, a company registered in Bristol.\n\n"
        "2. What we collect\n\nWe keep your name, address and order history so that we can deliver your books.\n\n"
        "3. Newsletter\n\nThe monthly list of new arrivals goes only to customers who asked for it at the till.\n\n"
        "4. Your rights\n\nYou can ask us for a copy of everything we hold about you, free of charge.\n"
    )
    assert "3. Newsletter" in cleaner.clean(policy).text


# a product manual's numbered steps (set I): a short "download the app" step is the manual's own when a step of the
# same list explains itself, or when the list runs to five steps; an app box numbers two or three short orders
MANUAL_EXPLAINED = """Quick start guide for the Harbour photo frame

Getting started
1. Download the app from the App Store or Google Play.
2. Open the app and tap Sign in. You can use your e-mail address or your phone number.
3. Hold the frame's button for five seconds until the light turns green, then pick the frame in the app.

The frame shows new photos within a minute of their being added to the shared album.
"""
MANUAL_LONG = """Setting up the Kestrel smart plug

Before you start, check that your phone is on a 2.4 GHz Wi-Fi network; the plug cannot join 5 GHz networks.

1. Download the Kestrel Home app from the App Store or Google Play.
2. Create an account or sign in with your e-mail address.
3. Plug the smart plug into a wall socket.
4. In the app, tap Add device and choose Plug P1.
5. Enter your Wi-Fi password when asked.

The plug's light stays blue once it has joined the network.
"""


@pytest.mark.parametrize("manual", [MANUAL_EXPLAINED, MANUAL_LONG])
def test_a_manuals_download_step_stays(cleaner, manual):
    assert cleaner.clean(manual).text == manual


# a privacy policy (set I): the paragraph under its numbered "Cookies" or "Newsletter" heading is the policy's, while
# the cookie banner above the page still goes
POLICY = """We use cookies to give you the best experience on our website. By continuing, you agree to our use of cookies.
Accept all | Manage preferences

Privacy notice of the Quayside bookshop

1. Who we are
Quayside Books Ltd runs the shop on Harbour Street and the online store.

2. Cookies
We use cookies that are strictly necessary for the shop to work, such as the one that remembers your basket. With your consent we also use analytics cookies.

3. Newsletter
If you subscribe to our newsletter, we use your e-mail address only to send it. Every issue has an unsubscribe link.

4. Your rights
You can ask for a copy of the data we hold about you at any time, free of charge.
"""


def test_a_policys_numbered_sections_stay_and_its_banner_goes(cleaner):
    kept = cleaner.clean(POLICY).text
    assert "By continuing, you agree" not in kept and "Accept all" not in kept
    assert kept == POLICY[POLICY.index("\nPrivacy notice") + 1:]


# an encyclopedia's list of the labels it writes about (set I): its items are the article's; a related list under its
# heading still goes
LABELS = """Native advertising

Regulators in most countries require native advertising to be clearly labelled, and the wording varies. Common disclosure labels include:
Sponsored
Paid post
Advertisement
In partnership with

A 2016 study found that fewer than one reader in ten recognised a labelled article as advertising.
"""


def test_a_list_of_examples_an_article_opens_stays(cleaner):
    assert cleaner.clean(LABELS).text == LABELS


def test_a_list_under_a_heading_is_not_a_list_of_examples(cleaner):
    text = LABELS + "\nAdvertisement\n\nRelated:\nHow labels changed the news\nWhy readers skip sponsored posts\n"
    kept = cleaner.clean(text).text
    assert kept.startswith(LABELS) and "Related:" not in kept


# an FAQ (set L): a reader's question in the first person and the paragraph that answers it are the page's, while a
# box that asks "you" still goes
FAQ = """Frequently asked questions

Can I renew items online?
Yes. Log in to your account with your card number and PIN, then choose Renew next to each item.

How do I subscribe to the library newsletter?
Enter your email address on the Events page or ask at the front desk. The newsletter comes out once a month.

¿Mi donativo desgrava?
Sí. En España, los primeros 250 euros donados al año desgravan un 80 % en la declaración de la renta.
"""
NEWSLETTER_BOX = """The library will close for two weeks in August while the roof over the reading room is repaired.

Books due in that time can be returned to the drop box by the main door, which stays open throughout.

The children's summer reading club will meet in the community hall instead.

Want the library's newsletter?
Enter your email address
Subscribe
"""


def test_an_faqs_questions_and_answers_stay(cleaner):
    assert cleaner.clean(FAQ).text == FAQ


def test_a_box_that_asks_you_still_goes(cleaner):
    kept = cleaner.clean(NEWSLETTER_BOX).text
    assert "Enter your email address" not in kept and "summer reading club" in kept


@pytest.mark.parametrize("line, faq", [
    ("How do I subscribe to the library newsletter?", True),
    ("¿Cómo puedo hacer un donativo?", True),
    ("Why am I seeing this ad?", False),
    ("Want to get our newsletter?", False),
    # Dutch "je" is "you" (a box's question), Italian "i" is "the", Spanish "mes" is "month"
    ("Vond je dit een goed verhaal?", False),
    ("Quali sono i costi della tessera?", False),
    ("¿Cuánto cuesta al mes?", False),
    ("Q: How do I cancel my subscription?", True),
    # a labelled link to another article (set N): Polish "ich" is "their", and the headline is not the page's FAQ
    ("Czytaj więcej: Rolnicy protestują w całej Europie. Co ich łączy?", False),
    ("Read more: Should I refinance my mortgage now?", False),
])
def test_a_readers_question_is_told_by_the_first_person(line, faq):
    from nlcleaner.shapes import asks_as_a_reader

    assert asks_as_a_reader(line, LineView(line).norm) == faq


# a story's sentence that quotes prompts (sets O and P): what the rules found stands only inside the quotes
QUOTING_LINES = [
    'The messages have become familiar: "If you value this reporting, please consider a donation," or "We don\'t '
    'have a paywall because readers like you support us."',
    'Most reputable sites disclose the arrangement, often with a line near the top of the article along the lines '
    'of "We may earn a commission when you buy through links on our site."',
    'A cycling shop replaced "Subscribe to our newsletter" with "Get one route guide every Friday." Conversion went '
    'from 1.2% to 3.9%.',
    "Tatsächlich kündigten im Sommer etwa acht Prozent der Mitglieder, als die Zeitung das Pop-up „Jetzt Mitglied "
    "werden“ häufiger einblendete.",
]


def _in_a_story(line: str) -> str:
    return ("The report looked at how two hundred news sites ask their readers for money.\n\n"
            "Most of them use the same handful of phrases, the authors found.\n\n"
            f"{line}\n\n"
            "The study will be published in full next spring.\n")


@pytest.mark.parametrize("line", QUOTING_LINES)
def test_a_line_that_quotes_prompts_in_a_sentence_of_its_own_stays(cleaner, line):
    text = _in_a_story(line)
    assert cleaner.clean(text).text == text


@pytest.mark.parametrize("line", [
    # the words around the quote are the box's: they say "our" or speak to the reader
    'By clicking "Post Your Answer", you agree to our terms of service and acknowledge you have read our privacy '
    'policy.',
    # two words in guillemets are a name, not a quoted prompt
    "«Новой газете» нужна ваша помощь! Поддержите нас сегодня.",
])
def test_quotes_that_are_the_boxs_own_do_not_make_talk(line):
    from nlcleaner.shapes import _without_quotes, only_in_quotes

    class Never:  # (a matcher that finds nothing once the quotes are out: only the words around them decide)
        @staticmethod
        def match(view):
            return False

    assert not only_in_quotes(Never, line)
    assert _without_quotes("a menu « Previous | Main | Next »") == "a menu « Previous | Main | Next »"


def test_a_labelled_link_whose_headline_reports_speech_still_goes(cleaner):
    text = ("The monsoon reached the coast three days early this year, forecasters said.\n\n"
            "Fishermen have been told not to go out until Sunday.\n\n"
            "**Also Read:** [Heatwave to continue in the north till June 3, says weather office](https://e.in/h)\n\n"
            "Schools in the coastal districts will stay closed on Friday.\n")
    kept = cleaner.clean(text).text
    assert "Also Read" not in kept and "stay closed on Friday." in kept
    # a label that itself reports is no link's label
    from nlcleaner.shapes import _reports_after_a_label

    assert _reports_after_a_label("**Also Read:** Heatwave to continue, says IMD")
    assert not _reports_after_a_label("The minister said: the road will reopen on Monday, officials say.")


@pytest.mark.parametrize("line", [
    # sets Q and R, measured blind: a writer's "you" away from the quote, a newsroom named in the story, a button's
    # two-word label named as one
    'If you have ever read a product review online, you have probably seen a line like "We may earn a commission if '
    'you buy through links on this page." But what does it actually mean?',
    "Chefredakteurin Petra Beispiel hatte die Kampagne im Frühjahr mit einem Aufruf auf der Titelseite gestartet. "
    "„Ohne Sie gibt es uns nicht mehr“, stand dort in großen Buchstaben.",
    "Auf der Internetseite der Zeitung erschien seitdem unter jedem Artikel ein Spendenkasten mit einem Knopf mit der "
    "Aufschrift „Später erinnern“.",
])
def test_more_lines_that_quote_prompts_stay(cleaner, line):
    text = _in_a_story(line)
    assert cleaner.clean(text).text == text


def test_a_link_title_in_quotes_is_no_quoted_prompt():
    from nlcleaner.shapes import _without_quotes

    line = '[Share](/q/5511 "Short permalink to this question") [Improve this question](/posts/5511/edit) Follow'
    assert _without_quotes(line) == line


def test_the_clause_after_a_quote_is_read_after_the_quote():
    # the writer's "you" before the quote does not make the line the box's; "Experts" holds an "x" that was once
    # taken for the quote's stand-in word
    from nlcleaner.shapes import only_in_quotes

    class Never:
        @staticmethod
        def match(view):
            return False

    assert only_in_quotes(Never, 'Experts say you will often see "Support our journalism from just $2" at the end.')
    assert not only_in_quotes(Never, 'Click "Support our journalism from just $2" and you will help us.')


def test_the_publishers_we_in_a_sentence_after_the_quote_does_not_make_the_quote_its_own():
    # an explainer in the publisher's voice quotes its own disclosure whole; the "we" of the next sentence is the
    # writer's, not the quoted box's. A quote's dash signature stays in the quote's sentence ("member since 2021").
    from nlcleaner.shapes import only_in_quotes

    class Never:
        @staticmethod
        def match(view):
            return False

    told = ('That is why you will see a line near the top of some posts saying something like "This post contains '
            'affiliate links. We may earn a commission if you sign up through them." It is there because the law '
            'requires it, and also because we think you deserve to know before you read.')
    assert only_in_quotes(Never, told)
    signed = '"I read it every morning with my coffee. It is the only paper that covers our council." – Rachel, member since 2021'
    assert not only_in_quotes(Never, signed)
    # and in a document: the explainer's line stays
    from nlcleaner import clean

    text = ("Most of our income comes from affiliate links, which pay us a commission when a reader opens an account.\n\n"
            "You do not pay anything extra, and the price you get is the same as if you had gone there directly.\n\n"
            + told + "\n\nSome programmes pay a flat fee per sign-up, typically between five and sixty pounds.\n")
    assert told in clean(text).text
