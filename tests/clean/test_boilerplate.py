"""One test per kind of scraper leftover, on short inputs written like the real ones."""

from __future__ import annotations

from clean_texts import P1, P2, P3, run

from marsad.model import Article


def one(text: str, **meta: str | None) -> Article:
    articles = run(text, **meta)
    assert len(articles) == 1, [a.title for a in articles]
    return articles[0]


def test_related_heading_and_bulleted_list_are_dropped() -> None:
    text = f"{P1}\n{P2}\n\nمقالات مشابهة\n\n  • روسيا تحذر من التصعيد\n  • بوتين يكشف المساحة\n"
    art = one(text)
    assert art.text == f"{P1}\n{P2}"


def test_related_list_of_short_headlines_inside_article_keeps_the_prose_after_it() -> None:
    text = f"{P1}\nاقرأ أيضاً:\nمحادثات السلام تتعثر\nمسؤول ينفي التقارير\n{P2}\n{P3}"
    art = one(text)
    assert art.text == f"{P1}\n{P2}\n{P3}"


def test_inline_read_also_link_is_dropped_and_article_goes_on() -> None:
    art = one(f"{P1}\nاقرأ أيضا: الرئيس يلتقي الوفد الزائر في القصر\n{P2}")
    assert art.text == f"{P1}\n{P2}"


def test_marker_spelling_variants_match() -> None:
    for marker in ("إقرأ أيضاً", "اقرأ أيضا", "إقرأ ايضاً:", "شاهد أيضاً", "قد يهمك", "الأكثر قراءة"):
        art = one(f"{P1}\n{marker}\nعنوان خبر آخر\n{P2}\n{P3}")
        assert "عنوان خبر آخر" not in art.text, marker
        assert P3 in art.text


def test_tag_lines_are_dropped() -> None:
    for tags in ("كلمات دلالية: روسيا أوكرانيا الناتو", "الوسوم: سياسة", "تاغز روسيا"):
        assert one(f"{P1}\n{P2}\n{tags}").text == f"{P1}\n{P2}", tags


def test_font_size_and_share_widgets_are_dropped() -> None:
    text = f"+ الخط -\n{P1}\nشارك\nطباعة\n{P2}\nتابعونا على تويتر"
    assert one(text).text == f"{P1}\n{P2}"


def test_share_verb_in_prose_is_kept() -> None:
    sentence = "شارك الرئيس في القمة التي عقدت أمس بحضور عدد من القادة العرب والأجانب."
    assert one(f"{P1}\n{sentence}").text == f"{P1}\n{sentence}"


def test_social_media_footer_is_dropped() -> None:
    assert one(f"{P1}\n{P2}\nالموقع العربي للأخبار | Facebook").text == f"{P1}\n{P2}"


def test_photo_caption_with_credit_is_dropped() -> None:
    caption = "الرئيس يصل إلى العاصمة، 21 أكتوبر 2024 (فيل ستيوارت/رويترز)"
    art = one(f"{caption}\n{P1}\n(Getty)\n{P2}\nصورة أرشيفية")
    assert art.text == f"{P1}\n{P2}"
    assert art.agencies == []


def test_paragraph_ending_in_a_parenthesis_is_not_a_caption() -> None:
    para = "وسيطرت القوات على مساحة أكبر في شهري أغسطس (آب) وسبتمبر (أيلول)"
    assert one(f"{P1}\n{para}").text == f"{P1}\n{para}"


def test_cms_leftovers_are_dropped() -> None:
    text = (
        f"{P1}\n{P2}\nيحتوي هذا القسم على المقالات ذات صلة, الموضوعة في (Related Nodes field)\n"
        "** جميع المقالات المنشورة تمثل رأي كتابها فقط."
    )
    assert one(text).text == f"{P1}\n{P2}"


def test_contributor_lines_are_dropped() -> None:
    text = f"{P1}\n{P2}\nتحرير: أحمد علي\nإعداد : سارة محمد\nالمساهمون"
    assert one(text).text == f"{P1}\n{P2}"


def test_repeated_headline_as_caption_is_kept_once() -> None:
    title = "الحكومة تعلن خطة جديدة لدعم الاقتصاد"
    text = f"{title}\n\n{title}\n\n{P1}\n{title}\n{title}\n{P2}"
    art = one(text)
    assert art.title == title
    assert art.text == f"{P1}\n{P2}"


