"""One reader per input format: plain text, HTML, JSON Lines / JSON, CSV/TSV, RSS/Atom.

News APIs name the same field many ways (``text``/``body``/``content``,
``date``/``published``/``publishedAt``); :data:`FIELD_ALIASES` maps them all.
"""
from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Callable, Iterator
from typing import Any

from dateline.ingest.items import Incoming, IngestError, Item, checked

FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "article_text", "full_text", "maintext", "story"),
    "title": ("title", "headline"),
    "url": ("url", "link", "uri"),
    "published": ("published", "date", "published_at", "publishedat", "pubdate", "date_publish",
                  "datetime", "publication_date", "time"),
    "source": ("source", "source_name", "site", "domain", "publisher", "outlet"),
}
_KNOWN = {alias for aliases in FIELD_ALIASES.values() for alias in aliases} | {"id", "author", "authors",
                                                                               "language", "lang", "description",
                                                                               "summary", "tags", "image"}
_EXTENSIONS = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".csv": "csv", ".tsv": "csv",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
}

ARTICLE_EXTENSIONS = frozenset(_EXTENSIONS)


def sniff_format(name: str, data: bytes) -> str:
    """The format by file extension, else by the first bytes; plain text when unsure."""
    ext = re.search(r"\.[A-Za-z]+$", name)
    if ext and ext.group(0).lower() in _EXTENSIONS:
        return _EXTENSIONS[ext.group(0).lower()]
    head = data[:1024].lstrip().lower()
    if head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")) and re.search(rb"<(rss|feed|rdf)", head):
        return "feed"
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    if head.startswith((b"{", b"[")):
        return "jsonl"
    return "text"


def decode(name: str, data: bytes, declared: str | None = None) -> str | IngestError:
    """Bytes to text: BOMs honoured, then the declared charset, then UTF-8; else a clear error."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    for encoding in (declared, "utf-8"):
        if not encoding:
            continue
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            if encoding != "utf-8":
                continue
            bad = getattr(exc, "start", 0)
            line = data.count(b"\n", 0, bad) + 1
            return IngestError(f"{name}:{line}", f"not valid UTF-8 (byte {bad}: {data[bad:bad + 1]!r}); "
                                                 "re-save the file as UTF-8")
    return IngestError(name, "cannot decode")


def read_text(name: str, data: bytes) -> Iterator[Item]:
    """A plain-text article; header lines (``date 2021-08``) are read by the text stage."""
    text = decode(name, data)
    if isinstance(text, IngestError):
        yield text
        return
    yield checked(Incoming(text=text, origin=name))


def read_html(name: str, data: bytes) -> Iterator[Item]:
    """An HTML page: ftfy repairs the decoded HTML, trafilatura finds the article in it."""
    import ftfy
    import trafilatura

    charset = re.search(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", data[:4096], re.IGNORECASE)
    html = decode(name, data, charset.group(1).decode("ascii") if charset else None)
    if isinstance(html, IngestError):
        yield html
        return
    found = trafilatura.bare_extraction(ftfy.fix_text(html), with_metadata=True, include_comments=False)
    if found is None or not (found.text or "").strip():
        yield IngestError(name, "no article text found in this HTML page")
        return
    yield checked(Incoming(text=found.text, origin=name, title=found.title or "", url=found.url or "",
                           published=found.date or "", source=found.sitename or ""))


def read_jsonl(name: str, data: bytes) -> Iterator[Item]:
    """JSON Lines (one article object a line), or a JSON array/object of articles.

    Only ``\n`` ends a record: U+2028, U+2029 and U+0085 are legal inside a JSON
    string, and ``str.splitlines`` would cut the record there.
    """
    text = decode(name, data)
    if isinstance(text, IngestError):
        yield text
        return
    stripped = text.lstrip()
    if stripped.startswith("["):
        records = _loads(name, text)
        if isinstance(records, IngestError):
            yield records
            return
        if isinstance(records, list) and not records:
            yield IngestError(name, "an empty JSON array: no articles")
            return
        for i, record in enumerate(records if isinstance(records, list) else [records], start=1):
            yield from _from_record(record, f"{name}:[{i}]")
        return
    first = True
    for number, line in enumerate(_lines(text), start=1):
        if not line.strip():
            continue
        record = _loads(f"{name}:{number}", line)
        if isinstance(record, IngestError):
            if number == 1 and stripped.startswith("{") and "\n" in text.strip():
                yield from _whole_json_object(name, text)
                return
            yield record
            continue
        yield from _from_record(record, f"{name}:{number}", warn_unknown=first)  # warn once a file
        first = False


def _lines(text: str) -> Iterator[str]:
    """The ``\n``-separated lines of ``text``, one at a time (a 10 MB file may hold millions)."""
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        yield text[start:end]
        start = end + 1


def _loads(origin: str, text: str) -> Any:
    """Parsed JSON, or an error: bad syntax, nesting too deep to parse, an integer of thousands of digits."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        where = origin if origin.rsplit(":", 1)[-1].isdigit() else f"{origin}:{exc.lineno}"
        return IngestError(where, f"not valid JSON: {exc.msg} (column {exc.colno})")
    except RecursionError:
        return IngestError(origin, "JSON nested too deeply to read")
    except ValueError as exc:  # e.g. "Exceeds the limit (4300 digits) for integer string conversion"
        return IngestError(origin, f"not readable JSON: {exc}")


