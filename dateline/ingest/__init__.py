"""ingest: read articles from files, directories and uploaded bytes.

    for item in read_path("articles/"):
        if isinstance(item, IngestError): print(item)   # "feed.jsonl:12: not valid JSON ..."
        else: ...                                       # an Incoming article

Readers never raise on bad input: an empty, binary, mis-encoded, malformed, too large
or unreadable file (or line of one), a FIFO or device, a dangling or looping link, an
unlistable directory, all become an :class:`IngestError` naming the file and line,
and the rest of the batch goes on.
"""
from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from dateline.ingest.formats import ARTICLE_EXTENSIONS, READERS, sniff_format
from dateline.ingest.items import (MAX_ERRORS_PER_FILE, MAX_FILE_BYTES, MAX_TABLE_BYTES, Incoming, IngestError,
                                   Item)

__all__ = ["Incoming", "IngestError", "Item", "read_path", "read_paths", "read_bytes", "read_file",
           "list_files", "walk", "display_name"]


def read_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Item]:
    """Every article (or error) in the given files and directories, in a stable order."""
    for path in paths:
        yield from read_path(path)


def read_path(path: str | os.PathLike[str]) -> Iterator[Item]:
    """Every article (or error) in a file, or in the files below a directory."""
    for entry in walk(path):
        if isinstance(entry, IngestError):
            yield entry
        else:
            yield from read_file(entry)


def list_files(path: str | os.PathLike[str]) -> list[Path]:
    """The regular files ``path`` names, safe to open (a FIFO would block): errors, FIFOs and
    devices are left out here, and reported when :func:`read_path` reads the same path."""
    return [p for p in walk(path) if isinstance(p, Path) and _is_regular(p)]


def _is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def display_name(path: str | os.PathLike[str]) -> str:
    """A path as text that can be printed and stored: bytes that are not UTF-8 become ``\\xff``."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def walk(path: str | os.PathLike[str]) -> Iterator[Path | IngestError]:
    """The files ``path`` names: itself, or the article files below it; what cannot be listed, by name.

    Below a directory we take only article formats (so a README or LICENSE beside the
    data is not read as news), sorted, hidden ones skipped; links to directories are
    not followed (no loops), and dangling or looping links are reported. A path named
    directly is always read, whatever its extension.
    """
    root = Path(path)
    try:
        is_dir = stat.S_ISDIR(root.stat().st_mode)
    except OSError as exc:
        yield IngestError(display_name(root), _why(exc, root))
        return
    if not is_dir:
        yield root
        return
    problems: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=problems.append):
        yield from (IngestError(display_name(e.filename or dirpath), _why(e, Path(e.filename or dirpath)))
                    for e in problems)
        problems.clear()
        here = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            file = here / name
            if name.startswith("."):
                continue
            if file.is_symlink() and not file.exists():
                yield IngestError(display_name(file), _why(_stat_error(file), file))
            elif file.suffix.lower() in ARTICLE_EXTENSIONS:
                yield file
    yield from (IngestError(display_name(e.filename or root), _why(e, Path(e.filename or root))) for e in problems)


def _stat_error(file: Path) -> OSError:
    try:
        file.stat()
    except OSError as exc:
        return exc
    return OSError(errno.ENOENT, "no such file")


def _why(exc: OSError, path: Path) -> str:
    """What went wrong, in words that say what to do."""
    if exc.errno == errno.ELOOP:
        return "symbolic link loop: not read"
    if exc.errno == errno.ENOENT:
        return "dangling symbolic link: its target does not exist" if path.is_symlink() else "no such file or directory"
    if exc.errno == errno.EACCES:
        return "permission denied: not read"
    return f"cannot read: {exc.strerror or exc}"


def read_file(file: str | os.PathLike[str]) -> Iterator[Item]:
    """Every article (or error) in one file; only regular files are read, up to a byte limit."""
    name = display_name(file)
    data = _read_regular(Path(file), name)
    if isinstance(data, IngestError):
        yield data
        return
    yield from read_bytes(name, data)


_KINDS = {stat.S_IFIFO: "a FIFO (named pipe)", stat.S_IFCHR: "a character device", stat.S_IFBLK: "a block device",
          stat.S_IFSOCK: "a socket", stat.S_IFDIR: "a directory"}


def _read_regular(file: Path, name: str) -> bytes | IngestError:
    """The file's bytes, if it is a regular file within the limit (counted while reading, as a
    file may grow or lie about its size); a FIFO or device is refused without blocking on it."""
    limit = MAX_TABLE_BYTES if sniff_format(name, b"") in {"jsonl", "csv"} else MAX_FILE_BYTES
    try:
        mode = file.stat().st_mode
        if not stat.S_ISREG(mode):
            return IngestError(name, f"{_KINDS.get(stat.S_IFMT(mode), 'a special file')}, not a regular file: not read")
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
        with os.fdopen(fd, "rb") as handle:
            mode = os.fstat(handle.fileno()).st_mode  # it may have been swapped since the stat
            if not stat.S_ISREG(mode):
                return IngestError(name, f"{_KINDS.get(stat.S_IFMT(mode), 'a special file')}, not a regular file: not read")
            chunks, size = [], 0
            while chunk := handle.read(1 << 20):
                size += len(chunk)
                if size > limit:
                    return IngestError(name, f"file too large (over the limit of {limit:,} bytes): split it")
                chunks.append(chunk)
    except OSError as exc:
        return IngestError(name, _why(exc, file))
    return b"".join(chunks)


def read_bytes(name: str, data: bytes) -> Iterator[Item]:
    """Articles (or errors) in ``data``, read as the format its name or content says.

    Whatever a reader raises becomes an error naming the file; after
    :data:`MAX_ERRORS_PER_FILE` errors the rest are counted in one summary line.
    """
    articles = errors = 0
    try:
        for item in _read_format(name, data):
            if isinstance(item, Incoming):
                articles += 1
            elif not item.warning:
                errors += 1
                if errors > MAX_ERRORS_PER_FILE:
                    continue
            yield item
    except Exception as exc:  # noqa: BLE001 - any reader failure is this file's error, never the batch's
        errors += 1
        yield IngestError(name, f"unreadable: {type(exc).__name__}: {exc}"[:500])
    if errors > MAX_ERRORS_PER_FILE:
        hidden = errors - MAX_ERRORS_PER_FILE
        yield IngestError(name, f"{hidden:,} more errors in this file not shown", count=hidden)
    elif not articles and not errors:
        yield IngestError(name, "no articles found in this file")


def _read_format(name: str, data: bytes) -> Iterator[Item]:
    if not data.strip():
        yield IngestError(name, "empty file")
        return
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        yield IngestError(name, "binary file (NUL bytes), not an article")
        return
    yield from READERS[sniff_format(name, data)](name, data)
