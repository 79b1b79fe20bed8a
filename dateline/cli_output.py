"""What the CLI commands print: JSON for machines, short tables for people."""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import click

from dateline.cli import CliError
from dateline.ingest import IngestError, list_files, read_paths
from dateline.ingest.formats import sniff_format
from dateline.jobs import IngestReport, extract_items, ingest_items
from dateline.records import Article
from dateline.store import Store, connect


@dataclass(frozen=True)
class Column:
    """A table column: the record field, its header, and whether it may be cut to fit the terminal."""

    name: str
    header: str
    shrink: bool = True
    right: bool = False
    drop: int = 0  # on a terminal too narrow for every column, those with the lowest drop >= 1 go first


EVENT_TABLE = (Column("event_date", "date", shrink=False), Column("event_type", "event type", drop=1),
               Column("sub_event_type", "sub-event type"), Column("actor1", "actor 1"),
               Column("actor2", "actor 2", drop=3), Column("location", "location"),
               Column("country", "country", drop=2), Column("fatalities", "fatalities", shrink=False, right=True))
CLAIM_TABLE = (Column("speaker", "speaker"), Column("speaker_role", "role", drop=2), Column("stance", "stance"),
               Column("quote", "quote"), Column("disputed_by", "disputed by", drop=1))
#: The narrowest a cut column gets, beyond its header: a name stays recognisable.
MIN_CELL = 8


def open_store(db_url: str, create: bool = False) -> Store:
    """The store at ``db_url``, or a one-line :class:`CliError` saying what is wrong.

    Read commands pass ``create=False``: a mistyped ``--db typo.db`` is an error, not a
    new empty database that lists "(none)".
    """
    if db_url.startswith(("postgresql://", "postgres://")):
        return _open_postgres(db_url)
    path = db_url[len("sqlite:///"):] if db_url.startswith("sqlite:///") else db_url
    if path != ":memory:":
        file = Path(path)
        if file.is_dir():
            raise CliError(f"--db {path} is a folder, not a database file")
        if not create and not file.exists():
            raise CliError(f"no database at {path}: check --db, or make one with "
                           f"`dateline ingest FILES --db {path}`")
        if create and not file.parent.exists():
            raise CliError(f"cannot create the database {path}: the folder {file.parent} does not exist")
    try:
        return connect(db_url)
    except sqlite3.DatabaseError as exc:
        raise CliError(f"cannot open the database {path}: {exc}") from exc


def _open_postgres(db_url: str) -> Store:
    try:
        import psycopg  # noqa: F401  (the optional extra)
    except ImportError as exc:
        raise CliError("a postgresql:// database needs psycopg: pip install 'dateline[postgres]'") from exc
    try:
        return connect(db_url)
    except Exception as exc:  # psycopg.OperationalError and kin: say which server, without the password
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise CliError(f"cannot connect to {_without_password(db_url)}: {first}") from exc


def _without_password(url: str) -> str:
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


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
    """``dateline ingest``: store every article, then say what was stored, merged and where."""
    show = sys.stderr.isatty() if progress is None else progress
    with open_store(db_url, create=True) as store:
        before = store.count("events")
        with _progress(show, count_articles(paths) if show else None) as bar:
            report = ingest_items(store, read_paths(paths), tick=lambda: bar.update(1),
                                  report=IngestReport(on_problem=_echo_problem))
        added = store.count("events") - before
        click.echo(f"{report.stored} articles stored, {report.skipped} already stored, "
                   f"{report.failed} failed; {ingest_summary(report.events, added, report.claims)}.")
        latest = store.events(limit=10, include_historical=False)
        if latest:
            click.echo("\nLatest events in the database:")
            _print_table(latest, EVENT_TABLE)
        click.echo(f"\nDatabase: {os.path.abspath(store.path) if store.dialect == 'sqlite' else store.path} "
                   f"({store.count('documents')} articles, {store.count('events')} events, "
                   f"{store.count('claims')} claims)")
    return _print_problems(report)


def ingest_summary(extracted: int, added: int, claims: int) -> str:
    """"5 events added, 10 merged into existing events and 3 claims added": an event another
    article already reported joins that record (one more source), so it is not new."""
    merged = max(extracted - added, 0)
    return (f"{added} event{'s' * (added != 1)} added, {merged} merged into existing events "
            f"and {claims} claim{'s' * (claims != 1)} added")


def count_articles(paths: Sequence[str], budget: int = 256 * 1024 * 1024) -> int | None:
    """How many articles ``paths`` hold, for the progress bar's total and ETA, when cheap to know:
    one per text or HTML file, one per line of JSON Lines, one per row of CSV (a row that spans
    lines counts more than once). None for feeds and JSON arrays, or past ``budget`` bytes."""
    total, read = 0, 0
    for path in paths:
        for file in list_files(path):
            kind = sniff_format(file.name, b"")
            if kind in {"text", "html"}:
                total += 1
                continue
            if kind not in {"jsonl", "csv"} or file.suffix.lower() == ".json":
                return None
            try:
                read += file.stat().st_size
                if read > budget:
                    return None
                with open(file, "rb") as handle:
                    lines = sum(1 for line in handle if line.strip())
            except OSError:
                continue
            total += max(lines - 1, 0) if kind == "csv" else lines
    return total


