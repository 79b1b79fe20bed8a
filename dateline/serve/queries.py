"""The read queries behind the HTTP API, written once for SQLite and PostgreSQL.

Everything goes through :meth:`dateline.store.Store.query` with ``?`` placeholders, so
the API never builds SQL from user text. Paging is keyset (seek) paging on the
columns a list is ordered by: a cursor is the last row's sort key, so a page stays
stable while an ingest adds rows, and the cost of page 100 is that of page 1.
"""
from __future__ import annotations

import base64
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from dateline.records import first_day
from dateline.store import Store
from dateline.store.filters import BadFilter, ClaimFilter, EventFilter, escape_like as _escape_like, like as _like

#: Columns a map or a table needs; the full record comes from ``event()``.
SUMMARY_COLUMNS = (
    "event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type",
    "actor1", "actor2", "country", "iso", "admin1", "location", "latitude", "longitude",
    "geo_precision", "fatalities", "plover_type", "plover_mode", "modality", "n_sources", "doc_id",
)

#: Longest cursor accepted (ours are under 100 characters).
MAX_CURSOR = 400

__all__ = ["EventFilter", "BadRequest", "Page"]


#: A parameter that parses but makes no sense (a bad cursor, bbox or date); the API says 400.
#: The store's filters raise the same class, so an impossible date is a 400 wherever it is checked.
BadRequest = BadFilter


@dataclass
class Page:
    """One page of a list, with the cursor of the next one (None on the last page)."""

    items: list[dict[str, Any]]
    next_cursor: str | None
    total: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


# -- events -------------------------------------------------------------------------
def events(store: Store, flt: EventFilter, *, limit: int = 100, cursor: str | None = None,
           full: bool = False) -> Page:
    """Events newest first (date, then id, both descending), a page at a time."""
    where, params = flt.where(store)
    columns = "*" if full else ", ".join(SUMMARY_COLUMNS)
    last_date, last_id = decode_cursor(cursor, 2) if cursor else (None, None)
    rows: list[dict[str, Any]] = []
    if not (cursor and last_date is None):  # dated events, newest first (the date index gives the order)
        seek = ["(event_date, event_id_cnty) < (?, ?)"] if cursor else []
        rows = store.query(
            f"SELECT {columns} FROM events{_where([*where, 'event_date IS NOT NULL', *seek])} "
            f"ORDER BY event_date DESC, event_id_cnty DESC LIMIT {int(limit) + 1}",
            [*params, *([last_date, last_id] if cursor else [])])
    if len(rows) <= limit:  # then any without a date (NULL), which no comparison can seek past
        seek = ["event_id_cnty < ?"] if last_id and last_date is None else []
        rows += store.query(
            f"SELECT {columns} FROM events{_where([*where, 'event_date IS NULL', *seek])} "
            f"ORDER BY event_id_cnty DESC LIMIT {int(limit) + 1 - len(rows)}",
            [*params, *([last_id] if seek else [])])
    more = len(rows) > limit
    # A first page that holds every match is its own count: a rare search scans once, not twice.
    total = len(rows) if not (cursor or more) else _count(store, "events", where, params)
    rows = rows[:limit]
    nxt = encode_cursor([rows[-1]["event_date"], rows[-1]["event_id_cnty"]]) if more else None
    return Page(rows, nxt, total)


def event(store: Store, event_id: str) -> dict[str, Any] | None:
    """One event with every article that reported it, and the claims about it."""
    rows = store.query("SELECT * FROM events WHERE event_id_cnty = ?", (event_id,))
    if not rows:
        return None
    record = rows[0]
    record["sources"] = store.event_sources(event_id)
    origins = {r["doc_id"]: r["origin"] for r in store.query(
        "SELECT d.doc_id, d.origin FROM documents d JOIN event_sources s ON s.doc_id = d.doc_id "
        "WHERE s.event_id_cnty = ?", (event_id,))}
    for source in record["sources"]:  # where it was read: names an untitled article
        source["origin"] = origins.get(source["doc_id"], "")
    record["claims"] = store.query(
        "SELECT claim_id, doc_id, speaker, speaker_role, quote, stance FROM claims WHERE event_ids LIKE ? ESCAPE '\\' "
        "ORDER BY claim_id", (f'%"{_escape_like(event_id)}"%',))
    return record


