"""A small, fast grammar for the time expressions news reports use.

dateparser is thorough but costs milliseconds a call; nearly every expression in
news is one of a few dozen shapes ("Tuesday night", "last year", "August 3, 2021",
"in 2020"), which a dictionary lookup and a handful of regular expressions resolve
in microseconds. :func:`read` answers one of three things:

* a :class:`Reading` (a period, and whether it was relative to publication),
* :data:`SKIP`: not a date: a duration ("four hours"), an age ("25-year-old"),
  a frequency ("daily"), or too vague to date ("years ago", "the next day"),
* ``None``: a shape we do not know; the caller may ask dateparser.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from dateline.dates.calendar import Anchor, Period, add_months, month_period, year_period

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
BARE_NAMES = frozenset(WEEKDAYS + MONTHS)
_WEEKDAY = {w: i for i, w in enumerate(WEEKDAYS)}
_MONTH = {m: i + 1 for i, m in enumerate(MONTHS)}
_MONTH.update({m[:3]: i + 1 for i, m in enumerate(MONTHS)})
_MONTH.update({"sept": 9})
_NUMBER = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_UNIT_GRAIN = {"day": "day", "week": "week", "month": "month", "year": "year"}


@dataclass(frozen=True)
class Reading:
    """A resolved expression; ``relative`` ones are coarsened to what we know of publication."""

    period: Period
    relative: bool


class _Skip:
    def __repr__(self) -> str:
        return "SKIP"


SKIP = _Skip()

# Words around the date that do not change it: "on Tuesday", "late yesterday", "the 2020 deal".
_LEAD = re.compile(r"^(?:(?:on|in|at|during|since|by|until|till|from|of|as of|around|about|circa|"
                   r"approximately|late|early|mid|the(?!\s+(?:next|following|previous|same|last)\b)|"
                   r"this past|end of|beginning of|start of|middle of|first half of|second half of|"
                   r"(?:morning|afternoon|evening|night) of)\s+|mid-)+")
_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night|overnight))?"
_WEEKDAY_RE = re.compile(r"^(?:(last|this|next|past|previous|preceding|this coming|coming)\s+)?("
                         + "|".join(WEEKDAYS) + r")" + _PART_OF_DAY + r"$")
_DAY_WORDS = {
    "yesterday": -1, "last night": -1, "overnight": -1,
    "yesterday morning": -1, "yesterday afternoon": -1, "yesterday evening": -1,
    "yesterday night": -1, "late last night": -1, "earlier yesterday": -1,
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "earlier today": 0, "later today": 0, "today's": 0, "yesterday's": -1,
    "tomorrow": 1, "tomorrow morning": 1, "tomorrow night": 1,
}
# (phrase) -> (unit, offset): "last month" is the month before publication.
_RELATIVE_UNIT = re.compile(r"^(last|this|next|previous|past|coming|current|earlier this|"
                            r"later this|earlier in the|later in the)\s+(week|month|year|weekend)$")
_OFFSET = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1}
_RECENT = re.compile(r"^(?:recent|past few|last few|past several|last several|past couple of|"
                     r"last couple of)\s+(days|weeks|months)$")
_AGO = re.compile(r"^(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
                  r"\s+(day|week|month|year)s?\s+ago$")
_YEAR = r"(1[5-9]\d\d|20\d\d|21\d\d)"
_DAYNUM = r"(\d{1,2})(?:st|nd|rd|th)?"
_MONTHNAME = r"(" + "|".join(MONTHS) + r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?"
_WD = (r"(?:(?:(?:last|this|next|this coming|coming|preceding|past)\s+)?(?:" + "|".join(WEEKDAYS)
       + r"),?\s+)?")
_TO = r"\s*(?:-|\u2013|\u2014|to|until|through|and)\s*"
_ABSOLUTE = [  # (regex, which groups are (year, month, day))
    (re.compile(r"^" + _YEAR + r"-(\d\d)-(\d\d)$"), (1, 2, 3)),
    (re.compile(r"^" + _WD + _MONTHNAME + r"\s+" + _DAYNUM + r",?\s+" + _YEAR + r"$"), (3, 1, 2)),
    (re.compile(r"^" + _WD + _DAYNUM + r"\s+(?:of\s+)?" + _MONTHNAME + r",?\s+" + _YEAR + r"$"), (3, 2, 1)),
    (re.compile(r"^" + _MONTHNAME + r",?\s+(?:of\s+)?" + _YEAR + r"$"), (2, 1, None)),
    (re.compile(r"^" + _YEAR + r"$"), (1, None, None)),
]
_MONTH_DAY = [
    (re.compile(r"^" + _WD + _MONTHNAME + r"\s+" + _DAYNUM + r"$"), (1, 2)),
    (re.compile(r"^" + _WD + _DAYNUM + r"\s+(?:of\s+)?" + _MONTHNAME + r"$"), (2, 1)),
]
# "March 15 to 17", "July 27-28": a few days, dated by the first at week precision.
_DAY_RANGE = re.compile(r"^" + _MONTHNAME + r"\s+" + _DAYNUM + _TO + _DAYNUM + r"(?:,?\s+" + _YEAR + r")?$")
# "21 to 22 May", "3-5 June 2019": the same, day first (groups: first, last, month, year)
_DAY_RANGE_DAY_FIRST = re.compile(r"^" + _DAYNUM + _TO + _DAYNUM + r"\s+(?:of\s+)?" + _MONTHNAME
                                  + r"(?:,?\s+" + _YEAR + r")?$")
_MONTH_ONLY = re.compile(r"^(?:(last|this|next|past|previous)\s+)?" + _MONTHNAME
                         + r"(?:\s+of\s+(this|last|next)\s+year)?$")
# Not dates: durations, ages, frequencies, spans with no anchor in the text we can use.
_NOT_A_DATE = re.compile(
    r"(?:\bold\b|year-old|month-old|week-old|day-old|\bage[sd]?\b|\bevery\b|\beach\b|\bper\b|\bdaily\b|"
    r"\bweekly\b|\bmonthly\b|\bannual(?:ly)?\b|\bquarterly\b|\bnightly\b|\bhourly\b|"
    r"\b(?:the )?(?:next|following|previous|same|other|first|second|third|last) day\b|"
    r"\blater$|\bcentur(?:y|ies)\b|\d0s\b|\bdecades?\b|\bseason\b|\bera\b|\bage\b|"
    r"\b(?:hour|minute|second)s?\b)")
# Ranges and spans of several dates, quarters, fiscal years: no single date to give.
_SPAN_OF_TIME = re.compile(r"\bto\b|\u2013|\u2014|\bbetween\b|\bfrom\b|\bquarter\b|\bq[1-4]\b|/|\d-\w|"
                           r"\bfiscal\b|\bas (?:early|late) as\b|\byear olds?\b")
_DURATION = re.compile(r"^(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                       r"several|many|some|a few|few|a couple of|dozens of|hundreds of|thousands of|"
                       r"the|more than|over|nearly|almost|about|at least|up to|just|only|his|her|their|"
                       r"its|all|the past|the last|the first|the entire|recent|these|those|\d[\d,.]*)\s+)*"
                       r"(?:days?|weeks?|months?|years?|nights?|weekends?|quarters?)$")


def normalise(expression: str) -> str:
    """Lower-case, single spaces, no possessive, no leading 'on'/'in'/'late'/'the'."""
    text = " ".join(expression.lower().replace("\u2019", "'").split())
    if text.endswith("'s"):
        text = text[:-2]
    return _LEAD.sub("", text).strip(" ,.")


def read(expression: str, anchor: Anchor | None) -> Reading | _Skip | None:
    """Resolve one normalised expression (see :func:`normalise`) against ``anchor``."""
    if not expression:
        return SKIP
    absolute = _absolute(expression, anchor)
    if absolute is not None:
        return absolute
    if _NOT_A_DATE.search(expression) or _DURATION.match(expression) or _SPAN_OF_TIME.search(expression):
        return _recent(expression, anchor) or SKIP
    if anchor is None:
        return SKIP if _is_relative(expression) else None
    for rule in (_day_word, _weekday, _relative_unit, _recent, _ago, _month_only):
        reading = rule(expression, anchor)
        if reading is not None:
            return reading
    return None


def _is_relative(expression: str) -> bool:
    words = expression.split()
    return bool(words) and (words[0] in _WEEKDAY or expression in _DAY_WORDS
                            or words[0] in ("last", "this", "next", "recent", "earlier", "later", "past"))


def _absolute(expression: str, anchor: Anchor | None) -> Reading | None:
    """Dates that carry their year; and "August 3" / "3 August", which take the nearest year."""
    for pattern, (y, m, d) in _ABSOLUTE:
        match = pattern.match(expression)
        if match:
            year = int(match.group(y))
            month = _month_number(match.group(m)) if m else None
            day = int(match.group(d)) if d else None
            period = _period(year, month, day)
            return Reading(period, False) if period else None
    ranged = _DAY_RANGE.match(expression)
    if ranged and (ranged.group(4) or anchor):
        return _day_range(ranged.group(1), ranged.group(2), ranged.group(3), ranged.group(4), anchor)
    ranged = _DAY_RANGE_DAY_FIRST.match(expression)
    if ranged and (ranged.group(4) or anchor):
        return _day_range(ranged.group(3), ranged.group(1), ranged.group(2), ranged.group(4), anchor)
    if anchor is None:
        return None
    for pattern, (m, d) in _MONTH_DAY:
        match = pattern.match(expression)
        if match:
            month, day = _month_number(match.group(m)), int(match.group(d))
            period = _nearest_day(anchor, month, day)
            return Reading(period, False) if period else None
    return None


def _day_range(month_name: str, first_day: str, last_day: str, year: str | None,
               anchor: Anchor | None) -> Reading | None:
    """A range of days within one month: its first day, at week precision when it spans a week or less."""
    month, first, last = _month_number(month_name), int(first_day), int(last_day)
    if not first < last <= 31:
        return None
    if year:
        period = _period(int(year), month, first)
    else:
        period = _nearest_day(anchor, month, first) if anchor else None
    if period is None:
        return None
    return Reading(Period(period.first, "week" if last - first < 7 else "month"), False)


def _month_number(name: str) -> int:
    return _MONTH[name.rstrip(".")]


def _period(year: int, month: int | None, day: int | None) -> Period | None:
    try:
        if day:
            return Period(date(year, month or 1, day), "day")
        if month:
            return month_period(year, month)
        return year_period(year)
    except ValueError:
        return None


#: News reports the past: a yearless date is the latest one on or before publication,
#: unless it falls at most this many days after it ("elections on June 6").
FUTURE_DAYS = 92


def _nearest_day(anchor: Anchor, month: int, day: int) -> Period | None:
    """"August 3" without a year: the latest such day up to publication, or one just after it."""
    ref, year = anchor.day, anchor.day.year
    try:
        candidate = date(year, month, day)
    except ValueError:
        return None  # "February 29" in a year without one, "April 31"
    if candidate > ref + timedelta(days=FUTURE_DAYS):
        candidate = _replace_year(candidate, year - 1)
    elif candidate < ref - timedelta(days=365 - FUTURE_DAYS):
        candidate = _replace_year(candidate, year + 1)
    return Period(candidate, "day") if candidate else None


def _replace_year(day: date, year: int) -> date | None:
    try:
        return day.replace(year=year)
    except ValueError:
        return None


def _nearest_month(anchor: Anchor, month: int) -> Period:
    """"in February" without a year: the latest such month, or one up to three months ahead."""
    year = anchor.day.year
    ahead = month - anchor.day.month
    if ahead > FUTURE_DAYS // 30:
        year -= 1
    elif ahead < -(12 - FUTURE_DAYS // 30):
        year += 1
    return month_period(year, month)


def _day_word(expression: str, anchor: Anchor) -> Reading | None:
    offset = _DAY_WORDS.get(expression)
    if offset is None:
        return None
    return _relative(anchor, Period(anchor.day + timedelta(days=offset), "day"))


def _weekday(expression: str, anchor: Anchor) -> Reading | None:
    """A weekday is the latest such day on or before publication ("last Friday": strictly before);
    against a day the text tells of, the nearest such day either side."""
    match = _WEEKDAY_RE.match(expression)
    if not match:
        return None
    modifier, name = match.group(1), match.group(2)
    back = (anchor.day.weekday() - _WEEKDAY[name]) % 7
    if modifier in ("last", "past", "previous", "preceding") and back == 0:
        back = 7
    if modifier in ("next", "coming", "this coming"):
        back = -((_WEEKDAY[name] - anchor.day.weekday()) % 7 or 7)
    elif anchor.told and not modifier and back > 3:
        back -= 7  # 'on Monday' after 'Sunday, April 15' told of: the day after, not six before
    return _relative(anchor, Period(anchor.day - timedelta(days=back), "day"))


def _relative_unit(expression: str, anchor: Anchor) -> Reading | None:
    """"last month", "this year", "earlier this week", "next year", "this weekend"."""
    match = _RELATIVE_UNIT.match(expression)
    if not match:
        return None
    offset, unit = _OFFSET.get(match.group(1), 0), match.group(2)
    day = anchor.day
    if unit == "year":
        return _relative(anchor, year_period(day.year + offset))
    if unit == "month":
        return _relative(anchor, Period(add_months(day, offset), "month"))
    if unit == "weekend":  # the Saturday of the latest (or next) weekend
        saturday = day - timedelta(days=(day.weekday() - 5) % 7)
        return _relative(anchor, Period(saturday + timedelta(days=7 * max(offset, 0)), "week"))
    return _relative(anchor, Period(day + timedelta(days=7 * offset), "week"))


def _recent(expression: str, anchor: Anchor | None) -> Reading | None:
    """"in recent months", "the past few weeks": the publication month (the period just before it)."""
    match = _RECENT.match(expression)
    if not match or anchor is None:
        return None
    grain = "week" if match.group(1) == "days" else "month"
    return _relative(anchor, Period(anchor.day, grain) if grain == "week" else month_period(
        anchor.day.year, anchor.day.month))


def _ago(expression: str, anchor: Anchor) -> Reading | None:
    """"three years ago", "a week ago": count back from publication, at the unit's grain."""
    match = _AGO.match(expression)
    if not match:
        return None
    count = int(match.group(1)) if match.group(1).isdigit() else _NUMBER[match.group(1)]
    unit, day = match.group(2), anchor.day
    if unit == "year":
        return _relative(anchor, year_period(day.year - count))
    if unit == "month":
        return _relative(anchor, Period(add_months(day, -count), "month"))
    step = 7 if unit == "week" else 1
    return _relative(anchor, Period(day - timedelta(days=step * count), _UNIT_GRAIN[unit]))


def _month_only(expression: str, anchor: Anchor) -> Reading | None:
    """"August", "last October", "June of this year": the month in the year that fits."""
    match = _MONTH_ONLY.match(expression)
    if not match:
        return None
    modifier, month, year_word = match.group(1), _month_number(match.group(2)), match.group(3)
    if year_word:
        year = anchor.day.year + {"this": 0, "last": -1, "next": 1}[year_word]
        return Reading(month_period(year, month), True)
    if modifier in ("last", "past", "previous"):
        year = anchor.day.year if month < anchor.day.month else anchor.day.year - 1
        return Reading(month_period(year, month), True)
    if modifier == "next":
        year = anchor.day.year if month > anchor.day.month else anchor.day.year + 1
        return Reading(month_period(year, month), True)
    return Reading(_nearest_month(anchor, month), True)


def _relative(anchor: Anchor, period: Period) -> Reading:
    return Reading(anchor.coarsen(period), True)
