"""ingest: read articles from files, directories and uploaded bytes.

    for item in read_path("articles/"):
        if isinstance(item, IngestError): print(item)   # "feed.jsonl:12: not valid JSON ..."
        else: ...                                       # an Incoming article

Readers never raise on bad input: an empty, binary, mis-encoded or malformed file
(or line of one) becomes an :class:`IngestError` naming the file and line, and the
rest of the batch goes on.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from dateline.ingest.formats import ARTICLE_EXTENSIONS, READERS, sniff_format
from dateline.ingest.items import MAX_FILE_BYTES, Incoming, IngestError, Item

__all__ = ["Incoming", "IngestError", "Item", "read_path", "read_paths", "read_bytes", "list_files"]


def read_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Item]:
    """Every article (or error) in the given files and directories, in a stable order."""
    for path in paths:
        yield from read_path(path)


def read_path(path: str | os.PathLike[str]) -> Iterator[Item]:
    """Every article (or error) in a file, or in the files below a directory."""
    for file in list_files(path):
        yield from _read_file(file)


def list_files(path: str | os.PathLike[str]) -> list[Path]:
    """The files ``path`` names: itself, or the article files below it.

    Below a directory we take only article formats (so a README or LICENSE beside the
    data is not read as news), sorted, hidden ones skipped. A file named directly is
    always read, whatever its extension.
    """
    root = Path(path)
    if not root.is_dir():
        return [root]
    return sorted(
        p for p in root.rglob("*")
        if p.is_file() and p.suffix.lower() in ARTICLE_EXTENSIONS
        and not any(part.startswith(".") for part in p.relative_to(root).parts)
    )


def _read_file(file: Path) -> Iterator[Item]:
    name = str(file)
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES and sniff_format(name, b"") not in {"jsonl", "csv"}:
            yield IngestError(name, f"file too large ({size:,} bytes; limit {MAX_FILE_BYTES:,})")
            return
        data = file.read_bytes()
    except OSError as exc:
        yield IngestError(name, f"cannot read: {exc.strerror or exc}")
        return
    yield from read_bytes(name, data)


def read_bytes(name: str, data: bytes) -> Iterator[Item]:
    """Articles (or errors) in ``data``, read as the format its name or content says."""
    if not data.strip():
        yield IngestError(name, "empty file")
        return
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        yield IngestError(name, "binary file (NUL bytes), not an article")
        return
    yield from READERS[sniff_format(name, data)](name, data)
