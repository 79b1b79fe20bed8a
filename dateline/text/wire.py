"""Wire datelines: the line opener that says where and when a report was filed.

'KABUL, March 3 (Reuters) -', 'CARTHAGE, N.C. (AP) -', 'SAN FRANCISCO —', 'BEIRUT: ',
'Mogadishu, 12 March -'. The place and date there are the filing's, not the events':
geo reads a place in capitals there that the small model misses, events do not place or
date an incident by them, and actors do not take the place for the state acting.
One reading of the shape serves all three, so they cannot disagree.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_CAPS_PLACE = r"[A-Z][A-Z'’.]+(?:[ -][A-Z][A-Z'’.]+){0,3}"
_TITLE_PLACE = r"[A-Z][a-z'’]+(?:[ -][A-Z][a-z'’]+){0,2}"
_SHAPE = (
    r"(?:/\s*[A-Za-z ]+?)?"                          # 'GAZA CITY/ Gaza Strip'
    r"(?:,\s+(?![A-Z][a-z]{2,8}\.?\s+\d)[A-Z][A-Za-z.]{1,12}"  # ', N.C.' (a state, not a date)
    r"(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][A-Za-z.]{1,12}){0,3})?"  # ', Democratic Republic of Congo'
    r"(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}))?"  # ', March 3'
    r"(?:\s*\([A-Z][\w .]{1,30}\))?"                 # '(Reuters)'
    r"(?:\s*(?:--|[-–—])\s|:\s)"                     # the dash or colon that ends it
)
_ENDS = _SHAPE.replace("?P<date>", "")
#: in capitals after a line start or a sentence end; in title case only opening a line
_DATELINE = re.compile(
    rf"(?:^|(?<=\n)|(?<=[.!?]\s))[ \t]*(?P<place>{_CAPS_PLACE})(?={_ENDS})"
    rf"|(?:^|(?<=\n))[ \t]*(?P<tplace>{_TITLE_PLACE})(?={_ENDS})"
)
_AFTER = re.compile(_SHAPE)


@dataclass(frozen=True)
class Dateline:
    """Character offsets of a dateline's place, and of its date when it gives one."""

    place: tuple[int, int]
    date: tuple[int, int] | None
    in_capitals: bool
    end: int = 0  # where the dateline's dash or colon ends


@lru_cache(maxsize=16)
def datelines(text: str) -> tuple[Dateline, ...]:
    """Every wire dateline in ``text``, in order (cached: each stage asks of one article)."""
    found = []
    for m in _DATELINE.finditer(text):
        group = "place" if m.group("place") else "tplace"
        after = _AFTER.match(text, m.end(group))
        date = after.span("date") if after and after.group("date") else None
        found.append(Dateline(m.span(group), date, group == "place", after.end() if after else m.end(group)))
    return tuple(found)


def filed_place(text: str, start: int) -> bool:
    """Whether the place starting at ``start`` is a dateline's: where the story was filed."""
    return any(d.place[0] == start for d in datelines(text))


def in_dateline(text: str, start: int) -> bool:
    """Whether offset ``start`` lies in a dateline ('PATTANI, Thailand (AP) -': Thailand too)."""
    return any(d.place[0] <= start < d.end for d in datelines(text))


def filed_date(text: str, start: int, end: int) -> bool:
    """Whether the date at ``text[start:end]`` is a dateline's: when the story was filed."""
    return any(d.date and d.date[0] <= start and end <= d.date[1] for d in datelines(text))
