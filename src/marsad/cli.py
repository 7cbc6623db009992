"""Command line: a thin layer over the library (``marsad COMMAND --help`` for each)."""

from __future__ import annotations

import argparse
import codecs
import io
import json
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from marsad.config import Settings, db_location
from marsad.errors import ConfigError, InputError, MarsadError

if TYPE_CHECKING:
    from marsad.model import Article, Claim, Entity, Quote
    from marsad.store import Store

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_NOTHING_READ = 2

# Table rows cut long text with "…" so that one row stays one line of a wide (~160-column)
# terminal; the --json form is never cut. Widths chosen by eye on the seeds' quotes and claims.
TEXT_WIDTH = 90
NAME_WIDTH = 32
OUTLET_WIDTH = 20
# Default page of the listing commands: the store's own default page size.
DEFAULT_LIMIT = 50
# Entities scanned (most mentioned first) to resolve a --speaker/--source name. A name that
# matches more is too vague to pick from: if no exact spelling is among them, the lookup ends
# in the "matches N entities; give an id" error rather than a guess.
NAME_LOOKUP_LIMIT = 1000
# Candidates named in the error when a name matches several entities.
AMBIGUOUS_SHOWN = 5
ENTITY_TYPES = ("PER", "ORG", "LOC", "MISC")
# How the table form shows a quote's kind and a claim's qualifier (the JSON keeps the codes).
KIND_LABELS = {"direct": "direct", "indirect": "reported"}
QUALIFIER_MARKS = {
    "exact": "",
    "approx": "~",
    "more_than": ">",
    "at_least": "≥",
    "less_than": "<",
    "up_to": "≤",
}


def _settings(args: argparse.Namespace) -> Settings:
    settings = Settings()
    if getattr(args, "db", None):
        settings.db = db_location(args.db)
    if getattr(args, "max_bytes", None):
        settings.max_bytes = args.max_bytes
    return settings


def _report_error(error: InputError) -> None:
    print(f"skipped {error.source}: {error.detail}", file=sys.stderr)


def cmd_analyze(args: argparse.Namespace) -> int:
    from marsad.core import analyze
    from marsad.export import write_json
    from marsad.store import open_store

    settings = _settings(args)
    summary = analyze(args.paths, settings, on_error=_report_error)
    for line in summary.lines():
        print(line, file=sys.stderr)
    if summary.nothing_read and not summary.already_stored:
        print("nothing could be read; check the paths above", file=sys.stderr)
        return EXIT_NOTHING_READ
    if args.json:
        with open_store(settings.db) as store:
            size = write_json(store, args.json)
        if args.json != "-":
            print(f"wrote {args.json} ({size:,} bytes)", file=sys.stderr)
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from marsad.export import write_json

    with _open_existing(args) as store:
        size = write_json(store, args.json)
    if args.json != "-":
        print(f"wrote {args.json} ({size:,} bytes)", file=sys.stderr)
    return EXIT_OK


def _missing_file(db: str | Path) -> bool:
    """True when ``db`` names a SQLite file that is not there (a server database may be)."""
    text = str(db)
    if text.startswith("sqlite:///"):
        return not Path(text[len("sqlite:///") :]).exists()
    return "://" not in text and not Path(text).exists()


def _open_existing(args: argparse.Namespace) -> Store:
    """The store ``--db``/``MARSAD_DB`` names; reading commands never create an empty one."""
    from marsad.store import open_store

    db = _settings(args).db
    if _missing_file(db):
        raise ConfigError(f"no database at {db}; run 'marsad analyze' first")
    return open_store(db)


def _print_rows(
    rows: Sequence[Any],
    total: int,
    offset: int,
    what: str,
    as_json: bool,
    line: Callable[[Any], str],
) -> None:
    """One row per line: the export's fields as JSON, or ``line(row)``; paging hint on stderr."""
    for row in rows:
        print(json.dumps(row.to_dict(), ensure_ascii=False) if as_json else line(row))
    if offset + len(rows) < total:
        print(
            f"{what} {offset + 1}-{offset + len(rows)} of {total}; --offset for more",
            file=sys.stderr,
        )
    elif not rows:
        print(f"no {what}", file=sys.stderr)


