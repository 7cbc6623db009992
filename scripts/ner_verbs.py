"""Words news uses as verbs, for the rule that trims a verb off the end of a name.

A name the tagger runs on into the next word takes a verb with it when the name is the
verb's subject ("برئاسة تشوي غادر أمس" → "تشوي غادر", "وكان يونايتد فاز على"). Arabic
writes no capitals, so the evidence is distributional: a word written after a particle
that only precedes verbs (verb_particles.tsv: قد، لقد …) in a large enough share of its
occurrences in the unlabelled ANT text is a verb; names never follow "قد" ("محمد" 0 of
5,284, "بوتين" 0 of 1,360; "غادر" 38 of 321). Homographs of names the tagger's training
part writes inside a name ("رفعت", "نزل") are left out, read from the first five sixths of
ANERcorp only so that the held-out sixth stays unseen. Output ``verbs.tsv``:
``word<TAB>after particle<TAB>count``, normalised spelling.

    python scripts/ner_verbs.py
"""

from __future__ import annotations

import argparse
from collections import Counter
from itertools import pairwise
from pathlib import Path

from marsad.entities._data import read_rows
from marsad.text import normalize

ROOT = Path(__file__).resolve().parent.parent
ANERCORP = ROOT.parent / "shared" / "data" / "anercorp" / "train.txt"
DEFAULT_CORPUS = ROOT / "build" / "ner" / "corpus.txt"
DEFAULT_OUT = ROOT / "src" / "marsad" / "entities" / "data" / "verbs.tsv"
DEV_FRACTION = 6  # the held-out split of scripts/train_ner.py
# A word must follow a verb particle at least this often...
MIN_AFTER_PARTICLE = 5
# ...and in at least this share of its occurrences. At 0.05, refine.trim_verbs changed 9
# mentions on 7,730 SaudiNewsNet articles of five days (2015-07-22, 07-26, 08-02, 08-09,
# 08-10), all right ("وفاز" 7 times, "وأشارت الموسوي" → "الموسوي" twice), and none on
# ANERcorp's held-out sixth. At 0.01 words of names get in: the person mentions an earlier
# version stored for three of those days end in "طالب" (3.5% of its occurrences after قد),
# "حافظ" (4.1%) and "صادق" (3.1%), as in "علي بن أبي طالب".
MIN_PARTICLE_SHARE = 0.05


def name_words(path: Path) -> set[str]:
    """Forms ANERcorp's training part writes inside a name."""
    blocks = [b for b in path.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    train = blocks[: len(blocks) - len(blocks) // DEV_FRACTION]
    out: set[str] = set()
    for block in train:
        for line in block.splitlines():
            parts = line.split()
            if len(parts) > 1 and parts[-1] != "O":
                out.add(normalize(parts[0]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    particles = {normalize(r[0]) for r in read_rows("verb_particles.tsv")}
    counts: Counter[str] = Counter()
    after: Counter[str] = Counter()
    with args.corpus.open(encoding="utf-8") as handle:
        for line in handle:
            words = [normalize(w) for w in line.split()]
            counts.update(words)
            after.update(b for a, b in pairwise(words) if a in particles)
    in_names = name_words(ANERCORP)
    verbs = sorted(
        w
        for w, n in after.items()
        if n >= MIN_AFTER_PARTICLE
        and n >= MIN_PARTICLE_SHARE * counts[w]
        and w not in in_names
        and w not in particles
    )
    with args.out.open("w", encoding="utf-8") as out:
        out.write("# word\tafter a verb particle\tcount  (ANT corpus; scripts/ner_verbs.py)\n")
        out.writelines(f"{w}\t{after[w]}\t{counts[w]}\n" for w in verbs)
    print(f"{len(verbs)} verbs written to {args.out}")


if __name__ == "__main__":
    main()
