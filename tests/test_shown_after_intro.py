"""A text an article shows after a sentence of its own that announces it ("The ruling quotes the banner in full:")
is the article's, however much it looks like furniture (`shapes.shown_after_an_intro`); the same lines without
such a sentence, or after a new section begins, are furniture again. Every text is invented."""

from __future__ import annotations

from heldout_shapes import assert_furniture_goes, assert_kept

HEAD = """Regulator fines retailer over cookie banner that hid the reject button
The data protection authority said the banner of an online furniture shop nudged visitors into accepting tracking.
The authority said refusing consent must be as easy as giving it, and that the shop's design made refusal a chore.
"A reject option must be available on the first layer, with the same prominence," the regulator said in its decision.
"""
BANNER = """> We use cookies to improve your experience and analyse our traffic. By clicking "Accept all", you agree to the storing of cookies on your device.
> Accept all cookies
> Manage preferences
"""
TAIL = """The retailer has since changed its banner to show three buttons of equal size and said it was considering an appeal.
Consumer groups welcomed the fine, which is the largest the authority has imposed over a consent banner so far.
"""


def test_a_banner_the_article_quotes_after_its_own_sentence_is_kept(cleaner):
    assert_kept(cleaner, HEAD + "The decision quotes the banner text in full:\n" + BANNER + TAIL)


def test_a_copyright_page_shown_as_an_exhibit_is_kept(cleaner):
    text = (HEAD + "The complaint reproduces the book's copyright page as an exhibit:\n\n"
            "Copyright © 2019 by Rachel Amundsen\n"
            "All rights reserved. No part of this book may be reproduced without the prior written permission of "
            "the copyright owner.\n\n" + TAIL)
    assert_kept(cleaner, text)


def test_the_same_banner_without_the_announcing_sentence_goes(cleaner):
    text = HEAD + "The decision was published on Tuesday.\n" + BANNER + TAIL
    assert_furniture_goes(cleaner, text, {line: "cookie" for line in BANNER.splitlines()})


def test_a_line_after_a_new_section_is_not_shown_by_the_sentence(cleaner):
    text = (HEAD + "Here are the following three tasks for you to try:\n\n1. Write a comment on a blog you read.\n"
            "2. Leave a link to your own post.\n\n\n\nShare this:\n")
    assert_furniture_goes(cleaner, text, {"Share this:": "social"})


PLEDGE = """Public radio station falls short in its spring pledge drive
Listeners gave $1.1 million in ten days, about 15 percent below the station's goal, the general manager said.
For ten days, hosts interrupted the programmes every half hour with appeals for money from listeners.
Donate now.
{next}
Several listeners said they had stopped giving after the station cut its weekend folk show two years ago.
"""


def test_a_label_the_next_sentence_names_as_words_is_kept(cleaner):
    text = PLEDGE.format(next="Those two words, the manager said, are ones she would like to hear less often on air.")
    assert_kept(cleaner, text)


def test_the_same_label_before_another_sentence_goes(cleaner):
    text = PLEDGE.format(next="The manager said the station would try shorter drives and more online fundraising.")
    assert_furniture_goes(cleaner, text, {"Donate now.": "donation"})
