"""Reading the data tables: rules live in TSV files so linguists can edit them."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})")


def unescape(field: str) -> str:
    """Turn ``\\uXXXX`` escapes into characters (invisible ones stay readable in files)."""
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), field)


@cache
def read_rows(package: str, name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated table, comments (``#``) and blank lines skipped, unescaped."""
    text = resources.files(package).joinpath("data", name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(tuple(unescape(f.strip()) for f in line.split("\t")))
    return tuple(rows)
