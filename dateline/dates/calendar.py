"""Periods and the publication anchor: the small calendar arithmetic the dates stage needs.

A resolved time expression is a :class:`Period`: a first day and a grain (day, week,
month, year). Grains map onto ACLED's ``time_precision`` (1 day, 2 week, 3 month or
wider), and onto the ISO string we print ("2021-08-03", "2021-08", "2020").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

GRAINS = ("day", "week", "month", "year")
_RANK = {g: i for i, g in enumerate(GRAINS)}
PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
#: How far before the publication period a day- or week-grained mention must lie to be
#: historical; month and year mentions are historical as soon as they end before it.
HISTORICAL_DAYS = 30


@dataclass(frozen=True)
class Period:
    """A stretch of calendar: ``first`` day and ``grain``; a week is 7 days from ``first``."""

    first: date
    grain: str

    @property
    def last(self) -> date:
        """The last day of the period, for the ``historical`` test."""
        if self.grain == "day":
            return self.first
        if self.grain == "week":
            return self.first + timedelta(days=6)
        if self.grain == "month":
            return add_months(self.first, 1) - timedelta(days=1)
        return date(self.first.year, 12, 31)

    def iso(self) -> str:
        """The ISO string ACLED-style tools read: as precise as the grain, no more."""
        if self.grain in ("day", "week"):
            return self.first.isoformat()
        if self.grain == "month":
            return f"{self.first.year:04d}-{self.first.month:02d}"
        return f"{self.first.year:04d}"

    @property
    def precision(self) -> int:
        return PRECISION[self.grain]


def finer(a: str, b: str) -> bool:
    """Is grain ``a`` finer than grain ``b``?"""
    return _RANK[a] < _RANK[b]


def month_period(year: int, month: int) -> Period:
    return Period(date(year, month, 1), "month")


def year_period(year: int) -> Period:
    return Period(date(year, 1, 1), "year")


def add_months(d: date, months: int) -> date:
    """The first day of the month ``months`` after ``d``'s month."""
    index = d.year * 12 + d.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class Anchor:
    """The publication date a relative expression is read against.

    ``day`` is the publication day when known; for a month-precise publication
    ("2021-08") it is the first of the month and ``grain`` says that only the month is
    known, so relative days ("Tuesday", "yesterday") resolve to that month, not a day.
    """

    day: date
    grain: str
    #: a day the text tells of, not a publication date: its weekdays lie on either side
    told: bool = False

    @property
    def period(self) -> Period:
        """The publication period itself (its day, its month or its year)."""
        if self.grain == "month":
            return Period(self.day.replace(day=1), "month")
        if self.grain == "year":
            return Period(self.day.replace(month=1, day=1), "year")
        return Period(self.day, self.grain)

    def coarsen(self, period: Period) -> Period:
        """A relative period finer than what we know of the publication date becomes that date.

        "Tuesday" in an article known only as "2021-08" is August 2021: we cannot pin
        the day, and we never invent one.
        """
        if finer(period.grain, self.grain):
            return self.period
        return period

    def is_historical(self, period: Period) -> bool:
        """Clearly before the publication period: a whole month/year before it, or a day > 30 days before."""
        start = self.period.first
        if period.last >= start:
            return False
        if period.grain in ("month", "year"):
            return True
        return (start - period.last).days > HISTORICAL_DAYS


def parse_anchor(published: str, precision: int | None) -> Anchor | None:
    """The anchor from ``Document.published`` ("2021-08", "2019-01-04") and its precision code."""
    m = _ISO.match((published or "").strip())
    if not m:
        return None
    year, month, day = m.groups()
    try:
        if day:
            grain = {2: "week", 3: "month"}.get(precision or 1, "day")
            return Anchor(date(int(year), int(month), int(day)), grain)
        if month:
            return Anchor(date(int(year), int(month), 1), "month")
        return Anchor(date(int(year), 1, 1), "year")
    except ValueError:
        return None
