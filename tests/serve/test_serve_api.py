"""The HTTP API with the test client, over a store built from the bundled examples."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from serve_support import RELAXED

from rasd.serve import create_app
from rasd.serve.limits import TokenBuckets
from rasd.settings import DEFAULT_SETTINGS

AZE_DOC = "12_azertac_bayramov_wang_call"


def error_of(response) -> dict:
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["status"] == response.status_code
    return body["error"]


def test_api_events_pair_either_order_and_cli_fields(client: TestClient):
    one = client.get("/api/events", params={"pair": "CHN,AZE"}).json()
    other = client.get("/api/events", params={"pair": "aze,chn"}).json()
    assert one == other
    assert one["total"] == len(one["items"]) >= 3
    assert all({e["source"][:3], e["target"][:3]} == {"AZE", "CHN"} for e in one["items"])
    first = one["items"][0]
    assert first["event_id"] == f"{AZE_DOC}-e1" and first["type"] == "CONSULT" and first["place"] == "Baku"
    assert first["label"] == "040 Consult · Goldstein +1.0 · verbal cooperation"


def test_api_events_pages_cover_all_rows_once(client: TestClient):
    total = client.get("/api/events", params={"limit": 1}).json()["total"]
    seen: list[str] = []
    for offset in range(0, total, 7):
        page = client.get("/api/events", params={"limit": 7, "offset": offset}).json()
        assert page["offset"] == offset and page["limit"] == 7
        seen += [e["event_id"] for e in page["items"]]
    assert len(seen) == total == len(set(seen)) == client.get("/api/stats").json()["counts"]["events"]


def test_api_events_newest_first_and_filters(client: TestClient):
    newest = client.get("/api/events", params={"order": "desc", "limit": 3}).json()["items"]
    assert [e["date"] for e in newest] == sorted((e["date"] for e in newest), reverse=True)
    assert newest[0]["date"] == "2025-07-12"
    q4 = client.get("/api/events", params=[("quad_class", "4"), ("type", "ASSAULT")]).json()
    assert q4["total"] >= 1 and {e["quad_class"] for e in q4["items"]} == {4}
    riyadh = client.get("/api/events", params={"place": "Riyadh", "since": "2024", "until": "2024-12"}).json()
    assert riyadh["total"] >= 1 and all(e["place"] == "Riyadh" for e in riyadh["items"])
    text = client.get("/api/events", params={"text": "بيراموف"}).json()
    assert text["total"] >= 1 and all("بيراموف" in e["evidence"] for e in text["items"])


@pytest.mark.parametrize(
    ("params", "needle"),
    [
        ({"type": "MEET"}, "PLOVER types are"),
        ({"actor": "C"}, "actor"),
        ({"pair": "CHN"}, "pair"),
        ({"since": "2024-13"}, "calendar date"),
        ({"since": "2025", "until": "2024"}, "after until"),
        ({"limit": 0}, "limit"),
        ({"limit": DEFAULT_SETTINGS.serve_max_page_rows + 1}, "limit"),
        ({"offset": DEFAULT_SETTINGS.query_max_rows + 1}, "offset"),
        ({"quad_class": 5}, "quad_class"),
        ({"order": "sideways"}, "order"),
        ({"text": "x" * 201}, "text"),
    ],
)
def test_api_bad_parameters_are_q400_with_a_message(client: TestClient, params: dict, needle: str):
    response = client.get("/api/events", params=params)
    assert response.status_code == 400
    error = error_of(response)
    assert error["code"] == "Q400" and needle in error["message"]


def test_api_timeline_has_the_ladder_step_and_months(client: TestClient):
    tl = client.get("/api/timeline/CHN/AZE").json()
    assert (tl["a"], tl["b"], tl["a_name"], tl["b_name"]) == ("CHN", "AZE", "China", "Azerbaijan")
    assert tl["steps"] == [
        {"date": "2025-03-18", "level": "strategic partnership", "rank": 3, "change": "upgraded", "doc_id": AZE_DOC}
    ]
    assert [m["month"] for m in tl["months"]] == ["2025-03", "2025-04"]
    pair_events = client.get("/api/events", params={"pair": "CHN,AZE"}).json()["total"]
    assert sum(m["events"] for m in tl["months"]) + tl["undated_events"] == pair_events
    assert all(m["rank"] == 3 for m in tl["months"])
    assert client.get("/api/timeline/CHN/1").status_code == 400


def test_api_actors_pairs_partnerships_documents_stats(client: TestClient):
    actors = client.get("/api/actors", params={"limit": 3}).json()
    assert len(actors) == 3 and actors[0]["events"] >= actors[1]["events"] and actors[0]["name"]
    pairs = client.get("/api/pairs").json()
    aze = next(p for p in pairs if {p["a"], p["b"]} == {"AZE", "CHN"})
    assert aze["events"] == aze["coop"] + aze["conflict"] >= 3 and aze["a_name"] == "Azerbaijan"
    parts = client.get("/api/partnerships", params={"pair": "CHN,AZE"}).json()
    assert parts["total"] == 1 and parts["items"][0]["text"] == "الشراكة الاستراتيجية"
    chn = client.get("/api/partnerships", params={"actor": "CHN"}).json()
    assert chn["total"] >= 4 and all("CHN" in (p["a"], p["b"]) for p in chn["items"])
    docs = client.get("/api/documents", params={"limit": 5}).json()
    assert docs["total"] == 15 and len(docs["items"]) == 5 and docs["items"][0]["published"] == "2025-07-12"
    assert client.get("/api/documents", params={"language": "en"}).json()["items"][0]["doc_id"] == "15_english"
    stats = client.get("/api/stats").json()
    assert stats["counts"]["documents"] == 15 and stats["counts"]["events"] >= 50
    assert sum(stats["quad_classes"].values()) == stats["counts"]["events"] == sum(stats["types"].values())
    assert stats["languages"] == {"ar": 14, "en": 1}
    meta = client.get("/api/meta").json()
    assert "CONSULT" in meta["types"] and meta["ladder"]["3"][0] == "strategic partnership"


def test_api_document_spans_point_at_the_coded_text(client: TestClient):
    doc = client.get(f"/api/documents/{AZE_DOC}").json()
    text = doc["text"]
    spans = doc["spans"]
    assert {s["kind"] for s in spans} == {"actor", "trigger", "date", "place", "partnership"}
    for s in spans:
        assert 0 <= s["start"] < s["end"] <= len(text) and s["title"]
    trigger = next(s for s in spans if s["kind"] == "trigger" and f"{AZE_DOC}-e1" in s["event_ids"])
    assert text[trigger["start"] : trigger["end"]] == "يبحثان" and trigger["code"] == "CONSULT"
    assert "040 Consult" in trigger["title"]
    place = next(s for s in spans if s["kind"] == "place")
    assert text[place["start"] : place["end"]] == "باكو" and "Baku, Azerbaijan" in place["title"]
    month = next(s for s in spans if s["kind"] == "date" and s["code"] == "2025-04")
    assert text[month["start"] : month["end"]] == "الشهر المقبل"
    partnership = next(s for s in spans if s["kind"] == "partnership")
    assert (
        text[partnership["start"] : partnership["end"]] == "الشراكة الاستراتيجية" and "rank 3" in partnership["title"]
    )
    wang = [s for s in spans if s["kind"] == "actor" and text[s["start"] : s["end"]] == "وانغ يي"]
    assert wang and all(s["code"] == "CHN" for s in wang)


def test_api_document_ids_may_hold_slashes_and_unknown_is_404(client: TestClient):
    response = client.get("/api/documents/no/such/doc")
    assert response.status_code == 404 and error_of(response)["code"] == "H404"
    assert client.get("/api/documents/15_english").json()["flags"] == ["not-arabic"]


def test_api_is_read_only_and_has_an_openapi_schema(client: TestClient):
    schema = client.get("/api/openapi.json").json()
    methods = {m for path in schema["paths"].values() for m in path}
    assert methods == {"get"}
    assert set(schema["paths"]) >= {
        "/api/events",
        "/api/timeline/{a}/{b}",
        "/api/actors",
        "/api/pairs",
        "/api/partnerships",
        "/api/documents",
        "/api/documents/{doc_id}",
        "/api/stats",
        "/api/meta",
    }
    assert all("422" not in op["responses"] for path in schema["paths"].values() for op in path.values())
    for method in ("post", "put", "delete", "patch"):
        response = client.request(method.upper(), "/api/events")
        assert response.status_code == 405 and error_of(response)["code"] == "H405"
    assert client.get("/docs").status_code == 404  # Swagger UI would load scripts from a CDN


def test_api_refuses_bodies_and_long_urls(client: TestClient):
    response = client.request("GET", "/api/events", content=b"x" * 10)
    assert response.status_code == 413 and error_of(response)["code"] == "H413"
    long = "/api/events?text=" + "a" * DEFAULT_SETTINGS.serve_max_url_chars
    response = client.get(long)
    assert response.status_code == 414 and error_of(response)["code"] == "H414"


def test_api_rate_limit_answers_429_with_retry_after(serve_db: Path):
    tight = dataclasses.replace(RELAXED, serve_rate_per_s=1.0, serve_rate_burst=3)
    client = TestClient(create_app(serve_db, tight))
    codes = [client.get("/api/meta").status_code for _ in range(5)]
    assert codes[:3] == [200, 200, 200] and codes[3:] == [429, 429]
    refused = client.get("/api/meta")
    assert error_of(refused)["code"] == "H429" and int(refused.headers["retry-after"]) >= 1


def test_token_bucket_refills_at_its_rate():
    now = [0.0]
    buckets = TokenBuckets(rate=2.0, burst=2, clock=lambda: now[0], max_keys=2)
    assert buckets.take("a") == 0 and buckets.take("a") == 0
    assert buckets.take("a") == pytest.approx(0.5)
    now[0] = 0.5
    assert buckets.take("a") == 0  # one token came back in half a second
    buckets.take("b")
    buckets.take("c")
    assert list(buckets.buckets) == ["b", "c"]  # the least recently seen key is forgotten


def test_static_files_are_whitelisted_and_carry_security_headers(client: TestClient):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "/static/app.js" in page.text and "http" not in page.text.split("<body>")[0].replace("http-equiv", "")
    csp = page.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert page.headers["x-content-type-options"] == "nosniff"
    js = client.get("/static/app.js")
    assert js.status_code == 200 and "javascript" in js.headers["content-type"]
    assert client.get("/static/app.js", headers={"if-none-match": js.headers["etag"]}).status_code == 304
    for path in (
        "/static/../serve/app.py",
        "/static/..%2fapp.py",
        "/static/%2e%2e/%2e%2e/settings.py",
        "/static/static.py",
        "/static//etc/passwd",
        "/static/app.js%00.html",
    ):
        response = client.get(path)
        assert response.status_code == 404, path
        assert "import" not in response.text


def test_no_asset_loads_anything_from_another_host():
    from rasd.serve.static import load_assets

    for name, asset in load_assets().items():
        text = asset.body.decode("utf-8", "replace")
        assert "://" not in text.replace("http://www.w3.org/2000/svg", ""), name


def test_cors_is_off_unless_configured(serve_db: Path, client: TestClient):
    origin = {"origin": "https://example.org"}
    assert "access-control-allow-origin" not in client.get("/api/meta", headers=origin).headers
    allowed = TestClient(create_app(serve_db, RELAXED, cors_origins=("https://example.org",)))
    assert allowed.get("/api/meta", headers=origin).headers["access-control-allow-origin"] == "https://example.org"
    other = allowed.get("/api/meta", headers={"origin": "https://evil.example"})
    assert "access-control-allow-origin" not in other.headers


def test_a_missing_store_fails_when_the_app_is_made(tmp_path: Path):
    from rasd.errors import StoreError

    with pytest.raises(StoreError, match="no database here"):
        create_app(tmp_path / "none.duckdb")


def test_cli_serve_binds_loopback_by_default(monkeypatch: pytest.MonkeyPatch, serve_db: Path):
    import uvicorn
    from typer.testing import CliRunner

    from rasd.cli.main import app

    calls: list[dict] = []
    monkeypatch.setattr(uvicorn, "run", lambda application, **kw: calls.append(kw))
    result = CliRunner().invoke(app, ["serve", "--db", str(serve_db)])
    assert result.exit_code == 0, result.output
    assert calls[0]["host"] == "127.0.0.1" and calls[0]["port"] == 8000
    assert calls[0]["limit_concurrency"] == DEFAULT_SETTINGS.serve_max_concurrency
    result = CliRunner().invoke(app, ["serve", "--db", str(serve_db), "--host", "0.0.0.0", "--port", "9000"])
    assert result.exit_code == 0 and "Warning" in result.output and calls[1]["host"] == "0.0.0.0"
    missing = CliRunner().invoke(app, ["serve", "--db", str(serve_db.parent / "nope.duckdb")])
    assert missing.exit_code == 1 and "S500" in missing.output and len(calls) == 2