def print_events(db_url: str, filters: dict[str, Any], limit: int, fmt: str, wide: bool = False) -> None:
    """``dateline events``: background events (modality historical) only on request."""
    filters = {**filters, "include_historical": bool(filters.get("include_historical"))}
    with open_store(db_url) as store:
        rows = store.events(limit=limit, **filters)
    _print_rows(rows, fmt, EVENT_TABLE, wide)


def print_claims(db_url: str, filters: dict[str, Any], limit: int, fmt: str, wide: bool = False) -> None:
    with open_store(db_url) as store:
        rows = store.claims(limit=limit, **filters)
    _print_rows(rows, fmt, CLAIM_TABLE, wide)


def _print_rows(rows: list[dict[str, Any]], fmt: str, columns: Sequence[Column], wide: bool = False) -> None:
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
    else:
        _print_table(rows, columns, wide)


def _print_article_table(article: Article) -> None:
    doc = article.document
    click.echo(f"== {doc.title or doc.origin}  ({doc.published or 'date unknown'}, {doc.doc_id})")
    _print_table([e.to_dict() for e in article.events], EVENT_TABLE)
    if article.claims:
        _print_table([c.to_dict() for c in article.claims], CLAIM_TABLE)
    click.echo()


def _print_table(rows: Iterable[dict[str, Any]], columns: Sequence[Column], wide: bool = False) -> None:
    rows = list(rows)
    if not rows:
        click.echo("(none)")
        return
    width = None if wide else shutil.get_terminal_size((120, 24)).columns
    columns = fit_columns(columns, width)
    cells = [[_text(row.get(c.name)) for c in columns] for row in rows]
    widths = fit_widths(columns, cells, width)
    click.echo("  ".join(c.header.ljust(w) for c, w in zip(columns, widths)).rstrip())
    for line in cells:
        click.echo("  ".join(_cut(text, w, c.right) for c, text, w in zip(columns, line, widths)).rstrip())


def fit_columns(columns: Sequence[Column], terminal: int | None) -> list[Column]:
    """The columns that fit ``terminal`` with readable headers: a table that wraps is unreadable,
    so on a narrow terminal the columns another implies (event type) or a reader can spare go."""
    kept = list(columns)
    for column in sorted((c for c in columns if c.drop), key=lambda c: c.drop):
        if terminal is None or sum(max(len(c.header), MIN_CELL) + 2 for c in kept) - 2 <= terminal:
            break
        kept.remove(column)
    return kept


def fit_widths(columns: Sequence[Column], cells: Sequence[Sequence[str]], terminal: int | None) -> list[int]:
    """Each column as wide as its longest cell; when the table is wider than ``terminal``,
    the widest cuttable columns give way first, never below their header (nor MIN_CELL)."""
    widths = [max([len(c.header), *(len(line[i]) for line in cells)]) for i, c in enumerate(columns)]
    if terminal is None:
        return widths
    floor = [w if not c.shrink else min(w, max(len(c.header), MIN_CELL)) for c, w in zip(columns, widths)]
    excess = sum(widths) + 2 * (len(widths) - 1) - terminal
    while excess > 0:
        room = [w - f for w, f in zip(widths, floor)]
        if max(room) <= 0:
            break
        widest = max(range(len(widths)), key=lambda i: (room[i] > 0, widths[i]))
        widths[widest] -= 1
        excess -= 1
    return widths


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = ",".join(map(str, value))
    return " ".join(str(value).split())


def _cut(text: str, width: int, right: bool = False) -> str:
    text = text[: width - 1] + "…" if len(text) > width else text
    return text.rjust(width) if right else text.ljust(width)


def _echo_problem(problem: IngestError) -> None:
    """An error or warning on stderr the moment it happens, as ``path[:line]: message``."""
    click.echo(str(problem), err=True)


def _print_problems(report: IngestReport) -> int:
    """The exit status: 1 if any input failed (each problem was printed as it happened)."""
    if report.failed:
        click.echo(f"{report.failed:,} input(s) failed; see the messages above", err=True)
    return 1 if report.failed else 0


class _progress:
    """A tqdm bar on a terminal, with a total (so an ETA) when the input was cheap to count."""

    def __init__(self, show: bool, total: int | None = None) -> None:
        self.show = show
        self.total = total
        self.bar: Any = None

    def __enter__(self) -> Any:
        if self.show:
            from tqdm import tqdm

            self.bar = tqdm(total=self.total, unit=" articles", file=sys.stderr, dynamic_ncols=True)
            return self.bar
        return _NoBar()

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.close()


class _NoBar:
    def update(self, n: int = 1) -> None:
        """Nothing to draw when output is not a terminal."""


__all__ = ["print_extractions", "run_ingest", "print_events", "print_claims", "open_store", "IngestError"]
