"""The whole per-article pipeline, then stories, on the five seed articles (../shared/seeds).

Judgement call, documented here: the article split off seed 004 (North Korea's foreign
minister travelling to Moscow) is its own event and may stand alone; only the five main
articles and the drone-strike article split off seed 002 are asserted.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.claims import extract_claims
from marsad.clean import clean
from marsad.dates import extract_dates
from marsad.entities import link, recognize
from marsad.model import Document, RawDocument, Story
from marsad.quotes import extract_quotes
from marsad.stories import update_stories

TROOP_FIGURES = {1500.0, 3000.0, 7000.0, 10000.0, 12000.0}


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path) -> tuple[list[Document], list[Story], dict[str, str]]:
    docs: list[Document] = []
    file_of: dict[str, str] = {}
    for path in sorted(seeds_dir.glob("*.txt")):
        raw = RawDocument(source=str(path), text=path.read_text("utf-8"), format="text")
        for article in clean(raw):
            doc = Document(article)
            recognize(doc)
            extract_quotes(doc)
            extract_dates(doc)
            extract_claims(doc)
            docs.append(doc)
            file_of[doc.id] = path.name[:3]
    entities = link(docs)
    return docs, update_stories(docs, entities, []), file_of


def story_of(stories: list[Story], article_id: str) -> Story:
    return next(s for s in stories if article_id in s.article_ids)


@pytest.mark.slow
def test_main_articles_form_one_story_and_the_drone_strike_another(
    seeds: tuple[list[Document], list[Story], dict[str, str]],
) -> None:
    docs, stories, file_of = seeds
    main = [d.id for d in docs if d.article.parent_id is None]
    assert len(main) == 5
    story = story_of(stories, main[0])
    assert set(main) <= set(story.article_ids)
    drone = [d.id for d in docs if d.article.parent_id and file_of[d.id] == "002"]
    assert len(drone) == 1
    assert drone[0] not in story.article_ids
    assert sorted(a for s in stories for a in s.article_ids) == sorted(d.id for d in docs)


@pytest.mark.slow
def test_troop_counts_are_compared_with_their_sources(
    seeds: tuple[list[Document], list[Story], dict[str, str]],
) -> None:
    docs, stories, _ = seeds
    story = story_of(stories, next(d.id for d in docs if d.article.parent_id is None))
    troops = next(c for c in story.comparisons if {v["value"] for v in c.values} >= TROOP_FIGURES)
    assert troops.conflict
    for figure in TROOP_FIGURES:
        assert any(v["value"] == figure and v["source"] for v in troops.values)
    assert {v["article_id"] for v in troops.values} <= set(story.article_ids)


@pytest.mark.slow
def test_summary_and_timeline_cite_story_articles(
    seeds: tuple[list[Document], list[Story], dict[str, str]],
) -> None:
    docs, stories, _ = seeds
    text = {d.id: " ".join(d.article.text.split()) for d in docs}
    for story in stories:
        assert 0 < len(story.summary) <= 5
        for sentence in story.summary:
            assert sentence.article_id in story.article_ids
            assert sentence.text in text[sentence.article_id]
        dates = [e.date for e in story.timeline]
        assert dates == sorted(dates)
        assert all(set(e.article_ids) <= set(story.article_ids) for e in story.timeline)
