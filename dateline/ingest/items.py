"""What readers yield: an article as it arrived, or an error naming where it was."""
from __future__ import annotations

import re
from dataclasses import dataclass, fields

#: Text, HTML and feed files larger than this are refused, checked while reading.
MAX_FILE_BYTES = 50 * 1024 * 1024
#: JSON Lines and CSV files hold many articles, so they may be larger.
MAX_TABLE_BYTES = 256 * 1024 * 1024
#: After this many errors in one file the rest are counted, not listed (3.5 M bad lines
#: must not fill a terminal or memory); one summary line says how many there were.
MAX_ERRORS_PER_FILE = 100

_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class Incoming:
    """An article as read, before repair: raw text and the metadata that came with it."""

    text: str
    origin: str  # "path" or "path:line"
    title: str = ""
    url: str = ""
    published: str = ""
    source: str = ""


@dataclass
class IngestError:
    """Bad input, named by file and line; the batch goes on."""

    origin: str
    message: str
    warning: bool = False  # the input was read, but something in it was ignored
    count: int = 1  # a summary line stands for this many errors

    def __str__(self) -> str:
        return f"{self.origin}: {'warning: ' if self.warning else ''}{self.message}"


Item = Incoming | IngestError


def checked(article: Incoming) -> Incoming | IngestError:
    """The article, or an error if its text is empty or a field holds what no text encoding can store.

    An unpaired surrogate (JSON's ``"\\ud800"``) is not a character: it cannot be
    hashed, stored or printed as UTF-8, so the article is refused by name. NULs in the
    metadata are dropped (PostgreSQL refuses them, SQLite keeps them: both must agree);
    NULs in the text are removed by the text stage, which records the repair.
    """
    if not isinstance(article.text, str) or not article.text.strip():
        return IngestError(article.origin, "no article text")
    for f in fields(Incoming):
        value = getattr(article, f.name)
        bad = _SURROGATE.search(value) if f.name != "origin" else None
        if bad:
            return IngestError(article.origin, f"field {f.name!r} holds an unpaired surrogate "
                                               f"({bad.group(0).encode('utf-8', 'backslashreplace').decode()}) "
                                               f"at character {bad.start()}: not text")
        if f.name not in ("text", "origin") and "\x00" in value:
            setattr(article, f.name, value.replace("\x00", ""))
    return article
