"""Reading the stage's TSV tables (package data), comments and blank lines skipped."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

DATA = "marsad.entities.data"
MODEL_DIR = Path(__file__).resolve().parent / "model"


def _unescape(cell: str) -> str:
    return cell.encode("ascii", "backslashreplace").decode("unicode_escape") if "\\u" in cell \
        else cell


def parse_rows(text: str) -> list[list[str]]:
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append([_unescape(c.strip()) for c in line.split("\t")])
    return rows


@cache
def read_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of ``entities/data/<name>``."""
    text = resources.files(DATA).joinpath(name).read_text(encoding="utf-8")
    return tuple(tuple(r) for r in parse_rows(text))
