"""Background document frequencies of news terms, so small piles get sensible IDF weights.

Counted over the ANT corpus by ``scripts/stories_background.py`` (source and citation in the
table's header). Local frequencies are added to these, so a pile of thousands of articles
is barely affected and a pile of eight no longer treats its shared topic words as noise.
"""

from __future__ import annotations

from functools import cache

from marsad._tables import data_text
from marsad.summarize.terms import Background

BACKGROUND_FILE = "background_df.tsv"
# First row of the table: the number of articles counted, not a term.
ARTICLES_KEY = "__articles__"
COMMENT = "# "


@cache
def background() -> Background:
    """(articles counted, document frequency per term) of the shipped table."""
    text = data_text("marsad.stories", BACKGROUND_FILE)
    df: dict[str, int] = {}
    for line in text.splitlines():
        # Comment lines are "# ..."; number terms ("#1500") have no space after the mark.
        if not line or line.startswith(COMMENT):
            continue
        term, _, count = line.partition("\t")
        df[term] = int(count)
    n = df.pop(ARTICLES_KEY)
    return Background(n, df)
