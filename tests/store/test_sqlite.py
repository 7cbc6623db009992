"""The SQLite store: round trips, idempotent writes, filters, pagination, migrations."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from marsad.errors import ConfigError, StoreError
from marsad.model import (
    Article,
    Claim,
    Comparison,
    DateRef,
    Document,
    Entity,
    EntityMention,
    Mention,
    Quote,
    Story,
    SummarySentence,
    TimelineEntry,
)
from marsad.store import SQLiteStore, open_store


def make_doc(n: int, outlet: str = "وكالة", published: str | None = "2024-10-21") -> Document:
    text = f"قال الرئيس زيلينسكي إن {n} آلاف جندي وصلوا إلى روسيا."
    aid = f"a{n:03d}"
    doc = Document(
        Article(
            id=aid,
            source=f"file{n}.txt",
            text=text,
            title=f"عنوان {n}",
            outlet=outlet,
            agencies=["Reuters"],
            published=published,
        )
    )
    start = text.index("زيلينسكي")
    doc.mentions = [Mention(start, start + 8, "زيلينسكي", "PER", role="الرئيس", entity_id="e1")]
    doc.quotes = [
        Quote(f"q{n}", aid, "الرئيس زيلينسكي", text[25:], "indirect", 25, len(text), 0, "e1")
    ]
    doc.dates = [DateRef(aid, "اليوم", "2024-10-21", 0, 3, "قال الرئيس")]
    num = text.index(str(n))
    doc.claims = [
        Claim(
            f"c{n}",
            aid,
            n * 1000.0,
            None,
            "exact",
            "جندي",
            "الرئيس زيلينسكي",
            text,
            num,
            num + 8,
            "2024-10-21",
            0,
            "e1",
            f"q{n}",
        )
    ]
    return doc


@pytest.fixture()
def store(tmp_path: Path) -> SQLiteStore:
    st = open_store(tmp_path / "m.db")
    assert isinstance(st, SQLiteStore)
    return st


def test_round_trip_keeps_every_field(store: SQLiteStore) -> None:
    doc = make_doc(1)
    assert store.add_documents([doc]).added == 1
    back = store.get_document("a001")
    assert back == doc


def test_adding_the_same_ids_again_changes_nothing(store: SQLiteStore) -> None:
    store.add_documents([make_doc(1), make_doc(2)])
    result = store.add_documents([make_doc(1), make_doc(2), make_doc(3)])
    assert (result.added, result.already_stored, result.added_ids) == (1, 2, ["a003"])
    assert store.article_ids() == {"a001", "a002", "a003"}
    assert store.list_quotes().total == 3


def test_a_failed_batch_leaves_nothing_half_written(store: SQLiteStore) -> None:
    bad = make_doc(2)
    bad.quotes.append(bad.quotes[0])
    bad.mentions.append(bad.mentions[0])
    bad.dates.append(bad.dates[0])
    # a duplicate (article_id, idx) is impossible from add_documents' own numbering, so force
    # a constraint failure through a text NOT NULL violation instead
    bad.article.text = None  # type: ignore[assignment]
    with pytest.raises(StoreError):
        store.add_documents([make_doc(1), bad])
    assert store.article_ids() == set()
    assert store.list_quotes().total == 0


def test_corpus_staleness_flag(store: SQLiteStore) -> None:
    assert not store.corpus_is_stale()
    store.add_documents([make_doc(1)])
    assert store.corpus_is_stale()
    store.mark_corpus_fresh()
    store.add_documents([make_doc(1)])
    assert not store.corpus_is_stale()


def test_filters_and_pagination(store: SQLiteStore) -> None:
    store.add_documents(
        [
            make_doc(i, outlet="أ" if i % 2 else "ب", published=f"2024-10-{10 + i:02d}")
            for i in range(1, 9)
        ]
    )
    page = store.list_articles(limit=3, offset=0)
    assert page.total == 8 and [a.id for a in page.items] == ["a008", "a007", "a006"]
    assert [a.id for a in store.list_articles(limit=3, offset=6).items] == ["a002", "a001"]
    assert store.list_articles(outlet="أ").total == 4
    assert store.list_articles(date_from="2024-10-15", date_to="2024-10-16").total == 2
    assert store.outlets() == [("أ", 4), ("ب", 4)]
    assert store.list_claims(source_entity_id="e1").total == 8
    assert store.list_quotes(article_id="a003").items[0].id == "q3"
    assert store.list_articles(entity_id="e1").total == 8


def test_entities_and_stories(store: SQLiteStore) -> None:
    docs = [make_doc(i) for i in range(1, 4)]
    store.add_documents(docs)
    entity = Entity(
        "e1",
        "فولوديمير زيلينسكي",
        "PER",
        aliases=["زيلينسكي"],
        roles=["الرئيس"],
        mentions=[
            EntityMention(d.id, d.mentions[0].start, d.mentions[0].end, "زيلينسكي") for d in docs
        ],
    )
    store.replace_entities([entity])
    assert store.get_entity("e1") == entity
    assert store.all_entities() == [entity]
    assert store.list_entities(name="زيلينسكي").total == 1
    assert store.list_entities(type="ORG").total == 0

    story = Story(
        "s1",
        "زيلينسكي والجنود",
        ["a001", "a002"],
        duplicate_groups=[["a001", "a002"]],
        entities=["e1"],
        summary=[SummarySentence("جملة", "a001")],
        timeline=[TimelineEntry("2024-10-21", "حدث", ["a001"])],
        comparisons=[
            Comparison(
                "جندي", ["c1", "c2"], [{"value": 1000.0}], ["x"], True, "2024-10-21", "2024-10-21"
            )
        ],
        first_seen="2024-10-21",
        last_seen="2024-10-22",
    )
    small = Story("s2", "أخرى", ["a003"], first_seen="2024-10-01", last_seen="2024-10-01")
    store.replace_stories([story, small])
    assert store.get_story("s1") == story
    assert store.story_of("a003") == "s2"
    assert [s.id for s in store.list_stories(order="latest").items] == ["s1", "s2"]
    assert [s.id for s in store.list_stories(order="busiest").items] == ["s1", "s2"]
    assert store.list_stories(entity_id="e1").total == 1
    assert store.list_stories(date_to="2024-10-05").total == 1
    assert store.list_quotes(story_id="s1").total == 2
    store.replace_stories([small])
    assert store.get_story("s1") is None and store.story_of("a001") is None


def test_schema_is_migrated_and_reopened(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    with open_store(path) as st:
        assert isinstance(st, SQLiteStore) and st.schema_version >= 1
        st.add_documents([make_doc(1)])
    with open_store(f"sqlite:///{path}") as st:
        assert st.article_ids() == {"a001"}


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a marsad database"):
        open_store(path)


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    with pytest.raises(StoreError, match="upgrade marsad"):
        open_store(path)


def test_unknown_urls_are_config_errors() -> None:
    with pytest.raises(ConfigError, match="PostgreSQL"):
        open_store("postgresql://localhost/marsad")
    with pytest.raises(ConfigError, match="unknown database URL"):
        open_store("mongodb://x")
