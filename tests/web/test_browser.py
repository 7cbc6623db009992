"""The UI in a real browser: Debian's chromium, headless, against uvicorn on loopback."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sample_store import build_store

from marsad.api import hash_key
from marsad.config import Settings
from marsad.web import create_web_app

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# A laptop-sized window; the layout must not need horizontal scrolling at this width.
VIEWPORT = {"width": 1280, "height": 900}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not CHROMIUM.exists():
        pytest.skip(
            "browser tests need Debian's chromium at /usr/bin/chromium (apt install chromium)"
        )
    import uvicorn

    store = build_store(tmp_path_factory.mktemp("browser") / "ui.db")
    app = create_web_app(store, Settings(db=Path("unused.db")), api_keys=[hash_key("k")])
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start within 20 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    store.close()


@pytest.fixture(scope="module")
def browser(base_url: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport=VIEWPORT, locale="ar")
    pg = context.new_page()
    dialogs: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.dialogs = dialogs
    yield pg
    context.close()


def _check_rtl_and_fit(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("document.documentElement.lang") == "ar"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"{name}: page is {overflow}px wider than the window"
    assert page.dialogs == []


@pytest.mark.parametrize(
    ("path", "name", "heading"),
    [
        ("/", "stories", "القصص"),
        ("/stories/s1", "story", "قوات كورية شمالية في روسيا"),
        ("/entities", "entities", "الكيانات"),
        ("/entities/e-putin", "entity", "فلاديمير بوتين شخص"),
        ("/articles/a1", "article", "كوريا الشمالية ترسل قوات إلى روسيا"),
        ("/articles/evil", "article-hostile", '"><script>alert(3)</script>'),
        ("/stories/s-evil", "story-hostile", "<script>alert(5)</script>"),
        ("/search?q=بوتين", "search", "بحث"),
    ],
)
def test_page_renders_rtl(page: Any, base_url: str, path: str, name: str, heading: str) -> None:
    response = page.goto(base_url + path)
    assert response.status == 200
    assert page.locator("h1").first.inner_text().strip() == heading
    _check_rtl_and_fit(page, name)


def test_hostile_article_runs_nothing(page: Any, base_url: str) -> None:
    page.goto(base_url + "/articles/evil")
    assert page.locator("script").count() == 0
    assert page.locator(".body img").count() == 0 and page.locator(".body b").count() == 0
    assert "<script>alert(1)</script>" in page.locator(".body").inner_text()
    box = page.locator(".body").bounding_box()
    assert box["width"] <= VIEWPORT["width"]
    page.wait_for_timeout(200)
    assert page.dialogs == []


def test_search_then_follow_links(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    page.fill("header input[name=q]", "جندي")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=*")
    assert page.locator("ol.hits mark").count() >= 3
    _check_rtl_and_fit(page, "search-results")
    page.locator("ol.hits h2 a").first.click()
    page.wait_for_url("**/articles/*")
    assert page.locator(".body .claim").count() >= 1
    page.locator("a", has_text="قوات كورية شمالية في روسيا").first.click()
    page.wait_for_url("**/stories/s1")
    page.locator("#speakers h3 a").first.click()
    page.wait_for_url("**/entities/*")
    assert page.locator("#stories a").count() == 1


def test_story_filters(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    page.select_option("select[name=order]", "busiest")
    page.select_option("select[name=entity]", "e-kim")
    page.click("form.filters button")
    page.wait_for_url("**/?order=busiest*")
    cards = page.locator("ol.cards li h2")
    assert cards.count() == 1 and cards.first.inner_text() == "قوات كورية شمالية في روسيا"


def test_comparison_table_highlights_conflict(page: Any, base_url: str) -> None:
    page.goto(base_url + "/stories/s1")
    rows = page.locator("table.comparison tr.conflict")
    assert rows.count() == 3
    colour = rows.first.locator("td").first.evaluate("e => getComputedStyle(e).backgroundColor")
    assert colour == "rgb(253, 236, 234)"
    assert page.locator("table.comparison .flag").inner_text() == "تعارض"
    assert page.locator("svg.chart circle").count() == 3
    page.locator("table.comparison").screenshot(path=str(SHOTS / "comparison.png"))