def _cut(text: str | None, width: int) -> str:
    """``text`` on one line, cut with "…" beyond ``width`` characters."""
    flat = " ".join((text or "").split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _entity_id(store: Store, value: str, option: str) -> str:
    """The entity an id or any of its spellings names, or a clear error saying what to run."""
    if store.get_entity(value) is not None:
        return value
    page = store.list_entities(name=value, limit=NAME_LOOKUP_LIMIT)
    exact = [e for e in page.items if value in (e.name, *e.aliases)]
    if len(exact) == 1:
        return exact[0].id
    if page.total == 1:
        return page.items[0].id
    if page.total == 0:
        raise ConfigError(
            f"{option} {value!r}: no entity has that id or name; list them with "
            f"'marsad entities' (or 'marsad entities --name PART')"
        )
    shown = ", ".join(f"{e.name} ({e.id})" for e in (exact or page.items)[:AMBIGUOUS_SHOWN])
    raise ConfigError(
        f"{option} {value!r} matches {len(exact) or page.total} entities: {shown}; "
        "give one of their ids"
    )


def _check_filters(store: Store, args: argparse.Namespace) -> None:
    """An unknown --story or --article is an error, not an empty listing."""
    if args.story and store.get_story(args.story) is None:
        raise ConfigError(f"--story {args.story!r}: no such story; list them with 'marsad stories'")
    if args.article and store.get_article(args.article) is None:
        raise ConfigError(f"--article {args.article!r}: no such article")


class _Names:
    """Canonical entity names and article metadata for table rows, each looked up once."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._entities: dict[str, Entity | None] = {}
        self._articles: dict[str, Article | None] = {}

    def of(self, entity_id: str | None, written: str | None) -> str:
        if entity_id:
            if entity_id not in self._entities:
                self._entities[entity_id] = self.store.get_entity(entity_id)
            entity = self._entities[entity_id]
            if entity is not None:
                return entity.name
        return written or "?"

    def article(self, article_id: str) -> tuple[str, str]:
        """(date, outlet as a table column) of an article, "?" where unknown."""
        if article_id not in self._articles:
            self._articles[article_id] = self.store.get_article(article_id)
        article = self._articles[article_id]
        published = article.published if article else None
        outlet = _cut(article.outlet if article else None, OUTLET_WIDTH) or "?"
        return published or "?", f"{outlet:<{OUTLET_WIDTH}}"


def cmd_entities(args: argparse.Namespace) -> int:
    """Lists the store's entities, or with --conll tags a CoNLL file (the original use)."""
    if args.conll is None:
        if args.out is not None or args.article_sentences != 1:
            raise ConfigError(
                "--out and --article-sentences go with --conll (marsad entities --conll FILE)"
            )
        return _list_entities(args)
    listing = {
        "--type": args.type,
        "--name": args.name,
        "--limit": args.limit != DEFAULT_LIMIT,
        "--offset": args.offset != 0,
        "--json": args.as_json,
        "--db": args.db,
    }
    if given := [option for option, value in listing.items() if value]:
        raise ConfigError(f"--conll tags a file and reads no store; drop {', '.join(given)}")
    if args.article_sentences < 1:
        raise ConfigError(f"--article-sentences is 1 or more, not {args.article_sentences}")
    from marsad.entities import tag_conll

    out = args.out or "-"
    source = sys.stdin if args.conll == "-" else open(args.conll, encoding="utf-8")  # noqa: SIM115
    target = sys.stdout if out == "-" else open(out, "w", encoding="utf-8")  # noqa: SIM115
    try:
        tag_conll(source, target, args.article_sentences)
    finally:
        if source is not sys.stdin:
            source.close()
        if target is not sys.stdout:
            target.close()
    return EXIT_OK


def _list_entities(args: argparse.Namespace) -> int:
    def line(e: Entity) -> str:
        aliases = " / ".join(a for a in e.aliases if a != e.name)
        row = f"{e.id}  {len(e.mentions):>5}  {e.type:<4}  {e.name}"
        row += f"  aliases: {_cut(aliases, TEXT_WIDTH)}" if aliases else ""
        row += f"  roles: {_cut(' / '.join(e.roles), TEXT_WIDTH)}" if e.roles else ""
        return row

    with _open_existing(args) as store:
        page = store.list_entities(
            type=args.type, name=args.name, limit=args.limit, offset=args.offset
        )
        _print_rows(page.items, page.total, args.offset, "entities", args.as_json, line)
    return EXIT_OK


def cmd_quotes(args: argparse.Namespace) -> int:
    with _open_existing(args) as store:
        _check_filters(store, args)
        speaker = _entity_id(store, args.speaker, "--speaker") if args.speaker else None
        page = store.list_quotes(
            article_id=args.article,
            story_id=args.story,
            speaker_entity_id=speaker,
            limit=args.limit,
            offset=args.offset,
        )
        names = _Names(store)

        def line(q: Quote) -> str:
            date, outlet = names.article(q.article_id)
            who = _cut(names.of(q.speaker_entity_id, q.speaker), NAME_WIDTH)
            return (
                f"{date:<10}  {q.article_id}  {outlet}  "
                f"{KIND_LABELS[q.kind]:<8}  {who}: «{_cut(q.text, TEXT_WIDTH)}»"
            )

        _print_rows(page.items, page.total, args.offset, "quotes", args.as_json, line)
    return EXIT_OK


def cmd_claims(args: argparse.Namespace) -> int:
    with _open_existing(args) as store:
        _check_filters(store, args)
        source = _entity_id(store, args.source, "--source") if args.source else None
        page = store.list_claims(
            article_id=args.article,
            story_id=args.story,
            source_entity_id=source,
            limit=args.limit,
            offset=args.offset,
        )
        names = _Names(store)

        def line(c: Claim) -> str:
            published, outlet = names.article(c.article_id)
            number = f"{c.value:,.0f}" if c.value.is_integer() else f"{c.value:,}"
            amount = f"{QUALIFIER_MARKS[c.qualifier]}{number} {c.unit or ''}".strip()
            who = _cut(names.of(c.source_entity_id, c.source), NAME_WIDTH)
            return (
                f"{c.date or published:<10}  {c.article_id}  {outlet}  "
                f"{amount:>14}  {_cut(c.subject, NAME_WIDTH)}  — {who}"
            )

        _print_rows(page.items, page.total, args.offset, "claims", args.as_json, line)
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    from marsad.search import search_index

    with _open_existing(args) as store:
        index = search_index(store)
        page = index.search(
            args.query,
            outlet=args.outlet,
            date_from=args.date_from,
            date_to=args.date_to,
            entity_id=args.entity,
            story_id=args.story,
            limit=args.limit,
            offset=args.offset,
        )
    if args.as_json:
        print(
            json.dumps(
                {"total": page.total, "items": [vars(h) for h in page.items]},
                ensure_ascii=False,
                indent=1,
            )
        )
        return EXIT_OK
    print(f"{page.total} result(s)")
    for hit in page.items:
        print(f"\n[{hit.published or '----'}] {hit.title or '(untitled)'} — {hit.outlet or ''}")
        print(f"  id={hit.article_id} score={hit.score:.2f}")
        print(f"  {_plain(hit.snippet)}")
    return EXIT_OK


def _plain(snippet: str) -> str:
    import html

    return html.unescape(snippet.replace("<mark>", "[").replace("</mark>", "]"))


def cmd_stories(args: argparse.Namespace) -> int:
    with _open_existing(args) as store:
        page = store.list_stories(order=args.order, limit=args.limit, offset=args.offset)
        if args.as_json:
            _print_rows(page.items, page.total, args.offset, "stories", True, str)
            return EXIT_OK
        for story in page.items:
            print(
                f"{story.id}  {len(story.article_ids):>4} article(s)  "
                f"{story.first_seen or '?'}..{story.last_seen or '?'}  {story.label}"
            )
            for comp in story.comparisons if args.claims else []:
                values = ", ".join(
                    f"{v['value']:,.0f} ({v.get('source') or '?'})" for v in comp.values
                )
                flag = " CONFLICT" if comp.conflict else ""
                print(f"    {comp.subject}:{flag} {values}")
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from marsad.web import serve

    serve(_settings(args).db, args.host, args.port, _settings(args))
    return EXIT_OK


def cmd_apikey(args: argparse.Namespace) -> int:
    from marsad.api import new_key

    key, hashed = new_key()
    print(f"API key (shown once; give it to the client): {key}")
    print(f"its hash, for MARSAD_API_KEYS or a line of MARSAD_API_KEYS_FILE: {hashed}")
    return EXIT_OK


def _count(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"{value} is negative")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="marsad", description="Arabic-first news intelligence (مرصد)."
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress")
    sub = parser.add_subparsers(dest="command", required=True)

    def with_db(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--db",
            help="database file, or a postgresql://user:password@host/database URL "
            "(default: $MARSAD_DB or ./marsad.db)",
        )

    p = sub.add_parser("analyze", help="read, clean, analyse and store articles")
    p.add_argument("paths", nargs="+", help="files, folders, archives, or - for stdin")
    p.add_argument("--json", help="also write the export to this file (- for stdout)")
    p.add_argument("--max-bytes", type=int, help="skip input files larger than this")
    with_db(p)
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser("export", help="write the JSON export of an existing store")
    p.add_argument("--json", required=True, help="output file (- for stdout)")
    with_db(p)
    p.set_defaults(func=cmd_export)

    def listing(p: argparse.ArgumentParser) -> None:
        p.add_argument("--limit", type=_count, default=DEFAULT_LIMIT, help="rows to show")
        p.add_argument("--offset", type=_count, default=0, help="rows to skip")
        p.add_argument(
            "--json",
            dest="as_json",
            action="store_true",
            help="one JSON object per line, with the export's fields (docs/export.md)",
        )
        with_db(p)

    p = sub.add_parser(
        "entities",
        help="list stored entities, most mentioned first; with --conll, tag a CoNLL file",
        description="Without --conll: the store's entities (id, mentions, type, name, other "
        "spellings, roles), most mentioned first. With --conll: NER on a CoNLL file, IOB2 out.",
    )
    p.add_argument("--type", choices=ENTITY_TYPES)
    p.add_argument("--name", help="part of any spelling (ترمب finds دونالد ترامب)")
    listing(p)
    p.add_argument("--conll", help="tag this CoNLL file instead (token per line; - for stdin)")
    p.add_argument("--out", help="with --conll: output file (default stdout)")
    p.add_argument(
        "--article-sentences",
        type=int,
        default=1,
        metavar="N",
        help="with --conll: read runs of N consecutive sentences as one article (default 1; "
        "ANERcorp's held-out sixth: F1 0.735 at 1, 0.747 at 20)",
    )
    p.set_defaults(func=cmd_entities)

    p = sub.add_parser(
        "quotes",
        help="who said what: speaker, kind, quote, outlet, date, article",
        description="Quotes in article order. The table shows the linked entity's canonical "
        "name (else the speaker as written) and 'reported' for indirect quotes.",
    )
    p.add_argument("--speaker", help="entity id or any spelling of its name")
    p.add_argument("--story", help="story id")
    p.add_argument("--article", help="article id")
    listing(p)
    p.set_defaults(func=cmd_quotes)

    p = sub.add_parser(
        "claims",
        help="numeric claims: value, unit, qualifier, subject, source, date, outlet",
        description="Claims in article order; ~ approx, > more than, ≥ at least, < less than, "
        "≤ up to.",
    )
    p.add_argument("--source", help="entity id or any spelling of its name")
    p.add_argument("--story", help="story id")
    p.add_argument("--article", help="article id")
    listing(p)
    p.set_defaults(func=cmd_claims)

    p = sub.add_parser("search", help="full-text search over stored articles")
    p.add_argument("query", help='words; "quoted phrase" for a phrase')
    p.add_argument("--outlet")
    p.add_argument("--from", dest="date_from", help="YYYY-MM-DD: published on that day or later")
    p.add_argument("--to", dest="date_to", help="YYYY-MM-DD: published on that day or earlier")
    p.add_argument("--entity", help="entity id")
    p.add_argument("--story", help="story id")
    p.add_argument("--limit", type=int, default=10)
    p.add_argument("--offset", type=int, default=0)
    p.add_argument("--json", dest="as_json", action="store_true", help="print JSON")
    with_db(p)
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("stories", help="list stories")
    p.add_argument("--order", choices=["latest", "busiest"], default="latest")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--offset", type=_count, default=0, help="stories to skip")
    p.add_argument("--claims", action="store_true", help="show each story's claim comparisons")
    p.add_argument(
        "--json",
        dest="as_json",
        action="store_true",
        help="one JSON object per line, with the export's fields (docs/export.md)",
    )
    with_db(p)
    p.set_defaults(func=cmd_stories)

    p = sub.add_parser("serve", help="web UI and REST API on http://HOST:PORT")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    with_db(p)
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("apikey", help="create an API key for the REST API's write endpoints")
    p.set_defaults(func=cmd_apikey)
    return parser


def _utf8_stdout() -> None:
    """Arabic goes out as UTF-8 even where the locale names another encoding (a Windows pipe)."""
    stdout = sys.stdout
    if isinstance(stdout, io.TextIOWrapper) and codecs.lookup(stdout.encoding).name != "utf-8":
        stdout.reconfigure(encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    _utf8_stdout()
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        code: int = args.func(args)
    except MarsadError as exc:
        print(f"marsad: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK
    return code


if __name__ == "__main__":
    sys.exit(main())
