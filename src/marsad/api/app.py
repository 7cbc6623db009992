"""The REST API (``/api/v1``): reading the store, searching, and ingesting over HTTP.

Endpoints are ``async`` on purpose: they run on the event loop's one thread, so the single
SQLite connection is never used by two requests at once.
"""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Query, Request, status
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from marsad.api.auth import KeyRing, load_key_hashes
from marsad.api.schemas import (
    ArticleDetailOut,
    ArticleIn,
    ArticleOut,
    BatchIn,
    ClaimOut,
    ComparisonOut,
    DateOut,
    EntityDetailOut,
    EntityOut,
    ErrorOut,
    IngestOut,
    MentionOut,
    OutletOut,
    PageOut,
    QuoteOut,
    SearchHitOut,
    StoryBriefOut,
    StoryOrderParam,
    StoryOut,
)
from marsad.config import Settings
from marsad.errors import ConfigError, InputError, MarsadError
from marsad.model import Entity, RawDocument, Story
from marsad.store.base import Store

if TYPE_CHECKING:
    from marsad.search import SearchBackend

T = TypeVar("T")

API_PREFIX = "/api/v1"
# Largest page a client may ask for: big enough for any UI list, small enough that one
# request cannot make the server serialise the whole corpus (use /export for that).
MAX_LIMIT = 200
DEFAULT_LIMIT = 50

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Page size, 1 to {MAX_LIMIT}.")]
Offset = Annotated[int, Query(ge=0, description="How many matches to skip.")]
DateFrom = Annotated[str | None, Query(description="Earliest publication date, ISO 8601.")]
DateTo = Annotated[
    str | None, Query(description="Latest publication date, ISO 8601; that whole day is included.")
]
Update = Annotated[
    bool,
    Query(
        description="Then re-link entities, update stories and the search index over the "
        "whole store (slow on a large store: send batches, or pass false and update later)."
    ),
]

DESCRIPTION = (
    "Arabic news intelligence: articles, stories, entities, quotes, claims and search. "
    "Reading is open unless MARSAD_API_READ_KEY=1; writing always needs an API key, sent as "
    "`X-API-Key: <key>` or `Authorization: Bearer <key>`. Lists are paginated with `limit` "
    f"(1 to {MAX_LIMIT}) and `offset`, and answer `{{items, total, limit, offset}}`."
)
OPENAPI_TAGS = [
    {"name": "ingest", "description": "Add articles; the pipeline runs on them (API key)."},
    {"name": "articles", "description": "Clean articles with their analysis."},
    {
        "name": "stories",
        "description": "Clusters of articles on one event, with summary, "
        "timeline and the comparison of the figures each source gave.",
    },
    {
        "name": "entities",
        "description": "People, organisations and places, linked across articles and spellings.",
    },
    {"name": "quotes & claims", "description": "Who said what, and every numeric claim."},
    {"name": "search", "description": "Arabic-aware full-text search."},
    {"name": "export", "description": "Everything as one JSON document."},
]

_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorOut, "description": "No API key was sent."},
    403: {"model": ErrorOut, "description": "The API key is not valid."},
    422: {"model": ErrorOut, "description": "A parameter or the body is invalid."},
}
_NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorOut, "description": "No such id."}
}


def _entity_out(entity: Entity) -> dict[str, Any]:
    return {**entity.to_dict(), "mention_count": len(entity.mentions)}


def _story_brief(story: Story) -> dict[str, Any]:
    return {**story.to_dict(), "article_count": len(story.article_ids)}


def _sliced(items: Sequence[Any], limit: int, offset: int) -> dict[str, Any]:
    """A page of a list held in memory, shaped like the store's pages."""
    return {
        "items": items[offset : offset + limit],
        "total": len(items),
        "limit": limit,
        "offset": offset,
    }


def _found(item: T | None, kind: str, item_id: str) -> T:
    """``item``, or a 404 naming what was asked for."""
    if item is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no {kind} with id {item_id!r}")
    return item


def _summary_dict(summary: Any) -> dict[str, Any]:
    """The run summary as JSON: skipped items become {source, reason, detail}."""
    out: dict[str, Any] = {}
    for f in dataclasses.fields(summary):
        value = getattr(summary, f.name)
        if isinstance(value, list):
            value = [
                {"source": e.source, "reason": e.reason, "detail": e.detail}
                if isinstance(e, InputError)
                else e
                for e in value
            ]
        elif isinstance(value, dict):
            value = dict(value)
        out[f.name] = value
    return out


