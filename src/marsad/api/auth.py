"""API keys: only salted hashes are configured or stored, never the keys themselves.

Keys are random 32-byte tokens made by :func:`new_key`, so a fast salted SHA-256 is enough:
a slow password KDF protects low-entropy secrets and would only add latency to every request.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from collections.abc import Iterable
from pathlib import Path

from marsad.errors import ConfigError

_SCHEME = "sha256"
# 16 bytes of salt: the usual size (NIST SP 800-132 asks for at least 128 bits).
_SALT_BYTES = 16
# 32 bytes = 256 bits of entropy per key, what secrets.token_urlsafe recommends for tokens.
_KEY_BYTES = 32

KEYS_ENV = "MARSAD_API_KEYS"
KEYS_FILE_ENV = "MARSAD_API_KEYS_FILE"


def new_key() -> tuple[str, str]:
    """A fresh random API key for a client, and its hash: configure only the hash."""
    key = secrets.token_urlsafe(_KEY_BYTES)
    return key, hash_key(key)


def hash_key(key: str, *, salt: bytes | None = None) -> str:
    """``sha256$<salt hex>$<digest hex>`` for the keys file or ``MARSAD_API_KEYS``."""
    if not key:
        raise ConfigError("an API key cannot be empty; make one with marsad.api.new_key()")
    salt = os.urandom(_SALT_BYTES) if salt is None else salt
    digest = hashlib.sha256(salt + key.encode("utf-8")).hexdigest()
    return f"{_SCHEME}${salt.hex()}${digest}"


def _parse(stored: str) -> tuple[bytes, str]:
    parts = stored.strip().split("$")
    if len(parts) != 3 or parts[0] != _SCHEME:
        raise ConfigError(
            f"API key hash {stored[:20]!r}... is not of the form sha256$salt$digest; "
            "make hashes with marsad.api.hash_key(key)"
        )
    try:
        return bytes.fromhex(parts[1]), parts[2]
    except ValueError as exc:
        raise ConfigError(f"API key hash {stored[:20]!r}... has a salt that is not hex") from exc


class KeyRing:
    """The configured key hashes; checks a presented key against all of them."""

    def __init__(self, hashes: Iterable[str]) -> None:
        self._entries = [_parse(h) for h in hashes if h.strip()]

    def __len__(self) -> int:
        return len(self._entries)

    def verify(self, key: str) -> bool:
        raw = key.encode("utf-8")
        found = False
        for salt, digest in self._entries:
            # compare_digest on every entry: the time taken does not say which one matched.
            if hmac.compare_digest(hashlib.sha256(salt + raw).hexdigest(), digest):
                found = True
        return found


def load_key_hashes(environ: dict[str, str] | None = None) -> list[str]:
    """Hashes from ``MARSAD_API_KEYS`` (comma separated) and ``MARSAD_API_KEYS_FILE`` (one a line).

    Both may be set; the keys of both are accepted.
    """
    env = os.environ if environ is None else environ
    hashes = [h.strip() for h in env.get(KEYS_ENV, "").split(",") if h.strip()]
    path = env.get(KEYS_FILE_ENV)
    if path:
        try:
            lines = Path(path).read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise ConfigError(f"cannot read the API keys file {path}: {exc}") from exc
        hashes += [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]
    return hashes
