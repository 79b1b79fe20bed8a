"""The database schema, as numbered migrations, and the column lists generated from the records.

Each migration is a list of statements in the SQL both SQLite and PostgreSQL accept
(TEXT, INTEGER/BIGINT, REAL, JSON kept as TEXT). ``meta.schema_version`` records how
far a database has been migrated; opening a store applies what is missing.

Migrations are literal SQL, frozen once shipped: a database made by version N must
become what version N+1 makes. The columns the store writes, the export columns and
the API models are generated from the record dataclasses (:func:`table_columns`), so
a new field of :class:`~dateline.records.Event` touches ``records.py`` plus one
``ALTER TABLE ... ADD COLUMN`` migration here; a test fails if the two disagree.
"""
from __future__ import annotations

from dateline.records import Claim, Document, Event, column_kinds

#: How each kind of record field is stored (JSON is kept as text, readable by both databases).
SQL_TYPES = {"int": "BIGINT", "float": "REAL", "text": "TEXT", "json": "TEXT"}
#: Columns that belong to the store, not to a record: how many articles reported an event,
#: a document's entities and when it was stored.
STORE_ONLY = {"events": {"n_sources": "int"}, "documents": {"entities": "json", "ingested_at": "text"},
              "claims": {}}
RECORDS = {"events": Event, "claims": Claim, "documents": Document}


def table_columns(table: str) -> dict[str, str]:
    """Column -> kind of a table, generated from its record dataclass (in field order) and
    the store's own columns: the one list that inserts, exports and API models follow."""
    return {**column_kinds(RECORDS[table]), **STORE_ONLY[table]}


EVENT_COLUMNS: tuple[str, ...] = tuple(table_columns("events"))
CLAIM_COLUMNS: tuple[str, ...] = tuple(table_columns("claims"))
DOCUMENT_COLUMNS: tuple[str, ...] = tuple(table_columns("documents"))
JSON_COLUMNS: frozenset[str] = frozenset(
    c for t in RECORDS for c, kind in table_columns(t).items() if kind == "json")

MIGRATIONS: list[list[str]] = [
    # 1: documents, events with their sources (one row per article mentioning the event), claims.
    [
        "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)",
        """CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY,
    url TEXT, title TEXT, source TEXT, published TEXT, published_precision BIGINT,
    origin TEXT, text TEXT NOT NULL, repairs TEXT, entities TEXT, ingested_at TEXT
)""",
        """CREATE TABLE IF NOT EXISTS events (
    event_id_cnty TEXT PRIMARY KEY,
    event_date TEXT, year BIGINT, time_precision BIGINT, disorder_type TEXT, event_type TEXT,
    sub_event_type TEXT, actor1 TEXT, assoc_actor_1 TEXT, inter1 TEXT, actor2 TEXT, assoc_actor_2 TEXT,
    inter2 TEXT, interaction TEXT, civilian_targeting TEXT, iso TEXT, region TEXT, country TEXT,
    admin1 TEXT, admin2 TEXT, admin3 TEXT, location TEXT, latitude REAL, longitude REAL,
    geo_precision BIGINT, source TEXT, source_scale TEXT, notes TEXT, fatalities BIGINT, tags TEXT,
    timestamp BIGINT,
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
    # 4: no new column: events stored before the store kept ACLED's ``timestamp`` get it from
    # their articles' storage times (data, in Python: the two databases read times differently;
    # see Store._fill_timestamps).
    [],
]
#: The version from which the store fills ``events.timestamp`` itself.
TIMESTAMP_VERSION = 4

SCHEMA_VERSION = len(MIGRATIONS)
