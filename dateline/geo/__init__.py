"""geo stage: recognise toponyms and resolve them to the GeoNames gazetteer.

Modules, lowest first: ``gazetteer`` (the store), ``candidates`` (the readings a
toponym's text can have), then ``recognition`` (which spans are places, a spaCy
component) and ``resolver`` (which reading each one is); the last two import
``candidates`` and never each other, and :func:`resolve` joins them.

Other stages import the country helpers from here: :func:`country_of_demonym`,
:func:`acled_region`, :func:`country_name`.
"""
from __future__ import annotations

from dateline.geo.countries import acled_region, country_name, country_of_demonym
from dateline.records import Article

__all__ = ["resolve", "acled_region", "country_name", "country_of_demonym"]


def resolve(article: Article) -> None:
    """Fill ``article.places`` (and ``Entity.geonameid``) from the article's entities:
    the toponyms recognition read from the parse, else the place entities."""
    from dateline.geo import resolver

    if article.nlp is None:
        resolver.resolve_article(article)
        return
    from dateline.geo.recognition import place_spans

    resolver.resolve_article_mentions(article, place_spans(article.nlp, article.document.text))
