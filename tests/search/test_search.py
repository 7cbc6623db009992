"""Search on hand-made articles: Arabic variants match, syntax, filters, snippets.

The behaviour tests run on both backends (SQLite FTS5, PostgreSQL tsvector); the PostgreSQL
cases run when MARSAD_TEST_POSTGRES names a throwaway database.
"""

from __future__ import annotations

import html
import re
import sqlite3
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import marsad.search.index as index_module
from marsad.model import Article, Document, Mention, Story
from marsad.search import (
    PostgresSearchIndex,
    SearchBackend,
    SearchIndex,
    highlight,
    parse_query,
    search_index,
    stemmer_fingerprint,
    terms,
)
from marsad.search.index import term
from marsad.search.postgres import tsquery, tsvector
from marsad.store import PostgresStore, Store, open_store
from marsad.text import strip_invisible

DOCS = [
    Article(
        id="t1",
        source="t",
        title="الرَّئِيسُ الأمريكي يزور المدرسة",
        text="زار الرَّئِيسُ الأمريكيُّ مدرسةً في إيران، وقال للطلاب إن بالمدرسة 500 طالب.",
        outlet="أ",
        published="2024-01-05T10:00:00",
    ),
    Article(
        id="t2",
        source="t",
        title="اللاجئون الفلسطينيون",
        text="التقى وزير الخارجية باللاجئين الفلسطينيين في لبنان، وقال إن عددهم كبير.",
        outlet="ب",
        published="2024-02-10",
    ),
    Article(
        id="t3",
        source="t",
        title="كوريا الشمالية",
        text="أرسلت كوريا الشمالية قوات إلى روسيا. وفي الشمال الكوري تجري مناورات.",
        outlet="ب",
        published="2024-03-01",
    ),
    Article(
        id="t4",
        source="t",
        title="أخبار منوعة",
        text="الشمالية كوريا: روسيا وكوريا تتحدثان عن القوات الشمالية.",
        outlet="أ",
        published="2024-03-02",
    ),
]


@pytest.fixture(params=["sqlite", "postgres"])
def index(request: pytest.FixtureRequest) -> Iterator[SearchBackend]:
    """The index alone (SQLite: a bare connection; PostgreSQL: a store's fresh schema)."""
    idx: SearchBackend
    if request.param == "sqlite":
        conn = sqlite3.connect(":memory:")
        idx = SearchIndex(conn)
        close = conn.close
    else:
        store = open_store(request.getfixturevalue("postgres_url"))
        assert isinstance(store, PostgresStore)
        idx = PostgresSearchIndex(store)
        close = store.close
    idx.ensure_schema()
    assert idx.index(DOCS) == len(DOCS)
    yield idx
    close()


def ids(index: SearchBackend, query: str, **kw: str) -> set[str]:
    return {h.article_id for h in index.search(query, **kw).items}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("رئيس", {"t1"}),  # no diacritics, no article, matches الرَّئِيسُ
        ("امريكي", {"t1"}),  # bare alef matches أ
        ("مدرسه", {"t1"}),  # ha for ta marbuta, and bi- + al- clitics in بالمدرسة
        ("ايران", {"t1"}),  # إ
        ("اللاجئ فلسطيني", {"t2"}),  # plural inflections اللاجئين الفلسطينيين
        ("والفلسطينيون", {"t2"}),  # clitics on the query side
        ("كوريا روسيا", {"t3", "t4"}),  # AND
        ("كوريا غانا", set()),
    ],
)
def test_arabic_variants_match(index: SearchBackend, query: str, expected: set[str]) -> None:
    assert ids(index, query) == expected


def test_phrase_or_not(index: SearchBackend) -> None:
    assert ids(index, '"كوريا الشمالية"') == {"t3"}
    assert ids(index, '"الشمالية كوريا"') == {"t4"}
    assert ids(index, "لبنان OR إيران") == {"t1", "t2"}
    assert ids(index, "كوريا -مناورات") == {"t4"}
    assert ids(index, "كوريا NOT مناورات") == {"t4"}
    assert ids(index, "-كوريا") == set()
    assert index.search("!!! ...").total == 0


def test_title_ranks_higher(index: SearchBackend) -> None:
    hits = index.search("كوريا").items
    assert hits[0].article_id == "t3"
    assert hits[0].score > hits[1].score > 0


def test_filters(index: SearchBackend) -> None:
    assert ids(index, "قال", outlet="ب") == {"t2"}
    assert ids(index, "كوريا", date_from="2024-03-02") == {"t4"}
    assert ids(index, "قال", date_to="2024-01-05") == {"t1"}
    # The entity and story joins need the store's tables; without them nothing matches.
    assert ids(index, "كوريا", story_id="s") == set()