def _whole_json_object(name: str, text: str) -> Iterator[Item]:
    """A pretty-printed single JSON object spread over several lines."""
    record = _loads(name, text)
    if isinstance(record, IngestError):
        yield record
        return
    yield from _from_record(record, name)


def read_csv(name: str, data: bytes) -> Iterator[Item]:
    """CSV or TSV with a header row naming at least a text column."""
    text = decode(name, data)
    if isinstance(text, IngestError):
        yield text
        return
    csv.field_size_limit(sys.maxsize)
    dialect = "excel-tab" if name.lower().endswith(".tsv") else "excel"
    # strict: an unclosed quote (a truncated file) is an error, not a row running to the end of the file
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect, strict=True)
    try:
        header = reader.fieldnames or []
    except csv.Error as exc:
        yield IngestError(f"{name}:1", f"malformed CSV header: {exc}")
        return
    columns = {c.strip().lower() for c in header if c}
    if not columns & set(FIELD_ALIASES["text"]):
        yield IngestError(f"{name}:1", "no text column: expected one of " + ", ".join(FIELD_ALIASES["text"]))
        return
    unknown = sorted(columns - _KNOWN)
    if unknown:
        yield IngestError(f"{name}:1", "unknown columns ignored: " + ", ".join(unknown), warning=True)
    rows = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            if not rows:
                yield IngestError(name, "a CSV header with no rows: no articles")
            return
        except csv.Error as exc:
            yield IngestError(f"{name}:{reader.line_num}", f"malformed CSV row: {exc}")
            return
        rows += 1
        if None in row:
            yield IngestError(f"{name}:{reader.line_num}", "row has more fields than the header")
            continue
        yield from _from_record(row, f"{name}:{reader.line_num}", warn_unknown=False)


def read_feed(name: str, data: bytes) -> Iterator[Item]:
    """RSS or Atom: one article per entry, its full content if the feed carries it."""
    import feedparser

    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        yield IngestError(name, f"not a readable RSS/Atom feed: {feed.bozo_exception}")
        return
    if not feed.entries:
        yield IngestError(name, "a feed with no entries: no articles")
        return
    site = feed.feed.get("title", "") if feed.get("feed") else ""
    for i, entry in enumerate(feed.entries, start=1):
        content = entry.get("content") or []
        html = content[0].get("value", "") if content else entry.get("summary", "")
        yield checked(Incoming(
            text=_html_to_text(html), origin=f"{name}:entry {i}", title=entry.get("title", ""),
            url=entry.get("link", ""), published=entry.get("published", entry.get("updated", "")),
            source=site,
        ))


def _html_to_text(html: str) -> str:
    """Text of an HTML fragment, paragraphs kept apart (feeds carry short HTML bodies)."""
    if "<" not in html:
        return html
    from lxml import html as lxml_html

    try:
        root = lxml_html.fromstring(html)
    except Exception:  # lxml raises several types on odd fragments; fall back to regex
        return re.sub(r"<[^>]+>", " ", html)
    for block in root.iter("p", "br", "div", "li", "h1", "h2", "h3"):
        block.tail = "\n\n" + (block.tail or "")
    return re.sub(r"\n{3,}", "\n\n", root.text_content()).strip()


def _from_record(record: Any, origin: str, warn_unknown: bool = True) -> Iterator[Item]:
    """An article from one JSON object or CSV row, by the field aliases; field types checked."""
    if not isinstance(record, dict):
        yield IngestError(origin, f"expected an object with a text field, got {_json_type(record)}")
        return
    fields = {str(k).strip().lower(): v for k, v in record.items() if k is not None}
    values: dict[str, str] = {}
    for key, aliases in FIELD_ALIASES.items():
        alias, value = _first(fields, aliases)
        if value is None or isinstance(value, str):
            values[key] = value or ""
        elif key == "text":
            yield IngestError(origin, f"field {alias!r} must be a string, got {_json_type(value)}")
            return
        else:
            values[key] = ""
            yield IngestError(origin, f"field {alias!r} must be a string, got {_json_type(value)}; ignored",
                              warning=True)
    if not values["text"].strip():
        present = [a for a in FIELD_ALIASES["text"] if a in fields]
        yield IngestError(origin, f"no text field: {present[0]!r} is empty" if present else
                          "no text field: expected one of " + ", ".join(FIELD_ALIASES["text"]))
        return
    unknown = sorted(set(fields) - _KNOWN)
    if warn_unknown and unknown:
        yield IngestError(origin, "unknown fields ignored: " + ", ".join(unknown), warning=True)
    yield checked(Incoming(origin=origin, **values))


def _first(fields: dict[str, Any], aliases: tuple[str, ...]) -> tuple[str, Any]:
    """The first alias present with a value, and that value (a NewsAPI source object gives its name)."""
    for alias in aliases:
        value = fields.get(alias)
        if isinstance(value, dict):  # NewsAPI: "source": {"id": ..., "name": ...}
            value = value.get("name") or value.get("id")
        if value not in (None, ""):
            return alias, value
    return aliases[0], None


def _json_type(value: Any) -> str:
    """JSON's name for a value's type, as the user wrote it."""
    if isinstance(value, bool):
        return f"a boolean ({'true' if value else 'false'})"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return "null" if value is None else type(value).__name__


READERS: dict[str, Callable[[str, bytes], Iterator[Item]]] = {
    "text": read_text, "html": read_html, "jsonl": read_jsonl, "csv": read_csv, "feed": read_feed,
}
