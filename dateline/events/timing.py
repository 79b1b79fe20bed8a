"""When an event happened: the date said nearest its trigger in its sentence, a background
event's last past date, else the publication date; dates indexed by offset once per article."""
from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date, timedelta
from typing import Any

from dateline import rules
from dateline.events import taxonomy
from dateline.records import DateMention, Event, Span
from dateline.text import wire


class Dates:
    """An article's date mentions in text order, looked up by offset (no scan per event)."""

    def __init__(self, dates: list[DateMention]) -> None:
        self.all = sorted(dates, key=lambda d: d.span.start)
        self._starts = [d.span.start for d in self.all]

    def between(self, start: int, end: int) -> list[DateMention]:
        """Mentions whose span starts in [start, end), in text order."""
        return self.all[bisect_left(self._starts, start):bisect_left(self._starts, end)]




def event_dates(dates: list[DateMention], text: str) -> Dates:
    """The dates that can date an event: not the filing date of a wire dateline
    ('OUAGADOUGOU, March 4 (Wire) -'), which says when the story was sent."""
    return Dates([d for d in dates if not wire.filed_date(text, d.span.start, d.span.end)])


def in_sentence(dates: Dates, sentence: Span) -> list[DateMention]:
    return dates.between(sentence.start, sentence.end)


def background_date(dates: Dates, sentence: Span) -> list[DateMention]:
    """A historical event with no date of its own takes the last past date said before it
    ("released ... last year" ... "Under the deal, Kabul was to release"), never today's."""
    past = [d for d in dates.between(sentence.start - 800, sentence.start) if d.historical]
    return past[-1:]


def near(dates: Dates, sentence: Span, trig: taxonomy.Trigger, doc: Any = None) -> list[DateMention]:
    """Dates of the trigger: before it in the sentence, or within a few words after it, or
    further on in its own clause ("an assault on X is one of the prisoners released last
    year": last year is the release's), or on a verb of the trigger's by the parse (see
    :func:`_on_subjects_verb`)."""
    text = sentence.text
    found = [d for d in in_sentence(dates, sentence) if d.span.start < trig.start or d.span.start - trig.end <= 40
             or _same_clause(text[trig.end - sentence.start:d.span.start - sentence.start])
             or _on_subjects_verb(doc, trig, d)]
    return sorted(found, key=lambda d: abs(d.span.start - trig.start))


def _on_subjects_verb(doc: Any, trig: taxonomy.Trigger, date: DateMention) -> bool:
    """The date modifies the verb the trigger is the subject of, or a clause that hangs off
    the trigger itself ('a drone strike ... hit a street on Sunday', 'the raid, which began
    before dawn on Tuesday')."""
    if doc is None:
        return False
    t = doc.char_span(trig.start, trig.end, alignment_mode="expand")
    d = doc.char_span(date.span.start, date.span.end, alignment_mode="expand")
    if t is None or d is None:
        return False
    word = d.root
    while word.head.i != word.i and word.pos_ not in ("VERB", "AUX"):
        word = word.head
    subject_of = t.root.dep_ in ("nsubj", "nsubjpass") and word.i == t.root.head.i
    clause_of = t.root.pos_ in ("NOUN", "PROPN") and word.head.i == t.root.i and word.dep_ in ("relcl", "acl")
    return subject_of or clause_of


#: words that open another clause or phrase between a trigger and a date after it ('before
#: dawn on Tuesday', '(20 miles)' and a short name in brackets, 'CPI(M)', '(ELN)', open none)
_NEW_CLAUSE = re.compile(r"[;:]|\((?![\d.,]+\s*[a-z]+\))(?![\w.'’ -]{1,12}\))|\b(?:that|which|who|whom|whose|since|until|"
                         r"released|freed|because|although|but)\b|\b(?:after|before)\b(?!\s+(?:dawn|dusk|midnight|"
                         r"noon|sunrise|sunset|daybreak|nightfall|first light|\d))", re.I)


def _same_clause(gap: str) -> bool:
    """'A military airstrike on a village ... killed at least 11 civilians on Sunday': a date
    further on in the trigger's own clause is still its date."""
    return len(gap) <= 160 and not _NEW_CLAUSE.search(gap)


_NEXT_DAY = re.compile(r"\b(?:the (?:next|following) (?:day|morning|evening|night)|a day later|the day after)\b", re.I)
_DAY_BEFORE = re.compile(r"\b(?:the (?:day|night) before|the previous (?:day|night)|a day earlier)\b", re.I)
_SAME_DAY = re.compile(r"\b(?:(?:hours|minutes) later|(?:later )?that (?:day|morning|afternoon|evening|night)|"
                       r"the same (?:day|night)|shortly (?:after|afterwards))\b", re.I)


