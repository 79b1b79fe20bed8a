"""store: the event database. SQLite embedded by default, PostgreSQL when given a URL.

    with connect("dateline.db") as store:
        store.add(article)            # False if this article is already stored
        store.events(country="Afghanistan", since="2021-08-01")

One article is written in one transaction, so an interrupted ingest loses at most
the article in flight and never leaves half of one. Events that several articles
report (same day, same sub-event type, same place) are merged into one record;
every article that reported it stays listed in ``event_sources``, and the record's
``timestamp`` (ACLED's "last change", epoch seconds) is when the last of them was stored.
"""
from __future__ import annotations

import json
import random
import re
import sqlite3
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict
from datetime import datetime, timezone
from typing import Any

from dateline.records import Article, Event
from dateline.store.filters import ClaimFilter, EventFilter, check_limit
from dateline.store.schema import (  # the column lists are generated from the record dataclasses
    CLAIM_COLUMNS, DOCUMENT_COLUMNS, EVENT_COLUMNS, JSON_COLUMNS, MIGRATIONS, SCHEMA_VERSION, TIMESTAMP_VERSION,
)

_ADD_COLUMN = re.compile(r"ALTER TABLE (\w+) ADD COLUMN (\w+)", re.IGNORECASE)


def connect(url: str = "dateline.db") -> "Store":
    """Open (and create or migrate) the store at ``url``: a path, ``sqlite:///path`` or ``postgresql://...``."""
    return Store(url)


