"""claims stage: quotes and reported claims, their speakers and who disputes them."""
from __future__ import annotations

from dateline.records import Article


def extract(article: Article) -> None:
    """Fill ``article.claims``; link claims of responsibility to ``article.events``."""
