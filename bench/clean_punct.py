"""How often the punctuation repair fires on real news, gated (as shipped) vs ungated.

Run: python bench/clean_punct.py [--limit N]

The stray-stop rule (drop ". " before a clause-continuing word) is only right on damaged
scrapes. This prints, per corpus, how many texts count as damaged (>= DAMAGE_MIN fused
comma-stops), and how many stops the rule would drop with the gate (shipped) and without
it (baseline: every text treated as damaged). On clean corpora the dropped stops are
real sentence ends, so the ungated count is the harm the gate avoids.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from clean_corpus import SHARED, iter_ant, iter_snn
from marsad.clean.punct import DAMAGE_MIN, repair, stop_damage


def dropped_stops(text: str, damaged: bool) -> int:
    before = text.count(".")
    return (
        before - sum(repair(p, damaged).count(".") for p in text.split("\n")) - (stop_damage(text))
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=10**9, help="items per corpus")
    args = parser.parse_args()
    if not (SHARED / "data").is_dir():
        print("../shared/data is not beside the checkout", file=sys.stderr)
        return 1
    seed = next((SHARED / "seeds").glob("001_*.txt"), None)
    if seed is not None:
        text = Path(seed).read_text(encoding="utf-8")
        print(
            f"seed 001: fused comma-stops={stop_damage(text)} "
            f"stray stops dropped={dropped_stops(text, True)}"
        )
    for name, docs in (("ANT", iter_ant(args.limit)), ("SaudiNewsNet", iter_snn(args.limit))):
        damage: Counter[int] = Counter()
        gated = ungated = n = 0
        for raw in docs:
            n += 1
            hits = stop_damage(raw.text)
            damage[min(hits, DAMAGE_MIN)] += 1
            ungated += dropped_stops(raw.text, True)
            gated += dropped_stops(raw.text, hits >= DAMAGE_MIN)
        print(
            f"{name:13s} texts={n} fused comma-stops per text "
            f"{{0: {damage[0]}, 1..{DAMAGE_MIN - 1}: {n - damage[0] - damage[DAMAGE_MIN]}, "
            f">={DAMAGE_MIN}: {damage[DAMAGE_MIN]}}} "
            f"stops dropped: gated={gated} ungated baseline={ungated}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
