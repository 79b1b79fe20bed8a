"""The store's columns, the export's and the API's come from the record dataclasses; migrations keep up."""
from __future__ import annotations

import sqlite3
from dataclasses import fields

from dateline import export
from dateline.records import ACLED_COLUMNS, DATELINE_COLUMNS, Claim, Event
from dateline.serve import models
from dateline.store import connect
from dateline.store.schema import MIGRATIONS, RECORDS, SQL_TYPES, table_columns


def _sqlite_columns(path: str, table: str) -> dict[str, str]:
    con = sqlite3.connect(path)
    try:
        return {row[1]: row[2] for row in con.execute(f"PRAGMA table_info({table})")}
    finally:
        con.close()


def test_migrated_tables_have_the_records_columns_with_their_types(db_path: str) -> None:
    """A field added to a record without a migration (or the reverse) fails here."""
    connect(db_path).close()
    for table in RECORDS:
        stored = _sqlite_columns(db_path, table)
        expected = {name: SQL_TYPES[kind] for name, kind in table_columns(table).items()}
        assert stored == expected, (table, set(stored) ^ set(expected))


def test_event_record_keeps_acleds_order_then_datelines() -> None:
    names = tuple(f.name for f in fields(Event))
    assert names == (*ACLED_COLUMNS, *DATELINE_COLUMNS)
    assert export.EVENT_EXPORT_COLUMNS[: len(names)] == names
    assert export.CLAIM_EXPORT_COLUMNS == tuple(f.name for f in fields(Claim))


def test_migration_one_is_frozen_sql() -> None:
    """Migration 1 is literal text: what an old database was made with must not follow the records."""
    assert all(isinstance(statement, str) for statement in MIGRATIONS[0])
    events = next(s for s in MIGRATIONS[0] if "CREATE TABLE IF NOT EXISTS events" in s)
    assert "plover_mode" not in events  # added by migration 3, so it must not appear in 1


def test_api_models_carry_every_record_field_with_its_type() -> None:
    detail = models.EventDetail.model_fields
    assert set(f.name for f in fields(Event)) <= set(detail)
    assert detail["fatalities"].annotation == int | None and detail["latitude"].annotation == float | None
    assert detail["actor1"].annotation == str | None
    claim = models.Claim.model_fields
    assert set(f.name for f in fields(Claim)) <= set(claim)
    summary = models.EventSummary.model_fields
    assert {"event_id_cnty", "event_date", "fatalities", "n_sources"} <= set(summary)
    assert "evidence" not in summary  # the summary is what a map or a table needs


def test_a_new_record_field_flows_to_every_column_list() -> None:
    """What a developer adding a field gets without touching the store, export or API code."""
    from dataclasses import make_dataclass

    from dateline.records import column_kinds

    Wider = make_dataclass("Wider", [("casualty_note", "str", ""), ("injured", "int | None", None)], bases=(Event,))
    kinds = column_kinds(Wider)
    assert kinds["casualty_note"] == "text" and kinds["injured"] == "int"
    assert list(kinds)[: len(fields(Event))] == [f.name for f in fields(Event)]
