"""SQLite FTS5 search over normalised, light-stemmed terms, with snippets from the original.

The FTS table holds one term per word (clitics off, then Light10), so spelling variants,
diacritics and attached clitics meet in the same term. Beside it, zlib-compressed, are the
original text and the [start, end) of the word behind each term: a snippet finds its hits in
the stored term stream and marks the words as written, without re-tokenizing at query time.
"""

from __future__ import annotations

import html
import sqlite3
import zlib
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from marsad.model import Article
from marsad.search.query import ParsedQuery, parse_query
from marsad.text import Token, light_stem, strip_clitics, strip_invisible, tokenize

# BM25 column weights (title, body). A title word says more about what an article is about
# than a body word; 2x is the conventional boost (not tuned: ../shared has no relevance
# judgments for Arabic news to tune it against).
TITLE_WEIGHT = 2.0
BODY_WEIGHT = 1.0
# Words shown in a snippet: about two lines of an Arabic news page at the UI's width.
SNIPPET_WORDS = 30
# Longest word or gap shown in a snippet: Arabic words rarely pass 15 letters even with
# clitics, so 40 characters keeps every real word and stops a junk string filling the page.
SNIPPET_MAX_PIECE = 40
# Distinct words seen in the ~62k ANT + SaudiNewsNet articles are ~600k; caching the most
# frequent 200k term computations covers most tokens (Zipf) at about 40 MB.
_TERM_CACHE = 200_000
# zlib level 6 is zlib's default trade-off; higher levels gained <3% on Arabic news text.
_ZLIB_LEVEL = 6
# Articles per executemany batch while indexing.
_BATCH = 500

# Bumped whenever the tables or the way terms are made change; an index of another version
# is dropped and rebuilt (it is derived data: the next index() call refills it).
SCHEMA_VERSION = 2
_DROP = """
DROP TABLE IF EXISTS search_fts;
DROP TABLE IF EXISTS search_docs;
"""
_SCHEMA = """
CREATE TABLE IF NOT EXISTS search_docs (
    rowid INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL UNIQUE,
    outlet TEXT,
    published TEXT,
    title TEXT,
    body BLOB NOT NULL,
    offsets BLOB NOT NULL,
    checksum INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS search_docs_outlet ON search_docs(outlet);
CREATE INDEX IF NOT EXISTS search_docs_published ON search_docs(published);
CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(title, body, tokenize = 'unicode61');
"""


@dataclass
class SearchHit:
    article_id: str
    title: str | None
    outlet: str | None
    published: str | None
    score: float
    snippet: str


@dataclass
class SearchPage:
    items: list[SearchHit]
    total: int
    limit: int
    offset: int


@lru_cache(maxsize=_TERM_CACHE)
def term(word: str) -> str:
    """The index term of one word token: clitics (و، ب، ل، ك، ف) off, then Light10."""
    return "".join(light_stem(strip_clitics(word)[1]).split())


def _is_word(tok: Token) -> bool:
    # tokenize() gives words, numbers, or single punctuation marks.
    return len(tok.text) > 1 or tok.text.isalnum()


def _terms_and_offsets(text: str) -> tuple[list[str], list[int]]:
    """Index terms of ``text`` and, flat, the [start, end) of the word each one came from."""
    found: list[str] = []
    offsets: list[int] = []
    for tok in tokenize(text):
        if _is_word(tok):
            t = term(tok.text)
            if t:
                found.append(t)
                offsets += (tok.start, tok.end)
    return found, offsets


def terms(text: str) -> list[str]:
    """Index terms of the words and numbers in ``text``, punctuation dropped."""
    return _terms_and_offsets(text)[0]


def _checksum(article: Article) -> int:
    meta = f"{article.title}\x00{article.outlet}\x00{article.published}\x00"
    return zlib.crc32(article.text.encode("utf-8"), zlib.crc32(meta.encode("utf-8")))


