"""`dateline eval events FILE`: ACLED sub-event typing on CASE 2021 task 2 snippets.

Subtask 1 keeps the rows whose label is one of ACLED's 25 sub-event types; each
snippet gets one label, the best event the events stage finds in it (the same typing
code the pipeline runs). Prints micro/macro/weighted F1, 6-way event_type accuracy
and a confusion table of event types.
"""
from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path
from typing import Any

from dateline.evaluate.split import select
from dateline.events import taxonomy

#: CASE 2021 label -> ACLED sub-event type (the five non-ACLED labels are left out).
CASE_TO_ACLED: dict[str, str] = {
    "ARMED_CLASH": "Armed clash", "GOV_REGAINS_TERIT": "Government regains territory",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "CHEM_WEAP": "Chemical weapon", "AIR_STRIKE": "Air/drone strike", "SUIC_BOMB": "Suicide bomb",
    "ART_MISS_ATTACK": "Shelling/artillery/missile attack", "REM_EXPLOS": "Remote explosive/landmine/IED",
    "GRENADE": "Grenade", "SEX_VIOL": "Sexual violence", "ATTACK": "Attack",
    "ABDUCT_DISSAP": "Abduction/forced disappearance", "PEACE_PROTEST": "Peaceful protest",
    "PROTEST_WITH_INTER": "Protest with intervention", "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "VIOL_DEMONSTR": "Violent demonstration", "MOB_VIOL": "Mob violence", "AGREEMENT": "Agreement",
    "ARREST": "Arrests", "CHANGE_TO_GROUP_ACT": "Change to group/activity",
    "DISR_WEAP": "Disrupted weapons use", "HQ_ESTABLISHED": "Headquarters or base established",
    "PROPERTY_DISTRUCT": "Looting/property destruction",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory", "OTHER": "Other",
}
NONE = "(none)"


def read(path: str | Path) -> list[tuple[str, str, str]]:
    """(id, snippet, ACLED sub-event type) for subtask-1 rows."""
    with open(path, encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [(r["id"], r["EventSnippet"], CASE_TO_ACLED[r["SubType"]])
                for r in rows if r.get("SubType") in CASE_TO_ACLED]


def predict(snippet: str) -> str:
    """The sub-event type of a snippet's best event, or NONE when it has none."""
    from dateline.events.classifier import classify_snippet

    return classify_snippet(snippet) or NONE


def score(path: str, limit: int | None = None, part: str = "all", **_: Any) -> dict[str, Any]:
    rows = select(read(path), lambda row: row[0], part)
    rows = rows[:limit] if limit else rows
    gold = [label for _, _, label in rows]
    pred = [predict(text) for _, text, _ in rows]
    result = f1_scores(gold, pred)
    etype = [taxonomy.ACLED.get(p, (NONE,))[0] for p in pred]
    gtype = [taxonomy.ACLED[g][0] for g in gold]
    result["event_type_accuracy"] = sum(a == b for a, b in zip(gtype, etype)) / max(1, len(gold))
    result["confusion"] = {g: dict(Counter(p for gg, p in zip(gtype, etype) if gg == g)) for g in sorted(set(gtype))}
    result["n"] = len(gold)
    return result


def f1_scores(gold: list[str], pred: list[str]) -> dict[str, Any]:
    """Micro, macro and support-weighted F1 over the gold labels (sklearn's definitions)."""
    labels = sorted(set(gold))
    per: dict[str, dict[str, float]] = {}
    for label in labels:
        tp = sum(g == label and p == label for g, p in zip(gold, pred))
        fp = sum(g != label and p == label for g, p in zip(gold, pred))
        fn = sum(g == label and p != label for g, p in zip(gold, pred))
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per[label] = {"precision": prec, "recall": rec, "f1": f1, "support": tp + fn}
    n = len(gold)
    tp_all = sum(g == p for g, p in zip(gold, pred))
    return {
        "micro_f1": tp_all / n if n else 0.0,
        "macro_f1": sum(v["f1"] for v in per.values()) / max(1, len(per)),
        "weighted_f1": sum(v["f1"] * v["support"] for v in per.values()) / max(1, n),
        "per_label": per,
    }


def render(result: dict[str, Any]) -> str:
    lines = [f"CASE 2021 subtask 1 (ACLED sub-event types), n={result['n']}",
             f"  weighted F1 {result['weighted_f1']:.3f}   macro F1 {result['macro_f1']:.3f}   "
             f"micro F1 {result['micro_f1']:.3f}   event_type accuracy {result['event_type_accuracy']:.3f}", "",
             f"  {'sub-event type':<40} {'P':>5} {'R':>5} {'F1':>5} {'n':>4}"]
    for label, v in sorted(result["per_label"].items()):
        lines.append(f"  {label:<40} {v['precision']:5.2f} {v['recall']:5.2f} {v['f1']:5.2f} {v['support']:4d}")
    cols = sorted({p for row in result["confusion"].values() for p in row})
    lines += ["", "  event_type confusion (rows gold, columns predicted):",
              "  " + " " * 28 + " ".join(f"{c[:10]:>10}" for c in cols)]
    for gold, row in result["confusion"].items():
        lines.append(f"  {gold[:28]:<28}" + " ".join(f"{row.get(c, 0):>10}" for c in cols))
    return "\n".join(lines)
