"""Direct quotations: where the quote marks open and close, whatever marks a site uses.

Scraped news mixes straight ``"``, curly ``“ ”``, guillemets and nested single quotes,
and multi-paragraph quotes leave the first paragraph unclosed. A small stack scanner
visits only the quote marks and line breaks (one regex scan), so it stays cheap on
long articles.
"""
from __future__ import annotations

import re
from bisect import bisect_right

_MARKS = re.compile("''|[\"“”«»„‘’\n]")


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Top-level quoted spans ``[start, end)`` including their marks, in text order.

    Only the quote marks and line breaks are visited (one regex scan), not every char.
    """
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    para_start = 0
    for m in _MARKS.finditer(text):
        i, mark = m.start(), m.group()
        if mark == "\n":
            if stack:
                spans.append((stack[0][1], _rstrip(text, stack[0][1], i)))
                stack.clear()
            para_start = i + 1
            continue
        _step(text, i, mark, stack, spans, para_start)
    if stack:
        spans.append((stack[0][1], _rstrip(text, stack[0][1], len(text))))
    return spans


def _is_single_open(text: str, i: int, lo: int) -> bool:
    """A ``‘`` opens a quote only after a space or bracket (else it is an apostrophe)."""
    return i == lo or text[i - 1] in " \t([{—–-\"“"


def _is_single_close(text: str, i: int) -> bool:
    """A ``’`` closes a quote only before a non-letter (``don’t`` is an apostrophe)."""
    return i + 1 >= len(text) or not text[i + 1].isalnum()


def _step(text: str, i: int, mark: str, stack: list[tuple[str, int]],
          spans: list[tuple[int, int]], lo: int) -> None:
    """Update the open-quote stack for one mark at ``i``; record closed outer quotes."""
    top = stack[-1][0] if stack else ""
    if mark == "''":
        if top == "''":
            _close(stack, spans, i + 1)
        else:
            stack.append(("''", i))
    elif mark == '"':
        if top in ('"', "“"):  # “mixed marks" close each other in scraped text
            _close(stack, spans, i)
        else:
            stack.append(('"', i))
    elif mark == "„":
        stack.append((mark, i))
    elif mark == "“" and top == "„":
        _close(stack, spans, i)
    elif mark in ("“", "«"):
        stack.append((mark, i))
    elif mark == "‘":
        if _is_single_open(text, i, lo):
            stack.append((mark, i))
    elif mark == "’":
        if _is_single_close(text, i) and any(o == "‘" for o, _ in stack):
            _pop_to(stack, spans, "‘", i)
    else:  # ” or »
        opener = '"' if mark == "”" and top == '"' else {"”": "“", "»": "«"}[mark]
        _pop_to(stack, spans, opener, i)


def _pop_to(stack: list[tuple[str, int]], spans: list[tuple[int, int]], opener: str, i: int) -> None:
    while stack and stack[-1][0] != opener:
        stack.pop()
    if stack:
        _close(stack, spans, i)


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
