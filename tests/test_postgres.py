"""The store on a real PostgreSQL server, started by the test in a temporary directory."""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline.records import Span
from dateline.store import connect
from dateline.store.schema import SCHEMA_VERSION
from tests.conftest import make_article

pytestmark = pytest.mark.postgres
TEXT = "Al-Shabaab fighters attacked an army base near Afgooye on Tuesday, killing seven soldiers."


def _pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    pytest.importorskip("psycopg")
    bindir = _pg_bin()
    if bindir is None:
        pytest.skip("PostgreSQL server binaries not installed (make test installs Debian's postgresql)")
    root = Path(tempfile.mkdtemp(prefix="dateline-pg-"))  # not under pytest's root-only tmp
    data, port = root / "data", _free_port()
    as_user: list[str] = []
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        shutil.chown(root, "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    run = lambda *cmd: subprocess.run([*as_user, *cmd], check=True, capture_output=True, timeout=60)  # noqa: E731
    run(str(bindir / "initdb"), "-D", str(data), "-U", "dateline", "-A", "trust", "--no-sync")
    run(str(bindir / "pg_ctl"), "-D", str(data), "-w", "-l", str(root / "log"), "-o",
        f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off", "start")
    try:
        yield f"postgresql://dateline@127.0.0.1:{port}/postgres"
    finally:
        run(str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop")
        shutil.rmtree(root, ignore_errors=True)


def test_postgres_store_round_trip(pg_url: str) -> None:
    with connect(pg_url) as store:
        assert store.dialect == "postgresql"
        assert store.add(make_article(TEXT, n_events=2)) is True
        assert store.add(make_article(TEXT, n_events=2)) is False
        store.add(make_article("Reuters: " + TEXT))  # the same event, reported again
        assert store.count("documents") == 2 and store.count("claims") == 2
        events = store.events(country="somalia", since="2024-03-01", until="2024-03-12")
        assert len(events) == 2 and max(e["n_sources"] for e in events) == 2
        assert all(isinstance(e["timestamp"], int) and e["timestamp"] > 1_600_000_000 for e in events)
        assert events[0]["evidence"]["location"][0]["text"] == "Afgooye"
        assert len(list(store.iter_events(batch=1))) == 2
    with connect(pg_url) as store:  # reopening migrates nothing and loses nothing
        assert store.count("events") == 2 and store.schema_version == SCHEMA_VERSION


def test_cli_reads_and_exports_from_postgres(pg_url: str, tmp_path) -> None:
    """Whole-word speaker match, validation and the ACLED export run the same SQL on PostgreSQL."""
    import pandas as pd
    from click.testing import CliRunner

    from dateline.cli import main

    with connect(pg_url) as store:
        article = make_article("Aman: " + TEXT)
        article.claims[0].speaker = "Fawad Aman"
        store.add(article)
        other = make_article("Hataman: " + TEXT)
        other.claims[0].speaker = "Jamal Hataman"
        store.add(other)
    runner = CliRunner()
    claims = runner.invoke(main, ["claims", "--db", pg_url, "--speaker", "aman", "--format", "jsonl"])
    assert claims.exit_code == 0 and claims.output.count('"speaker"') == 1 and "Fawad Aman" in claims.output
    bad = runner.invoke(main, ["events", "--db", pg_url, "--since", "2024-13-45"])
    assert bad.exit_code == 2
    out = tmp_path / "e.csv"
    assert runner.invoke(main, ["export", "--db", pg_url, "--format", "csv", "-o", str(out)]).exit_code == 0
    df = pd.read_csv(out)
    assert pd.to_datetime(df.event_date).notna().all() and set(df.iso) == {706}
    assert pd.api.types.is_integer_dtype(df.timestamp) and (df.timestamp > 1_600_000_000).all()


def test_nul_characters_are_stored_the_same_by_postgres_and_sqlite(pg_url: str, tmp_path: Path) -> None:
    stored = []
    for url in (pg_url, str(tmp_path / "d.db")):
        article = make_article("NUL test: " + TEXT)
        article.document.title = "Attack\x00 near Afgooye"
        article.events[0].notes = "seven\x00 soldiers"
        article.claims[0].evidence["quote"][0] = Span(0, 3, "N\x00U")
        with connect(url) as store:
            assert store.add(article) is True
            doc = store.document(article.document.doc_id)
            event = store.query("SELECT notes FROM event_sources WHERE doc_id = ?", (article.document.doc_id,))[0]
            claim = store.query("SELECT evidence FROM claims WHERE doc_id = ?", (article.document.doc_id,))[0]
            stored.append((doc["title"], event["notes"], claim["evidence"]["quote"][0]["text"]))
    assert stored[0] == stored[1] == ("Attack near Afgooye", "seven soldiers", "NU")


def test_a_concurrent_duplicate_insert_counts_as_already_stored_on_postgres(pg_url: str) -> None:
    article = make_article("Race test: " + TEXT)
    with connect(pg_url) as first, connect(pg_url) as second:
        second.has_document = lambda doc_id: False  # as if it looked before the first one stored it
        assert first.add(article) is True
        assert second.add(article) is False
        assert second.query("SELECT COUNT(*) AS n FROM documents WHERE doc_id = ?",
                            (article.document.doc_id,))[0]["n"] == 1
