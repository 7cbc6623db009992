"""Pinned real articles from ANT and SaudiNewsNet: what must go and what must stay."""

from __future__ import annotations

from marsad.clean import clean
from marsad.model import Article, RawDocument


def one(raw: RawDocument) -> Article:
    articles = clean(raw)
    assert len(articles) == 1, [a.title for a in articles]
    return articles[0]


def test_bbc_inline_read_also_links(ant_bbc_cnn_fr: dict[str, RawDocument]) -> None:
    art = one(ant_bbc_cnn_fr["BB-culture-70-20180311"])
    assert "اقرأ أيضا" not in art.text
    assert "أول من يحصل على 100 مليون متابع" not in art.text
    assert "باعت متابعين وهميين" not in art.text
    assert "واتفقت بيري على شراء الدير مقابل 14.5 مليون دولار" in art.text
    assert "وحكم لصالح بيري والكنيسة الكاثوليكية" in art.text
    assert len(art.text.split("\n")) == 13
    assert art.title is not None and art.title.startswith("وفاة راهبة")


def test_bbc_read_also_list_in_the_middle(ant_bbc_cnn_fr: dict[str, RawDocument]) -> None:
    art = one(ant_bbc_cnn_fr["BB-internationalNews-430-20180428"])
    for link in ("أزمة كوريا الشمالية في سطور", "مدير سي آي إيه اجتمع سرا مع زعيم كوريا الشمالية"):
        assert link not in art.text
    assert "وعلى سبيل المثال، ثقة كيم العالية بنفسه" in art.text
    assert "وقد يرى المتشككون ذلك بمثابة انتصار دعائي" in art.text
    assert "كما أن أحداث يوم 27 من أبريل/نيسان" in art.text


def test_bbc_app_promo_and_separator(ant_bbc_cnn_fr: dict[str, RawDocument]) -> None:
    art = one(ant_bbc_cnn_fr["BB-internationalNews-1053-20180904"])
    assert "يمكنكم استلام إشعارات" not in art.text
    assert "-----" not in art.text
    assert art.text.endswith("كان قد فاز بها في مسابقة عام 1940.")
    assert art.text.startswith("عثرت السلطات الأمريكية على زوج حذاء الممثلة")


def test_cnn_single_link_then_article_goes_on(ant_bbc_cnn_fr: dict[str, RawDocument]) -> None:
    art = one(ant_bbc_cnn_fr["CN-middleEast-1451-20181009"])
    assert "ماذا قال بومبيو بشأن" not in art.text
    assert "قد يعجبك" not in art.text
    assert "وعبر الرئيس الأمريكي، دونالد ترامب، الإثنين، عن قلقه" in art.text
    assert "وتزامنت تصريحات ترامب مع إنكار شديد" in art.text


def test_cnn_inline_may_interest_you_links(ant_bbc_cnn_fr: dict[str, RawDocument]) -> None:
    art = one(ant_bbc_cnn_fr["CN-middleEast-1471-20181010"])
    assert "قد يهمك" not in art.text
    assert "البيت الأبيض يعلن عن تواصل مع محمد بن سلمان" not in art.text
    assert "وسبق أن ناقش مساعد مدير قسم العمليات الدولية" in art.text
    assert "ورغم السماح لوكلاء مكتب التحقيقات الفيدرالي" in art.text
    assert "وتواصلت CNN مع القنصلية السعودية في اسطنبول" in art.text


def test_france24_more_link_and_agency_credit(ant_bbc_cnn_fr: dict[str, RawDocument]) -> None:
    art = one(ant_bbc_cnn_fr["FR-middleEast-408-20180506"])
    assert art.agencies == ["AFP", "Reuters"]
    assert art.outlet == "france24"
    assert "للمزيد" not in art.text and "فرانس24" not in art.text
    assert "يتنافس 597 مرشحاً بينهم 86 امرأة" in art.text
    assert art.text.split("\n")[-1].startswith("وقال الرئيس اللبناني ميشال عون")
    assert "(04,00 ت غ)" in art.text


def test_france24_tablet_notice(ant_bbc_cnn_fr: dict[str, RawDocument]) -> None:
    art = one(ant_bbc_cnn_fr["FR-internationalNews-2054-20180628"])
    assert "اضغط هنا" not in art.text
    assert art.text.startswith("يسعى المنتخب التونسي إلى تحقيق فوزه الأول")
    assert "\n" not in art.text


def test_alarabiya_opinion_credit_and_disclaimer(ant_bbc_cnn_fr: dict[str, RawDocument]) -> None:
    art = one(ant_bbc_cnn_fr["AL-sport-514-20180309"])
    assert "جميع المقالات المنشورة" not in art.text
    assert "نقلا عن" not in art.text
    assert art.outlet == "alarabia"
    assert art.agencies == ["الرياضية السعودية"]
    assert len(art.text.split("\n")) == 8
    assert art.text.startswith("كرة القدم ليست أموالاً فقط")


def test_alarabiya_notice_only_gives_no_article(ant_bbc_cnn_fr: dict[str, RawDocument]) -> None:
    assert clean(ant_bbc_cnn_fr["AL-culture-606-20180730"]) == []


def test_spa_dateline_end_mark_and_time(snn_day: dict[str, RawDocument]) -> None:
    raw = snn_day["2015-08-10#1656"]
    assert raw.outlet == "was"
    art = one(raw)
    assert art.published == "2015-08-10"
    assert art.agencies == ["SPA"]
    for gone in ("الموافق", "انتهى", "ت م"):
        assert gone not in art.text
    assert art.title == raw.title


def test_almadina_sms_contact_box(snn_day: dict[str, RawDocument]) -> None:
    raw = snn_day["2015-07-25#715"]
    assert raw.outlet == "almadina"
    art = one(raw)
    for gone in ("للتواصل مع الكاتب", "Mobily", "Zain", "Stc", "تبدأ بالرمز"):
        assert gone not in art.text
    assert len(art.text.split("\n")) >= 5


def test_3alyoum_byline(snn_day: dict[str, RawDocument]) -> None:
    raw = snn_day["2015-08-02#6"]
    assert raw.outlet == "3alyoum"
    art = one(raw)
    assert "عين اليوم" not in art.text.split("\n")[0]
    assert "عمر إبراهيم" not in art.text


def test_alweeam_story_link(snn_day: dict[str, RawDocument]) -> None:
    raw = snn_day["2015-08-03#922"]
    assert raw.outlet == "alweeam"
    art = one(raw)
    assert "رابط الخبر" not in art.text
    assert art.text


def test_aawsat_more_teaser(snn_day: dict[str, RawDocument]) -> None:
    raw = snn_day["2015-07-31#267"]
    assert raw.outlet == "aawsat"
    art = one(raw)
    assert not art.text.endswith("المزيد")
    assert "طالبان" in art.text


def test_alriyadh_writer_email(snn_day: dict[str, RawDocument]) -> None:
    raw = snn_day["2015-07-25#836"]
    assert raw.outlet == "alriyadh"
    art = one(raw)
    assert "@" not in art.text and "لمراسلة الكاتب" not in art.text
    assert "هيكل" in art.text
