"""PostgreSQL full-text search over marsad's own analysed terms (a tsvector with a GIN index).

PostgreSQL's text search configurations know no Arabic stemmer, so the tsvector is built
here from the same terms the SQLite index holds (``marsad.search.index``: clitics off, then
Light10), written as a tsvector literal: no PostgreSQL parser or dictionary touches them,
and a respelled query meets the same lexemes on both backends. Title terms carry weight A
and body terms weight D, with a one-position gap between them so that a phrase never spans
title and body (FTS5 keeps its columns apart the same way).

Ranking is ``ts_rank_cd`` (cover density) with A weighted ``TITLE_WEIGHT / BODY_WEIGHT``
times D, divided by 1 + log(document length). It needs no corpus statistics: BM25 would need
document frequencies kept in step with every writer sharing the database, while cover
density is computed from the matching row alone, in the same scan that finds it. What it
lacks is IDF (a rare query word counts no more than a common one); the known-item gate in
tests/search runs against both backends to hold its quality up.

Snippets come from the stored original text and word offsets, exactly as in SQLite.
"""

from __future__ import annotations

import zlib
from array import array
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from marsad.errors import StoreError
from marsad.model import Article
from marsad.search.base import SearchBackend, SearchPage
from marsad.search.index import (
    _ZLIB_LEVEL,
    BODY_WEIGHT,
    TITLE_WEIGHT,
    _checksum,
    _terms_and_offsets,
    index_stamp,
    make_hit,
    term,
    terms,
)
from marsad.search.query import Phrase, parse_query
from marsad.store._rows import NAMED_MARK, article_filters

if TYPE_CHECKING:
    import psycopg

    from marsad.store.postgres import PostgresStore

# Bumped whenever the tables below change; a stale index is dropped and refilled from the
# store by marsad.search.search_index(), as in SQLite.
SCHEMA_VERSION = "pg1"
# tsvector limits (PostgreSQL docs, "Text Search Types"): a lexeme is under 2 KiB, positions
# run up to 16383 and at most 256 are kept per lexeme, a whole tsvector stays under 1 MiB.
# Longer words cannot be indexed (PostgreSQL's own to_tsvector drops them too). Words past
# position 16383 are all put at 16383, as to_tsvector does: they still match, but a phrase
# that far into a very long article is not found.
MAX_LEXEME_BYTES = 2046
MAX_POSITION = 16383
MAX_POSITIONS_PER_LEXEME = 256
# Budget for a tsvector's binary size, under its 1 MiB limit: a lexeme costs its UTF-8 bytes
# plus at most 8 (entry, position count, alignment), each position 2 bytes.
MAX_TSVECTOR_BYTES = 900_000
# ts_rank_cd's normalisation flag 1: divide by 1 + log(document length), so a long article
# that mentions a word once does not outrank a short one about it (BM25's length norm, in
# the shape PostgreSQL offers).
RANK_NORMALIZATION = 1
# Weights of the {D, C, B, A} labels: body terms are D, title terms A (C and B unused).
RANK_WEIGHTS = [BODY_WEIGHT / TITLE_WEIGHT, 0.0, 0.0, 1.0]
# A tsquery that matches nothing: a phrase with an unindexable (over-long) word.
_NOTHING = "('x' & !'x')"

