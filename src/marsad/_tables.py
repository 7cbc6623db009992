"""Reading the stages' data tables: rules live in TSV files so linguists can edit them.

Every stage reads its ``<package>/data/*`` files through here, so the table format (tabs,
``#`` comments, ``\\uXXXX`` escapes for invisible characters) has one definition.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})")


def unescape(field: str) -> str:
    """Turn ``\\uXXXX`` escapes into characters (invisible ones stay readable in files)."""
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), field)


def data_text(package: str, name: str) -> str:
    """The text of ``<package>/data/<name>``."""
    return resources.files(package).joinpath("data", name).read_text(encoding="utf-8")


def parse_rows(text: str) -> tuple[tuple[str, ...], ...]:
    """Rows of tab-separated text, comments (``#``) and blank lines skipped, unescaped."""
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(tuple(unescape(f.strip()) for f in line.split("\t")))
    return tuple(rows)


@cache
def read_rows(package: str, name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of the table ``<package>/data/<name>`` (read once per process)."""
    return parse_rows(data_text(package, name))
