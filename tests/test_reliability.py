"""Reliability: fuzzed input never crashes a reader; a killed ingest resumes with nothing lost or doubled."""
from __future__ import annotations

import csv
import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dateline.ingest import Incoming, IngestError, read_bytes
from tests.conftest import EXAMPLES

ARTICLE = (EXAMPLES / "afgooye-2024-03-12.txt").read_text(encoding="utf-8")
SEEDS = {
    "a.txt": ARTICLE.encode(),
    "a.html": f"<html><head><title>T</title></head><body><article><p>{ARTICLE}</p></article></body></html>".encode(),
    "a.jsonl": (json.dumps({"title": "T", "text": ARTICLE, "date": "2024-03-12"}) + "\n").encode() * 3,
    "a.csv": b'title,date,text\nT,2024-03-12,"' + ARTICLE.replace('"', '""').encode() + b'"\n',
    "a.rss": f"<?xml version='1.0'?><rss><channel><title>W</title><item><title>T</title>"
             f"<description>{ARTICLE[:500]}</description></item></channel></rss>".encode(),
}


def _mutate(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 12)):
        choice, pos = rng.random(), rng.randrange(len(out) or 1)
        if choice < 0.4 and out:
            out[pos] = rng.randrange(256)
        elif choice < 0.7:
            out[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        elif choice < 0.9:
            del out[pos:pos + rng.randint(1, 64)]
        else:
            out = out[: rng.randrange(len(out) + 1)]
    return bytes(out)


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_fuzzed_input_never_crashes_a_reader(name: str) -> None:
    rng = random.Random(f"dateline-{name}")
    for _ in range(150):
        for item in read_bytes(name, _mutate(SEEDS[name], rng)):
            assert isinstance(item, (Incoming, IngestError))
            assert item.origin.startswith(name)


def _corpus(path: Path, n: int) -> None:
    body = ARTICLE.split("\n\n", 1)[1]
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["title", "date", "text"])
        for i in range(n):
            writer.writerow([f"Report {i}", "2024-03-12", f"Report number {i}. {body}"])


def _count(db: Path, table: str) -> int:
    try:
        with sqlite3.connect(db, timeout=30) as conn:
            return conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


@pytest.mark.slow
def test_killed_ingest_resumes_with_nothing_lost_or_duplicated(tmp_path: Path) -> None:
    corpus, db = tmp_path / "corpus.csv", tmp_path / "d.db"
    _corpus(corpus, 12)
    cmd = [sys.executable, "-m", "dateline.cli", "ingest", str(corpus), "--db", str(db), "--no-progress"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 240
    while _count(db, "documents") < 3 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
    proc.send_signal(signal.SIGKILL)  # no clean shutdown: as if the machine went down
    proc.wait()
    stored_before = _count(db, "documents")
    assert 0 < stored_before
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert f"{stored_before} already stored" in result.stdout
    assert _count(db, "documents") == 12
    with sqlite3.connect(db) as conn:
        mentions = conn.execute("SELECT COUNT(*), COUNT(DISTINCT mention_id) FROM event_sources").fetchone()
        orphans = conn.execute("SELECT COUNT(*) FROM events WHERE doc_id NOT IN (SELECT doc_id FROM documents)")
        assert mentions[0] == mentions[1] and orphans.fetchone()[0] == 0
