"""dateline: news reports of armed conflict in, sourced and geocoded event records out.

    >>> import dateline
    >>> article = dateline.extract(text, published="2021-08-03")
    >>> article.events[0].event_type
    >>> db = dateline.connect("dateline.db")
"""
from __future__ import annotations

from typing import Any

__all__ = ["extract", "connect", "__version__"]
__version__ = "0.1.0"


def extract(text: str, **metadata: Any) -> Any:
    """Extract one article: ``published``, ``url``, ``title``, ``source`` are keyword options."""
    from dateline.pipeline import extract as _extract

    return _extract(text, **metadata)


def connect(url: str = "dateline.db") -> Any:
    """Open the event store (SQLite path or URL by default; ``postgresql://...`` too)."""
    from dateline.store import connect as _connect

    return _connect(url)
