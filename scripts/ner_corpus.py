"""Unlabelled Arabic news text for NER clusters, gazetteer mining and self-training.

Reads the ANT corpus tarball straight from ../shared/data (no unpacking on disk) and writes
one tokenised paragraph per line, so the later steps can stream it. Tokens follow ANERcorp's
convention: clitics stay attached, punctuation is split off.

Only ANT feeds the shipped model: SaudiNewsNet is CC BY-NC-SA and marked "evaluation only,
never redistribute" in ../shared/README.md, so a model shipped with marsad must not be
derived from it. ``--with-saudinewsnet`` adds it for local experiments only.
"""

from __future__ import annotations

import argparse
import json
import re
import tarfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
DEFAULT_OUT = ROOT / "build" / "ner" / "corpus.txt"

_TEXT_RE = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_TITLE_RE = re.compile(r"<TITLE>(.*?)</TITLE>", re.S)
_TOKEN_RE = re.compile(r"\w+|[^\w\s]")
_ARABIC_RE = re.compile(r"[\u0600-\u06ff]")


def _ant(path: Path) -> Iterator[str]:
    with tarfile.open(path) as tar:
        for member in tar:
            if not member.isfile() or not member.name.endswith(".txt"):
                continue
            handle = tar.extractfile(member)
            if handle is None:
                continue
            raw = handle.read().decode("utf-8", errors="replace")
            for pattern in (_TITLE_RE, _TEXT_RE):
                for block in pattern.findall(raw):
                    yield from block.split("\n")


def _saudinewsnet(folder: Path) -> Iterator[str]:
    for path in sorted(folder.glob("*.zip")):
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                if not name.endswith(".json"):
                    continue
                for item in json.load(archive.open(name)):
                    yield item.get("title") or ""
                    yield from (item.get("content") or "").split("\n")


def paragraphs(data: Path = DATA, saudinewsnet: bool = False) -> Iterator[list[str]]:
    """Tokenised Arabic paragraphs, in a fixed order."""
    sources = [_ant(data / "ant" / "antcorpus_multisource_v2.1.tar.gz")]
    if saudinewsnet:
        sources.append(_saudinewsnet(data / "saudinewsnet"))
    for source in sources:
        for line in source:
            if _ARABIC_RE.search(line):
                yield _TOKEN_RE.findall(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument(
        "--with-saudinewsnet",
        action="store_true",
        help="also read SaudiNewsNet (experiments only: its licence forbids "
        "shipping anything derived from it)",
    )
    args = parser.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    seen: set[int] = set()
    lines = tokens = 0
    with args.out.open("w", encoding="utf-8") as out:
        for para in paragraphs(saudinewsnet=args.with_saudinewsnet):
            key = hash(tuple(para))
            if key in seen:
                continue
            seen.add(key)
            out.write(" ".join(para) + "\n")
            lines += 1
            tokens += len(para)
    print(f"{lines} paragraphs, {tokens} tokens -> {args.out}")


if __name__ == "__main__":
    main()
