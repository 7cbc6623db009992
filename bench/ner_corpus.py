"""Cross-article name propagation (entities.propagate), scored on ANERcorp's held-out sixth.

The held-out sixth (as in bench/ner.py) is cut into runs of BLOCK consecutive sentences,
each read as one article through the entity stage (``mentions_in``: CRF, document rules,
clitics and titles off) with ANERcorp's conventions (``news=False``). Its mentions are
mapped back to the tokens they cover and scored with conlleval, first article by article
(the baseline), then after ``propagate`` over all the articles, across
``MIN_TAGGED_SHARE`` values (the shipped one is marked). The shipped stage's news
conventions, which ANERcorp's gold does not follow, are scored once beside the baseline.

    python bench/ner_corpus.py
"""

from __future__ import annotations

import copy
import sys
from typing import Any

from marsad.entities import propagation, score_conll
from marsad.entities.recognize import mentions_in
from marsad.entities.tagger import get_tagger
from marsad.model import Article, Document
from ner import ANERCORP, BLOCK, DEV_FRACTION, Sentence, read_conll

SHARES = (0.0, 0.1, 0.2, 0.3, 0.5)
_LABELS = {"PER": "PERS", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}


def as_document(n: int, block: list[Sentence]) -> tuple[Document, list[list[tuple[int, int]]]]:
    """One article of the sentences (tokens joined by spaces, a line a sentence) and each
    token's character span in it."""
    parts: list[str] = []
    offsets: list[list[tuple[int, int]]] = []
    pos = 0
    for sent in block:
        spans = []
        for word, _ in sent:
            spans.append((pos, pos + len(word)))
            parts.append(word + " ")
            pos += len(word) + 1
        parts[-1] = parts[-1][:-1] + "\n"
        offsets.append(spans)
    text = "".join(parts)
    article = Article(id=f"anercorp-{n}", text=text, title="", source="anercorp")
    return Document(article), offsets


def token_tags(doc: Document, offsets: list[list[tuple[int, int]]]) -> list[list[str]]:
    """IOB2 tags of the tokens the document's mentions cover (a token counts when the
    mention overlaps it: a clitic cut off the name leaves the token tagged)."""
    out = [["O"] * len(spans) for spans in offsets]
    for m in sorted(doc.mentions, key=lambda m: m.start):
        first = True
        for s, spans in enumerate(offsets):
            for t, (a, b) in enumerate(spans):
                if a < m.end and m.start < b and out[s][t] == "O":
                    out[s][t] = ("B-" if first else "I-") + _LABELS[m.type]
                    first = False
    return out


def score(
    docs: list[Document], offsets: list[list[list[tuple[int, int]]]], gold: list[list[str]]
) -> dict[str, Any]:
    pred = [tags for doc, off in zip(docs, offsets, strict=True) for tags in token_tags(doc, off)]
    return score_conll(gold, pred)


def show(name: str, scores: dict[str, object], note: str = "") -> None:
    o = scores["overall"]
    assert isinstance(o, dict)
    types = scores["types"]
    assert isinstance(types, dict)
    per_type = "  ".join(f"{k} {v['f1']:.3f}" for k, v in types.items())
    print(f"{name:34s} P {o['precision']:.4f}  R {o['recall']:.4f}  F1 {o['f1']:.4f}  ({per_type})")


def main() -> None:
    if not ANERCORP.is_file():
        sys.exit(f"{ANERCORP} not found: clone the shared data beside the project")
    sentences = read_conll(ANERCORP)
    dev = sentences[len(sentences) - len(sentences) // DEV_FRACTION :]
    gold = [[t for _, t in s] for s in dev]
    docs, offsets = [], []
    tagger = get_tagger()
    news_docs = []
    for n, i in enumerate(range(0, len(dev), BLOCK)):
        doc, off = as_document(n, dev[i : i + BLOCK])
        doc.mentions = mentions_in(doc.article.text, tagger, news=False)
        docs.append(doc)
        offsets.append(off)
        news_docs.append(Document(doc.article, mentions=mentions_in(doc.article.text, tagger)))
    print(f"{len(dev)} held-out sentences as {len(docs)} articles of {BLOCK}")
    show("articles alone (baseline)", score(docs, offsets, gold))
    # The entity stage as shipped: news conventions on (institutions ORG, currencies
    # dropped), which ANERcorp's gold does not follow; shown for the size of the shift.
    show("articles alone, news conventions", score(news_docs, offsets, gold))
    shipped = propagation.MIN_TAGGED_SHARE
    try:
        for share in SHARES:
            propagation.MIN_TAGGED_SHARE = share
            spread = copy.deepcopy(docs)
            added = propagation.propagate(spread)
            mark = " (shipped)" if share == shipped else ""
            show(f"+ spread, tagged share {share}{mark}", score(spread, offsets, gold), f"+{added}")
    finally:
        propagation.MIN_TAGGED_SHARE = shipped


if __name__ == "__main__":
    main()