def geojson(store: Store, flt: EventFilter, *, limit: int = 5000) -> dict[str, Any]:
    """A FeatureCollection of the events that have coordinates, newest first."""
    where, params = flt.where(store)
    where = [*where, "latitude IS NOT NULL", "longitude IS NOT NULL"]
    rows = store.query(
        f"SELECT {', '.join(SUMMARY_COLUMNS)} FROM events{_where(where)} "
        f"ORDER BY event_date DESC, event_id_cnty DESC LIMIT {int(limit)}", params)
    features = []
    for row in rows:
        lon, lat = row.pop("longitude"), row.pop("latitude")
        features.append({"type": "Feature", "id": row["event_id_cnty"],
                         "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": row})
    return {"type": "FeatureCollection", "features": features}


def counts(store: Store, flt: EventFilter, by: str = "day") -> dict[str, Any]:
    """Event counts per period (day, week starting Monday, month) and type, plus facets.

    SQL groups by day; weeks and months are folded here so the query is the same on
    both databases.
    """
    where, params = flt.where(store)
    rows = store.query(
        f"SELECT event_date, event_type, COUNT(*) AS n, SUM(COALESCE(fatalities, 0)) AS fatalities "
        f"FROM events{_where(where)} GROUP BY event_date, event_type ORDER BY event_date", params)
    buckets: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    by_type: Counter[str] = Counter()
    for row in rows:
        period = _period(row["event_date"] or "", by)
        kind = row["event_type"] or ""
        bucket = buckets[(period, kind)]
        bucket[0] += int(row["n"])
        bucket[1] += int(row["fatalities"] or 0)
        by_type[kind] += int(row["n"])
    series = [{"period": p, "event_type": t, "events": n, "fatalities": f}
              for (p, t), (n, f) in sorted(buckets.items())]
    return {"by": by, "buckets": series, "by_type": dict(by_type.most_common()),
            "total": sum(by_type.values())}


def facets(store: Store) -> dict[str, Any]:
    """The values the page offers in its filter menus, with counts."""
    def values(column: str) -> dict[str, int]:
        rows = store.query(f"SELECT {column} AS v, COUNT(*) AS n FROM events WHERE {column} IS NOT NULL "
                           f"AND {column} <> '' GROUP BY {column} ORDER BY n DESC, v LIMIT 300")
        return {r["v"]: int(r["n"]) for r in rows}

    span = store.query("SELECT MIN(event_date) AS first, MAX(event_date) AS last FROM events "
                       "WHERE event_date IS NOT NULL AND event_date <> ''")[0]
    return {"country": values("country"), "event_type": values("event_type"),
            "sub_event_type": values("sub_event_type"), "plover_type": values("plover_type"),
            "first_date": span["first"], "last_date": span["last"],
            "events": store.count("events"), "documents": store.count("documents"),
            "claims": store.count("claims")}