def test_entity_and_story_filters_join_store_tables(index: SearchBackend) -> None:
    if isinstance(index, SearchIndex):
        index.connection.executescript(
            "CREATE TABLE mentions (article_id TEXT, entity_id TEXT);"
            "CREATE TABLE story_articles (story_id TEXT, article_id TEXT);"
            "INSERT INTO mentions VALUES ('t3', 'kp'), ('t1', 'us');"
            "INSERT INTO story_articles VALUES ('s', 't4');"
        )
    else:
        assert isinstance(index, PostgresSearchIndex)
        docs = [Document(a) for a in DOCS]
        docs[2].mentions = [Mention(0, 5, "كوريا", "LOC", entity_id="kp")]
        docs[0].mentions = [Mention(0, 3, "زار", "PER", entity_id="us")]
        index.store.add_documents(docs)
        index.store.replace_stories([Story("s", "قصة", ["t4"])])
    assert ids(index, "كوريا", entity_id="kp") == {"t3"}
    assert ids(index, "كوريا", story_id="s") == {"t4"}


def test_pagination_and_total(index: SearchBackend) -> None:
    page = index.search("كوريا", limit=1, offset=1)
    assert page.total == 2 and len(page.items) == 1
    assert page.items[0].article_id == "t4"


def test_snippet_marks_the_original_words(index: SearchBackend) -> None:
    hit = index.search("مدرسه رئيس").items[0]
    assert "<mark>الرَّئِيسُ</mark>" in hit.snippet
    assert "<mark>مدرسةً</mark>" in hit.snippet and "<mark>بالمدرسة</mark>" in hit.snippet
    assert hit.title == DOCS[0].title and hit.outlet == "أ"


def test_reindex_is_idempotent_and_replaces(index: SearchBackend) -> None:
    assert index.index(DOCS) == 0
    changed = Article(id="t2", source="t", title="خبر جديد", text="نص عن تونس فقط.", outlet="ب")
    assert index.index([changed]) == 1
    assert len(index) == len(DOCS)
    assert ids(index, "لبنان") == set()
    assert ids(index, "تونس") == {"t2"}
    assert index.remove(["t2", "missing"]) == 1
    assert ids(index, "تونس") == set() and len(index) == len(DOCS) - 1


def test_hostile_text_is_escaped() -> None:
    text = 'كلمة <script>alert(1)</script> "><img onerror=x> \u202eكلمة'
    out = highlight(text, {term("كلمة")})
    assert "<script" not in out and "<img" not in out and "\u202e" not in out
    assert out.count("<mark>") == 2
    long = highlight("كلمة " + "ا" * 5000 + " " + "-" * 5000 + " كلمة", {term("كلمة")})
    assert len(long) < 200 and long.count("<mark>") == 2


_PIECES = [*"ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآةىؤئ ًٌٍَُِّْ\"'-<>&()*:^.,0123456789", " OR ", " NOT "]
_ARABIC = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=_ARABIC)
def test_any_query_is_safe(index: SearchBackend, query: str) -> None:
    """No input reaches FTS5 as syntax: every query runs, and hits contain a query term."""
    page = index.search(query)
    parsed = parse_query(query, term)
    if parsed is None:
        assert page.total == 0
        return
    for hit in page.items:
        doc = next(d for d in DOCS if d.id == hit.article_id)
        assert set(terms(f"{doc.title} {doc.text}")) & parsed.terms


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=300), words=st.lists(st.text(min_size=1, max_size=8), max_size=3))
def test_snippet_is_escaped_original_text(text: str, words: list[str]) -> None:
    wanted = {term(w) for w in words}
    out = highlight(text, wanted, words=12)
    assert not re.search(r"<(?!/?mark>)", out)
    plain = html.unescape(out.replace("<mark>", "").replace("</mark>", ""))
    source = strip_invisible(text)
    for piece in plain.split("…"):
        assert piece.strip() in source or piece.strip() in text


def test_index_of_another_version_is_rebuilt() -> None:
    conn = sqlite3.connect(":memory:")
    conn.executescript(
        "CREATE TABLE search_docs (rowid INTEGER PRIMARY KEY, article_id TEXT);"
        "INSERT INTO search_docs VALUES (1, 'old');"
    )
    idx = SearchIndex(conn)
    idx.ensure_schema()
    assert len(idx) == 0
    idx.index(DOCS[:1])
    idx.ensure_schema()
    assert len(idx) == 1 and ids(idx, "رئيس") == {"t1"}


def test_postgres_index_of_another_version_is_rebuilt(postgres_url: str) -> None:
    with open_store(postgres_url) as store:
        assert isinstance(store, PostgresStore)
        idx = PostgresSearchIndex(store)
        idx.ensure_schema()
        idx.index(DOCS[:2])
        store.connection.execute("UPDATE search_meta SET value = 'pg0:old' WHERE key = 'version'")
        idx.ensure_schema()
        assert len(idx) == 0
        idx.index(DOCS[:1])
        idx.ensure_schema()
        assert len(idx) == 1 and ids(idx, "رئيس") == {"t1"}


