"""Direct quotations: where the quote marks open and close, whatever marks a site uses.

Scraped news mixes straight ``"``, curly ``“ ”``, guillemets and nested single quotes,
and multi-paragraph quotes leave the first paragraph unclosed. A small stack scanner
per paragraph handles all of these in one pass over the characters, with no regex
backtracking, so it stays cheap on long articles.
"""
from __future__ import annotations

import re
from bisect import bisect_right

_OPEN_CLOSE = {"“": "”", "«": "»", "„": "“", "‘": "’"}
_CLOSERS = {"”", "»", "’"}
_PARAGRAPH = re.compile(r"\n\s*\n|\n")


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Top-level quoted spans ``[start, end)`` including their marks, in text order."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _PARAGRAPH.finditer(text):
        spans.extend(_scan(text, start, m.start()))
        start = m.end()
    spans.extend(_scan(text, start, len(text)))
    return spans


def _is_single_open(text: str, i: int, lo: int) -> bool:
    """A ``‘`` opens a quote only after a space or bracket (else it is an apostrophe)."""
    return i == lo or text[i - 1] in " \t([{—–-\"“"


def _is_single_close(text: str, i: int, hi: int) -> bool:
    """A ``’`` closes a quote only before a non-letter (``don’t`` is an apostrophe)."""
    return i + 1 >= hi or not text[i + 1].isalnum()


def _scan(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Quote spans of one paragraph; a quote left open runs to the paragraph's end."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    i = lo - 1
    while i + 1 < hi:
        i += 1
        ch = text[i]
        if ch == "'" and i + 1 < hi and text[i + 1] == "'":  # ''two apostrophes'' as a double quote
            if stack and stack[-1][0] == "''":
                _close(stack, spans, i + 1)
            else:
                stack.append(("''", i))
            i += 1
            continue
        if ch == '"' and stack and stack[-1][0] == "“":  # “mixed marks" close each other
            _close(stack, spans, i)
        elif ch == '"':
            if stack and stack[-1][0] == '"':
                _close(stack, spans, i)
            else:
                stack.append(('"', i))
        elif ch in _OPEN_CLOSE and ch != "„":
            if ch == "‘" and not _is_single_open(text, i, lo):
                continue
            if ch == "“" and stack and stack[-1][0] == "„":
                _close(stack, spans, i)
                continue
            stack.append((ch, i))
        elif ch == "„":
            stack.append((ch, i))
        elif ch in _CLOSERS:
            if ch == "’" and not (_is_single_close(text, i, hi) and any(o == "‘" for o, _ in stack)):
                continue
            opener = {"”": "“", "»": "«", "’": "‘"}[ch]
            if ch == "”" and stack and stack[-1][0] == '"':
                opener = '"'
            while stack and stack[-1][0] != opener:
                stack.pop()
            if stack:
                _close(stack, spans, i)
    if stack:
        spans.append((stack[0][1], _rstrip(text, stack[0][1], hi)))
    return spans


def _close(stack: list[tuple[str, int]], spans: list[tuple[int, int]], i: int) -> None:
    """Pop the opener; record the span only when it was the outermost quote."""
    _, start = stack.pop()
    if not stack:
        spans.append((start, i + 1))


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


class QuoteIndex:
    """Which quote, if any, a character offset falls in (bisect over sorted spans)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.starts = [s for s, _ in spans]

    def at(self, offset: int) -> int:
        """Index of the quote containing ``offset``, or -1."""
        i = bisect_right(self.starts, offset) - 1
        if i >= 0 and offset < self.spans[i][1]:
            return i
        return -1