def highlight(text: str, wanted: set[str], words: int = SNIPPET_WORDS) -> str:
    """HTML-escaped window of ``text`` with the most distinct hits, hits in ``<mark>``.

    Bidi controls are dropped so a snippet cannot reorder the page around it.
    """
    found, offsets = _terms_and_offsets(text)
    return _snippet(text, found, offsets, wanted, words)


def _clip(piece: str) -> str:
    """A word or gap longer than any real one (a pasted URL, a run of junk) is cut short."""
    return piece if len(piece) <= SNIPPET_MAX_PIECE else piece[:SNIPPET_MAX_PIECE] + "…"


def _snippet(
    text: str, found: list[str], offsets: Sequence[int], wanted: set[str], words: int
) -> str:
    if not found:
        return html.escape(strip_invisible(text[:200]))
    hit = [f in wanted for f in found]
    # Sliding window over word positions, counting distinct query terms inside it.
    inside: Counter[str] = Counter()
    best, best_score = 0, -1
    for i, f in enumerate(found):
        if hit[i]:
            inside[f] += 1
        start = i - words + 1
        if start > 0 and hit[start - 1]:
            gone = found[start - 1]
            inside[gone] -= 1
            if not inside[gone]:
                del inside[gone]
        if start >= 0 or i == len(found) - 1:
            if len(inside) > best_score:
                best, best_score = max(start, 0), len(inside)
            if best_score == len(wanted):
                break
    stop = min(best + words, len(found))
    parts = ["… "] if best > 0 else []
    pos = offsets[2 * best]
    for j in range(best, stop):
        s, e = offsets[2 * j], offsets[2 * j + 1]
        parts.append(html.escape(strip_invisible(_clip(text[pos:s]))))
        word = html.escape(strip_invisible(_clip(text[s:e])))
        parts.append(f"<mark>{word}</mark>" if hit[j] else word)
        pos = e
    if stop < len(found):
        parts.append(" …")
    return "".join(parts)


