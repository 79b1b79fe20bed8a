"""export: stored events (or claims) as ACLED-style CSV, JSON Lines, GeoJSON or Parquet.

CSV columns are ACLED's, in ACLED's order, then dateline's additions, so existing
ACLED tooling reads the file; the values follow ACLED's conventions too (a full
``event_date``, numeric ``iso``, ``fatalities`` 0: see :mod:`dateline.export.acled`).
The columns and their types come from the record dataclasses (:func:`column_kinds`).
Exports stream from the database in batches. Background events (modality
``historical``) are left out unless asked for, as they are not events of the period.
"""
from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import fields
from typing import IO, Any

from dateline.export.acled import acled_row
from dateline.records import Claim, Event, chunked, column_kinds

#: Every field of a stored event (ACLED's columns first, in ACLED's order), then its source count.
EVENT_EXPORT_COLUMNS: tuple[str, ...] = (*(f.name for f in fields(Event)), "n_sources")
#: What an ACLED-style export adds: the stored period of ``event_date``, the letter ISO code.
ACLED_EXPORT_COLUMNS: tuple[str, ...] = (*EVENT_EXPORT_COLUMNS, "event_period", "iso3")
CLAIM_EXPORT_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(Claim))
FORMATS = ("csv", "jsonl", "geojson", "parquet")
INTER_CODES = ("labels", "numeric")
#: Column types beyond the record's own (export-only columns, and ACLED's numeric codes).
_KINDS = {**column_kinds(Claim), **column_kinds(Event), "n_sources": "int", "event_period": "text",
          "iso3": "text"}
_ACLED_KINDS = {**_KINDS, "iso": "int", "event_date": "date"}
_NUMERIC_INTER = {"inter1": "int", "inter2": "int", "interaction": "int"}


def write(store: Any, fmt: str, output: str | None, what: str = "events", *, inter_codes: str = "labels",
          include_historical: bool = False, notes: list[str] | None = None) -> int:
    """Write the stored events (or claims) to ``output`` (stdout when None); return how many.

    ``notes`` collects what a user should know about the file (records left out and why).
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if inter_codes not in INTER_CODES:
        raise ValueError(f"inter_codes must be one of {', '.join(INTER_CODES)}, not {inter_codes!r}")
    if fmt == "parquet" and output in (None, "-"):
        raise ValueError("parquet needs an output file (-o FILE)")
    if what == "claims":
        return _write_claims(store, fmt, output, notes if notes is not None else [])
    rows = acled_events(store, inter_codes, include_historical)
    kinds = {**_ACLED_KINDS, **(_NUMERIC_INTER if inter_codes == "numeric" else {})}
    return _write_rows(rows, ACLED_EXPORT_COLUMNS, kinds, fmt, output,
                       lambda rows, out: write_geojson(features(rows), out))


def _write_rows(rows: Iterator[dict[str, Any]], columns: tuple[str, ...], kinds: dict[str, str], fmt: str,
                output: str | None, geojson: Callable[[Iterator[dict[str, Any]], IO[str]], int]) -> int:
    """``rows`` in ``fmt`` to ``output``; events and claims differ only in how they become GeoJSON."""
    if fmt == "parquet":
        return write_parquet(rows, columns, output or "", kinds=kinds)
    with _open(output) as out:
        if fmt == "csv":
            return write_csv(rows, columns, out)
        if fmt == "jsonl":
            return write_jsonl(rows, out)
        return geojson(rows, out)


def acled_events(store: Any, inter_codes: str = "labels", include_historical: bool = False,
                 batch: int = 500) -> Iterator[dict[str, Any]]:
    """Stored events in ACLED order, as ACLED's exports write them (see :func:`acled_row`)."""
    for chunk in chunked(store.iter_events(), batch):
        if not include_historical:
            chunk = [r for r in chunk if r.get("modality") != "historical"]
        sources = _sources(store, [r["event_id_cnty"] for r in chunk])
        for row in chunk:
            yield acled_row(row, sources.get(row["event_id_cnty"], []), inter_codes)


