"""Reading the stage's TSV tables (package data), comments and blank lines skipped."""

from __future__ import annotations

from pathlib import Path

from marsad._tables import read_rows as _read_rows

MODEL_DIR = Path(__file__).resolve().parent / "model"


def read_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of ``entities/data/<name>``."""
    return _read_rows("marsad.entities", name)
