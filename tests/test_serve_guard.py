"""The server as a hostile client meets it: headers, Host, tokens, malformed parameters, slow or heavy requests.

Requests go to the real app (through httpx's ASGI transport, the same code uvicorn
runs) or to a real uvicorn on a free loopback port; nothing leaves 127.0.0.1.
"""
from __future__ import annotations

import asyncio
import base64
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.serve import create_app, demo
from dateline.serve.guard import (MIN_TOKEN_LENGTH, Guard, TimedH11Protocol, UnsafeSetting, allowed_hosts,
                                  check_token)
from dateline.store import connect

LOCAL = "http://127.0.0.1"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("guard") / "dateline.db"
    with connect(str(path)) as store:
        demo.fill(store)
    return str(path)


@pytest.fixture(scope="module")
def client(db: str) -> Iterator[TestClient]:
    with TestClient(create_app(db, ingest_token=""), base_url=LOCAL) as c:
        yield c


def _cursor(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


# -- headers ----------------------------------------------------------------------------
@pytest.mark.parametrize("path", ["/", "/api/events", "/static/app.js", "/api/events/nope", "/docs"])
def test_security_headers_on_every_answer(client: TestClient, path: str) -> None:
    r = client.get(path)
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-eval" not in csp and "frame-ancestors 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"
    assert r.headers["referrer-policy"] == "no-referrer"


# -- Host header (DNS rebinding) ---------------------------------------------------------
@pytest.mark.parametrize("host, ok", [
    ("127.0.0.1:8000", True), ("localhost:8000", True), ("[::1]:8000", True), ("127.0.0.1", True),
    ("attacker.example:8000", False), ("127.0.0.1.nip.io", False), ("", False),
])
def test_host_header_must_name_the_loopback_server(client: TestClient, host: str, ok: bool) -> None:
    r = client.get("/api/facets", headers={"Host": host})
    assert (r.status_code == 200) is ok, (host, r.status_code)
    if not ok:
        assert r.status_code == 400


def test_allowed_hosts_follow_the_bound_address() -> None:
    assert allowed_hosts("127.0.0.1") == ["127.0.0.1", "localhost", "[::1]"]
    assert "10.1.2.3" in allowed_hosts("10.1.2.3") and "dateline.example" not in allowed_hosts("10.1.2.3")
    assert "dateline.example" in allowed_hosts("10.1.2.3", ["dateline.example"])
    assert socket.gethostname() in allowed_hosts("0.0.0.0")


def test_configured_host_is_answered(db: str) -> None:
    with TestClient(create_app(db, hosts=["dateline.example"]), base_url="http://dateline.example") as c:
        assert c.get("/api/facets").status_code == 200
        assert c.get("/api/facets", headers={"Host": "127.0.0.1"}).status_code == 400


# -- ingest token ------------------------------------------------------------------------
def test_short_token_refused_beyond_loopback() -> None:
    check_token("abc", "127.0.0.1")  # loopback: the user's own machine
    check_token("x" * MIN_TOKEN_LENGTH, "0.0.0.0")
    for bind in ("0.0.0.0", "192.168.1.5", "::"):
        with pytest.raises(UnsafeSetting, match="at least 16"):
            check_token("abc", bind)


def test_cli_refuses_a_short_token_on_all_interfaces(tmp_path: Path) -> None:
    env = {**os.environ, "DATELINE_INGEST_TOKEN": "a"}
    r = subprocess.run([sys.executable, "-m", "dateline", "serve", "--db", str(tmp_path / "x.db"),
                        "--host", "0.0.0.0", "--port", "9"], env=env, capture_output=True, text=True,
                       timeout=60)
    assert r.returncode == 2, r.stderr
    assert "at least 16" in r.stderr and "Traceback" not in r.stderr


# -- malformed parameters: 400, never 500 ------------------------------------------------
LONG = "a" * 60_000
NESTED = _cursor("[" * 5000 + "]" * 5000)
SURROGATE = "WyJcdWQ4MDAiLCAieCJd"  # ["\ud800", "x"]


@pytest.mark.parametrize("path", ["/api/events", "/api/claims", "/api/documents"])
@pytest.mark.parametrize("params", [
    {"cursor": SURROGATE}, {"cursor": NESTED}, {"cursor": _cursor('["a\\u0000", "b"]')},
    {"cursor": "A" * 5000}, {"q": LONG}, {"q": "\x00"},
])
def test_malformed_parameters_are_400(client: TestClient, path: str, params: dict[str, str]) -> None:
    r = client.get(path, params=params)
    assert r.status_code == 400, r.text
    assert r.json()["detail"]


def test_longest_search_is_answered(client: TestClient) -> None:
    assert client.get("/api/events", params={"q": "%_" * 250}).json()["total"] == 0  # wildcards literal


@pytest.mark.parametrize("path, params", [
    ("/api/events", {"actor": LONG}), ("/api/events.geojson", {"q": LONG}), ("/api/stats", {"actor": LONG}),
    ("/api/claims", {"speaker": LONG}), ("/api/actors", {"q": LONG}), ("/api/events", {"since": "2024-13-45"}),
    ("/api/claims", {"until": "2021-02-30"}), ("/api/events", {"country": "\x00"}),
    ("/api/events/%00", {}), ("/api/documents/" + "a" * 600, {}),
])
def test_other_malformed_parameters_are_400(client: TestClient, path: str, params: dict[str, str]) -> None:
    r = client.get(path, params=params)
    assert r.status_code == 400, r.text
    assert r.headers["content-type"].startswith("application/json")


GET_PARAMS = {
    "/api/events": ["country", "admin1", "bbox", "since", "until", "event_type", "sub_event_type",
                    "plover_type", "actor", "q", "doc_id", "limit", "cursor", "full"],
    "/api/events.geojson": ["country", "bbox", "q", "limit", "since"],
    "/api/stats": ["by", "actor", "until"],
    "/api/actors": ["q", "limit"],
    "/api/claims": ["speaker", "q", "doc_id", "disputed", "country", "event_type", "since", "limit", "cursor"],
    "/api/documents": ["q", "limit", "cursor"],
    "/api/events/{}": [], "/api/documents/{}": [],
}
# Any text, with lone surrogates, NULs and bytes that are not UTF-8, as raw percent-escapes.
VALUES = st.one_of(
    st.text(max_size=80).map(lambda t: urllib.parse.quote(t, safe="")),
    st.binary(max_size=80).map(lambda b: urllib.parse.quote_from_bytes(b, safe="")),
    st.text(max_size=40).map(lambda t: _cursor(json.dumps([t, t]))),
    st.sampled_from(["%ED%A0%80", "%00", "-1", "1e308", "0", "99999999999999999999", "[", "NaN", "2024-02-30",
                     _cursor('[1, 2]'), _cursor('[null, null]'), _cursor('["\\ud800", "x"]'), "%" * 600]),
)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(path=st.sampled_from(sorted(GET_PARAMS)), data=st.data())
def test_fuzzed_parameters_never_500(client: TestClient, path: str, data: Any) -> None:
    """Hypothesis over every read endpoint's parameters: any value is answered, 2xx or 4xx."""
    names = GET_PARAMS[path]
    if "{}" in path:
        path = path.format(data.draw(VALUES, label="id"))
    chosen = data.draw(st.lists(st.sampled_from(names), unique=True, max_size=4), label="names") if names else []
    query = "&".join(f"{n}={data.draw(VALUES, label=n)}" for n in chosen)
    r = client.get(f"{path}?{query}" if query else path)
    assert r.status_code < 500, (path, query, r.text[:300])
    assert r.headers["content-type"].startswith(("application/json", "application/geo+json"))


# -- heavy requests, deadlines, slow connections -------------------------------------------
def test_heavy_requests_wait_their_turn_and_light_ones_pass() -> None:
    """With one heavy slot and a queue of one, a third GeoJSON request is told to retry; events answer."""
    release = asyncio.Event()
    entered: list[str] = []

    async def inner(scope: Any, receive: Any, send: Any) -> None:
        entered.append(scope["path"])
        if scope["path"].endswith(".geojson"):
            await release.wait()
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"{}"})

    async def call(app: Guard, path: str) -> tuple[int, dict[bytes, bytes]]:
        sent: list[Any] = []

        async def send(message: Any) -> None:
            sent.append(message)

        async def receive() -> Any:
            return {"type": "http.request", "body": b""}

        await app({"type": "http", "path": path, "headers": []}, receive, send)
        return sent[0]["status"], dict(sent[0]["headers"])

    async def scenario() -> None:
        guard = Guard(inner, heavy_limit=1, heavy_queue=1, heavy_wait_s=30)
        first = asyncio.create_task(call(guard, "/api/events.geojson"))
        await asyncio.sleep(0.05)
        second = asyncio.create_task(call(guard, "/api/events.geojson"))
        await asyncio.sleep(0.05)
        assert entered == ["/api/events.geojson"]  # the second waits for the slot
        status, headers = await call(guard, "/api/events.geojson")
        assert status == 503 and headers[b"retry-after"] == b"2"
        assert (await call(guard, "/api/events"))[0] == 200  # filtered queries are not held up
        release.set()
        assert (await first)[0] == (await second)[0] == 200
        assert entered.count("/api/events.geojson") == 2

    asyncio.run(scenario())


