"""The HTTP API over a real SQLite file: filters, cursors, errors, ingest, and the schema.

The database holds the demo articles of ``dateline.serve.demo``: hand-coded events
with evidence spans found in real text, one event reported by two articles, and a
claim disputed by another.
"""
from __future__ import annotations

import base64
import inspect
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings

from dateline.serve import create_app, demo, run
from dateline.store import connect
from tests.test_postgres import pg_url  # noqa: F401 - the store tests' PostgreSQL server fixture

TOKEN = "s3cret-token"
LOCAL = "http://127.0.0.1"  # the Host header a loopback server answers


def _database(path: Path) -> str:
    with connect(str(path)) as store:
        demo.fill(store)
    return str(path)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return _database(tmp_path_factory.mktemp("api") / "dateline.db")


@pytest.fixture(scope="module")
def client(db: str) -> Iterator[TestClient]:
    with TestClient(create_app(db, ingest_token=""), base_url=LOCAL) as c:
        yield c


def ids(response: object) -> list[str]:
    return [e["event_id_cnty"] for e in response.json()["items"]]  # type: ignore[attr-defined]


# -- events ---------------------------------------------------------------------------
@pytest.mark.parametrize("params, expected", [
    ({}, 6),
    ({"country": "Afghanistan"}, 3),
    ({"country": "afg"}, 3),
    ({"admin1": "helmand"}, 2),
    ({"bbox": "68,34,70,35"}, 1),  # Kabul
    ({"bbox": "-10,0,40,20"}, 2),  # Mopti and Khartoum
    ({"since": "2021-08", "until": "2021-08"}, 3),  # a month includes all its days
    ({"since": "2021-08-04"}, 2),
    ({"until": "2021-08-03"}, 4),
    ({"event_type": "Battles"}, 2),
    ({"sub_event_type": "air/drone strike"}, 1),
    ({"plover_type": "agree"}, 1),
    ({"actor": "taliban"}, 4),
    ({"q": "tear gas"}, 0),  # not in notes of the coded event
    ({"q": "khartoum"}, 1),
    ({"q": "KHARTOUM"}, 1),  # any case
    ({"actor": "TALIBAN"}, 4),
    ({"q": "100%_"}, 0),  # LIKE wildcards are literal
    ({"country": "Afghanistan", "event_type": "Explosions/Remote violence"}, 2),
])
def test_event_filters(client: TestClient, params: dict[str, str], expected: int) -> None:
    r = client.get("/api/events", params=params)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["total"] == expected == len(body["items"])


def test_events_newest_first_with_summary_columns(client: TestClient) -> None:
    items = client.get("/api/events").json()["items"]
    assert [e["event_date"] for e in items] == sorted((e["event_date"] for e in items), reverse=True)
    assert "evidence" not in items[0]
    full = client.get("/api/events", params={"full": True, "limit": 1}).json()["items"][0]
    assert full["evidence"] and "disorder_type" in full


def test_cursor_pages_cover_everything_once(client: TestClient) -> None:
    everything = ids(client.get("/api/events"))
    seen, cursor = [], None
    while True:
        body = client.get("/api/events", params={"limit": 2, **({"cursor": cursor} if cursor else {})}).json()
        seen += [e["event_id_cnty"] for e in body["items"]]
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert seen == everything


def test_cursor_is_stable_while_articles_arrive(tmp_path: Path) -> None:
    db = _database(tmp_path / "growing.db")
    with TestClient(create_app(db), base_url=LOCAL) as c:
        first = c.get("/api/events", params={"limit": 3}).json()
        with connect(db) as store:  # an ingest adds newer and older events between two pages
            for article in demo.synthetic(20, seed=3):
                store.add(article)
        rest = c.get("/api/events", params={"limit": 100, "cursor": first["next_cursor"]}).json()
    before = [e["event_id_cnty"] for e in first["items"]]
    after = [e["event_id_cnty"] for e in rest["items"]]
    assert not set(before) & set(after)
    assert all(e["event_date"] <= first["items"][-1]["event_date"] for e in rest["items"])


