"""events stage: detect events, type them (ACLED, PLOVER), find actors, counts, modality."""
from __future__ import annotations

from dateline.records import Article


def detect(article: Article) -> None:
    """Fill ``article.events`` from sentences, places and dates."""
