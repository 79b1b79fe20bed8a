"""What ``dateline extract`` returns, for the evaluators: texts through the one pipeline.

Every evaluator scores these records and nothing else, so an accuracy figure is always
a figure of the product. Sentence-level gold (a CASE snippet, a PLOVER sentence) has
one label; the product's label for it is its first event in text order that it says
took place: events it codes as threatened, planned, negated, hypothetical or denied
are left out (a historical event still happened and counts).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from dateline.pipeline import extract_documents, prepare
from dateline.records import Article, Event

#: Modalities of events the text does not report as having happened.
NOT_HAPPENED = frozenset({"threatened", "planned", "negated", "hypothetical", "denied"})


def extract_texts(texts: Iterable[str]) -> Iterator[Article]:
    """One extracted article per text, in order: ``pipeline.prepare`` then ``pipeline.extract_documents``."""
    return extract_documents(prepare(text) for text in texts)


def position(event: Event) -> int:
    """Where the event is told: the start of its type's evidence (its trigger), else of its notes."""
    spans = event.evidence.get("event_type") or event.evidence.get("notes") or []
    return min((span.start for span in spans), default=0)


def first_event(article: Article) -> Event | None:
    """The article's first event in text order that happened (see NOT_HAPPENED)."""
    happened = [e for e in article.events if e.modality not in NOT_HAPPENED]
    return min(happened, key=position, default=None)
