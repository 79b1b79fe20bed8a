"""The CLI as a user meets it: one-line errors, checked values, tables that fit (no spaCy needed)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.store import connect
from tests.conftest import EXAMPLES, make_article

TEXT = "Al-Shabaab fighters attacked an army base near Afgooye on Tuesday, killing seven soldiers."
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def db(db_path: str) -> str:
    """Two current events and one background event; claims by speakers whose names share letters."""
    with connect(db_path) as store:
        store.add(make_article(TEXT))
        old = make_article("Years ago: " + TEXT, published="2019-05-02", place="Mogadishu", geonameid=53654)
        old.events[0].modality = "historical"
        store.add(old)
        for i, name in enumerate(["Fawad Aman", "Jamal Hataman", "Amanda Lee", "Kofi Damang", "A. Aman-Khan"]):
            article = make_article(f"Report {i}: " + TEXT, published=f"2024-03-0{i + 1}")
            article.claims[0].speaker = name
            store.add(article)
    return db_path


def _cli(*args: str, columns: int = 100) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), env={"COLUMNS": str(columns)})
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def _run(*args: str, prelude: str = "") -> subprocess.CompletedProcess[str]:
    """The real command in a fresh interpreter; ``prelude`` may hide an optional package first."""
    code = f"{prelude}\nfrom dateline.cli import main\nmain()"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env,
                          timeout=120, cwd=ROOT)


def _one_line_error(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and result.stderr.strip().count("\n") == 0, result.stderr
    assert result.stderr.startswith("Error: ") and all(w in result.stderr for w in words), result.stderr


def test_parquet_to_stdout_is_a_one_line_error(db: str) -> None:
    _one_line_error(_run("export", "--db", db, "--format", "parquet"), "-o")


def test_database_in_a_missing_folder(tmp_path: Path) -> None:
    missing = str(tmp_path / "nonexistent" / "x.db")
    _one_line_error(_run("events", "--db", missing), "no database")
    _one_line_error(_run("ingest", str(EXAMPLES), "--db", missing), "does not exist")


def test_read_commands_do_not_create_a_database(tmp_path: Path) -> None:
    typo = tmp_path / "typo.db"
    for command in (["events"], ["claims"], ["export", "--format", "csv"]):
        code, output = _cli(*command, "--db", str(typo))
        assert code == 2 and "no database at" in output, output
    assert not typo.exists()


def test_postgres_url_without_psycopg_names_the_extra() -> None:
    hide = "import sys; sys.modules['psycopg'] = None"
    _one_line_error(_run("events", "--db", "postgresql://localhost/dateline", prelude=hide), "dateline[postgres]")


def test_batch_without_dask_names_the_extra(tmp_path: Path) -> None:
    hide = "import sys; sys.modules['dask'] = None; sys.modules['distributed'] = None"
    result = _run("batch", str(EXAMPLES), "--out", str(tmp_path / "out"), prelude=hide)
    _one_line_error(result, "dateline[batch]")


@pytest.mark.parametrize("args", [["--since", "2024-13-45"], ["--until", "2024-02-30"], ["--since", "last week"],
                                  ["--limit", "0"], ["--limit", "-3"], ["--since", "2024-05", "--until", "2024-04"]])
def test_invalid_values_are_refused(db: str, args: list[str]) -> None:
    code, output = _cli("events", "--db", db, *args)
    assert code == 2 and "Error" in output and "(none)" not in output, output


def test_documented_day_words_and_partial_dates_are_accepted(db: str) -> None:
    assert _cli("events", "--db", db, "--since", "yesterday")[0] == 0
    code, output = _cli("events", "--db", db, "--since", "2024-03", "--until", "2024")
    assert code == 0 and "Afgooye" in output


def test_limit_applies(db: str) -> None:
    code, output = _cli("claims", "--db", db, "--limit", "2", "--format", "jsonl")
    assert code == 0 and len(output.strip().splitlines()) == 2


def test_api_refuses_impossible_dates(db: str) -> None:
    from fastapi.testclient import TestClient

    from dateline.serve import create_app

    client = TestClient(create_app(db), base_url="http://127.0.0.1:8000")
    for path in ("/api/events", "/api/events.geojson", "/api/stats", "/api/claims"):
        for value in ("2024-13-45", "2023-02-29"):
            response = client.get(path, params={"since": value})
            assert response.status_code == 400 and "not a date" in response.json()["detail"], (path, value)
        assert client.get(path, params={"since": "2024-02-29"}).status_code == 200


def test_filter_options_have_help() -> None:
    expected = {"events": {"--country": "alpha-3", "--actor": "actor1", "--since": "YYYY-MM-DD",
                           "--limit": "1 or more", "--include-historical": "historical"},
                "claims": {"--speaker": "Whole words"},
                "export": {"--inter-codes": "numeric", "--include-historical": "historical"}}
    for command, options in expected.items():
        code, output = _cli(command, "--help", columns=200)
        lines = {line.split()[0]: line for line in output.splitlines() if line.strip().startswith("--")}
        for option, words in options.items():
            assert words in lines[option], lines[option]


def test_speaker_matches_whole_words(db: str) -> None:
    code, output = _cli("claims", "--db", db, "--speaker", "Aman", "--format", "jsonl")
    speakers = sorted(line.split('"speaker": "')[1].split('"')[0] for line in output.splitlines())
    assert code == 0 and speakers == ["A. Aman-Khan", "Fawad Aman"]  # not Hataman, Amanda, Damang
    code, output = _cli("claims", "--db", db, "--speaker", "fawad aman", "--format", "jsonl")
    assert output.count('"speaker"') == 1


def test_tables_fit_the_terminal_and_wide_shows_everything(db: str) -> None:
    code, output = _cli("events", "--db", db, columns=80)
    lines = output.splitlines()
    assert code == 0 and all(len(line) <= 80 for line in lines), output
    assert lines[0].split() == ["date", "sub-event", "type", "actor", "1", "actor", "2", "location", "country",
                                "fatalities"]  # readable headers; the type that the sub-event type implies goes
    code, output = _cli("events", "--db", db, columns=120)
    assert output.splitlines()[1].split()[:8] == ["2024-03-12", "Battles", "Armed", "clash", "Al-Shabaab",
                                                  "Military", "Forces", "of"]
    code, output = _cli("events", "--db", db, "--wide", columns=80)
    assert "Military Forces of Somalia" in output and max(map(len, output.splitlines())) > 80


def test_background_events_only_on_request(db: str) -> None:
    code, output = _cli("events", "--db", db, "--format", "jsonl")
    assert code == 0 and '"historical"' not in output and output.count("\n") == 6
    code, output = _cli("events", "--db", db, "--format", "jsonl", "--include-historical")
    assert output.count('"historical"') == 1 and output.count("\n") == 7


def test_export_leaves_out_background_events_unless_asked(db: str) -> None:
    code, output = _cli("export", "--db", db, "--format", "csv")
    assert code == 0 and "2019-05-02" not in output and "6 events written" in output
    code, output = _cli("export", "--db", db, "--format", "csv", "--include-historical")
    assert "2019-05-02" in output


def test_an_unexpected_error_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "not-a.db"
    bad.write_text("this is not SQLite " * 100)
    _one_line_error(_run("events", "--db", str(bad)), str(bad))


def test_serve_refuses_a_missing_database(tmp_path: Path) -> None:
    code, output = _cli("serve", "--db", str(tmp_path / "typo.db"))
    assert code == 2 and "no database at" in output and not (tmp_path / "typo.db").exists()


def test_progress_total_counts_the_input_when_cheap(tmp_path: Path) -> None:
    from dateline.cli_output import count_articles

    (tmp_path / "a.txt").write_text("Protesters marched in Lagos on Friday.")
    (tmp_path / "b.html").write_text("<p>Police arrested two men in Kano.</p>")
    (tmp_path / "c.jsonl").write_text('{"text": "one"}\n{"text": "two"}\n\n{"text": "three"}\n')
    (tmp_path / "d.csv").write_text("title,text\nA,one\nB,two\n")
    assert count_articles([str(tmp_path)]) == 2 + 3 + 2
    (tmp_path / "e.rss").write_text("<rss></rss>")
    assert count_articles([str(tmp_path)]) is None  # a feed's items cannot be counted without parsing it
