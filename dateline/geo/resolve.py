"""Toponym resolution (being built)."""
from __future__ import annotations

from dateline.records import Article


def resolve_article(article: Article) -> None:
    """Placeholder until the gazetteer lands."""
