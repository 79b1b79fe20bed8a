"""The HTTP API: read endpoints over the store, and an opt-in ingest endpoint.

Read endpoints are plain ``def`` functions: FastAPI runs them in its thread pool, and
each worker thread keeps its own store connection (SQLite connections must stay in
the thread that opened them; WAL mode lets them read while an ingest writes).
"""
from __future__ import annotations

import hmac
import json
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from pathlib import PurePath
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from dateline.serve import models, queries
from dateline.store import Store, connect

DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
#: Longest query or path parameter accepted (a search word, a name, a cursor).
MAX_PARAMETER = 500
#: Default cap on one POSTed body; larger bodies are refused with 413 before being read.
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
#: What a POST body is read as when no ``name`` says so.
_NAME_BY_TYPE = {
    "text/plain": "article.txt", "text/html": "article.html", "application/x-ndjson": "articles.jsonl",
    "application/jsonl": "articles.jsonl", "application/json": "articles.jsonl", "text/csv": "articles.csv",
    "application/rss+xml": "feed.rss", "application/atom+xml": "feed.atom", "application/xml": "feed.xml",
}


class GeoJSONResponse(JSONResponse):
    media_type = "application/geo+json"


class Stores:
    """One store connection per thread, opened on first use."""

    def __init__(self, db_url: str) -> None:
        self.db_url = db_url
        self._local = threading.local()

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = connect(self.db_url)
        return store


def event_filter(
    country: Annotated[str | None, Query(description="Country name or ISO 3166-1 alpha-3 code")] = None,
    admin1: Annotated[str | None, Query(description="First-level region (province, state)")] = None,
    bbox: Annotated[str | None, Query(description="west,south,east,north in degrees",
                                      examples=["60,29,75,38"])] = None,
    since: Annotated[str | None, Query(pattern=DATE, description="First day (YYYY, YYYY-MM or YYYY-MM-DD)")] = None,
    until: Annotated[str | None, Query(pattern=DATE, description="Last day, inclusive")] = None,
    event_type: Annotated[str | None, Query(description="ACLED event type, e.g. Battles")] = None,
    sub_event_type: Annotated[str | None, Query(description="ACLED sub-event type, e.g. Armed clash")] = None,
    plover_type: Annotated[str | None, Query(description="PLOVER event type, e.g. ASSAULT")] = None,
    actor: Annotated[str | None, Query(description="Substring of actor1, actor2 or an associated actor")] = None,
    q: Annotated[str | None, Query(description="Text search in notes, location, actors, region")] = None,
    doc_id: Annotated[str | None, Query(description="Only events this document reported")] = None,
) -> queries.EventFilter:
    """The filters shared by the events list, the GeoJSON and the counts (:class:`EventFilter` checks
    the dates with the CLI's ``parse_day``: ``2024-13-45`` is a 400)."""
    return queries.EventFilter(
        country=country, admin1=admin1, bbox=queries.parse_bbox(bbox) if bbox else None, since=since,
        until=until, event_type=event_type, sub_event_type=sub_event_type, plover_type=plover_type,
        actor=actor, q=q, doc_id=doc_id)


def claim_event_filter(
    country: Annotated[str | None, Query(description="Only claims of articles that reported an event in "
                                                     "this country (name or ISO 3166-1 alpha-3 code)")] = None,
    event_type: Annotated[str | None, Query(description="… an event of this ACLED type")] = None,
    plover_type: Annotated[str | None, Query(description="… an event of this PLOVER type")] = None,
    actor: Annotated[str | None, Query(description="… an event with this actor (substring)")] = None,
    since: Annotated[str | None, Query(pattern=DATE, description="… an event on or after this day")] = None,
    until: Annotated[str | None, Query(pattern=DATE, description="… an event on or before this day")] = None,
) -> queries.EventFilter:
    """The event filters of the page, applied to claims through the articles that report the events."""
    return queries.EventFilter(country=country, event_type=event_type, plover_type=plover_type, actor=actor,
                               since=since, until=until)


