"""Ingest + clean throughput on all of SaudiNewsNet (31,030 articles in 18 daily zips).

Runs twice in one process: ingest only (the baseline), then ingest followed by
``marsad.clean.clean`` on every document. Prints articles/s and peak memory of each
(tracemalloc peak of Python allocations, and the process's maximum resident set size).
Target: at least 500 articles/s on one core for ingest + clean.

    python bench/ingest_clean.py [--limit N] [--no-tracemalloc]
"""

from __future__ import annotations

import argparse
import importlib
import resource
import sys
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from marsad.errors import InputError
from marsad.ingest import iter_inputs
from marsad.model import RawDocument

ROOT = Path(__file__).resolve().parent.parent
SAUDI = ROOT.parent / "shared" / "data" / "saudinewsnet"
TARGET_PER_SECOND = 500


def load_clean() -> Callable[[RawDocument], list[Any]] | None:
    """``marsad.clean.clean`` if that stage exists yet; the bench then measures ingest only."""
    try:
        module = importlib.import_module("marsad.clean")
    except ImportError:
        return None
    func = getattr(module, "clean", None)
    return func if callable(func) else None


def run(
    label: str, items: Iterator[RawDocument | InputError],
    clean: Callable[[RawDocument], list[Any]] | None, trace: bool,
) -> float:
    counts: Counter[str] = Counter()
    if trace:
        tracemalloc.start()
    start = time.perf_counter()
    for item in items:
        if isinstance(item, InputError):
            counts[f"skipped:{item.reason}"] += 1
            continue
        counts["documents"] += 1
        if clean is not None:
            counts["articles out"] += len(clean(item))
    elapsed = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1] / 2**20 if trace else float("nan")
    if trace:
        tracemalloc.stop()
    rate = (counts["documents"] + sum(v for k, v in counts.items() if k.startswith("skip")))
    rate /= elapsed
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{label:<16} {rate:8.0f} items/s  {elapsed:6.1f} s  tracemalloc peak {peak:6.1f} MiB"
          f"  max RSS so far {rss:6.0f} MiB")
    print(f"{'':<16} {dict(counts)}")
    return rate


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="stop after N items (quick runs)")
    parser.add_argument("--no-tracemalloc", action="store_true",
                        help="skip tracemalloc, which itself slows Python down about 2x")
    args = parser.parse_args()
    zips = sorted(SAUDI.glob("*.zip"))
    if not zips:
        print(f"no SaudiNewsNet zips under {SAUDI}: clone shared/ beside the project",
              file=sys.stderr)
        return 1
    trace = not args.no_tracemalloc
    print(f"SaudiNewsNet: {len(zips)} zips; tracemalloc {'on' if trace else 'off'}")
    run("ingest only", islice(iter_inputs(zips), args.limit), None, trace)
    clean = load_clean()
    if clean is None:
        print("marsad.clean.clean is not available yet: measured ingest only")
        return 0
    rate = run("ingest + clean", islice(iter_inputs(zips), args.limit), clean, trace)
    verdict = "meets" if rate >= TARGET_PER_SECOND else "misses"
    print(f"ingest + clean {verdict} the {TARGET_PER_SECOND} items/s target")
    return 0


if __name__ == "__main__":
    sys.exit(main())
