"""The bundled sample (samples/news) through the whole pipeline: a small pile.

Five reports of one developing story (an earthquake in Malatya, death toll 38 -> 74 over
four days, four outlets) and three OPEC+ reports. With IDF from the pile alone the
earthquake's shared words weighed nothing and the five reports came out as five stories.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.config import Settings
from marsad.core import analyze
from marsad.model import Story
from marsad.store import open_store

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "news"


@pytest.fixture(scope="module")
def stories(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Story], dict[str, str]]:
    db = tmp_path_factory.mktemp("sample") / "sample.db"
    analyze([SAMPLE], Settings(db=db))
    with open_store(db) as store:
        titles = {d.id: d.article.title or "" for d in store.iter_documents()}
        return store.all_stories(), titles


def test_earthquake_reports_form_one_story_and_opec_another(
    stories: tuple[list[Story], dict[str, str]],
) -> None:
    found, titles = stories
    quake = {a for a, t in titles.items() if "ملاطية" in t}
    opec = {a for a, t in titles.items() if "أوبك" in t}
    assert len(quake) == 5 and len(opec) == 3
    assert {frozenset(s.article_ids) for s in found} == {frozenset(quake), frozenset(opec)}


def test_the_earthquake_story_spans_the_four_days(
    stories: tuple[list[Story], dict[str, str]],
) -> None:
    found, _ = stories
    quake = max(found, key=lambda s: len(s.article_ids))
    assert quake.first_seen and quake.last_seen
    assert quake.first_seen[:10] == "2025-03-04" and quake.last_seen[:10] == "2025-03-07"