def test_cursor_pages_include_undated_events(tmp_path: Path) -> None:
    db = _database(tmp_path / "undated.db")
    undated = demo.synthetic(4, seed=5)[0]
    for i, event in enumerate(undated.events):
        event.event_date = None if i < 3 else ""  # type: ignore[assignment]
    with connect(db) as store:
        store.add(undated)
    with TestClient(create_app(db), base_url=LOCAL) as c:
        seen, cursor, total = [], None, None
        while True:
            body = c.get("/api/events", params={"limit": 2, **({"cursor": cursor} if cursor else {})}).json()
            total = body["total"]
            seen += [e["event_id_cnty"] for e in body["items"]]
            if not (cursor := body["next_cursor"]):
                break
    assert total == 10 and len(seen) == len(set(seen)) == 10
    assert [e for e in seen[-3:]] == sorted(seen[-3:], reverse=True)  # undated last, by id


def test_month_precision_dates_overlap_ranges(tmp_path: Path) -> None:
    """'2021-08' (the sample's publication month) is in any range that overlaps August."""
    db = str(tmp_path / "month.db")
    article = demo.synthetic(1, seed=9)[0]
    article.events[0].event_date, article.events[0].time_precision = "2021-08", 3
    with connect(db) as store:
        store.add(article)
    with TestClient(create_app(db), base_url=LOCAL) as c:
        def total(**params: str) -> int:
            return c.get("/api/events", params=params).json()["total"]

        assert total(since="2021-08-04", until="2021-08-10") == 1
        assert total(since="2021-08") == total(until="2021-08-31") == total(since="2021", until="2021") == 1
        assert total(until="2021-07-31") == total(since="2021-09-01") == 0
        week = c.get("/api/stats", params={"by": "week"}).json()["buckets"]
        assert [b["period"] for b in week] == ["2021-07-26"]  # the week of 1 August


@pytest.mark.parametrize("params", [
    {"cursor": "not-a-cursor"},
    {"cursor": base64.urlsafe_b64encode(json.dumps({"a": 1}).encode()).decode()},
    {"bbox": "1,2,3"},
    {"bbox": "0,10,5,-10"},
    {"bbox": "a,b,c,d"},
])
def test_bad_parameters_are_400(client: TestClient, params: dict[str, str]) -> None:
    r = client.get("/api/events", params=params)
    assert r.status_code == 400
    assert r.json()["detail"]


@pytest.mark.parametrize("params", [{"since": "yesterday"}, {"limit": 0}, {"limit": 100000}])
def test_invalid_parameters_are_422(client: TestClient, params: dict[str, object]) -> None:
    assert client.get("/api/events", params=params).status_code == 422


def test_event_with_its_sources_and_evidence(client: TestClient) -> None:
    merged = [e for e in client.get("/api/events").json()["items"] if e["n_sources"] == 2]
    assert len(merged) == 1, "the two Lashkargah reports are one event"
    event = client.get(f"/api/events/{merged[0]['event_id_cnty']}").json()
    assert isinstance(event["timestamp"], int) and event["timestamp"] > 1_600_000_000  # ACLED's last change
    assert {s["title"] for s in event["sources"]} == {
        "Taliban commander leading Lashkargah assault was freed prisoner", "Fighting continues in Lashkargah"}
    for source in event["sources"]:
        text = client.get(f"/api/documents/{source['doc_id']}").json()["text"]
        for spans in source["evidence"].values():
            assert all(text[s["start"]:s["end"]] == s["text"] for s in spans)


def test_unknown_records_are_404(client: TestClient) -> None:
    for path in ("/api/events/AFG-nope", "/api/documents/0000", "/api/events/%2F..%2F"):
        r = client.get(path)
        assert r.status_code == 404, path
        assert "detail" in r.json()


