"""Cross-article name propagation: names found in one article are found in the others."""

from __future__ import annotations

from marsad.entities.propagation import candidate_names, propagate, surnames
from marsad.model import Article, Document, EntityType, Mention


def _doc(n: int, text: str, names: list[tuple[str, EntityType]] = ()) -> Document:  # type: ignore[assignment]
    doc = Document(Article(id=f"a{n}", source="test", text=text))
    for name, kind in names:
        start = text.index(name)
        doc.mentions.append(Mention(start, start + len(name), name, kind))
    return doc


def test_a_rare_place_found_in_one_report_is_found_in_the_next() -> None:
    first = _doc(1, "ضرب زلزال قوي مدينة ملاطية شرقي تركيا.", [("ملاطية", "LOC"), ("تركيا", "LOC")])
    second = _doc(2, "وقال مسؤولون إن فرق الإنقاذ وصلت إلى أحياء بملاطية صباح اليوم.")
    added = propagate([first, second])
    assert added == 1
    (m,) = second.mentions
    assert (m.text, m.type) == ("ملاطية", "LOC")
    assert second.article.text[m.start : m.end] == "ملاطية"


def test_a_tatweel_after_the_clitic_is_cut_with_it() -> None:
    first = _doc(1, "ضرب زلزال قوي مدينة ملاطية.", [("ملاطية", "LOC")])
    second = _doc(2, "وصلت فرق الإنقاذ بـملاطية صباح اليوم.")
    propagate([first, second])
    assert [m.text for m in second.mentions] == ["ملاطية"]


def test_a_word_with_tanween_is_never_a_name() -> None:
    # SaudiNewsNet 2015-08-10: "كفيفاً" (blind) was spread as "ك" + FIFA.
    docs = [
        _doc(1, "قرر فيفا معاقبة الاتحاد.", [("فيفا", "ORG")]),
        _doc(2, "عاش كفيفاً منذ ولادته."),
    ]
    assert propagate(docs) == 0


def test_the_article_after_a_for_prefix_is_cut_as_recognize_cuts_it() -> None:
    first = _doc(1, "حلت الأممية الشيوعية (الكومنترن) نفسها.", [("الكومنترن", "ORG")])
    second = _doc(2, "كان ستالين قد أوكل للكومنترن مهام كثيرة.")
    propagate([first, second])
    assert [m.text for m in second.mentions] == ["كومنترن"]


def test_multi_word_names_spread_and_existing_mentions_keep_their_index() -> None:
    first = _doc(1, "أعلن مجلس التعاون الخليجي موقفه.", [("مجلس التعاون الخليجي", "ORG")])
    text = "وقال الوزير سامي العلي إن مجلس التعاون الخليجي سيجتمع."
    second = _doc(2, text, [("سامي العلي", "PER")])
    propagate([first, second])
    assert [m.text for m in second.mentions] == ["سامي العلي", "مجلس التعاون الخليجي"]
    assert second.mentions[1].type == "ORG"


def test_running_again_adds_nothing() -> None:
    docs = [
        _doc(1, "وصل الوفد إلى ملاطية أمس.", [("ملاطية", "LOC")]),
        _doc(2, "في ملاطية انهارت مبان كثيرة."),
        _doc(3, "قالت وكالة الأنباء إن ملاطية تضررت."),
    ]
    assert propagate(docs) == 2
    before = [[(m.start, m.end, m.type) for m in d.mentions] for d in docs]
    assert propagate(docs) == 0
    assert [[(m.start, m.end, m.type) for m in d.mentions] for d in docs] == before


def test_names_of_particles_and_titles_are_not_candidates() -> None:
    docs = [_doc(1, "قال الرئيس إن ملاطية تضررت.", [("الرئيس", "PER"), ("ملاطية", "LOC")])]
    assert set(candidate_names(docs)) == {("ملاطيه",)}
    # A foreign opener alone: spread, "سان" tagged "على لسان" (on the tongue of).
    docs = [_doc(1, "وصل إلى سان أمس.", [("سان", "LOC")]), _doc(2, "قال على لسان الوزير.")]
    assert candidate_names(docs) == {}
    assert propagate(docs) == 0


def test_a_name_typed_two_ways_equally_often_is_left_alone() -> None:
    docs = [
        _doc(1, "زار كورسك الوفد.", [("كورسك", "LOC")]),
        _doc(2, "فاز كورسك في المباراة.", [("كورسك", "ORG")]),
        _doc(3, "تحدث الجميع عن كورسك."),
    ]
    assert propagate(docs) == 0
    assert docs[2].mentions == []


