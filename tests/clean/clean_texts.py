"""Short prose paragraphs written like real news, and the cleaner run on a text as ingest
would hand it over, for the tests that build inputs by hand."""

from __future__ import annotations

from marsad.clean import clean
from marsad.model import Article, RawDocument

P1 = "أعلنت وزارة الخارجية اليوم الاثنين أنها ستواصل دعم جهود السلام في المنطقة، وفق بيان رسمي."
P2 = "وقال المتحدث باسم الوزارة إن الاجتماع المقبل سيعقد في العاصمة خلال الأسبوع الجاري."
P3 = "وأضاف أن الوفد سيضم ممثلين عن عدة دول عربية وأوروبية لبحث الملفات العالقة بين الطرفين."


def run(text: str, **meta: str | None) -> list[Article]:
    return clean(
        RawDocument(
            source="t.txt",
            text=text,
            format="txt",
            title=meta.get("title"),
            outlet=meta.get("outlet"),
            published=meta.get("published"),
        )
    )
