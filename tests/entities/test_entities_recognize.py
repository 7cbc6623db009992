"""recognize() on real paragraphs of the seed articles: names, types, roles, clitics."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.dates import extract_dates
from marsad.entities import link, recognize
from marsad.entities.recognize import clitic_length, drop_date_words, mentions_in
from marsad.entities.tagger import Tagger, get_tagger
from marsad.model import Article, Document, EntityType, Mention

# (seed file prefix, anchor phrase of the paragraph, [(mention text, type)])
EXPECTED = [
    (
        "000",
        "أدان حلف شمال الأطلسي",
        [
            ("حلف شمال الأطلسي", "ORG"),
            ("الناتو", "ORG"),
            ("روسيا", "LOC"),
            ("كوريا الشمالية", "LOC"),
            ("الولايات المتحدة", "LOC"),
            ("أوكرانيا", "LOC"),
        ],
    ),
    (
        "000",
        "وقد أكد الأمين العام",
        [("مارك روته", "PER"), ("كورسك", "LOC"), ("بيونغ يانغ", "LOC"), ("روسيا", "LOC")],
    ),
    ("000", "طالب الرئيس الأوكراني", [("فولوديمير زيلينسكي", "PER"), ("كوريا الشمالية", "LOC")]),
    ("000", "جو بايدن، قد وافقت", [("جو بايدن", "PER"), ("أوكرانيا", "LOC")]),
    (
        "001",
        "بين موسكو وبيونج يانج",
        [("موسكو", "LOC"), ("بيونج يانج", "LOC"), ("كيم جونج أون", "PER")],
    ),
    ("001", "التزام واشنطن", [("أنتوني بلينكين", "PER"), ("واشنطن", "LOC"), ("كييف", "LOC")]),
    ("003", "لويد أوستن", [("لويد أوستن", "PER"), ("كييف", "LOC")]),
    ("003", "دميتري بيسكوف", [("دميتري بيسكوف", "PER"), ("الكرملين", "ORG")]),
    (
        "004",
        "وزارة الدفاع الأميركية (البنتاغون) أمس",
        [("البنتاغون", "ORG"), ("الولايات المتحدة", "LOC"), ("أوكرانيا", "LOC")],
    ),
    ("004", "سابرينا سينغ", [("سابرينا سينغ", "PER"), ("البنتاغون", "ORG")]),
    ("004", "فوز دونالد ترمب", [("دونالد ترمب", "PER"), ("زيلينسكي", "PER")]),
]
ROLES = [
    ("000", "وقد أكد الأمين العام", "مارك روته", "الأمين العام لحلف الناتو"),
    ("000", "طالب الرئيس الأوكراني", "فولوديمير زيلينسكي", "الرئيس الأوكراني"),
    ("004", "سابرينا سينغ", "سابرينا سينغ", "المتحدثة باسم البنتاغون"),
    ("003", "لويد أوستن", "لويد أوستن", "وزير الدفاع الأميركي"),
    ("003", "دميتري بيسكوف", "دميتري بيسكوف", "المتحدث باسم الكرملين"),
    # A name the tagger knows nothing of, read from the title before it.
    ("003", "رستم عمروف", "رستم عمروف", "وزير الدفاع الأوكراني"),
]
# Whole seed articles: (file prefix, mention text, type) that must be found somewhere,
# the bare surname after the full name and a place's variant spelling among them.
IN_ARTICLE = [
    ("003", "روته", "PER"),
    ("003", "أوستن", "PER"),
    ("001", "بيونج يانج", "LOC"),
    ("002", "الناتو", "ORG"),
    ("004", "أورسولا فون دير لاين", "PER"),
    ("003", "خطة النصر", "MISC"),
    ("004", "المحيطين الهندي والهادي", "LOC"),
    # The news conventions: institutions, designations, known names.
    ("000", "وكالة الاستخبارات الكورية الجنوبية", "ORG"),
    ("003", "وزارة الدفاع الروسية", "ORG"),
    ("003", "وزارة الخارجية الكورية الجنوبية", "ORG"),
    ("004", "معهد دراسات الحرب الأميركي", "ORG"),
    ("004", "وكالة الصحافة الفرنسية", "ORG"),
    ("000", "إيه كيه-12", "MISC"),
    ("002", "إف-16", "MISC"),
    ("002", "باتريوت", "MISC"),
    ("003", "تليغرام", "ORG"),
    ("000", "البيت الأبيض", "ORG"),
    ("002", "البحر الأسود", "LOC"),
]
# (file prefix, mention text, type) that must never be produced in that article.
NOT_IN_ARTICLE = [
    ("001", "بيونج يانج", "PER"),
    ("003", "أوستن", "LOC"),
    ("002", "الناتو", "LOC"),
    ("000", "الناتو", "LOC"),
    ("004", "أورسولا فون", "PER"),
    ("004", "الهادي والأوروبي الأطلسي", "ORG"),
    ("004", "يورو", "MISC"),
    ("000", "البيت الأبيض", "MISC"),
]


def _paragraph(seeds: Path, prefix: str, anchor: str) -> str:
    path = next(seeds.glob(f"{prefix}_*.txt"))
    for line in path.read_text(encoding="utf-8").splitlines():
        if anchor in line:
            return line
    raise AssertionError(f"{anchor!r} not in {path.name}")


def test_seed_names_found_with_type(seeds_dir: Path) -> None:
    tagger = get_tagger()
    missed = []
    total = 0
    for prefix, anchor, wanted in EXPECTED:
        text = _paragraph(seeds_dir, prefix, anchor)
        found = {(m.text, m.type) for m in mentions_in(text, tagger)}
        for item in wanted:
            total += 1
            if item not in found:
                missed.append((prefix, item, sorted(found)))
    print(f"seed names: {total - len(missed)} of {total} found; missed {missed}")
    assert not missed


def _article_mentions(seeds: Path, prefix: str) -> set[tuple[str, str]]:
    text = next(seeds.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
    return {(m.text, m.type) for m in mentions_in(text, get_tagger())}


def test_whole_articles_propagate_and_agree(seeds_dir: Path) -> None:
    for prefix, name, kind in IN_ARTICLE:
        assert (name, kind) in _article_mentions(seeds_dir, prefix), (prefix, name)
    for prefix, name, kind in NOT_IN_ARTICLE:
        assert (name, kind) not in _article_mentions(seeds_dir, prefix), (prefix, name)


@pytest.mark.parametrize(("prefix", "anchor", "name", "role"), ROLES)
def test_roles(seeds_dir: Path, prefix: str, anchor: str, name: str, role: str) -> None:
    text = _paragraph(seeds_dir, prefix, anchor)
    roles = {m.text: m.role for m in mentions_in(text, get_tagger())}
    assert roles.get(name) == role


def test_seed_story_links_spelling_variants(seeds_dir: Path) -> None:
    docs = [
        Document(Article(id=p.stem, source=p.name, text=p.read_text(encoding="utf-8")))
        for p in sorted(seeds_dir.glob("*.txt"))
    ]
    for doc in docs:
        recognize(doc)
    entities = link(docs)
    by_alias = {a: e for e in entities for a in e.aliases}
    assert by_alias["ترامب"].id == by_alias["دونالد ترمب"].id
    assert by_alias["بيونغ يانغ"].id == by_alias["بيونج يانج"].id
    assert by_alias["الناتو"].id == by_alias["حلف شمال الأطلسي"].id
    assert by_alias["البنتاغون"].id == by_alias["وزارة الدفاع الأمريكية"].id
    assert by_alias["أورسولا فون دير لاين"].type == "PER"
    assert by_alias["خطة النصر"].type == "MISC"
    # "تحقيق النصر" (achieving victory) twice: no club.
    assert "النصر" not in by_alias
    assert by_alias["كوريا الشمالية"].id != by_alias["كوريا الجنوبية"].id
    assert by_alias["إف 16"].id == by_alias["إف-16"].id
    assert by_alias["الاتحاد الروسي"].id == by_alias["روسيا"].id
    assert by_alias["وزارة الدفاع الروسية"].id != by_alias["البنتاغون"].id
    assert len({m.article_id for m in by_alias["مارك روته"].mentions}) >= 2
    assert by_alias["زيلينسكي"].id == by_alias["فولوديمير زيلينسكي"].id
    assert "الأمين العام لحلف الناتو" in by_alias["مارك روته"].roles
    for doc in docs:
        assert all(m.entity_id for m in doc.mentions)


def test_offsets_point_into_article_and_clitics_are_stripped() -> None:
    text = "وقال الرئيس الروسي فلاديمير بوتين إن الدعم ولروسيا وبالناتو مستمر في موسكو."
    doc = Document(Article(id="x", source="x", text=text))
    recognize(doc)
    assert doc.mentions
    for m in doc.mentions:
        assert text[m.start : m.end] == m.text
        assert m.type in ("PER", "ORG", "LOC", "MISC")
    texts = {m.text: m for m in doc.mentions}
    assert "فلاديمير بوتين" in texts
    assert texts["فلاديمير بوتين"].role == "الرئيس الروسي"
    assert "روسيا" in texts and "ولروسيا" not in texts
    assert "موسكو" in texts
    assert "الروسي" not in texts


@pytest.mark.parametrize(
    ("word", "clitics"),
    [
        # "كاين" (Kane) and "كائن" (a creature) are not "ك" + "أين" (where).
        ("كاين", 0),
        ("كائن", 0),
        ("لكييف", 1),
        # The gazetteer's city "لاتر" is no reading of "بلاتر" (Blatter), which news
        # writes far more often; "وسلوفينيا", about as frequent as "سلوفينيا", is "و" +
        # the country.
        ("بلاتر", 0),
        ("وسلوفينيا", 1),
        # Both readings gazetteer names: "وجدة" (Oujda) is "و" + Jeddah, which news writes
        # far more often; "كسلا" (Kassala) is no "ك" + "سلا", never written.
        ("وجدة", 1),
        ("كسلا", 0),
        # A given name stays whole although the verb "يصل" is far more frequent in news.
        ("فيصل", 0),
        ("وفيصل", 1),
        # "ف" and "ك" seldom stand before a name: "كيري" (Kerry) is no "ك" + the frequent
        # verb "يرى"; before the article or a major place they are clitics.
        ("كيري", 0),
        ("فورد", 0),
        ("فالعراق", 1),
        ("كبريطانيا", 1),
        # A conjunction never follows a preposition: "لوبين" (Le Pen) is no "ل" + "وبين".
        ("لوبين", 0),
        # "كاليه" (Calais) is no "ك" + "إليه" (to him), a preposition with its pronoun.
        ("كاليه", 0),
        # A tatweel or a diacritic after the clitic goes with it ("لـمركز الملك سلمان" was
        # a name of its own 12 times on three SaudiNewsNet days).
        ("بـمصر", 2),
        ("وَلبنان", 2),
        # A word with tanween is a common word: "كفيفاً" (blind) is no "ك" + "فيفا" (FIFA).
        ("كفيفاً", 0),
        # The given name "علي" normalises like the preposition "على": written with ي it is
        # the name ("وعلي" 13 times a PER mention on three SaudiNewsNet days), with ى not.
        ("وعلي", 1),
        ("وعلى", 0),
        # Two letters left are a name only as a head or a particle: "لين" (Lynn) and
        # "واس" (the Saudi agency) stay whole; "بحي" (in the district) and "لآل" do not.
        ("لين", 0),
        ("واس", 0),
        ("بحي", 1),
        ("لآل", 1),
    ],
)
def test_a_clitic_never_leaves_a_function_word_or_cuts_a_name(word: str, clitics: int) -> None:
    assert clitic_length(get_tagger(), word) == clitics


def test_two_letters_left_may_open_a_gazetteer_name() -> None:
    assert clitic_length(get_tagger(), "وتل", "أبيب") == 1
    assert clitic_length(get_tagger(), "وست", "هام") == 0


class _Fixed:
    """The shipped tagger's resources, with tags given by the test."""

    def __init__(self, tags: list[list[str]]) -> None:
        self.resources = get_tagger().resources
        self.tags = tags

    def tag_document(self, words: list[list[str]]) -> list[list[str]]:
        return self.tags


