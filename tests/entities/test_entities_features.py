"""CRF features: context groups (brackets, colon, trigger window, cluster conjunctions)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from marsad.entities.features import TRIGGER_WINDOW, Resources, sentence_features, stem
from marsad.entities.tagger import get_tagger
from marsad.text import normalize

RES = get_tagger().resources


def _has(feats: list[str], name: str) -> bool:
    return any(f == name or f.startswith(name + "=") for f in feats)


def test_bracket_features_cover_only_the_inside() -> None:
    words = ["أعلنت", "منظمة", "(", "الأوبك", ")", "اليوم"]
    feats = sentence_features(words, RES)
    assert [_has(f, "inpar") for f in feats] == [False, False, False, True, False, False]


def test_after_colon_lasts_until_the_sentence_ends() -> None:
    words = ["المصدر", ":", "رويترز", ".", "وقال"]
    feats = sentence_features(words, RES)
    assert [_has(f, "aftcolon") for f in feats] == [False, False, True, True, False]


def test_trigger_window_reaches_three_tokens_each_way() -> None:
    trigger = next(w for w, kind in RES.triggers.items() if kind == "PER")
    filler = ["2024"] * (TRIGGER_WINDOW + 2)
    words = [trigger, *filler]
    feats = sentence_features(words, RES)
    near = [any(f.startswith("twL=") for f in fs) for fs in feats]
    assert near == [False] + [True] * TRIGGER_WINDOW + [False] * 2
    back = sentence_features([*filler, trigger], RES)
    assert any(f == "twR=PER" for f in back[-1 - TRIGGER_WINDOW])
    assert not any(f.startswith("twR=") for f in back[-2 - TRIGGER_WINDOW])


def test_stem_affixes_see_through_clitics() -> None:
    bare = set(sentence_features(["القاهرة"], RES)[0])
    clitic = set(sentence_features(["وبالقاهرة"], RES)[0])
    assert stem(normalize("وبالقاهرة")) == stem(normalize("القاهرة")) == "قاهره"
    shared = {f for f in bare & clitic if f.startswith(("sp", "sx"))}
    assert {"sp4=قاهر", "sx4=اهره", "sp1=ق", "sx1=ه"} <= shared


def test_without_clusters_conjunctions_fall_back_to_oov() -> None:
    feats = sentence_features(["زار", "موسكو"], Resources.load(None))
    assert "cb+=OOV|EOS" in feats[1] and "cb-=OOV|OOV" in feats[1]


@given(st.lists(st.text(alphabet="ابتثجحخدذرسشصلمنوي():.«» 0123456789", min_size=1), max_size=12))
def test_one_feature_list_per_token_and_cache_invariant(words: list[str]) -> None:
    first = sentence_features(words, RES)
    fresh = sentence_features(words, Resources.load(None))
    assert len(first) == len(words) == len(fresh)
    assert first == sentence_features(words, RES)
    for feats in first:
        assert feats and all(isinstance(f, str) and f for f in feats)
