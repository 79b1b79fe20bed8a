"""The store: a real SQLite file; idempotent, transactional, merging reports of one event."""
from __future__ import annotations

import sqlite3

import pytest

from dateline.store import connect
from dateline.store.schema import SCHEMA_VERSION
from tests.conftest import make_article

TEXT = "Al-Shabaab fighters attacked an army base near Afgooye on Tuesday, killing seven soldiers."


def test_add_is_idempotent_and_reopening_keeps_records(db_path: str) -> None:
    article = make_article(TEXT, n_events=2)
    with connect(db_path) as store:
        assert store.add(article) is True
        assert store.add(article) is False
        assert store.count("events") == 2 and store.count("claims") == 1
    with connect(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.count("documents") == 1 and store.count("events") == 2
        [claim] = store.claims(speaker="hassan")
        assert claim["evidence"]["quote"][0]["start"] == 0


def test_claim_filters_match_what_is_typed_literally(db_path: str) -> None:
    with connect(db_path) as store:
        store.add(make_article(TEXT))
        assert len(store.claims(speaker="HASSAN")) == 1
        assert len(store.claims(about="army base")) == 0  # the quote is the first 40 characters
        assert len(store.claims(about="fighters attacked")) == 1
        assert store.claims(speaker="%") == [] and store.claims(about="_") == []  # wildcards are text
        assert len(store.claims(disputed=False)) == 1 and store.claims(disputed=True) == []


def test_same_event_from_two_articles_is_one_record_with_both_sources(db_path: str) -> None:
    first = make_article(TEXT)
    second = make_article("Reuters: " + TEXT + " Residents fled.")
    with connect(db_path) as store:
        store.add(first)
        store.add(second)
        [event] = store.events()
        assert event["n_sources"] == 2
        sources = store.event_sources(event["event_id_cnty"])
        assert {s["doc_id"] for s in sources} == {first.document.doc_id, second.document.doc_id}


def test_timestamp_is_stored_and_moves_when_another_article_reports_the_event(db_path: str) -> None:
    """ACLED's ``timestamp`` (last change) is a stored column, not something only the export makes."""
    with connect(db_path) as store:
        store.add(make_article(TEXT))
        [event] = store.events()
        first = event["timestamp"]
        assert isinstance(first, int) and first > 1_600_000_000
        store._execute("UPDATE events SET timestamp = ?", (first - 3600,))  # as if stored an hour ago
        store._conn.commit()
        store.add(make_article("Reuters: " + TEXT))  # the same event, reported again: a change
        [event] = store.events()
        assert event["n_sources"] == 2 and event["timestamp"] >= first


@pytest.mark.parametrize("limit", [0, -3])
def test_a_limit_of_zero_or_less_is_refused(db_path: str, limit: int) -> None:
    from dateline.store.filters import BadFilter

    with connect(db_path) as store:
        store.add(make_article(TEXT, n_events=2))
        with pytest.raises(BadFilter, match="limit"):
            store.events(limit=limit)
        with pytest.raises(BadFilter, match="limit"):
            store.claims(limit=limit)
        assert len(store.events(limit=1)) == 1 and len(store.events()) == 2


def test_different_places_are_not_merged(db_path: str) -> None:
    with connect(db_path) as store:
        store.add(make_article(TEXT))
        store.add(make_article("Elsewhere: " + TEXT, geonameid=53654, place="Mogadishu"))
        assert store.count("events") == 2


def test_failed_write_rolls_back_the_whole_article(db_path: str) -> None:
    good, bad = make_article(TEXT), make_article("Other: " + TEXT)
    bad.claims[0].confidence = object()  # not storable: the insert fails mid-article
    with connect(db_path) as store:
        store.add(good)
        with pytest.raises(Exception):
            store.add(bad)
        assert store.count("documents") == 1 and store.count("events") == 1
        assert not store.has_document(bad.document.doc_id)


def test_filters(db_path: str) -> None:
    with connect(db_path) as store:
        store.add(make_article(TEXT))
        assert store.events(country="somalia") and store.events(country="SOM")
        assert not store.events(country="Kenya")
        assert store.events(since="2024-03-01", until="2024-03-12")
        assert not store.events(since="2024-03-13")
        assert store.events(any_type="armed clash") and store.events(actor="shabaab")


def test_month_precision_event_overlaps_a_date_range_as_in_the_api(db_path: str) -> None:
    with connect(db_path) as store:
        store.add(make_article(TEXT, published="2021-08"))  # a month, as the sample's header gives
        assert store.events(since="2021-08-10", until="2021-08-20")
        assert not store.events(since="2021-09-01") and not store.events(until="2021-07-31")


def test_wal_mode_lets_a_reader_read_while_a_writer_writes(db_path: str) -> None:
    with connect(db_path) as writer:
        writer.add(make_article(TEXT))
        reader = sqlite3.connect(db_path)
        assert reader.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        writer.add(make_article("More: " + TEXT, place="Mogadishu", geonameid=53654))
        assert reader.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 2
        reader.close()


def test_older_database_is_migrated_in_place(db_path: str) -> None:
    with connect(db_path) as store:
        store.add(make_article(TEXT))
    conn = sqlite3.connect(db_path)
    conn.execute("DROP INDEX events_iso")  # as version 1 had it
    conn.execute("ALTER TABLE events DROP COLUMN plover_mode")
    conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with connect(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION and store.count("events") == 1
        names = {r["name"] for r in store.query("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert "events_iso" in names
        [event] = store.events()
        assert "plover_mode" in event  # added by migration 3, the old rows kept


def test_events_stored_before_the_timestamp_get_theirs_on_migration(db_path: str) -> None:
    from datetime import datetime

    with connect(db_path) as store:
        store.add(make_article(TEXT))
        [doc] = store.query("SELECT ingested_at FROM documents")
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE events SET timestamp = NULL")  # as a version 3 store left it
    conn.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with connect(db_path) as store:
        [event] = store.events()
        assert event["timestamp"] == int(datetime.fromisoformat(doc["ingested_at"]).timestamp())


def test_newer_schema_is_refused(db_path: str) -> None:
    connect(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with pytest.raises(RuntimeError, match="newer"):
        connect(db_path)


def _open_and_close(path: str) -> str:
    from dateline.store import connect as open_store

    try:
        with open_store(path):
            return "ok"
    except Exception as exc:  # noqa: BLE001 - the test reports what failed
        return repr(exc)


def test_processes_opening_a_new_database_at_once_all_succeed(tmp_path) -> None:
    """Switching a new file to WAL needs it alone; SQLite answers 'locked' at once (no
    wait) to a second opener: the store retries instead of failing the second ingest."""
    import multiprocessing

    results = []
    with multiprocessing.get_context("spawn").Pool(4) as pool:
        for round_ in range(12):
            path = str(tmp_path / f"new{round_}.db")
            results += pool.map(_open_and_close, [path] * 4)
    assert results == ["ok"] * 48, [r for r in results if r != "ok"]
