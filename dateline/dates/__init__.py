"""dates stage: resolve time expressions ("Tuesday night", "last year") to dates.

Each mention becomes a :class:`~dateline.records.DateMention` with its evidence span,
an ISO date no more precise than we know, ACLED's ``time_precision`` and a
``historical`` flag. Relative expressions are read against the publication date:

* a weekday ("Tuesday", "on Tuesday night") is the latest such day on or before
  publication; "yesterday", "last night" and "overnight" the day before it;
* when publication is known only to the month ("2021-08", precision 3), such a day
  cannot be pinned: the mention gets the month, precision 3, never an invented day;
* "last year" is the previous year, "last month" the previous month (both precision 3,
  ``historical``); "in 2020", "February 2020", "August 3, 2021", "3 August" as written;
* durations ("for over four hours", "for years"), ages ("25-year-old") and frequencies
  ("daily") are not dates and are skipped; an expression we cannot read is dropped.

Cost: a dictionary lookup and a few regular expressions a mention; dateparser only for
the rare span naming a month or year in a shape we do not know, cached.
"""
from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

from dateline.dates import candidates, fallback, grammar
from dateline.dates.calendar import Anchor, Period, parse_anchor
from dateline.records import Article, DateMention, span_of

__all__ = ["resolve", "event_date", "read"]


def resolve(article: Article) -> None:
    """Fill ``article.dates`` from DATE/TIME entities and missed forms, anchored on publication."""
    document = article.document
    text = document.text
    anchor = parse_anchor(document.published, document.published_precision)
    ranges = candidates.find(text, article.entities)
    if anchor is None:
        anchor = _anchor_from_dateline(text, ranges) or _anchor_from_weekday_date(text, ranges)
    mentions, covered = [], 0
    for start, end in ranges:  # a container comes before the spans inside it
        if start < covered:
            continue  # inside a mention already read
        resolved = _resolved(text[start:end], anchor)
        if resolved is not None:
            mentions.append(DateMention(span_of(text, start, end), *resolved))
            covered = end
    article.dates = mentions


@lru_cache(maxsize=65536)
def _resolved(expression: str, anchor: Anchor | None) -> tuple[str, int, bool] | None:
    """(ISO date, precision, historical) of one expression as written, cached per anchor."""
    period = read(expression, anchor)
    if period is None:
        return None
    return period.iso(), period.precision, anchor.is_historical(period) if anchor else False


def read(expression: str, anchor: Anchor | None) -> Period | None:
    """The period one expression names, or None (not a date, or not one we can read).

    A bare month or weekday written in lower case is a word, not a date ("march", "may").
    An expression that points before year 1 or after 9999 is not one either.
    """
    normalised = grammar.normalise(expression)
    if normalised in grammar.BARE_NAMES and expression.strip().islower():
        return None
    try:
        return _read(normalised, anchor)
    except (OverflowError, ValueError):  # "99999999 days ago", "5000 years ago": outside the calendar
        return None


@lru_cache(maxsize=65536)
def _read(expression: str, anchor: Anchor | None) -> Period | None:
    """Cached per (normalised expression, anchor): news repeats the same few hundred."""
    reading = grammar.read(expression, anchor)
    if reading is None and fallback.worth_asking(expression):
        reading = fallback.read(expression, anchor)
    if reading is None or reading is grammar.SKIP:
        return None
    return reading.period


def _anchor_from_dateline(text: str, ranges: list[tuple[int, int]]) -> Anchor | None:
    """No publication date given: a full date opening the text ("Friday, January 4, 2019") is one."""
    if not ranges or text[: ranges[0][0]].strip():
        return None
    period = read(text[ranges[0][0]:ranges[0][1]], None)
    if period is None or period.grain != "day":
        return None
    return Anchor(period.first, "day")


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _anchor_from_weekday_date(text: str, ranges: list[tuple[int, int]]) -> Anchor | None:
    """No publication date: a full date written with its own weekday ('On Tuesday, June 25,
    2024, police opened fire') fixes the week the report tells of, so its 'late on Tuesday'
    and 'June 18' can be read; the latest such date, as recalled ones come earlier."""
    found = []
    for start, end in ranges:
        period = read(text[start:end], None)
        if period is None or period.grain != "day" or period.first.year < 1900:
            continue
        said = text[max(0, start - 12):end].lower()
        if _WEEKDAYS[period.first.weekday()] in said:
            found.append(period.first)
    return Anchor(max(found), "day", told=True) if found else None


def event_date(article: Article, start: int, end: int) -> DateMention | None:
    """The date mention that best dates the text in ``[start, end)`` (a sentence), or None.

    Only a mention inside the range counts; among several, the most precise, then a
    current one over a historical one, then the first. A dateline opening the article
    ("Friday, January 4, 2019" on its own line) is the publication date, not an event's.
    """
    dates = article.dates
    starts = [m.span.start for m in dates]
    i = bisect_left(starts, start)
    best: DateMention | None = None
    for mention in dates[i:]:
        if mention.span.start >= end:
            break
        if mention.span.end > end or _is_dateline(article.document.text, mention):
            continue
        if best is None or (mention.precision, mention.historical) < (best.precision, best.historical):
            best = mention
    return best


def _is_dateline(text: str, mention: DateMention) -> bool:
    """A date that is the first thing in the text and ends its line."""
    if text[: mention.span.start].strip():
        return False
    rest = text[mention.span.end: mention.span.end + 8]
    return "\n" in rest and not rest[: rest.find("\n")].strip(" \t\u00a0")
