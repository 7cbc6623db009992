"""Reading the stage's TSV tables (package data), comments and blank lines skipped."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

MODEL_DIR = Path(__file__).resolve().parent / "model"


def _unescape(cell: str) -> str:
    """``\\uXXXX`` escapes (how the tables write invisible characters) to characters."""
    if "\\u" not in cell:
        return cell
    return cell.encode("ascii", "backslashreplace").decode("unicode_escape")


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
    text = resources.files("marsad.entities").joinpath("data", name).read_text(encoding="utf-8")
    return tuple(tuple(r) for r in parse_rows(text))
