"""NER benchmark: held-out ANERcorp sixth, conlleval exact spans, and tagging speed.

Scores the shipped models (trained on the first five sixths by scripts/train_ner.py) on the
last sixth of ANERcorp sentences, beside a most-frequent-tag-per-word baseline learned from
the same training part, then times tagging (feature extraction included). The tagger reads
an article at a time (its second pass looks across sentences): it is scored with each
sentence as its own article and with runs of BLOCK sentences as articles.

    python bench/ner.py
"""

from __future__ import annotations

import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from pathlib import Path

from marsad.entities import score_conll
from marsad.entities.refine import (
    back_off_places,
    complete_names,
    drop_achieved_words,
    drop_adjective_places,
    drop_anaphoric_places,
    drop_bare_heads,
    drop_invocations,
    drop_maqsura_prepositions,
    drop_title_phrases,
    extend_after_titles,
    join_dual_adjectives,
    join_openers,
    join_places,
    join_remits,
    make_consistent,
    propagate_full_forms,
    propagate_names,
    refine,
    split_coordinated_persons,
    split_coordinated_places,
    tag_quoted_names,
    trim_collective_nouns,
    trim_leading_titles,
    trim_tanween_words,
    trim_title_adjectives,
    trim_verbs,
    type_after_org_heads,
    type_clubs,
)
from marsad.entities.tagger import Tagger, get_tagger
from marsad.text import normalize

ROOT = Path(__file__).resolve().parent.parent
ANERCORP = ROOT.parent / "shared" / "data" / "anercorp" / "train.txt"
DEV_FRACTION = 6
# ANERcorp has no article breaks: the tagger and the document rules are scored with each
# sentence as its own article (no cross-article leaks) and with runs of this many
# consecutive sentences (closer to an article: ANERcorp's consecutive sentences mostly come
# from one article).
BLOCK = 20
SPEED_ROUNDS = 3

Sentence = list[tuple[str, str]]


def read_conll(path: Path) -> list[Sentence]:
    out: list[Sentence] = []
    cur: Sentence = []
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


def most_frequent_tag(train: list[Sentence]) -> dict[str, str]:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for sent in train:
        for word, tag in sent:
            counts[normalize(word)][tag] += 1
    return {w: c.most_common(1)[0][0] for w, c in counts.items()}


def baseline_tags(words: list[str], table: dict[str, str]) -> list[str]:
    """Per-word lookup, repaired to valid IOB2 (an I- with nothing open becomes B-)."""
    out: list[str] = []
    for w in words:
        tag = table.get(normalize(w), "O")
        if tag.startswith("I-") and (not out or out[-1] == "O" or out[-1][2:] != tag[2:]):
            tag = "B-" + tag[2:]
        out.append(tag)
    return out


Tags = list[list[str]]
Rule = Callable[[Tags, Tags, Mapping[str, int]], None]


def _no_counts(rule: Callable[[Tags, Tags], None]) -> Rule:
    """A rule that needs no word counts, in the signature of those that do."""
    return lambda words, tags, _: rule(words, tags)


# In the order refine() applies them, each scored alone on the CRF's output.
RULES: dict[str, Rule] = {
    "leading titles": _no_counts(trim_leading_titles),
    "title adjective": _no_counts(trim_title_adjectives),
    "title phrases": _no_counts(drop_title_phrases),
    "invocations": _no_counts(drop_invocations),
    "preposition على": _no_counts(drop_maqsura_prepositions),
    "tanween": _no_counts(trim_tanween_words),
    "verbs": _no_counts(trim_verbs),
    "names completed": _no_counts(complete_names),
    "foreign openers": _no_counts(join_openers),
    "dual adjectives": _no_counts(join_dual_adjectives),
    "bare heads": _no_counts(drop_bare_heads),
    "anaphoric places": _no_counts(drop_anaphoric_places),
    "places joined": join_places,
    "collective nouns": _no_counts(trim_collective_nouns),
    "places split": split_coordinated_places,
    "persons split": split_coordinated_persons,
    "places back-off": back_off_places,
    "name after title": extend_after_titles,
    "full forms": _no_counts(propagate_full_forms),
    "propagation": propagate_names,
    "quoted names": _no_counts(tag_quoted_names),
    "remits": _no_counts(join_remits),
    "consistency": _no_counts(make_consistent),
    "adjective places": _no_counts(drop_adjective_places),
    "objects of achieving": _no_counts(drop_achieved_words),
    "organisation heads": _no_counts(type_after_org_heads),
    "clubs": _no_counts(type_clubs),
}


