"""A scored block may bridge one line up to twice `bridge_chars` long when the signal line after it is short: a box's
one-line description between its heading and its form ("Every weekday morning, ..." over "Your e-mail"). A long line
before a long signal line is not bridged: third-person prose about a publication's funding stays one paragraph at a
time. (Texts invented for these tests.)"""

from __future__ import annotations

from heldout_shapes import assert_kept, assert_removed_in_full

STORY = (
    "The regional council approved the new tram line on Tuesday after a debate that lasted most of the day.\n\n"
    "Construction is due to start next spring and the first trams should run in three years.\n\n"
)


def test_a_description_line_between_heading_and_form_goes_with_the_box(cleaner):
    doc = STORY + (
        "~~ Ontvang onze dagelijkse nieuwsbrief\n\n"
        "~~ Een kort overzicht van wat er vandaag speelt in de regio, met de achtergrond die u nodig hebt.\n\n"
        "~~ E-mailadres *\n\n"
        "~~ Aanmelden\n\n"
        "~~ Je kunt je op elk moment uitschrijven via de link onderaan elke nieuwsbrief.\n"
    )
    assert_removed_in_full(cleaner, doc, {"newsletter"})


def test_third_person_funding_prose_is_not_bridged_into_a_box(cleaner):
    assert_kept(cleaner, (
        "Издание существует благодаря пожертвованиям читателей и не размещает рекламу.\n\n"
        "Ежемесячные пожертвования составляют около двух третей его бюджета.\n\n"
        "«Благодаря вам мы пережили этот год», — написал главный редактор в письме подписчикам.\n\n"
        "Вам понравился этот материал? — спрашивает редакция в конце каждого текста.\n"
    ))
