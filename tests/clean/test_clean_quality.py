"""Quality gates on real corpora: fail when the cleaner gets worse than measured.

The metric is bench/clean_corpus.py's own (its leftover list and ``quality``), run on the
same corpora's samples (every 4th item); thresholds leave a small margin.
"""

from __future__ import annotations

import pytest
from bench.clean_corpus import quality

from marsad.clean import clean
from marsad.model import RawDocument

SAMPLE_STEP = 4
# Measured (every 4th item): ANT 4,455 docs (BBC, CNN, France 24, Al Arabiya): residue
# 0.00% (10.5% before cleaning), kept 100.00%; SaudiNewsNet 2,034 docs (5 days): residue
# 0.00% (10.9% before), kept 99.99% (the one "miss" is a line whose "Next Previous" slider
# label was cut, as intended).
RESIDUE_MAX_ANT = 0.001
KEPT_MIN_ANT = 0.999
RESIDUE_MAX_SNN = 0.002
KEPT_MIN_SNN = 0.999
# Share of sampled documents with a leftover before cleaning, below which the sample no
# longer tests boilerplate removal (both samples measure about 10%).
BEFORE_MIN = 0.05


def check(docs: list[RawDocument], residue_max: float, kept_min: float) -> None:
    q = quality(docs, [clean(raw) for raw in docs])
    assert q["baseline_residue"] > BEFORE_MIN  # the sample does carry boilerplate
    assert q["residue"] <= residue_max
    assert q["kept"] >= kept_min
    assert q["split"] == 0 and q["empty"] == 0


@pytest.mark.slow
def test_ant_quality(ant_bbc_cnn_fr: dict[str, RawDocument]) -> None:
    docs = [ant_bbc_cnn_fr[k] for k in sorted(ant_bbc_cnn_fr)[::SAMPLE_STEP]]
    check(docs, RESIDUE_MAX_ANT, KEPT_MIN_ANT)


@pytest.mark.slow
def test_saudinewsnet_quality(snn_day: dict[str, RawDocument]) -> None:
    docs = [snn_day[k] for k in sorted(snn_day)[::SAMPLE_STEP]]
    check(docs, RESIDUE_MAX_SNN, KEPT_MIN_SNN)
