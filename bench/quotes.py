"""Quotation extraction against the hand-annotated gold set, plus throughput.

    python bench/quotes.py

Reads the gold articles from the archives in ../shared/data (bench/data/quotes_gold.jsonl
names them), runs ``marsad.quotes.extract_quotes`` (after ``marsad.entities.recognize``
when it imports) and prints quote precision/recall, speaker accuracy on matched quotes,
and articles per second over SaudiNewsNet articles. The baseline in the same run takes
only text between quotation marks and gives it the words after the nearest preceding
reporting verb as speaker.

The gold set has three parts, printed separately: ``dev`` (17 articles the rules were
developed on), ``test`` (9 articles annotated later; first scored before the rules were
changed again) and ``test2`` (6 articles annotated last, the same way).
"""

from __future__ import annotations

import io
import json
import re
import sys
import tarfile
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from marsad.model import Article, Document, Quote
from marsad.quotes import extract_quotes
from marsad.quotes._lexicon import lexicon
from marsad.quotes._marks import find_quoted
from marsad.text import normalize, tokenize

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"
GOLD = ROOT / "bench" / "data" / "quotes_gold.jsonl"
# A predicted quote matches a gold one when their spans overlap by at least this share of
# the shorter span: boundaries of reported clauses are a matter of taste (trailing
# adverbials, "، مشيراً إلى ..."), the content is not.
MIN_OVERLAP = 0.5
# Articles timed for throughput (SaudiNewsNet, first day files in name order).
THROUGHPUT_ARTICLES = 1000
# Words kept as the baseline's speaker after the verb.
BASELINE_SPEAKER_WORDS = 4

Extractor = Callable[[Document], None]


@dataclass
class GoldQuote:
    start: int
    end: int
    kind: str
    speaker: str
    canonical: str


@dataclass
class GoldArticle:
    ref: str
    split: str
    text: str
    quotes: list[GoldQuote]


def _ant_text(raw: str) -> str:
    m = re.search(r"<TEXT>\n?(.*?)</TEXT>", raw, re.S)
    if m is None:
        raise ValueError("no <TEXT> element")
    return m.group(1).strip()


def _locate(text: str, fragment: str, nth: int) -> int:
    pos = -1
    for _ in range(nth):
        pos = text.find(fragment, pos + 1)
        if pos < 0:
            raise ValueError(f"gold text not in article: {fragment[:60]!r}")
    return pos


def load_gold(data_dir: Path = SHARED_DATA, gold_path: Path = GOLD) -> list[GoldArticle]:
    rows = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines()]
    zips: dict[str, list[dict[str, str]]] = {}
    ant: dict[str, str] = {}
    wanted = {row["member"] for row in rows if row["corpus"] == "ant"}
    for archive in {row["archive"] for row in rows if row["corpus"] == "ant"}:
        with tarfile.open(data_dir / archive) as tar:
            for info in tar:
                if info.name in wanted:
                    member = tar.extractfile(info)
                    assert member is not None
                    ant[info.name] = _ant_text(member.read().decode("utf-8"))
    out: list[GoldArticle] = []
    for row in rows:
        if row["corpus"] == "ant":
            text, ref = ant[row["member"]], row["member"]
        else:
            key = f"{row['archive']}/{row['member']}"
            if key not in zips:
                with zipfile.ZipFile(data_dir / row["archive"]) as z:
                    zips[key] = json.loads(z.read(row["member"]))
            item = zips[key][row["index"]]
            if item["url"] != row["url"]:
                raise ValueError(f"{key}[{row['index']}] is not {row['url']}")
            text, ref = item["content"], row["url"]
        quotes = []
        for q in row["quotes"]:
            start = _locate(text, q["text"], q.get("nth", 1))
            quotes.append(
                GoldQuote(start, start + len(q["text"]), q["kind"], q["speaker"], q["canonical"])
            )
        out.append(GoldArticle(ref, row["split"], text, quotes))
    return out


def _words(s: str) -> list[str]:
    out = []
    for t in tokenize(normalize(s)):
        if t.text[0].isalnum():
            out.append(t.text[2:] if t.text.startswith("ال") and len(t.text) > 3 else t.text)
    return out


def speaker_ok(pred: str | None, gold: GoldQuote) -> bool:
    """Right when the prediction names the canonical speaker (its last word: surname or
    head noun) or repeats the gold speaker as written."""
    if not pred:
        return False
    words = _words(pred)
    canonical = _words(gold.canonical)
    return (bool(canonical) and canonical[-1] in words) or words == _words(gold.speaker)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    shorter = min(a[1] - a[0], b[1] - b[0])
    return inter / shorter if inter > 0 and shorter > 0 else 0.0


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    speaker_right: int = 0
    kind_right: int = 0
    linked: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.matched if self.matched else 0.0


def _speakers_of(doc: Document, q: Quote) -> list[str | None]:
    """The speaker as written, and the linked mention's text when there is one."""
    if q.speaker_mention is not None:
        return [q.speaker, doc.mentions[q.speaker_mention].text]
    return [q.speaker]


