"""One exception hierarchy; every message says what went wrong and what to do."""

from __future__ import annotations


class MarsadError(Exception):
    """Base class of every error marsad raises on purpose."""


class InputError(MarsadError):
    """One input item could not be read; the batch goes on without it.

    ``reason`` is a short machine-friendly key (``empty``, ``binary``, ``too_large``,
    ``unreadable``, ``encoding``, ``truncated``, ``format``, ``boilerplate``) used to count
    skips.
    """

    def __init__(self, source: str, reason: str, detail: str) -> None:
        self.source = source
        self.reason = reason
        self.detail = detail
        super().__init__(f"{source}: {detail}")


class StoreError(MarsadError):
    """The database could not be opened, migrated or written."""


class ConfigError(MarsadError):
    """A setting is missing or has a value marsad cannot use."""


class MissingExtraError(MarsadError):
    """An optional feature needs a package that is not installed."""

    def __init__(self, feature: str, extra: str) -> None:
        super().__init__(
            f"{feature} needs the optional '{extra}' extra: pip install 'marsad[{extra}]'"
        )


class ModelError(MarsadError):
    """A shipped model file is missing or unreadable (reinstall marsad or retrain)."""
