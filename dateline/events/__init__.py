"""events stage: detect events, type them (ACLED, PLOVER), find actors, counts, modality.

Modules by concern: :mod:`taxonomy` (typed triggers and ACLED's hierarchy),
:mod:`actors` (the actor dictionary in ``data/actors.json``, extendable), 
:mod:`quantities` (typed numbers, ACLED's fatality rule), :mod:`modality`,
:mod:`detection` (puts them together with places and dates).
"""
from __future__ import annotations

from dateline.records import Article


def detect(article: Article) -> None:
    """Fill ``article.events`` from sentences, places and dates."""
    from dateline.events.detection import detect as _detect

    _detect(article)
