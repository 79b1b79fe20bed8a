"""What readers yield: an article as it arrived, or an error naming where it was."""
from __future__ import annotations

from dataclasses import dataclass

#: Files larger than this are refused (JSON Lines and CSV stream, so they may be larger).
MAX_FILE_BYTES = 50 * 1024 * 1024
#: One article's text longer than this is refused: it is not a news report.
MAX_ARTICLE_CHARS = 1_000_000


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

    def __str__(self) -> str:
        return f"{self.origin}: {'warning: ' if self.warning else ''}{self.message}"


Item = Incoming | IngestError


def checked(article: Incoming) -> Incoming | IngestError:
    """The article, or an error if its text is empty or absurdly long."""
    if not article.text.strip():
        return IngestError(article.origin, "no article text")
    if len(article.text) > MAX_ARTICLE_CHARS:
        return IngestError(article.origin, f"article text too long ({len(article.text):,} characters; "
                                           f"limit {MAX_ARTICLE_CHARS:,})")
    return article