def refined(
    words: list[list[str]], pred: list[list[str]], counts: Mapping[str, int], size: int
) -> list[list[str]]:
    """All rules, with runs of ``size`` sentences as articles."""
    out: list[list[str]] = []
    for i in range(0, len(words), size):
        out.extend(refine(words[i : i + size], pred[i : i + size], counts))
    return out


def tag_articles(tagger: Tagger, words: list[list[str]], size: int) -> list[list[str]]:
    """The tagger's tags with runs of ``size`` sentences as articles."""
    out: list[list[str]] = []
    for i in range(0, len(words), size):
        out.extend(tagger.tag_document(words[i : i + size]))
    return out


def show(name: str, scores: dict[str, object]) -> None:
    o = scores["overall"]
    assert isinstance(o, dict)
    print(f"{name:28s} P {o['precision']:.4f}  R {o['recall']:.4f}  F1 {o['f1']:.4f}")
    types = scores["types"]
    assert isinstance(types, dict)
    for kind, s in types.items():
        print(
            f"  {kind:5s} P {s['precision']:.4f}  R {s['recall']:.4f}  F1 {s['f1']:.4f}"
            f"  (gold {s['gold']})"
        )


def main() -> None:
    if not ANERCORP.is_file():
        sys.exit(f"{ANERCORP} not found: clone the shared data beside the project")
    sentences = read_conll(ANERCORP)
    cut = len(sentences) - len(sentences) // DEV_FRACTION
    train, dev = sentences[:cut], sentences[cut:]
    gold = [[t for _, t in s] for s in dev]
    words = [[w for w, _ in s] for s in dev]
    table = most_frequent_tag(train)
    show(
        "baseline (most frequent tag)", score_conll(gold, [baseline_tags(w, table) for w in words])
    )
    tagger = get_tagger()
    counts = tagger.resources.counts
    preds = {size: tag_articles(tagger, words, size) for size in (1, BLOCK)}
    show("marsad CRF (sentence)", score_conll(gold, preds[1]))
    show(f"marsad CRF ({BLOCK} sentences)", score_conll(gold, preds[BLOCK]))
    show("CRF + refine (sentence)", score_conll(gold, refined(words, preds[1], counts, 1)))
    show(
        f"CRF + refine ({BLOCK} sentences)",
        score_conll(gold, refined(words, preds[BLOCK], counts, BLOCK)),
    )
    for name, rule in RULES.items():
        row = []
        for size in (1, BLOCK):
            tags = [list(p) for p in preds[size]]
            for i in range(0, len(words), size):
                rule(words[i : i + size], tags[i : i + size], counts)
            row.append(f"{score_conll(gold, tags)['overall']['f1']:.4f}")
        print(f"  rule alone: {name:18s} F1 {row[0]} (sentence)  {row[1]} ({BLOCK} sentences)")
    n_tokens = sum(len(w) for w in words)
    for size in (1, BLOCK):
        wall = cpu = float("inf")
        for _ in range(SPEED_ROUNDS):
            t0, c0 = time.perf_counter(), time.process_time()
            tag_articles(tagger, words, size)
            wall = min(wall, time.perf_counter() - t0)
            cpu = min(cpu, time.process_time() - c0)
        # CPU time is printed beside wall time: on a shared machine wall time measures the
        # neighbours as much as the tagger.
        print(
            f"speed ({size}-sentence articles, features + CRF, {n_tokens} tokens, best of "
            f"{SPEED_ROUNDS}): {n_tokens / wall:,.0f} tokens/s wall, "
            f"{n_tokens / cpu:,.0f} tokens/s CPU"
        )
    base_t0 = time.perf_counter()
    for w in words:
        baseline_tags(w, table)
    base_time = time.perf_counter() - base_t0
    print(f"speed (baseline): {n_tokens / base_time:,.0f} tokens/s wall")


if __name__ == "__main__":
    main()
