"""Jobs that tie the stages together: read -> prepare -> extract -> store.

The CLI, the HTTP API and the batch engine all call these, so an article is treated
the same whichever door it came in by.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from dateline import text
from dateline.ingest import Incoming, IngestError, Item, read_paths
from dateline.pipeline import extract_documents
from dateline.records import Article, Document
from dateline.store import Store


@dataclass
class IngestReport:
    """What an ingest did: counts and every error, by origin."""

    stored: int = 0
    skipped: int = 0  # already in the database (same content hash)
    events: int = 0
    claims: int = 0
    errors: list[IngestError] = field(default_factory=list)
    warnings: list[IngestError] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.errors)


def prepare(items: Iterable[Item], report: IngestReport) -> Iterator[Document]:
    """Repaired documents from readers' items; errors go to the report."""
    for item in items:
        if isinstance(item, IngestError):
            (report.warnings if item.warning else report.errors).append(item)
            continue
        yield to_document(item)


def read_documents(paths: Iterable[str]) -> list[Document]:
    """Every readable article under ``paths``, repaired; what cannot be read is skipped.

    For benchmarks and evaluations, which need the texts in memory before a clock starts.
    """
    return list(prepare(read_paths(paths), IngestReport()))


def to_document(item: Incoming) -> Document:
    return text.prepare(item.text, published=item.published, url=item.url, title=item.title,
                        source=item.source, origin=item.origin)


def extract_items(items: Iterable[Item], report: IngestReport) -> Iterator[Article]:
    """Extract every readable article; a failure in one article is reported, not raised."""
    yield from extract_documents(prepare(items, report), on_error=_reporter(report))


def _reporter(report: IngestReport) -> Callable[[Article, Exception], None]:
    def failed(article: Article, exc: Exception) -> None:
        report.errors.append(IngestError(article.document.origin, f"extraction failed: {exc!r}"))

    return failed


def ingest_items(store: Store, items: Iterable[Item],
                 tick: Callable[[], None] | None = None) -> IngestReport:
    """Extract and store articles not stored yet; already-stored ones cost only a hash."""
    report = IngestReport()

    def new_only(documents: Iterable[Document]) -> Iterator[Document]:
        for document in documents:
            if store.has_document(document.doc_id):
                report.skipped += 1
                if tick:
                    tick()
                continue
            yield document

    for article in extract_documents(new_only(prepare(items, report)), on_error=_reporter(report)):
        try:
            added = store.add(article)
        except Exception as exc:  # one bad record must not stop the batch; it is reported
            report.errors.append(IngestError(article.document.origin, f"not stored: {exc!r}"))
            continue
        if added:
            report.stored += 1
            report.events += len(article.events)
            report.claims += len(article.claims)
        else:
            report.skipped += 1
        if tick:
            tick()
    return report
