"""Ingest + clean throughput on all of SaudiNewsNet (31,030 articles in 18 daily zips).

Runs twice in one process: ingest only (the baseline), then ingest followed by
``marsad.clean.clean`` on every document. Prints items/s by wall clock and by CPU time
(the single-core figure; wall time is inflated on a shared machine) and peak memory
(tracemalloc peak of Python allocations, and the process's maximum resident set size).
Target: at least 500 items/s on one core (CPU time) for ingest + clean.

    python bench/ingest_clean.py [--limit N] [--tracemalloc]

Throughput is measured without tracemalloc (it slowed clean 3-4x in a trial run); pass
--tracemalloc for the Python-allocation peak, with rates that are then not comparable.
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
    label: str,
    items: Iterator[RawDocument | InputError],
    clean: Callable[[RawDocument], list[Any]] | None,
    trace: bool,
) -> float:
    counts: Counter[str] = Counter()
    if trace:
        tracemalloc.start()
    start, cpu_start = time.perf_counter(), time.process_time()
    for item in items:
        if isinstance(item, InputError):
            counts[f"skipped:{item.reason}"] += 1
            continue
        counts["documents"] += 1
        if clean is not None:
            counts["articles out"] += len(clean(item))
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    memory = ""
    if trace:
        memory = f"tracemalloc peak {tracemalloc.get_traced_memory()[1] / 2**20:5.1f} MiB  "
        tracemalloc.stop()
    total = counts["documents"] + sum(v for k, v in counts.items() if k.startswith("skip"))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{label:<16} wall {total / elapsed:6.0f} items/s ({elapsed:5.1f} s)  "
        f"CPU {total / cpu:6.0f} items/s ({cpu:5.1f} s)  {memory}max RSS so far {rss:4.0f} MiB"
    )
    print(f"{'':<16} {dict(counts)}")
    return total / cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="stop after N items (quick runs)")
    parser.add_argument(
        "--tracemalloc",
        action="store_true",
        help="also report the tracemalloc peak (slows allocation-heavy code)",
    )
    args = parser.parse_args()
    zips = sorted(SAUDI.glob("*.zip"))
    if not zips:
        print(
            f"no SaudiNewsNet zips under {SAUDI}: clone shared/ beside the project", file=sys.stderr
        )
        return 1
    trace = args.tracemalloc
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
