from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from marsad.model import Article, DateRef, Document, Mention, Story
from marsad.summarize import summarize, timeline
from marsad.summarize._summary import MAX_WORDS, MIN_WORDS
from marsad.summarize.terms import content_terms, dot, idf_table, tfidf

LEAD = (
    "وصلت إلى مطار عدن الدولي اليوم طائرة إغاثة سعودية ثانية تحمل عشرة أطنان من المواد "
    "الغذائية والطبية بعد أيام من استعادة السيطرة على المطار."
)
DETAIL = (
    "وقال مدير المطار إن فرق الهلال الأحمر بدأت تفريغ الشحنة وتوزيعها على مستشفيات المدينة "
    "التي تعاني نقصا حادا في الأدوية."
)
BACKGROUND = (
    "وكانت المقاومة الشعبية قد أعلنت الأسبوع الماضي السيطرة الكاملة على مدينة عدن بعد معارك "
    "استمرت أربعة أشهر مع الحوثيين."
)
QUOTE = "«نحن هنا لنبقى ونعيد الحياة إلى هذه المدينة المنكوبة مهما طال الزمن»."
SHORT = "وصلت الطائرة."


def doc(doc_id: str, text: str, published: str, **kw: object) -> Document:
    article = Article(id=doc_id, source=doc_id, text=text, published=published, title="عنوان")
    return Document(article, **kw)  # type: ignore[arg-type]


def story_of(docs: list[Document]) -> Story:
    return Story(id="s", label="", article_ids=[d.id for d in docs])


def sentence_sim(a: str, b: str) -> float:
    ta, tb = content_terms(a), content_terms(b)
    idf, unseen = idf_table([ta, tb])
    return dot(tfidf(ta, idf, unseen), tfidf(tb, idf, unseen))


def test_summary_cites_articles_and_drops_repeats() -> None:
    docs = [
        doc("d1", f"{LEAD}\n{DETAIL}\n{QUOTE}\n{SHORT}", "2015-07-23T08:00"),
        # The same wire lead, lightly edited, in a second outlet.
        doc("d2", LEAD.replace("اليوم", "صباح اليوم") + "\n" + BACKGROUND, "2015-07-23T09:00"),
    ]
    out = summarize(story_of(docs), docs, max_sentences=5)
    texts = [s.text for s in out]
    assert len(texts) == 3
    assert sum("مطار عدن الدولي" in t for t in texts) == 1
    assert QUOTE not in texts and SHORT not in texts
    by_id = {d.id: d.article.text for d in docs}
    for s in out:
        assert s.text in " ".join(by_id[s.article_id].split())
    for i, a in enumerate(texts):
        for b in texts[i + 1 :]:
            assert sentence_sim(a, b) < 0.5


def test_summary_respects_max_sentences_and_story_membership() -> None:
    docs = [
        doc("d1", f"{LEAD}\n{DETAIL}", "2015-07-23T08:00"),
        doc("d2", BACKGROUND, "2015-07-23T09:00"),
    ]
    one = summarize(Story(id="s", label="", article_ids=["d2"]), docs, max_sentences=3)
    assert [s.article_id for s in one] == ["d2"]
    assert len(summarize(story_of(docs), docs, max_sentences=2)) == 2
    assert summarize(story_of(docs), docs, max_sentences=0) == []


def test_summary_is_in_reading_order() -> None:
    docs = [
        doc("late", BACKGROUND, "2015-07-24T08:00"),
        doc("early", f"{LEAD}\n{DETAIL}", "2015-07-23T08:00"),
    ]
    out = summarize(story_of(docs), docs)
    assert [s.article_id for s in out] == ["early", "early", "late"]


@given(st.lists(st.sampled_from([LEAD, DETAIL, BACKGROUND, QUOTE, SHORT]), max_size=8))
def test_summary_sentences_have_usable_length(parts: list[str]) -> None:
    docs = [doc("d", "\n".join(parts), "2015-07-23")]
    for s in summarize(story_of(docs), docs):
        assert MIN_WORDS <= len(s.text.split()) <= MAX_WORDS


