"""events stage: detect events, type them (ACLED, PLOVER), find actors, counts, modality.

Modules by concern: :mod:`taxonomy` (typed triggers and ACLED's hierarchy),
:mod:`actors` (the actor dictionary in ``data/actors.json``, extendable), 
:mod:`quantities` (typed numbers, ACLED's fatality rule), :mod:`modality`;
per field of an event: :mod:`filters` (which triggers report a deed), :mod:`mentions`
(one event told in several sentences, its numbers), :mod:`place`, :mod:`roles` (actors
and coreference), :mod:`timing` (dates); :mod:`detection` puts them together. Who
claimed or disputed an event is written onto it by the claims stage (``claims.links``).
"""
from __future__ import annotations

from dateline.records import Article


def detect(article: Article) -> None:
    """Fill ``article.events`` from sentences, places and dates."""
    from dateline.events.detection import detect as _detect

    _detect(article)