def test_an_occurrence_inside_a_longer_mention_is_not_tagged_again() -> None:
    docs = [
        _doc(1, "وصل إلى جامعة ملاطية الحكومية وفد.", [("جامعة ملاطية الحكومية", "ORG")]),
        _doc(2, "ضرب زلزال ملاطية.", [("ملاطية", "LOC")]),
    ]
    assert propagate(docs) == 0
    assert len(docs[0].mentions) == 1


def test_a_word_the_tagger_almost_never_tags_is_not_spread() -> None:
    docs = [_doc(1, "كرم المدير منسوبي الإدارة.", [("منسوبي", "PER")])]
    docs += [_doc(n, f"احتفل منسوبي الفرع رقم {n} بالعيد.") for n in range(2, 12)]
    assert propagate(docs) == 0


def test_a_surname_alone_is_the_person_another_report_names_in_full() -> None:
    first = _doc(1, "التقى الرئيس الروسي فلاديمير بوتين نظيره.", [("فلاديمير بوتين", "PER")])
    second = _doc(2, "قال إن ذلك سيكون انتصاراً كبيراً لبوتين وخسارة للغرب.")
    assert propagate([first, second]) == 1
    (m,) = second.mentions
    assert (m.text, m.type) == ("بوتين", "PER")


def test_a_surname_spreads_only_where_the_full_names_are_a_fair_share() -> None:
    # "صالح" (fit, good) stands untagged in ten articles, the full name (a public figure
    # the gazetteer knows) is in one.
    docs = [_doc(0, "قال العميد طارق صالح كلمته.", [("طارق صالح", "PER")])]
    docs += [_doc(n, f"الماء صالح للشرب في الحي رقم {n}.") for n in range(1, 11)]
    assert propagate(docs) == 0


def test_a_word_with_a_final_alef_maqsura_is_no_surname_written_with_yaa() -> None:
    first = _doc(1, "التقى الرئيس الأفغاني أشرف غني الوفد.", [("أشرف غني", "PER")])
    second = _doc(2, "أكد دور القاهرة الذي لا غنى عنه في المنطقة.")
    assert propagate([first, second]) == 0
    assert second.mentions == []


def test_only_known_public_figures_give_a_surname() -> None:
    # The gazetteer is keyed by stems; "اركب تاكسي" is a tagger's slip it does not list.
    known = {("ماجد", "عبدالله"): "PER", ("حيدر", "عبدالله"): "PER", ("شركه", "فورد"): "PER"}
    names = {("ماجد", "عبدالله"): "PER", ("حيدر", "العبدالله"): "PER"}
    names |= {("شركه", "فورد"): "ORG", ("اركب", "تاكسي"): "PER"}
    assert surnames(names, known) == {("ماجد", "عبدالله"): ("عبدالله",)}  # type: ignore[arg-type]


def _place_docs(whole: str, bare: str, n_bare: int) -> list[Document]:
    """One article naming ``whole`` as a place, ``n_bare`` naming ``bare``."""
    docs = [_doc(0, f"وصل الوفد {whole} صباح اليوم.", [(whole, "LOC")])]
    docs += [_doc(i, f"وصل الوفد إلى {bare} أمس.", [(bare, "LOC")]) for i in range(1, n_bare + 1)]
    return docs


def test_a_clitic_the_corpus_shows_is_cut_off_before_linking() -> None:
    docs = _place_docs("بالأحساء", "الأحساء", 2)
    docs.append(_doc(9, "قال الأمير للأولمبياد موقف.", [("للأولمبياد", "MISC")]))
    docs.append(_doc(10, "انطلق الأولمبياد وانتهى الأولمبياد.", [("الأولمبياد", "MISC")] * 2))
    propagate(docs)
    (m,) = docs[0].mentions
    assert (m.text, docs[0].article.text[m.start : m.end]) == ("الأحساء", "الأحساء")
    # ل + ال with the alef dropped: cut as recognize cuts "للناتو".
    assert [x.text for x in docs[-2].mentions] == ["أولمبياد"]
    before = [(x.start, x.text) for d in docs for x in d.mentions]
    propagate(docs)
    assert [(x.start, x.text) for d in docs for x in d.mentions] == before


