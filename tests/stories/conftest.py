"""Hand-built documents: unit tests must not need ../shared or the other stages."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from marsad.model import Article, Claim, DateRef, Document, Mention

MakeDoc = Callable[..., Document]

ADEN_1 = (
    "وصلت إلى مطار عدن الدولي اليوم طائرة إغاثة سعودية ثانية تحمل عشرة أطنان من المواد "
    "الغذائية والطبية، بعد أيام من استعادة القوات الحكومية السيطرة على المطار.\n"
    "وقال مسؤول في المطار إن الطائرة هبطت بسلام وإن فرق الهلال الأحمر بدأت تفريغ الشحنة "
    "وتوزيعها على المستشفيات في المدينة.\n"
    "وكانت أول طائرة إغاثة قد هبطت في المطار أمس بعد إعادة تشغيله."
)
ADEN_2 = (
    "هبطت في مطار عدن طائرة سعودية ثانية محملة بالمساعدات الغذائية والأدوية، في إطار جسر "
    "جوي لإغاثة سكان المدينة بعد طرد الحوثيين منها.\n"
    "وأوضح مدير المطار أن فرق الإغاثة تسلمت الشحنة ونقلتها إلى مستودعات الهلال الأحمر "
    "تمهيدا لتوزيعها على المستشفيات والأسر المحتاجة."
)
ADEN_3 = (
    "أعلن مركز الملك سلمان للإغاثة وصول طائرة الشحن السعودية الثانية إلى مطار عدن الدولي "
    "محملة بأطنان من المواد الغذائية والطبية لسكان عدن.\n"
    "وأكد المركز أن الجسر الجوي إلى مطار عدن سيستمر حتى تصل المساعدات إلى جميع "
    "المستشفيات والأسر في المدينة."
)
NILE_1 = (
    "لقي 21 شخصا على الأقل مصرعهم بينهم أطفال في غرق مركب نزهة في نهر النيل بحي الوراق "
    "في القاهرة بعد اصطدامه بصندل بضائع ليلا.\n"
    "وقالت وزارة الصحة المصرية إن فرق الإنقاذ انتشلت جثث الضحايا وما زال البحث جاريا عن "
    "مفقودين في مياه النهر."
)
NILE_2 = (
    "ارتفع عدد ضحايا غرق مركب في نهر النيل بالقاهرة إلى 21 قتيلا بعد أن اصطدم المركب "
    "بصندل لنقل البضائع في منطقة الوراق.\n"
    "وأعلنت السلطات المصرية استمرار عمليات البحث عن المفقودين وفتح تحقيق في أسباب "
    "اصطدام المركب بالصندل في النيل."
)
FOOTBALL = (
    "أعلن نادي الاتحاد التعاقد مع حارس المرمى عساف القرني لمدة ثلاثة مواسم قادما من نادي "
    "الوحدة في صفقة انتقال حر.\n"
    "وقال رئيس النادي إن الحارس سينضم إلى معسكر الفريق في إيطاليا استعدادا للموسم الجديد "
    "في دوري المحترفين."
)


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
