"""The evaluation commands: the fixed train/test split, the e2e scorer, one path through the pipeline."""
from __future__ import annotations

import ast
import hashlib
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.evaluate import e2e
from dateline.evaluate.split import in_part, part_of, select
from tests.conftest import SHARED

EVAL_COMMANDS = ("geo", "e2e", "events", "plover", "quotes")
REFERENCE = SHARED / "eval" / "e2e" / "score.py"


# --- the split ----------------------------------------------------------------------------------

def test_part_of_is_sha1_mod_3() -> None:
    for key in ("1", "2", "3", "lgl-39417291", "breitbart_2016-09-12_x", "PLOVER-GSR01-AGREE-0003", "0"):
        expected = "test" if int(hashlib.sha1(key.encode()).hexdigest(), 16) % 3 == 0 else "train"
        assert part_of(key) == expected
    assert [part_of(k) for k in ("1", "2", "3", "6")] == ["test", "test", "train", "train"]


def test_about_a_third_of_keys_are_test_and_parts_partition_the_items() -> None:
    keys = [str(i) for i in range(3000)]
    test = select(keys, str, "test")
    train = select(keys, str, "train")
    assert 900 < len(test) < 1100
    assert sorted(test + train, key=int) == keys and select(keys, str, "all") == keys
    with pytest.raises(ValueError):
        in_part("1", "dev")


@pytest.mark.parametrize("name", EVAL_COMMANDS)
def test_every_eval_command_takes_part(name: str) -> None:
    out = CliRunner().invoke(main, ["eval", name, "--help"])
    assert out.exit_code == 0 and "--part [train|test|all]" in out.output
    bad = CliRunner().invoke(main, ["eval", name, __file__, "--part", "dev"])
    assert bad.exit_code == 2 and "dev" in bad.output


# --- the e2e scorer on hand-made records ---------------------------------------------------------


KABUL = {"location": "Kabul", "geonameid": 1138958, "latitude": 34.5281, "longitude": 69.1723, "geo_precision": 1}
CHARIKAR = {"location": "Charikar", "geonameid": 1147290, "latitude": 35.0136, "longitude": 69.1714, "geo_precision": 1}
AFGHANISTAN = {"location": "Afghanistan", "geonameid": 1149361, "latitude": 33.0, "longitude": 66.0, "geo_precision": 3}
LONDON = {"location": "London", "geonameid": 2643743, "latitude": 51.5085, "longitude": -0.1257, "geo_precision": 1}


def record(event_type: str = "Battles", sub: str = "Armed clash", day: str | None = "2021-08-03",
           where: dict | None = None, country: str = "Afghanistan", actor1: str = "Taliban",
           actor2: str = "Military Forces of Afghanistan", fatalities: int = 0, **more) -> dict:
    """One event record with the fields both the gold and dateline's output carry."""
    return {"event_type": event_type, "sub_event_type": sub, "event_date": day, **(where or KABUL),
            "country": country, "actor1": actor1, "actor2": actor2, "fatalities": fatalities, **more}


def article(doc_id: str, *events: dict, kind: str = "conflict") -> dict:
    return {"doc_id": doc_id, "kind": kind, "published": "2021-08-05", "events": list(events)}