@pytest.mark.parametrize(
    ("word", "tail", "clitics"),
    [
        # SaudiNewsNet and ANT: inside quotes a frequent word left is no reason to cut.
        ("بريكس", "", 0),
        ("وام", "", 0),
        ("ووري", "بنك", 0),
        ("ويندي", "", 0),
        # A known name, a major place or a word that opens names still loses its clitic.
        ("للفيفا", "", 2),
        ("بإسرائيل", "", 1),
        ("وأميركا", "", 1),
        ("بتنظيم", "داعش", 1),
        ("باتفاقية", "جامايكا", 1),
    ],
)
def test_quotes_close_in_on_a_name(word: str, tail: str, clitics: int) -> None:
    assert clitic_length(get_tagger(), word, tail, quoted=True) == clitics


def test_quotes_count_only_against_the_name() -> None:
    # ANT: the closing mark of one quote and the opening mark of the next ("وكاميرات" in
    # place of its "وأبراج": towers alone are no entity, not_news_entities.tsv). Quoted,
    # the word would keep its "و".
    text = 'قال إن "بريكس" تتوسع، وبأسلاك " حرارية " وكاميرات "مراقبة"'
    fixed = _Fixed(
        [["O", "O", "O", "B-ORG", "O", "O", "O", "O", "O", "O", "O", "B-ORG", "O", "O", "O"]]
    )
    found = [m.text for m in mentions_in(text, fixed)]  # type: ignore[arg-type]
    assert found == ["بريكس", "كاميرات"]


