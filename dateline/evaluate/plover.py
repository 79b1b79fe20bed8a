"""`dateline eval plover FILE`: PLOVER typing, actors and counts on the PLOVER gold sentences.

The first record documents the file and is skipped. Gold names are PLOVER 0.5; we
map them to 2.0 (DEMAND->REQUEST, DISAPPROVE/INVESTIGATE->ACCUSE, FIGHT->ASSAULT).
Scores: type accuracy and macro-F1 over the 16 types; source/target country-code F1
(micro, over (role, code) pairs); dead/injured exact match (a missing count is 0);
mode accuracy over the sentences whose gold gives a mode (a wrong type is a wrong mode),
with 0.5's protest modes renamed (demo-org/demo-spon -> demo, riot-spon -> riot,
strike-hun -> hunger, strike-gen -> strike).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from dateline.evaluate.events import f1_scores
from dateline.evaluate.split import select
from dateline.events import plover, quantities

RENAME = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
MODE_RENAME = {"demo-org": "demo", "demo-spon": "demo", "riot-spon": "riot", "strike-hun": "hunger",
               "strike-gen": "strike"}


def read(path: str | Path) -> list[dict[str, Any]]:
    """The gold sentences (the DOCUMENT record is left out), each with its split key in ``_key``."""
    records = json.loads(Path(path).read_text("utf-8"))
    return [{**r, "_key": str(r.get("id") or i)} for i, r in enumerate(records)
            if r.get("event") not in (None, "DOCUMENT")]


def _gold_codes(value: Any) -> set[str]:
    if not value:
        return set()
    items = value if isinstance(value, list) else [value]
    return {a.get("code", "") for a in items if isinstance(a, dict) and a.get("code")}


def _count(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def score(path: str, limit: int | None = None, part: str = "all", **_: Any) -> dict[str, Any]:
    rows = select(read(path), lambda row: row["_key"], part)
    rows = rows[:limit] if limit else rows
    gold, pred = [], []
    tp = fp = fn = 0
    counts_ok = modes = modes_ok = 0
    for row in rows:
        text = row["text"].strip("{} ")
        cue = plover.classify(text)
        gold.append(RENAME.get(row["event"], row["event"]))
        pred.append(cue.kind if cue else "(none)")
        if row.get("mode"):
            modes += 1
            found = plover.mode(cue.kind, text, near=cue.start) if cue and cue.kind == gold[-1] else None
            modes_ok += found is not None and found[0] == MODE_RENAME.get(row["mode"], row["mode"])
        src, tgt = plover.actors(text, cue)
        got = {("s", c) for c in src} | {("t", c) for c in tgt}
        want = {("s", c) for c in _gold_codes(row.get("source"))} | {("t", c) for c in _gold_codes(row.get("target"))}
        tp, fp, fn = tp + len(got & want), fp + len(got - want), fn + len(want - got)
        found = quantities.find(text)
        dead = quantities.fatalities(found) or 0
        injured = min((q["value"] for q in found if q["kind"] == "injured"), default=0)
        counts_ok += dead == _count(row.get("dead")) and injured == _count(row.get("injured"))
    f1 = f1_scores(gold, pred)
    labels = [t for t in plover.PLOVER_TYPES]
    per = f1["per_label"]
    macro = sum(per[t]["f1"] for t in labels if t in per) / max(1, sum(t in per for t in labels))
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return {
        "accuracy": f1["micro_f1"], "macro_f1": macro,
        "actor_f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0,
        "actor_precision": prec, "actor_recall": rec,
        "dead_injured_exact": counts_ok / max(1, len(rows)),
        "mode_accuracy": modes_ok / max(1, modes), "n_modes": modes,
        "per_label": per, "n": len(rows),
    }


def render(result: dict[str, Any]) -> str:
    lines = [f"PLOVER gold sentences, n={result['n']}",
             f"  type accuracy {result['accuracy']:.3f}   macro F1 {result['macro_f1']:.3f}   "
             f"actor code F1 {result['actor_f1']:.3f} (P {result['actor_precision']:.3f} R {result['actor_recall']:.3f})   "
             f"dead/injured exact {result['dead_injured_exact']:.3f}   "
             f"mode accuracy {result['mode_accuracy']:.3f} (n={result['n_modes']})", "",
             f"  {'type':<10} {'P':>5} {'R':>5} {'F1':>5} {'n':>4}"]
    for label, v in sorted(result["per_label"].items()):
        lines.append(f"  {label:<10} {v['precision']:5.2f} {v['recall']:5.2f} {v['f1']:5.2f} {v['support']:4d}")
    return "\n".join(lines)