def validation_error_response(_: Request, exc: Exception) -> JSONResponse:
    """One readable line per problem, naming the field, plus the structured list."""
    assert isinstance(exc, RequestValidationError)
    lines = []
    for err in exc.errors():
        loc = [str(p) for p in err.get("loc", ()) if p not in ("body", "query", "path")]
        lines.append(f"{'.'.join(loc) or 'body'}: {err.get('msg', 'invalid')}")
    return JSONResponse(
        status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
        content={"detail": "; ".join(lines), "errors": lines},
    )


_HEADER = APIKeyHeader(name="X-API-Key", auto_error=False, description="API key")
_BEARER = HTTPBearer(auto_error=False, description="API key as a bearer token")


class _Auth:
    """Checks ``X-API-Key`` or ``Authorization: Bearer``: 401 when absent, 403 when wrong."""

    def __init__(self, keys: KeyRing, read_requires_key: bool) -> None:
        self.keys = keys
        self.read_requires_key = read_requires_key

    def _check(self, key: str | None, creds: HTTPAuthorizationCredentials | None) -> None:
        presented = key or (creds.credentials if creds else None)
        if not presented:
            raise HTTPException(
                status.HTTP_401_UNAUTHORIZED,
                "an API key is required: send it as 'X-API-Key: <key>' or "
                "'Authorization: Bearer <key>'",
                headers={"WWW-Authenticate": "Bearer"},
            )
        if not self.keys.verify(presented):
            detail = "the API key is not valid"
            if not len(self.keys):
                detail += " (no keys are configured: set MARSAD_API_KEYS to key hashes)"
            raise HTTPException(status.HTTP_403_FORBIDDEN, detail)

    def write(self) -> Callable[..., None]:
        def dep(
            key: Annotated[str | None, Depends(_HEADER)],
            creds: Annotated[HTTPAuthorizationCredentials | None, Depends(_BEARER)],
        ) -> None:
            self._check(key, creds)

        return dep

    def read(self) -> Callable[..., None]:
        def dep(
            key: Annotated[str | None, Depends(_HEADER)],
            creds: Annotated[HTTPAuthorizationCredentials | None, Depends(_BEARER)],
        ) -> None:
            if self.read_requires_key:
                self._check(key, creds)

        return dep


