"""dateparser for the rare expression our grammar does not know, cached per expression.

dateparser costs milliseconds a call and a second to import, so it is imported on
first need, fed only one spaCy DATE/TIME span (never a sentence), and only when the
span writes out a year and a month: an absolute date in a shape our grammar does not know. Its
answer says which parts it read ("period": day, month, year); we keep a day or a month
only when the year and the month's name are written in the span, since on odd spans
("2024-25", "2012-13") dateparser fills in the rest from today's date.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from dateline.dates.calendar import Anchor, Period, month_period
from dateline.dates.grammar import Reading

_YEAR = re.compile(r"\b(?:1[5-9]\d\d|20\d\d|21\d\d)\b")
_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def worth_asking(expression: str) -> bool:
    """Only spans that write a year and a month's name: we keep nothing else it answers."""
    return bool(_YEAR.search(expression)) and any(m in expression for m in _MONTH_NAMES)


def read(expression: str, anchor: Anchor | None = None) -> Reading | None:
    """dateparser's reading of ``expression``, or None; absolute, so cached per expression."""
    del anchor  # only written years are kept: the anchor cannot change the answer
    return _cached(expression)


@lru_cache(maxsize=65536)
def _cached(expression: str) -> Reading | None:
    try:
        data = _parser().get_date_data(expression)
    except (ValueError, OverflowError, TypeError):  # dateparser's odd corners: no date
        return None
    if data is None or data.date_obj is None:
        return None
    parsed, period = data.date_obj.date(), data.period or "day"
    if str(parsed.year) not in _YEAR.findall(expression) or _MONTH_NAMES[parsed.month - 1] not in expression:
        return None  # dateparser's year or month is not the one written: a guess
    if period == "month":
        return Reading(month_period(parsed.year, parsed.month), False)
    if period in ("day", "time"):
        return Reading(Period(parsed, "day"), False)
    return None


@lru_cache(maxsize=1)
def _parser() -> Any:
    """One DateDataParser, English only: building one is the expensive part."""
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={
        "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False,
    })
