"""Snippet-level typing: one label per snippet, the most specific event the rules find.

Used by ``dateline eval events`` (CASE 2021 gives one label per snippet). We measured a
trained alternative, a numpy multinomial logistic regression over words, word pairs and
the rules' hits: stratified 5-fold cross-validation on the CASE dev half gave weighted
F1 0.754, below the rules, so no model ships; the rules leave a trigger span as evidence.
"""
from __future__ import annotations

from dateline.events import taxonomy


def classify_snippet(text: str) -> str:
    """ACLED sub-event type of the most specific event in ``text`` ('' if none)."""
    found = taxonomy.best(text)
    return found.sub_event if found else ""