def test_a_function_word_tagged_as_a_name_is_no_mention() -> None:
    text = "قال علي إنه لا يعرف له على الأقل والله"
    tags = [["O", "B-PERS", "B-LOC", "B-MISC", "O", "B-MISC", "B-PERS", "O", "B-MISC"]]
    found = [m.text for m in mentions_in(text, cast(Tagger, _Fixed(tags)))]
    # "على" (on) is spelled like the name "علي" once normalised, but written with alef
    # maqsura in an article of standard spelling it is the preposition.
    # "الله" is tagged as ANERcorp does, but is no entity a news reader follows.
    assert found == ["علي"]
    # A conjunction and a function word: "so where?" (SaudiNewsNet 2015-07-22); the FAO
    # ("فاو", "ف" + "أو") and "and Ali" stay names.
    text = "فأين الحقوق وأين فاو وعلي"
    tags = [["B-PERS", "O", "B-PERS", "B-ORG", "B-PERS"]]
    found = [m.text for m in mentions_in(text, cast(Tagger, _Fixed(tags)))]
    assert found == ["فاو", "علي"]


def test_a_head_left_alone_after_its_title_is_no_mention() -> None:
    # SaudiNewsNet 2015-08-10: "أمين مجلس التنمية" tagged a person, "مجلس" spread from it.
    text = "وقال أمين مجلس التنمية إن قرار مجلس الوزراء صدر"
    tags = [["O", "B-PERS", "I-PERS", "O", "O", "O", "B-PERS", "O", "O"]]
    assert mentions_in(text, cast(Tagger, _Fixed(tags))) == []