def test_request_deadline_answers_503() -> None:
    async def slow(scope: Any, receive: Any, send: Any) -> None:
        await asyncio.sleep(30)

    sent: list[Any] = []

    async def send(message: Any) -> None:
        sent.append(message)

    async def receive() -> Any:
        return {"type": "http.request", "body": b""}

    asyncio.run(Guard(slow, timeout_s=0.2)({"type": "http", "method": "GET", "path": "/api/events", "headers": []},
                                          receive, send))
    assert sent[0]["status"] == 503 and b"longer than" in sent[1]["body"]
    assert (b"content-security-policy" in dict(sent[0]["headers"]))


def test_ingest_runs_past_the_read_deadline() -> None:
    """A POST that stores articles is not cut off (a 503 would hide what it stored)."""
    async def slow_ingest(scope: Any, receive: Any, send: Any) -> None:
        await asyncio.sleep(0.5)
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"{}"})

    sent: list[Any] = []

    async def send(message: Any) -> None:
        sent.append(message)

    async def receive() -> Any:
        return {"type": "http.request", "body": b""}

    scope = {"type": "http", "method": "POST", "path": "/api/articles", "headers": []}
    asyncio.run(Guard(slow_ingest, timeout_s=0.1)(scope, receive, send))
    assert sent[0]["status"] == 200


