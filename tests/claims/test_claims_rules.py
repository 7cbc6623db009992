"""Claim rules on short hand-written sentences in the style of SaudiNewsNet / ANT."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.claims import extract_claims
from marsad.model import Article, Claim, DateRef, Document, EntityType, Mention, Quote


def doc_of(
    text: str,
    mentions: list[Mention] | None = None,
    quotes: list[Quote] | None = None,
    dates: list[DateRef] | None = None,
) -> Document:
    doc = Document(
        Article(id="a1", source="test", text=text, published="2015-07-21"),
        mentions=mentions or [],
        quotes=quotes or [],
        dates=dates or [],
    )
    extract_claims(doc)
    return doc


def claims(text: str) -> list[Claim]:
    return doc_of(text).claims


def one(text: str) -> Claim:
    found = claims(text)
    assert len(found) == 1, [(c.value, c.subject) for c in found]
    return found[0]


def mention(text: str, needle: str, type_: EntityType) -> Mention:
    start = text.index(needle)
    return Mention(start, start + len(needle), needle, type_)


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("قتل نحو 300 شخص في الهجوم.", "approx"),
        ("وصل حوالي 300 شخص.", "approx"),
        ("نزح قرابة 300 شخص.", "approx"),
        ("تجمع زهاء 300 شخص.", "approx"),
        ("شارك ما يقارب 300 شخص.", "approx"),
        ("اعتقل أكثر من 300 شخص.", "more_than"),
        ("أصيب ما يزيد على 300 شخص.", "more_than"),
        ("حضر ما يربو على 300 شخص.", "more_than"),
        ("قتل ما لا يقل عن 300 شخص.", "at_least"),
        ("قتل 300 شخص على الأقل في الهجوم.", "at_least"),
        ("شارك أقل من 300 شخص.", "less_than"),
        ("تتسع القاعة لما يصل إلى 300 شخص.", "up_to"),
        ("قتل 300 شخص في الهجوم.", "exact"),
        ("قتل عشرات الآلاف من المدنيين.", "at_least"),
    ],
)
def test_qualifiers(text: str, qualifier: str) -> None:
    assert one(text).qualifier == qualifier


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("قدمت السويد مساعدات بقيمة 63 مليون يورو لأوكرانيا.", 63e6, "EUR"),
        ("بلغت الأرباح 2.6 مليار دولار.", 2.6e9, "USD"),
        ("بلغت القيمة 6570 مليون ريال.", 6.57e9, "SAR"),
        ("بلغ الدين 42 دينار كويتي.", 42, "KWD"),
        ("بيعت بمبلغ 3 جنيهات إسترلينية.", 3, "GBP"),
        ("بلغ السعر 10$ للبرميل.", 10, "USD"),
        ("ارتفعت بنسبة 37 في المائة.", 37, "percent"),
        ("وقال إن 99% من الأسلحة جاءت من الحلف.", 99, "percent"),
        ("تقدم الجيش بمقدار 478 كيلومتراً مربعة.", 478, "km2"),
        ("استمر القصف 12 ساعة متواصلة.", 12, "hour"),
        ("أنتج الحقل 500 ألف برميل يوميا.", 5e5, "barrel"),
        ("استمرت المفاوضات 3 ساعات ونصف.", 3.5, "hour"),
        ("لا يمكنها خوض حرب لأكثر من عامين ونصف عام.", 2.5, "year"),
        ("استمرت الهدنة شهرين.", 2, "month"),
        ("استمر الاجتماع ساعة ونصف.", 1.5, "hour"),
        ("يصل منسوب المياه إلى متر ونصف المتر.", 1.5, "m"),
    ],
)
def test_units(text: str, value: float, unit: str) -> None:
    c = one(text)
    assert (c.value, c.unit) == (value, unit)
    assert text[c.start : c.end].endswith(text[c.start : c.end].strip())


@pytest.mark.parametrize(
    "text",
    [
        "بدأت العملية في فبراير/شباط 2022 ثم توسعت.",
        "أدان الوزير في 13 نوفمبر الهجوم.",
        "وقع الحادث عام 1999 في المدينة.",
        "سلمت واشنطن مقاتلات “إف 16” لكييف.",
        "للتواصل اتصل على 0555123456 الآن.",
        "أصدر مجلس الأمن القرار 2254 بالإجماع.",
        "قتل خلال الـ24 ساعة الماضية مدنيون.",
        "يعقد الاجتماع الساعة 5 مساء.",
        "عاد قبل 3 أيام من السفر.",
        "في القرن الحادي عشر بنيت القلعة.",
        "غادر قبل يومين إلى الرياض.",
        "أدلى بشهادته في القضية 3000 لأول مرة.",
        "اشترت طائرة من طراز «بوينغ» 707 لتدخل العصر.",
        "تقدمت القوات نحو «اللواء 19» أمس.",
        "فازت بالبطولة أعوام 1993 1996 و1998 و2003.",
        "تحسن الطقس خلال اليومين الماضيين.",
        "شاهد البرنامج على فرانس 24 مساء.",
        "الموعد في 21 / 10 / 1436هـ المقبل.",
        "كتب في ٦-٨-٢٠١٥ الرئيس المصري كلمة.",
        "سجل الهدف في الدقيقة 86 من اللقاء.",
        "- 2014 أعلن الرئيس عن تقارب مع واشنطن.",
        "وأشارت رئيسة الوزراء ميتي فريدريكسن إلى دور الصين.",
    ],
)
def test_not_claims(text: str) -> None:
    assert claims(text) == []


def test_subject_is_the_counted_noun_as_written() -> None:
    c = one("بينما يتدرب 1500 جندي كوري شمالي في أقصى الشرق الروسي.")
    assert (c.value, c.subject, c.unit) == (1500, "جندي كوري شمالي", None)
    c = one("أسقطت الدفاعات 251 طائرة مسيّرة أوكرانية خلال الليل.")
    assert c.subject == "طائرة مسيّرة أوكرانية"
    c = one("وأضافت أن 11 طائرة مسيّرة أُسقطت فوق المنطقة.")
    assert c.subject == "طائرة مسيّرة"
    c = one("قال إن 4.5 مليون سائح سعودي ينفقون سنويا مبالغ كبيرة.")
    assert c.subject == "سائح سعودي"
    c = one("سجل 46 هدفا الموسم الماضي.")
    assert c.subject == "هدفا"
    c = one("زودت روسيا ملايين قذائف المدفعية والصواريخ.")
    assert (c.value, c.subject, c.qualifier) == (2e6, "قذائف المدفعية", "at_least")


def test_coordinated_numbers_share_unit() -> None:
    found = claims("سيطرت القوات على 477 و459 كيلومتراً مربعة على التوالي.")
    assert [(c.value, c.unit) for c in found] == [(477, "km2"), (459, "km2")]
    found = claims("تراوح السعر بين 29 ريالاً و54 خلال العام.")
    assert [(c.value, c.unit) for c in found] == [(29, "SAR"), (54, "SAR")]


def test_source_from_attribution_phrase_and_mention() -> None:
    text = (
        "وبحسب وكالة الاستخبارات الكورية الجنوبية، فقد قررت كوريا الشمالية إرسال نحو 12 ألف جندي."
    )
    m = [mention(text, "كوريا الشمالية", "LOC"), mention(text, "الاستخبارات الكورية", "ORG")]
    (c,) = doc_of(text, mentions=m).claims
    assert c.source == "وكالة الاستخبارات الكورية الجنوبية"
    assert c.source_mention == 1
    assert (c.value, c.qualifier) == (12000, "approx")


def test_source_after_the_number_and_joined_lam() -> None:
    c = one("ويوجد نحو 1500 جندي في شرق روسيا للتأهيل، وفقاً للمصدر ذاته.")
    assert c.source == "المصدر ذاته"
    found = claims("حضره 230 ألف شخص في سبعة أيام، حسب «رويترز».")
    assert [(c.value, c.unit, c.source) for c in found] == [
        (230000, None, "رويترز"),
        (7, "day", "رويترز"),
    ]


def test_source_verb_nearest_before_number() -> None:
    text = (
        "وأعلن الرئيس أن التعاون خطير، بعد أن أكدت وزارة الدفاع الأميركية "
        "أن كوريا أرسلت نحو 10 آلاف جندي."
    )
    c = one(text)
    assert c.source == "وزارة الدفاع الأميركية"
    assert c.source_mention is None


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            'قال لـ"الاقتصادية" عبدالعزيز الزهراني رئيس اللجنة، إن الميزانية 20 مليون ريال.',
            "عبدالعزيز الزهراني رئيس اللجنة",
        ),
        ("أوضح ذلك المدير العام أحمد العنزي أن 6 شاحنات ضبطت.", "المدير العام أحمد العنزي"),
        ("وقال جريج رامي وهو وكيل خاص إن 90 طفلا وجدوا.", "جريج رامي"),
        ("أنشئ ملعب بمساحة تقدر بـ (10 آلاف متر مربع) في المدينة.", None),
    ],
)
def test_source_phrase_edges(text: str, source: str | None) -> None:
    assert one(text).source == source


def test_source_from_quote() -> None:
    text = "وأضاف زيلينسكي “يوجد بالفعل 3000 جندي كوري شمالي على الأراضي الروسية”، مندداً بالتصعيد."
    qs = text.index("“")
    qe = text.index("”") + 1
    mentions = [mention(text, "زيلينسكي", "PER")]
    quote = Quote("q1", "a1", "زيلينسكي", text[qs:qe], "direct", qs, qe, speaker_mention=0)
    (c,) = doc_of(text, mentions=mentions, quotes=[quote]).claims
    assert (c.source, c.source_mention, c.quote_id) == ("زيلينسكي", 0, "q1")


def test_date_from_sentence_else_published() -> None:
    text = "في 13 نوفمبر 2024 قتل 40 شخصا. ونزح 300 شخص."
    ds = text.index("13")
    date = DateRef("a1", "13 نوفمبر 2024", "2024-11-13", ds, ds + len("13 نوفمبر 2024"))
    found = doc_of(text, dates=[date]).claims
    assert [(c.value, c.date) for c in found] == [(40, "2024-11-13"), (300, "2015-07-21")]
    assert found[0].sentence == "في 13 نوفمبر 2024 قتل 40 شخصا."


def test_ids_are_stable_and_distinct() -> None:
    text = "قتل 40 شخصا وأصيب 300 آخرون."
    a, b = claims(text), claims(text)
    assert [c.id for c in a] == [c.id for c in b]
    assert len({c.id for c in a}) == len(a) == 2


def test_spelled_and_indic_numbers() -> None:
    c = one("شارك ثلاثة آلاف وخمسمائة متطوع في الحملة.")
    assert (c.value, c.subject) == (3500, "متطوع")
    c = one("يشمل التأمين ١٠٫٥ مليون شخص.")
    assert (c.value, c.subject) == (10.5e6, "شخص")


NEWS_WORDS = (
    "قتل نحو 300 شخص أكثر من 10 آلاف جندي بحسب وكالة قال الوزير إن 99% من 63 مليون يورو "
    "عام 2024 في 13 نوفمبر عشرات الآلاف ، . « » “ ” : شهرين ونصف إف 16 و 5 كيلومترا مربعا"
)
NEWSY = st.lists(st.sampled_from(NEWS_WORDS.split()), max_size=40).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(st.one_of(NEWSY, st.text(max_size=200)))
def test_claims_are_well_formed_on_any_text(text: str) -> None:
    found = claims(text)
    assert len({c.id for c in found}) == len(found)
    for c in found:
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start : c.end] in c.sentence
        assert c.qualifier in ("exact", "approx", "more_than", "at_least", "less_than", "up_to")