# (name, gold articles, predictions by doc_id, the figures the definition gives)
CASES = [
    ("a place 54 km away matches but is not the same location",
     [article("a", record())], {"a": [record(where=CHARIKAR)]},
     {"tp": 1, "fp": 0, "fn": 0, "location_acc": 0.0, "strict_f1": 0.0, "event_f1": 1.0}),
    ("a different type or a place 400 km away does not match",
     [article("a", record())], {"a": [record(event_type="Riots"), record(where=LONDON | {"latitude": 34.5, "longitude": 73.5})]},
     {"tp": 0, "fp": 2, "fn": 1, "event_f1": 0.0}),
    ("a country-level place matches any place in that country, not in another",
     [article("a", record(where=AFGHANISTAN)), article("b", record(where=AFGHANISTAN))],
     {"a": [record(where={**CHARIKAR, "latitude": 36.7, "longitude": 71.5})],
      "b": [record(where={**CHARIKAR, "latitude": 36.7, "longitude": 71.5}, country="Pakistan")]},
     {"tp": 1, "fp": 1, "fn": 1}),
    ("a day within a month matches, 2 days off matches, 4 days off does not",
     [article("a", record(day="2021-08")), article("b", record(day="2021-08-30")), article("c", record(day="2021-08-01"))],
     {"a": [record(day="2021-08-03")], "b": [record(day="2021-09-01")], "c": [record(day="2021-08-05")]},
     {"tp": 2, "fp": 1, "fn": 1, "date_acc": 0.0}),
    ("a gold event without a date matches any date and counts as the right date",
     [article("a", record(day=None))], {"a": [record(day="2019-01-01")]},
     {"tp": 1, "date_acc": 1.0, "strict_f1": 1.0}),
    ("background and optional gold events are neither hits nor false alarms",
     [article("a", record(), record(sub="Attack", event_type="Violence against civilians", background=True),
              record(day="2021-08-01", optional=True, where=CHARIKAR))],
     {"a": [record(), record(sub="Attack", event_type="Violence against civilians"), record(day="2021-08-01", where=CHARIKAR)]},
     {"tp": 1, "fp": 0, "fn": 0, "ignored": 2, "n_gold": 1, "event_precision": 1.0}),
    ("threatened, planned, negated, hypothetical, denied and historical predictions are left out",
     [article("a", record())],
     {"a": [record(modality=m) for m in ("threatened", "planned", "negated", "hypothetical", "denied", "historical")]},
     {"tp": 0, "fp": 0, "fn": 1, "n_pred": 0}),
    ("an asserted or claimed prediction counts",
     [article("a", record())], {"a": [record(modality="claimed")]}, {"tp": 1, "n_pred": 1}),
    ("country aliases: UK is the United Kingdom, Hong Kong is China, in places and actor names",
     [article("a", record(event_type="Protests", sub="Peaceful protest", where=AFGHANISTAN | {"latitude": 54.0, "longitude": -2.0},
                          country="United Kingdom", actor1="Protesters (Hong Kong)", actor2=""))],
     {"a": [record(event_type="Protests", sub="Peaceful protest", where=LONDON, country="UK",
                   actor1="protesters (China)", actor2="")]},
     {"tp": 1, "actor1_acc": 1.0, "actors_acc": 1.0}),
    ("a Sole Perpetrator is an Unidentified Armed Group; actors compare in either order",
     [article("a", record(event_type="Violence against civilians", sub="Attack", where=LONDON, country="United Kingdom",
                          actor1="Sole Perpetrator (United Kingdom)", actor2="Civilians (United Kingdom)"))],
     {"a": [record(event_type="Violence against civilians", sub="Attack", where=LONDON, country="United Kingdom",
                   actor1="Civilians (United Kingdom)", actor2="Unidentified Armed Group (United Kingdom)")]},
     {"tp": 1, "actor1_acc": 0.0, "actors_acc": 1.0, "strict_f1": 1.0}),
    ("a contained actor name counts; 'the' and Islamic State's other names fold",
     [article("a", record(actor1="Islamic State", actor2="Military Forces of Afghanistan (2004-2021)"))],
     {"a": [record(actor1="ISIS", actor2="the Military Forces of Afghanistan")]},
     {"tp": 1, "actors_acc": 1.0}),
    ("fatalities: exact, and vague gold counts are not scored",
     [article("a", record(fatalities=3)), article("b", record(fatalities=10, fatalities_vague=True))],
     {"a": [record(fatalities=2)], "b": [record(fatalities=4)]},
     {"tp": 2, "fatalities_acc": 0.0, "strict_f1": 0.5}),
    ("false alarms on general news are counted per general article",
     [article("g1", kind="general"), article("g2", kind="general"), article("c", record())],
     {"g1": [record(), record(day="2021-07-01")], "g2": [], "c": [record()]},
     {"tp": 1, "fp": 2, "fp_per_general_doc": 1.0, "docs": 3}),
    ("the closest pair is matched first: the same sub-event type wins",
     [article("a", record(sub="Government regains territory"), record())],
     {"a": [record()]},
     {"tp": 1, "fn": 1, "sub_event_acc": 1.0}),
]