def _sources(store: Any, event_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """The outlets and storage times of the articles that reported each event."""
    out: dict[str, list[dict[str, Any]]] = {}
    if not event_ids:
        return out
    marks = ", ".join("?" for _ in event_ids)
    for row in store.query(
            "SELECT s.event_id_cnty, d.source, d.url, d.ingested_at FROM event_sources s "
            f"JOIN documents d ON d.doc_id = s.doc_id WHERE s.event_id_cnty IN ({marks}) "
            "ORDER BY d.published, d.doc_id", event_ids):
        out.setdefault(row["event_id_cnty"], []).append(row)
    return out


def _write_claims(store: Any, fmt: str, output: str | None, notes: list[str]) -> int:
    def geojson(rows: Iterator[dict[str, Any]], out: IO[str]) -> int:
        placed = claim_features(store, rows)
        n = write_geojson(placed, out)
        if placed.left_out:
            notes.append(f"{placed.left_out} claims are about no event with a place (a claim has no place of "
                         "its own) and were left out of the GeoJSON; --format csv or jsonl has them all")
        return n

    return _write_rows(iter(store.claims()), CLAIM_EXPORT_COLUMNS, _KINDS, fmt, output, geojson)


class claim_features:
    """GeoJSON features for claims, placed where the events they are about happened.

    A claim has no place of its own; one about an event gets that event's point (a
    MultiPoint when it is about events in several places). Claims about no placed
    event are counted in ``left_out``.
    """

    def __init__(self, store: Any, rows: Iterable[dict[str, Any]]) -> None:
        self.store, self.rows, self.left_out = store, rows, 0

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for chunk in chunked(self.rows, 500):
            places = self._places({i for r in chunk for i in (r.get("event_ids") or []) if isinstance(i, str)})
            for row in chunk:
                points = list(dict.fromkeys(places[i] for i in row.get("event_ids") or [] if i in places))
                if not points:
                    self.left_out += 1
                    continue
                geometry = ({"type": "Point", "coordinates": list(points[0])} if len(points) == 1
                            else {"type": "MultiPoint", "coordinates": [list(p) for p in points]})
                yield {"type": "Feature", "id": row.get("claim_id"), "geometry": geometry, "properties": row}

    def _places(self, ids: set[str]) -> dict[str, tuple[float, float]]:
        if not ids:
            return {}
        marks = ", ".join("?" for _ in ids)
        rows = self.store.query(f"SELECT event_id_cnty, longitude, latitude FROM events WHERE event_id_cnty "
                                f"IN ({marks}) AND latitude IS NOT NULL AND longitude IS NOT NULL", sorted(ids))
        return {r["event_id_cnty"]: (r["longitude"], r["latitude"]) for r in rows}


def write_csv(rows: Iterable[dict[str, Any]], columns: tuple[str, ...], out: IO[str]) -> int:
    """ACLED's columns first; nested fields (evidence, quantities) as JSON text."""
    writer = csv.writer(out)
    writer.writerow(columns)
    n = 0
    for row in rows:
        writer.writerow([_flat(row.get(c)) for c in columns])
        n += 1
    return n


def write_jsonl(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_geojson(feature_list: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """A FeatureCollection (RFC 7946: coordinates are lon, lat)."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for feature in feature_list:
        out.write((",\n" if n else "") + json.dumps(feature, ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n


def features(rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """GeoJSON features for events with a point; the properties are the event's fields."""
    for row in rows:
        if row.get("latitude") is None or row.get("longitude") is None:
            continue
        props = {k: v for k, v in row.items() if k not in {"latitude", "longitude"}}
        yield {"type": "Feature", "id": row.get("event_id_cnty"),
               "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]},
               "properties": props}


def write_parquet(rows: Iterable[dict[str, Any]], columns: tuple[str, ...], path: str,
                  batch: int = 10_000, kinds: dict[str, str] | None = None) -> int:
    """Parquet with typed columns (from the records' field types); nested fields as JSON text."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    kinds = kinds or _KINDS
    schema = pa.schema([(c, _arrow_type(kinds.get(c, "text"))) for c in columns])
    n = 0
    with pq.ParquetWriter(path, schema) as writer:
        for chunk in chunked(rows, batch):
            typed = [{c: _typed(kinds.get(c, "text"), row.get(c)) for c in columns} for row in chunk]
            writer.write_table(pa.Table.from_pylist(typed, schema=schema))
            n += len(chunk)
        if not n:
            writer.write_table(pa.Table.from_pylist([], schema=schema))
    return n


def _arrow_type(kind: str) -> Any:
    import pyarrow as pa

    return {"int": pa.int64(), "float": pa.float64(), "date": pa.date32()}.get(kind, pa.string())


def _typed(kind: str, value: Any) -> Any:
    if value is None or value == "":
        return None
    if kind == "int":
        return int(value)
    if kind == "float":
        return float(value)
    if kind == "date":
        from datetime import date

        return date.fromisoformat(str(value)[:10])
    flat = _flat(value)
    return flat if isinstance(flat, str) else str(flat)


def _flat(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value


@contextmanager
def _open(output: str | None) -> Iterator[IO[str]]:
    if not output or output == "-":
        yield sys.stdout
        return
    with open(output, "w", encoding="utf-8", newline="") as handle:
        yield handle