def test_holy_mosques_are_places_and_the_sacred_alone_no_name() -> None:
    # ANERcorp tags "الحرام" ORG after "المسجد"; the tagger did so 30 times on a
    # SaudiNewsNet day (2015-08-10), 18 of them in "بيت الله الحرام" (pilgrims' formula).
    text = "أعلنت الرئاسة العامة لشؤون المسجد الحرام والمسجد النبوي خطة لخدمة ضيوف بيت الله الحرام"
    found = [(m.text, m.type) for m in mentions_in(text, get_tagger())]
    assert found == [("المسجد الحرام", "LOC"), ("المسجد النبوي", "LOC")]
    # With its epithet the name is whole, over the tagger's "الحرام الشريف" (ORG), which
    # had left "الشريف" to be spread as the surname across a day's articles.
    text = "في جنبات المسجد الحرام الشريف أمس"
    assert [(m.text, m.type) for m in mentions_in(text, get_tagger())] == [
        ("المسجد الحرام الشريف", "LOC")
    ]


def test_saudi_after_a_noun_is_no_country_and_the_airline_an_organisation() -> None:
    text = "كشف مدير الخطوط السعودية أن الهيئة السعودية للمهندسين ستزور السعودية الشهر المقبل"
    found = [(m.start, m.text, m.type) for m in mentions_in(text, get_tagger())]
    # The country is the last "السعودية", not the adjective after "الهيئة". The council
    # itself is a name; the teacher-trained model tags it but runs it on over the verb
    # ("... للمهندسين ستزور", docs/entities.md), so what it does there is not asserted.
    adjective = text.index("السعودية", text.index("الهيئة"))
    assert found[0] == (text.index("الخطوط"), "الخطوط السعودية", "ORG")
    assert found[-1] == (text.rindex("السعودية"), "السعودية", "LOC")
    assert not any(start == adjective or kind == "LOC" for start, _, kind in found[1:-1])


def test_dashes_and_tatweels_end_no_name() -> None:
    # SaudiNewsNet: "الملك سلمان ... آل سعود ــ حفظه الله ــ", "الملك فيصل - رحمه الله -".
    text = "قال الرئيس كنيدي ــ قبل ذلك - أمس"
    tags = [["O", "O", "B-PERS", "I-PERS", "O", "O", "B-PERS", "O"]]
    found = [m.text for m in mentions_in(text, cast(Tagger, _Fixed(tags)))]
    assert found == ["كنيدي"]


def test_borrowed_common_nouns_and_currency_subunits_are_no_mentions() -> None:
    text = "سقطت قذائف هاون وقالت ميليشيا الحوثي إن السعر 80 هللة"
    tags = [["O", "O", "B-MISC", "O", "B-MISC", "B-PERS", "O", "O", "O", "B-MISC"]]
    found = [m.text for m in mentions_in(text, cast(Tagger, _Fixed(tags)))]
    assert found == ["الحوثي"]