@pytest.mark.parametrize("name,gold,pred,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_e2e_scorer_on_hand_made_records(name: str, gold: list, pred: dict, expected: dict, tmp_path: Path) -> None:
    result = e2e.score_predictions(gold, pred)
    assert {k: result[k] for k in expected} == expected, name
    if REFERENCE.exists():
        assert_agrees_with_reference(gold, pred, result, tmp_path)


def assert_agrees_with_reference(gold: list, pred: dict, result: dict, tmp_path: Path) -> None:
    """Run ../shared/eval/e2e/score.py on the same records: every key within 0.01."""
    gold_file, pred_file = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold_file.write_text("".join(json.dumps(a) + "\n" for a in gold), encoding="utf-8")
    pred_file.write_text("".join(json.dumps({"doc_id": k, "events": v}) + "\n" for k, v in pred.items()),
                         encoding="utf-8")
    out = subprocess.run([sys.executable, str(REFERENCE), str(gold_file), str(pred_file), "--json"],
                         capture_output=True, text=True, check=True)
    reference = json.loads(out.stdout)
    assert list(result) == list(reference)
    assert all(abs(result[k] - reference[k]) <= 0.01 for k in reference), (result, reference)


def test_e2e_reads_a_bad_gold_line_as_path_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "gold.jsonl"
    bad.write_text('{"doc_id": "a", "events": []}\n{"doc_id": \n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"gold\.jsonl:2: "):
        e2e.read(bad)


@pytest.mark.slow
def test_eval_e2e_command_runs_the_pipeline_on_the_chosen_part(tmp_path: Path) -> None:
    clash = record(day="2024-03-11", where={"location": "Afgooye", "latitude": 2.14, "longitude": 45.12,
                                            "geo_precision": 1, "geonameid": 58933}, country="Somalia",
                   actor1="Al-Shabaab", actor2="Military Forces of Somalia")
    gold = [
        {**article("mine-5", clash), "title": "Fighting near Afgooye", "url": "https://example.org/1",
         "published": "2024-03-12",
         "text": "Al-Shabaab fighters attacked a Somali army base in Afgooye on Monday, and soldiers fought "
                 "them for three hours, a local official said. Seven fighters were killed."},
        {**article("mine-6", kind="general"), "title": "Budget passes", "url": "https://example.org/2",
         "published": "2024-03-12", "text": "The city council approved the new budget on Tuesday after a long debate."},
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in gold), encoding="utf-8")
    saved = tmp_path / "pred.jsonl"
    out = CliRunner().invoke(main, ["eval", "e2e", str(path), "--json", "--part", "test",
                                    "--save-predictions", str(saved)])
    assert out.exit_code == 0, out.output
    result = json.loads(out.output)
    assert result["docs"] == 1 and result["n_gold"] == 1
    assert [json.loads(line)["doc_id"] for line in saved.read_text("utf-8").splitlines()] == ["mine-5"]
    table = CliRunner().invoke(main, ["eval", "e2e", str(path)])
    assert table.exit_code == 0 and "event_f1" in table.output and "fp_per_general_doc" in table.output


# --- one path: evaluators see only what `dateline extract` returns ------------------------------

EVALUATE = Path(__file__).resolve().parents[1] / "dateline" / "evaluate"
ALLOWED = ("dateline.pipeline", "dateline.records", "dateline.evaluate")
#: `eval geo --gold-spans` measures the resolver alone on the gold spans (a component figure,
#: labelled "gold-spans" in its output); its end-to-end setting goes through the pipeline.
COMPONENT_ONLY = {"geo.py": ("dateline.geo",)}


def _dateline_imports(path: Path) -> list[str]:
    """Every dateline module a file imports, at any depth (``from dateline import x`` is dateline.x)."""
    names = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names if a.name.split(".")[0] == "dateline"]
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "dateline":
            names += [f"{node.module}.{a.name}" if node.module == "dateline" else node.module for a in node.names]
    return names


def test_evaluators_import_only_the_pipeline_and_the_records() -> None:
    files = sorted(EVALUATE.glob("*.py"))
    assert {"e2e.py", "events.py", "plover.py", "quotes.py", "split.py"} <= {f.name for f in files}
    for path in files:
        allowed = ALLOWED + COMPONENT_ONLY.get(path.name, ())
        bad = [m for m in _dateline_imports(path) if not any(m == a or m.startswith(a + ".") for a in allowed)]
        assert not bad, f"{path.name} imports {bad}: evaluators score what dateline extract returns"


