"""What keeps the server safe to expose and responsive under load.

* :class:`Guard` (ASGI middleware): the security headers on every answer (a strict
  Content-Security-Policy: the page's own scripts only), a deadline on every read,
  and a cap on concurrent *heavy* requests (GeoJSON, exports) so that a burst of
  them waits its turn instead of taking every worker thread from the filtered queries.
* :class:`TimedH11Protocol` (uvicorn): a connection must send its request headers
  within a few seconds, so half-open or trickling connections (slowloris) expire.
* :func:`allowed_hosts` / :func:`check_token`: the ``Host`` header must name the bound
  address (DNS rebinding against a loopback server fails), and a server reachable
  beyond loopback refuses a short ingest token.
"""
from __future__ import annotations

import asyncio
import ipaddress
import json
import socket
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: The page runs only its own scripts; inline ``style`` attributes are allowed (the
#: map library and the colour dots use them); nothing is framed, fetched or posted elsewhere.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]
#: Paths whose answers are large (every matching event at once); at most ``heavy_limit`` run together.
HEAVY_PREFIXES = ("/api/events.geojson", "/api/export")
#: Shortest ingest token accepted when the server listens beyond loopback.
MIN_TOKEN_LENGTH = 16
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")


class Guard:
    """Security headers, a per-request deadline and a limit on concurrent heavy requests."""

    def __init__(self, app: ASGIApp, *, heavy_limit: int = 2, heavy_queue: int = 16,
                 heavy_wait_s: float = 10.0, timeout_s: float = 30.0) -> None:
        self.app = app
        self.heavy = asyncio.Semaphore(heavy_limit)
        self.heavy_queue = heavy_queue
        self.heavy_wait_s = heavy_wait_s
        self.timeout_s = timeout_s
        self.waiting = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = [*message.get("headers", []), *HEADERS]
            await send(message)

        try:
            if scope["path"].startswith(HEAVY_PREFIXES):
                await self._heavy(scope, receive, send_with_headers)
            elif scope.get("method", "GET") in ("GET", "HEAD"):
                await asyncio.wait_for(self.app(scope, receive, send_with_headers), self.timeout_s)
            else:  # an ingest (bounded by its body limit) runs to its end: a 503 would hide what it stored
                await self.app(scope, receive, send_with_headers)
        except TimeoutError:
            if not started:
                await _answer(send_with_headers, 503, f"the request took longer than {self.timeout_s:g} s",
                              retry_after=5)

    async def _heavy(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Run when one of ``heavy_limit`` slots is free; 503 when too many already wait."""
        if self.waiting >= self.heavy_queue:
            await _answer(send, 503, "too many large requests (GeoJSON, exports) at once: retry shortly",
                          retry_after=2)
            return
        self.waiting += 1
        try:
            await asyncio.wait_for(self.heavy.acquire(), self.heavy_wait_s)
        except TimeoutError:
            await _answer(send, 503, "too many large requests (GeoJSON, exports) at once: retry shortly",
                          retry_after=2)
            return
        finally:
            self.waiting -= 1
        try:
            await asyncio.wait_for(self.app(scope, receive, send), self.timeout_s)
        finally:
            self.heavy.release()


async def _answer(send: Send, status: int, detail: str, *, retry_after: int | None = None) -> None:
    body = json.dumps({"detail": detail}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    if retry_after is not None:
        headers.append((b"retry-after", str(retry_after).encode()))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class TimedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with a deadline on the request headers.

    uvicorn arms its keep-alive timer only after a response, so a client that opens a
    connection and sends nothing (or a byte now and then) holds it forever.
    """

    header_timeout_s = 10.0

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm_header_timer()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.conn.their_state is not h11.IDLE:  # the headers are in
            self._disarm_header_timer()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm_header_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm_header_timer()
        super().connection_lost(exc)

    def _arm_header_timer(self) -> None:
        self._disarm_header_timer()
        self._header_timer = self.loop.call_later(self.header_timeout_s, self._headers_too_slow)

    def _disarm_header_timer(self) -> None:
        timer = getattr(self, "_header_timer", None)
        if timer is not None:
            timer.cancel()
            self._header_timer = None

    def _headers_too_slow(self) -> None:
        if self.transport.get_write_buffer_size():  # still sending the last answer to a slow reader
            self._arm_header_timer()
        elif self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self.transport.close()

    def timeout_keep_alive_handler(self) -> None:
        """Close an idle keep-alive connection, but not one still sending its last answer.

        uvicorn starts the keep-alive clock when the answer is queued; a client still
        reading a large answer when it runs out would find the connection closed as it
        sends its next request.
        """
        if self.transport.get_write_buffer_size() and not self.transport.is_closing():
            self.timeout_keep_alive_task = self.loop.call_later(self.timeout_keep_alive,
                                                                self.timeout_keep_alive_handler)
            return
        super().timeout_keep_alive_handler()


def is_loopback(host: str) -> bool:
    """Whether ``host`` (an address or name to bind) is reachable from this machine only."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def allowed_hosts(bind: str, extra: Iterable[str] = ()) -> list[str]:
    """The ``Host`` header values the server answers: the bound address, plus ``extra``.

    Loopback answers to its own names only. A wildcard bind (``0.0.0.0``, ``::``)
    answers to this machine's name and addresses; a reverse proxy's public name must
    be given (``--allow-host``); ``*`` turns the check off.
    """
    names: list[str] = [*LOOPBACK_NAMES]
    if not is_loopback(bind):
        names.append(bind.strip("[]"))
        if bind in ("0.0.0.0", "::", ""):
            names += _machine_names()
    names += [h for h in extra if h]
    return [f"[{n}]" if ":" in n and not n.startswith("[") else n for n in dict.fromkeys(names)]


def _machine_names() -> list[str]:
    names = [socket.gethostname(), socket.getfqdn()]
    try:
        names += [info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None)]
    except OSError:
        pass
    return [n for n in names if n]


class UnsafeSetting(ValueError):
    """A setting the server refuses to start with (the CLI says it as a usage error)."""


def check_token(token: str | None, bind: str) -> None:
    """Refuse a short ingest token when the server is reachable beyond loopback."""
    if token and not is_loopback(bind) and len(token) < MIN_TOKEN_LENGTH:
        raise UnsafeSetting(f"DATELINE_INGEST_TOKEN is {len(token)} characters long: a server bound to {bind} "
                         f"needs one of at least {MIN_TOKEN_LENGTH} (e.g. `python -c 'import secrets; "
                         f"print(secrets.token_urlsafe(32))'`)")
