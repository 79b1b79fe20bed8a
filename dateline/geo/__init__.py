"""geo stage: recognise toponyms and resolve them to the GeoNames gazetteer.

Other stages import the country helpers from here: :func:`country_of_demonym`,
:func:`acled_region`, :func:`country_name`.
"""
from __future__ import annotations

from dateline.geo.countries import acled_region, country_name, country_of_demonym
from dateline.records import Article

__all__ = ["resolve", "acled_region", "country_name", "country_of_demonym"]


def resolve(article: Article) -> None:
    """Fill ``article.places`` (and ``Entity.geonameid``) from the article's entities."""
    from dateline.geo.resolver import resolve_article

    resolve_article(article)