def actors(store: Store, *, q: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
    """Actors by the number of events they appear in, as actor1 or actor2."""
    where, params = "", []
    if q:
        where = " WHERE LOWER(actor) LIKE ? ESCAPE '\\'"
        params = [_like(q)]
    return store.query(
        "SELECT actor, MAX(inter) AS inter, COUNT(*) AS events, SUM(is_first) AS as_actor1, "
        "COUNT(*) - SUM(is_first) AS as_actor2, MIN(event_date) AS first_date, MAX(event_date) AS last_date "
        "FROM (SELECT actor1 AS actor, inter1 AS inter, 1 AS is_first, event_date FROM events "
        "      WHERE actor1 IS NOT NULL AND actor1 <> '' "
        "      UNION ALL SELECT actor2, inter2, 0, event_date FROM events "
        "      WHERE actor2 IS NOT NULL AND actor2 <> '') a"
        f"{where} GROUP BY actor ORDER BY events DESC, actor LIMIT {int(limit)}", params)


# -- claims -------------------------------------------------------------------------
def claims(store: Store, *, speaker: str | None = None, q: str | None = None,
           doc_id: str | None = None, disputed: bool | None = None, limit: int = 100,
           cursor: str | None = None, events: EventFilter | None = None) -> Page:
    """Claims with the claims that dispute them (and that they dispute) spelled out.

    ``events`` keeps the claims of articles that reported a matching event (a country,
    a type, a date range), so the claims follow the filters of the map and the table.
    """
    where, params = ClaimFilter(speaker=speaker, q=q, doc_id=doc_id, disputed=disputed).where()
    event_where, event_params = events.where(store) if events else ([], [])
    if event_where:
        where.append("doc_id IN (SELECT s.doc_id FROM event_sources s WHERE s.event_id_cnty IN "
                     f"(SELECT event_id_cnty FROM events{_where(event_where)}))")
        params += event_params
    total = _count(store, "claims", where, params)
    if cursor:
        where.append("(doc_id, claim_id) > (?, ?)")
        params += decode_cursor(cursor, 2)
    rows = store.query(f"SELECT * FROM claims{_where(where)} ORDER BY doc_id, claim_id "
                       f"LIMIT {int(limit) + 1}", params)
    more = len(rows) > limit
    rows = rows[:limit]
    _attach_disputes(store, rows)
    nxt = encode_cursor([rows[-1]["doc_id"], rows[-1]["claim_id"]]) if more else None
    return Page(rows, nxt, total)


def _attach_disputes(store: Store, rows: list[dict[str, Any]]) -> None:
    """Spell out ``disputed_by`` and its converse, so a page can show both sides."""
    page_ids = {row["claim_id"] for row in rows}
    disputing: dict[str, list[dict[str, Any]]] = defaultdict(list)
    if page_ids:  # disputes are rare: read every disputing claim once, not once per claim
        for other in store.query(
                "SELECT claim_id, doc_id, speaker, speaker_role, quote, stance, evidence, disputed_by FROM claims "
                "WHERE disputed_by IS NOT NULL AND disputed_by NOT IN ('', '[]') ORDER BY claim_id"):
            targets = other.pop("disputed_by") or []
            for target in targets if isinstance(targets, list) else []:
                if target in page_ids:
                    disputing[target].append(other)
    for row in rows:
        ids = [i for i in (row.get("disputed_by") or []) if isinstance(i, str)]
        row["disputes"] = _claims_by_id(store, ids)
        row["disputing"] = disputing.get(row["claim_id"], [])


def _claims_by_id(store: Store, ids: list[str]) -> list[dict[str, Any]]:
    if not ids:
        return []
    marks = ", ".join("?" for _ in ids)
    return store.query("SELECT claim_id, doc_id, speaker, speaker_role, quote, stance, evidence "
                       f"FROM claims WHERE claim_id IN ({marks}) ORDER BY claim_id", ids)


# -- documents ----------------------------------------------------------------------
def documents(store: Store, *, q: str | None = None, limit: int = 50, cursor: str | None = None) -> Page:
    """Documents newest first, without their text, with how many events and claims each gave."""
    where: list[str] = []
    params: list[Any] = []
    if q:
        where.append("(LOWER(title) LIKE ? ESCAPE '\\' OR LOWER(url) LIKE ? ESCAPE '\\' "
                     "OR LOWER(source) LIKE ? ESCAPE '\\')")
        params += [_like(q)] * 3
    total = _count(store, "documents", where, params)
    if cursor:
        where.append("(COALESCE(published, ''), doc_id) < (?, ?)")
        params += decode_cursor(cursor, 2)
    rows = store.query(
        "SELECT doc_id, url, title, source, published, published_precision, origin, ingested_at, "
        "(SELECT COUNT(*) FROM event_sources s WHERE s.doc_id = d.doc_id) AS events, "
        "(SELECT COUNT(*) FROM claims c WHERE c.doc_id = d.doc_id) AS claims "
        f"FROM documents d{_where(where)} ORDER BY COALESCE(published, '') DESC, doc_id DESC "
        f"LIMIT {int(limit) + 1}", params)
    more = len(rows) > limit
    rows = rows[:limit]
    nxt = encode_cursor([rows[-1]["published"] or "", rows[-1]["doc_id"]]) if more else None
    return Page(rows, nxt, total)


def document(store: Store, doc_id: str) -> dict[str, Any] | None:
    """A document's text with its events and claims, and every evidence span in one list.

    ``spans`` is what the page highlights: each span names the record and the field
    it supports, so a reader can check every value against the words it came from.
    """
    doc = store.document(doc_id)
    if doc is None:
        return None
    mentions = store.query(
        "SELECT s.event_id_cnty, s.mention_id, s.evidence, e.event_date, e.event_type, e.sub_event_type, "
        "e.actor1, e.actor2, e.location, e.admin1, e.country, e.latitude, e.longitude, e.plover_type, "
        "e.modality FROM event_sources s JOIN events e ON e.event_id_cnty = s.event_id_cnty "
        "WHERE s.doc_id = ? ORDER BY s.mention_id", (doc_id,))
    doc_claims = store.query("SELECT * FROM claims WHERE doc_id = ? ORDER BY claim_id", (doc_id,))
    spans = _spans("event", "event_id_cnty", mentions) + _spans("claim", "claim_id", doc_claims)
    spans.sort(key=lambda s: (s["start"], -s["end"]))
    return {**doc, "events": mentions, "claims": doc_claims, "spans": spans}


def _spans(kind: str, key: str, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for record in records:
        evidence = record.get("evidence") or {}
        if not isinstance(evidence, dict):
            continue
        for name, spans in evidence.items():
            for span in spans or []:
                if isinstance(span, dict) and isinstance(span.get("start"), int) and isinstance(span.get("end"), int):
                    out.append({"record": kind, "id": record[key], "field": name, "start": span["start"],
                                "end": span["end"], "text": span.get("text", "")})
    return out


# -- helpers ------------------------------------------------------------------------
def encode_cursor(key: list[str | None]) -> str:
    """An opaque, URL-safe cursor: the sort key of the last row served."""
    return base64.urlsafe_b64encode(json.dumps(key).encode()).decode().rstrip("=")


def decode_cursor(cursor: str, size: int) -> list[Any]:
    """The sort key in ``cursor``; anything but what :func:`encode_cursor` wrote is a 400.

    A cursor is user input: it may nest thousands of brackets (RecursionError) or
    hold a lone surrogate or a NUL that no database accepts, so each is checked here.
    """
    problem = BadRequest(f"invalid cursor {cursor[:40]!r}: pass next_cursor back unchanged")
    if len(cursor) > MAX_CURSOR:
        raise problem
    try:
        key = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise problem from exc
    if not (isinstance(key, list) and len(key) == size and isinstance(key[-1], str)
            and all(k is None or (isinstance(k, str) and is_clean_text(k)) for k in key)):
        raise problem
    return key


def is_clean_text(text: str) -> bool:
    """Whether every database can store and compare ``text``: valid UTF-8, no NUL."""
    if "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return False
    return True


def parse_bbox(text: str) -> tuple[float, float, float, float]:
    """``west,south,east,north`` in degrees, as GeoJSON and OGC APIs write a bbox."""
    try:
        west, south, east, north = (float(v) for v in text.split(","))
    except ValueError as exc:
        raise BadRequest("bbox must be four numbers: west,south,east,north (degrees)") from exc
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise BadRequest("bbox out of range: longitudes in [-180, 180], latitudes in [-90, 90], south <= north")
    return west, south, east, north


def _period(day: str, by: str) -> str:
    """The bucket of a date; one known only to the month (year) counts on its first day."""
    day = first_day(day) if len(day) in (4, 7) else day
    if by == "month":
        return day[:7]
    if by == "week":
        try:
            d = date.fromisoformat(day[:10])
        except ValueError:
            return day
        return (d - timedelta(days=d.weekday())).isoformat()
    return day[:10]


def _count(store: Store, table: str, where: list[str], params: list[Any]) -> int:
    return int(store.query(f"SELECT COUNT(*) AS n FROM {table}{_where(where)}", params)[0]["n"])


def _where(where: list[str]) -> str:
    return " WHERE " + " AND ".join(where) if where else ""