def test_repeated_line_is_kept_the_first_time() -> None:
    assert one(f"{P1}\n{P2}\n{P1}\n{P3}").text == f"{P1}\n{P2}\n{P3}"


def test_separator_time_and_contact_lines_are_dropped() -> None:
    text = f"{P1}\n-------------\n{P2}\n// انتهى //\n20:26 ت م\nname@example.com\n737221 - Zain"
    assert one(text).text == f"{P1}\n{P2}"


def test_notice_lines_from_real_outlets_are_dropped() -> None:
    text = (
        f"{P1}\n{P2}\nلمتابعة المباراة على الحواسيب اللوحية، اضغط هنا...\n"
        "يمكنكم استلام إشعارات بأهم الموضوعات بعد تحميل أحدث نسخة من تطبيق بي بي سي عربي."
    )
    assert one(text).text == f"{P1}\n{P2}"


def test_byline_at_the_top_is_dropped() -> None:
    art = one(f"عين اليوم – متابعات\n{P1}\n{P2}", title="عنوان")
    assert art.text == f"{P1}\n{P2}"


def test_blank_nbsp_and_invisible_characters_are_cleaned() -> None:
    text = f"\u200f{P1}\n\n\u00a0\n \n\t\n{P2}\u200b\n\n\n"
    assert one(text).text == f"{P1}\n{P2}"


def test_only_boilerplate_gives_no_article() -> None:
    assert run("شارك\nطباعة\n+ الخط -\n") == []


def test_link_glued_onto_the_last_paragraph_is_cut() -> None:
    text = f"{P1}\n{P2} رابط الخبر بصحيفة الوئام: النفط يتراجع في ختام التعاملات"
    assert one(text).text == f"{P1}\n{P2}"
    assert one(f"{P1}\n{P2} // انتهى //").text == f"{P1}\n{P2}"


def test_contact_glued_onto_an_email_is_dropped() -> None:
    text = f"{P1}\n{P2}\nname@example.comللتواصل مع الكاتب ارسل رسالة SMS تبدأ بالرمز (3)"
    assert one(text).text == f"{P1}\n{P2}"


def test_slider_lead_in_is_cut_and_the_caption_text_kept() -> None:
    art = one(f"Next Previous {P1}\n{P2}")
    assert art.text == f"{P1}\n{P2}"


def test_phrase_inside_a_sentence_is_not_a_tail() -> None:
    sentence = "وقال إن الطريق إلى الحل انتهى // انتهى // بحسب ما كتب على لافتة المحتجين في الساحة."
    assert one(f"{P1}\n{sentence}").text == f"{P1}\n{sentence}"


def test_lead_in_phrase_later_in_a_line_is_kept() -> None:
    sentence = "وكتب على الشاشة Next Previous قبل أن يختفي العرض من القاعة أمام الحضور المندهشين."
    assert one(f"{P1}\n{sentence}").text == f"{P1}\n{sentence}"


def test_prose_opening_with_a_marker_word_is_kept() -> None:
    for sentence in (
        "قد يهمك أن تعلم أن تكلفة الرحلة تتراوح بين 20 و150 دولارا للشخص الواحد.",
        "للمزيد من الضغط على الحكومة، قررت النقابات تنظيم إضراب عام يوم الأحد المقبل.",
        "وسوم جمركية جديدة فرضتها الحكومة على الواردات منذ مطلع الشهر الجاري.",
    ):
        assert one(f"{P1}\n{sentence}").text == f"{P1}\n{sentence}", sentence


def test_glued_more_link_and_separator_after_a_sentence_are_cut() -> None:
    assert one(f"{P1}\n{P2} للمزيد: اللاعبون العرب في الدوري").text == f"{P1}\n{P2}"
    assert one(f"{P1}\n{P2} ------------------").text == f"{P1}\n{P2}"
    score = "وانتهت المباراة بنتيجة 3 ----- 2 لصالح الفريق المضيف في الدقائق الأخيرة."
    assert one(f"{P1}\n{score}").text == f"{P1}\n{score}"


def test_story_link_glued_mid_sentence_is_cut() -> None:
    text = f"{P1}\nوالرسالة التي قدموا من أجلها رابط الخبر بصحيفة الوئام: باداود يستقبل المبتعثين"
    assert one(text).text == f"{P1}\nوالرسالة التي قدموا من أجلها"
