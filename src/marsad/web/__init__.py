"""Arabic web UI (``marsad serve``): server-rendered, RTL, works offline; mounts the API."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from marsad.config import Settings
from marsad.errors import MissingExtraError
from marsad.store.base import Store

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["create_web_app", "serve"]


def create_web_app(
    store: Store, settings: Settings, *, api_keys: Iterable[str] | None = None
) -> FastAPI:
    """UI pages plus the REST API under /api/v1; ``api_keys`` are hashes (default: env)."""
    try:
        from marsad.web.app import create_web_app as build
    except ImportError as exc:
        raise MissingExtraError("the web UI", "web") from exc
    return build(store, settings, api_keys=api_keys)


def serve(store_path: str | Path, host: str, port: int, settings: Settings) -> None:
    """Open the store and serve the UI until interrupted."""
    try:
        import uvicorn
    except ImportError as exc:
        raise MissingExtraError("the web UI", "web") from exc
    from marsad.store import open_store

    with open_store(store_path) as store:
        uvicorn.run(create_web_app(store, settings), host=host, port=port, log_level="info")
