"""Scoring a stage against itself with its new rules switched off (not a script).

Used by the scripts whose baseline is the shipped code minus some rules: each rule is a
module-level function, replaced for the baseline run by a stand-in and restored after.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from types import ModuleType
from typing import Any


def compare(
    title: str,
    figures: Callable[[], dict[str, float]],
    module: ModuleType,
    stand_ins: dict[str, Callable[..., Any]],
    width: int,
) -> None:
    """Print ``figures()`` with ``module``'s rules replaced by ``stand_ins`` and as shipped.

    One row a figure (label padded to ``width``), then the seconds each run took.
    """
    shipped = {name: getattr(module, name) for name in stand_ins}
    for name, stand_in in stand_ins.items():
        setattr(module, name, stand_in)
    try:
        t0 = time.perf_counter()
        base = figures()
        t1 = time.perf_counter()
    finally:
        for name, rule in shipped.items():
            setattr(module, name, rule)
    new = figures()
    t2 = time.perf_counter()
    print(title)
    print(f"{'':{width}} {'baseline':>9} {'marsad':>9}")
    for key in new:
        print(f"{key:{width}} {base[key]:>9} {new[key]:>9}")
    print(f"{'seconds':{width}} {t1 - t0:>9.1f} {t2 - t1:>9.1f}")
