"""Guards before spaCy: input no news article contains, made harmless before it is parsed.

spaCy's tokenizer strips prefix and suffix punctuation one character at a time, each
time re-matching the rest of the token, so a run of ``&`` or ``%`` costs quadratic
time (10,000 ``&`` took 38 s; 200 KB of ``&amp;`` in HTML did not finish). A news
text never holds more than a few punctuation marks in a row, a "word" of thousands
of characters (an inline image, minified script), or a million characters. Each
guard is an edit of the raw text, recorded on the document as a repair like any other.
"""
from __future__ import annotations

import bisect
import re

#: Texts longer than this are cut (at a paragraph or space) and the cut recorded.
MAX_TEXT_CHARS = 100_000
#: Runs of punctuation or symbols longer than this are collapsed to :data:`KEEP_PUNCT` characters.
MAX_PUNCT_RUN = 10
KEEP_PUNCT = 3
#: Whitespace-free runs longer than this are dropped: not words.
MAX_TOKEN_CHARS = 500

#: The repairs these guards record (their ``before`` is shortened: it may be megabytes).
KINDS = frozenset({"punctuation-run", "long-token", "truncated"})

_PUNCT_RUN = re.compile(r"[^\w\s]{%d,}" % (MAX_PUNCT_RUN + 1))
_LONG_TOKEN = re.compile(r"\S{%d,}" % (MAX_TOKEN_CHARS + 1))


def cut_point(raw: str) -> int:
    """Where to cut a text over :data:`MAX_TEXT_CHARS`: at the last paragraph break, else space, before it."""
    if len(raw) <= MAX_TEXT_CHARS:
        return len(raw)
    for sep in ("\n\n", "\n", " "):
        at = raw.rfind(sep, MAX_TEXT_CHARS // 2, MAX_TEXT_CHARS)
        if at > 0:
            return at
    return MAX_TEXT_CHARS


def pathological_runs(raw: str, end: int) -> list[tuple[int, int, str, str]]:
    """``(start, end, replacement, kind)`` for each punctuation run and over-long token before ``end``."""
    edits = [(m.start(), m.end(), "", "long-token") for m in _LONG_TOKEN.finditer(raw, 0, end)
             if not _PUNCT_RUN.fullmatch(m.group(0))]
    starts, ends = [a for a, _, _, _ in edits], [b for _, b, _, _ in edits]
    for m in _PUNCT_RUN.finditer(raw, 0, end):
        i = bisect.bisect_right(starts, m.start()) - 1
        if i < 0 or ends[i] <= m.start():
            edits.append((m.start(), m.end(), m.group(0)[:KEEP_PUNCT], "punctuation-run"))
    return sorted(edits)


def short(before: str) -> str:
    """What a repair records of a long removed stretch: its start and its length, not all of it."""
    return before if len(before) <= 40 else f"{before[:20]}… ({len(before):,} characters)"
