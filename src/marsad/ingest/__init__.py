"""Ingest: files, folders, stdin and archives to ``RawDocument`` items (docs/architecture.md).

Formats, by extension first (``data/extensions.tsv``) and then by content: plain text, HTML
(trafilatura main text + title/date/site), JSON object/array, JSONL, RSS/Atom, TREC
``<DOC>`` files (the ANT corpus), tar/zip archives (ANT tarball, SaudiNewsNet zips) and
gzip. ``RawDocument.source`` is the path, ``path::member`` inside an archive and ``#n``
(1-based item or line) inside a multi-article file.

Never raises for one bad item: each yields an ``InputError`` in its place (reasons
``empty``, ``binary``, ``too_large``, ``unreadable``, ``encoding``, ``truncated``,
``format``) and reading goes on. ``max_bytes`` applies per file and per archive member.
"""

from marsad.config import DEFAULT_MAX_BYTES
from marsad.ingest.encoding import decode
from marsad.ingest.reader import iter_inputs, read_stream

__all__ = ["DEFAULT_MAX_BYTES", "decode", "iter_inputs", "read_stream"]
