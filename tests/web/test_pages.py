"""Every page renders in Arabic, right to left, with its content, and hostile text inert."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from marsad.config import Settings
from marsad.web import serve
from marsad.web.app import CSP

PAGES = [
    "/",
    "/?order=busiest",
    "/?outlet=قناة+الغد&date_from=2024-10-01&date_to=2024-12-31&entity=e-putin",
    "/stories/s1",
    "/stories/s-evil",
    "/entities",
    "/entities?type=PER&name=بوتين",
    "/entities/e-putin",
    "/entities/e-kim",
    "/articles/a1",
    "/articles/evil",
    "/search?q=بوتين",
    "/search",
]


class _Tags(HTMLParser):
    """Collects tags and attributes, to check what the browser would actually build."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _parse(html: str) -> _Tags:
    p = _Tags()
    p.feed(html)
    return p


@pytest.mark.parametrize("url", PAGES)
def test_page_is_rtl_arabic_with_strict_headers(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/html")
    assert '<html lang="ar" dir="rtl">' in r.text
    assert r.headers["content-security-policy"] == CSP
    assert "script-src" not in CSP and "default-src 'none'" in CSP
    assert r.headers["x-content-type-options"] == "nosniff"
    tags = _parse(r.text).tags
    assert not [t for t, _ in tags if t in ("script", "iframe", "object", "embed", "img")]
    for tag, attrs in tags:
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
        assert "style" not in attrs, (tag, attrs)
        for key in ("href", "src"):
            value = attrs.get(key) or ""
            assert not value.startswith(("http://cdn", "//")), value
            assert not value.lower().startswith("javascript:"), value


def test_static_css_is_local(client: TestClient) -> None:
    r = client.get("/static/marsad.css")
    assert r.status_code == 200 and "direction: rtl" in r.text
    assert "@import" not in r.text and "url(" not in r.text


def test_stories_list(client: TestClient) -> None:
    text = client.get("/?order=busiest").text
    assert text.index("قوات كورية شمالية في روسيا") < text.index("&lt;script&gt;alert(5)")
    assert 'href="/stories/s1"' in text
    filtered = client.get("/", params={"entity": "e-kim"}).text
    assert "قوات كورية" in filtered and "alert(5)" not in filtered
    assert "لا توجد قصص" in client.get("/", params={"outlet": "لا أحد"}).text


def test_story_page(client: TestClient) -> None:
    text = client.get("/stories/s1").text
    # summary sentences link to their source articles
    assert re.search(r'<a href="/articles/a1">قال البنتاغون', text)
    assert re.search(r'<a href="/articles/a3">نفى بوتين', text)
    # timeline, comparison table with the conflict flagged, chart
    assert "2024-10-23" in text and "كيم يوافق" in text
    table = text[text.index('<table class="comparison">') : text.index("</table>")]
    assert table.count('<tr class="conflict">') == 3
    assert "تعارض" in table and "10,000" in table and "12,000" in table and "3,000" in table
    assert "<svg" in text and text.count("<circle") == 3
    # who said what, grouped by speaker entity
    speakers = text[text.index('id="speakers"') : text.index('id="outlets"')]
    assert 'href="/entities/e-putin"' in speakers and "هذا شأننا الداخلي" in speakers
    assert speakers.index("فلاديمير بوتين") < speakers.index("البنتاغون")
    # outlets and duplicates
    outlets = text[text.index('id="outlets"') : text.index('id="duplicates"')]
    for name in ("وكالة الأنباء", "صحيفة الشرق", "قناة الغد"):
        assert name in outlets
    dups = text[text.index('id="duplicates"') :]
    assert 'href="/articles/a1"' in dups and 'href="/articles/a2"' in dups


def test_entity_page(client: TestClient) -> None:
    text = client.get("/entities/e-putin").text
    assert "بوتن" in text and "الرئيس الروسي" in text
    assert 'href="/stories/s1"' in text
    by = text[text.index('id="quotes-by"') : text.index('id="quotes-about"')]
    assert "هذا شأننا الداخلي" in by
    with_ = text[text.index('id="with"') : text.index('id="articles"')]
    assert 'href="/entities/e-pentagon"' in with_ and 'href="/entities/e-russia"' in with_
    kim = client.get("/entities/e-kim").text
    about = kim[kim.index('id="quotes-about"') : kim.index('id="with"')]
    assert "وافق على إرسال الجنود" in about


def test_article_page_marks_spans(client: TestClient) -> None:
    text = client.get("/articles/a1").text
    assert '<a href="/entities/e-kim" class="ent ent-per quote"' in text
    assert '<span class="claim"' in text and '<span class="date"' in text
    assert 'href="https://example.com/a1"' in text and 'rel="noopener noreferrer nofollow"' in text
    assert 'href="/stories/s1"' in text


def test_hostile_article_is_inert(client: TestClient) -> None:
    r = client.get("/articles/evil")
    text = r.text
    assert "<script" not in text and "<img" not in text and "</textarea>" not in text
    assert "<b>" not in text and "<i>" not in text
    assert "&lt;script&gt;alert(1)" in text
    assert "\u202e" not in text and "\u202c" not in text
    assert "javascript:" not in text  # the article's url is not linked
    # overlapping quote/mention spans still nest properly: the HTML parses tag-balanced
    body = text[text.index('<div class="body">') : text.index("</article>")]
    depth = 0
    for m in re.finditer(r"<(/?)(a|span|div)\b", body):
        depth += -1 if m.group(1) else 1
        assert depth >= 0
    assert depth == 0
    assert "ا" * 3000 in text  # the long string is kept; CSS wraps it


def test_search_page(client: TestClient) -> None:
    text = client.get("/search", params={"q": "جندي", "outlet": "قناة الغد"}).text
    assert "1 نتيجة" in text and 'href="/articles/a3"' in text
    assert "<mark>جندي</mark>" in text
    hostile = client.get("/search", params={"q": "المتحدث"}).text
    assert "&lt;script&gt;" in hostile and "<script" not in hostile
    assert 'value="المتحدث"' in hostile
    assert "لا نتائج" in client.get("/search", params={"q": "غانا"}).text
    echoed = client.get("/search", params={"q": '"><script>alert(9)</script>'}).text
    assert "<script>alert(9)" not in echoed and "&#34;&gt;&lt;script&gt;alert(9)" in echoed


def test_pagination_links(client: TestClient) -> None:
    text = client.get("/entities", params={"page": 1}).text
    assert "صفحة" not in text  # four entities fit on one page
    bad = client.get("/entities", params={"page": 0})
    assert bad.status_code == 422 and 'dir="rtl"' in bad.text and "page" in bad.text


def test_unknown_pages_are_arabic_404(client: TestClient) -> None:
    for url in ("/stories/nope", "/entities/nope", "/articles/nope", "/no/such/page"):
        r = client.get(url)
        assert r.status_code == 404
        assert 'dir="rtl"' in r.text


def test_api_is_mounted(client: TestClient) -> None:
    r = client.get("/api/v1/stories")
    assert r.status_code == 200 and r.json()["total"] == 2
    assert r.headers["content-security-policy"] == CSP
    assert client.get("/api/v1/articles/nope").json()["detail"] == "no article with id 'nope'"


def test_serve_opens_the_store_and_runs_uvicorn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    seen: dict[str, Any] = {}

    def fake_run(app: Any, **kw: Any) -> None:
        seen.update(kw, app=app)
        with TestClient(app) as c:
            seen["status"] = c.get("/").status_code

    monkeypatch.setattr(uvicorn, "run", fake_run)
    serve(tmp_path / "new.db", "127.0.0.1", 8123, Settings(db=tmp_path / "new.db"))
    assert (seen["host"], seen["port"], seen["status"]) == ("127.0.0.1", 8123, 200)
    assert (tmp_path / "new.db").exists()