def clean_parameters(request: Request) -> None:
    """Refuse (400) a query or path parameter no database can use: too long, or with a NUL.

    SQLite refuses a LIKE pattern over 50,000 bytes and PostgreSQL any NUL in a string;
    both would otherwise surface as a 500.
    """
    values = [*request.query_params.multi_items(), *request.path_params.items()]
    for name, value in values:
        if not isinstance(value, str):
            continue
        if len(value) > MAX_PARAMETER:
            raise queries.BadRequest(f"parameter {name!r} is {len(value):,} characters long; "
                                     f"the limit is {MAX_PARAMETER}")
        if not queries.is_clean_text(value):
            raise queries.BadRequest(f"parameter {name!r} holds a NUL or an invalid character")


BEARER = HTTPBearer(auto_error=False, description="The value of DATELINE_INGEST_TOKEN")
Filter = Annotated[queries.EventFilter, Depends(event_filter)]
BAD = {400: {"model": models.Error, "description": "A parameter that cannot be used (cursor, bbox, date, "
                                                   "too long, a NUL)"}}
BAD_JSON = {400: {"description": BAD[400]["description"],  # errors stay JSON on a GeoJSON route
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}
BUSY = {503: {"model": models.Error, "description": "Too many large requests at once, or too slow: retry "
                                                   "after the Retry-After seconds"}}
MISSING = {404: {"model": models.Error, "description": "No such record"}}


def router(stores: Stores, ingest_token: str | None, max_upload: int = MAX_UPLOAD_BYTES) -> APIRouter:
    """The API routes over ``stores``; ingest is enabled only when a token is given."""
    api = APIRouter(prefix="/api", dependencies=[Depends(clean_parameters)], responses={**BAD, **BUSY})
    _read_routes(api, stores.get)
    _ingest_route(api, stores.get, ingest_token, max_upload)
    return api


class ResponseCache:
    """The last few large answers, by query and data version (the counts of articles and events).

    Articles are only ever added, and every change to an event comes with a new
    article, so unchanged counts mean unchanged answers; entries also expire.
    """

    def __init__(self, size: int = 8, ttl_s: float = 60.0) -> None:
        self.size, self.ttl_s = size, ttl_s
        self._items: OrderedDict[Any, tuple[float, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Any) -> Any:
        with self._lock:
            hit = self._items.get(key)
            if hit is None or time.monotonic() - hit[0] > self.ttl_s:
                return None
            self._items.move_to_end(key)
            return hit[1]

    def put(self, key: Any, body: Any) -> None:
        with self._lock:
            self._items[key] = (time.monotonic(), body)
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)


def _encode_collection(collection: dict[str, Any], chunk: int = 500) -> bytes:
    """A FeatureCollection as JSON, encoded ``chunk`` features at a time.

    One ``json.dumps`` of 20,000 features holds the GIL for a tenth of a second, and every
    other request waits; in chunks, the other threads get their turn in between.
    """
    features = collection["features"]
    parts = [json.dumps(features[i:i + chunk], ensure_ascii=False, separators=(",", ":"))[1:-1]
             for i in range(0, len(features), chunk)]
    head = json.dumps({k: v for k, v in collection.items() if k != "features"}, separators=(",", ":"))[:-1]
    return f'{head}{"," if len(head) > 1 else ""}"features":[{",".join(p for p in parts if p)}]}}'.encode()


def _read_routes(api: APIRouter, store: Callable[[], Store]) -> None:
    geojson_cache = ResponseCache()
    facets_cache = ResponseCache(size=1)

    @api.get("/events", response_model=models.EventPage, responses=BAD, tags=["events"])
    def list_events(flt: Filter, limit: Annotated[int, Query(ge=1, le=1000)] = 100,
                    cursor: Annotated[str | None, Query(description="next_cursor of the previous page")] = None,
                    full: Annotated[bool, Query(description="Every column, not only the summary")] = False
                    ) -> dict[str, Any]:
        """Events, newest first, filtered; page with ``next_cursor`` (keyset paging: stable while data grows)."""
        page = queries.events(store(), flt, limit=limit, cursor=cursor, full=full)
        return {"items": page.items, "next_cursor": page.next_cursor, "total": page.total}

    @api.get("/events.geojson", responses=BAD_JSON, tags=["events"],
             response_model=dict[str, Any], response_class=GeoJSONResponse)
    def events_geojson(flt: Filter, limit: Annotated[int, Query(ge=1, le=20000)] = 5000) -> Any:
        """Events with coordinates as a GeoJSON FeatureCollection (longitude, latitude), newest first."""
        # Returned as is: thousands of features need no validation, and skip it 10x faster.
        # The same map is asked for by every page that opens: kept while the data is unchanged.
        db = store()
        key = (repr(flt), limit, db.count("documents"), db.count("events"))
        body = geojson_cache.get(key)
        if body is None:
            body = _encode_collection(queries.geojson(db, flt, limit=limit))
            geojson_cache.put(key, body)
        return Response(body, media_type=GeoJSONResponse.media_type)

    @api.get("/events/{event_id}", response_model=models.EventDetail, responses=MISSING, tags=["events"])
    def get_event(event_id: str) -> dict[str, Any]:
        """One event, every article that reported it (with the evidence of each) and the claims about it."""
        record = queries.event(store(), event_id)
        if record is None:
            raise HTTPException(404, f"no event {event_id!r}")
        return record

    @api.get("/stats", response_model=models.Counts, responses=BAD, tags=["events"])
    def event_counts(flt: Filter, by: Literal["day", "week", "month"] = "day") -> dict[str, Any]:
        """Event counts (and fatalities) per day, week (starting Monday) or month, by event type."""
        return queries.counts(store(), flt, by)

    @api.get("/facets", response_model=models.Facets, tags=["events"])
    def event_facets() -> dict[str, Any]:
        """The values present for the main filters, with counts, and the date range of the data."""
        db = store()  # every page that opens asks for the same: kept while the data is unchanged
        key = ("facets", db.count("documents"), db.count("events"), db.count("claims"))
        facets = facets_cache.get(key)
        if facets is None:
            facets = queries.facets(db)
            facets_cache.put(key, facets)
        return facets

    @api.get("/actors", response_model=list[models.Actor], tags=["events"])
    def list_actors(q: Annotated[str | None, Query(description="Substring of the actor's name")] = None,
                    limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> list[dict[str, Any]]:
        """Actors by number of events, as actor1 and as actor2."""
        return queries.actors(store(), q=q, limit=limit)

    @api.get("/claims", response_model=models.ClaimPage, responses=BAD, tags=["claims"])
    def list_claims(events: Annotated[queries.EventFilter, Depends(claim_event_filter)],
                    speaker: Annotated[str | None, Query(description="Substring of speaker or role")] = None,
                    q: Annotated[str | None, Query(description="Substring of the quote")] = None,
                    doc_id: str | None = None,
                    disputed: Annotated[bool | None, Query(description="Only claims disputed (or not)")] = None,
                    limit: Annotated[int, Query(ge=1, le=500)] = 100,
                    cursor: str | None = None) -> dict[str, Any]:
        """Who said what, with the claims that dispute each one (``disputes``) and those it disputes.

        The event filters (``country``, ``event_type``, ``since``…) keep the claims of
        articles that reported a matching event.
        """
        page = queries.claims(store(), speaker=speaker, q=q, doc_id=doc_id, disputed=disputed,
                              limit=limit, cursor=cursor, events=events)
        return {"items": page.items, "next_cursor": page.next_cursor, "total": page.total}

    @api.get("/documents", response_model=models.DocumentPage, responses=BAD, tags=["documents"])
    def list_documents(q: Annotated[str | None, Query(description="Substring of title, URL or source")] = None,
                       limit: Annotated[int, Query(ge=1, le=500)] = 50,
                       cursor: str | None = None) -> dict[str, Any]:
        """Stored articles, newest first, without their text."""
        page = queries.documents(store(), q=q, limit=limit, cursor=cursor)
        return {"items": page.items, "next_cursor": page.next_cursor, "total": page.total}

    @api.get("/documents/{doc_id}", response_model=models.DocumentDetail, responses=MISSING, tags=["documents"])
    def get_document(doc_id: str) -> dict[str, Any]:
        """An article's repaired text, its events and claims, and every evidence span (field by field)."""
        doc = queries.document(store(), doc_id)
        if doc is None:
            raise HTTPException(404, f"no document {doc_id!r}")
        return doc


def _ingest_route(api: APIRouter, store: Callable[[], Store], token: str | None, max_upload: int) -> None:
    responses: dict[int | str, dict[str, Any]] = {
        code: {"model": models.Error, "description": text} for code, text in {
            400: "Empty body", 401: "Missing or wrong token", 403: "Ingest is disabled on this server",
            413: "Body too large", 422: "Unreadable input: every error with its origin (name:line)",
        }.items()}

    body = {"type": "string", "description": "The article(s), as a file would hold them"}
    request_body = {"required": True, "content": {t: {"schema": body} for t in (
        "text/plain", "text/html", "application/x-ndjson", "text/csv", "application/rss+xml")}}

    @api.post("/articles", response_model=models.IngestResult, responses=responses, tags=["ingest"],
              openapi_extra={"requestBody": request_body})
    async def post_articles(
        request: Request,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(BEARER)],
        name: Annotated[str | None, Query(max_length=200, description=(
            "File name whose extension says the format (.txt, .html, .jsonl, .csv, .rss); "
            "default from Content-Type"))] = None,
    ) -> Any:
        """Extract and store articles sent as the body: one text or HTML article, JSON Lines, CSV or a feed.

        Off unless the server runs with ``DATELINE_INGEST_TOKEN``; then send
        ``Authorization: Bearer <token>``. The body is read with the same readers as
        ``dateline ingest``; if any part of it is unreadable nothing is stored and the
        422 answer lists every error by ``name:line``. Re-posting an article is a no-op.
        """
        if not token:
            raise HTTPException(403, "ingest is disabled: start the server with DATELINE_INGEST_TOKEN set")
        if credentials is None or not hmac.compare_digest(credentials.credentials.encode(), token.encode()):
            raise HTTPException(401, "missing or wrong token: send 'Authorization: Bearer <token>'",
                                headers={"WWW-Authenticate": "Bearer"})
        data = await _read_limited(request, max_upload)
        if not data.strip():
            raise HTTPException(400, "empty body: send an article (text, HTML, JSON Lines, CSV or a feed)")
        filename = _filename(name, request.headers.get("content-type", ""))
        return await run_in_threadpool(_ingest, store, filename, data)


async def _read_limited(request: Request, limit: int) -> bytes:
    """The body, refused with 413 as soon as it is known to exceed ``limit`` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"body of {int(declared):,} bytes is over the limit of {limit:,} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"body is over the limit of {limit:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _filename(name: str | None, content_type: str) -> str:
    """A safe name for messages and format sniffing: no directories, and a type-based default."""
    if name:
        base = PurePath(name.replace("\\", "/")).name.strip()
        if base:
            return base
    return _NAME_BY_TYPE.get(content_type.split(";")[0].strip().lower(), "upload")


def _ingest(store: Callable[[], Store], name: str, data: bytes) -> Any:
    from dateline.jobs import check_upload, ingest_documents

    documents, report = check_upload(name, data)  # the same checks as `dateline ingest` makes of a file
    if report.failed or not documents:
        problems = [_problem(e) for e in report.errors] or [{"origin": name, "message": "no article found"}]
        return JSONResponse({"detail": f"{report.failed or 1} problem(s) in {name}; nothing was stored",
                             "errors": problems}, status_code=422)
    report = ingest_documents(store(), documents, report=report)
    return {"stored": report.stored, "skipped": report.skipped, "events": report.events,
            "claims": report.claims, "errors": [_problem(e) for e in report.errors],
            "warnings": [_problem(e) for e in report.warnings]}


def _problem(error: Any) -> dict[str, str]:
    return {"origin": str(error.origin), "message": str(error.message)}
