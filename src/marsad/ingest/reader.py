"""Paths, folders, stdin and archives to items; every failure becomes one InputError."""

from __future__ import annotations

import gzip
import os
import sys
import tarfile
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath
from typing import BinaryIO, Protocol

from marsad.config import DEFAULT_MAX_BYTES
from marsad.errors import InputError
from marsad.ingest._tables import archive_skip_names, extension_formats, magic_numbers
from marsad.ingest.encoding import decode_bytes
from marsad.ingest.formats import READERS, Item, sniff

STDIN = "-"
_ARCHIVES = frozenset({"tar", "zip", "gzip"})
# Bytes read per chunk when a stream's length is unknown (stdin, gzip members).
_CHUNK = 1 << 20


def format_for(name: str) -> str | None:
    """Format named by the file extension (longest match, so ``.tar.gz`` beats ``.gz``)."""
    lower = name.lower()
    best: tuple[int, str] | None = None
    for ext, fmt in extension_formats().items():
        if lower.endswith(ext) and (best is None or len(ext) > best[0]):
            best = (len(ext), fmt)
    return best[1] if best else None


def _binary_kind(data: bytes) -> str | None:
    for sig, what in magic_numbers():
        if data.startswith(sig):
            return what
    return None


class _Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


def _read_limited(stream: _Readable, max_bytes: int) -> bytes | None:
    """Up to ``max_bytes`` bytes, or None as soon as the stream proves longer."""
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = stream.read(min(_CHUNK, max_bytes + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            return None


def parse_bytes(data: bytes, source: str, name: str) -> Iterator[Item]:
    """Decode and read one file's bytes; ``name`` picks the format, else the content does."""
    if not data.strip():
        yield InputError(source, "empty", "no content")
        return
    fmt = format_for(name)
    kind = _binary_kind(data)
    if kind is not None:
        yield InputError(source, "binary", f"{kind}, not text")
        return
    if fmt in _ARCHIVES:
        yield InputError(source, "format", "archive inside an archive or stream is not read")
        return
    try:
        text = decode_bytes(data, source)
    except InputError as err:
        yield err
        return
    if not text.strip():
        yield InputError(source, "empty", "only whitespace")
        return
    if fmt is None:
        fmt = sniff(text)
    elif fmt in ("text", "feed") and text.lstrip("\ufeff \t\r\n").startswith("<DOC>"):
        fmt = "trec"
    try:
        yield from READERS[fmt](text, source)
    except Exception as exc:  # lxml/feedparser/trafilatura on hostile input: one item lost
        yield InputError(source, "format", f"{fmt} reader failed: {type(exc).__name__}: {exc}")


def _skip_member(name: str) -> bool:
    parts = PurePosixPath(name).parts
    stem = parts[-1].split(".")[0].lower() if parts else ""
    return any(p.startswith(".") for p in parts) or stem in archive_skip_names()


def _read_tar(path: Path, max_bytes: int) -> Iterator[Item]:
    started = False
    try:
        with tarfile.open(path, mode="r|*") as tar:
            for member in tar:
                started = True
                if not member.isfile() or _skip_member(member.name):
                    continue
                source = f"{path}::{member.name}"
                if member.size > max_bytes:
                    yield InputError(source, "too_large", f"{member.size} bytes > {max_bytes}")
                    continue
                handle = tar.extractfile(member)
                if handle is not None:
                    yield from parse_bytes(handle.read(), source, member.name)
    except (tarfile.TarError, EOFError, zlib.error) as exc:
        if started:
            yield InputError(str(path), "truncated", f"archive ends early: {exc}")
        else:
            yield InputError(str(path), "format", f"damaged or not a tar archive: {exc}")


def _read_zip(path: Path, max_bytes: int) -> Iterator[Item]:
    with zipfile.ZipFile(path) as zf:
        for info in zf.infolist():
            if info.is_dir() or _skip_member(info.filename):
                continue
            source = f"{path}::{info.filename}"
            if info.file_size > max_bytes:
                yield InputError(source, "too_large", f"{info.file_size} bytes > {max_bytes}")
                continue
            try:
                with zf.open(info) as handle:
                    data = _read_limited(handle, max_bytes)
            except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
                yield InputError(source, "truncated", f"damaged archive member: {exc}")
                continue
            if data is None:
                yield InputError(source, "too_large", f"inflates past {max_bytes} bytes")
                continue
            yield from parse_bytes(data, source, info.filename)


def _read_gzip(path: Path, max_bytes: int) -> Iterator[Item]:
    with gzip.open(path, "rb") as handle:
        data = _read_limited(handle, max_bytes)
    if data is None:
        yield InputError(str(path), "too_large", f"inflates past {max_bytes} bytes")
        return
    yield from parse_bytes(data, str(path), path.name[: -len(".gz")])


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """One file; archives are streamed member by member and ``max_bytes`` applies per member."""
    source = str(path)
    fmt = format_for(path.name)
    try:
        if fmt == "tar":
            yield from _read_tar(path, max_bytes)
            return
        if fmt == "zip":
            yield from _read_zip(path, max_bytes)
            return
        if fmt == "gzip":
            yield from _read_gzip(path, max_bytes)
            return
        size = path.stat().st_size
        if size > max_bytes:
            yield InputError(source, "too_large", f"{size} bytes > {max_bytes}; not read")
            return
        data = path.read_bytes()
    except (zipfile.BadZipFile, gzip.BadGzipFile) as exc:
        yield InputError(source, "format", f"damaged or not a {fmt} archive: {exc}")
        return
    except (EOFError, zlib.error) as exc:
        yield InputError(source, "truncated", f"archive ends early: {exc}")
        return
    except OSError as exc:
        yield InputError(source, "unreadable", f"cannot read: {exc.strerror or exc}")
        return
    yield from parse_bytes(data, source, path.name)


def _walk(folder: Path) -> Iterator[Path | InputError]:
    """Files under ``folder`` in sorted order, skipping hidden names and folder symlinks."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield InputError(str(folder), "unreadable", f"cannot list folder: {exc.strerror or exc}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path))
        elif entry.is_file():
            yield Path(entry.path)


def read_stream(stream: BinaryIO, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Items from a byte stream such as stdin; the format is sniffed from the content."""
    try:
        data = _read_limited(stream, max_bytes)
    except OSError as exc:
        yield InputError(name, "unreadable", f"cannot read stream: {exc}")
        return
    if data is None:
        yield InputError(name, "too_large", f"stream longer than {max_bytes} bytes")
        return
    yield from parse_bytes(data, name, "" if name == STDIN else name)


def iter_inputs(paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Every article in ``paths`` (files, folders, ``-`` for stdin), errors yielded in place."""
    if isinstance(paths, str | Path):  # one path, not its characters
        paths = [paths]
    for raw in paths:
        if str(raw) == STDIN:
            yield from read_stream(sys.stdin.buffer, STDIN, max_bytes)
            continue
        path = Path(raw)
        if path.is_dir():
            for found in _walk(path):
                if isinstance(found, InputError):
                    yield found
                else:
                    yield from read_file(found, max_bytes)
        elif path.is_file():
            yield from read_file(path, max_bytes)
        elif not path.exists():
            yield InputError(str(raw), "unreadable", f"no such file or folder: {raw}")
        else:
            yield InputError(str(raw), "unreadable", "not a regular file or folder")
