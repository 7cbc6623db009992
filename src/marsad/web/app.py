"""Server-rendered Arabic UI (RTL, no JavaScript, nothing from outside) plus the REST API."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from importlib import resources
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup
from starlette.exceptions import HTTPException as StarletteHTTPException

from marsad._tables import data_text
from marsad.api.app import API_PREFIX, Searcher, create_app, validation_error_response
from marsad.config import Settings
from marsad.errors import MarsadError
from marsad.model import Article, Claim, Entity, Quote, Story
from marsad.store.base import Store, StoryOrder
from marsad.web.render import Point, Span, figures_chart, mark_spans, safe_text

# No script at all, no inline styles, nothing from another origin, no framing.
CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
# Items per list page in the UI.
PAGE_SIZE = 20
# Upper bound on what one story page loads (articles, claims, quotes): the busiest story in
# the SaudiNewsNet run is far below it, and it keeps a page render bounded whatever happens.
STORY_ITEMS = 500
# Articles of an entity scanned for co-mentions and quotes about it: bounds the entity page's
# work for very frequent entities; the most recent articles are the ones read first.
ENTITY_ARTICLES = 50
# Entities shown as "appears with".
COMENTIONS = 15

# Arabic labels for the model's codes (entity types, claim qualifiers) live in data/.
_LABELS = json.loads(data_text("marsad.web", "labels.json"))
ENTITY_TYPES: dict[str, str] = _LABELS["entity_types"]
QUALIFIERS: dict[str, str] = _LABELS["qualifiers"]


def _blank(value: str | None) -> str | None:
    """Empty form fields arrive as ''; they mean 'no filter'."""
    return value.strip() or None if value is not None else None


class _Pages:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.searcher = Searcher(store)
        self.env = Environment(
            loader=PackageLoader("marsad.web", "templates"),
            autoescape=select_autoescape(default=True, default_for_string=True),
        )
        self.env.filters["clean"] = safe_text
        self.env.globals.update(ENTITY_TYPES=ENTITY_TYPES, QUALIFIERS=QUALIFIERS)

    def render(self, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        html = self.env.get_template(name).render(**context)
        return HTMLResponse(html, status_code=status_code)

    def not_found(self, what: str) -> HTMLResponse:
        return self.render("error.html", 404, title="غير موجود", message=what)

    def entity_names(self, ids: Iterable[str]) -> dict[str, Entity]:
        out = {}
        for eid in ids:
            entity = self.store.get_entity(eid)
            if entity is not None:
                out[eid] = entity
        return out


def _pager(total: int, page: int) -> dict[str, int]:
    pages = max(1, -(-total // PAGE_SIZE))
    return {"page": page, "pages": pages, "total": total}


@dataclass
class FigureRow:
    claim: Claim
    article: Article | None
    when: str


def _story_figures(
    story: Story, claims: dict[str, Claim], articles: dict[str, Article]
) -> list[dict[str, Any]]:
    """Each comparison with its claims resolved, ordered by date, and its chart."""
    out = []
    for comp in story.comparisons:
        rows = []
        for cid in comp.claim_ids:
            claim = claims.get(cid)
            if claim is None:
                continue
            article = articles.get(claim.article_id)
            when = claim.date or (article.published if article else None) or ""
            rows.append(FigureRow(claim, article, when))
        rows.sort(key=lambda r: r.when)
        points = [
            Point(r.when, r.claim.value, r.claim.source or (r.article and r.article.outlet) or "")
            for r in rows
            if r.when
        ]
        out.append({"comparison": comp, "rows": rows, "chart": figures_chart(points, comp.subject)})
    return out


def _by_speaker(
    quotes: list[Quote], names: dict[str, Entity]
) -> list[tuple[str, str | None, list[Quote]]]:
    groups: dict[tuple[str, str | None], list[Quote]] = defaultdict(list)
    for q in quotes:
        eid = q.speaker_entity_id
        name = names[eid].name if eid in names else (q.speaker or "متحدث غير محدد")
        groups[(name, eid if eid in names else None)].append(q)
    ordered = sorted(groups.items(), key=lambda kv: -len(kv[1]))
    return [(name, eid, qs) for (name, eid), qs in ordered]


def build_pages(app: FastAPI, store: Store) -> None:
    pages = _Pages(store)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def stories(
        order: str = "latest",
        outlet: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        entity: str | None = None,
        page: Annotated[int, Query(ge=1)] = 1,
    ) -> HTMLResponse:
        order_: StoryOrder = "busiest" if order == "busiest" else "latest"
        result = store.list_stories(
            order=order_,
            outlet=_blank(outlet),
            date_from=_blank(date_from),
            date_to=_blank(date_to),
            entity_id=_blank(entity),
            limit=PAGE_SIZE,
            offset=(page - 1) * PAGE_SIZE,
        )
        filters = {
            "order": order_,
            "outlet": _blank(outlet) or "",
            "date_from": _blank(date_from) or "",
            "date_to": _blank(date_to) or "",
            "entity": _blank(entity) or "",
        }
        return pages.render(
            "stories.html",
            title="القصص",
            stories=result.items,
            paging=_pager(result.total, page),
            filters=filters,
            outlets=store.outlets(),
            entities=store.list_entities(limit=50).items,
        )

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    async def story_page(story_id: str) -> HTMLResponse:
        story = store.get_story(story_id)
        if story is None:
            return pages.not_found("لا توجد قصة بهذا المعرّف.")
        articles = {
            a.id: a for a in store.list_articles(story_id=story_id, limit=STORY_ITEMS).items
        }
        claims = {c.id: c for c in store.list_claims(story_id=story_id, limit=STORY_ITEMS).items}
        quotes = store.list_quotes(story_id=story_id, limit=STORY_ITEMS).items
        speaker_ids = {q.speaker_entity_id for q in quotes if q.speaker_entity_id}
        names = pages.entity_names(set(story.entities) | speaker_ids)
        outlets = Counter(a.outlet or "غير معروف" for a in articles.values())
        ordered = sorted(articles.values(), key=lambda a: (a.published or "", a.id))
        return pages.render(
            "story.html",
            title=story.label,
            story=story,
            articles=articles,
            ordered=ordered,
            figures=_story_figures(story, claims, articles),
            speakers=_by_speaker(quotes, names),
            names=names,
            outlets=outlets.most_common(),
        )

    @app.get("/entities", response_class=HTMLResponse, include_in_schema=False)
    async def entities(
        name: str | None = None,
        type: str | None = None,
        page: Annotated[int, Query(ge=1)] = 1,
    ) -> HTMLResponse:
        type_ = _blank(type) if type in ENTITY_TYPES else None
        result = store.list_entities(
            type=type_, name=_blank(name), limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE
        )
        return pages.render(
            "entities.html",
            title="الكيانات",
            entities=result.items,
            paging=_pager(result.total, page),
            filters={"name": _blank(name) or "", "type": type_ or ""},
        )

    @app.get("/entities/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
    async def entity_page(entity_id: str) -> HTMLResponse:
        entity = store.get_entity(entity_id)
        if entity is None:
            return pages.not_found("لا يوجد كيان بهذا المعرّف.")
        article_ids = list(dict.fromkeys(m.article_id for m in entity.mentions))
        article_ids = article_ids[-ENTITY_ARTICLES:]
        with_counts: Counter[str] = Counter()
        about: list[Quote] = []
        for doc in store.iter_documents(article_ids):
            ids = {m.entity_id for m in doc.mentions if m.entity_id and m.entity_id != entity_id}
            with_counts.update(ids)
            mine = [m for m in doc.mentions if m.entity_id == entity_id]
            about += [
                q
                for q in doc.quotes
                if q.speaker_entity_id != entity_id
                and any(q.start <= m.start < q.end for m in mine)
            ]
        top = [eid for eid, _ in with_counts.most_common(COMENTIONS)]
        names = pages.entity_names(top)
        return pages.render(
            "entity.html",
            title=entity.name,
            entity=entity,
            stories=store.list_stories(entity_id=entity_id, limit=PAGE_SIZE).items,
            quotes_by=store.list_quotes(speaker_entity_id=entity_id, limit=PAGE_SIZE).items,
            quotes_about=about[:PAGE_SIZE],
            appears_with=[(names[e], with_counts[e]) for e in top if e in names],
            articles={
                a.id: a for a in store.list_articles(entity_id=entity_id, limit=PAGE_SIZE).items
            },
        )

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    async def article_page(article_id: str) -> HTMLResponse:
        doc = store.get_document(article_id)
        if doc is None:
            return pages.not_found("لا يوجد مقال بهذا المعرّف.")
        spans = [
            Span(
                m.start,
                m.end,
                f"ent ent-{m.type.lower()}",
                href=f"/entities/{m.entity_id}" if m.entity_id else None,
                title=ENTITY_TYPES.get(m.type, m.type) + (f" — {m.role}" if m.role else ""),
            )
            for m in doc.mentions
        ]
        spans += [
            Span(q.start, q.end, "quote", title=f"اقتباس: {q.speaker or ''}") for q in doc.quotes
        ]
        spans += [Span(c.start, c.end, "claim", title=f"رقم: {c.subject}") for c in doc.claims]
        spans += [Span(d.start, d.end, "date", title=f"تاريخ: {d.value}") for d in doc.dates]
        story_id = store.story_of(article_id)
        return pages.render(
            "article.html",
            title=doc.article.title or doc.article.id,
            doc=doc,
            body=mark_spans(doc.article.text, spans),
            story=store.get_story(story_id) if story_id else None,
            names=pages.entity_names({m.entity_id for m in doc.mentions if m.entity_id}),
        )

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    async def search_page(
        q: str = "",
        outlet: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        entity: str | None = None,
        story: str | None = None,
        page: Annotated[int, Query(ge=1)] = 1,
    ) -> HTMLResponse:
        filters = {
            "q": q.strip(),
            "outlet": _blank(outlet) or "",
            "date_from": _blank(date_from) or "",
            "date_to": _blank(date_to) or "",
            "entity": _blank(entity) or "",
            "story": _blank(story) or "",
        }
        hits: list[Any] = []
        total = 0
        if filters["q"]:
            result = pages.searcher.index().search(
                filters["q"],
                outlet=_blank(outlet),
                date_from=_blank(date_from),
                date_to=_blank(date_to),
                entity_id=_blank(entity),
                story_id=_blank(story),
                limit=PAGE_SIZE,
                offset=(page - 1) * PAGE_SIZE,
            )
            # The index escaped the text itself and added only <mark> tags.
            hits = [(h, Markup(h.snippet)) for h in result.items]
            total = result.total
        return pages.render(
            "search.html",
            title="بحث",
            hits=hits,
            paging=_pager(total, page),
            filters=filters,
            outlets=store.outlets(),
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith(API_PREFIX):
            from fastapi.exception_handlers import http_exception_handler

            return await http_exception_handler(request, exc)
        return pages.render("error.html", exc.status_code, title="خطأ", message=str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        if request.url.path.startswith(API_PREFIX):
            return validation_error_response(request, exc)
        problems = "؛ ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ())[1:])}: {e.get('msg', '')}"
            for e in exc.errors()
        )
        return pages.render("error.html", 422, title="طلب غير صالح", message=problems)

    @app.exception_handler(MarsadError)
    async def marsad_error(request: Request, exc: MarsadError) -> Response:
        return pages.render("error.html", 500, title="خطأ", message=str(exc))


def create_web_app(
    store: Store, settings: Settings, *, api_keys: Iterable[str] | None = None
) -> FastAPI:
    """The UI and the API (under /api/v1) in one app, with strict security headers."""
    app = create_app(store, settings, api_keys=api_keys)
    static = resources.files("marsad.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    @app.middleware("http")
    async def headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    build_pages(app, store)
    return app
