"""The dates stage: time expressions resolved against the publication date, with evidence.

Real spaCy (the project's model) finds the DATE/TIME entities; nothing is mocked.
"""
from __future__ import annotations

from datetime import date

import pytest

from dateline import dates, nlp
from dateline.dates import grammar
from dateline.dates.calendar import Anchor, parse_anchor
from dateline.records import Article, DateMention
from dateline.text import prepare
from tests.conftest import SAMPLE, needs_shared

DAY_TEXT = (
    "Friday, January 4, 2019\n\n"
    "An apartment building collapsed on Monday in Magnitogorsk, a city in Russia. "
    "Rescuers worked for over four hours to free a 25-year-old man. "
    "Nancy Pelosi yesterday resumed the office of Speaker, which she last held in 2011. "
    "Protesters marched on Tuesday night after a fire broke out overnight. "
    "The plant had been inspected on August 3, 2018 and again last month. "
    "Turnout last year was low, and the council has met daily for years."
)


def _resolved(text: str, published: str = "") -> Article:
    article = Article(document=prepare(text, published=published))
    article = next(nlp.parse([article]))
    dates.resolve(article)
    return article


def _by_text(article: Article) -> dict[str, DateMention]:
    return {m.span.text: m for m in article.dates}


@pytest.fixture(scope="module")
def sample() -> Article:
    return _resolved(SAMPLE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def day_article() -> Article:
    return _resolved(DAY_TEXT, published="2019-01-04")


@needs_shared(SAMPLE)
def test_sample_relative_days_get_the_month_when_publication_is_only_a_month(sample: Article) -> None:
    assert (sample.document.published, sample.document.published_precision) == ("2021-08", 3)
    found = _by_text(sample)
    for expression in ("Tuesday", "Tuesday night", "overnight"):
        mention = found[expression]
        assert (mention.date, mention.precision, mention.historical) == ("2021-08", 3, False), expression


@needs_shared(SAMPLE)
def test_sample_last_year_and_last_month_are_historical(sample: Article) -> None:
    found = _by_text(sample)
    assert (found["last year"].date, found["last year"].precision, found["last year"].historical) == (
        "2020", 3, True)
    assert (found["last month"].date, found["last month"].precision, found["last month"].historical) == (
        "2021-07", 3, True)


@needs_shared(SAMPLE)
def test_sample_durations_are_not_dates(sample: Article) -> None:
    texts = {m.span.text for m in sample.dates}
    assert not texts & {"years", "four hours", "over four hours"}


@needs_shared(SAMPLE)
def test_sample_evidence_spans_are_the_text_they_cover(sample: Article) -> None:
    text = sample.document.text
    assert sample.dates
    assert all(text[m.span.start:m.span.end] == m.span.text for m in sample.dates)


def test_day_precision_weekday_is_the_latest_on_or_before_publication(day_article: Article) -> None:
    found = _by_text(day_article)
    assert (found["Monday"].date, found["Monday"].precision) == ("2018-12-31", 1)
    assert (found["Tuesday night"].date, found["Tuesday night"].precision) == ("2019-01-01", 1)


def test_day_precision_yesterday_and_overnight_are_the_day_before(day_article: Article) -> None:
    found = _by_text(day_article)
    assert (found["yesterday"].date, found["yesterday"].precision, found["yesterday"].historical) == (
        "2019-01-03", 1, False)
    assert found["overnight"].date == "2019-01-03"


def test_day_precision_absolute_and_historical(day_article: Article) -> None:
    found = _by_text(day_article)
    assert (found["August 3, 2018"].date, found["August 3, 2018"].historical) == ("2018-08-03", True)
    assert (found["2011"].date, found["2011"].precision, found["2011"].historical) == ("2011", 3, True)
    assert (found["last month"].date, found["last month"].historical) == ("2018-12", True)
    assert (found["last year"].date, found["last year"].historical) == ("2018", True)


def test_durations_ages_and_frequencies_are_skipped(day_article: Article) -> None:
    texts = " | ".join(m.span.text for m in day_article.dates)
    for not_a_date in ("hours", "year-old", "daily", "years"):
        assert not_a_date not in texts.replace("last year", ""), texts
    text = day_article.document.text
    assert all(text[m.span.start:m.span.end] == m.span.text for m in day_article.dates)


def test_event_date_picks_the_mention_inside_a_sentence(day_article: Article) -> None:
    text = day_article.document.text
    start = text.index("Protesters")
    end = text.index("The plant")
    mention = dates.event_date(day_article, start, end)
    assert mention is not None and mention.span.text == "Tuesday night"
    first = text.index("An apartment")
    assert dates.event_date(day_article, first, text.index("Rescuers")).span.text == "Monday"
    assert dates.event_date(day_article, text.index("Rescuers"), text.index("Nancy")) is None


def test_event_date_ignores_the_dateline(day_article: Article) -> None:
    assert day_article.dates[0].span.text == "Friday, January 4, 2019"
    assert dates.event_date(day_article, 0, day_article.document.text.index(" in Magnitogorsk")).span.text == "Monday"


def test_dateline_anchors_relative_dates_when_no_publication_date() -> None:
    article = _resolved("Saturday, January 5, 2019\n\nA fire broke out yesterday in the city of Perm.")
    assert _by_text(article)["yesterday"].date == "2019-01-04"


def test_no_anchor_means_no_relative_date_but_absolute_ones_stay() -> None:
    article = _resolved("A fire broke out on Tuesday in Perm. The plant opened on March 3, 2015.")
    found = _by_text(article)
    assert "Tuesday" not in found
    assert found["March 3, 2015"].date == "2015-03-03"


@pytest.mark.parametrize(("expression", "published", "precision", "expected"), [
    ("Friday", "2019-01-04", 1, "2019-01-04"),  # on the publication day itself
    ("last Friday", "2019-01-04", 1, "2018-12-28"),
    ("next Monday", "2019-01-04", 1, "2019-01-07"),
    ("last week", "2019-01-04", 1, "2018-12-28"),
    ("earlier this month", "2021-08", 3, "2021-08"),
    ("in recent months", "2021-08", 3, "2021-08"),
    ("in February 2020", "2021-08", 3, "2020-02"),
    ("in 2020", "2021-08", 3, "2020"),
    ("3 August", "2021-08", 3, "2021-08-03"),
    ("December", "2019-01-04", 1, "2018-12"),
    ("December 28", "2019-01-04", 1, "2018-12-28"),
    ("three years ago", "2019-01-04", 1, "2016"),
    ("late Sunday night", "2019-01-04", 1, "2018-12-30"),
    ("Tuesday", "2021-08-03", 2, "2021-08-03"),  # week-precise publication: the week, not the day
    ("March 15 to 17", "2019-04-02", 1, "2019-03-15"),  # a range of days: its first
    ("15 to 17 March", "2019-04-02", 1, "2019-03-15"),
    ("3-5 June 2017", "2019-04-02", 1, "2017-06-03"),
])
def test_grammar_reads_common_forms(expression: str, published: str, precision: int, expected: str) -> None:
    period = dates.read(expression, parse_anchor(published, precision))
    assert period is not None and period.iso() == expected


def test_a_day_first_range_is_found_whole_in_text() -> None:
    """'From 15 to 17 March' is one expression (the model tags only '17 March'): its first day."""
    import dateline

    article = dateline.extract("From 15 to 17 March, rebels and troops fought near the dam.", published="2019-04-02")
    assert [(d.span.text, d.date) for d in article.dates] == [("15 to 17 March", "2019-03-15")]


@pytest.mark.parametrize("expression", [
    "four hours", "for years", "25-year-old", "daily", "the next day", "two days later", "the 1970s",
    "decades", "64 years old", "every year",
])
def test_grammar_skips_what_is_not_a_date(expression: str) -> None:
    assert dates.read(expression, Anchor(date(2019, 1, 4), "day")) is None


def test_month_precision_never_invents_a_day() -> None:
    anchor = parse_anchor("2021-08", 3)
    for expression in ("Tuesday", "yesterday", "last night", "overnight", "today", "Monday morning"):
        period = dates.read(expression, anchor)
        assert period is not None and (period.iso(), period.precision) == ("2021-08", 3), expression
    assert grammar.normalise("on Tuesday night") == "tuesday night"


def test_names_and_words_that_look_like_dates_are_not_dates() -> None:
    article = _resolved("Marchers recalled Bloody Sunday as troops may march on. An overnight curfew "
                        "began after clashes on Wednesday.", published="2020-01-31")
    found = _by_text(article)
    assert "Sunday" not in found and "march" not in found and "may" not in found
    assert "overnight" not in found
    assert found["Wednesday"].date == "2020-01-29"


def test_dateparser_reads_a_written_date_in_a_shape_the_grammar_lacks() -> None:
    period = dates.read("August 3rd 2021 at noon", None)
    assert period is not None and (period.iso(), period.precision) == ("2021-08-03", 1)
    assert dates.read("2024-25", None) is None  # dateparser would invent a month and day


def test_a_determiner_before_a_date_keeps_it() -> None:
    article = _resolved("Officials recalled the August 3 attack and the Tuesday raid.", published="2021-08-05")
    found = _by_text(article)
    assert found["August 3"].date == "2021-08-03" and found["Tuesday"].date == "2021-08-03"


def test_a_full_date_with_its_weekday_anchors_an_undated_report() -> None:
    """No publication date: 'On Tuesday, June 25, 2024' fixes the week, so 'on Tuesday' and
    'June 18' read as days; without it they stay unread rather than guessed."""
    import dateline

    text = ("On Tuesday, June 25, 2024, police opened fire on demonstrators in Nairobi. In Eldoret, "
            "demonstrators burned tyres on Tuesday. The protests began on June 18.")
    found = {d.span.text: d.date for d in dateline.extract(text).dates}
    assert found["Tuesday"] == "2024-06-25" and found["June 18"] == "2024-06-18"
    found = {d.span.text: d.date for d in dateline.extract("Demonstrators burned tyres on Tuesday.").dates}
    assert not found.get("Tuesday")


def test_a_weekday_near_a_day_told_of_lies_on_either_side() -> None:
    """'on Sunday, April 15, 2018 ... on Monday youths retaliated': with no publication date
    the day told of anchors the week, and Monday is the day after, not six days before."""
    import dateline

    text = "Herdsmen attacked the village on Sunday, April 15, 2018. In a reprisal, youths on Monday attacked a camp."
    found = {d.span.text: d.date for d in dateline.extract(text).dates}
    assert found["Monday"] == "2018-04-16"
    published = {d.span.text: d.date for d in dateline.extract("Youths on Monday attacked a camp.",
                                                                 published="2018-04-15").dates}
    assert published["Monday"] == "2018-04-09"  # against publication, weekdays are past
