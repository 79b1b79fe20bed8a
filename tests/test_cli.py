"""The commands a user runs, end to end: real files, real spaCy, a real database file."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.records import ACLED_COLUMNS
from tests.conftest import EXAMPLES, SAMPLE, needs_shared

pytestmark = pytest.mark.slow
# Fields that are derived from other fields (or are bookkeeping), so need no span of their own.
DERIVED = {"event_id_cnty", "year", "time_precision", "disorder_type", "inter1", "inter2", "interaction",
           "iso", "region", "country", "admin1", "admin2", "admin3", "latitude", "longitude", "geo_precision",
           "source", "source_scale", "notes", "tags", "timestamp", "plover_type", "geonameid", "confidence",
           "doc_id", "evidence", "quantities", "civilian_targeting", "event_type", "sub_event_type", "modality"}


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dateline.cli", *args], capture_output=True, text=True,
                          timeout=300)


@needs_shared(SAMPLE)
def test_extract_sample_follows_the_output_contract() -> None:
    result = _run("extract", str(SAMPLE), "--format", "json")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert set(out) == {"document", "events", "claims", "entities", "places"}
    doc = out["document"]
    assert doc["published"] == "2021-08" and doc["published_precision"] == 3
    text = doc["text"]
    for record in out["events"] + out["claims"]:
        for field, spans in record["evidence"].items():
            for span in spans:
                assert text[span["start"]:span["end"]] == span["text"], (field, span)
    for event in out["events"]:
        assert set(ACLED_COLUMNS) <= set(event)
        for field in set(ACLED_COLUMNS) - DERIVED:
            if field == "event_date" and event[field] == doc["published"]:
                continue  # no date in the text: the report's own date, with its precision
            if event[field] not in ("", None, []):
                assert event["evidence"].get(field), f"{field}={event[field]!r} has no evidence"
    for entity in out["entities"]:
        assert text[entity["start"]:entity["end"]] == entity["text"]
    for place in out["places"]:
        [span] = place["evidence"]["name"]
        assert text[span["start"]:span["end"]] == span["text"]


def test_extract_prints_the_resolved_places_with_their_evidence(tmp_path: Path) -> None:
    """``dateline eval geo`` scores Article.places: the JSON a user gets has them too."""
    article = tmp_path / "a.txt"
    article.write_text("Gunmen attacked a checkpoint in Lahore, Punjab, on Monday, police said.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(article), "--format", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    places = {p["evidence"]["name"][0]["text"]: p for p in out["places"]}
    lahore = places["Lahore"]
    assert (lahore["name"], lahore["country"], lahore["iso"], lahore["admin1"]) == (
        "Lahore", "Pakistan", "PAK", "Punjab")
    assert lahore["geonameid"] and abs(lahore["latitude"] - 31.55) < 0.5 and abs(lahore["longitude"] - 74.34) < 0.5
    assert lahore["feature"].startswith("P.") and lahore["geo_precision"] == 1
    assert places["Punjab"]["feature"] == "A.ADM1" and places["Punjab"]["geo_precision"] == 3
    span = lahore["evidence"]["name"][0]
    assert out["document"]["text"][span["start"]:span["end"]] == "Lahore"


def test_ingest_is_idempotent_and_prints_summary_and_database(tmp_path: Path) -> None:
    db = str(tmp_path / "d.db")
    runner = CliRunner()
    first = runner.invoke(main, ["ingest", str(EXAMPLES), "--db", db])
    assert first.exit_code == 0, first.output
    assert "1 articles stored" in first.output and f"Database: {db}" in first.output
    added = _count(first.output, "added")
    assert added > 0 and "0 merged into existing events" in first.output
    again = runner.invoke(main, ["ingest", str(EXAMPLES), "--db", db])
    assert "0 articles stored, 1 already stored" in again.output
    events = runner.invoke(main, ["events", "--db", db, "--format", "json"])
    assert events.exit_code == 0


def test_bad_files_reported_while_the_rest_is_stored(tmp_path: Path) -> None:
    data = tmp_path / "in"
    data.mkdir()
    (data / "good.txt").write_text((EXAMPLES / "afgooye-2024-03-12.txt").read_text())
    (data / "empty.txt").write_text("")
    (data / "bad.jsonl").write_text('{"text": "Police arrested two men in Kano on Monday."}\n{oops\n')
    db = str(tmp_path / "d.db")
    result = _run("ingest", str(data), "--db", db)
    assert result.returncode == 1  # something failed, and it says what
    assert "empty.txt: empty file" in result.stderr and "bad.jsonl:2: not valid JSON" in result.stderr
    assert "2 articles stored" in result.stdout
    # what was stored stays stored when a later run fails on other input
    (data / "more.csv").write_text("title,text\nT,\n")
    result = _run("ingest", str(data), "--db", db)
    assert "more.csv:2: no text field" in result.stderr and "2 already stored" in result.stdout


def test_export_csv_from_cli_is_acled_shaped(tmp_path: Path) -> None:
    db = str(tmp_path / "d.db")
    runner = CliRunner()
    runner.invoke(main, ["ingest", str(EXAMPLES), "--db", db])
    result = runner.invoke(main, ["export", "--db", db, "--format", "csv"])
    assert result.exit_code == 0
    header = next(csv.reader(io.StringIO(result.stdout)))
    assert tuple(header[: len(ACLED_COLUMNS)]) == ACLED_COLUMNS


def test_ingest_says_which_events_merged_into_stored_ones(tmp_path: Path) -> None:
    """The same report from a second outlet: its events join the stored ones (one more source each)."""
    db = str(tmp_path / "d.db")
    runner = CliRunner()
    first = runner.invoke(main, ["ingest", str(EXAMPLES), "--db", db])
    added = _count(first.output, "added")
    second = tmp_path / "second"
    second.mkdir()
    text = (EXAMPLES / "afgooye-2024-03-12.txt").read_text().replace("Dateline Demo Wire", "Another Wire")
    (second / "b.txt").write_text(text)
    result = runner.invoke(main, ["ingest", str(second), "--db", db])
    assert result.exit_code == 0 and "1 articles stored" in result.output
    merged, new = _count(result.output, "merged into existing events"), _count(result.output, "added")
    assert merged > 0 and f"{added + new} events" in result.output.split("Database:")[1]


def test_read_commands_with_missing_database_are_one_line_errors(tmp_path: Path) -> None:
    result = _run("events", "--db", str(tmp_path / "typo.db"))
    assert result.returncode == 2 and result.stderr.startswith("Error: no database at")
    assert not (tmp_path / "typo.db").exists()


def _count(output: str, what: str) -> int:
    """N in the ingest summary's "N events added" or "N merged into existing events"."""
    import re

    return int(re.search(rf"(\d+) (?:events? )?{what}", output).group(1))
