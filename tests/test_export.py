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


# -- ACLED's conventions, read back by the tools ACLED users use --------------------------------------
def _acled_db(db_path: str) -> None:
    """Day, month and year dates, a missing fatality count, a wire source, a background event, a claim."""
    with connect(db_path) as store:
        day = make_article(TEXT, n_events=2)
        day.document.source, day.document.url = "Reuters", "https://www.reuters.com/world/a"
        day.events[1].fatalities = None
        day.claims[0].event_ids = [day.events[0].event_id_cnty]
        store.add(day)
        month = make_article("Later: " + TEXT, published="2024-03", place="Mogadishu", geonameid=53654)
        month.events[0].inter2 = ""
        month.events[0].actor2 = ""
        store.add(month)
        old = make_article("Background: " + TEXT, published="2019", place="Mogadishu", geonameid=53654)
        old.events[0].modality = "historical"
        store.add(old)


def _ingested_at(db_path: str) -> dict[str, int]:
    from datetime import datetime

    with connect(db_path) as store:
        rows = store.query("SELECT s.event_id_cnty AS e, d.ingested_at AS t FROM event_sources s "
                           "JOIN documents d ON d.doc_id = s.doc_id")
    return {r["e"]: int(datetime.fromisoformat(r["t"]).timestamp()) for r in rows}


def test_csv_reads_in_pandas_with_acled_dtypes(db_path: str, tmp_path: Path) -> None:
    import pandas as pd

    _acled_db(db_path)
    path = tmp_path / "e.csv"
    assert _export(db_path, "csv", path) == 3  # the background event is left out
    df = pd.read_csv(path)
    dates = pd.to_datetime(df.event_date)  # every date is a full date, as ACLED writes them
    assert dates.dt.year.tolist() == [2024, 2024, 2024]
    for column in ("year", "time_precision", "iso", "geo_precision", "fatalities", "timestamp"):
        assert pd.api.types.is_integer_dtype(df[column]), (column, df[column].dtype)
    for column in ("latitude", "longitude"):
        assert pd.api.types.is_float_dtype(df[column])
    for column in ("event_id_cnty", "event_type", "actor1", "inter1", "interaction", "country", "notes"):
        assert pd.api.types.is_string_dtype(df[column]) or df[column].dtype == object
    month = df[df.event_period == "2024-03"].iloc[0]
    assert (month.event_date, month.time_precision) == ("2024-03-01", 3)
    assert month.interaction == "Rebel group only"
    day = df[df.event_period == "2024-03-12"]
    assert set(day.time_precision) == {1} and sorted(day.fatalities) == [0, 7]  # 0 when none is reported
    assert set(df.iso) == {706} and set(df.iso3) == {"SOM"}  # numeric ISO 3166 code, as ACLED's iso
    assert set(day.interaction) == {"State forces-Rebel group"}  # derived in ACLED's order
    assert set(day.source_scale) == {"International"} and set(day.source) == {"Reuters"}
    stamps = _ingested_at(db_path)
    assert all(row.timestamp == stamps[row.event_id_cnty] for row in df.itertuples())


def test_csv_with_numeric_inter_codes(db_path: str, tmp_path: Path) -> None:
    import pandas as pd

    _acled_db(db_path)
    with connect(db_path) as store:
        export.write(store, "csv", str(tmp_path / "e.csv"), inter_codes="numeric")
    df = pd.read_csv(tmp_path / "e.csv")
    for column in ("inter1", "inter2", "interaction"):
        assert pd.api.types.is_integer_dtype(df[column]), column
    month = df[df.event_period == "2024-03"].iloc[0]
    assert (month.inter1, month.inter2, month.interaction) == (2, 0, 20)  # a rebel group acting alone
    assert set(df[df.event_period == "2024-03-12"].interaction) == {12}


def test_historical_events_only_on_request(db_path: str, tmp_path: Path) -> None:
    _acled_db(db_path)
    with connect(db_path) as store:
        assert export.write(store, "jsonl", str(tmp_path / "all.jsonl"), include_historical=True) == 4
    rows = [json.loads(line) for line in (tmp_path / "all.jsonl").read_text().splitlines()]
    old = [r for r in rows if r["modality"] == "historical"]
    assert [(r["event_date"], r["event_period"], r["time_precision"]) for r in old] == [("2019-01-01", "2019", 3)]


def test_geojson_read_by_a_geojson_reader(db_path: str, tmp_path: Path) -> None:
    import geojson

    _acled_db(db_path)
    _export(db_path, "geojson", tmp_path / "e.geojson")
    collection = geojson.loads((tmp_path / "e.geojson").read_text())
    assert isinstance(collection, geojson.FeatureCollection) and collection.is_valid, collection.errors()
    assert len(collection.features) == 3
    assert all(isinstance(f.geometry, geojson.Point) for f in collection.features)
    assert {tuple(f.geometry.coordinates) for f in collection.features} == {(45.12, 2.14)}


def test_claims_geojson_takes_the_places_of_their_events(db_path: str, tmp_path: Path) -> None:
    import geojson

    _acled_db(db_path)
    notes: list[str] = []
    with connect(db_path) as store:
        n = export.write(store, "geojson", str(tmp_path / "c.geojson"), what="claims", notes=notes)
    collection = geojson.loads((tmp_path / "c.geojson").read_text())
    assert collection.is_valid and n == len(collection.features) == 1
    assert collection.features[0].geometry.coordinates == [45.12, 2.14]
    assert collection.features[0].properties["speaker"] == "Abdullahi Hassan"
    assert notes and "2 claims" in notes[0] and "no event with a place" in notes[0]


def test_acled_parquet_read_by_pyarrow_and_duckdb(db_path: str, tmp_path: Path) -> None:
    import datetime

    import duckdb

    _acled_db(db_path)
    path = tmp_path / "e.parquet"
    assert _export(db_path, "parquet", path) == 3
    schema = pq.read_schema(path)
    assert str(schema.field("event_date").type) == "date32[day]"
    assert {str(schema.field(c).type) for c in ("iso", "fatalities", "timestamp", "year")} == {"int64"}
    first, deaths, iso = duckdb.connect().execute(
        f"SELECT MIN(event_date), SUM(fatalities), MIN(iso) FROM '{path}'").fetchone()
    assert (first, deaths, iso) == (datetime.date(2024, 3, 1), 14, 706)
