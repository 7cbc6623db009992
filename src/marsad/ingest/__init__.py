"""Ingest: files, folders, stdin and archives to ``RawDocument`` items (see docs/architecture.md).

Never raises for one bad item: each yields an ``InputError`` in its place and reading goes on.
"""

from marsad.config import DEFAULT_MAX_BYTES
from marsad.ingest.encoding import decode
from marsad.ingest.reader import iter_inputs, read_stream

__all__ = ["DEFAULT_MAX_BYTES", "decode", "iter_inputs", "read_stream"]
