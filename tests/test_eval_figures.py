"""What `dateline eval` measures for the shipped pipeline on the dev files in ../shared/eval.

A regression beyond TOLERANCE fails here. Slow: it runs the whole pipeline over every
dev file (about 2.5 minutes on 2 cores).
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from dateline.evaluate import e2e, events, geo, plover, quotes
from tests.conftest import SHARED

EVAL = SHARED / "eval"
E2E = EVAL / "e2e" / "dev.jsonl"

# When a change moves a figure (better or, with a reason, worse), update it here and in the README.
EXPECTED: dict[str, dict[str, float]] = {
    "e2e": {"event_precision": 0.703, "event_recall": 0.722, "event_f1": 0.712, "strict_f1": 0.356},
    "events": {"weighted_f1": 0.792, "event_type_accuracy": 0.832},
    "plover": {"accuracy": 0.160},
    "quotes": {"source_f1": 0.728},
    "geo lgl": {"acc161": 0.827, "exact_id": 0.770},
    "geo lgl --gold-spans": {"acc161": 0.905, "exact_id": 0.835},
    "geo GeoVirus": {"acc161": 0.842},
}
GEO = {"geo lgl": ("lgl-dev.xml", False), "geo lgl --gold-spans": ("lgl-dev.xml", True),
       "geo GeoVirus": ("GeoVirus.xml", False)}
TOLERANCE = 0.02

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not EVAL.exists(), reason=f"{EVAL} not present")]


@pytest.fixture(scope="module")
def e2e_run() -> tuple[list[dict], dict[str, list[dict]]]:
    """The e2e gold articles and the pipeline's event records for them."""
    gold = e2e.read(E2E)
    return gold, e2e.predict(gold)


def _measure(name: str, e2e_run: Any) -> dict[str, Any]:
    if name == "e2e":
        return e2e.score_predictions(*e2e_run)  # what `dateline eval e2e` computes, without a second run
    if name in GEO:
        file, gold_spans = GEO[name]
        return geo.score(str(EVAL / "geoparsing" / file), gold_spans=gold_spans)
    path = {"events": EVAL / "case2021-acled" / "dev.tsv", "plover": EVAL / "plover-gsr" / "dev.json",
            "quotes": EVAL / "polnear" / "dev"}[name]
    return {"events": events, "plover": plover, "quotes": quotes}[name].score(str(path))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_eval_figures_hold(name: str, e2e_run) -> None:
    result = _measure(name, e2e_run)
    measured = {key: round(result[key], 3) for key in EXPECTED[name]}
    off = {key: (value, EXPECTED[name][key]) for key, value in measured.items()
           if abs(value - EXPECTED[name][key]) > TOLERANCE}
    assert not off, f"dateline eval {name}: measured {measured}, expected {EXPECTED[name]} ± {TOLERANCE}"


def test_e2e_scorer_agrees_with_the_reference_on_the_pipelines_records(e2e_run, tmp_path: Path) -> None:
    gold, predicted = e2e_run
    pred_file = tmp_path / "pred.jsonl"
    pred_file.write_text("".join(json.dumps({"doc_id": k, "events": v}) + "\n" for k, v in predicted.items()),
                         encoding="utf-8")
    out = subprocess.run([sys.executable, str(EVAL / "e2e" / "score.py"), str(E2E), str(pred_file), "--json"],
                         capture_output=True, text=True, check=True)
    reference, ours = json.loads(out.stdout), e2e.score_predictions(gold, predicted)
    assert list(ours) == list(reference)
    assert all(abs(ours[k] - reference[k]) <= 0.01 for k in reference), (ours, reference)
    assert ours["n_pred"] > 0 and ours["tp"] > 0