class Store:
    """A connection to the event database with the few operations dateline needs."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.dialect = "postgresql" if url.startswith(("postgresql://", "postgres://")) else "sqlite"
        self._conn = _open(url, self.dialect)
        self._migrate()

    # -- lifecycle -------------------------------------------------------------------
    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._conn.close()

    @property
    def path(self) -> str:
        """The database file (SQLite) or URL, for messages."""
        return _sqlite_path(self.url) if self.dialect == "sqlite" else self.url

    # -- low level -------------------------------------------------------------------
    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Run a read query written with ``?`` placeholders; rows as dicts, JSON decoded."""
        cur = self._conn.cursor()
        cur.execute(self._sql(sql), tuple(params))
        names = [d[0] for d in cur.description or ()]
        return [_decode(dict(zip(names, row))) for row in cur.fetchall()]

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        cur = self._conn.cursor()
        cur.execute(self._sql(sql), tuple(params))
        return cur

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s") if self.dialect == "postgresql" else sql

    def _migrate(self) -> None:
        """Bring the schema up to date, one process at a time.

        Two ingests that create the same new database at once must not both add a
        column, so migrating takes the write lock (SQLite) or an advisory lock
        (PostgreSQL) and reads the version again under it; an up-to-date database
        takes no lock at all.
        """
        if self._stored_version() == SCHEMA_VERSION:
            return
        if self.dialect == "sqlite":
            self._conn.execute("BEGIN IMMEDIATE")
        else:
            self._execute("SELECT pg_advisory_xact_lock(7366746)")  # any constant: "this database's migrations"
        self._execute(MIGRATIONS[0][0])
        version = self._stored_version()
        if version > SCHEMA_VERSION:
            raise RuntimeError(f"{self.path}: schema version {version} is newer than this dateline ({SCHEMA_VERSION})")
        for number in range(version, SCHEMA_VERSION):
            for statement in MIGRATIONS[number]:
                added = _ADD_COLUMN.match(statement)
                if added and added.group(2) in self._columns(added.group(1)):
                    continue  # already there: adding a column is not idempotent in SQLite
                self._execute(statement)
        if version < TIMESTAMP_VERSION:
            self._fill_timestamps()
        self._set_meta("schema_version", str(SCHEMA_VERSION))
        self._conn.commit()

    def _fill_timestamps(self) -> None:
        """Give events stored before the store kept ``timestamp`` the time their last article was stored."""
        rows = self.query(
            "SELECT s.event_id_cnty AS event_id, MAX(d.ingested_at) AS stored FROM event_sources s "
            "JOIN documents d ON d.doc_id = s.doc_id JOIN events e ON e.event_id_cnty = s.event_id_cnty "
            "WHERE e.timestamp IS NULL GROUP BY s.event_id_cnty")
        for row in rows:
            stamp = epoch(row["stored"] or "")
            if stamp is not None:
                self._execute("UPDATE events SET timestamp = ? WHERE event_id_cnty = ?", (stamp, row["event_id"]))

    def _stored_version(self) -> int:
        """The schema version recorded in the database; 0 for a new one."""
        try:
            rows = self.query("SELECT value FROM meta WHERE key = 'schema_version'")
        except Exception:  # noqa: BLE001 - no meta table yet (each driver names that error its own way)
            if self.dialect == "postgresql":
                self._conn.rollback()
            return 0
        return int(rows[0]["value"]) if rows else 0

    def _columns(self, table: str) -> set[str]:
        return {d[0] for d in self._execute(f"SELECT * FROM {table} LIMIT 0").description}

    def _set_meta(self, key: str, value: str) -> None:
        self._execute("DELETE FROM meta WHERE key = ?", (key,))
        self._execute("INSERT INTO meta (key, value) VALUES (?, ?)", (key, value))

    @property
    def schema_version(self) -> int:
        return int(self.query("SELECT value FROM meta WHERE key = 'schema_version'")[0]["value"])

    # -- writing ---------------------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        return bool(self.query("SELECT 1 AS x FROM documents WHERE doc_id = ?", (doc_id,)))

    def add(self, article: Article) -> bool:
        """Store one extracted article in one transaction; False if it was already stored."""
        doc = article.document
        if self.has_document(doc.doc_id):
            return False
        now = datetime.now(timezone.utc).replace(microsecond=0)
        try:
            inserted = self._insert("documents", DOCUMENT_COLUMNS, {
                **asdict(doc), "entities": [asdict(e) for e in article.entities],
                "ingested_at": now.isoformat(timespec="seconds"),
            }, ignore_conflict=True)
            if inserted.rowcount == 0:  # another process stored it since we looked: already stored
                self._conn.rollback()
                return False
            for event in article.events:
                self._add_event(event, int(now.timestamp()))
            for claim in article.claims:
                self._insert("claims", CLAIM_COLUMNS, claim.to_dict(), ignore_conflict=True)
            self._conn.commit()
        except BaseException:
            self._conn.rollback()
            raise
        return True

    def _add_event(self, event: Event, stamp: int) -> None:
        """Insert an event, or count one more source for the stored one it repeats; either
        way ``stamp`` (the article's storage time) becomes the record's ``timestamp``."""
        record = event.to_dict()
        twin = self._same_event(event)
        event_id = twin or record["event_id_cnty"]
        if twin is None:
            self._insert("events", EVENT_COLUMNS, {**record, "n_sources": 1, "timestamp": stamp},
                         ignore_conflict=True)
        else:
            self._execute("UPDATE events SET n_sources = n_sources + 1, timestamp = ? WHERE event_id_cnty = ?",
                          (stamp, twin))
        self._insert("event_sources", ("event_id_cnty", "mention_id", "doc_id", "notes", "evidence"), {
            "event_id_cnty": event_id, "mention_id": record["event_id_cnty"], "doc_id": event.doc_id,
            "notes": event.notes, "evidence": record["evidence"],
        }, ignore_conflict=True)

    def _same_event(self, event: Event) -> str | None:
        """The stored event another article already reported: same day, sub-event type, place and actor."""
        if not (event.event_date and event.sub_event_type and event.time_precision == 1 and event.geonameid):
            return None
        rows = self.query(
            "SELECT event_id_cnty, actor1 FROM events WHERE event_date = ? AND sub_event_type = ? "
            "AND geonameid = ? AND doc_id <> ?",
            (event.event_date, event.sub_event_type, event.geonameid, event.doc_id),
        )
        for row in rows:
            if not event.actor1 or not row["actor1"] or row["actor1"] == event.actor1:
                return row["event_id_cnty"]
        return None

    def _insert(self, table: str, columns: Sequence[str], record: dict[str, Any],
                ignore_conflict: bool = False) -> Any:
        values = [_encode(c, record.get(c)) for c in columns]
        marks = ", ".join("?" for _ in columns)
        verb = "INSERT"
        tail = ""
        if ignore_conflict:
            if self.dialect == "sqlite":
                verb = "INSERT OR IGNORE"
            else:
                tail = " ON CONFLICT DO NOTHING"
        return self._execute(f"{verb} INTO {table} ({', '.join(columns)}) VALUES ({marks}){tail}", values)

    # -- reading ---------------------------------------------------------------------
    def events(self, *, limit: int | None = None, **filters: Any) -> list[dict[str, Any]]:
        """Stored events, newest first; ``filters`` are :class:`EventFilter`'s fields (as the API's).
        ``limit`` None is all of them; 0 or less is refused (:class:`BadFilter`), as the CLI does."""
        if limit is not None:
            check_limit(limit)
        where, params = EventFilter(**filters).where(self)
        sql = "SELECT * FROM events" + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY event_date DESC, event_id_cnty"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return self.query(sql, params)

    def event_sources(self, event_id: str) -> list[dict[str, Any]]:
        """Every article that reported an event, with its evidence."""
        return self.query(
            "SELECT s.*, d.url, d.title, d.source, d.published FROM event_sources s "
            "JOIN documents d ON d.doc_id = s.doc_id WHERE s.event_id_cnty = ? ORDER BY d.published",
            (event_id,),
        )

    def claims(self, *, limit: int | None = None, **filters: Any) -> list[dict[str, Any]]:
        """Stored claims matching ``filters`` (the fields of :class:`ClaimFilter`;
        ``about`` searches the quote and the events it is linked to); ``limit`` as in :meth:`events`."""
        if limit is not None:
            check_limit(limit)
        where, params = ClaimFilter(**filters).where()
        sql = "SELECT * FROM claims" + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY doc_id, claim_id" + (f" LIMIT {int(limit)}" if limit else "")
        return self.query(sql, params)

    def document(self, doc_id: str) -> dict[str, Any] | None:
        rows = self.query("SELECT * FROM documents WHERE doc_id = ?", (doc_id,))
        return rows[0] if rows else None

    def count(self, table: str) -> int:
        if table not in {"documents", "events", "event_sources", "claims"}:
            raise ValueError(f"unknown table {table!r}")
        return int(self.query(f"SELECT COUNT(*) AS n FROM {table}")[0]["n"])

    def iter_events(self, batch: int = 1000) -> Iterator[dict[str, Any]]:
        """All events in ACLED order (date, then id), in batches, for exports of any size."""
        last = ("", "")
        while True:
            rows = self.query(
                "SELECT * FROM events WHERE (COALESCE(event_date, ''), event_id_cnty) > (?, ?) "
                f"ORDER BY COALESCE(event_date, ''), event_id_cnty LIMIT {int(batch)}", last)
            yield from rows
            if len(rows) < batch:
                return
            last = (rows[-1]["event_date"] or "", rows[-1]["event_id_cnty"])


