"""Users add, replace and disable rules from their own files, as with DATELINE_ACTORS."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline import rules
from dateline.cli import main

ARTICLE = "date 2024-05-06\n\nMilitants firebombed a police station in Kandahar on Monday, officials said.\n"
GRENADE = "date 2024-05-06\n\nA man threw a grenade into a crowded market in Kandahar on Monday, police said.\n"
FIREBOMB = {"id": "my.firebomb", "stage": "events.acled", "label": "Looting/property destruction", "weight": 5.5,
            "pattern": r"\bfire-?bomb\w*", "why": "A firebombing destroys property.",
            "examples": ["Rioters firebombed two shops."], "counter_examples": []}


@pytest.fixture(autouse=True)
def no_user_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts from the shipped rules; what the CLI's --rules adds is undone after."""
    monkeypatch.setenv(rules.ENV, "")


def _write(path: Path, *lines: object) -> Path:
    path.write_text("".join((x if isinstance(x, str) else json.dumps(x)) + "\n" for x in lines), "utf-8")
    return path


def _types(tmp_path: Path, text: str, *args: str, env: dict[str, str] | None = None) -> list[tuple[str, str]]:
    article = tmp_path / "article.txt"
    article.write_text(text, "utf-8")
    result = CliRunner().invoke(main, ["extract", str(article), "--format", "json", *args], env=env)
    assert result.exit_code == 0, result.output
    events = json.loads(result.stdout)["events"]
    return [(e["sub_event_type"], e["evidence"]["sub_event_type"][0]["text"]) for e in events]


def test_a_user_rule_file_adds_an_event_type_cue(tmp_path: Path) -> None:
    assert _types(tmp_path, ARTICLE) == []
    mine = _write(tmp_path / "mine.jsonl", FIREBOMB)
    assert _types(tmp_path, ARTICLE, env={rules.ENV: str(mine)}) == [("Looting/property destruction", "firebombed")]
    assert _types(tmp_path, ARTICLE) == []  # nothing left behind


def test_the_rules_option_adds_an_event_type_cue(tmp_path: Path) -> None:
    mine = _write(tmp_path / "mine.jsonl", FIREBOMB)
    assert _types(tmp_path, ARTICLE, "--rules", str(mine)) == [("Looting/property destruction", "firebombed")]


def test_a_shipped_rule_is_disabled_by_id(tmp_path: Path) -> None:
    assert ("Grenade", "grenade") in _types(tmp_path, GRENADE)
    off = _write(tmp_path / "off.jsonl", {"id": "acled.grenade", "disable": True})
    assert "Grenade" not in {t for t, _ in _types(tmp_path, GRENADE, "--rules", str(off))}
    assert "acled.grenade" not in {r.id for r in rules.get("events.acled")}


def test_a_shipped_rule_is_replaced_by_id(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = next(r for r in rules.get("events.acled") if r.id == "acled.grenade")
    place = [r.id for r in rules.get("events.acled")].index("acled.grenade")
    mine = _write(tmp_path / "mine.jsonl", {**FIREBOMB, "id": "acled.grenade", "label": "Grenade", "weight": 8.5,
                                            "pattern": r"\bpineapples?\b"})
    monkeypatch.setenv(rules.ENV, str(mine))
    found = [r for r in rules.get("events.acled") if r.id == "acled.grenade"]
    assert len(found) == 1 and found[0].pattern == r"\bpineapples?\b" and found[0] is not shipped
    assert [r.id for r in rules.get("events.acled")].index("acled.grenade") == place  # kept in its place


def test_a_bad_user_line_is_reported_and_the_rest_used(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    mine = _write(tmp_path / "mine.jsonl", "{not json", {**FIREBOMB, "pattern": "(unclosed"}, {"id": "x"}, FIREBOMB)
    monkeypatch.setenv(rules.ENV, str(mine))
    assert "my.firebomb" in {r.id for r in rules.get("events.acled")}
    err = capsys.readouterr().err
    assert f"{mine}:1: not JSON" in err and f"{mine}:2: rule 'my.firebomb': bad regex" in err
    assert f"{mine}:3: rule 'x' needs a 'stage'" in err


def test_a_shipped_rule_file_must_be_valid(tmp_path: Path) -> None:
    bad = _write(tmp_path / "bad.jsonl", {"id": "y", "stage": "events.acled", "label": "Grenade", "pattern": 5})
    with pytest.raises(rules.RuleError, match=r"bad.jsonl:1: rule 'y': 'pattern'"):
        list(rules._read(bad, strict=True))


def test_a_user_rule_for_a_stage_nothing_reads_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    mine = _write(tmp_path / "mine.jsonl", {**FIREBOMB, "stage": "events.acld"})
    monkeypatch.setenv(rules.ENV, str(mine))
    assert "my.firebomb" not in {r.id for r in rules.all_rules()}
    assert f"{mine}:1: rule 'my.firebomb': no stage reads 'events.acld'" in capsys.readouterr().err
