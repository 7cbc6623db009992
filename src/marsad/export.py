"""The JSON export: one stable, versioned object (documented in docs/export.md)."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from marsad.store import Store

SCHEMA = "marsad/1"


def build_export(store: Store) -> dict[str, Any]:
    """Everything in the store as plain JSON-ready data, in a stable order."""
    articles: list[dict[str, Any]] = []
    quotes: list[dict[str, Any]] = []
    claims: list[dict[str, Any]] = []
    dates: list[dict[str, Any]] = []
    for doc in store.iter_documents():
        articles.append(doc.article.to_dict())
        quotes += [q.to_dict() for q in doc.quotes]
        claims += [c.to_dict() for c in doc.claims]
        dates += [d.to_dict() for d in doc.dates]
    return {
        "schema": SCHEMA,
        "articles": articles,
        "stories": [s.to_dict() for s in store.all_stories()],
        "entities": [e.to_dict() for e in store.all_entities()],
        "quotes": quotes,
        "claims": claims,
        "dates": dates,
    }


def write_json(store: Store, path: str | Path) -> int:
    """Write the export atomically (a crash never leaves half a file); returns bytes written."""
    data = json.dumps(build_export(store), ensure_ascii=False, indent=1, sort_keys=False)
    target = Path(path)
    if str(target) == "-":
        print(data)
        return len(data.encode("utf-8"))
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".marsad-export-", dir=target.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(data)
    os.replace(tmp, target)
    return len(data.encode("utf-8"))
