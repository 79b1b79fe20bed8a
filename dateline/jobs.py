"""Jobs that tie the stages together: read -> prepare -> extract -> store.

The CLI, the HTTP API and the batch engine all call these, so an article is treated
the same whichever door it came in by. Problems are handed to ``report.on_problem``
as they happen (the CLI prints them at once), so a run of millions of bad lines
neither waits nor holds them all in memory.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from dateline import text
from dateline.ingest import Incoming, IngestError, Item, read_bytes, read_paths
from dateline.pipeline import extract_documents
from dateline.records import Article, Document
from dateline.store import Store

#: Problems kept on the report for callers that return them (the API's answer, batch's files).
KEEP_PROBLEMS = 1000


@dataclass
class IngestReport:
    """What an ingest did: counts, and the first :data:`KEEP_PROBLEMS` errors and warnings by origin."""

    stored: int = 0
    skipped: int = 0  # already in the database (same content hash)
    events: int = 0
    claims: int = 0
    failed: int = 0  # every error, counted, even those not kept
    errors: list[IngestError] = field(default_factory=list)
    warnings: list[IngestError] = field(default_factory=list)
    on_problem: Callable[[IngestError], None] | None = None  # called as each problem happens

    def problem(self, problem: IngestError) -> None:
        """Count a problem, hand it to ``on_problem`` and keep it if there is room."""
        if not problem.warning:
            self.failed += problem.count
        if self.on_problem is not None:
            self.on_problem(problem)
        kept = self.warnings if problem.warning else self.errors
        if len(kept) < KEEP_PROBLEMS:
            kept.append(problem)


def prepare(items: Iterable[Item], report: IngestReport) -> Iterator[Document]:
    """Repaired documents from readers' items; errors go to the report.

    An article whose text is empty once its header is read (a file of ``date`` and
    ``title`` lines only) is an error, not a document; a publication date that is not
    a real date is dropped with a warning, and the article kept.
    """
    for item in items:
        if isinstance(item, IngestError):
            report.problem(item)
            continue
        try:
            document = to_document(item)
        except Exception as exc:  # noqa: BLE001 - one odd article never stops the run
            report.problem(IngestError(item.origin, f"cannot prepare the text: {exc!r}"[:500]))
            continue
        if not document.text.strip():
            report.problem(IngestError(item.origin, "no article text (only a header, or nothing left after repairs)"))
            continue
        for repair in document.repairs:
            if repair.kind == "date-dropped":
                report.problem(IngestError(item.origin, f"publication date {repair.before!r} is not a valid date; "
                                                        "kept the article without one", warning=True))
        yield document


def read_documents(paths: Iterable[str]) -> list[Document]:
    """Every readable article under ``paths``, repaired; what cannot be read is skipped.

    For benchmarks and evaluations, which need the texts in memory before a clock starts.
    """
    return list(prepare(read_paths(paths), IngestReport()))


def check_upload(name: str, data: bytes) -> tuple[list[Document], IngestReport]:
    """An upload's documents and problems, checked exactly as ``dateline ingest`` checks a file.

    The HTTP API refuses (422) an upload with any error or no article, so a body is
    judged by the same readers and text checks as the file it could have been.
    """
    report = IngestReport()
    return list(prepare(read_bytes(name, data), report)), report


def to_document(item: Incoming) -> Document:
    return text.prepare(item.text, published=item.published, url=item.url, title=item.title,
                        source=item.source, origin=item.origin)


def extract_items(items: Iterable[Item], report: IngestReport) -> Iterator[Article]:
    """Extract every readable article; a failure in one article is reported, not raised."""
    yield from extract_documents(prepare(items, report), on_error=_reporter(report))


def _reporter(report: IngestReport) -> Callable[[Article, Exception], None]:
    def failed(article: Article, exc: Exception) -> None:
        report.problem(IngestError(article.document.origin, f"extraction failed: {exc!r}"[:500]))

    return failed


def ingest_items(store: Store, items: Iterable[Item], tick: Callable[[], None] | None = None,
                 report: IngestReport | None = None) -> IngestReport:
    """Extract and store articles not stored yet; already-stored ones cost only a hash."""
    report = report or IngestReport()
    return ingest_documents(store, prepare(items, report), tick, report)


def ingest_documents(store: Store, documents: Iterable[Document], tick: Callable[[], None] | None = None,
                     report: IngestReport | None = None) -> IngestReport:
    """Extract and store prepared documents; one stored meanwhile by another process counts as already stored."""
    report = report or IngestReport()

    def new_only(documents: Iterable[Document]) -> Iterator[Document]:
        for document in documents:
            if store.has_document(document.doc_id):
                report.skipped += 1
                if tick:
                    tick()
                continue
            yield document

    for article in extract_documents(new_only(documents), on_error=_reporter(report)):
        try:
            added = store.add(article)
        except Exception as exc:  # one bad record must not stop the batch; it is reported
            report.problem(IngestError(article.document.origin, f"not stored: {exc!r}"[:500]))
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
