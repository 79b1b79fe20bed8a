"""Modality: is the event asserted, claimed, denied, threatened, planned, negated,
hypothetical or historical background?

Cues are read in the clause around the trigger (the text from the previous clause
break to the next), so "warning of more attacks" makes the attacks a threat while
the attack reported in the same sentence stays asserted. Historical comes from the
dates stage (a date mention flagged historical in the sentence) or from background
cues ("last year", "was to", "in 2020" in a 2021 article). The cues are rules,
``rules/modality.jsonl``.
"""
from __future__ import annotations

import re

from dateline import rules

STAGE = "events.modality"
#: the modalities a cue can give, in the order they are tried (``rules/modality.jsonl``)
LABELS: tuple[str, ...] = ("negated", "threatened", "denied", "claimed", "planned", "hypothetical")
HISTORICAL = rules.Live(STAGE, "historical")
BIOGRAPHY = rules.Live(STAGE, "biography")
_TIME_AFTER = rules.Live(STAGE, "time_after")
_CLAUSE = re.compile(r"[,;:()\u2014]|\b(?:while|whereas|but|however|and then)\b", re.I)


def clause(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """The clause of ``text[lo:hi]`` (a sentence) holding ``[start, end)``."""
    left = lo
    for m in _CLAUSE.finditer(text, lo, start):
        left = m.end()
    right_match = _CLAUSE.search(text, end, hi)
    return left, (right_match.start() if right_match else hi)


def modality(text: str, start: int, end: int, lo: int, hi: int, *,
             historical: bool = False, year: int | None = None) -> tuple[str, tuple[int, int] | None]:
    """(modality, cue span or None) of the trigger at ``[start, end)`` in sentence ``[lo, hi)``."""
    c_lo, c_hi = clause(text, start, end, lo, hi)
    # cues before the trigger in its clause, or a threat/denial verb governing it
    before = (c_lo, end)
    for label in LABELS:
        pattern = rules.regex(STAGE, label)
        window = (c_lo, c_hi) if label in {"negated"} else before
        for m in pattern.finditer(text, *window):
            if label == "negated" and not _negates(text, m.end(), start, end):
                continue
            return label, (m.start(), m.end())
    purpose = rules.regex(STAGE, "purpose").search(text, c_lo, start)
    if purpose and _PURPOSE_DEEDS.match(text, start, end):  # 'entered the camp to detain a suspect'
        return "planned", (purpose.start(), purpose.end())
    appeal = rules.regex(STAGE, "appeal").search(text, lo, start)
    if appeal:  # 'elders urged the two clans to give up their rifles'
        return "hypothetical", (appeal.start(), appeal.end())
    after = _NOT_AFTER.match(text, end, min(c_hi, end + 40))
    if after:  # "protests were not reported", "the attack did not happen"
        return "negated", (after.start(1), after.end(1))
    planned = rules.regex(STAGE, "planned_after").match(text, end, min(c_hi, end + 40))
    if planned:  # "a march is planned for Friday"
        return "planned", (planned.start(), planned.end())
    if historical:
        return "historical", None
    # background cues before the trigger in its clause, or a time phrase right after it
    for m in HISTORICAL.finditer(text, c_lo, min(c_hi, end + 30)):
        if m.start() > end and not _TIME_AFTER.match(m.group(0)):
            continue
        if m.group(0).lower() == "had been" and _REPORTED.search(text, lo, m.start()):
            continue  # 'he said ... militants had been killed': reported speech shifts the tense back
        if year is None or not _same_year(m.group(0), year):
            return "historical", (m.start(), m.end())
    return "asserted", None


#: deeds a purpose ('to ...') can name without their being done; 'moved in to disperse' is
#: how news tells a dispersal that happened
_PURPOSE_DEEDS = rules.Live("events.modality", "purpose_deed")

#: verbs of reporting: after them 'had been' is the reported tense, not the distant past
_REPORTED = re.compile(r"\b(?:said|says|told|tells|added|reported|know|knew|confirmed|stated)\b", re.I)

_NOT_AFTER = re.compile(r"\s+(?:(?:are|were|was|is|has|have|had|did|does|do)\s+)(not|never)\s+(?:been\s+)?(?:reported|held|seen|confirmed|happen\w*|take place|took place|occur\w*|carried out)\b", re.I)


def _negates(text: str, cue_end: int, start: int, end: int) -> bool:
    """A negation counts only right before the trigger ("was not injured", "no attack")."""
    between = text[cue_end:start] if cue_end <= start else ""
    return cue_end <= start and len(between.split()) <= 3


def _same_year(cue: str, year: int) -> bool:
    found = re.search(r"(?:19|20)\d\d", cue)
    return bool(found) and int(found.group(0)) >= year
