"""Shared fixtures: where ../shared lives, and skipping cleanly when it does not."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs the same examples every time (a red build must be reproducible) and never fails a
# property on wall-clock deadlines, which a loaded 2-core machine cannot promise. Locally the
# default profile keeps exploring new examples.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("thorough", max_examples=1000, deadline=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
# Quality gates import their metric from the benchmark that measured it (``from
# bench.clean_corpus import quality``), so the figure and its gate share one definition;
# that needs the checkout's root importable however pytest was started.
if str(ROOT) not in sys.path:
    sys.path.append(str(ROOT))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "data").is_dir():
        pytest.skip("../shared/data is not beside the checkout (clone it next to the project)")
    return SHARED


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    return shared_dir / "seeds"
