"""Snippet-level typing: the rules' best event."""
from __future__ import annotations

from dateline.events import taxonomy


def classify_snippet(text: str) -> str:
    """ACLED sub-event type of the most specific event in ``text`` ('' if none)."""
    found = taxonomy.best(text)
    return found.sub_event if found else ""
