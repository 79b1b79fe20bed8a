"""geo stage: recognise toponyms and resolve them to the GeoNames gazetteer."""
from __future__ import annotations

from dateline.records import Article


def resolve(article: Article) -> None:
    """Fill ``article.places`` (and ``Entity.geonameid``) from the article's entities."""