def test_a_clitic_is_kept_when_the_corpus_or_the_news_text_says_it_is_part_of_the_word() -> None:
    # Once is not enough evidence.
    assert [m.text for m in _keep(_place_docs("بالأحساء", "الأحساء", 1))] == ["بالأحساء"]
    # Oujda is a gazetteer name, not "و" + Jeddah.
    assert [m.text for m in _keep(_place_docs("وجدة", "جدة", 3))] == ["وجدة"]
    # "ف" needs the article after it: "فيمن" (regarding whom) is no "ف" + Yemen.
    assert [m.text for m in _keep(_place_docs("فيمن", "يمن", 3))] == ["فيمن"]


def test_a_word_news_writes_whole_keeps_its_first_letter() -> None:
    docs = [_doc(0, "صوت المجلس لصالح القرار.", [("لصالح", "PER")])]
    docs += [_doc(i, "وقال صالح إن القرار نهائي.", [("صالح", "PER")]) for i in (1, 2)]
    assert [m.text for m in _keep(docs)] == ["لصالح"]


def test_a_place_that_doubles_as_an_adjective_is_not_spread_where_it_is_the_adjective() -> None:
    docs = [_doc(i, "قتل جنود في شمال مالي أمس.", [("مالي", "LOC")]) for i in (1, 2)]
    docs.append(_doc(3, "حصل النادي على دعم مالي كبير، وأرسل وفدا إلى مالي."))
    propagate(docs)
    text = docs[-1].article.text
    assert [m.start for m in docs[-1].mentions] == [text.rindex("مالي")]


def test_no_name_is_spread_into_a_religious_formula() -> None:
    # SaudiNewsNet 2015-07-22: once "بحمد الله" was no person, the name "حمد" was spread
    # onto it (7 times), "رضوان" onto "رضوان الله عليهم" (4).
    docs = [_doc(i, "وقال حمد إن الفريق جاهز.", [("حمد", "PER")]) for i in (1, 2)]
    docs.append(_doc(3, "وقال: بحمد الله وصلت بعثة الفريق، وشكر حمد اللاعبين."))
    propagate(docs)
    text = docs[-1].article.text
    assert [m.start for m in docs[-1].mentions] == [text.rindex("حمد")]


def _cut_docs(bare: str, n_whole: int) -> list[Document]:
    """One article where ``recognize`` cut "ب" off "ب" + ``bare`` (typed LOC), and
    ``n_whole`` quoting the whole word as an organisation."""
    text = f"قال لافروف إن مجموعة ب{bare} تمثل نظاما جديدا."
    start = text.index(bare)
    cut = _doc(0, text)
    cut.mentions.append(Mention(start, start + len(bare), bare, "LOC"))
    quoted = [
        _doc(i, f"وتضم دول مجموعة «ب{bare}» روسيا والصين.", [(f"ب{bare}", "ORG")])
        for i in range(1, n_whole + 1)
    ]
    return [cut, *quoted]


def test_a_letter_cut_as_a_clitic_is_given_back_where_the_corpus_names_the_whole_word() -> None:
    # SaudiNewsNet 2015-07-22: "مجموعة ب[ريكس]" 12 times; news text writes "ريكس" (Rex)
    # more often than "بريكس", so recognize took the "ب" for "with".
    docs = _cut_docs("ريكس", 2)
    propagate(docs)
    m = docs[0].mentions[0]
    assert (m.text, m.type, docs[0].article.text[m.start : m.end]) == ("بريكس", "ORG", "بريكس")
    before = [(x.start, x.text, x.type) for d in docs for x in d.mentions]
    propagate(docs)
    assert [(x.start, x.text, x.type) for d in docs for x in d.mentions] == before


def test_a_cut_clitic_stays_cut_without_enough_evidence_or_where_the_rest_is_a_name() -> None:
    # Named whole once only.
    assert [m.text for m in _keep(_cut_docs("ريكس", 1))] == ["ريكس"]
    # The rest is named on its own elsewhere.
    docs = [*_cut_docs("ريكس", 2), _doc(5, "وصل ريكس أمس.", [("ريكس", "PER")])]
    assert [m.text for m in _keep(docs)] == ["ريكس"]
    # A gazetteer name after a real clitic: "بسوريا" named whole is no reason.
    assert [m.text for m in _keep(_cut_docs("سوريا", 2))] == ["سوريا"]


def _keep(docs: list[Document]) -> list[Mention]:
    """The first article's mentions after the corpus stage."""
    propagate(docs)
    return docs[0].mentions


