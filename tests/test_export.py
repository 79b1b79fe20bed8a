"""Each export format written from a real database and read back by a real reader."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq

from dateline import export
from dateline.records import ACLED_COLUMNS
from dateline.store import connect
from tests.conftest import make_article

TEXT = "Al-Shabaab fighters attacked an army base near Afgooye on Tuesday, killing seven soldiers."


def _filled(db_path: str) -> None:
    with connect(db_path) as store:
        store.add(make_article(TEXT, n_events=2))
        store.add(make_article("Elsewhere: " + TEXT, published="2024-03-10", place="Mogadishu", geonameid=53654))


def _export(db_path: str, fmt: str, out: Path) -> int:
    with connect(db_path) as store:
        return export.write(store, fmt, str(out))


def test_csv_has_acled_columns_in_acled_order(db_path: str, tmp_path: Path) -> None:
    _filled(db_path)
    assert _export(db_path, "csv", tmp_path / "e.csv") == 3
    with open(tmp_path / "e.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0].keys())[: len(ACLED_COLUMNS)] == ACLED_COLUMNS
    assert {r["country"] for r in rows} == {"Somalia"} and rows[0]["fatalities"] == "7"
    afgooye = [r for r in rows if r["location"] == "Afgooye"]
    assert json.loads(afgooye[0]["evidence"])["location"][0]["text"] == "Afgooye"  # evidence kept as JSON
    assert [r["event_date"] for r in rows] == sorted(r["event_date"] for r in rows)


def test_geojson_is_valid_feature_collection(db_path: str, tmp_path: Path) -> None:
    _filled(db_path)
    _export(db_path, "geojson", tmp_path / "e.geojson")
    data = json.loads((tmp_path / "e.geojson").read_text())
    assert data["type"] == "FeatureCollection" and len(data["features"]) == 3
    lon, lat = data["features"][0]["geometry"]["coordinates"]
    assert (lon, lat) == (45.12, 2.14)
    assert data["features"][0]["properties"]["sub_event_type"] == "Armed clash"


def test_jsonl_round_trips(db_path: str, tmp_path: Path) -> None:
    _filled(db_path)
    _export(db_path, "jsonl", tmp_path / "e.jsonl")
    rows = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert len(rows) == 3 and rows[0]["quantities"] == [{"kind": "killed", "value": 7}]


def test_parquet_read_by_pyarrow_and_duckdb(db_path: str, tmp_path: Path) -> None:
    import duckdb

    _filled(db_path)
    path = tmp_path / "e.parquet"
    _export(db_path, "parquet", path)
    table = pq.read_table(path)
    assert table.num_rows == 3 and str(table.schema.field("fatalities").type) == "int64"
    con = duckdb.connect()
    total = con.execute(f"SELECT SUM(fatalities), COUNT(DISTINCT country) FROM '{path}'").fetchone()
    assert total == (21, 1)


def test_claims_export(db_path: str, tmp_path: Path) -> None:
    _filled(db_path)
    with connect(db_path) as store:
        n = export.write(store, "csv", str(tmp_path / "c.csv"), what="claims")
    assert n == 2
    assert "speaker" in (tmp_path / "c.csv").read_text().splitlines()[0]
