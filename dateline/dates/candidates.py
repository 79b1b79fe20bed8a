"""Where the time expressions are: spaCy's DATE/TIME entities, tidied, plus the forms it misses.

The small English model tags "Tuesday" and "night" of "Tuesday night" as two entities,
lets a dateline run into the next paragraph ("Friday, January 4, 2019\\n\\nA fire"), and
leaves "overnight" or "last year" untagged in some sentences. One compiled regular
expression over the text finds those forms; entities win where both overlap, unless the
regex match is the longer reading of the same words ("Tuesday" -> "Tuesday night"). A
regex match inside a longer entity ("Turnout last year") is kept as a fallback: the
caller reads spans container first and takes the inner one only if the container fails.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from dateline.records import Entity

_LABELS = frozenset({"DATE", "TIME"})
_PARTS_OF_DAY = frozenset({"morning", "afternoon", "evening", "night", "overnight"})
_TRIM = " \t\r\n\u00a0,.;:()[]\"'\u2018\u2019\u201c\u201d-"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
          r"December)")
_MISSED = re.compile(
    r"\b(?:"
    r"(?:[Ll]ast|[Tt]his|[Nn]ext) " + _WEEKDAY + r"(?: (?:morning|afternoon|evening|night))?"
    r"|" + _WEEKDAY + r"(?: (?:morning|afternoon|evening|night))?"
    r"|[Oo]vernight|[Ll]ast night|[Yy]esterday|[Tt]onight"
    r"|(?:[Ll]ast|[Tt]his|[Nn]ext|[Ee]arlier this|[Ll]ater this) (?:week|month|year)"
    r"|[Rr]ecent (?:days|weeks|months)"
    r"|" + _MONTH + r" \d{1,2}(?:st|nd|rd|th)?(?:, \d{4})?\b"
    r"|\d{1,2}(?:st|nd|rd|th)?\s*(?:-|\u2013|to|and)\s*\d{1,2} " + _MONTH + r"(?: \d{4})?"
    r"|\d{1,2} " + _MONTH + r"(?: \d{4})?"
    r"|" + _MONTH + r",? \d{4}"
    r"|(?<=\b[Ii]n )" + _MONTH + r"\b"
    r")\b")


# The words every missed form contains. Capitalised ones (weekdays, months) are found by
# one regex whose first letters are capitals, so the engine skips the lower-case text
# fast; lower-case ones by ``str.find``. The full pattern then runs on a small window.
_CAPITAL_TRIGGER = re.compile(r"(?:" + _WEEKDAY[3:-1] + r"|" + _MONTH[3:-1]
                              + r"|Overnight|Yesterday|Tonight|Recent|Last night)\b")
_LOWER_TRIGGERS = ("overnight", "yesterday", "tonight", "night", "week", "month", "year", "recent")
_BEFORE, _AFTER = 14, 24  # "earlier this " or "21st to 22nd " before a trigger; " afternoon", " 30th, 2019" after


# Named days are names, not dates: "Bloody Sunday", "Good Friday", "Super Tuesday"; after
# a determiner "overnight" is an adjective ("an overnight curfew"), not a time.
_NAMED_DAY = re.compile(r"(?:Bloody|Black|Good|Holy|Super|Cyber|Ash|Shrove|Palm|Easter|Maundy)\s+$")
_DETERMINER = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir|[Aa]nother)\s+$")


def find(text: str, entities: Iterable[Entity]) -> list[tuple[int, int]]:
    """Character ranges of time expressions in ``text``: by start, a container before what it holds."""
    spans = _merge_parts_of_day(text, [_trim(text, e.start, e.end) for e in entities if e.label in _LABELS])
    spans = [s for s in spans if s[1] > s[0] and not _named(text, s[0])]
    for match in _missed(text):
        spans = _add(spans, match)
    return sorted(set(spans), key=lambda s: (s[0], -s[1]))


def _missed(text: str) -> set[tuple[int, int]]:
    """Forms spaCy may not tag, matched around each trigger word only (cheap on long texts)."""
    found: set[tuple[int, int]] = set()
    for trigger in _CAPITAL_TRIGGER.finditer(text):
        _match_around(text, trigger.start(), trigger.end(), found)
    for word in _LOWER_TRIGGERS:
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            if not (end < len(text) and text[end].isalnum()):
                _match_around(text, at, end, found)
            at = text.find(word, end)
    return found


def _match_around(text: str, start: int, end: int, found: set[tuple[int, int]]) -> None:
    """Add the full-pattern matches that contain the trigger at ``[start, end)`` and start a word."""
    if (start and text[start - 1].isalnum()) or _named(text, start):
        return
    for m in _MISSED.finditer(text, max(0, start - _BEFORE), end + _AFTER):
        if m.start() <= start < m.end() and not (m.start() and text[m.start() - 1].isalnum()):
            found.add((m.start(), m.end()))


def _named(text: str, start: int) -> bool:
    """Is the word at ``start`` a weekday in a name, or an adjectival "overnight"?"""
    before = max(0, start - 10)
    if text.startswith("overnight", start) or text.startswith("Overnight", start):
        return _DETERMINER.search(text, before, start) is not None
    return _NAMED_DAY.search(text, before, start) is not None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Cut an entity at its first line break and strip the spaces and punctuation around it."""
    newline = text.find("\n", start, end)
    if newline >= 0:
        end = newline
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _merge_parts_of_day(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join "Tuesday" + "night" (two entities, one space apart) into one expression."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and text[start:end].lower() in _PARTS_OF_DAY:
            prev_start, prev_end = merged[-1]
            if 0 < start - prev_end <= 2 and not text[prev_end:start].strip():
                merged[-1] = (prev_start, end)
                continue
        merged.append((start, end))
    return merged


def _add(spans: list[tuple[int, int]], new: tuple[int, int]) -> list[tuple[int, int]]:
    """Add a regex match: kept if it overlaps nothing or lies inside one entity; replaces entities it contains."""
    start, end = new
    overlapping = [s for s in spans if s[0] < end and start < s[1]]
    if not overlapping or (len(overlapping) == 1 and overlapping[0][0] <= start and end <= overlapping[0][1]):
        return spans if new in spans else [*spans, new]
    if all(start <= s[0] and s[1] <= end for s in overlapping) and (start, end) not in overlapping:
        return [s for s in spans if s not in overlapping] + [new]
    return spans
