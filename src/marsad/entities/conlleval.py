"""Exact-span scoring as conlleval does it, so figures compare with published Arabic NER."""

from __future__ import annotations

from collections import Counter
from typing import Any


def spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Chunks of one IOB sequence as ``(start, end, type)``, half-open, in text order.

    Follows conlleval: an I- tag whose type differs from the open chunk (or with nothing
    open) starts a new chunk, so ill-formed IOB from a tagger is scored, not rejected.
    A list, not a set: rules that read the first chunk of a name must see the same one in
    every run (a set's order changed with the hash seed, and so did "الاتحاد الكويتي" of
    SaudiNewsNet 2015-08-06 between runs).
    """
    found: list[tuple[int, int, str]] = []
    start: int | None = None
    kind = ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        begins = prefix == "B" or (prefix == "I" and (start is None or label != kind))
        if start is not None and (prefix == "O" or begins):
            found.append((start, i, kind))
            start = None
        if begins:
            start, kind = i, label
    return found


def _prf(correct: int, guessed: int, gold: int) -> dict[str, float]:
    precision = correct / guessed if guessed else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "correct": correct,
        "guessed": guessed,
        "gold": gold,
    }


def score_conll(gold: list[list[str]], pred: list[list[str]]) -> dict[str, Any]:
    """Per-type and overall precision/recall/F1 over sentences of IOB2 tags.

    Returns ``{"overall": {...}, "types": {type: {...}}}``; each entry holds precision,
    recall, f1 (0..1) and the chunk counts they came from.
    """
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold sentences but {len(pred)} predicted")
    correct: Counter[str] = Counter()
    guessed: Counter[str] = Counter()
    wanted: Counter[str] = Counter()
    for gold_tags, pred_tags in zip(gold, pred, strict=True):
        if len(gold_tags) != len(pred_tags):
            raise ValueError("a predicted sentence differs in length from its gold sentence")
        g, p = set(spans(gold_tags)), set(spans(pred_tags))
        for _, _, kind in g & p:
            correct[kind] += 1
        for _, _, kind in p:
            guessed[kind] += 1
        for _, _, kind in g:
            wanted[kind] += 1
    kinds = sorted(set(wanted) | set(guessed))
    return {
        "overall": _prf(sum(correct.values()), sum(guessed.values()), sum(wanted.values())),
        "types": {k: _prf(correct[k], guessed[k], wanted[k]) for k in kinds},
    }