class Searcher:
    """Opens the store's search index on first use, then reuses it for every request."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._index: SearchBackend | None = None

    def index(self) -> SearchBackend:
        if self._index is None:
            from marsad.search import search_index

            self._index = search_index(self.store)
        return self._index


def _raw_documents(items: Iterable[ArticleIn], settings: Settings) -> list[RawDocument]:
    raws = []
    for n, item in enumerate(items):
        source = item.url or f"api:{n}"
        if item.html is not None:
            from marsad.ingest import read_stream

            found = list(
                read_stream(io.BytesIO(item.html.encode("utf-8")), "api.html", settings.max_bytes)
            )
            docs = [d for d in found if isinstance(d, RawDocument)]
            if not docs:
                errors = [e.detail for e in found if isinstance(e, InputError)]
                raise HTTPException(
                    status.HTTP_422_UNPROCESSABLE_CONTENT,
                    f"articles.{n}.html: {errors[0] if errors else 'no article text found'}",
                )
            raw = docs[0]
            raw.source = source
        else:
            assert item.text is not None
            if len(item.text.encode("utf-8")) > settings.max_bytes:
                raise HTTPException(
                    status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
                    f"articles.{n}.text: larger than the {settings.max_bytes}-byte limit",
                )
            raw = RawDocument(source=source, text=item.text, format="text")
        raw.title = item.title or raw.title
        raw.url = item.url or raw.url
        raw.outlet = item.outlet or raw.outlet
        raw.published = item.published or raw.published
        raws.append(raw)
    return raws


def build_router(store: Store, settings: Settings, keys: KeyRing) -> APIRouter:
    auth = _Auth(keys, settings.api_read_requires_key)
    searcher = Searcher(store)
    router = APIRouter(prefix=API_PREFIX)
    read = [Depends(auth.read())]
    write = [Depends(auth.write())]

    def ingest(items: list[ArticleIn], update: bool) -> dict[str, Any]:
        from marsad.core import ingest_documents, update_corpus

        try:
            summary = ingest_documents(store, _raw_documents(items, settings), settings)
            if update and store.corpus_is_stale():
                update_corpus(store, settings)
        except MarsadError as exc:
            raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(exc)) from exc
        return {"summary": _summary_dict(summary)}

    @router.post(
        "/articles",
        tags=["ingest"],
        summary="Ingest one article",
        description="Runs the whole pipeline on one article (text or HTML). Needs an API key.",
        response_model=IngestOut,
        status_code=status.HTTP_201_CREATED,
        dependencies=write,
        responses=_ERRORS,
    )
    async def post_article(article: ArticleIn, update: Update = True) -> dict[str, Any]:
        return ingest([article], update)

    @router.post(
        "/articles/batch",
        tags=["ingest"],
        summary="Ingest a batch of articles",
        description="Runs the pipeline once over up to 500 articles. Needs an API key.",
        response_model=IngestOut,
        status_code=status.HTTP_201_CREATED,
        dependencies=write,
        responses=_ERRORS,
    )
    async def post_batch(batch: BatchIn, update: Update = True) -> dict[str, Any]:
        return ingest(batch.articles, update)

    @router.get(
        "/articles",
        tags=["articles"],
        summary="List articles",
        description="Newest first, filtered by outlet, publication date, story or entity.",
        response_model=PageOut[ArticleOut],
        dependencies=read,
        responses=_ERRORS,
    )
    async def list_articles(
        outlet: str | None = None,
        date_from: DateFrom = None,
        date_to: DateTo = None,
        story: Annotated[str | None, Query(description="Story id.")] = None,
        entity: Annotated[str | None, Query(description="Entity id.")] = None,
        limit: Limit = DEFAULT_LIMIT,
        offset: Offset = 0,
    ) -> Any:
        page = store.list_articles(
            outlet=outlet,
            date_from=date_from,
            date_to=date_to,
            story_id=story,
            entity_id=entity,
            limit=limit,
            offset=offset,
        )
        return {**vars(page), "items": [a.to_dict() for a in page.items]}

    @router.get(
        "/articles/{article_id}",
        tags=["articles"],
        summary="One article with its analysis",
        description="The clean text with the mentions, quotes, dates and claims found in it "
        "(offsets index the text), and the story it belongs to.",
        response_model=ArticleDetailOut,
        dependencies=read,
        responses={**_ERRORS, **_NOT_FOUND},
    )
    async def get_article(article_id: str) -> Any:
        doc = _found(store.get_document(article_id), "article", article_id)
        return {
            **doc.article.to_dict(),
            "story_id": store.story_of(article_id),
            "mentions": [MentionOut.model_validate(m) for m in doc.mentions],
            "quotes": [QuoteOut.model_validate(q) for q in doc.quotes],
            "dates": [DateOut.model_validate(d) for d in doc.dates],
            "claims": [ClaimOut.model_validate(c) for c in doc.claims],
        }

    @router.get(
        "/outlets",
        tags=["articles"],
        summary="Outlets and how many articles each has",
        response_model=PageOut[OutletOut],
        dependencies=read,
        responses=_ERRORS,
    )
    async def list_outlets(limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> Any:
        outlets = [{"outlet": o, "articles": n} for o, n in store.outlets()]
        return _sliced(outlets, limit, offset)

    @router.get(
        "/stories",
        tags=["stories"],
        summary="List stories",
        description="`order=latest` (most recent article first) or `busiest` (most articles).",
        response_model=PageOut[StoryBriefOut],
        dependencies=read,
        responses=_ERRORS,
    )
    async def list_stories(
        order: StoryOrderParam = "latest",
        outlet: str | None = None,
        date_from: DateFrom = None,
        date_to: DateTo = None,
        entity: Annotated[str | None, Query(description="Entity id.")] = None,
        limit: Limit = DEFAULT_LIMIT,
        offset: Offset = 0,
    ) -> Any:
        page = store.list_stories(
            order=order,
            outlet=outlet,
            date_from=date_from,
            date_to=date_to,
            entity_id=entity,
            limit=limit,
            offset=offset,
        )
        return {**vars(page), "items": [_story_brief(s) for s in page.items]}

    def _story(story_id: str) -> Story:
        return _found(store.get_story(story_id), "story", story_id)

    @router.get(
        "/stories/{story_id}",
        tags=["stories"],
        summary="One story",
        description="Label, articles, duplicates, extractive summary (each sentence cites its "
        "article), timeline and the comparison of figures across sources.",
        response_model=StoryOut,
        dependencies=read,
        responses={**_ERRORS, **_NOT_FOUND},
    )
    async def get_story(story_id: str) -> Any:
        return _story_brief(_story(story_id))

    @router.get(
        "/stories/{story_id}/comparisons",
        tags=["stories"],
        summary="How the figures in a story compare across sources",
        response_model=PageOut[ComparisonOut],
        dependencies=read,
        responses={**_ERRORS, **_NOT_FOUND},
    )
    async def story_comparisons(
        story_id: str,
        conflict: Annotated[bool | None, Query(description="Only conflicting ones.")] = None,
        limit: Limit = DEFAULT_LIMIT,
        offset: Offset = 0,
    ) -> Any:
        comps = _story(story_id).comparisons
        if conflict is not None:
            comps = [c for c in comps if c.conflict == conflict]
        return _sliced([c.to_dict() for c in comps], limit, offset)

    @router.get(
        "/entities",
        tags=["entities"],
        summary="List entities",
        description="Most mentioned first; `name` matches any alias.",
        response_model=PageOut[EntityOut],
        dependencies=read,
        responses=_ERRORS,
    )
    async def list_entities(
        type: Annotated[
            str | None, Query(pattern="^(PER|ORG|LOC|MISC)$", description="PER, ORG, LOC or MISC.")
        ] = None,
        name: str | None = None,
        limit: Limit = DEFAULT_LIMIT,
        offset: Offset = 0,
    ) -> Any:
        page = store.list_entities(type=type, name=name, limit=limit, offset=offset)
        return {**vars(page), "items": [_entity_out(e) for e in page.items]}

    @router.get(
        "/entities/{entity_id}",
        tags=["entities"],
        summary="One entity with its aliases, roles and mentions",
        response_model=EntityDetailOut,
        dependencies=read,
        responses={**_ERRORS, **_NOT_FOUND},
    )
    async def get_entity(entity_id: str) -> Any:
        return _entity_out(_found(store.get_entity(entity_id), "entity", entity_id))

    @router.get(
        "/quotes",
        tags=["quotes & claims"],
        summary="List quotes",
        response_model=PageOut[QuoteOut],
        dependencies=read,
        responses=_ERRORS,
    )
    async def list_quotes(
        article: Annotated[str | None, Query(description="Article id.")] = None,
        story: Annotated[str | None, Query(description="Story id.")] = None,
        speaker: Annotated[str | None, Query(description="Speaker entity id.")] = None,
        limit: Limit = DEFAULT_LIMIT,
        offset: Offset = 0,
    ) -> Any:
        page = store.list_quotes(
            article_id=article,
            story_id=story,
            speaker_entity_id=speaker,
            limit=limit,
            offset=offset,
        )
        return {**vars(page), "items": [q.to_dict() for q in page.items]}

    @router.get(
        "/claims",
        tags=["quotes & claims"],
        summary="List numeric claims",
        response_model=PageOut[ClaimOut],
        dependencies=read,
        responses=_ERRORS,
    )
    async def list_claims(
        article: Annotated[str | None, Query(description="Article id.")] = None,
        story: Annotated[str | None, Query(description="Story id.")] = None,
        source: Annotated[str | None, Query(description="Source entity id.")] = None,
        limit: Limit = DEFAULT_LIMIT,
        offset: Offset = 0,
    ) -> Any:
        page = store.list_claims(
            article_id=article, story_id=story, source_entity_id=source, limit=limit, offset=offset
        )
        return {**vars(page), "items": [c.to_dict() for c in page.items]}

    @router.get(
        "/search",
        tags=["search"],
        summary="Full-text search",
        description="Arabic-aware: diacritics, hamza forms, ta marbuta and clitics do not "
        'matter. Words are ANDed; "quoted phrases", OR and -word work.',
        response_model=PageOut[SearchHitOut],
        dependencies=read,
        responses=_ERRORS,
    )
    async def search(
        q: Annotated[str, Query(min_length=1, max_length=500, description="The query.")],
        outlet: str | None = None,
        date_from: DateFrom = None,
        date_to: DateTo = None,
        entity: Annotated[str | None, Query(description="Entity id.")] = None,
        story: Annotated[str | None, Query(description="Story id.")] = None,
        limit: Limit = 20,
        offset: Offset = 0,
    ) -> Any:
        try:
            index = searcher.index()
        except ConfigError as exc:
            raise HTTPException(status.HTTP_501_NOT_IMPLEMENTED, str(exc)) from exc
        page = index.search(
            q,
            outlet=outlet,
            date_from=date_from,
            date_to=date_to,
            entity_id=entity,
            story_id=story,
            limit=limit,
            offset=offset,
        )
        return {
            "items": [dataclasses.asdict(h) for h in page.items],
            "total": page.total,
            "limit": limit,
            "offset": offset,
        }

    @router.get(
        "/export",
        tags=["export"],
        summary="The whole store as the JSON export",
        dependencies=read,
        responses=_ERRORS,
    )
    async def export() -> Any:
        from marsad.export import build_export

        return build_export(store)

    return router


def create_app(
    store: Store, settings: Settings, *, api_keys: Iterable[str] | None = None
) -> FastAPI:
    """The API as its own app; ``api_keys`` are hashes (default: from the environment).

    The web UI builds on this app, adding its pages and its own error pages.
    """
    app = FastAPI(
        title="marsad",
        version="1",
        description=DESCRIPTION,
        openapi_tags=OPENAPI_TAGS,
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    keys = KeyRing(load_key_hashes() if api_keys is None else api_keys)
    app.include_router(build_router(store, settings, keys))
    app.add_exception_handler(RequestValidationError, validation_error_response)
    return app