def dated(doc_id: str, text: str, published: str, refs: list[tuple[str, str, str]]) -> Document:
    dates = []
    for expression, value, event in refs:
        start = text.index(expression)
        dates.append(DateRef(doc_id, expression, value, start, start + len(expression), event))
    return doc(doc_id, text, published, dates=dates)


def test_timeline_merges_the_same_event_across_articles() -> None:
    t1 = "في 13 نوفمبر أدان بلينكن في بروكسل إرسال قوات كورية شمالية إلى روسيا."
    t2 = "وكان وزير الخارجية بلينكن قد أدان يوم 13 نوفمبر في بروكسل نشر القوات الكورية."
    t3 = "وصل أوستن إلى كييف في 21 أكتوبر في زيارة مفاجئة."
    docs = [
        dated(
            "b",
            t2,
            "2024-11-14",
            [("13 نوفمبر", "2024-11-13", "أدان بلينكن في بروكسل نشر القوات الكورية")],
        ),
        dated(
            "a",
            t1,
            "2024-11-13",
            [("13 نوفمبر", "2024-11-13", "أدان بلينكن في بروكسل إرسال قوات كورية")],
        ),
        dated("c", t3, "2024-11-14", [("21 أكتوبر", "2024-10-21", "")]),
    ]
    out = timeline(story_of(docs), docs)
    assert [e.date for e in out] == ["2024-10-21", "2024-11-13"]
    assert out[1].article_ids == ["a", "b"]
    assert out[1].text == "أدان بلينكن في بروكسل إرسال قوات كورية"
    assert out[0].text == t3


def test_timeline_keeps_different_events_of_one_day_apart() -> None:
    text = "يوم الجمعة اجتمع مجلس الناتو. ويوم الجمعة أيضا سقطت طائرة مسيرة في كورسك."
    docs = [
        dated(
            "a",
            text,
            "2024-11-02",
            [
                ("يوم الجمعة", "2024-11-01", "اجتمع مجلس الناتو"),
                ("ويوم الجمعة", "2024-11-01", "سقطت طائرة مسيرة في كورسك"),
            ],
        )
    ]
    out = timeline(story_of(docs), docs)
    assert [e.text for e in out] == ["اجتمع مجلس الناتو", "سقطت طائرة مسيرة في كورسك"]


def test_sentences_with_entities_are_preferred() -> None:
    # Two lead sentences of about the same centrality: naming an entity tips the balance.
    docs = [doc("x", DETAIL, "2015-07-23"), doc("y", BACKGROUND, "2015-07-23")]
    [plain] = summarize(story_of(docs), docs, 1)
    other = next(d for d in docs if d.id != plain.article_id)
    other.mentions = [Mention(0, 3, other.article.text[:3], "ORG")]
    [tagged] = summarize(story_of(docs), docs, 1)
    assert tagged.article_id == other.id


def test_timeline_keeps_one_articles_similar_events_of_a_day_apart() -> None:
    text = (
        "قالت الإدارة العسكرية في كييف اليوم، إن وحدات الدفاع الجوي تصدت لهجوم جوي روسي. "
        "وقالت وزارة الدفاع الروسية اليوم، إن وحدات الدفاع الجوي الروسية دمرت 18 طائرة."
    )
    kyiv = "وحدات الدفاع الجوي تصدت لهجوم جوي روسي"
    moscow = "وحدات الدفاع الجوي الروسية دمرت 18 طائرة"
    first = dated("a", text, "2024-10-21", [("اليوم", "2024-10-21", kyiv)])
    second_at = text.index("اليوم", text.index("الروسية"))
    first.dates.append(DateRef("a", "اليوم", "2024-10-21", second_at, second_at + 5, moscow))
    other = dated("b", text, "2024-10-22", [("اليوم", "2024-10-21", moscow + " خلال الليل")])
    docs = [first, other]
    out = timeline(story_of(docs), docs)
    assert [(e.text, e.article_ids) for e in out] == [(kyiv, ["a"]), (moscow, ["a", "b"])]
