"""marsad (مرصد): Arabic-first news intelligence.

The public API is what this module exports; everything in subpackages beyond their own
``__init__`` is private. Heavy parts (the pipeline, the store) load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from marsad.config import Settings
from marsad.errors import (
    ConfigError,
    InputError,
    MarsadError,
    MissingExtraError,
    ModelError,
    StoreError,
)
from marsad.model import (
    Article,
    Claim,
    Comparison,
    DateRef,
    Document,
    Entity,
    Mention,
    Quote,
    RawDocument,
    Story,
)

if TYPE_CHECKING:
    from marsad.core import RunSummary, analyze
    from marsad.export import build_export, write_json
    from marsad.store import Store, open_store

__version__ = "0.1.0"

_LAZY = {
    "analyze": "marsad.core",
    "RunSummary": "marsad.core",
    "build_export": "marsad.export",
    "write_json": "marsad.export",
    "open_store": "marsad.store",
    "Store": "marsad.store",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'marsad' has no attribute {name!r}")


__all__ = [
    "Article",
    "Claim",
    "Comparison",
    "ConfigError",
    "DateRef",
    "Document",
    "Entity",
    "InputError",
    "MarsadError",
    "Mention",
    "MissingExtraError",
    "ModelError",
    "Quote",
    "RawDocument",
    "RunSummary",
    "Settings",
    "Store",
    "StoreError",
    "Story",
    "__version__",
    "analyze",
    "build_export",
    "open_store",
    "write_json",
]
