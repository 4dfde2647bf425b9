"""Newsletter, navigation and social shapes on whole dumps: the generic rules find sign-up boxes, form text, widget
labels and page chrome in their usual wordings and languages, and leave article prose that uses the same words alone.
"""

from __future__ import annotations

import pytest

from conftest import TRAM_ARTICLE
from conftest import removed_by_category as _removed


ARTICLE = TRAM_ARTICLE

# furniture line -> category expected to remove it
TAIL = {
    "## Get the latest transport news": "newsletter",
    "Get the best city news delivered straight to your inbox.": "newsletter",
    "Enter your email address to subscribe to this blog and receive notifications of new posts by email.": "newsletter",
    "Join 1,204 other subscribers": "newsletter",
    "We respect your privacy.": "newsletter",
    "No spam. Unsubscribe anytime.": "newsletter",
    "Sign up for breaking news alerts": "newsletter",
    "Subscribe in a reader": "newsletter",
    "Email ThisBlogThis!Share to TwitterShare to FacebookShare to Pinterest": "social",
    "Subscribe to Example City on YouTube for more transport news:": "social",
    "Be the first to like this.": "social",
    "Labels: transport, council": "navigation",
    "Listen to this article": "navigation",
    "Proudly powered by WordPress": "navigation",
    "Click here to discover the ten best tram lines in Europe": "related",
}

FOREIGN_TAIL = {
    "Erhalten Sie jeden Morgen die wichtigsten Nachrichten.": "newsletter",
    "Recevez gratuitement notre newsletter": "newsletter",
    "Suscríbete gratis a nuestro boletín": "newsletter",
    "Meld je gratis aan voor onze nieuwsbrief": "newsletter",
    "Подписаться на рассылку": "newsletter",
    "Приєднуйтесь до нас у Telegram": "social",
    "Zurück zur Übersicht": "navigation",
}

PROSE = """\
# Newsletters are the new front page

Readers who subscribe to the council's newsletter get the agenda delivered to their inbox every Friday, its editor said.

The paper's morning briefing now reaches 40,000 people, according to the publisher.

I have the weekly digest delivered to my inbox and read it on the train.

Sign up rates for the tram consultation doubled after the council wrote to every household.

Staff were told to go back to the top floor when the alarm stopped.

Listen to the residents, the mayor told the planners, before you draw a single line.

The new site, powered by WordPress, crashed when tickets went on sale.

Der Newsletter der Stadt erscheint wöchentlich, sagte die Sprecherin.

La newsletter du ministère a été envoyée par erreur à tous les abonnés, selon le journal.

Volunteers help us keep the trails open and free of litter, the park ranger said.

Millions of users subscribe to channels on YouTube every day.
"""


def _content_kept(cleaned: str) -> None:
    for line in ARTICLE.splitlines():
        if line.strip():
            assert line in cleaned, f"article line lost: {line!r}"


@pytest.mark.parametrize("tail", [TAIL, FOREIGN_TAIL], ids=["en", "foreign"])
def test_signup_and_chrome_lines_go_under_their_category(cleaner, tail):
    text = ARTICLE + "\n" + "\n\n".join(tail) + "\n"
    result = cleaner.clean(text)
    _content_kept(result.text)
    cats = _removed(cleaner, text)
    for line, category in tail.items():
        assert cats.get(line) == category, (line, cats.get(line))


def test_prose_about_newsletters_and_the_same_words_comes_out_unchanged(cleaner):
    result = cleaner.clean(PROSE)
    assert result.text == PROSE, [(r.rule, r.text) for r in result.removals]
