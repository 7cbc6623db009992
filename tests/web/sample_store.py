"""A small, hand-filled store for the API and web tests: one story, four entities, and a
hostile article whose text tries every trick an untrusted page can."""

from __future__ import annotations

from pathlib import Path

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
from marsad.search import search_index
from marsad.store import Store, open_store

HOSTILE_TEXT = (
    'قال المتحدث "<script>alert(1)</script>" ثم "><img src=x onerror=alert(2)> '
    "وأضاف </textarea><b>عريض</b> \u202eمعكوس\u202c "
    + "ا" * 3000
    + " وقال بوتين إن 5000 جندي وصلوا."
)

ARTICLES = [
    (
        "a1",
        "وكالة الأنباء",
        "2024-10-24",
        "كوريا الشمالية ترسل قوات إلى روسيا",
        "قال المتحدث باسم البنتاغون إن نحو 10 آلاف جندي كوري شمالي وصلوا إلى روسيا. "
        "وأضاف أن كيم جونغ أون وافق على إرسال الجنود يوم 23 أكتوبر.",
    ),
    (
        "a2",
        "صحيفة الشرق",
        "2024-10-28",
        "البنتاغون: 12 ألف جندي كوري شمالي في روسيا",
        "أعلن البنتاغون أن 12 ألف جندي كوري شمالي موجودون في روسيا. "
        'وقال بوتين: "هذا شأننا الداخلي".',
    ),
    (
        "a3",
        "قناة الغد",
        "2024-11-02",
        "بوتين ينفي وجود قوات كورية",
        "نفى الرئيس الروسي فلاديمير بوتين وجود 3000 جندي كوري شمالي على الجبهة.",
    ),
    ("evil", "<b>evil</b>", "2024-11-03", '"><script>alert(3)</script>', HOSTILE_TEXT),
]


