"""Quotation extraction on hand-built documents: marks, reporting patterns, speakers."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.model import Article, Document, EntityType, Mention, Quote
from marsad.quotes import extract_quotes
from marsad.quotes._extract import quote_id
from marsad.quotes._marks import find_quoted

MentionSpec = list[tuple[str, EntityType, str | None]]


def _doc(text: str, mentions: MentionSpec | None = None) -> Document:
    """A document whose mentions are found with str.find (first occurrence after the last)."""
    found: list[Mention] = []
    pos = 0
    for surface, kind, role in mentions or []:
        start = text.find(surface, pos)
        assert start >= 0, surface
        found.append(Mention(start, start + len(surface), surface, kind, role))
        pos = start + len(surface)
    return Document(article=Article(id="a1", source="test", text=text), mentions=found)


def _quotes(
    text: str, mentions: list[tuple[str, EntityType, str | None]] | None = None
) -> list[Quote]:
    doc = _doc(text, mentions)
    extract_quotes(doc)
    for q in doc.quotes:
        assert doc.article.text[q.start : q.end] == q.text
    return doc.quotes


def _only(quotes: list[Quote]) -> Quote:
    assert len(quotes) == 1, [(q.kind, q.speaker, q.text) for q in quotes]
    return quotes[0]


INNER = "سنواصل دعم الشعب الفلسطيني في كل المحافل الدولية"


def test_each_mark_style_and_mixes() -> None:
    for opening, closing in [
        ('"', '"'),
        ("“", "”"),
        ("«", "»"),
        ("„", "“"),
        ("“", '"'),
        ("«", "”"),
        ("”", "”"),
    ]:
        text = f"وقال الوزير {opening}{INNER}{closing}."
        q = _only(_quotes(text))
        assert (q.kind, q.text, q.speaker) == ("direct", INNER, "الوزير"), (opening, closing)


def test_quote_spans_sentences_and_ignores_frames_inside() -> None:
    inner = "الوضع صعب جدا. ووفقاً لتقديراتنا، سيستمر القتال أشهراً"
    q = _only(_quotes(f"وأضاف المتحدث خلال مؤتمر صحافي “{inner}”، محذراً من التصعيد."))
    assert q.text == inner and q.speaker == "المتحدث"


def test_scare_quotes_are_not_quotations() -> None:
    text = (
        "أفادت شبكة “سي إن إن” الأمريكية بأن الإدارة وافقت على تسليم مقاتلات “إف 16” لكييف. "
        'وناقش الوزراء "خطة النصر" التي عرضها الرئيس.'
    )
    quotes = _quotes(text)
    q = _only(quotes)
    assert q.kind == "indirect"
    assert q.speaker == "شبكة “سي إن إن” الأمريكية"
    assert q.text == "الإدارة وافقت على تسليم مقاتلات “إف 16” لكييف"


def test_short_quote_introduced_by_verb_is_kept() -> None:
    q = _only(_quotes("وقال الرئيس “لن نستسلم”."))
    assert (q.kind, q.text, q.speaker) == ("direct", "لن نستسلم", "الرئيس")


def test_long_quote_without_attribution_is_dropped() -> None:
    assert _quotes("وحمل القرار عنوان “خطوة غير مسبوقة في تاريخ البلاد الحديث”.") == []
    assert _quotes("تصدّر وسم “لا للحرب على غزة الآن” مواقع التواصل.") == []


PATTERNS = [
    ("قال وزير الخارجية إن المحادثات ستستأنف الأسبوع المقبل.", "وزير الخارجية"),
    ("وقالت الوزيرة في بيان إن المحادثات ستستأنف الأسبوع المقبل.", "الوزيرة"),
    ("فيما قال السفير إن المحادثات ستستأنف الأسبوع المقبل.", "السفير"),
    ("وأكد المتحدث أن المحادثات ستستأنف الأسبوع المقبل.", "المتحدث"),
    ("وأشار التقرير إلى أن المحادثات ستستأنف الأسبوع المقبل.", "التقرير"),
    ("وأفادت الوكالة بأن المحادثات ستستأنف الأسبوع المقبل.", "الوكالة"),
    ("وأعلن الجيش أن المحادثات ستستأنف الأسبوع المقبل.", "الجيش"),
    ("وصرّح مسؤول بأن المحادثات ستستأنف الأسبوع المقبل.", "مسؤول"),
    ("وأوضح الوسيط أن المحادثات ستستأنف الأسبوع المقبل.", "الوسيط"),
    ("واعتبرت الحكومة أن المحادثات ستستأنف الأسبوع المقبل.", "الحكومة"),
    ("وشدد الرئيس على أن المحادثات ستستأنف الأسبوع المقبل.", "الرئيس"),
    ("وحذرت المنظمة من أن المحادثات ستستأنف الأسبوع المقبل.", "المنظمة"),
    ("وذكرت الصحيفة أن المحادثات ستستأنف الأسبوع المقبل.", "الصحيفة"),
    ("ولفتت الخارجية إلى أن المحادثات ستستأنف الأسبوع المقبل.", "الخارجية"),
    ("وكشف المصدر عن أن المحادثات ستستأنف الأسبوع المقبل.", "المصدر"),
    (
        "ونقلت وكالة رويترز عن دبلوماسي غربي قوله إن المحادثات ستستأنف الأسبوع المقبل.",
        "دبلوماسي غربي",
    ),
    ("وبحسب الوسيط القطري، فإن المحادثات ستستأنف الأسبوع المقبل.", "الوسيط القطري"),
    ("وستستأنف المحادثات الأسبوع المقبل، وفقاً لمصادر دبلوماسية.", "مصادر دبلوماسية"),
    (
        "وستستأنف المحادثات الأسبوع المقبل، حسبما نقلت وكالة الأنباء الرسمية.",
        "وكالة الأنباء الرسمية",
    ),
    ("وكان شهود قالوا إن المحادثات ستستأنف الأسبوع المقبل.", "شهود"),
    ("وكتب الوسيط على منصة إكس أن المحادثات ستستأنف الأسبوع المقبل.", "الوسيط"),
    ("وستستأنف المحادثات الأسبوع المقبل، وفقاً لـ“رويترز”.", "“رويترز”"),
    ("من جانبه، أكد الوسيط أن المحادثات ستستأنف الأسبوع المقبل.", "الوسيط"),
]


def test_each_reporting_pattern() -> None:
    for text, speaker in PATTERNS:
        q = _only(_quotes(text))
        assert q.kind == "indirect", text
        assert q.speaker == speaker, text
        assert "المحادثات" in q.text and "ستستأنف" in q.text, text
        assert not q.text.endswith("."), text


def test_clause_after_complementiser_runs_to_sentence_end() -> None:
    q = _only(_quotes("وقال الوزير إن الحوار ضروري، مؤكداً أنه لا بديل عنه. وغادر القاعة."))
    assert q.text == "الحوار ضروري، مؤكداً أنه لا بديل عنه"


def test_relative_clause_verb_is_not_speech() -> None:
    assert _quotes("وارتفعت الأسعار مجددا، مما يؤكد أن التضخم مستمر.") == []


def test_direct_wins_over_overlapping_indirect() -> None:
    text = (
        "وقالت السفارة في بيان، إن السفير شدد على أن "
        "“التعاون بين البلدين يتم في إطار القانون الدولي”."
    )
    q = _only(_quotes(text))
    assert q.kind == "direct" and q.speaker == "السفارة"
    assert q.text == "التعاون بين البلدين يتم في إطار القانون الدولي"


def test_continuation_follows_last_speaker_of_same_gender() -> None:
    text = (
        "وقالت المتحدثة باسم الوزارة سارة أحمد إن الوضع مستقر. "
        "وقال الوزير خالد سالم إن الحدود مغلقة. "
        "وأضافت أن المساعدات ستصل غداً. "
        "وتابع “لن نفتح المعبر قبل الاتفاق على الترتيبات الأمنية”."
    )
    quotes = _quotes(
        text,
        [("سارة أحمد", "PER", "المتحدثة باسم الوزارة"), ("خالد سالم", "PER", "الوزير")],
    )
    assert [q.speaker_mention for q in quotes] == [0, 1, 0, 1]
    assert quotes[2].speaker == "المتحدثة باسم الوزارة سارة أحمد"
    assert quotes[3].kind == "direct" and quotes[3].speaker == "الوزير خالد سالم"


def test_role_resolves_to_earlier_mention() -> None:
    text = (
        "والتقت المتحدثة باسم البنتاغون سابرينا سينغ بالصحافيين. "
        "وأحجمت المتحدثة عن التعليق، لكن المتحدثة قالت إن القوات اقتربت من الحدود."
    )
    q = _only(_quotes(text, [("سابرينا سينغ", "PER", "المتحدثة باسم البنتاغون")]))
    assert q.speaker_mention == 0
    assert q.text == "القوات اقتربت من الحدود"


def test_role_resolves_to_earlier_unnamed_speaker() -> None:
    text = "وصرّح مسؤول دفاعي أن العقود محدودة. كما أكد المسؤول الدفاعي أن الصيانة تتطلب خبرة."
    quotes = _quotes(text)
    assert [q.speaker for q in quotes] == ["مسؤول دفاعي", "مسؤول دفاعي"]
    assert all(q.speaker_mention is None for q in quotes)


def test_institution_speakers() -> None:
    text = (
        "وأكد مجلس الناتو في بيانه: “ندين بشدة القرارات التي اتخذتها روسيا وكوريا الشمالية”. "
        "وقالت السفارة الروسية في سيول خلال بيان، إن التعاون يتم في إطار القانون الدولي."
    )
    quotes = _quotes(text, [("الناتو", "ORG", None), ("سيول", "LOC", None)])
    assert [(q.kind, q.speaker) for q in quotes] == [
        ("direct", "مجلس الناتو"),
        ("indirect", "السفارة الروسية"),
    ]
    assert quotes[0].speaker_mention == 0
    assert quotes[1].speaker_mention is None


def test_person_mention_preferred_in_subject() -> None:
    text = "وقال الأمين العام لحلف شمال الأطلسي مارك روته للصحافيين إن الحلف موحد."
    q = _only(
        _quotes(text, [("حلف شمال الأطلسي", "ORG", None), ("مارك روته", "PER", "الأمين العام")])
    )
    assert q.speaker == "الأمين العام لحلف شمال الأطلسي مارك روته"
    assert q.speaker_mention == 1


def test_unnamed_speakers_keep_text_without_mention() -> None:
    for subject in ("مسؤول دفاعي", "مصدر مطلع", "شهود عيان"):
        q = _only(_quotes(f"وقال {subject} إن الانفجار وقع قرب المطار.", []))
        assert (q.speaker, q.speaker_mention) == (subject, None)


def test_speaker_before_verb() -> None:
    q = _only(_quotes("وكان شهود من رويترز قالوا في وقت سابق إنه تم سماع دوي انفجارات."))
    assert q.speaker == "شهود من رويترز"


def test_quote_followed_by_attribution() -> None:
    q = _only(_quotes("“لن نسمح بتكرار ما حدث في المدينة”، قال قائد الشرطة للصحافيين."))
    assert (q.kind, q.speaker) == ("direct", "قائد الشرطة")


def test_ids_are_stable_and_distinct() -> None:
    text = "وقال الوزير إن الحوار ضروري. وأضاف أن الحل سياسي."
    first, second = _quotes(text), _quotes(text)
    assert [q.id for q in first] == [q.id for q in second]
    assert len({q.id for q in first}) == 2
    assert first[0].id == quote_id("a1", first[0].start, first[0].end)


def test_no_speech_no_quotes() -> None:
    assert _quotes("ارتفعت أسعار النفط اليوم بنسبة 3% في الأسواق العالمية.") == []
    assert _quotes("") == []


_ARABIC = st.text(
    alphabet=st.sampled_from(list('ابتثجحخدذرسشصضطظعغفقكلمنهويىءأإآةؤئ ،.:"“”«»\n0123456789')),
    max_size=200,
)


@settings(max_examples=200, deadline=None)
@given(_ARABIC)
def test_spans_always_index_the_text(text: str) -> None:
    doc = _doc(text)
    extract_quotes(doc)
    for q in doc.quotes:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert q.kind in ("direct", "indirect")


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(PATTERNS), st.sampled_from(["", "\u064e", "\u0651", "\u0640"]))
def test_diacritics_and_tatweel_do_not_change_matches(pattern: tuple[str, str], mark: str) -> None:
    text, speaker = pattern
    marked = "".join(c + mark if "\u0621" <= c <= "\u064a" else c for c in text)
    q = _only(_quotes(marked))
    assert q.kind == "indirect"
    assert [ch for ch in q.speaker or "" if ch not in mark] == list(speaker)


def test_coordinated_report_is_a_separate_quote() -> None:
    text = "وقال المبعوث إن التصريحات مرفوضة، وشدد على أن السلام يتطلب الحوار."
    quotes = _quotes(text)
    assert [q.text for q in quotes] == ["التصريحات مرفوضة", "السلام يتطلب الحوار"]
    assert {q.speaker for q in quotes} == {"المبعوث"}


def test_report_inside_a_report_stays_in_it() -> None:
    text = "وقالت السفارة إن السفير أكد للوزير أن العلاقات متينة."
    q = _only(_quotes(text))
    assert (q.speaker, q.text) == ("السفارة", "السفير أكد للوزير أن العلاقات متينة")


def test_participle_continues_the_sentence_speaker() -> None:
    text = (
        "وعلق الوزير السابق جون كيري على التصريحات قائلا: “هذه التعليقات خاطئة وبشعة وغير مقبولة”."
    )
    q = _only(_quotes(text))
    assert (q.kind, q.speaker) == ("direct", "الوزير السابق جون كيري")


def test_noun_content_after_governed_preposition() -> None:
    q = _only(_quotes("وأشارت رئيسة الوزراء إلى دور الصين في دعم روسيا."))
    assert (q.speaker, q.text) == ("رئيسة الوزراء", "دور الصين في دعم روسيا")


def test_negated_passive_and_formula_verbs_head_no_report() -> None:
    assert _quotes("وقالت الشبكة، نقلا عن مسؤولين لم تذكر أسماءهم، إن القرار نهائي.")[
        0
    ].speaker == ("الشبكة")
    assert _quotes("ويُعتقد أن التابوت يعود إلى الفترة البطلمية.") == []
    assert _quotes("واكتشف تمثال نصفي يُعتقد أنه لصاحب المقبرة.") == []
    assert _quotes("وقرر البلدان إقامة العلاقات وفقاً لأحكام اتفاقية فيينا لعام 1961.") == []


def test_time_adjunct_is_not_the_speaker() -> None:
    text = "وقال مفوض حقوق الإنسان الأسبوع الماضي إن لديه شكوكا قوية."
    assert _only(_quotes(text)).speaker == "مفوض حقوق الإنسان"


def test_following_attribution_only_in_same_sentence() -> None:
    text = (
        "وحكمت المحكمة بالسجن في حال قامت “بإعاقة عمل الجنود أو الاعتداء عليهم”. "
        "وحسب المحكمة، يمكن استبدال الغرامة بالحبس."
    )
    quotes = _quotes(text)
    assert [(q.kind, q.speaker) for q in quotes] == [("indirect", "المحكمة")]
    assert quotes[0].text == "يمكن استبدال الغرامة بالحبس"


def test_short_quote_after_recipient_is_not_speech() -> None:
    text = "وقال مصدر لـ“الوطن”، إن “إفادات المقبوض عليهم اختلفت في التحقيق”."
    q = _only(_quotes(text))
    assert q.kind == "direct" and q.text == "إفادات المقبوض عليهم اختلفت في التحقيق"
    assert q.speaker == "مصدر"


_MARKED = st.lists(
    st.tuples(
        st.sampled_from(['"', "“", "”", "«", "„"]),
        st.text(alphabet=st.sampled_from(list("ابتثجحخ دذ")), min_size=1, max_size=12),
        st.sampled_from(['"', "”", "“", "»"]),
    ),
    max_size=4,
)


@settings(max_examples=200, deadline=None)
@given(_MARKED, st.text(alphabet=st.sampled_from(list('ابت \n"“”«»')), max_size=60))
def test_quoted_spans_are_ordered_and_inside_marks(
    parts: list[tuple[str, str, str]], noise: str
) -> None:
    text = noise + " ".join(f"قال {o}{body.strip() or 'ن'}{c}" for o, body, c in parts)
    spans = find_quoted(text)
    for a, b in itertools.pairwise(spans):
        assert a.close < b.open
    for span in spans:
        assert text[span.open] in '"“”«„' and text[span.close] in '"“”»'
        assert "\n" not in text[span.open : span.close]
        assert span.start < span.end


def test_name_set_off_by_commas_joins_the_speaker() -> None:
    text = "بعد أن قال سفير سوريا في الأمم المتحدة، بشار الجعفري، أن فريقين سيصلان الخميس."
    q = _only(_quotes(text, [("بشار الجعفري", "PER", None)]))
    assert q.speaker == "سفير سوريا في الأمم المتحدة، بشار الجعفري"
    assert q.speaker_mention == 0
    assert q.text == "فريقين سيصلان الخميس"


def test_colon_then_complementiser_is_reported_speech() -> None:
    q = _only(_quotes("قالت السلطات التايوانية: إن الإعصار خلف ستة قتلى."))
    assert (q.kind, q.speaker, q.text) == ("indirect", "السلطات التايوانية", "الإعصار خلف ستة قتلى")


def test_quoted_paragraph_right_after_a_speaker_continues_it() -> None:
    text = (
        "وقال قائد الشرطة إن التحقيق بدأ.\n"
        "“لن نتهاون مع أي شخص يثبت تورطه في هذه الجريمة”.\n"
        "وشهدت المدينة هدوءا. وفتحت المحال أبوابها. وعادت الحركة إلى الشوارع.\n"
        "“الحياة تعود إلى طبيعتها في كل الأحياء تقريبا”."
    )
    quotes = _quotes(text)
    assert [(q.kind, q.speaker) for q in quotes] == [
        ("indirect", "قائد الشرطة"),
        ("direct", "قائد الشرطة"),
    ]


def test_participle_speaks_for_the_subject_named_in_its_sentence() -> None:
    text = "وأعلن رئيس اللجنة في مؤتمر منح 22 موافقة عن طريق النظام، مبينا أن النادي سبق."
    q = _only(_quotes(text))
    assert (q.speaker, q.text) == ("رئيس اللجنة", "النادي سبق")