def test_geojson(client: TestClient) -> None:
    r = client.get("/api/events.geojson", params={"country": "Sudan"})
    assert r.headers["content-type"].startswith("application/geo+json")
    gj = r.json()
    assert gj["type"] == "FeatureCollection"
    (feature,) = gj["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [32.5324, 15.5518]}  # lon, lat
    assert feature["properties"]["event_type"] == "Protests"


def test_counts_by_week_and_month(client: TestClient) -> None:
    week = client.get("/api/stats", params={"by": "week", "country": "Afghanistan"}).json()
    assert {(b["period"], b["event_type"], b["events"]) for b in week["buckets"]} == {
        ("2021-08-02", "Battles", 1), ("2021-08-02", "Explosions/Remote violence", 2)}
    assert week["buckets"][1]["fatalities"] == 8
    month = client.get("/api/stats", params={"by": "month"}).json()
    assert {b["period"] for b in month["buckets"]} == {"2020-02", "2021-08", "2021-09"}
    assert month["total"] == 6
    assert client.get("/api/stats", params={"by": "year"}).status_code == 422


def test_facets_and_actors(client: TestClient) -> None:
    facets = client.get("/api/facets").json()
    assert facets["country"]["Afghanistan"] == 3
    assert (facets["first_date"], facets["last_date"]) == ("2020-02-29", "2021-09-30")
    assert (facets["events"], facets["documents"], facets["claims"]) == (6, 4, 4)
    actors = client.get("/api/actors").json()
    assert actors[0] == {"actor": "Taliban", "inter": "Rebel group", "events": 4, "as_actor1": 2,
                         "as_actor2": 2, "first_date": "2020-02-29", "last_date": "2021-08-03"}
    assert [a["actor"] for a in client.get("/api/actors", params={"q": "sudan"}).json()] == [
        "Police Forces of Sudan", "Protesters (Sudan)"]


# -- claims and documents ---------------------------------------------------------------
def test_claims_with_disputes_both_ways(client: TestClient) -> None:
    disputed = client.get("/api/claims", params={"disputed": True}).json()
    (claim,) = disputed["items"]
    assert "85%" in claim["quote"]
    assert [d["quote"] for d in claim["disputes"]] == ["baseless propaganda"]
    rejection = client.get("/api/claims", params={"q": "baseless"}).json()["items"][0]
    assert [d["claim_id"] for d in rejection["disputing"]] == [claim["claim_id"]]
    assert client.get("/api/claims", params={"disputed": False}).json()["total"] == 3
    assert client.get("/api/claims", params={"speaker": "ministry of defence"}).json()["items"][0][
        "speaker"] == "Fawad Aman"


@pytest.mark.parametrize("params, expected", [
    ({"country": "Afghanistan"}, 3), ({"country": "afg"}, 3), ({"country": "Sudan"}, 0), ({"country": "Mali"}, 1),
    ({"event_type": "Battles"}, 4), ({"event_type": "Protests"}, 0), ({"actor": "taliban"}, 3),
    ({"since": "2021-08-01", "until": "2021-08-31"}, 3), ({"since": "2021-09-01"}, 1),
    ({"country": "Afghanistan", "disputed": True}, 1), ({"country": "Afghanistan", "q": "baseless"}, 1),
])
def test_claims_follow_event_filters(client: TestClient, params: dict[str, object], expected: int) -> None:
    """The claims of articles that reported a matching event (what the page's claims view shows)."""
    body = client.get("/api/claims", params=params).json()
    assert body["total"] == expected == len(body["items"])


def test_claims_paging(client: TestClient) -> None:
    first = client.get("/api/claims", params={"limit": 3}).json()
    rest = client.get("/api/claims", params={"limit": 3, "cursor": first["next_cursor"]}).json()
    assert len(first["items"]) == 3 and len(rest["items"]) == 1 and rest["next_cursor"] is None


def test_documents_and_their_evidence_spans(client: TestClient) -> None:
    docs = client.get("/api/documents").json()
    assert docs["total"] == 4 and "text" not in docs["items"][0]
    lashkargah = next(d for d in docs["items"] if d["title"].startswith("Taliban commander"))
    assert (lashkargah["events"], lashkargah["claims"]) == (4, 3)
    doc = client.get(f"/api/documents/{lashkargah['doc_id']}").json()
    assert doc["spans"], "every coded field has a span"
    for span in doc["spans"]:
        assert doc["text"][span["start"]:span["end"]] == span["text"]
    fields = {(s["record"], s["field"]) for s in doc["spans"]}
    assert {("event", "fatalities"), ("event", "actor1"), ("claim", "quote"), ("claim", "speaker")} <= fields
    page = client.get("/api/documents", params={"limit": 3}).json()
    more = client.get("/api/documents", params={"limit": 3, "cursor": page["next_cursor"]}).json()
    assert len({d["doc_id"] for d in page["items"] + more["items"]}) == 4


def test_page_and_static_files(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "leaflet.js" in page.text
    world = client.get("/static/vendor/world.geojson")
    assert world.status_code == 200 and len(world.json()["features"]) > 200
    assert client.get("/static/app.js").status_code == 200


def test_loopback_by_default() -> None:
    assert inspect.signature(run).parameters["host"].default == "127.0.0.1"


# -- POST /api/articles ----------------------------------------------------------------
@pytest.fixture(scope="module")
def writer(db: str) -> Iterator[TestClient]:
    with TestClient(create_app(db, ingest_token=TOKEN, max_upload=64 * 1024), base_url=LOCAL) as c:
        yield c


AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_ingest_is_off_by_default(client: TestClient, monkeypatch: pytest.MonkeyPatch, db: str) -> None:
    r = client.post("/api/articles", content=b"Some article.", headers=AUTH)
    assert r.status_code == 403 and "DATELINE_INGEST_TOKEN" in r.json()["detail"]
    monkeypatch.setenv("DATELINE_INGEST_TOKEN", TOKEN)  # the environment turns it on
    with TestClient(create_app(db), base_url=LOCAL) as c:
        assert c.post("/api/articles", content=b"", headers=AUTH).status_code == 400


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}])
def test_ingest_needs_the_token(writer: TestClient, headers: dict[str, str]) -> None:
    r = writer.post("/api/articles", content=b"Some article.", headers=headers)
    assert r.status_code == 401
    assert r.headers["www-authenticate"] == "Bearer"


