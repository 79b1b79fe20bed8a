"""serve: the HTTP API (``/api``, OpenAPI at ``/docs``) and the web page (``/``) in one process.

    dateline serve --db dateline.db             # http://127.0.0.1:8000/
    DATELINE_INGEST_TOKEN=secret dateline serve  # also accept POST /api/articles

The page is static HTML and plain JavaScript; its libraries and the world basemap are
vendored under ``static/vendor`` so it works with no internet and no tile server.
"""
from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.trustedhost import TrustedHostMiddleware

from dateline.serve.api import MAX_UPLOAD_BYTES, Stores, router
from dateline.serve.guard import Guard, TimedH11Protocol, allowed_hosts, check_token
from dateline.serve.queries import BadRequest

STATIC = Path(__file__).parent / "static"
TOKEN_ENV = "DATELINE_INGEST_TOKEN"

__all__ = ["create_app", "run"]


def create_app(db_url: str = "dateline.db", *, ingest_token: str | None = None,
               max_upload: int = MAX_UPLOAD_BYTES, hosts: Sequence[str] | None = None,
               heavy_limit: int = 2, timeout_s: float = 30.0) -> FastAPI:
    """The application over the database at ``db_url``.

    ``ingest_token`` defaults to ``$DATELINE_INGEST_TOKEN``; without one, writing is off.
    ``hosts`` are the ``Host`` header values answered (default: loopback names only;
    ``["*"]`` for any); ``heavy_limit`` GeoJSON or export requests run at once, the
    others wait; no request runs longer than ``timeout_s``.
    """
    token = ingest_token if ingest_token is not None else os.environ.get(TOKEN_ENV) or None
    stores = Stores(db_url)
    _migrate_once(db_url)
    app = FastAPI(title="dateline", version=_version(), docs_url=None, redoc_url=None,
                  description="Conflict events extracted from news, each field with its evidence in the source text.")
    app.include_router(router(stores, token, max_upload))
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        """Swagger UI from vendored files (works offline; the CSP allows no CDN)."""
        return FileResponse(STATIC / "docs.html")

    @app.exception_handler(BadRequest)
    def bad_request(_: Request, exc: BadRequest) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(hosts or allowed_hosts("127.0.0.1")),
                       www_redirect=False)
    app.add_middleware(Guard, heavy_limit=heavy_limit, timeout_s=timeout_s)
    return app


def run(db_url: str = "dateline.db", host: str = "127.0.0.1", port: int = 8000,
        allow_hosts: Sequence[str] = (), workers: int = 1) -> None:
    """Serve until interrupted; loopback only unless ``host`` says otherwise.

    Connections must send their headers within 10 s and idle keep-alive ones close
    after 5 s; past 200 open connections new requests get 503. ``workers`` processes
    share the port (Python runs one thread at a time per process; SQLite lets many
    processes read).
    """
    import uvicorn

    token = os.environ.get(TOKEN_ENV) or None
    check_token(token, host)
    _share_the_interpreter()
    hosts = ["*"] if "*" in allow_hosts else allowed_hosts(host, allow_hosts)
    settings = {"host": host, "port": port, "log_level": "info", "http": TimedH11Protocol,
                "timeout_keep_alive": 5, "limit_concurrency": 200}
    if workers <= 1:
        uvicorn.run(create_app(db_url, hosts=hosts), **settings)  # type: ignore[arg-type]
        return
    _migrate_once(db_url)  # once, before the workers open it
    os.environ[_WORKER_ENV] = json.dumps({"db_url": db_url, "hosts": hosts})
    uvicorn.run("dateline.serve:_worker_app", factory=True, workers=workers, **settings)  # type: ignore[arg-type]


_WORKER_ENV = "DATELINE_SERVE_WORKER"


def _worker_app() -> FastAPI:
    """The app in one of several worker processes, configured by :func:`run` through the environment."""
    config = json.loads(os.environ[_WORKER_ENV])
    _share_the_interpreter()
    return create_app(config["db_url"], hosts=config["hosts"])


#: How often (seconds) a thread running Python hands over to another that waits.
SWITCH_INTERVAL_S = 0.0005


def _share_the_interpreter() -> None:
    """Hand the interpreter between threads every 0.5 ms instead of 5 ms.

    The event loop thread reads and writes every connection, but waits for worker
    threads busy building answers; at Python's default interval each of its turns can
    wait 5 ms, and with 30 clients requests queue behind it while the CPU idles.
    Measured with ``bench/load.py``: filtered p95 446-501 ms against 668-707 ms.
    """
    sys.setswitchinterval(SWITCH_INTERVAL_S)


def _migrate_once(db_url: str) -> None:
    """Create or migrate the database before serving, so request threads only read."""
    from dateline.store import connect

    connect(db_url).close()


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("dateline")
    except PackageNotFoundError:
        return "0"
