from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from marsad.text import split_sentences


def sents(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_basic_ends() -> None:
    assert sents("انتهى الاجتماع. هل اتفقوا؟ نعم! ثم غادروا") == [
        "انتهى الاجتماع.",
        "هل اتفقوا؟",
        "نعم!",
        "ثم غادروا",
    ]


def test_abbreviations_decimals_initials() -> None:
    text = "قال د. أحمد إن النمو بلغ 3.5 بالمئة. وأكد أ.د. محمد وجورج و. بوش ذلك."
    assert sents(text) == [
        "قال د. أحمد إن النمو بلغ 3.5 بالمئة.",
        "وأكد أ.د. محمد وجورج و. بوش ذلك.",
    ]


def test_era_mark_after_year_ends_sentence() -> None:
    assert sents("ولد عام 1950 م. وتوفي لاحقا.") == ["ولد عام 1950 م.", "وتوفي لاحقا."]
    assert sents("بني في 500 ق.م. ثم هدم.") == ["بني في 500 ق.م.", "ثم هدم."]


def test_quote_with_sentence_ends_stays_whole() -> None:
    text = "قال: «لن نتراجع. أبداً» وأضاف أنه مستعد. ثم غادر."
    assert sents(text) == ["قال: «لن نتراجع. أبداً» وأضاف أنه مستعد.", "ثم غادر."]
    assert sents("قال: «لن نتراجع.» ثم غادر.") == ["قال: «لن نتراجع.»", "ثم غادر."]


def test_newline_is_hard_break_and_missing_space() -> None:
    assert sents("عنوان الخبر\nانتهى.وقال آخر شيئا") == ["عنوان الخبر", "انتهى.", "وقال آخر شيئا"]


def test_spelled_acronyms_do_not_split() -> None:
    text = "قال المكتب (بي.إيه.ام.اف) إنه سيراجع القرارات. ودفع مؤشر إم.إس.سي.آي للهبوط."
    assert sents(text) == [
        "قال المكتب (بي.إيه.ام.اف) إنه سيراجع القرارات.",
        "ودفع مؤشر إم.إس.سي.آي للهبوط.",
    ]


def test_urls_and_ellipsis_do_not_split() -> None:
    assert sents("زوروا www.site.com الآن.. ثم عودوا") == ["زوروا www.site.com الآن.. ثم عودوا"]


def test_seed_articles_split_sensibly(seeds_dir: Path) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        spans = split_sentences(text)
        assert len(spans) >= 10
        for s, e in spans:
            assert "\n" not in text[s:e]


@given(st.text(alphabet=st.sampled_from('ابت د م ق.!?؟«»"“”\n 0123456789'), max_size=80))
def test_spans_cover_text_in_order(s: str) -> None:
    spans = split_sentences(s)
    covered = set()
    prev_end = 0
    for a, b in spans:
        assert prev_end <= a < b <= len(s)
        assert s[a:b] == s[a:b].strip()
        covered.update(range(a, b))
        prev_end = b
    assert all(i in covered for i, c in enumerate(s) if not c.isspace())