def chained(sentence: Span, trig: taxonomy.Trigger, previous: Event | None) -> DateMention | None:
    """'The next day, troops shelled ...', 'Hours later, militants fired rockets', 'the day
    before': the day after, of or before the event told before, when that one had a day of
    its own."""
    if previous is None or "event_date" not in previous.evidence or len(previous.event_date) != 10:
        return None
    m, later = _NEXT_DAY.search(sentence.text), 1
    if m is None:
        m, later = _SAME_DAY.search(sentence.text), 0
    if m is None:
        m, later = _DAY_BEFORE.search(sentence.text), -1
    if not m or sentence.start + m.start() > trig.start + 80:
        return None
    day = date.fromisoformat(previous.event_date) + timedelta(days=later)
    start = sentence.start + m.start()
    return DateMention(Span(start, sentence.start + m.end(), m.group(0)), day.isoformat(), 1)


def fill_date(event: Event, doc: Any, dates: list[DateMention]) -> None:
    """The sentence's own date, else the publication date with its precision."""
    if dates:
        mention = dates[0]
        event.event_date, event.time_precision = mention.date, mention.precision
        event.evidence["event_date"] = [mention.span]
        event.evidence["time_precision"] = [mention.span]
    elif doc.published:
        event.event_date = doc.published
        event.time_precision = doc.published_precision or _precision(doc.published)
    event.year = year_of(event.event_date)
    if event.year is not None and "event_date" in event.evidence:
        event.evidence["year"] = event.evidence["event_date"]


def latest_written_date(article: Any, recalled: list[Span]) -> DateMention | None:
    """The latest date the text writes with its year ('June 25, 2024', 'in 2021'), outside
    the ``recalled`` sentences of background events: with no publication date, the report
    was written no earlier, in its month or year."""
    text = article.document.text
    written = [d for d in article.dates if d.date and _YEAR.search(d.span.text)
               and not any(s.start <= d.span.start < s.end for s in recalled)
               and not (_BARE_YEAR.fullmatch(d.span.text) and _NAMING.search(text, max(0, d.span.start - 6), d.span.start))
               and not _BOUND.search(text, max(0, d.span.start - 8), d.span.start)]
    return max(written, key=lambda d: d.date) if written else None


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
#: 'the 2016 peace accord', 'its 2019 election': a year that names a thing, not when one writes
_BARE_YEAR = re.compile(r"(?:19|20)\d\d")
_NAMING = re.compile(r"\b(?:the|a|an|its|their|his|her)\s+$|['\u2019]s\s+$", re.I)
#: 'a rebellion since 1969', 'from 2009 to 2012', 'before 2020': the bound of a period, not
#: when the report was written
_BOUND = rules.Live("events.context", "period_bound")


def within(event: Event, written: DateMention) -> None:
    """An undated report's event dated by the text's latest written date, as the publication
    date would date it, no finer than its month (precision 3)."""
    event.event_date, event.time_precision = written.date[:7], 3
    event.year = year_of(event.event_date)
    event.evidence["event_date"] = event.evidence["time_precision"] = event.evidence["year"] = [written.span]


def long_before(iso_date: str, written: str) -> bool:
    """Whether a date lies two calendar years or more before the report's latest written
    date: clearly background when no publication date says how old it is."""
    year, then = year_of(iso_date), year_of(written)
    return year is not None and then is not None and year <= then - 2


def after(iso_date: str, published: str) -> bool:
    """Whether a date (a day, month or year) lies wholly after the publication date."""
    if not iso_date or not published:
        return False
    return iso_date > published[:len(iso_date)]


def in_the_week_before(day: str, ref: str) -> bool:
    """Whether ``day`` (a day, ISO) lies in the week up to the day ``ref`` begins with
    ('Friday' in a report of the Sunday after): the recent past a report retells."""
    if len(day or "") != 10 or len(ref or "") < 10:
        return False
    return 0 <= (date.fromisoformat(ref[:10]) - date.fromisoformat(day)).days <= 7


def _precision(iso_date: str) -> int:
    return 1 if len(iso_date) >= 10 else 3


def year_of(iso_date: str) -> int | None:
    return int(iso_date[:4]) if len(iso_date) >= 4 and iso_date[:4].isdigit() else None
