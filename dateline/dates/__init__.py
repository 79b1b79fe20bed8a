"""dates stage: resolve time expressions ("Tuesday night", "last year") to dates."""
from __future__ import annotations

from dateline.records import Article


def resolve(article: Article) -> None:
    """Fill ``article.dates`` from DATE/TIME entities, anchored on the publication date."""
