"""Lines a rule matches that stand where only the document's own text stands (see `shapes.the_documents_own`): a
line inside a fenced code block (a tutorial's sample output), a table's header row over its delimiter row. The same
lines outside those places are furniture again. Every text is invented."""

from __future__ import annotations

from heldout_shapes import assert_furniture_goes, assert_kept

TUTORIAL = """How to keep the copyright year in your Jekyll footer up to date
Most static sites show a copyright line in the footer, and most of them show the wrong year by February.
The fix is one line of Liquid in the footer include, which takes the year from the time the site was built.
On a site built today, that renders as:
```
© 2024 My Blog. All rights reserved.
```
Rebuild the site once a year, or let your CI rebuild it on the first of January, and the year never goes stale.
The same filter can print the month too, if you prefer a "last updated" line under every post.
"""


def test_a_notice_inside_a_fenced_code_block_is_the_documents(cleaner):
    assert_kept(cleaner, TUTORIAL)


def test_the_same_notice_outside_the_block_goes(cleaner):
    text = TUTORIAL.replace("```\n", "") + "© 2024 Static Pages. All rights reserved.\n"
    assert_furniture_goes(cleaner, text, {"© 2024 Static Pages. All rights reserved.": "copyright",
                                          "© 2024 My Blog. All rights reserved.": "copyright"})


RESULTS = """Harbour FC stay top after late winner at Riverside
A header in the 89th minute kept Harbour FC two points clear at the top of the table with six games to play.
The visitors had led for most of the second half before two substitutes changed the game in the last ten minutes.
## Results
| Home | Score | Away |
|---|---|---|
| Harbour FC | 2-1 | Riverside |
| Millbrook | 0-0 | Eastfield |
Harbour FC host Eastfield next Saturday, when a win would all but settle the title with five games left to play.
"""


def test_a_tables_header_row_is_the_documents(cleaner):
    assert_kept(cleaner, RESULTS)


def test_a_row_of_site_sections_without_a_table_under_it_goes(cleaner):
    text = "| Home | News | Sport |\n" + RESULTS.split("\n", 1)[1]
    assert_furniture_goes(cleaner, text, {"| Home | News | Sport |": "navigation"})
