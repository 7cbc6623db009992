"""Loads the ingest rule tables from ``data/`` once, so the rules stay readable data."""

from __future__ import annotations

import json
import math
from functools import cache
from typing import Any

from marsad._tables import data_text, read_rows


def _read(name: str) -> str:
    return data_text("marsad.ingest", name)


def _rows(name: str) -> tuple[tuple[str, ...], ...]:
    return read_rows("marsad.ingest", name)


@cache
def encoding_facts() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_read("encoding.json"))
    return data


@cache
def field_aliases() -> dict[str, list[str]]:
    data = json.loads(_read("fields.json"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


@cache
def magic_numbers() -> tuple[tuple[bytes, str], ...]:
    return tuple((bytes.fromhex(sig), what) for sig, what in _rows("magic.tsv"))


@cache
def extension_formats() -> dict[str, str]:
    return {ext: fmt for ext, fmt in _rows("extensions.tsv")}


@cache
def letter_log_freq() -> dict[str, float]:
    """Natural log of each Arabic letter's share of letters in real news."""
    return {row[0]: math.log(int(row[2]) / 1e6) for row in _rows("letter_freq.tsv")}


@cache
def archive_skip_names() -> frozenset[str]:
    return frozenset(row[0].strip().lower() for row in _rows("archive_skip.txt"))
