"""`dateline eval events FILE`: ACLED sub-event typing on CASE 2021 task 2 snippets.

Subtask 1 keeps the rows whose label is one of ACLED's 25 sub-event types. Each snippet
goes through ``dateline extract`` (dateline.evaluate.product) and gets the sub-event type
of its first event in text order that happened (threatened, planned, negated,
hypothetical and denied events are left out), or none. Prints micro/macro/weighted F1,
6-way event_type accuracy (the event's own event_type) and a confusion table of event
types.
"""
from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path
from typing import Any

from dateline.evaluate.product import extract_texts, first_event
from dateline.evaluate.split import select

#: ACLED's taxonomy: event type -> its sub-event types.
ACLED_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": ("Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": ("Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"),
}
EVENT_TYPE_OF: dict[str, str] = {sub: kind for kind, subs in ACLED_TYPES.items() for sub in subs}

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


def predict(snippets: list[str]) -> list[tuple[str, str]]:
    """(event_type, sub_event_type) of each snippet's first event that happened, NONE when it has none."""
    out = []
    for article in extract_texts(snippets):
        event = first_event(article)
        out.append((event.event_type, event.sub_event_type) if event else (NONE, NONE))
    return out


def score(path: str, limit: int | None = None, part: str = "all", **_: Any) -> dict[str, Any]:
    """Subtask-1 F1 over sub-event types and 6-way event_type accuracy of ``dateline extract``."""
    rows = select(read(path), lambda row: row[0], part)
    rows = rows[:limit] if limit else rows
    gold = [label for _, _, label in rows]
    predicted = predict([text for _, text, _ in rows])
    pred = [sub for _, sub in predicted]
    result = f1_scores(gold, pred)
    etype = [kind for kind, _ in predicted]
    gtype = [EVENT_TYPE_OF[g] for g in gold]
    result["event_type_accuracy"] = sum(a == b for a, b in zip(gtype, etype)) / max(1, len(gold))
    result["confusion"] = {g: dict(Counter(p for gg, p in zip(gtype, etype) if gg == g)) for g in sorted(set(gtype))}
    result["n"] = len(gold)
    result["items"] = [{"id": row[0], "gold": g, "pred": p, "event_type": t}  # for reading the errors
                       for row, g, p, t in zip(rows, gold, pred, etype)]
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