def test_ingest_size_limit(writer: TestClient) -> None:
    big = b"x" * (64 * 1024 + 1)
    assert writer.post("/api/articles", content=big, headers=AUTH).status_code == 413

    def chunks() -> Iterator[bytes]:  # no Content-Length: the limit holds while streaming
        for _ in range(100):
            yield b"y" * 1024

    r = writer.post("/api/articles", content=chunks(), headers=AUTH)
    assert r.status_code == 413 and "limit" in r.json()["detail"]


@pytest.mark.parametrize("name, body, origin, words", [
    ("empty.txt", b"   \n", None, "empty"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "photo.txt", "binary"),
    ("feed.jsonl", b'{"title": "a", "text": "Fighting in Kabul."}\n{"title": "b", "text": \n', "feed.jsonl:2", "JSON"),
    ("latin.txt", "Kämpfe in Kabul".encode("latin-1"), "latin.txt:1", "UTF-8"),
])
def test_ingest_bad_input_is_a_clear_4xx(writer: TestClient, name: str, body: bytes, origin: str | None,
                                         words: str) -> None:
    before = writer.get("/api/facets").json()["documents"]
    r = writer.post("/api/articles", params={"name": name}, content=body, headers=AUTH)
    assert r.status_code in (400, 422), r.text
    detail = r.json()
    assert words.lower() in json.dumps(detail).lower()
    if origin:
        assert r.status_code == 422
        assert detail["errors"][0]["origin"] == origin
    assert writer.get("/api/facets").json()["documents"] == before, "nothing stored"


