"""Article shapes that use furniture's words and must come out whole (found by blind review sets of blogs, how-tos,
digests and interviews, 2026-11-29; the texts here are written for the tests), and the furniture beside them that
must still go.

Each case is one precision decision: a narrating paragraph at a box's head, a form the story shows after saying so,
platform names in a post about them, a question that quotes a notice, a how-to's step, third-person news of a
sign-up, a heading over the story's own paragraph, a quoted title in a numbered list, a one-word question.
"""

from __future__ import annotations

import pytest

from nlcleaner import Cleaner

KEEP = {
    "narrating paragraph and the form it shows": (
        "What two years of a mailing list taught me\n\n"
        "Two years ago I moved my blog's mailing list from a plugin to a proper newsletter platform, and I began to "
        "notice the small print around the sign-up box, which had not changed in a decade and which nobody read.\n\n"
        "My first form said, in its entirety:\n\n"
        "Subscribe to Blog via Email\n"
        "Enter your email address to subscribe to this blog and receive notifications of new posts by email.\n\n"
        "That was the plugin's default text. Almost nobody filled it in, and I cannot blame them for skipping it.\n"
    ),
    "platform names in a post about them": (
        "Patreon, Ko-fi or Buy Me a Coffee? Twelve months with all three\n\n"
        "I draw maps for a living, and most of my income has come from commissions. Last year I decided to try reader "
        "support, and because I could not choose a platform, I set up Patreon, Ko-fi and Buy Me a Coffee side by side "
        "and ran them for a year.\n\n"
        "Patreon brought in the most money, Ko-fi the most people, and Buy Me a Coffee very little for me, though a "
        "friend who writes about birds does better there than on the other two.\n\n"
        "Patreon is built around memberships. People commit to \"$4 a month\" and you owe them something regular "
        "in return; by December I had 48 patrons and a steady income I could plan around.\n\n"
        "The one-off tips were smaller but came from people who would never commit to anything monthly, often the "
        "day after I posted a tutorial that had helped them with a map of their own.\n\n"
        "Next year I will keep the memberships and the tips and close the third account, which cost me more time "
        "than it brought in.\n\n"
        "The bigger lesson was about asking plainly, once, at the end of a post, and then getting back to the maps, "
        "which are what people came for in the first place.\n"
    ),
    "a question that quotes a notice": (
        "What does 'This material may not be published, broadcast, rewritten or redistributed' really mean?\n\n"
        "The line sits under almost every wire story that local stations publish, and lawyers say it restates rights "
        "the agency already has rather than creating new ones.\n\n"
        "Courts have rarely been asked to rule on the wording itself, according to media law scholars.\n"
    ),
    "a how-to's step about newsletters": (
        "How to tame your inbox in five steps\n\n"
        "Step 4: Keep the newsletters you read\n\n"
        "If you would rather read the news once a day, sign up for a morning newsletter. On most news sites you "
        "scroll to the bottom of an article, type your email address into the box and tap Subscribe.\n\n"
        "Want to follow a newsletter again later? Most can be restored by visiting the sender's website, entering "
        "your email and clicking Subscribe.\n\n"
        "Step 5: Unsubscribe from the rest\n\n"
        "Set aside half an hour and work through the senders you never open, oldest first.\n"
    ),
    "third-person news of a sign-up": (
        "The county board approved the budget 4-1 on Tuesday after a long hearing on library hours and road repairs.\n\n"
        "The full budget is posted on the county's website, and residents can sign up for email alerts about future "
        "meetings through the clerk's office.\n\n"
        "The next meeting is set for March 12 at the county annex, where the board will take up the road plan.\n"
    ),
    "a game story's own sub-heading": (
        "Gilgeous-Alexander scored 34 points and the Thunder beat the Nuggets 118-109 on Tuesday night.\n\n"
        "Key stat\n\n"
        "He has scored at least 30 points in each of the team's first seven games of the season.\n\n"
        "Up next\n\n"
        "The Nuggets host Phoenix on Thursday. The Thunder visit Memphis on Friday.\n"
    ),
    "a quoted title in a numbered list": (
        "Five podcasts about television worth your commute\n\n"
        "1. \"Behind the Pilot\"\n\n"
        "Two writers take apart one first episode a week, scene by scene, with the people who made it.\n\n"
        "2. \"Up Next\"\n\n"
        "A weekly guide to what is coming to the streaming services, with honest verdicts on the trailers.\n"
    ),
    "a one-word question in an interview": (
        "Only subscribers can comment under your articles. Isn't that unfair?\n"
        "It is a compromise. Since we introduced it, the tone has become noticeably better.\n"
        "Share?\n"
        "That is another question. Anyone can share an article, even without a subscription, and we want that.\n"
    ),
    "a list the article announces": (
        "The paper relaunched its website on Monday after two years of work by a team of eight.\n"
        "The new front page is organised into five sections:\n"
        "News\nBusiness\nSport\nCulture\nOpinion\n"
        "Each section has its own editor, and the paper says it will add a podcast page in the spring.\n"
    ),
    "a list the paper announces in its own voice": (
        "We have reorganised the paper into five main sections. In print and online they now appear in this order:\n\n"
        "News\nWorld\nBusiness\nSport\nCulture\n\n"
        "Each section opens with its most important story of the day, chosen by the editor on duty.\n"
    ),
    "a digest's own headings over its paragraphs": (
        "Good morning. Flood warnings remain in place across the north-west after a second night of heavy rain.\n\n"
        "Most read\n\n"
        "Our most-read story yesterday was the village that voted to ban leaf blowers. It drew more letters than any "
        "story this year.\n\n"
        "Up next\n\n"
        "Tomorrow brings the teachers' ballot result. The county cricket season also starts, weather permitting.\n"
    ),
    "an example bio the article shows": (
        "Keep two versions of your bio: a short one for bylines and a longer one for places that give you more "
        "room. Here is my own short one, as an example:\n\n"
        "Ilse Brandt is an editor based in Utrecht who helps academics write for general readers. She runs the "
        "Plain Words workshop.\n\n"
        "Update both once a year. Nothing dates faster than a first novel that came out five years ago.\n"
    ),
}


@pytest.fixture(scope="module")
def cleaner():
    return Cleaner()


@pytest.mark.parametrize("name", sorted(KEEP))
def test_the_story_comes_out_whole(cleaner, name):
    result = cleaner.clean(KEEP[name])
    assert result.text == KEEP[name], [(r.rule, r.text) for r in result.removals]


# furniture of the same kinds, which must still go
GOES = {
    "a list's label over a teaser": (
        "The studio confirmed the release date for the next game in the series on Monday morning.\n\n"
        "Related Posts:\n"
        "Studio to add a photo mode? If it's true, it sounds like a good idea.\n"
        "Series composer returns for the sequel\n",
        "Related Posts:",
    ),
    "a sign-up prompt to the reader": (
        "The county board approved the budget 4-1 on Tuesday after a long hearing on library hours and road repairs.\n\n"
        "Sign up for our free daily newsletter to get the latest county news in your inbox.\n",
        "Sign up for our free daily newsletter",
    ),
    "the share button": (
        "The county board approved the budget 4-1 on Tuesday after a long hearing on library hours and road repairs.\n\n"
        "Share\n",
        "Share",
    ),
}


@pytest.mark.parametrize("name", sorted(GOES))
def test_the_furniture_still_goes(cleaner, name):
    text, furniture = GOES[name]
    result = cleaner.clean(text)
    assert furniture not in result.text
    assert result.text.startswith("The ")
