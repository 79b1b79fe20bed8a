"""The database schema, as numbered migrations.

Each migration is a list of statements in the SQL both SQLite and PostgreSQL accept
(TEXT, INTEGER/BIGINT, REAL, JSON kept as TEXT). ``meta.schema_version`` records how
far a database has been migrated; opening a store applies what is missing.
"""
from __future__ import annotations

from dateline.records import ACLED_COLUMNS

_INTEGER_COLUMNS = {"year", "time_precision", "geo_precision", "fatalities", "timestamp"}
_REAL_COLUMNS = {"latitude", "longitude"}


def _column_type(name: str) -> str:
    if name in _INTEGER_COLUMNS:
        return "BIGINT"
    if name in _REAL_COLUMNS:
        return "REAL"
    return "TEXT"


_EVENT_COLUMNS = ",\n    ".join(
    f"{c} {_column_type(c)}" for c in ACLED_COLUMNS if c != "event_id_cnty"
)

MIGRATIONS: list[list[str]] = [
    # 1: documents, events with their sources (one row per article mentioning the event), claims.
    [
        "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)",
        """CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY,
    url TEXT, title TEXT, source TEXT, published TEXT, published_precision BIGINT,
    origin TEXT, text TEXT NOT NULL, repairs TEXT, entities TEXT, ingested_at TEXT
)""",
        f"""CREATE TABLE IF NOT EXISTS events (
    event_id_cnty TEXT PRIMARY KEY,
    {_EVENT_COLUMNS},
    plover_type TEXT, modality TEXT, quantities TEXT, geonameid BIGINT, confidence REAL,
    doc_id TEXT NOT NULL, evidence TEXT, n_sources BIGINT DEFAULT 1
)""",
        """CREATE TABLE IF NOT EXISTS event_sources (
    event_id_cnty TEXT NOT NULL, mention_id TEXT NOT NULL, doc_id TEXT NOT NULL,
    notes TEXT, evidence TEXT,
    PRIMARY KEY (event_id_cnty, mention_id)
)""",
        """CREATE TABLE IF NOT EXISTS claims (
    claim_id TEXT PRIMARY KEY, doc_id TEXT NOT NULL,
    speaker TEXT, speaker_role TEXT, quote TEXT, kind TEXT, cue TEXT, stance TEXT,
    disputed_by TEXT, event_ids TEXT, confidence REAL, evidence TEXT
)""",
        "CREATE INDEX IF NOT EXISTS events_date ON events (event_date)",
        "CREATE INDEX IF NOT EXISTS events_country ON events (country, event_date)",
        "CREATE INDEX IF NOT EXISTS events_type ON events (event_type, sub_event_type)",
        "CREATE INDEX IF NOT EXISTS events_merge ON events (event_date, sub_event_type, geonameid)",
        "CREATE INDEX IF NOT EXISTS event_sources_doc ON event_sources (doc_id)",
        "CREATE INDEX IF NOT EXISTS claims_doc ON claims (doc_id)",
        "CREATE INDEX IF NOT EXISTS claims_speaker ON claims (speaker)",
    ],
    # 2: indexes for the API's ISO-code lookups and its counts by period and type.
    [
        "CREATE INDEX IF NOT EXISTS events_iso ON events (iso, event_date)",
        "CREATE INDEX IF NOT EXISTS events_counts ON events (event_date, event_type, fatalities)",
    ],
    # 3: PLOVER's mode of an event (how it was carried out).
    [
        "ALTER TABLE events ADD COLUMN plover_mode TEXT",
    ],
]

SCHEMA_VERSION = len(MIGRATIONS)
