"""What the CLI commands print: JSON for machines, short tables for people."""
from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Sequence
from typing import Any

import click

from dateline.ingest import IngestError, read_paths
from dateline.jobs import IngestReport, extract_items, ingest_items
from dateline.records import Article
from dateline.store import connect

EVENT_TABLE = (("event_date", 10), ("event_type", 26), ("sub_event_type", 24), ("actor1", 18),
               ("actor2", 18), ("location", 16), ("country", 12), ("fatalities", 4))
CLAIM_TABLE = (("speaker", 24), ("speaker_role", 28), ("stance", 10), ("quote", 60), ("disputed_by", 12))


def print_extractions(paths: Sequence[str], fmt: str) -> int:
    """``dateline extract``: one JSON object per article (an array for several); errors on stderr."""
    report = IngestReport(on_problem=_echo_problem)
    articles = extract_items(read_paths(paths), report)
    if fmt == "jsonl":
        for article in articles:
            click.echo(json.dumps(article.to_dict(), ensure_ascii=False))
    elif fmt == "table":
        for article in articles:
            _print_article_table(article)
    else:
        records = [a.to_dict() for a in articles]
        payload: Any = records[0] if len(records) == 1 else records
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    return _print_problems(report)


def run_ingest(paths: Sequence[str], db_url: str, progress: bool | None) -> int:
    """``dateline ingest``: store every article, then say what was stored and where."""
    show = sys.stderr.isatty() if progress is None else progress
    with connect(db_url) as store:
        with _progress(show) as bar:
            report = ingest_items(store, read_paths(paths), tick=lambda: bar.update(1),
                                  report=IngestReport(on_problem=_echo_problem))
        click.echo(f"{report.stored} articles stored, {report.skipped} already stored, "
                   f"{report.failed} failed; {report.events} events and {report.claims} claims added.")
        latest = store.events(limit=10)
        if latest:
            click.echo("\nLatest events in the database:")
            _print_table(latest, EVENT_TABLE)
        click.echo(f"\nDatabase: {os.path.abspath(store.path) if store.dialect == 'sqlite' else store.path} "
                   f"({store.count('documents')} articles, {store.count('events')} events, "
                   f"{store.count('claims')} claims)")
    return _print_problems(report)


def print_events(db_url: str, filters: dict[str, Any], limit: int, fmt: str) -> None:
    with connect(db_url) as store:
        rows = store.events(limit=limit, **filters)
    _print_rows(rows, fmt, EVENT_TABLE)


def print_claims(db_url: str, filters: dict[str, Any], limit: int, fmt: str) -> None:
    with connect(db_url) as store:
        rows = store.claims(limit=limit, **filters)
    _print_rows(rows, fmt, CLAIM_TABLE)


def _print_rows(rows: list[dict[str, Any]], fmt: str, columns: Sequence[tuple[str, int]]) -> None:
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
    else:
        _print_table(rows, columns)


def _print_article_table(article: Article) -> None:
    doc = article.document
    click.echo(f"== {doc.title or doc.origin}  ({doc.published or 'date unknown'}, {doc.doc_id})")
    _print_table([e.to_dict() for e in article.events], EVENT_TABLE)
    if article.claims:
        _print_table([c.to_dict() for c in article.claims], CLAIM_TABLE)
    click.echo()


def _print_table(rows: Iterable[dict[str, Any]], columns: Sequence[tuple[str, int]]) -> None:
    rows = list(rows)
    if not rows:
        click.echo("(none)")
        return
    click.echo("  ".join(name.ljust(width)[:width] for name, width in columns))
    for row in rows:
        click.echo("  ".join(_cell(row.get(name), width) for name, width in columns))


def _cell(value: Any, width: int) -> str:
    if value is None:
        value = ""
    elif isinstance(value, list):
        value = ",".join(map(str, value))
    text = " ".join(str(value).split())
    return (text[: width - 1] + "…" if len(text) > width else text).ljust(width)


def _echo_problem(problem: IngestError) -> None:
    """An error or warning on stderr the moment it happens, as ``path[:line]: message``."""
    click.echo(str(problem), err=True)


def _print_problems(report: IngestReport) -> int:
    """The exit status: 1 if any input failed (each problem was printed as it happened)."""
    if report.failed:
        click.echo(f"{report.failed:,} input(s) failed; see the messages above", err=True)
    return 1 if report.failed else 0


class _progress:
    """A tqdm bar on a terminal; nothing when piped."""

    def __init__(self, show: bool) -> None:
        self.show = show
        self.bar: Any = None

    def __enter__(self) -> Any:
        if self.show:
            from tqdm import tqdm

            self.bar = tqdm(unit=" articles", file=sys.stderr, dynamic_ncols=True)
            return self.bar
        return _NoBar()

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.close()


class _NoBar:
    def update(self, n: int = 1) -> None:
        """Nothing to draw when output is not a terminal."""


__all__ = ["print_extractions", "run_ingest", "print_events", "print_claims", "IngestError"]
