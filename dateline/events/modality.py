"""Modality: is the event asserted, claimed, denied, threatened, planned, negated,
hypothetical or historical background?

Cues are read in the clause around the trigger (the text from the previous clause
break to the next), so "warning of more attacks" makes the attacks a threat while
the attack reported in the same sentence stays asserted. Historical comes from the
dates stage (a date mention flagged historical in the sentence) or from background
cues ("last year", "was to", "in 2020" in a 2021 article).
"""
from __future__ import annotations

import re

CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("threatened", re.compile(r"\b(?:threat\w*|warn\w* (?:of|that|against)|vow\w* to|ultimatum|will (?:face|pay)|or else)\b", re.I)),
    ("denied", re.compile(r"\b(?:den(?:y|ied|ies|ying|ial)|rejected (?:claims|reports)|dismissed (?:claims|reports)|refuted|false claims)\b", re.I)),
    ("claimed", re.compile(r"\b(?:claim\w*|alleg\w*|purported\w*|reportedly|said to have)\b", re.I)),
    ("planned", re.compile(r"\b(?:plan(?:s|ned|ning)? to|will\b|to be held|intend\w* to|seek(?:s|ing)? to|tr(?:y|ies|ying) to|hop(?:e|es|ing) to|want(?:s|ing)? to|prepar\w* to|schedul\w*|is set to|are set to|upcoming|expected to|aim(?:ed|s|ing)? (?:at|to))\b", re.I)),
    ("hypothetical", re.compile(r"\b(?:if|could|would|might|may|unless|in case|possible|possibly)\b", re.I)),
    ("negated", re.compile(r"\b(?:not|no|never|without|neither|nor|failed to)\b", re.I)),
)
HISTORICAL = re.compile(
    r"\b(?:last year|years? ago|in the past|previously|formerly|former|originally|was to|were to"
    r"|had been|for years|back in|at the time|earlier this year|in (?:19|20)\d\d|decades?)\b", re.I)
BIOGRAPHY = re.compile(r"\b(?:for years|originally|formerly|previously|used to|years ago|in the past|served as|once a)\b", re.I)
_TIME_AFTER = re.compile(r"last year|years? ago|in (?:19|20)\d\d|back in|at the time|earlier this year", re.I)
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
    for label, pattern in CUES:
        window = (c_lo, c_hi) if label in {"negated"} else before
        for m in pattern.finditer(text, *window):
            if label == "negated" and not _negates(text, m.end(), start, end):
                continue
            return label, (m.start(), m.end())
    after = _NOT_AFTER.match(text, end, min(c_hi, end + 40))
    if after:  # "protests were not reported", "the attack did not happen"
        return "negated", (after.start(1), after.end(1))
    if historical:
        return "historical", None
    # background cues before the trigger in its clause, or a time phrase right after it
    for m in HISTORICAL.finditer(text, c_lo, min(c_hi, end + 30)):
        if m.start() > end and not _TIME_AFTER.match(m.group(0)):
            continue
        if year is None or not _same_year(m.group(0), year):
            return "historical", (m.start(), m.end())
    return "asserted", None


_NOT_AFTER = re.compile(r"\s+(?:(?:are|were|was|is|has|have|had|did|does|do)\s+)(not|never)\s+(?:been\s+)?(?:reported|held|seen|confirmed|happen\w*|take place|took place|occur\w*|carried out)\b", re.I)


def _negates(text: str, cue_end: int, start: int, end: int) -> bool:
    """A negation counts only right before the trigger ("was not injured", "no attack")."""
    between = text[cue_end:start] if cue_end <= start else ""
    return cue_end <= start and len(between.split()) <= 3


def _same_year(cue: str, year: int) -> bool:
    found = re.search(r"(?:19|20)\d\d", cue)
    return bool(found) and int(found.group(0)) >= year