def test_the_import_scan_sees_every_form(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text("import dateline.events\nfrom dateline import nlp, pipeline\n"
                     "def f():\n    from dateline.events.taxonomy import best\n", encoding="utf-8")
    assert _dateline_imports(probe) == ["dateline.events", "dateline.nlp", "dateline.pipeline",
                                        "dateline.events.taxonomy"]


# Snippets written for these tests: the first happened event decides (a threat is left out).
SNIPPETS = [
    ("s1", "The rebels threatened to attack the town. On Friday soldiers clashed with the rebels near the town, "
           "killing four of them.", "ARMED_CLASH"),
    ("s2", "Gunmen abducted two aid workers from their car near Goma on Tuesday.", "ABDUCT_DISSAP"),
    ("s3", "Thousands of teachers marched through the capital on Monday to demand higher pay.", "PEACE_PROTEST"),
    ("s4", "An air strike hit a market in the north of the country, killing 9 civilians, officials said.", "AIR_STRIKE"),
    ("s5", "The city council approved the new budget on Tuesday after a long debate.", "AGREEMENT"),
]


def _first_happened(extraction: dict) -> dict | None:
    """The first-event rule, computed from `dateline extract` JSON alone."""
    happened = [e for e in extraction["events"]
                if e["modality"] not in ("threatened", "planned", "negated", "hypothetical", "denied")]
    return min(happened, key=lambda e: min(s["start"] for s in e["evidence"]["event_type"]), default=None)


@pytest.mark.slow
def test_eval_events_equals_dateline_extract_with_the_first_event_rule(tmp_path: Path) -> None:
    tsv = tmp_path / "case.tsv"
    tsv.write_text("id\tEventSnippet\tSubType\n" + "".join(f"{i}\t{t}\t{label}\n" for i, t, label in SNIPPETS)
                   + "s6\tA flood hit the valley.\tNATURAL_DISASTER\n", encoding="utf-8")
    out = CliRunner().invoke(main, ["eval", "events", str(tsv), "--json"])
    assert out.exit_code == 0, out.output
    result = json.loads(out.output)
    assert result["n"] == 5  # the non-ACLED label is not scored
    for i, text, _ in SNIPPETS:
        (tmp_path / f"{i}.txt").write_text(text, encoding="utf-8")
    extracted = CliRunner().invoke(main, ["extract", *(str(tmp_path / f"{i}.txt") for i, _, _ in SNIPPETS),
                                          "--format", "jsonl"])
    first = [_first_happened(json.loads(line)) for line in extracted.output.splitlines()]
    assert [item["pred"] for item in result["items"]] == [e["sub_event_type"] if e else "(none)" for e in first]
    assert [item["pred"] for item in result["items"]][:2] == ["Armed clash", "Abduction/forced disappearance"]
    assert result["items"][4]["pred"] == "(none)" and result["event_type_accuracy"] == 0.8
    test_part = json.loads(CliRunner().invoke(main, ["eval", "events", str(tsv), "--json", "--part", "test"]).output)
    assert [item["id"] for item in test_part["items"]] == [i for i, _, _ in SNIPPETS if part_of(i) == "test"]
    table = CliRunner().invoke(main, ["eval", "events", str(tsv)]).output
    assert "weighted F1" in table and "confusion" in table


@pytest.mark.slow
def test_eval_plover_types_each_sentence_by_its_first_happened_event(tmp_path: Path) -> None:
    records = [{"id": "DOC", "event": "DOCUMENT"},
               {"id": "p1", "event": "FIGHT", "text": SNIPPETS[0][1], "dead": "4"},
               {"id": "p2", "event": "PROTEST", "mode": "demo-org", "text": SNIPPETS[2][1]},
               {"id": "p3", "event": "AGREE", "text": SNIPPETS[4][1]}]
    path = tmp_path / "plover.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    out = CliRunner().invoke(main, ["eval", "plover", str(path), "--json"])
    assert out.exit_code == 0, out.output
    result = json.loads(out.output)
    assert [(i["gold"], i["pred"]) for i in result["items"]] == [
        ("ASSAULT", "ASSAULT"), ("PROTEST", "PROTEST"), ("AGREE", "(none)")]
    assert result["items"][0]["dead"] == 4 and result["mode_accuracy"] == 1.0 and result["dead_injured_exact"] == 1.0
    assert "type accuracy" in CliRunner().invoke(main, ["eval", "plover", str(path)]).output


@pytest.mark.slow
def test_eval_quotes_scores_the_claims_in_raw_text_words_across_repairs(tmp_path: Path) -> None:
    # a glued sentence and mojibake: the text stage repairs both, so offsets move and two words change
    raw = ('The mayor spoke in Ohio on Monday.Caf\u00c3\u00a9 owners were angry. '
           '"We don\u00e2\u20ac\u2122t want this plan," said Mary Jones, who runs a caf\u00c3\u00a9.')
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "town-hall.txt").write_text(raw, encoding="utf-8")

    def span(s: str) -> str:
        return f"{raw.index(s)} {raw.index(s) + len(s)}"

    content = 'We don\u00e2\u20ac\u2122t want this plan'
    (tmp_path / "attributions" / "town-hall_ab12.ann").write_text(
        f"T1\tSource {span('Mary Jones')}\tMary Jones\nT2\tCue {span('said')}\tsaid\n"
        f"T3\tContent {span(content)}\t{content}\nT4\tAttribution {span('said')}\tsaid\n"
        "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n", encoding="utf-8")
    out = CliRunner().invoke(main, ["eval", "quotes", str(tmp_path), "--json"])
    assert out.exit_code == 0, out.output
    result = json.loads(out.output)
    assert result["n"] == 1 and result["cue_f1_exact"] == 1.0 and result["relation_f1"] == 1.0
    roles = result["roles"]
    assert roles["content"]["p"] == 1.0 and roles["content"]["r"] == round(5 / 6, 4)  # the mojibake word is missed
    assert roles["source"]["r"] == 1.0 and roles["source"]["gold"] == roles["source"]["pred"] == 1
    empty = json.loads(CliRunner().invoke(main, ["eval", "quotes", str(tmp_path), "--json", "--part", "test"]).output)
    assert empty["n"] == (part_of("town-hall") == "test")


