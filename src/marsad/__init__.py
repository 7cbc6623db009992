"""marsad: Arabic-first news intelligence."""

from marsad.errors import (
    ConfigError,
    InputError,
    MarsadError,
    MissingExtraError,
    ModelError,
    StoreError,
)
from marsad.model import Article, Claim, DateRef, Document, Entity, Mention, Quote, Story

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Claim",
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
    "Story",
    "StoreError",
    "__version__",
]