class _QuickHeaders(TimedH11Protocol):
    header_timeout_s = 0.5


@pytest.fixture()
def live(db: str) -> Iterator[int]:
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning",
                                           http=_QuickHeaders, timeout_keep_alive=1))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        assert time.monotonic() < deadline
        time.sleep(0.05)
    yield port
    server.should_exit = True
    thread.join(10)


@pytest.mark.parametrize("sent", [b"", b"GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"])
def test_half_open_connections_expire(live: int, sent: bytes) -> None:
    """A connection that never finishes its headers is closed by the server."""
    with socket.create_connection(("127.0.0.1", live), timeout=20) as sock:
        sock.sendall(sent)
        assert sock.recv(1024) == b""  # closed by the server, not by our timeout


def test_keep_alive_connection_answers_then_expires(live: int) -> None:
    with socket.create_connection(("127.0.0.1", live), timeout=20) as sock:
        sock.sendall(b"GET /api/facets HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        answer = b""
        while b"\r\n\r\n" not in answer:
            answer += sock.recv(65536)
        assert answer.startswith(b"HTTP/1.1 200")
        while sock.recv(65536):  # the rest of the body, then the close
            pass


def test_cached_map_follows_new_articles(tmp_path: Path) -> None:
    """The GeoJSON and facets answers are kept between requests, but never outlive the data they were made from."""
    db = str(tmp_path / "growing.db")
    with connect(db) as store:
        demo.fill(store)
    with TestClient(create_app(db), base_url=LOCAL) as c:
        first = c.get("/api/events.geojson").json()["features"]
        assert c.get("/api/events.geojson").json()["features"] == first
        facets = c.get("/api/facets").json()
        assert c.get("/api/facets").json() == facets
        with connect(db) as store:
            store.add(demo.synthetic(3, seed=11)[0])
        assert len(c.get("/api/events.geojson").json()["features"]) == len(first) + 3
        assert c.get("/api/facets").json()["events"] == facets["events"] + 3
        assert len(c.get("/api/events.geojson", params={"country": "Sudan"}).json()["features"]) >= 1


def test_serve_with_two_workers(db: str) -> None:
    """`dateline serve --workers 2`: two processes answer on one loopback port, with the same guards."""
    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k != "DATELINE_INGEST_TOKEN"}
    server = subprocess.Popen([sys.executable, "-m", "dateline", "serve", "--db", db, "--port", str(port),
                               "--workers", "2"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                r = httpx.get(base + "/api/facets", timeout=5)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline and server.poll() is None, "the server did not start"
                time.sleep(0.2)
        assert r.status_code == 200 and r.json()["events"] == 6
        assert "script-src 'self'" in r.headers["content-security-policy"]
        assert httpx.get(base + "/api/facets", headers={"Host": "evil.example"}).status_code == 400
        assert httpx.get(base + "/api/events", params={"cursor": SURROGATE}).status_code == 400
    finally:
        server.terminate()
        server.wait(20)
    assert b"Started parent process" in (server.stderr.read() if server.stderr else b"")
