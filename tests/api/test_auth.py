"""Key hashing and loading: only hashes are stored, and only the right key verifies."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.api import KeyRing, hash_key, load_key_hashes, new_key
from marsad.errors import ConfigError


@settings(max_examples=50, deadline=None)
@given(st.text(min_size=1, max_size=80), st.text(min_size=1, max_size=80))
def test_only_the_hashed_key_verifies(key: str, other: str) -> None:
    ring = KeyRing([hash_key(key)])
    assert ring.verify(key)
    assert ring.verify(other) == (other == key)


def test_hash_is_salted_and_hides_the_key() -> None:
    key, stored = new_key()
    assert KeyRing([stored]).verify(key)
    a, b = hash_key(key), hash_key(key)
    assert a != b and key not in a and key not in stored
    assert a.startswith("sha256$") and len(a.split("$")[2]) == 64
    assert len(key) >= 40


def test_empty_key_and_malformed_hash_are_config_errors() -> None:
    with pytest.raises(ConfigError):
        hash_key("")
    with pytest.raises(ConfigError, match="sha256"):
        KeyRing(["md5$00$11"])
    with pytest.raises(ConfigError, match="hex"):
        KeyRing(["sha256$zz$11"])


def test_keys_from_env_and_file(tmp_path: Path) -> None:
    one, two = hash_key("one"), hash_key("two")
    keys_file = tmp_path / "keys"
    keys_file.write_text(f"# marsad API keys\n{two}\n\n", encoding="utf-8")
    hashes = load_key_hashes(
        {"MARSAD_API_KEYS": f" {one} ,", "MARSAD_API_KEYS_FILE": str(keys_file)}
    )
    assert hashes == [one, two]
    ring = KeyRing(hashes)
    assert ring.verify("one") and ring.verify("two") and not ring.verify("three")
    assert load_key_hashes({}) == []
    with pytest.raises(ConfigError, match="keys file"):
        load_key_hashes({"MARSAD_API_KEYS_FILE": str(tmp_path / "missing")})
