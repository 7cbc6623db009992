"""The developing-story link pass on hand-made reports days apart (no ../shared needed)."""

from __future__ import annotations

import pytest
from story_texts import MakeDoc

from marsad.model import Document, Mention
from marsad.stories import cluster
from marsad.stories.cluster import cluster_documents

ERDOGAN = Mention(0, 6, "أردوغان", "PER", entity_id="Q-erdogan")
MALATYA = Mention(0, 6, "ملاطية", "LOC", entity_id="Q-malatya")

FIRST = (
    "ضرب زلزال بقوة ست درجات ولاية ملاطية شرق تركيا فجر الثلاثاء، وانهارت عشرات المباني "
    "السكنية في وسط المدينة. وقالت هيئة الكوارث إن فرق الإنقاذ انتشلت ثمانية وثلاثين قتيلا "
    "من تحت الأنقاض، فيما نقل المصابون إلى مستشفيات الولايات المجاورة. وأعلن الرئيس أردوغان "
    "حالة الطوارئ في الولاية."
)
FOLLOW_UP = (
    "زار الرئيس أردوغان ولاية ملاطية الخميس وتفقد الأحياء المنكوبة بعد الزلزال، وتعهد ببناء "
    "مساكن جديدة للأسر التي فقدت منازلها خلال عام واحد. وارتفعت حصيلة الضحايا إلى واحد "
    "وسبعين قتيلا بعد انتشال جثث من مبنى منهار في حي باتالغازي، ووزعت الخيام على المشردين."
)
ELSEWHERE = (
    "استقبل الرئيس أردوغان في أنقرة رئيس الوزراء المجري، وبحث الجانبان صفقات الغاز الطبيعي "
    "وخط الأنابيب الجديد نحو أوروبا، ووقعا اتفاقية لزيادة التبادل التجاري إلى عشرة مليارات "
    "دولار بحلول نهاية العقد."
)


@pytest.fixture
def reports(make_doc: MakeDoc) -> list[Document]:
    return [
        make_doc(
            "q1",
            FIRST,
            title="زلزال يضرب ملاطية التركية ويوقع 38 قتيلا",
            published="2025-03-04T06:00:00",
            mentions=[MALATYA, ERDOGAN],
        ),
        make_doc(
            "q2",
            FOLLOW_UP,
            title="أردوغان يزور ملاطية بعد الزلزال وحصيلة القتلى ترتفع إلى 71",
            published="2025-03-06T12:00:00",
            mentions=[ERDOGAN, MALATYA],
        ),
        make_doc(
            "g1",
            ELSEWHERE,
            title="أردوغان يبحث صفقات الغاز مع رئيس الوزراء المجري",
            published="2025-03-05T09:00:00",
            mentions=[ERDOGAN],
        ),
    ]


def groups(docs: list[Document]) -> set[frozenset[str]]:
    return {frozenset(ids) for _, ids in cluster_documents(docs)}


def test_follow_up_days_later_joins_through_the_link_pass(
    reports: list[Document], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert groups(reports) == {frozenset({"q1", "q2"}), frozenset({"g1"})}
    # The join pass alone keeps them apart: the link pass is what joins them.
    monkeypatch.setattr(cluster, "LINK_TITLE_MIN", 2.0)
    assert groups(reports) == {frozenset({"q1"}), frozenset({"q2"}), frozenset({"g1"})}


def test_follow_up_beyond_the_window_stays_apart(reports: list[Document]) -> None:
    late = reports[1]
    late.article.published = "2025-03-12T12:00:00"
    assert frozenset({"q1", "q2"}) not in groups(reports)
