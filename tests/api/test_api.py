"""Every /api/v1 endpoint: content, filters, pagination, validation and auth."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from marsad.api import create_app, hash_key
from marsad.config import Settings
from marsad.store import Store

V1 = "/api/v1"


def _page(client: TestClient, path: str, **params: Any) -> dict[str, Any]:
    r = client.get(V1 + path, params=params)
    assert r.status_code == 200, r.text
    body = r.json()
    assert set(body) == {"items", "total", "limit", "offset"}
    return body


def test_openapi_documents_every_endpoint(client: TestClient) -> None:
    spec = client.get(V1 + "/openapi.json").json()
    paths = spec["paths"]
    for path in (
        "/articles",
        "/articles/batch",
        "/articles/{article_id}",
        "/outlets",
        "/stories",
        "/stories/{story_id}",
        "/stories/{story_id}/comparisons",
        "/entities",
        "/entities/{entity_id}",
        "/quotes",
        "/claims",
        "/search",
        "/export",
    ):
        assert V1 + path in paths, path
    for ops in paths.values():
        for op in ops.values():
            assert op.get("summary"), op
    assert spec["components"]["schemas"]["ArticleIn"]["examples"]
    assert {t["name"] for t in spec["tags"]} >= {"ingest", "articles", "stories", "search"}
    assert "X-API-Key" in spec["info"]["description"]


def test_articles_list_paginates(client: TestClient) -> None:
    first = _page(client, "/articles", limit=2)
    assert first["total"] == 4 and len(first["items"]) == 2
    second = _page(client, "/articles", limit=2, offset=2)
    ids = [a["id"] for a in first["items"] + second["items"]]
    assert sorted(ids) == ["a1", "a2", "a3", "evil"]
    assert _page(client, "/articles", offset=10)["items"] == []


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"outlet": "صحيفة الشرق"}, {"a2"}),
        ({"story": "s1"}, {"a1", "a2", "a3"}),
        ({"entity": "e-kim"}, {"a1"}),
        ({"date_from": "2024-10-28", "date_to": "2024-11-02"}, {"a2", "a3"}),
    ],
)
def test_articles_filters(client: TestClient, params: dict[str, str], expected: set[str]) -> None:
    body = _page(client, "/articles", **params)
    assert {a["id"] for a in body["items"]} == expected
    assert body["total"] == len(expected)


def test_article_detail_has_analysis(client: TestClient) -> None:
    r = client.get(V1 + "/articles/a1")
    assert r.status_code == 200
    a = r.json()
    assert a["story_id"] == "s1"
    assert {m["entity_id"] for m in a["mentions"]} == {"e-pentagon", "e-russia", "e-kim"}
    for m in a["mentions"]:
        assert a["text"][m["start"] : m["end"]] == m["text"]
    assert a["claims"][0]["value"] == 10000 and a["claims"][0]["qualifier"] == "approx"
    assert a["dates"][0]["value"] == "2024-10-23"
    assert a["quotes"][0]["speaker_entity_id"] == "e-pentagon"


def test_missing_ids_are_404(client: TestClient) -> None:
    for path in ("/articles/nope", "/stories/nope", "/entities/nope", "/stories/nope/comparisons"):
        r = client.get(V1 + path)
        assert r.status_code == 404, path
        assert "nope" in r.json()["detail"]


def test_outlets(client: TestClient) -> None:
    body = _page(client, "/outlets")
    assert body["total"] == 4
    assert {o["outlet"]: o["articles"] for o in body["items"]}["قناة الغد"] == 1
    assert len(_page(client, "/outlets", limit=1, offset=3)["items"]) == 1


def test_stories_latest_and_busiest(client: TestClient) -> None:
    latest = _page(client, "/stories", order="latest")
    assert [s["id"] for s in latest["items"]] == ["s-evil", "s1"]
    busiest = _page(client, "/stories", order="busiest")
    assert busiest["items"][0]["id"] == "s1"
    assert busiest["items"][0]["article_count"] == 3
    assert _page(client, "/stories", entity="e-kim")["total"] == 1
    assert _page(client, "/stories", limit=1)["items"][0]["id"] == "s-evil"


def test_story_detail(client: TestClient) -> None:
    s = client.get(V1 + "/stories/s1").json()
    assert s["label"] == "قوات كورية شمالية في روسيا"
    assert s["summary"][0]["article_id"] == "a1"
    assert [t["date"] for t in s["timeline"]] == ["2024-10-23", "2024-11-02"]
    assert s["duplicate_groups"] == [["a1", "a2"]]
    assert s["comparisons"][0]["conflict"] is True


def test_story_comparisons(client: TestClient) -> None:
    every = _page(client, "/stories/s1/comparisons")
    assert every["total"] == 2
    conflicts = _page(client, "/stories/s1/comparisons", conflict=True)
    assert [c["claim_ids"] for c in conflicts["items"]] == [["c1", "c2", "c3"]]
    assert _page(client, "/stories/s1/comparisons", limit=1, offset=1)["items"][0]["subject"] == (
        "مدة الانتشار"
    )


def test_entities(client: TestClient) -> None:
    every = _page(client, "/entities")
    assert every["total"] == 4
    assert every["items"][0]["id"] == "e-putin"
    people = _page(client, "/entities", type="PER")
    assert {e["id"] for e in people["items"]} == {"e-putin", "e-kim"}
    assert [e["id"] for e in _page(client, "/entities", name="بوتين")["items"]] == ["e-putin"]
    one = client.get(V1 + "/entities/e-kim").json()
    assert one["roles"] == ["زعيم كوريا الشمالية"] and one["mention_count"] == len(one["mentions"])


def test_quotes_and_claims(client: TestClient) -> None:
    assert {q["id"] for q in _page(client, "/quotes", story="s1")["items"]} == {"q1", "q2", "q3"}
    assert {q["id"] for q in _page(client, "/quotes", speaker="e-putin")["items"]} == {"q2", "q3"}
    assert [q["id"] for q in _page(client, "/quotes", article="a1")["items"]] == ["q1"]
    claims = _page(client, "/claims", story="s1")
    assert sorted(c["value"] for c in claims["items"]) == [3000, 10000, 12000]
    assert [c["id"] for c in _page(client, "/claims", source="e-putin")["items"]] == ["c3"]


def test_search(client: TestClient) -> None:
    body = _page(client, "/search", q="بوتين")
    assert {h["article_id"] for h in body["items"]} == {"a2", "a3", "evil"}
    for hit in body["items"]:
        assert "<mark>" in hit["snippet"]
        assert "<script" not in hit["snippet"]
    only = _page(client, "/search", q="بوتين", story="s1", outlet="قناة الغد")
    assert [h["article_id"] for h in only["items"]] == ["a3"]
    assert _page(client, "/search", q="بوتين", entity="e-kim")["total"] == 0


def test_export(client: TestClient) -> None:
    r = client.get(V1 + "/export")
    assert r.status_code == 200
    data = r.json()
    assert len(data["articles"]) == 4 and len(data["stories"]) == 2


@pytest.mark.parametrize(
    ("path", "field"),
    [
        ("/articles?limit=0", "limit"),
        ("/articles?limit=201", "limit"),
        ("/articles?offset=-1", "offset"),
        ("/stories?order=oldest", "order"),
        ("/entities?type=PERSON", "type"),
        ("/search", "q"),
        ("/search?q=x&limit=abc", "limit"),
    ],
)
def test_bad_query_is_422_naming_the_field(client: TestClient, path: str, field: str) -> None:
    r = client.get(V1 + path)
    assert r.status_code == 422
    assert r.json()["detail"].startswith(field + ":"), r.json()


def test_write_needs_a_key(client: TestClient) -> None:
    article = {"text": "نص", "title": "عنوان"}
    r = client.post(V1 + "/articles", json=article)
    assert r.status_code == 401
    assert r.headers["www-authenticate"] == "Bearer"
    assert "X-API-Key" in r.json()["detail"]
    assert (
        client.post(V1 + "/articles", json=article, headers={"X-API-Key": "wrong"}).status_code
        == 403
    )
    wrong_bearer = {"Authorization": "Bearer wrong"}
    assert (
        client.post(
            V1 + "/articles/batch", json={"articles": [article]}, headers=wrong_bearer
        ).status_code
        == 403
    )


def test_no_configured_keys_refuses_writes(store: Store) -> None:
    app = create_app(store, Settings(db=Path("unused.db")), api_keys=[])
    with TestClient(app) as c:
        r = c.post(V1 + "/articles", json={"text": "نص"}, headers={"X-API-Key": "anything"})
    assert r.status_code == 403
    assert "MARSAD_API_KEYS" in r.json()["detail"]


def test_reading_can_require_a_key(store: Store) -> None:
    settings = Settings(db=Path("unused.db"), api_read_requires_key=True)
    app = create_app(store, settings, api_keys=[hash_key("reader")])
    with TestClient(app) as c:
        assert c.get(V1 + "/articles").status_code == 401
        assert c.get(V1 + "/articles", headers={"X-API-Key": "nope"}).status_code == 403
        ok = c.get(V1 + "/articles", headers={"Authorization": "Bearer reader"})
        assert ok.status_code == 200 and ok.json()["total"] == 4


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"title": "x"}, "body"),
        ({"text": "نص", "html": "<p>نص</p>"}, "body"),
        ({"text": "نص", "published": "yesterday"}, "published"),
        ({"text": "نص", "url": "ftp://x"}, "url"),
        ({"text": "نص", "colour": "red"}, "colour"),
    ],
)
def test_bad_article_is_422_naming_the_field(
    client: TestClient, keyed: dict[str, str], body: dict[str, str], field: str
) -> None:
    r = client.post(V1 + "/articles", json=body, headers=keyed)
    assert r.status_code == 422
    detail = r.json()["detail"]
    assert detail.startswith(field), detail


def test_bad_batch_is_422(client: TestClient, keyed: dict[str, str]) -> None:
    r = client.post(V1 + "/articles/batch", json={"articles": []}, headers=keyed)
    assert r.status_code == 422 and r.json()["detail"].startswith("articles")
    r = client.post(
        V1 + "/articles/batch", json={"articles": [{"text": "x", "published": "no"}]}, headers=keyed
    )
    assert r.status_code == 422 and r.json()["detail"].startswith("articles.0.published")


def test_missing_web_extra_is_a_clear_error(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from marsad.errors import MissingExtraError
    from marsad.web import create_web_app

    monkeypatch.delitem(sys.modules, "marsad.api.app", raising=False)
    monkeypatch.delitem(sys.modules, "marsad.web.app", raising=False)
    monkeypatch.setitem(sys.modules, "fastapi", None)
    with pytest.raises(MissingExtraError, match=r"marsad\[web\]"):
        create_app(store, Settings(db=Path("unused.db")))
    with pytest.raises(MissingExtraError, match=r"marsad\[web\]"):
        create_web_app(store, Settings(db=Path("unused.db")))
