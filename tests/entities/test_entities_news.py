"""News conventions after the ANERcorp rules: known names, institutions, designations,
currencies."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.entities.conlleval import spans
from marsad.entities.news import (
    apply_conventions,
    drop_common_misc,
    is_currency,
    is_place_adjective,
    tag_designations,
    tag_facilities,
    tag_institutions,
    tag_known_names,
    tag_quoted_short_names,
)
from marsad.entities.recognize import mentions_in
from marsad.entities.refine import LETTER_NAMES, WORD_LETTER_NAMES
from marsad.entities.tagger import get_tagger
from marsad.text import normalize, tokenize

NAMES = get_tagger().resources.names


def _words(text: str) -> list[str]:
    return [t.text for t in tokenize(text)]


Rule = Callable[[list[list[str]], list[list[str]]], None]


def _found(rule_output: list[str], words: list[str]) -> set[tuple[str, str]]:
    return {(" ".join(words[a:b]), kind) for a, b, kind in spans(rule_output)}


def _tagged(
    rule: Callable[[list[list[str]], list[list[str]]], None], text: str
) -> set[tuple[str, str]]:
    """Spans a rule finds in an untagged sentence."""
    words = _words(text)
    tags = [["O"] * len(words)]
    rule([words], tags)
    return _found(tags[0], words)


def _institutions(sentences: list[list[str]], tags: list[list[str]]) -> None:
    tag_institutions(sentences, tags, NAMES)


def test_known_names_tagged_with_clitic_and_retyped() -> None:
    words = _words("وقال على تطبيق تليغرام وفيسبوك إن سفناً عبرت البحر الأسود")
    tags = [["O"] * len(words)]
    tag_known_names([words], tags)
    assert _found(tags[0], words) == {
        ("تليغرام", "ORG"),
        ("وفيسبوك", "ORG"),
        ("البحر الأسود", "LOC"),
    }
    words = _words("تستعد الإدارة لمغادرة البيت الأبيض")
    tags = [["O", "O", "O", "B-MISC", "I-MISC"]]
    tag_known_names([words], tags)
    assert tags[0][3:] == ["B-ORG", "I-ORG"]


def test_known_names_leave_adjectives_papers_and_persons() -> None:
    # "السعودية" after a definite noun is the adjective "Saudi".
    for text in ("تواصل الصحف السعودية نشر الخبر", "بشأن انقطاع والشركة السعودية للكهرباء"):
        words = _words(text)
        tags = [["O"] * len(words)]
        tag_known_names([words], tags)
        assert tags[0] == ["O"] * len(words), text
    # A place the tagger typed whole as an organisation is the daily of that name.
    words = _words("وقال لـ « الشرق الأوسط » إن")
    tags = [["O", "O", "O", "B-ORG", "I-ORG", "O", "O"]]
    tag_known_names([words], tags)
    assert tags[0][3:5] == ["B-ORG", "I-ORG"]
    # A person named like a weapon stays a person.
    words = _words("قال إليوت أبرامز")
    tags = [["O", "B-PERS", "I-PERS"]]
    tag_known_names([words], tags)
    assert tags[0] == ["O", "B-PERS", "I-PERS"]


FOUND = [
    (_institutions, "قالت وزارة الدفاع الروسية اليوم", "وزارة الدفاع الروسية", "ORG"),
    (
        _institutions,
        "وبحسب وكالة الاستخبارات الكورية الجنوبية ، فقد",
        "وكالة الاستخبارات الكورية الجنوبية",
        "ORG",
    ),
    (
        _institutions,
        "استناداً إلى بيانات معهد دراسات الحرب الأميركي .",
        "معهد دراسات الحرب الأميركي",
        "ORG",
    ),
    (_institutions, "في تصريح لوكالة الأنباء السعودية عن", "لوكالة الأنباء السعودية", "ORG"),
    (
        _institutions,
        "ألزمت مؤسسة النقد العربي السعودي البنوك",
        "مؤسسة النقد العربي السعودي",
        "ORG",
    ),
    (_institutions, "كتب ضابط في مكتب التحقيقات الاتحادي أنه", "مكتب التحقيقات الاتحادي", "ORG"),
    (_institutions, "وقالت منظمة العفو الدولية إن", "منظمة العفو الدولية", "ORG"),
    (tag_designations, "صيانة طائرات إف-16 المقاتلة", "إف-16", "MISC"),
    (tag_designations, "تسليم مقاتلات إف 16 لكييف", "إف 16", "MISC"),
    (tag_designations, "بنادق إيه كيه-12 وقذائف", "إيه كيه-12", "MISC"),
    (tag_designations, "طائرات من نوع ميغ 31", "ميغ 31", "MISC"),
]


@pytest.mark.parametrize(("rule", "text", "name", "kind"), FOUND)
def test_institutions_and_designations(rule: Rule, text: str, name: str, kind: str) -> None:
    assert _tagged(rule, text) == {(name, kind)}


def test_institution_without_place_adjective_is_left() -> None:
    for text in (
        "قالت وزارة الدفاع اليوم",
        "بقيادة اليوناني تسيبراس",
        "وكالة الأنباء الرسمية",
        # "الاتحاد" heads "الاتحاد السوفيتي" but is a common noun (the federation).
        "بعد اجتماع مجلس إدارة الاتحاد لم يصدر بيان",
    ):
        assert not _tagged(_institutions, text), text


def test_an_organisation_cut_before_its_place_adjective_runs_on_to_it() -> None:
    # Seed 004: the tagger ended the institute before "الأميركي".
    words = _words("بيانات معهد دراسات الحرب الأميركي اليوم")
    tags = [["O", "B-ORG", "I-ORG", "I-ORG", "O", "O"]]
    _institutions([words], tags)
    assert _found(tags[0], words) == {("معهد دراسات الحرب الأميركي", "ORG")}
    # A person inside, or a span running on past the adjective, is left as it is.
    for tag in (
        ["O", "B-ORG", "B-PERS", "I-PERS", "O", "O"],
        ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG"],
        ["O", "B-LOC", "I-LOC", "I-LOC", "O", "O"],
    ):
        tags = [list(tag)]
        _institutions([words], tags)
        assert tags[0] == tag


def test_a_hyphened_designation_typed_an_organisation_is_a_model() -> None:
    # Seed 000: "إيه كيه-12" (the rifle) typed ORG by the tagger as one span.
    words = _words("بنادق إيه كيه-12 وقذائف")
    tags = [["O", "B-ORG", "I-ORG", "O"]]
    tag_designations([words], tags)
    assert tags[0] == ["O", "B-MISC", "I-MISC", "O"]


def test_an_acronym_with_a_year_is_no_designation() -> None:
    words = _words("والفائز بجائزة بي بي سي 2016 للموسيقيين")
    tags = [["O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O"]]
    tag_designations([words], tags)
    assert tags[0] == ["O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O"]


def test_an_organisation_with_a_model_number_is_a_designation() -> None:
    # SaudiNewsNet 2015-08-06: the wing found on Reunion, typed ORG 15 times that day.
    for text, tag in (
        ("جزء من طائرة بوينغ 777 عثر", ["O", "O", "O", "B-ORG", "I-ORG", "O"]),
        ("جزء من طائرة بوينغ 777 عثر", ["O", "O", "O", "B-ORG", "O", "O"]),
        ("من طراز إيرباص 320 التابعة", ["O", "O", "B-ORG", "O", "O"]),
    ):
        tags = [list(tag)]
        tag_designations([_words(text)], tags)
        assert [t[2:] for t in tags[0] if t != "O"] == ["MISC", "MISC"], text
    # A channel's number, a year and a count after an organisation are no model
    # (SaudiNewsNet 2015-07-22: "للفيفا 209 اتحادات", FIFA's 209 federations).
    for text, tag in (
        ("قالت قناة فرانس 24 إن", ["O", "O", "B-ORG", "I-ORG", "O"]),
        ("موسم الهلال 2015 كان", ["O", "B-ORG", "O", "O"]),
        ("العمومية للفيفا 209 اتحادات", ["O", "B-ORG", "O", "O"]),
        ("أرباح بوينغ 2015 كانت", ["O", "B-ORG", "O", "O"]),
    ):
        tags = [list(tag)]
        tag_designations([_words(text)], tags)
        assert tags[0] == tag, text


def test_letters_and_a_number_the_tagger_took_for_a_person_are_a_designation() -> None:
    # SaudiNewsNet 2015-08-06: flight MH370, typed a person 13 times that day. "إم" is also
    # "أم" (or, mother): a letter only where the tagger joined it to the letters after it.
    for text, tag, want in (
        (
            "بالرحلة ( ام اتش 370 ) بعد",
            ["O", "O", "B-PERS", "I-PERS", "I-PERS", "O", "O"],
            ["O", "O", "B-MISC", "I-MISC", "I-MISC", "O", "O"],
        ),
        (
            "الرحلة إم إتش 370 .",
            ["O", "O", "B-PERS", "I-PERS", "O"],
            ["O", "O", "B-MISC", "I-MISC", "O"],
        ),
        ("الرحلة إم إتش 370 .", ["O", "O", "O", "O", "O"], ["O", "O", "B-MISC", "I-MISC", "O"]),
    ):
        tags = [list(tag)]
        tag_designations([_words(text)], tags)
        assert tags[0] == want, text
    # A person whose name goes on past the letters is left.
    tags = [["B-PERS", "I-PERS", "I-PERS", "I-PERS"]]
    tag_designations([_words("جون إتش 370 سميث")], tags)
    assert tags[0] == ["B-PERS", "I-PERS", "I-PERS", "I-PERS"]


def test_numbers_after_arabic_words_are_no_designation() -> None:
    for text in ("في 16 أكتوبر", "الـ 50 عاماً", "لمدة موسمين ، أي 1 , 5 مليون", "أم 3 أطفال"):
        assert not _tagged(tag_designations, text), text


def test_place_adjectives() -> None:
    for word in ("الروسية", "الأميركي", "الأمريكية", "الكورية", "الفرنسي", "السعودي", "سعودية"):
        assert is_place_adjective(normalize(word), NAMES), word
    # A place's own name is no adjective, with a clitic too.
    for word in ("الدولي", "الجنوبية", "الاقتصادية", "الرسمية", "السعودية", "والسعودية"):
        assert not is_place_adjective(normalize(word), NAMES), word


def test_places_and_institutions_named_after_a_titled_person() -> None:
    cases = [
        (
            "حريق على طريق الملك عبدالله في الخرج",
            [0, 0, 0, 0, 1, 0, 0],
            "طريق الملك عبدالله",
            "LOC",
        ),
        (
            "أعلنت المديرية لكلية الملك فهد الأمنية ،",
            [0, 0, 0, 0, 1, 0, 0],
            "لكلية الملك فهد الأمنية",
            "ORG",
        ),
        # A person span run on into "وعدد" is cut there.
        ("عبر ميناء الملك عبدالله وعدد حاويات", [0, 0, 0, 1, 2, 0], "ميناء الملك عبدالله", "LOC"),
        ("برج في مستشفى الملك فهد بجدة بسعة", [0, 0, 0, 0, 1, 2, 0], "مستشفى الملك فهد", "ORG"),
        # Cities and areas too: on three SaudiNewsNet days 121 person mentions stood after
        # "مدينة"/"منطقة" and a title.
        (
            "المباراة في مدينة الملك عبدالله الرياضية بجدة",
            [0, 0, 0, 0, 1, 0, 0],
            "مدينة الملك عبدالله الرياضية",
            "LOC",
        ),
        (
            "احتلال التنظيم لمدينة الشيخ زويد في سيناء",
            [0, 0, 0, 0, 1, 0, 0],
            "لمدينة الشيخ زويد",
            "LOC",
        ),
    ]
    labels = ("O", "B-PERS", "I-PERS", "B-ORG", "I-ORG")
    # The tagger's own spans over head and title, or over title and name, are joined.
    cases += [
        ("أستاذ بجامعة الملك عبدالعزيز ،", [0, 3, 4, 1, 0], "بجامعة الملك عبدالعزيز", "ORG"),
        ("ينفذ مركز الملك سلمان للإغاثة", [0, 0, 3, 4, 0], "مركز الملك سلمان", "ORG"),
    ]
    for text, before, name, kind in cases:
        words = _words(text)
        tags = [[labels[k] for k in before]]
        tag_facilities([words], tags, NAMES)
        assert _found(tags[0], words) == {(name, kind)}, text
    # A titled person without a head, or a head without a title, stays a person.
    for text, before in (("وقال الملك سلمان إن", [0, 0, 0, 1, 0]), ("مستشفى سعد العلي", [0, 1, 2])):
        words = _words(text)
        tags = [[labels[k] for k in before]]
        tag_facilities([words], tags, NAMES)
        assert tags[0] == [labels[k] for k in before], text


def test_one_word_misc_with_the_article_is_dropped_unless_known() -> None:
    cases = [
        ("ضد الإسلام والمسلمين", [0, 1, 0], [0, 0, 0]),
        ("في موضوع اليورانيوم المخصب", [0, 0, 1, 0], [0, 0, 0, 0]),
        # Known names, names without the article, longer spans and the hamza of ألمانيا stay.
        ("مقاعد المونديال الروسي", [0, 1, 0], [0, 1, 0]),
        ("الرشاش كلاشنيكوف", [0, 1], [0, 1]),
        ("عملية السهم الذهبي", [0, 1, 2], [0, 1, 2]),
        ("من ألمانيا", [0, 1], [0, 1]),
    ]
    labels = ("O", "B-MISC", "I-MISC")
    for text, before, after in cases:
        words = _words(text)
        tags = [[labels[k] for k in before]]
        drop_common_misc([words], tags)
        assert tags[0] == [labels[k] for k in after], text


def test_currencies() -> None:
    for text in ("ريال", "دولار", "الدولار الأمريكي", "الجنيه الإسترليني", "اليورو"):
        assert is_currency(normalize(text)), text
    for text in ("ريال مدريد", "روسيا", "دولار هونغ كونغ"):
        assert not is_currency(normalize(text)), text


@given(st.text(max_size=30))
def test_is_currency_takes_any_text(text: str) -> None:
    assert is_currency(normalize(text)) in (True, False)


def test_mentions_in_drops_currencies_and_finds_institutions() -> None:
    text = (
        "وقالت وزارة الدفاع الروسية إن الصفقة بلغت 63 مليون يورو و20 مليون دولار "
        "لصيانة طائرات إف-16 وأنظمة باتريوت."
    )
    found = {(m.text, m.type) for m in mentions_in(text, get_tagger())}
    assert ("وزارة الدفاع الروسية", "ORG") in found
    assert ("إف-16", "MISC") in found
    assert ("باتريوت", "MISC") in found
    assert not {name for name, _ in found} & {"يورو", "دولار"}


_LABELS = ("O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")
_WORDS = (
    "وزارة",
    "الدفاع",
    "الروسية",
    "إف",
    "16",
    "إف-16",
    "البيت",
    "الأبيض",
    "تليغرام",
    "قال",
    "،",
    "سي",
    "إن",
)


@given(
    st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_LABELS)), max_size=12),
)
def test_conventions_touch_no_person_but_a_facility_a_quoted_short_name_or_a_designation(
    pairs: list[tuple[str, str]],
) -> None:
    """Over words that open no facility ("مستشفى الملك فهد") and hold no quote ('وكالة
    ... "فرونتكس"'), the three rules that retype a person span. Only a person made of
    letter names and numbers alone is retyped (a designation)."""
    words = [w for w, _ in pairs]
    tags = [t for _, t in pairs]
    out = [list(tags)]
    apply_conventions([words], out, NAMES)
    before = {s for s in spans(tags) if s[2] == "PERS"}
    after = {s for s in spans(out[0]) if s[2] == "PERS"}
    assert after <= before
    letters = LETTER_NAMES | WORD_LETTER_NAMES
    for a, b, _ in before - after:
        assert all(normalize(w).split("-")[0] in letters or w.isdigit() for w in words[a:b])
    assert len(out[0]) == len(tags)


def _short_names(sentences: list[str], tagged: list[tuple[str, str]]) -> set[tuple[str, str]]:
    """Spans after ``tag_quoted_short_names``, given the spans the tagger had found."""
    words = [_words(text) for text in sentences]
    tags = [["O"] * len(w) for w in words]
    for name, kind in tagged:
        n = len(name.split())
        s, at = next(
            (s, i)
            for s, sentence in enumerate(words)
            for i in range(len(sentence))
            if " ".join(sentence[i : i + n]) == name
        )
        tags[s][at : at + n] = [f"B-{kind}"] + [f"I-{kind}"] * (n - 1)
    tag_quoted_short_names(words, tags)
    return {f for sentence, tag in zip(words, tags, strict=True) for f in _found(tag, sentence)}


@pytest.mark.parametrize(
    ("text", "short", "kind_before"),
    [
        # ANT: the short names of agencies, which the tagger left out or typed otherwise.
        ('وذكرت وكالة الأنباء الإماراتية "وام"، أن', "وام", None),
        ('وقالت وكالة حماية الحدود الأوروبية "فرونتكس" إن', "فرونتكس", "PERS"),
        ('وأفاد مكتب إحصاءات الاتحاد الأوروبي "يوروستات"، الخميس', "يوروستات", "MISC"),
        ("وذكرت وكالة الأنباء الأردنية «بترا» أن", "بترا", "LOC"),
        ('وقال الاتحاد الأوروبي لكرة القدم "يويفا" إن', "يويفا", "MISC"),
    ],
)
def test_one_quoted_word_after_an_institution_is_its_short_name(
    text: str, short: str, kind_before: str | None
) -> None:
    outer = text.split(" ", 1)[1].split(' "')[0].split(" «")[0]
    tagged = [(outer, "ORG")] + ([(short, kind_before)] if kind_before else [])
    assert _short_names([text], tagged) == {(outer, "ORG"), (short, "ORG")}


def test_a_short_name_is_the_organisation_quoted_or_tagged_elsewhere_in_the_article() -> None:
    sentences = [
        'وذكرت وكالة الأنباء الإماراتية "وام" أن',
        'كما نقلت "وام" عن العقيد',
        "وأضافت وام أن",
        "وقالت بوام مصادر",
    ]
    found = _short_names(sentences, [("وكالة الأنباء الإماراتية", "ORG"), ("بوام", "LOC")])
    # Bare and untagged it is left: "تداول", the Saudi exchange, is also "trading".
    assert found == {("وكالة الأنباء الإماراتية", "ORG"), ("وام", "ORG"), ("بوام", "ORG")}


@pytest.mark.parametrize(
    ("text", "outer"),
    [
        # SaudiNewsNet 2015-08-06: an adjective with the article; a car maker's model.
        ('ضد حزب العمال الكردستاني "المتطرف" الذي', "حزب العمال الكردستاني"),
        ('وطرحت بورشه "كاين" الجديدة', "بورشه"),
        # ANT: a verb after a span the tagger ran on.
        ('وقالت الوكالة إن نازيك "اعترف" بأنه', "الوكالة إن نازيك"),
        # SaudiNewsNet 2015-08-06: between two quotes, not inside one.
        ("«مركز خدمة المنورة» وكذلك «حدائق المنورة الصناعية»", "مركز خدمة المنورة"),
        ('"مركز خدمة المنورة" وكذلك "حدائق المنورة الصناعية"', "مركز خدمة المنورة"),
        # SaudiNewsNet 2015-07-22: the quoted word is the genitive that completes the name.
        ('باشر بنك التنمية لدول "بريكس" عمله', "بنك التنمية لدول"),
    ],
)
def test_a_quoted_word_that_is_no_short_name_is_left(text: str, outer: str) -> None:
    assert _short_names([text], [(outer, "ORG")]) == {(outer, "ORG")}