def test_tsvector_and_tsquery_literals() -> None:
    assert tsvector(["كوريا"], ["كوريا", "it's", "a\\b"]) == ("'كوريا':1A,3 'it''s':4 'a\\\\b':5")
    assert tsvector([], ["ك" * 2000]) == ""  # 4000 bytes: longer than a lexeme may be
    assert tsvector([], ["x"] * 300) == "'x':" + ",".join(map(str, range(2, 258)))
    far = tsvector([], ["x"] * 17000 + ["y", "z"])
    assert far.endswith("'y':16383 'z':16383")  # still indexed, at the last position
    assert tsquery([[["a", "b"], ["c"]], [["d"]]], [["e"]]) == (
        "(('a' <-> 'b') | ('c')) & (('d')) & !(('e'))"
    )


def test_odd_characters_are_indexed_and_found(index: SearchBackend) -> None:
    odd = Article(id="odd", source="t", title="O'Neil", text="قال O'Neil إن a\\b و C:\\x 'اقتباس'")
    assert index.index([odd]) == 1
    assert ids(index, "O'Neil") == {"odd"}
    assert ids(index, "a\\b") == {"odd"}
    assert index.search("ك" * 1100).total == 0  # longer than any indexable word


def test_stemmer_change_drops_the_index_and_the_store_refills_it(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    store: Store = open_store(store_url)
    store.add_documents(Document(a) for a in DOCS)
    first = search_index(store)
    assert len(first) == len(DOCS)
    first.remove(["t1", "t2"])
    assert len(search_index(store)) == len(DOCS) - 2  # same stemmer: kept as it is
    monkeypatch.setattr(index_module, "stemmer_fingerprint", lambda: "another stemmer")
    again = search_index(store)
    assert len(again) == len(DOCS) and ids(again, "رئيس") == {"t1"}
    store.close()


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"date_to": "2024-11-05"}, {"d0", "d1", "d2"}),
        ({"date_from": "2024-11-05", "date_to": "2024-11-05"}, {"d1", "d2"}),
        ({"date_from": "2024-11-05"}, {"d1", "d2", "d3"}),
        ({"outlet": "ب", "date_to": "2024-11-05"}, {"d1"}),
        ({"story_id": "s", "date_to": "2024-11-05"}, {"d1", "d2"}),
        ({"entity_id": "e", "date_from": "2024-11-05"}, {"d1", "d2"}),
        # Blank, as a web form sends an empty field: no filter.
        ({"outlet": "", "date_to": ""}, {"d0", "d1", "d2", "d3", "d4"}),
    ],
)
def test_search_filters_as_the_store_lists(
    store_url: str, filters: dict[str, str], expected: set[str]
) -> None:
    """``marsad search`` and the article listings keep the same articles for one filter."""
    published = [
        "2024-11-04T23:59:59+00:00",
        "2024-11-05T10:00:00+00:00",
        "2024-11-05",
        "2024-11-06T00:00:00+00:00",
        None,
    ]
    docs = [
        Document(
            Article(
                id=f"d{n}",
                source="t",
                title=f"خبر {n}",
                text="قال الوزير إن المفاوضات مستمرة.",
                outlet="أب"[n % 2],
                published=date,
            ),
            mentions=[Mention(0, 3, "قال", "PER", entity_id="e")] if n != 3 else [],
        )
        for n, date in enumerate(published)
    ]
    store = open_store(store_url)
    store.add_documents(docs)
    store.replace_stories([Story("s", "قصة", ["d1", "d2", "d3"])])
    listed = {a.id for a in store.list_articles(**filters).items}
    found = ids(search_index(store), "الوزير", **filters)
    store.close()
    assert listed == found == expected


def test_fingerprint_follows_the_terms(monkeypatch: pytest.MonkeyPatch) -> None:
    before = stemmer_fingerprint()
    assert before == stemmer_fingerprint() and len(before) == 16
    index_module.term.cache_clear()
    monkeypatch.setattr(index_module, "light_stem", lambda w: w)
    try:
        assert stemmer_fingerprint() != before
    finally:
        index_module.term.cache_clear()


def test_very_long_article_is_indexed_whole(index: SearchBackend) -> None:
    words = [f"كلمة{n}" for n in range(17000)] + ["طرابلس"]
    long = Article(id="long", source="t", title=None, text=" ".join(words))
    assert index.index([long]) == 1
    assert ids(index, "طرابلس") == {"long"}  # past PostgreSQL's last tsvector position
