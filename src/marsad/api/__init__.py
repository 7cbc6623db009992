"""REST API over the store (FastAPI, the ``web`` extra); see :func:`create_app`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from marsad.api.auth import KeyRing, hash_key, load_key_hashes, new_key
from marsad.config import Settings
from marsad.errors import MissingExtraError
from marsad.store.base import Store

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["KeyRing", "create_app", "hash_key", "load_key_hashes", "new_key"]


def create_app(
    store: Store, settings: Settings, *, api_keys: Iterable[str] | None = None
) -> FastAPI:
    """The FastAPI app; ``api_keys`` are key hashes (default: ``MARSAD_API_KEYS[_FILE]``)."""
    try:
        from marsad.api.app import create_app as build
    except ImportError as exc:
        raise MissingExtraError("the REST API", "web") from exc
    return build(store, settings, api_keys=api_keys)