def test_adjectives_of_places_are_not_places() -> None:
    text = "أعلنت القوات الروسية والأوكرانية أن الجيش الروسي تقدم في أوكرانيا."
    found = {m.text for m in mentions_in(text, get_tagger())}
    assert not found & {"الروسية", "الأوكرانية", "الروسي", "والأوكرانية"}


WORDS = [
    "وقال",
    "الرئيس",
    "الأمريكي",
    "جو",
    "بايدن",
    "إن",
    "ولروسيا",
    "في",
    "موسكو",
    "وزير",
    "الخارجية",
    "سيرغي",
    "لافروف",
    "،",
    ".",
    "(",
    ")",
    "الناتو",
    "لحلف",
    "كوريا",
    "الشمالية",
    "بيونغ",
    "يانغ",
    "\u200f",
    "2024",
    "\n",
    "المتحدثة",
    "باسم",
]


@given(st.lists(st.sampled_from(WORDS), max_size=40), st.sampled_from([" ", "  ", "\u00a0"]))
@settings(max_examples=60, deadline=None)
def test_mentions_are_exact_substrings(words: list[str], sep: str) -> None:
    text = sep.join(words)
    for m in mentions_in(text, get_tagger()):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text == m.text.strip()
        if m.role is not None:
            assert m.type == "PER" and m.role in text and m.role == m.role.strip()


@given(st.text(alphabet="وبلكفالنتيرسمعدحقشغهة", min_size=1, max_size=12))
def test_clitic_length_leaves_a_word(word: str) -> None:
    n = clitic_length(get_tagger(), word)
    assert n == 0 or 2 <= len(word) - n < len(word)
    assert all(c in "وفبلك" for c in word[:n])


def test_a_figure_tagged_as_a_name_is_no_mention() -> None:
    # SaudiNewsNet 2015-08-02: the figure in brackets became an alias of the region.
    text = "منطقة نجران (45.610.358) ريالا."
    tags = [["O", "B-LOC", "B-LOC", "I-LOC", "I-LOC", "O", "O"]]
    found = [m.text for m in mentions_in(text, cast(Tagger, _Fixed(tags)))]
    assert found == ["نجران"]


def test_a_month_inside_a_date_is_no_name_and_the_date_reaches_the_timeline() -> None:
    # SaudiNewsNet 2015-08-02: the tagger typed the Levantine month "نيسان" ORG (Nissan).
    text = "ارتفع الناتج الصيني بمعدل 7 في المائة بين نيسان (أبريل) وحزيران (يونيو) بزيادة."
    assert "نيسان" in [m.text for m in mentions_in(text, get_tagger())]
    doc = Document(Article(id="a1", source="test", text=text, published="2015-08-02"))
    recognize(doc)
    extract_dates(doc)
    assert not {"نيسان", "أبريل"} & {m.text for m in doc.mentions}
    assert [d.value for d in doc.dates] == ["2015-04", "2015-06"]


def test_a_name_longer_than_the_date_in_it_stays_a_name() -> None:
    text = "قال محمد الخميس إن شركة نيسان افتتحت مصنعا الخميس الماضي."
    day = text.rindex("الخميس")
    mentions = [
        Mention(text.index(n), text.index(n) + len(n), n, cast(EntityType, t))
        for n, t in (("محمد الخميس", "PER"), ("نيسان", "ORG"))
    ]
    # A weekday the tagger took for a name, inside the date "الخميس الماضي".
    mentions.append(Mention(day, day + len("الخميس"), "الخميس", "PER"))
    kept = drop_date_words(text, mentions, "2015-08-02")
    assert [m.text for m in kept] == ["محمد الخميس", "نيسان"]


_TAG_IN_CHILD = """
import json, sys
from marsad.entities.recognize import mentions_in
from marsad.entities.tagger import get_tagger
found = mentions_in(sys.stdin.read(), get_tagger())
print(json.dumps([(m.start, m.end, m.type) for m in found]))
"""


def test_recognition_is_the_same_in_every_process(shared_dir: Path) -> None:
    """Python orders sets by a hash seed that changes per process. The rules once read a
    sentence's chunks from a set, and which of two "الاتحاد الكويتي" (one tagged a place,
    one an organisation) came first decided the name's type over the article: this
    SaudiNewsNet article (2015-08-06, alriyadh.com/1070600) changed between runs."""
    with zipfile.ZipFile(shared_dir / "data" / "saudinewsnet" / "2015-08-06.zip") as z:
        text = json.loads(z.read("2015-08-06.json"))[1695]["content"]
    runs = {
        subprocess.run(
            [sys.executable, "-c", _TAG_IN_CHILD],
            input=text,
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("5", "7", "8", "11")
    }
    assert len(runs) == 1