def score(
    articles: list[GoldArticle], extract: Extractor, recognize: Extractor | None
) -> tuple[Score, list[str]]:
    total = Score()
    misses: list[str] = []
    for art in articles:
        doc = Document(Article(id=art.ref, source=art.ref, text=art.text))
        if recognize is not None:
            recognize(doc)
        extract(doc)
        total.gold += len(art.quotes)
        total.predicted += len(doc.quotes)
        free = list(doc.quotes)
        for g in art.quotes:
            best = max(
                free, key=lambda q: _overlap((q.start, q.end), (g.start, g.end)), default=None
            )
            if best is None or _overlap((best.start, best.end), (g.start, g.end)) < MIN_OVERLAP:
                misses.append(f"MISS {art.ref}: {art.text[g.start : g.end][:70]}")
                continue
            free.remove(best)
            total.matched += 1
            total.kind_right += best.kind == g.kind
            total.linked += best.speaker_mention is not None
            if any(speaker_ok(name, g) for name in _speakers_of(doc, best)):
                total.speaker_right += 1
            else:
                misses.append(f"SPKR {art.ref}: {best.speaker!r} vs {g.canonical!r}")
        misses.extend(f"FP   {art.ref}: {q.text[:70]}" for q in free)
    return total, misses


def baseline(doc: Document) -> None:
    """Every quoted span, speaker = words after the nearest reporting verb before it."""
    lex = lexicon()
    text = doc.article.text
    toks = tokenize(text)
    verbs = []
    for i, t in enumerate(toks):
        w = normalize(t.text)
        if w in lex.verbs or (w[:1] in lex.verb_clitics and w[1:] in lex.verbs):
            verbs.append(i)
    quotes = []
    for span in find_quoted(text):
        before = [i for i in verbs if toks[i].end <= span.open]
        speaker = None
        if before:
            after = [t for t in toks[before[-1] + 1 :] if t.start < span.open]
            words = []
            for t in after[:BASELINE_SPEAKER_WORDS]:
                if not t.text[0].isalnum():
                    break
                words.append(t.text)
            speaker = " ".join(words) or None
        quotes.append(
            Quote(
                id=f"b{span.open}",
                article_id=doc.id,
                speaker=speaker,
                text=text[span.start : span.end],
                kind="direct",
                start=span.start,
                end=span.end,
            )
        )
    doc.quotes = quotes


def _recognizer() -> Extractor | None:
    """``marsad.entities.recognize`` when it imports and its model loads."""
    try:
        from marsad.entities import recognize

        recognize(Document(Article(id="probe", source="probe", text="قال الرئيس")))
    except Exception as err:  # a stage still being written must not stop the benchmark
        print(f"entities unavailable: {err}")
        return None
    return recognize


def iter_saudinewsnet(data_dir: Path = SHARED_DATA) -> Iterator[str]:
    for path in sorted((data_dir / "saudinewsnet").glob("*.zip")):
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                for item in json.load(io.TextIOWrapper(z.open(name), encoding="utf-8")):
                    yield item["content"]


def throughput(extract: Extractor, recognize: Extractor | None, n: int) -> float:
    texts = []
    for text in iter_saudinewsnet():
        texts.append(text)
        if len(texts) == n:
            break
    docs = [Document(Article(id=str(i), source="snn", text=t)) for i, t in enumerate(texts)]
    if recognize is not None:
        for doc in docs:
            recognize(doc)
    began = time.perf_counter()
    for doc in docs:
        extract(doc)
    return len(docs) / (time.perf_counter() - began)


def _line(name: str, s: Score) -> str:
    return (
        f"{name:<10} P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f} "
        f"speaker={s.speaker_accuracy:.3f} kind={s.kind_right}/{s.matched} "
        f"linked={s.linked}/{s.matched} "
        f"(gold {s.gold}, predicted {s.predicted}, matched {s.matched})"
    )


def main() -> None:
    if not (SHARED_DATA / "ant").is_dir():
        sys.exit("../shared/data is not beside the checkout")
    articles = load_gold()
    recognize = _recognizer()
    print(f"gold: {len(articles)} articles, {sum(len(a.quotes) for a in articles)} quotes")
    print("mentions:", "marsad.entities.recognize" if recognize else "none (entities absent)")
    for split in ("dev", "test", "test2", "all"):
        part = [a for a in articles if split in ("all", a.split)]
        ours, misses = score(part, extract_quotes, recognize)
        base, _ = score(part, baseline, None)
        print(f"-- {split}: {len(part)} articles")
        print(_line("marsad", ours))
        print(_line("baseline", base))
        if "-v" in sys.argv and split != "all":
            print("\n".join(misses))
    rate = throughput(extract_quotes, recognize, THROUGHPUT_ARTICLES)
    print(
        f"throughput: {rate:.0f} articles/s (extract_quotes on {THROUGHPUT_ARTICLES} SaudiNewsNet)"
    )
    base_rate = throughput(baseline, None, THROUGHPUT_ARTICLES)
    print(f"baseline throughput: {base_rate:.0f} articles/s")


if __name__ == "__main__":
    main()