_DROP = "DROP TABLE IF EXISTS search_docs"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS search_docs (
    article_id TEXT COLLATE "C" PRIMARY KEY,
    outlet TEXT COLLATE "C",
    published TEXT COLLATE "C",
    title TEXT,
    body BYTEA NOT NULL,
    offsets BYTEA NOT NULL,
    terms TEXT NOT NULL,
    checksum BIGINT NOT NULL,
    tsv TSVECTOR NOT NULL
);
CREATE INDEX IF NOT EXISTS search_docs_tsv ON search_docs USING GIN (tsv);
CREATE INDEX IF NOT EXISTS search_docs_outlet ON search_docs(outlet);
CREATE INDEX IF NOT EXISTS search_docs_published ON search_docs(published);
"""
# Advisory lock key ("marsad" in ASCII plus a suffix, as in marsad.store.postgres): two
# processes checking the index's stamp at once must not both drop and recreate it.
LOCK_SEARCH_SCHEMA = 0x6D61727361640004


def _quote(lexeme: str) -> str:
    """A lexeme as tsvector/tsquery literal text: quoted, with quote and backslash escaped."""
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector(title_terms: Iterable[str], body_terms: Iterable[str]) -> str:
    """The tsvector literal of an article: title terms at weight A, body terms at D."""
    positions: dict[str, list[str]] = {}
    size = 0
    pos = 0

    def add(words: Iterable[str], label: str) -> None:
        nonlocal pos, size
        for word in words:
            pos += 1
            at = f"{min(pos, MAX_POSITION)}{label}"
            seen = positions.get(word)
            if seen is None:
                nbytes = len(word.encode("utf-8"))
                if nbytes > MAX_LEXEME_BYTES or size + nbytes + 8 > MAX_TSVECTOR_BYTES:
                    continue
                seen = positions[word] = []
                size += nbytes + 8
            if len(seen) < MAX_POSITIONS_PER_LEXEME and (not seen or seen[-1] != at):
                seen.append(at)
                size += 2

    add(title_terms, "A")
    pos += 1  # the gap between title and body
    add(body_terms, "")
    return " ".join(f"{_quote(w)}:{','.join(p)}" for w, p in positions.items())


def _phrase(phrase: Phrase) -> str:
    if any(len(w.encode("utf-8")) > MAX_LEXEME_BYTES for w in phrase):
        return _NOTHING
    return "(" + " <-> ".join(_quote(w) for w in phrase) + ")"


def tsquery(groups: list[list[Phrase]], excluded: list[Phrase]) -> str:
    """The tsquery literal of a parsed query: ANDed groups of ORed phrases, minus excluded."""
    query = " & ".join("(" + " | ".join(map(_phrase, g)) + ")" for g in groups)
    if excluded:
        query += " & !(" + " | ".join(map(_phrase, excluded)) + ")"
    return query


class PostgresSearchIndex(SearchBackend):
    """Full-text index living in the store's PostgreSQL schema (its own tables)."""

    def __init__(self, store: PostgresStore) -> None:
        self.store = store

    @property
    def connection(self) -> psycopg.Connection[dict[str, Any]]:
        """The store's connection (renewed by the store when it breaks)."""
        return self.store.connection

    def _run(
        self, sql: str, params: Sequence[Any] | Mapping[str, Any] | None = None
    ) -> list[dict[str, Any]]:
        return self.store.read(lambda c: c.execute(sql, params).fetchall(), "searching")

    def ensure_schema(self) -> None:
        stamp = index_stamp(SCHEMA_VERSION)
        try:
            with self.connection.transaction():
                self.connection.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_SEARCH_SCHEMA,))
                self.connection.execute(
                    "CREATE TABLE IF NOT EXISTS search_meta"
                    ' (key TEXT COLLATE "C" PRIMARY KEY, value TEXT NOT NULL)'
                )
                row = self.connection.execute(
                    "SELECT value FROM search_meta WHERE key = 'version'"
                ).fetchone()
                if row is None or row["value"] != stamp:
                    self.connection.execute(_DROP)
                    self.connection.execute(
                        "INSERT INTO search_meta (key, value) VALUES ('version', %s)"
                        " ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                        (stamp,),
                    )
                self.connection.execute(_SCHEMA)
        except self.store.db_error as exc:
            raise StoreError(
                f"creating the search index in {self.store.where} failed: {exc}"
            ) from exc

    def _index_batch(self, articles: list[Article]) -> int:
        known = {
            row["article_id"]: row["checksum"]
            for row in self._run(
                "SELECT article_id, checksum FROM search_docs WHERE article_id = ANY(%s)",
                ([a.id for a in articles],),
            )
        }
        fresh = {a.id: a for a in articles if known.get(a.id) != _checksum(a)}
        if not fresh:
            return 0
        rows = []
        for a in fresh.values():
            body_terms, offsets = _terms_and_offsets(a.text)
            rows.append(
                (
                    a.id,
                    a.outlet,
                    a.published,
                    a.title,
                    zlib.compress(a.text.encode("utf-8"), _ZLIB_LEVEL),
                    zlib.compress(array("I", offsets).tobytes(), _ZLIB_LEVEL),
                    " ".join(body_terms),
                    _checksum(a),
                    tsvector(terms(a.title or ""), body_terms),
                )
            )
        columns = "outlet, published, title, body, offsets, terms, checksum, tsv"
        try:
            with self.connection.transaction(), self.connection.cursor() as cur:
                cur.executemany(
                    f"INSERT INTO search_docs (article_id, {columns}) VALUES"
                    " (%s, %s, %s, %s, %s, %s, %s, %s, %s::tsvector)"
                    f" ON CONFLICT (article_id) DO UPDATE SET ({columns}) = ROW("
                    + ", ".join(f"EXCLUDED.{c.strip()}" for c in columns.split(","))
                    + ")",
                    rows,
                )
        except self.store.db_error as exc:
            raise StoreError(f"indexing into {self.store.where} failed: {exc}") from exc
        return len(fresh)

    def remove(self, ids: Iterable[str]) -> int:
        try:
            with self.connection.transaction():
                cur = self.connection.execute(
                    "DELETE FROM search_docs WHERE article_id = ANY(%s)", (list(ids),)
                )
        except self.store.db_error as exc:
            raise StoreError(f"removing from {self.store.where} failed: {exc}") from exc
        return int(cur.rowcount)

    def is_empty(self) -> bool:
        return not self._run("SELECT 1 FROM search_docs LIMIT 1")

    def __len__(self) -> int:
        return int(self._run("SELECT COUNT(*) AS n FROM search_docs")[0]["n"])

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
        parsed = parse_query(query, term)
        if parsed is None:
            return SearchPage([], 0, limit, offset)
        filters, named = article_filters(
            outlet,
            date_from,
            date_to,
            story_id,
            entity_id,
            NAMED_MARK,
            table="search_docs",
            id_column="article_id",
        )
        condition = " AND ".join(["tsv @@ %(q)s::tsquery", *filters])
        params: dict[str, Any] = {
            "q": tsquery(parsed.groups, parsed.excluded),
            "weights": RANK_WEIGHTS,
            "limit": limit,
            "offset": offset,
            **named,
        }
        # One statement: rank and count on the index columns, then read only the page's
        # texts for its snippets. The count rides along as a window over all matches.
        page_sql = (
            "WITH ranked AS (SELECT article_id, ts_rank_cd(%(weights)s::real[], tsv,"
            f" %(q)s::tsquery, {RANK_NORMALIZATION}) AS rank, COUNT(*) OVER () AS total"
            f" FROM search_docs WHERE {condition}"
            " ORDER BY rank DESC, article_id LIMIT %(limit)s OFFSET %(offset)s)"
            " SELECT d.article_id, d.title, d.outlet, d.published, d.body, d.offsets,"
            " d.terms, r.rank, r.total FROM ranked r JOIN search_docs d USING (article_id)"
            " ORDER BY r.rank DESC, d.article_id"
        )

        def page(conn: psycopg.Connection[dict[str, Any]]) -> tuple[list[dict[str, Any]], int]:
            """The page's rows and the number of matches."""
            with conn.pipeline(), conn.transaction():
                # The planner prices a sequential scan without the cost of detoasting each
                # row's tsvector, so on small and mid-sized indexes it skips the GIN index: on
                # the 1,946-article SaudiNewsNet slice a one-word query took 10.3 ms that way
                # and 0.24 ms through the index (EXPLAIN ANALYZE). Off for this transaction.
                conn.execute("SET LOCAL enable_seqscan = off")
                rows = conn.execute(page_sql, params).fetchall()
                if rows or not offset:
                    return rows, int(rows[0]["total"]) if rows else 0
                # A page past the end still reports the total.
                count = conn.execute(
                    f"SELECT COUNT(*) AS total FROM search_docs WHERE {condition}", params
                ).fetchall()
                return [], int(count[0]["total"])

        rows, total = self.store.read(page, "searching")
        items = [make_hit(list(r.values())[:7], float(r["rank"]), parsed) for r in rows]
        return SearchPage(items, total, limit, offset)
