"""What `dateline eval` prints for the shipped pipeline on the gold files in ../shared/eval.

Slow: it runs the whole pipeline over every dev file.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.evaluate import e2e
from tests.conftest import SHARED as _SHARED

SHARED = _SHARED if _SHARED.exists() else Path(os.environ.get("DATELINE_SHARED", "/work/shared"))
EVAL = SHARED / "eval"
E2E = EVAL / "e2e" / "dev.jsonl"

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not EVAL.exists(), reason=f"{EVAL} not present")]


@pytest.fixture(scope="module")
def e2e_run() -> tuple[list[dict], dict[str, list[dict]]]:
    """The e2e gold articles and the pipeline's event records for them."""
    gold = e2e.read(E2E)
    return gold, e2e.predict(gold)


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
