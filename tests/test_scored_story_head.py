"""A scored block is a box only when it speaks like one. Two shapes of a story's own lines are refused (see
`ScoredKind._the_storys_own`): its headline and standfirst over its byline (also when another rule removed the
byline in an earlier round, so that the next round sees the headline run on into the first paragraph), and a run
of sentences the writer narrates, speaking neither to "you" nor as "we" nor in a call to action. Every text is
invented."""

from __future__ import annotations

from heldout_shapes import assert_furniture_goes, assert_kept

# the byline carries a reading time, which navigation.reading-time removes in the first round; the headline and the
# first paragraphs hold newsletter words that, run together, weigh as much as a sign-up box
LISTICLE = """Twelve newsletters every gardener should subscribe to this spring
From seed swaps to pruning calendars, these are the inboxes worth giving your email address to.
By Maren Holt · 6 min read
Gardening forums are noisy, and the best seasonal advice now arrives by email. We asked thirty allotment holders which newsletters they actually open, and these twelve came up again and again, so you can decide how much of your inbox to hand over.
None of these are paid placements. We don't earn anything if you sign up.
1. The Potting Shed
A weekly letter about what to sow and when, written by a retired nurseryman in Devon who has kept it going since 2011.
2. Soil Matters
Short notes on compost, mulch and worms, with a reader question answered at the end of every issue.
3. Hedgerow
Foraging and wildlife gardening, with a monthly map of what is flowering in the lanes near you.
"""


def test_a_headline_over_a_byline_removed_in_an_earlier_round_is_no_box(cleaner):
    assert_furniture_goes(cleaner, LISTICLE, {"By Maren Holt · 6 min read": "navigation"})


# third-person sentences about a paper's newsletter and channel: fine print and channel words, no box's voice
NARRATED = """Valley papers bet on email and WhatsApp to reach younger readers
The Harbour Media group is launching a morning newsletter and a WhatsApp channel for its six regional titles.
The company's editor-in-chief, Ana Ruiz, said the newsletter would carry five local stories each weekday. "We want to be the first thing people read," she said.
Readers who sign up are asked for their postcode so that the company can send them the most relevant edition, and can unsubscribe at any time using a link at the bottom of each email.
The WhatsApp channel, which Ruiz described as "an experiment", will send three or four breaking news alerts a day. Readers join by scanning a code printed on page two of each paper.
Media analysts said regional publishers across the country were watching the trial closely, since print circulation at the group's titles has fallen by a third in five years.
The group said it would publish subscriber numbers for both services in the autumn.
"""


def test_sentences_the_writer_narrates_are_no_box(cleaner):
    assert_kept(cleaner, NARRATED)


# the same kind of sentences, but as a box speaks: a call to action with neither "you" nor "we" in it
ORDERS = NARRATED.replace(
    "The group said it would publish subscriber numbers for both services in the autumn.\n",
    "The group said it would publish subscriber numbers for both services in the autumn.\n"
    "Get the Harbour Morning newsletter: the day's biggest local stories, free in the inbox every weekday. Sign up "
    "today, unsubscribe at any time.\n",
)


def test_a_call_to_action_without_you_or_we_is_still_a_box(cleaner):
    line = ORDERS.splitlines()[-1]
    assert_furniture_goes(cleaner, ORDERS, {line: "newsletter"})
