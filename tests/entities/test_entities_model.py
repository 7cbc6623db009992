"""The shipped CRF: held-out quality gate, tag_conll, and a clear error without a model."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from marsad.entities import score_conll, tag_conll
from marsad.entities.tagger import Tagger, get_tagger
from marsad.errors import ModelError

DEV_FRACTION = 6
# Held-out (last sixth of ANERcorp) conlleval F1 of the shipped split model as measured
# by bench/ner.py, minus one point of margin.
# Measured: overall 0.7207, PERS 0.7341, LOC 0.8410.
MIN_DEV_F1 = 0.71
MIN_DEV_F1_PER = 0.72
MIN_DEV_F1_LOC = 0.83


def _sentences(path: Path) -> list[list[tuple[str, str]]]:
    out, cur = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if parts:
            cur.append((parts[0], parts[-1]))
        elif cur:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def test_held_out_quality_gate(shared_dir: Path) -> None:
    sentences = _sentences(shared_dir / "data" / "anercorp" / "train.txt")
    dev = sentences[len(sentences) - len(sentences) // DEV_FRACTION :]
    tagger = get_tagger()
    gold = [[t for _, t in s] for s in dev]
    pred = [tagger.tag([w for w, _ in s]) for s in dev]
    scores = score_conll(gold, pred)
    print({k: round(v["f1"], 4) for k, v in scores["types"].items()}, scores["overall"])
    assert scores["overall"]["f1"] >= MIN_DEV_F1
    assert scores["types"]["PERS"]["f1"] >= MIN_DEV_F1_PER
    assert scores["types"]["LOC"]["f1"] >= MIN_DEV_F1_LOC


def test_tag_conll_round_trip() -> None:
    src = "وقال O\nالرئيس O\nفلاديمير B-PERS\nبوتين I-PERS\n\n\nفي\nموسكو\n"
    out = io.StringIO()
    tag_conll(io.StringIO(src), out)
    lines = out.getvalue().split("\n")
    in_lines = src.split("\n")
    assert len(lines) == len(in_lines)
    for got, given in zip(lines, in_lines, strict=True):
        if not given.strip():
            assert got == ""
            continue
        token, tag = got.split(" ")
        assert token == given.split()[0]
        assert tag == "O" or (tag[:2] in ("B-", "I-") and tag[2:] in ("PERS", "LOC", "ORG", "MISC"))
    tags = [line.split(" ")[1] for line in lines if line]
    assert tags[2:4] == ["B-PERS", "I-PERS"]
    assert tags[5] == "B-LOC"


def test_tag_conll_empty_input() -> None:
    out = io.StringIO()
    tag_conll(io.StringIO(""), out)
    assert out.getvalue() == ""


def test_missing_model_says_how_to_fix(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match=r"train_ner\.py"):
        Tagger(tmp_path)


def test_unreadable_model_is_a_model_error(tmp_path: Path) -> None:
    (tmp_path / "ner.crfsuite").write_bytes(b"not a model")
    with pytest.raises(ModelError):
        Tagger(tmp_path)