def epoch(iso_time: str) -> int | None:
    """Epoch seconds of an ISO time as the store writes it (UTC when it names no zone); None if not one."""
    try:
        moment = datetime.fromisoformat(iso_time)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return int(moment.timestamp())


def _open(url: str, dialect: str) -> Any:
    if dialect == "postgresql":
        import psycopg  # optional: pip install dateline[postgres]

        return psycopg.connect(url)
    deadline = time.monotonic() + 30.0
    while True:
        conn = sqlite3.connect(_sqlite_path(url), timeout=30.0)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            break
        except sqlite3.OperationalError as exc:
            # two processes opening a new file at once: switching it to WAL needs the file
            # alone, and SQLite answers 'locked' at once rather than wait in a deadlock
            conn.close()
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05 + random.random() * 0.2)
    conn.execute("PRAGMA busy_timeout=30000")
    conn.execute("PRAGMA synchronous=NORMAL")
    return conn


def _sqlite_path(url: str) -> str:
    return url[len("sqlite:///"):] if url.startswith("sqlite:///") else url


def _encode(column: str, value: Any) -> Any:
    """A value as stored; NULs dropped, so that SQLite and PostgreSQL (which refuses them) store the same."""
    if column in JSON_COLUMNS:
        return json.dumps(_without_nul(value if value is not None else []), ensure_ascii=False)
    return _without_nul(value)


def _without_nul(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace("\x00", "") if "\x00" in value else value
    if isinstance(value, list):
        return [_without_nul(v) for v in value]
    if isinstance(value, dict):
        return {_without_nul(k): _without_nul(v) for k, v in value.items()}
    return value


def _decode(row: dict[str, Any]) -> dict[str, Any]:
    for column in JSON_COLUMNS & row.keys():
        if isinstance(row[column], str):
            row[column] = json.loads(row[column])
    return row
