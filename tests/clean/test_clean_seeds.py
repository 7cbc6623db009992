"""The five seed articles: every kind of boilerplate gone, every real paragraph kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.clean import clean
from marsad.model import Article, RawDocument

# Phrases that only ever occur in boilerplate in the seeds.
BOILERPLATE = [
    "إقرأ أيضاً",
    "اقرأ المزيد",
    "أخبار ذات صلة",
    "مقالات مشابهة",
    "كلمات دلالية",
    "Related Nodes",
    "يحتوي هذا القسم",
    "+ الخط -",
    "Facebook",
    "المصدر:",
    "نقلاً عن",
    "المساهمون",
    "فيل ستيوارت",
    "(رويترز، فرانس برس)",
    "•",
    "\u00a0",
    "\n\n",
    " ،",
    "،.",
]


def load(seeds_dir: Path, prefix: str) -> list[Article]:
    path = next(seeds_dir.glob(f"{prefix}_*.txt"))
    raw = RawDocument(source=str(path), text=path.read_text(encoding="utf-8"), format="txt")
    return clean(raw)


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_no_boilerplate_left(seeds_dir: Path, prefix: str) -> None:
    for art in load(seeds_dir, prefix):
        for phrase in BOILERPLATE:
            assert phrase not in art.text, (prefix, phrase)
        assert art.language == "ar"
        assert art.text == art.text.strip()


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_stable_ids(seeds_dir: Path, prefix: str) -> None:
    first = [a.id for a in load(seeds_dir, prefix)]
    assert first == [a.id for a in load(seeds_dir, prefix)]
    assert len(set(first)) == len(first)


def test_seed_000(seeds_dir: Path) -> None:
    (art,) = load(seeds_dir, "000")
    assert art.title == "خطوة أمريكية “غير مسبوقة” في أوكرانيا.. بآخر قرارات بايدن خلال رئاسته"
    assert art.text.startswith("أدان حلف شمال الأطلسي (الناتو)")
    assert art.text.endswith("في غضون 24 ساعة فقط.")
    assert len(art.text.split("\n")) == 9
    assert "شبكة “سي إن إن” الأمريكية" in art.text


def test_seed_001(seeds_dir: Path) -> None:
    (art,) = load(seeds_dir, "001")
    title = "أمريكا تتعهد برد حازم على التدخل العسكري لكوريا الشمالية إلى جانب روسيا في أوكرانيا"
    assert art.title == title
    assert title not in art.text
    paras = art.text.split("\n")
    assert paras[0].startswith("في 13 نوفمبر 2024، أدان وزير الخارجية الأمريكي")
    assert "تصعيدًا كبيرًا في الصراع" in paras
    assert "تغير توازن القوى على الأرض" in paras
    assert paras[-1].startswith("ويظل المجتمع الدولي منتبها")
    # punctuation damage repaired, words untouched
    assert "لكوريا الشمالية إلى جانب روسيا في الصراع الأوكراني." in art.text
    assert "في سبتمبر 2023، يتجسد على أرض الواقع." in art.text
    assert "وجود قوات كورية شمالية في روسيا، حيث أعرب" in art.text
    assert "وقعت موسكو وبيونج يانج اتفاقية شراكة" in art.text
    assert "وعلاوة على ذلك، قد تؤثر" in art.text


def test_seed_002_two_articles(seeds_dir: Path) -> None:
    main, other = load(seeds_dir, "002")
    assert main.title is None
    assert main.outlet == "بوابة الوفد"
    assert main.text.startswith("أعرب حلف شمال الأطلسي (الناتو) عن قلقه")
    assert "للأمن الأوروبي الأطلسي، جاء هذا في بيان" in main.text
    assert (
        "إدارة بايدن ترفع الحظر عن تواجد المتعاقدين العسكريين الأمريكيين في أوكرانيا" in main.text
    )
    assert 'حسبما نقلت شبكة "سي إن إن".' in main.text
    assert main.text.endswith("الدعم الفني العاجل الذي يحتاجه الجيش الأوكراني.")
    assert "سفيردلوف" not in main.text
    assert other.title == "أوكرانيا: قصفنا منشآت عسكرية ونفطية في روسيا"
    assert other.parent_id == main.id
    assert other.outlet == main.outlet
    assert other.agencies == ["DPA"]
    assert other.text.startswith("أعلن الجيش الأوكراني، اليوم الإثنين")
    assert other.text.endswith("منذ اندلاع الأزمة.")
    assert len(other.text.split("\n")) == 5
    assert "كاساتكينا" not in other.text and "توماهوك" not in other.text


def test_seed_003(seeds_dir: Path) -> None:
    (art,) = load(seeds_dir, "003")
    assert art.title == "أوستن في أوكرانيا... وموسكو تعزّز علاقاتها مع كوريا الشمالية"
    assert art.published == "2024-10-21"
    assert art.agencies == ["Reuters", "AFP"]
    assert art.text.startswith("وصل وزير الدفاع الأميركي لويد أوستن")
    assert "موسكو: سنواصل تعزيز التعاون مع بيونغ يانغ" in art.text.split("\n")
    assert "وكان شهود من رويترز قالوا" in art.text
    assert art.text.endswith("فوق مناطق بريانسك وكورسك وأوريول.")
    assert "يصل إلى العاصمة الأوكرانية كييف، 21 أكتوبر 2024" not in art.text


def test_seed_004_two_articles(seeds_dir: Path) -> None:
    main, other = load(seeds_dir, "004")
    assert main.title is None
    assert main.outlet == "اندبندنت عربية"
    assert main.text.startswith("قالت وزارة الدفاع الأميركية (البنتاغون)")
    assert main.text.endswith("من دون مساعدة الصين”.")
    assert "زيلينسكي: 12 ألف جندي كوري شمالي سيكونون في روسيا" in main.text.split("\n")
    assert "تشوي سون هوي" not in main.text
    assert other.title == "وزيرة خارجية كوريا الشمالية تتوجه إلى روسيا"
    assert other.parent_id == main.id
    assert other.outlet == main.outlet
    assert other.text.startswith("وقالت وكالة الأنباء المركزية الكورية الشمالية")
    paras = other.text.split("\n")
    assert "تهديد أمني كبير" in paras and "تقدم روسي" in paras
    assert other.text.endswith("خاصة في شرق أوكرانيا.")
