"""export: stored events (or claims) as ACLED-style CSV, JSON Lines, GeoJSON or Parquet.

CSV columns are ACLED's, in ACLED's order, then dateline's additions, so existing
ACLED tooling reads the file. Exports stream from the database in batches.
"""
from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import IO, Any

from dateline.records import ACLED_COLUMNS, DATELINE_COLUMNS
from dateline.store import CLAIM_COLUMNS, Store

EVENT_EXPORT_COLUMNS: tuple[str, ...] = (*ACLED_COLUMNS, *DATELINE_COLUMNS, "n_sources")
FORMATS = ("csv", "jsonl", "geojson", "parquet")


def write(store: Store, fmt: str, output: str | None, what: str = "events") -> int:
    """Write every stored event (or claim) to ``output`` (stdout when None); return how many."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    rows = store.iter_events() if what == "events" else iter(store.claims())
    columns = EVENT_EXPORT_COLUMNS if what == "events" else CLAIM_COLUMNS
    if fmt == "parquet":
        if not output:
            raise ValueError("parquet needs an output file (-o FILE)")
        return write_parquet(rows, columns, output)
    with _open(output) as out:
        if fmt == "csv":
            return write_csv(rows, columns, out)
        if fmt == "jsonl":
            return write_jsonl(rows, out)
        return write_geojson(rows, out)


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


def write_geojson(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """A FeatureCollection of the events that have coordinates (RFC 7946: lon, lat)."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for feature in features(rows):
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
                  batch: int = 10_000) -> int:
    """Parquet with typed numeric columns; nested fields as JSON text."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(c, _arrow_type(c)) for c in columns])
    n = 0
    with pq.ParquetWriter(path, schema) as writer:
        chunk: list[dict[str, Any]] = []
        for row in rows:
            chunk.append({c: _typed(c, row.get(c)) for c in columns})
            if len(chunk) >= batch:
                writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
                n += len(chunk)
                chunk = []
        writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
        n += len(chunk)
    return n


_INTS = {"year", "time_precision", "geo_precision", "fatalities", "timestamp", "geonameid", "n_sources"}
_FLOATS = {"latitude", "longitude", "confidence"}


def _arrow_type(column: str) -> Any:
    import pyarrow as pa

    if column in _INTS:
        return pa.int64()
    if column in _FLOATS:
        return pa.float64()
    return pa.string()


def _typed(column: str, value: Any) -> Any:
    if value is None or value == "":
        return None
    if column in _INTS:
        return int(value)
    if column in _FLOATS:
        return float(value)
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