@pytest.mark.slow
def test_ingest_stores_an_article_once(writer: TestClient) -> None:
    text = (b"date 2021-08-05\n\nTaliban fighters attacked a police checkpoint in Herat on Wednesday, "
            b"killing three policemen, a provincial official said.")
    first = writer.post("/api/articles", params={"name": "herat.txt"}, content=text, headers=AUTH)
    assert first.status_code == 200, first.text
    assert first.json()["stored"] == 1 and not first.json()["errors"]
    again = writer.post("/api/articles", content=text, headers={**AUTH, "Content-Type": "text/plain"})
    assert (again.json()["stored"], again.json()["skipped"]) == (0, 1)


# -- the OpenAPI schema, fuzzed ---------------------------------------------------------
def _fuzz_app() -> FastAPI:
    import tempfile

    from dateline.serve.guard import allowed_hosts

    db = _database(Path(tempfile.mkdtemp(prefix="dateline-fuzz-")) / "fuzz.db")
    return create_app(db, ingest_token="", hosts=[*allowed_hosts("127.0.0.1"), "testserver"])  # schemathesis' Host


@schemathesis.serializer("application/x-ndjson")
def _ndjson(_ctx: object, value: object) -> bytes:
    """Generated bodies as the bytes of a JSON Lines upload."""
    return value.encode("utf-8", "surrogatepass") if isinstance(value, str) else json.dumps(value).encode()


schema = schemathesis.openapi.from_asgi("/openapi.json", _fuzz_app())


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_openapi_no_server_errors(case: schemathesis.Case) -> None:
    from schemathesis.checks import not_a_server_error
    from schemathesis.specs.openapi.checks import (
        content_type_conformance, response_schema_conformance, status_code_conformance)

    case.call_and_validate(checks=[not_a_server_error, status_code_conformance, content_type_conformance,
                                   response_schema_conformance])


# -- the same API over PostgreSQL ------------------------------------------------------
@pytest.mark.postgres
def test_api_over_postgresql(pg_url: str) -> None:  # noqa: F811
    """Every read endpoint, with filters and cursors, on a real PostgreSQL server."""
    with connect(pg_url) as store:
        demo.fill(store)
    with TestClient(create_app(pg_url), base_url=LOCAL) as c:
        assert c.get("/api/events", params={"country": "afg"}).json()["total"] == 3
        assert c.get("/api/events", params={"q": "khartoum", "actor": "police"}).json()["total"] == 1
        assert c.get("/api/events", params={"since": "2021-08", "bbox": "60,29,75,38"}).json()["total"] == 3
        first = c.get("/api/events", params={"limit": 4}).json()
        rest = c.get("/api/events", params={"limit": 4, "cursor": first["next_cursor"]}).json()
        assert len({e["event_id_cnty"] for e in first["items"] + rest["items"]}) == 6
        assert c.get("/api/events.geojson").json()["features"]
        assert c.get("/api/stats", params={"by": "week"}).json()["total"] == 6
        assert c.get("/api/actors").json()[0]["actor"] == "Taliban"
        assert c.get("/api/facets").json()["events"] == 6
        (claim,) = c.get("/api/claims", params={"disputed": True}).json()["items"]
        assert claim["disputes"][0]["quote"] == "baseless propaganda"
        assert c.get("/api/claims", params={"country": "afg", "since": "2021-08"}).json()["total"] == 3
        assert c.get("/api/events", params={"q": "KHARTOUM"}).json()["total"] == 1  # LOWER() kept here
        docs = c.get("/api/documents", params={"limit": 3}).json()
        assert c.get("/api/documents", params={"cursor": docs["next_cursor"]}).json()["items"]
        doc = c.get(f"/api/documents/{docs['items'][0]['doc_id']}").json()
        assert all(doc["text"][s["start"]:s["end"]] == s["text"] for s in doc["spans"])
        event = c.get(f"/api/events/{first['items'][0]['event_id_cnty']}").json()
        assert event["sources"]
