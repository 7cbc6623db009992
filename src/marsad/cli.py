"""Command line: a thin layer over the library (``marsad COMMAND --help`` for each)."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from marsad.config import Settings, db_location
from marsad.errors import InputError, MarsadError

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_NOTHING_READ = 2


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
    from marsad.store import open_store

    settings = _settings(args)
    if _missing_file(settings.db):
        print(f"no database at {settings.db}; run 'marsad analyze' first", file=sys.stderr)
        return EXIT_ERROR
    with open_store(settings.db) as store:
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


def cmd_entities(args: argparse.Namespace) -> int:
    from marsad.entities import tag_conll

    source = sys.stdin if args.conll == "-" else open(args.conll, encoding="utf-8")  # noqa: SIM115
    target = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8")  # noqa: SIM115
    try:
        tag_conll(source, target)
    finally:
        if source is not sys.stdin:
            source.close()
        if target is not sys.stdout:
            target.close()
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    from marsad.search import search_index
    from marsad.store import open_store

    settings = _settings(args)
    with open_store(settings.db) as store:
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
    from marsad.store import open_store

    with open_store(_settings(args).db) as store:
        page = store.list_stories(order=args.order, limit=args.limit)
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

    p = sub.add_parser("entities", help="tag a CoNLL file with the NER model (IOB2)")
    p.add_argument("--conll", required=True, help="CoNLL input (token per line; - for stdin)")
    p.add_argument("--out", default="-", help="output file (default stdout)")
    p.set_defaults(func=cmd_entities)

    p = sub.add_parser("search", help="full-text search over stored articles")
    p.add_argument("query", help='words; "quoted phrase" for a phrase')
    p.add_argument("--outlet")
    p.add_argument("--from", dest="date_from", help="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", help="YYYY-MM-DD")
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
    p.add_argument("--claims", action="store_true", help="show each story's claim comparisons")
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


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
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
