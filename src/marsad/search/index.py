"""SQLite FTS5 search over normalised, light-stemmed terms, with snippets from the original.

The FTS table holds one term per word (clitics off, then Light10), so spelling variants,
diacritics and attached clitics meet in the same term. Beside it, zlib-compressed, are the
original text and the [start, end) of the word behind each term: a snippet finds its hits in
the stored term stream and marks the words as written, without re-tokenizing at query time.
"""

from __future__ import annotations

import hashlib
import html
import sqlite3
import zlib
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from marsad._tables import data_text
from marsad.model import Article
from marsad.search.base import SearchBackend, SearchHit, SearchPage
from marsad.search.query import ParsedQuery, parse_query
from marsad.store._rows import article_filters
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
# The first 20k ANT + SaudiNewsNet articles hold 200,636 distinct word forms (measured); an
# LRU of that size keeps the frequent forms, which are most tokens (Zipf), for a few tens of
# MB, while stemming each new form costs ~0.3 ms (profiled, dominated by strip_clitics).
_TERM_CACHE = 200_000
# zlib's default level: on 2000 corpus articles level 9 saved 0.05% more, level 1 was 13%
# larger (6.0 MB of text -> 2.48 / 2.20 / 2.19 MB at levels 1 / 6 / 9).
_ZLIB_LEVEL = 6

# Bumped whenever the tables change; an index of another version, or one whose terms were
# made by another stemmer (see stemmer_fingerprint), is dropped: it is derived data, and
# marsad.search.search_index() refills it from the store.
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


@lru_cache(maxsize=_TERM_CACHE)
def term(word: str) -> str:
    """The index term of one word token: clitics (و، ب، ل، ك، ف) off, then Light10."""
    return "".join(light_stem(strip_clitics(word)[1]).split())


def index_stamp(version: str) -> str:
    """What an index records about itself: its schema version and the stemmer's fingerprint."""
    return f"{version}:{stemmer_fingerprint()}"


def stemmer_fingerprint() -> str:
    """Hash of the terms of the probe words in data/probe_words.txt."""
    text = data_text("marsad.search", "probe_words.txt")
    words = [w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")]
    joined = "\n".join(f"{w}\t{term(w)}" for w in words)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


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


class SearchIndex(SearchBackend):
    """Full-text index living in the store's SQLite database (its own tables)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    def ensure_schema(self) -> None:
        """Create the tables, or drop and recreate them empty when they are stale."""
        conn = self.connection
        stamp = index_stamp(str(SCHEMA_VERSION))
        with conn:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS search_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
            )
            row = conn.execute("SELECT value FROM search_meta WHERE key = 'version'").fetchone()
        if row is None or row[0] != stamp:
            conn.executescript(_DROP)
            with conn:
                conn.execute("INSERT OR REPLACE INTO search_meta VALUES ('version', ?)", (stamp,))
        conn.executescript(_SCHEMA)

    def _has_table(self, name: str) -> bool:
        row = self.connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
        ).fetchone()
        return row is not None

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

    def is_empty(self) -> bool:
        return self.connection.execute("SELECT 1 FROM search_docs LIMIT 1").fetchone() is None

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
        """Best matches first; the filters are the store's (``date_to`` keeps its day)."""
        parsed = parse_query(query, term)
        empty = SearchPage([], 0, limit, offset)
        if parsed is None:
            return empty
        # The entity and story filters read the store's tables; an index without them (a
        # bare connection) has no article in any entity or story.
        for value, table in ((entity_id, "mentions"), (story_id, "story_articles")):
            if value and not self._has_table(table):
                return empty
        filters, values = article_filters(
            outlet,
            date_from,
            date_to,
            story_id,
            entity_id,
            "?",
            table="search_docs",
            id_column="article_id",
        )
        # Rank and count inside the FTS table and fetch only the page's rows afterwards.
        # Filters become one rowid set from search_docs' indexes; the unary + keeps FTS5 from
        # taking it as a rowid lookup (one MATCH per rowid). Against a join on search_docs,
        # measured on the replicated corpus (bench/search.py): at 312k articles the top 20
        # came 3-4x faster and the count 20-80x; with an outlet filter, p50 571 ms (562k
        # articles, join) became 26 ms (749k articles, rowid set).
        where = "search_fts MATCH ?"
        params: list[object] = [parsed.fts]
        if filters:
            where += f" AND +rowid IN (SELECT rowid FROM search_docs WHERE {' AND '.join(filters)})"
            params.extend(values.values())
        rank = f"bm25(search_fts, {TITLE_WEIGHT}, {BODY_WEIGHT})"
        conn = self.connection
        total = conn.execute(f"SELECT COUNT(*) FROM search_fts WHERE {where}", params).fetchone()[0]
        ranked = conn.execute(
            f"SELECT rowid, body, {rank} AS rank FROM search_fts WHERE {where} "
            "ORDER BY rank LIMIT ? OFFSET ?",
            [*params, limit, offset],
        ).fetchall()
        marks = ",".join("?" * len(ranked))
        docs = {
            row[0]: tuple(row[1:])
            for row in conn.execute(
                "SELECT rowid, article_id, title, outlet, published, body, offsets "
                f"FROM search_docs WHERE rowid IN ({marks})",
                [r[0] for r in ranked],
            )
        }
        items = [self._hit((*docs[r[0]], r[1], r[2]), parsed) for r in ranked if r[0] in docs]
        return SearchPage(items, int(total), limit, offset)

    @staticmethod
    def _hit(row: Sequence[Any], parsed: ParsedQuery) -> SearchHit:
        *stored, rank = tuple(row)
        return make_hit(stored, -float(rank), parsed)


def make_hit(stored: Sequence[Any], score: float, parsed: ParsedQuery) -> SearchHit:
    """A hit from an index row (article_id, title, outlet, published, zlib text, zlib
    offsets, body terms), its snippet marking the query's terms in the original text."""
    article_id, title, outlet, published, body, offsets, body_terms = stored
    text = zlib.decompress(body).decode("utf-8")
    spans = array("I")
    spans.frombytes(zlib.decompress(offsets))
    return SearchHit(
        article_id=str(article_id),
        title=None if title is None else str(title),
        outlet=None if outlet is None else str(outlet),
        published=None if published is None else str(published),
        score=score,
        snippet=_snippet(text, str(body_terms).split(), spans, parsed.terms, SNIPPET_WORDS),
    )