def test_e2e_scorer_agrees_with_the_reference_on_random_records(tmp_path: Path) -> None:
    """Many articles of records drawn from small pools, so that ties, near places and dates,
    ignorable gold and skipped modalities all occur together."""
    if not REFERENCE.exists():
        pytest.skip(f"{REFERENCE} not present")
    rng = random.Random(7)
    places = [KABUL, CHARIKAR, AFGHANISTAN, LONDON, {"latitude": None, "longitude": None, "geo_precision": 3}]
    countries = ["Afghanistan", "United Kingdom", "UK", "Hong Kong", "China", ""]
    kinds = [("Battles", "Armed clash"), ("Battles", "Government regains territory"),
             ("Violence against civilians", "Attack"), ("Protests", "Peaceful protest")]
    days = [None, "2021-08-01", "2021-08-02", "2021-08-03", "2021-08-06", "2021-08", "2021", "08/2021"]
    names = ["Taliban", "the Taliban", "ISIS", "Islamic State", "Sole Perpetrator (UK)",
             "Unidentified Armed Group (United Kingdom)", "Civilians (Hong Kong)", "Civilians (China)", ""]
    modalities = ["asserted", "claimed", "historical", "planned", "", None]

    def draw(gold: bool) -> dict:
        kind, sub = rng.choice(kinds)
        event = record(kind, sub, rng.choice(days), dict(rng.choice(places)), rng.choice(countries),
                       rng.choice(names), rng.choice(names), rng.choice([0, 0, 1, 2, 5]))
        if gold:
            event.update(background=rng.random() < 0.15, optional=rng.random() < 0.1,
                         fatalities_vague=rng.random() < 0.1)
        else:
            event["modality"] = rng.choice(modalities)
        return event

    gold = [article(f"r{i}", *(draw(True) for _ in range(rng.randint(0, 4))),
                    kind=rng.choice(["conflict", "general"])) for i in range(60)]
    pred = {a["doc_id"]: [draw(False) for _ in range(rng.randint(0, 5))] for a in gold}
    result = e2e.score_predictions(gold, pred)
    assert result["tp"] > 10 and result["ignored"] > 0 and result["fp"] > 10
    assert_agrees_with_reference(gold, pred, result, tmp_path)
