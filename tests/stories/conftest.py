"""Hand-built documents: unit tests must not need ../shared or the other stages."""

from __future__ import annotations

import pytest
from story_texts import ADEN_1, ADEN_2, ADEN_3, FOOTBALL, NILE_1, NILE_2, MakeDoc

from marsad.model import Article, Claim, DateRef, Document, Mention


@pytest.fixture
def make_doc() -> MakeDoc:
    def make(
        doc_id: str,
        text: str,
        *,
        title: str | None = None,
        published: str | None = "2015-07-23T10:00:00",
        outlet: str | None = None,
        parent_id: str | None = None,
        mentions: list[Mention] | None = None,
        claims: list[Claim] | None = None,
        dates: list[DateRef] | None = None,
    ) -> Document:
        article = Article(
            id=doc_id,
            source=f"test:{doc_id}",
            text=text,
            title=title,
            outlet=outlet or f"outlet-{doc_id}",
            published=published,
            parent_id=parent_id,
        )
        return Document(article, mentions or [], [], dates or [], claims or [])

    return make


@pytest.fixture
def corpus(make_doc: MakeDoc) -> list[Document]:
    """Two stories reported by several outlets in different words, and one lone item."""
    return [
        make_doc("a1", ADEN_1, title="وصول ثاني طائرة إغاثة سعودية إلى مطار عدن"),
        make_doc(
            "a2",
            ADEN_2,
            title="طائرة سعودية ثانية محملة بالمساعدات تهبط في عدن",
            published="2015-07-23T12:00:00",
        ),
        make_doc(
            "a3",
            ADEN_3,
            title="مركز الملك سلمان: وصول طائرة الشحن الثانية لمطار عدن",
            published="2015-07-24T08:00:00",
        ),
        make_doc("n1", NILE_1, title="21 قتيلا في غرق مركب في النيل بالقاهرة"),
        make_doc(
            "n2",
            NILE_2,
            title="ارتفاع ضحايا غرق مركب النيل إلى 21 قتيلا",
            published="2015-07-23T15:00:00",
        ),
        make_doc("f1", FOOTBALL, title="الاتحاد يوقع مع الحارس عساف القرني"),
    ]
