"""CRF features: context groups (brackets, colon, trigger window, cluster conjunctions) and
the second pass's article votes."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from marsad.entities.features import (
    TRIGGER_WINDOW,
    Resources,
    document_features,
    sentence_features,
    stem,
)
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


def _doc(feats: list[list[str]], prefix: str) -> list[str | None]:
    return [next((f for f in fs if f.startswith(prefix)), None) for fs in feats]


def test_document_features_vote_with_the_other_places_of_a_word() -> None:
    sentences = [["قال", "جون", "سميث"], ["وأضاف", "سميث", "أمس"], ["وسميث", "هنا"]]
    first = [["O", "B-PERS", "I-PERS"], ["O", "O", "O"], ["O", "O"]]
    feats = document_features(sentences, first, RES)
    # "سميث" was a person once elsewhere (clitic "و" seen through): the majority type of
    # its other places, not counting its own label.
    assert _doc(feats[1], "dm=") == [None, "dm=PERS", None]
    assert _doc(feats[2], "dm=") == ["dm=PERS", None]
    # Its named place sees only O elsewhere; a word seen once has no vote.
    assert "dO" in feats[0][2] and _doc(feats[0], "dm=") == [None, None, None]
    assert not any(f == "dO" for f in feats[0][1])
    assert "dm|p1=PERS|O" in feats[1][1]


def test_document_features_carry_first_pass_labels_and_sentence_features() -> None:
    sentences = [["زار", "موسكو", "أمس"], []]
    first = [["O", "B-LOC", "O"], []]
    feats = document_features(sentences, first, RES)
    assert feats[1] == []
    base = sentence_features(sentences[0], RES)
    assert [f[: len(b)] for f, b in zip(feats[0], base, strict=True)] == base
    assert {"p1=B-LOC", "p1-1=O", "p1+1=O"} <= set(feats[0][1])
    assert {"p1=O", "p1-1=BOS", "p1+1=B-LOC"} <= set(feats[0][0])