class SearchIndex:
    """Full-text index living in the store's SQLite database (its own tables)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    def ensure_schema(self) -> None:
        """Create the tables, or rebuild them empty when they are of another version."""
        conn = self.connection
        with conn:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS search_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
            )
            row = conn.execute("SELECT value FROM search_meta WHERE key = 'version'").fetchone()
        if row is None or row[0] != str(SCHEMA_VERSION):
            conn.executescript(_DROP)
            with conn:
                conn.execute(
                    "INSERT OR REPLACE INTO search_meta VALUES ('version', ?)",
                    (str(SCHEMA_VERSION),),
                )
        conn.executescript(_SCHEMA)

    def _has_table(self, name: str) -> bool:
        row = self.connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
        ).fetchone()
        return row is not None

    def index(self, articles: Iterable[Article]) -> int:
        """Add or replace articles; unchanged ones are skipped. Returns how many were written."""
        written = 0
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= _BATCH:
                written += self._index_batch(batch)
                batch = []
        if batch:
            written += self._index_batch(batch)
        return written

    def _index_batch(self, articles: list[Article]) -> int:
        conn = self.connection
        ids = [a.id for a in articles]
        marks = ",".join("?" * len(ids))
        known = {
            row[0]: (row[1], row[2])
            for row in conn.execute(
                "SELECT article_id, rowid, checksum FROM search_docs "
                f"WHERE article_id IN ({marks})",
                ids,
            )
        }
        fresh: dict[str, Article] = {}
        for a in articles:
            if known.get(a.id, (None, None))[1] != _checksum(a):
                fresh[a.id] = a
        if not fresh:
            return 0
        with conn:
            stale = [(known[i][0],) for i in fresh if i in known]
            conn.executemany("DELETE FROM search_fts WHERE rowid = ?", stale)
            conn.executemany("DELETE FROM search_docs WHERE rowid = ?", stale)
            for a in fresh.values():
                body_terms, offsets = _terms_and_offsets(a.text)
                cur = conn.execute(
                    "INSERT INTO search_docs (article_id, outlet, published, title, body, "
                    "offsets, checksum) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        a.id,
                        a.outlet,
                        a.published,
                        a.title,
                        zlib.compress(a.text.encode("utf-8"), _ZLIB_LEVEL),
                        zlib.compress(array("I", offsets).tobytes(), _ZLIB_LEVEL),
                        _checksum(a),
                    ),
                )
                conn.execute(
                    "INSERT INTO search_fts (rowid, title, body) VALUES (?, ?, ?)",
                    (cur.lastrowid, " ".join(terms(a.title or "")), " ".join(body_terms)),
                )
        return len(fresh)

    def remove(self, ids: Iterable[str]) -> int:
        removed = 0
        with self.connection as conn:
            for article_id in ids:
                row = conn.execute(
                    "SELECT rowid FROM search_docs WHERE article_id = ?", (article_id,)
                ).fetchone()
                if row is not None:
                    conn.execute("DELETE FROM search_fts WHERE rowid = ?", (row[0],))
                    conn.execute("DELETE FROM search_docs WHERE rowid = ?", (row[0],))
                    removed += 1
        return removed

    def __len__(self) -> int:
        return int(self.connection.execute("SELECT COUNT(*) FROM search_docs").fetchone()[0])

    def search(
        self,
        query: str,
        *,
        outlet: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        entity_id: str | None = None,
        story_id: str | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> SearchPage:
        """Best matches first. Dates compare as ISO strings; ``date_to`` includes that day."""
        parsed = parse_query(query, term)
        empty = SearchPage([], 0, limit, offset)
        if parsed is None:
            return empty
        where = ["search_fts MATCH ?"]
        params: list[object] = [parsed.fts]
        if outlet is not None:
            where.append("d.outlet = ?")
            params.append(outlet)
        if date_from is not None:
            where.append("d.published >= ?")
            params.append(date_from)
        if date_to is not None:
            # Every ISO timestamp on that day sorts below the date plus U+FFFF.
            where.append("d.published <= ?")
            params.append(date_to + "\uffff")
        for value, table, column in (
            (entity_id, "mentions", "entity_id"),
            (story_id, "story_articles", "story_id"),
        ):
            if value is None:
                continue
            if not self._has_table(table):
                return empty
            where.append(f"d.article_id IN (SELECT article_id FROM {table} WHERE {column} = ?)")
            params.append(value)
        sql_where = " AND ".join(where)
        join = "FROM search_fts JOIN search_docs d ON d.rowid = search_fts.rowid"
        total = self.connection.execute(
            f"SELECT COUNT(*) {join} WHERE {sql_where}", params
        ).fetchone()[0]
        rows = self.connection.execute(
            f"SELECT d.article_id, d.title, d.outlet, d.published, d.body, d.offsets, "
            f"search_fts.body, "
            f"bm25(search_fts, {TITLE_WEIGHT}, {BODY_WEIGHT}) AS rank "
            f"{join} WHERE {sql_where} ORDER BY rank LIMIT ? OFFSET ?",
            [*params, limit, offset],
        ).fetchall()
        items = [self._hit(row, parsed) for row in rows]
        return SearchPage(items, int(total), limit, offset)

    @staticmethod
    def _hit(row: Sequence[Any], parsed: ParsedQuery) -> SearchHit:
        article_id, title, outlet, published, body, offsets, body_terms, rank = tuple(row)
        text = zlib.decompress(body).decode("utf-8")
        spans = array("I")
        spans.frombytes(zlib.decompress(offsets))
        return SearchHit(
            article_id=str(article_id),
            title=None if title is None else str(title),
            outlet=None if outlet is None else str(outlet),
            published=None if published is None else str(published),
            score=-float(rank),
            snippet=_snippet(text, str(body_terms).split(), spans, parsed.terms, SNIPPET_WORDS),
        )
