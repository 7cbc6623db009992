"""Background document frequencies: the shipped table and the IDF that mixes them in."""

from __future__ import annotations

import math
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.stories.background import BACKGROUND_FILE, background
from marsad.summarize.terms import Background, content_terms, idf_table

ROOT = Path(__file__).resolve().parents[2]
TERMS = st.lists(st.lists(st.sampled_from("abcdefgh"), max_size=6), max_size=12)


def test_shipped_table_counts_common_news_words_high_and_names_low() -> None:
    bg = background()
    assert bg.articles > 30_000
    (country,) = content_terms("السعودية")
    (quake,) = content_terms("زلزال")
    assert bg.df[country] > 20 * bg.df[quake] > 0
    assert all(0 < c <= bg.articles for c in bg.df.values())
    # Numbers are terms too ("#2018", the corpus's year), not header comments.
    (year,) = content_terms("2018")
    assert bg.df[year] > bg.df[quake]


def test_background_keeps_shared_topic_words_heavy_in_a_small_pile() -> None:
    pile = [["زلزال", "ملاط", "قال"], ["زلزال", "ملاط", "اعلن"], ["اوبك", "برميل", "قال"]]
    bg = Background(30_000, {"قال": 20_000, "اعلن": 9_000, "زلزال": 150})
    local, _ = idf_table(pile)
    mixed, _ = idf_table(pile, bg)
    # Alone, the pile rates its topic word like a reporting verb; with the background
    # the topic word is far heavier.
    assert local["زلزال"] == local["قال"]
    assert mixed["زلزال"] > 2 * mixed["قال"]
    assert mixed["زلزال"] == math.log((30_000 + 3 + 1) / (150 + 2 + 1)) + 1


@given(TERMS)
def test_empty_background_is_the_local_idf(pile: list[list[str]]) -> None:
    assert idf_table(pile, Background(0, {})) == idf_table(pile)


@given(TERMS, st.integers(min_value=0, max_value=50))
def test_background_idf_is_positive_and_unseen_is_the_largest(
    pile: list[list[str]], extra: int
) -> None:
    bg = Background(100 + extra, {"a": 100, "b": extra})
    idf, unseen = idf_table(pile, bg)
    assert all(1.0 <= v <= unseen for v in idf.values())
    # "a" is in every background article: more than any other term can reach locally.
    if "a" in idf:
        assert idf["a"] == min(idf.values())


@pytest.mark.slow
def test_shipped_table_is_what_the_script_builds_from_ant(shared_dir: Path, tmp_path: Path) -> None:
    if not (shared_dir / "data" / "ant").is_dir():
        pytest.skip("needs ../shared/data/ant")
    out = tmp_path / BACKGROUND_FILE
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "stories_background.py"), "--out", str(out)],
        check=True,
        capture_output=True,
    )
    shipped = files("marsad.stories").joinpath("data", BACKGROUND_FILE).read_text("utf-8")
    assert out.read_text("utf-8") == shipped
