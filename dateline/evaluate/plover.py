"""`dateline eval plover FILE`: PLOVER typing, mode and counts on the PLOVER gold sentences.

Each sentence goes through ``dateline extract`` (dateline.evaluate.product); its label is
the ``plover_type`` of its first event in text order that happened (threatened, planned,
negated, hypothetical and denied events are left out), or none. The first record
documents the file and is skipped. Gold names are PLOVER 0.5; we map them to 2.0
(DEMAND->REQUEST, DISAPPROVE/INVESTIGATE->ACCUSE, FIGHT->ASSAULT).
Scores: type accuracy and macro-F1 over the 16 types; dead/injured exact match (the
event's fatalities and its lowest injured count; a missing count is 0); mode accuracy
over the sentences whose gold gives a mode (a wrong type is a wrong mode), with 0.5's
protest modes renamed (demo-org/demo-spon -> demo, riot-spon -> riot, strike-hun ->
hunger, strike-gen -> strike). The product codes actors with ACLED names, not PLOVER's
country codes, so actors are not scored here (``dateline eval e2e`` scores them).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from dateline.evaluate.events import f1_scores
from dateline.evaluate.product import extract_texts, first_event
from dateline.evaluate.split import select
from dateline.records import Event

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
RENAME = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
MODE_RENAME = {"demo-org": "demo", "demo-spon": "demo", "riot-spon": "riot", "strike-hun": "hunger",
               "strike-gen": "strike"}
NONE = "(none)"


def read(path: str | Path) -> list[dict[str, Any]]:
    """The gold sentences (the DOCUMENT record is left out), each with its split key in ``_key``."""
    records = json.loads(Path(path).read_text("utf-8"))
    return [{**r, "_key": str(r.get("id") or i)} for i, r in enumerate(records)
            if r.get("event") not in (None, "DOCUMENT")]


def _count(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _injured(event: Event | None) -> int:
    values = [_count(q.get("value")) for q in (event.quantities if event else []) if q.get("kind") == "injured"]
    return min(values, default=0)


def score(path: str, limit: int | None = None, part: str = "all", **_: Any) -> dict[str, Any]:
    """PLOVER type accuracy and macro-F1, mode accuracy and dead/injured of ``dateline extract``."""
    rows = select(read(path), lambda row: row["_key"], part)
    rows = rows[:limit] if limit else rows
    gold, pred, items = [], [], []
    counts_ok = modes = modes_ok = 0
    for row, article in zip(rows, extract_texts(row["text"].strip("{} ") for row in rows)):
        event = first_event(article)
        gold.append(RENAME.get(row["event"], row["event"]))
        pred.append(event.plover_type or NONE if event else NONE)
        if row.get("mode"):
            modes += 1
            modes_ok += bool(event and pred[-1] == gold[-1]
                             and event.plover_mode == MODE_RENAME.get(row["mode"], row["mode"]))
        dead = (event.fatalities or 0) if event else 0
        counts_ok += dead == _count(row.get("dead")) and _injured(event) == _count(row.get("injured"))
        items.append({"id": row["_key"], "gold": gold[-1], "pred": pred[-1],  # for reading the errors
                      "mode": event.plover_mode if event else "", "dead": dead, "injured": _injured(event)})
    f1 = f1_scores(gold, pred)
    per = f1["per_label"]
    macro = sum(per[t]["f1"] for t in PLOVER_TYPES if t in per) / max(1, sum(t in per for t in PLOVER_TYPES))
    return {
        "accuracy": f1["micro_f1"], "macro_f1": macro,
        "dead_injured_exact": counts_ok / max(1, len(rows)),
        "mode_accuracy": modes_ok / max(1, modes), "n_modes": modes,
        "per_label": per, "n": len(rows), "items": items,
    }


def render(result: dict[str, Any]) -> str:
    lines = [f"PLOVER gold sentences, n={result['n']}",
             f"  type accuracy {result['accuracy']:.3f}   macro F1 {result['macro_f1']:.3f}   "
             f"dead/injured exact {result['dead_injured_exact']:.3f}   "
             f"mode accuracy {result['mode_accuracy']:.3f} (n={result['n_modes']})", "",
             f"  {'type':<10} {'P':>5} {'R':>5} {'F1':>5} {'n':>4}"]
    for label, v in sorted(result["per_label"].items()):
        lines.append(f"  {label:<10} {v['precision']:5.2f} {v['recall']:5.2f} {v['f1']:5.2f} {v['support']:4d}")
    return "\n".join(lines)