def test_a_name_cut_short_is_completed_where_another_article_tags_it_whole() -> None:
    docs = [
        _doc(1, "قال الرئيس الكوري الجنوبي يون سوك يول إن التعاون خطير.", [("يون سوك", "PER")]),
        _doc(2, "تحدث روته مع الرئيس (يون سوك يول) أمس.", [("يون سوك يول", "PER")]),
    ]
    assert propagate(docs) == 0
    (m,) = docs[0].mentions
    assert (m.text, docs[0].article.text[m.start : m.end]) == ("يون سوك يول", "يون سوك يول")
    before = [(x.start, x.end) for d in docs for x in d.mentions]
    propagate(docs)
    assert [(x.start, x.end) for d in docs for x in d.mentions] == before


def test_a_name_is_not_run_on_into_what_follows_it() -> None:
    def kept(head: str, whole: str, text: str, kind: EntityType = "ORG") -> str:
        docs = [_doc(1, text, [(head, kind)]), _doc(2, f"وذكر أن {whole} أمس.", [(whole, kind)])]
        propagate(docs)
        return docs[0].mentions[0].text

    # A number, a word with a clitic, an adjective of origin, a new paragraph.
    assert kept("مجلس الأمن", "مجلس الأمن 2216", "أصدر مجلس الأمن 2216 قرارا.") == "مجلس الأمن"
    assert kept("عبد العزيز", "عبد العزيز للعلوم", "قال عبد العزيز للعلوم أهمية.", "PER") == (
        "عبد العزيز"
    )
    assert kept("تنظيم القاعدة", "تنظيم القاعدة الإرهابي", "هاجم تنظيم القاعدة الإرهابي.") == (
        "تنظيم القاعدة"
    )
    assert kept("أولمبياد الفيزياء", "أولمبياد الفيزياء انطلقت", "أولمبياد الفيزياء\nانطلقت.") == (
        "أولمبياد الفيزياء"
    )


def test_a_club_is_not_spread_onto_the_object_of_achieving() -> None:
    docs = [
        _doc(1, "فاز النصر على الهلال.", [("النصر", "ORG"), ("الهلال", "ORG")]),
        _doc(2, "تعادل النصر مع الشباب."),
        _doc(3, 'الهدف تحقيق "النصر" على روسيا، ولتحقيق النصر يجب الصبر.'),
    ]
    assert propagate(docs) == 1
    assert [m.text for m in docs[1].mentions] == ["النصر"]
    assert docs[2].mentions == []


def test_a_definite_name_is_not_spread_where_it_is_an_adjective() -> None:
    docs = [
        _doc(1, "وأشار الشريف إلى المرض.", [("الشريف", "PER")]),
        _doc(2, "وأضاف الشريف أمس."),
        # SaudiNewsNet 2015-08-06: "the noble Quran", "fair competition".
        _doc(3, "عرضوا صور المصحف الشريف وروح التنافس الشريف تبعا للحديث الشريف."),
        _doc(4, "قال السيسي إن الوضع مستقر.", [("السيسي", "PER")]),
        # After a title it is the name; after a verb that normalisation spells like a
        # definite word ("ألبس", he dressed, is "البس") too.
        _doc(5, "استقبل الرئيس السيسي الوفد ثم ألبس السيسي الوشاح."),
    ]
    assert propagate(docs) == 3
    assert [m.text for m in docs[1].mentions] == ["الشريف"]
    assert docs[2].mentions == []
    assert [m.text for m in docs[4].mentions] == ["السيسي", "السيسي"]


def test_a_short_name_is_spread_only_as_written() -> None:
    # ANT: the agency "وام" as its own report quotes it is no "وأم" (and a mother).
    docs = [
        _doc(1, 'وذكرت وكالة الأنباء الإماراتية "وام" أن', [("وام", "ORG")]),
        _doc(2, "ولد لأب مصري وأم فرنسية."),
        _doc(3, "ونقلت وام عن المتحدث"),
    ]
    assert propagate(docs) == 1
    assert [m.text for m in docs[1].mentions] == []
    assert [m.text for m in docs[2].mentions] == ["وام"]


def test_a_short_name_drawn_in_presentation_forms_or_with_a_tatweel_is_written_the_same() -> None:
    # SaudiNewsNet 2015-08-06: "ﺗﻌﺰ" (Taiz) in presentation forms, "بـدر" with a tatweel.
    docs = [
        _doc(1, "اشتباكات في تعز وأعلن بدر موقفه", [("تعز", "LOC"), ("بدر", "PER")]),
        _doc(2, "اشتباكات عنيفة في ﺗﻌﺰ أمس"),
        _doc(3, "وقال بـدر إن"),
    ]
    assert propagate(docs) == 2
    assert [m.type for d in docs[1:] for m in d.mentions] == ["LOC", "PER"]