def _span(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def _doc(aid: str, outlet: str, published: str, title: str, text: str) -> Document:
    article = Article(
        id=aid,
        source=f"test:{aid}",
        text=text,
        title=title,
        outlet=outlet,
        published=published,
        url=f"https://example.com/{aid}" if aid != "evil" else "javascript:alert(4)",
    )
    return Document(article)


def _mention(
    doc: Document, needle: str, type_: str, entity_id: str, role: str | None = None
) -> int:
    s, e = _span(doc.article.text, needle)
    doc.mentions.append(Mention(s, e, needle, type_, role, entity_id))  # type: ignore[arg-type]
    return len(doc.mentions) - 1


def build_documents() -> list[Document]:
    docs = {a[0]: _doc(*a) for a in ARTICLES}
    d1, d2, d3, evil = docs["a1"], docs["a2"], docs["a3"], docs["evil"]

    m = _mention(d1, "البنتاغون", "ORG", "e-pentagon")
    _mention(d1, "روسيا", "LOC", "e-russia")
    _mention(d1, "كيم جونغ أون", "PER", "e-kim", "زعيم كوريا الشمالية")
    s, e = _span(d1.article.text, "نحو 10 آلاف جندي")
    d1.claims.append(
        Claim(
            "c1",
            "a1",
            10000,
            "جندي",
            "approx",
            "الجنود الكوريون في روسيا",
            "البنتاغون",
            d1.article.text[:80],
            s,
            e,
            "2024-10-24",
            m,
            "e-pentagon",
        )
    )
    s, e = _span(d1.article.text, "يوم 23 أكتوبر")
    d1.dates.append(DateRef("a1", "يوم 23 أكتوبر", "2024-10-23", s, e, "الموافقة"))
    s, e = _span(d1.article.text, "أن كيم جونغ أون وافق على إرسال الجنود")
    d1.quotes.append(
        Quote(
            "q1",
            "a1",
            "المتحدث باسم البنتاغون",
            d1.article.text[s:e],
            "indirect",
            s,
            e,
            m,
            "e-pentagon",
        )
    )

    m = _mention(d2, "البنتاغون", "ORG", "e-pentagon")
    _mention(d2, "روسيا", "LOC", "e-russia")
    pm = _mention(d2, "بوتين", "PER", "e-putin")
    s, e = _span(d2.article.text, "12 ألف جندي")
    d2.claims.append(
        Claim(
            "c2",
            "a2",
            12000,
            "جندي",
            "exact",
            "الجنود الكوريون في روسيا",
            "البنتاغون",
            d2.article.text[:60],
            s,
            e,
            "2024-10-28",
            m,
            "e-pentagon",
        )
    )
    s, e = _span(d2.article.text, "هذا شأننا الداخلي")
    d2.quotes.append(Quote("q2", "a2", "بوتين", "هذا شأننا الداخلي", "direct", s, e, pm, "e-putin"))

    pm = _mention(d3, "فلاديمير بوتين", "PER", "e-putin", "الرئيس الروسي")
    s, e = _span(d3.article.text, "3000 جندي")
    d3.claims.append(
        Claim(
            "c3",
            "a3",
            3000,
            "جندي",
            "exact",
            "الجنود الكوريون في روسيا",
            "بوتين",
            d3.article.text,
            s,
            e,
            "2024-11-02",
            pm,
            "e-putin",
        )
    )
    s, e = _span(d3.article.text, "نفى الرئيس الروسي فلاديمير بوتين وجود 3000 جندي")
    d3.quotes.append(
        Quote("q3", "a3", "بوتين", d3.article.text[s:e], "indirect", s, e, pm, "e-putin")
    )

    # Overlapping spans on hostile text: a quote across the <script>, a mention inside it.
    text = evil.article.text
    s, e = _span(text, "<script>alert(1)</script>")
    evil.quotes.append(
        Quote("q4", "evil", "<script>x</script>", text[s : e + 10], "direct", s, e + 10, None, None)
    )
    evil.mentions.append(Mention(s + 3, s + 20, text[s + 3 : s + 20], "PER", None, "e-putin"))
    s, e = _span(text, "5000 جندي")
    evil.claims.append(
        Claim("c4", "evil", 5000, "جندي", "exact", "<i>subject</i>", None, "x", s - 4, e, None)
    )
    evil.mentions.append(Mention(*_span(text, "بوتين"), "بوتين", "PER", None, "e-putin"))
    return [d1, d2, d3, evil]


def build_entities() -> list[Entity]:
    return [
        Entity(
            "e-putin",
            "فلاديمير بوتين",
            "PER",
            ["بوتين", "بوتن"],
            ["الرئيس الروسي"],
            [
                EntityMention("a2", 0, 5, "بوتين"),
                EntityMention("a3", 0, 5, "بوتين"),
                EntityMention("evil", 0, 5, "بوتين"),
            ],
        ),
        Entity(
            "e-pentagon",
            "البنتاغون",
            "ORG",
            ["البنتاجون"],
            [],
            [EntityMention("a1", 0, 9, "البنتاغون"), EntityMention("a2", 0, 9, "البنتاغون")],
        ),
        Entity(
            "e-kim",
            "كيم جونغ أون",
            "PER",
            ["كيم جونغ اون"],
            ["زعيم كوريا الشمالية"],
            [EntityMention("a1", 0, 12, "كيم جونغ أون")],
        ),
        Entity(
            "e-russia",
            "روسيا",
            "LOC",
            [],
            [],
            [EntityMention("a1", 0, 5, "روسيا"), EntityMention("a2", 0, 5, "روسيا")],
        ),
    ]


def build_stories() -> list[Story]:
    values = [
        {"claim_id": "c1", "value": 10000, "source": "البنتاغون"},
        {"claim_id": "c2", "value": 12000, "source": "البنتاغون"},
        {"claim_id": "c3", "value": 3000, "source": "بوتين"},
    ]
    return [
        Story(
            id="s1",
            label="قوات كورية شمالية في روسيا",
            article_ids=["a1", "a2", "a3"],
            duplicate_groups=[["a1", "a2"]],
            entities=["e-putin", "e-pentagon", "e-kim", "e-russia"],
            summary=[
                SummarySentence("قال البنتاغون إن نحو 10 آلاف جندي وصلوا إلى روسيا.", "a1"),
                SummarySentence("نفى بوتين وجود القوات.", "a3"),
            ],
            timeline=[
                TimelineEntry("2024-10-23", "كيم يوافق على إرسال الجنود", ["a1"]),
                TimelineEntry("2024-11-02", "بوتين ينفي", ["a3"]),
            ],
            comparisons=[
                Comparison(
                    "الجنود الكوريون في روسيا",
                    ["c1", "c2", "c3"],
                    values,
                    ["البنتاغون", "بوتين"],
                    True,
                    "2024-10-24",
                    "2024-11-02",
                ),
                Comparison("مدة الانتشار", [], [], [], False, None, None),
            ],
            first_seen="2024-10-24",
            last_seen="2024-11-02",
        ),
        Story(
            id="s-evil",
            label="<script>alert(5)</script>",
            article_ids=["evil"],
            first_seen="2024-11-03",
            last_seen="2024-11-03",
        ),
    ]


def build_store(path: Path | str) -> Store:
    store = open_store(path)
    docs = build_documents()
    store.add_documents(docs)
    store.replace_entities(build_entities())
    store.replace_stories(build_stories())
    search_index(store).index(d.article for d in docs)
    return store
