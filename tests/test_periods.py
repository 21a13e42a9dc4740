"""The period grammar: absolute and relative forms, and what is never filled in from today."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import PUBLISHED_EDGES, day_spans, period_texts, relative_periods

from claimcheck import ClaimcheckError, PeriodParseError, parse_period


def span(text: str, published=None):
    p = parse_period(text, published=published)
    return p.start.isoformat(), p.end.isoformat(), p.granularity


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2022", ("2022-01-01", "2022-12-31", "year")),
        ("in 2022", ("2022-01-01", "2022-12-31", "year")),
        ("October 2013", ("2013-10-01", "2013-10-31", "month")),
        ("Oct. 2013", ("2013-10-01", "2013-10-31", "month")),
        ("2013-10", ("2013-10-01", "2013-10-31", "month")),
        ("February 2024", ("2024-02-01", "2024-02-29", "month")),
        ("5 October 2013", ("2013-10-05", "2013-10-05", "day")),
        ("October 5, 2013", ("2013-10-05", "2013-10-05", "day")),
        ("2022-10-22", ("2022-10-22", "2022-10-22", "day")),
        ("2012–2022", ("2012-01-01", "2022-12-31", "span")),
        ("2012-22", ("2012-01-01", "2022-12-31", "span")),
        ("from 2012 to 2022", ("2012-01-01", "2022-12-31", "span")),
        ("Q3 2023", ("2023-07-01", "2023-09-30", "quarter")),
        ("2023 Q1", ("2023-01-01", "2023-03-31", "quarter")),
        ("first quarter of 2023", ("2023-01-01", "2023-03-31", "quarter")),
        ("first half of 2024", ("2024-01-01", "2024-06-30", "half")),
        ("H1 2023", ("2023-01-01", "2023-06-30", "half")),
        ("second half of 2023", ("2023-07-01", "2023-12-31", "half")),
        ("January–August 2020", ("2020-01-01", "2020-08-31", "span")),
        ("the first eight months of 2020", ("2020-01-01", "2020-08-31", "span")),
        ("the 2020s", ("2020-01-01", "2029-12-31", "decade")),
    ],
)
def test_absolute_forms(text, expected):
    assert span(text) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("since 2012", "2025", ("2012-01-01", "2025-12-31", "span")),
        ("ten years ago", "2023", ("2013-01-01", "2013-12-31", "year")),
        ("compared with ten years ago", "2023", ("2013-01-01", "2023-12-31", "span")),
        ("last year", "2025-03-04", ("2024-01-01", "2024-12-31", "year")),
        ("this year", "2025", ("2025-01-01", "2025-12-31", "year")),
        ("for 15 consecutive years", "2025", ("2011-01-01", "2025-12-31", "span")),
        ("four years in a row", "2025", ("2022-01-01", "2025-12-31", "span")),
        ("over the past decade", "2025", ("2016-01-01", "2025-12-31", "span")),
        ("the past three years", "2025", ("2023-01-01", "2025-12-31", "span")),
    ],
)
def test_relative_forms_resolve_against_publication(text, published, expected):
    period = parse_period(text, published=published)
    assert (period.start.isoformat(), period.end.isoformat(), period.granularity) == expected
    assert period.relative


@pytest.mark.parametrize(
    ("text", "latest"),
    [("since 2012", "2012-12-31"), ("since October 2012", "2012-10-31"), ("since 3 December 2012", "2012-12-03"),
     ("since three years ago", "2022-12-31"), ("compared with five years ago", "2020-12-31")],
)
def test_a_span_since_a_date_may_begin_on_any_day_of_it(text, latest):
    period = parse_period(text, published="2025")
    assert period.start_latest.isoformat() == latest and period.start <= period.start_latest <= period.end


def test_published_may_be_a_date():
    assert parse_period("last year", published=date(2025, 6, 1)).start == date(2024, 1, 1)


@pytest.mark.parametrize("text", ["since 2012", "ten years ago", "last year", "for 15 consecutive years"])
def test_relative_form_without_publication_date_says_so(text):
    with pytest.raises(PeriodParseError, match="relative to the publication date"):
        parse_period(text)


@pytest.mark.parametrize("text", ["March", "5 March", "October 5"])
def test_missing_year_is_never_taken_from_today(text):
    with pytest.raises(PeriodParseError, match="no year"):
        parse_period(text)


def test_a_year_is_the_whole_year_and_a_month_the_whole_month():
    assert span("2019") == ("2019-01-01", "2019-12-31", "year")
    assert span("March 2019") == ("2019-03-01", "2019-03-31", "month")


@pytest.mark.parametrize("text", ["", "nonsense", "2022-13", "2022-02-30", "2022–2012", "Q5 2023", "1e99",
                                  "x" * 100_000, "since " + "9" * 50_000])
def test_bad_periods_get_a_clear_error(text):
    with pytest.raises(PeriodParseError):
        parse_period(text, published="2025")


@given(period_texts())
def test_every_period_has_start_before_end(text):
    try:
        period = parse_period(text, published="2030")
    except ClaimcheckError:
        return
    assert period.start <= period.end


@given(st.text(max_size=40))
def test_any_text_parses_or_raises_claimcheck_error(text):
    try:
        parse_period(text, published="2025")
    except ClaimcheckError:
        pass


# --- claim files v2: windows, instants, approximate parts, streaks ---------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the first half of 2021", ("2021-01-01", "2021-06-30", "half")),
        ("the first quarter of 2023", ("2023-01-01", "2023-03-31", "quarter")),
        ("first 7 months of 2019", ("2019-01-01", "2019-07-31", "span")),
        ("the first nine months of 2022", ("2022-01-01", "2022-09-30", "span")),
        ("January-September 2022", ("2022-01-01", "2022-09-30", "span")),
        ("Jan-Feb 2017", ("2017-01-01", "2017-02-28", "span")),
        ("from January to March 2023", ("2023-01-01", "2023-03-31", "span")),
        ("between January and March 2023", ("2023-01-01", "2023-03-31", "span")),
        ("10/1/2018", ("2018-10-01", "2018-10-01", "day")),
        ("25/12/2018", ("2018-12-25", "2018-12-25", "day")),
        ("04th Jan 2019", ("2019-01-04", "2019-01-04", "day")),
        ("on 5 October 2013", ("2013-10-05", "2013-10-05", "day")),
    ],
)
def test_windows_and_dates_written_in_news(text, expected):
    assert span(text) == expected


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("by the end of 2018", "2018-12-31"),
        ("at the end of 2018", "2018-12-31"),
        ("at the end of March 2020", "2020-03-31"),
        ("end-2018", "2018-12-31"),
        ("at the start of 2019", "2019-01-01"),
        ("as of 1 May 2022", "2022-05-01"),
        ("as of 1 July 2023", "2023-07-01"),
        ("as at 30 June 2023", "2023-06-30"),
    ],
)
def test_instants_are_one_day_flagged_as_states(text, day):
    period = parse_period(text)
    assert (period.start.isoformat(), period.end.isoformat()) == (day, day)
    assert period.instant and period.label().startswith("as of ")


def test_a_day_with_no_year_is_the_last_one_before_a_dated_publication():
    assert parse_period("as at 30 June", published="2023-03-10").start == date(2022, 6, 30)
    assert parse_period("as at 30 June", published="2023-08") .start == date(2023, 6, 30)
    with pytest.raises(PeriodParseError, match="no year"):
        parse_period("as at 30 June", published="2023")  # a year alone cannot say which 30 June


def test_a_month_with_no_year_is_refused_with_the_fix_in_its_own_words():
    with pytest.raises(PeriodParseError, match=r"write the year the text means, e.g. 'February 2024'"):
        parse_period("in February", published="2024-04-02")


@pytest.mark.parametrize(
    ("text", "strict", "loose"),
    [
        ("mid-March 2021", ("2021-03-11", "2021-03-20"), ("2021-03-01", "2021-03-31")),
        ("early March 2021", ("2021-03-01", "2021-03-10"), ("2021-03-01", "2021-03-31")),
        ("late February 2023", ("2023-02-21", "2023-02-28"), ("2023-02-01", "2023-02-28")),
        ("late November 2022", ("2022-11-21", "2022-11-30"), ("2022-11-01", "2022-11-30")),
        ("mid-2018", ("2018-05-01", "2018-08-31"), ("2018-01-01", "2018-12-31")),
        ("late 2024", ("2024-09-01", "2024-12-31"), ("2024-01-01", "2024-12-31")),
        ("early 2023", ("2023-01-01", "2023-04-30"), ("2023-01-01", "2023-12-31")),
        ("the late 1990s", ("1997-01-01", "1999-12-31"), ("1990-01-01", "1999-12-31")),
        # seasons: meteorological, of the northern hemisphere, loosely to the end of the astronomical season
        ("autumn 2021", ("2021-09-01", "2021-11-30"), ("2021-09-01", "2021-12-22")),
        ("fall 2021", ("2021-09-01", "2021-11-30"), ("2021-09-01", "2021-12-22")),
        ("summer 2024", ("2024-06-01", "2024-08-31"), ("2024-06-01", "2024-09-22")),
        ("the summer of 2024", ("2024-06-01", "2024-08-31"), ("2024-06-01", "2024-09-22")),
        ("spring 2025", ("2025-03-01", "2025-05-31"), ("2025-03-01", "2025-06-22")),
        ("winter 2023–24", ("2023-12-01", "2024-02-29"), ("2023-12-01", "2024-03-22")),
        ("winter 2023/2024", ("2023-12-01", "2024-02-29"), ("2023-12-01", "2024-03-22")),
        ("late summer 2022", ("2022-08-01", "2022-08-31"), ("2022-06-01", "2022-09-22")),
        ("early spring 2025", ("2025-03-01", "2025-03-31"), ("2025-03-01", "2025-06-22")),
    ],
)
def test_approximate_parts_are_thirds_with_the_whole_as_their_loose_reading(text, strict, loose):
    period = parse_period(text)
    assert period.approximate and "approximate" in period.label()
    assert (period.start.isoformat(), period.end.isoformat()) == strict
    assert (period.outer_start.isoformat(), period.outer_end.isoformat()) == loose


@pytest.mark.parametrize(
    ("text", "published", "first", "length"),
    [
        ("for 15 consecutive years", "2025", "2011-01-01", (15, 15)),
        ("for the past 11 consecutive years", "2025", "2015-01-01", (11, 11)),
        ("for more than 9 consecutive years", "2025", "2016-01-01", (10, None)),
        ("for at least 9 consecutive years", "2025", "2017-01-01", (9, None)),
        ("four years in a row", "2025", "2022-01-01", (4, 4)),
        ("for two consecutive years", "2020", "2019-01-01", (2, 2)),
    ],
)
def test_streaks_keep_their_length_with_its_hedge(text, published, first, length):
    period = parse_period(text, published=published)
    assert period.start.isoformat() == first and period.relative
    assert period.streak is not None and (period.streak.min_years, period.streak.max_years) == length
    assert period.streak.last_year == int(published)


def test_a_streak_implies_its_first_year_with_the_lag_of_annual_data():
    streak = parse_period("for 9 consecutive years", published="2016").streak
    assert streak.first_years() == (2008, 2008)
    assert streak.first_years(lag=1) == (2007, 2008)  # stated in 2016, it may count to 2015
    unbounded = parse_period("for more than 9 consecutive years", published="2016").streak
    assert unbounded.first_years(lag=1) == (None, 2007)


def test_relative_periods_resolve_against_a_statement_time():
    stated = parse_period("2013")
    assert parse_period("for 9 consecutive years", published=stated).streak.last_year == 2013
    assert parse_period("last year", published=stated).start == date(2012, 1, 1)


@pytest.mark.parametrize(("text", "inferred", "approximate"), [("2022-06 (inferred)", True, False),
                                                               ("late 2021", False, True)])
def test_a_publication_date_may_be_inferred_or_approximate(text, inferred, approximate):
    period = parse_period(text)
    assert (period.inferred, period.approximate) == (inferred, approximate)
    assert ("inferred" in period.label()) == inferred


def test_str_of_a_period_is_its_reading():
    assert str(parse_period("first half of 2024")) == "H1 2024: 2024-01-01 .. 2024-06-30"


@given(period_texts())
def test_the_loose_reading_contains_the_reading(text):
    try:
        period = parse_period(text, published="2030-06-15")
    except ClaimcheckError:
        return
    assert period.outer_start <= period.start <= period.end <= period.outer_end


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("yesterday", ("2024-03-11", "2024-03-11")),
        ("on Monday", ("2024-03-11", "2024-03-11")),
        ("Tuesday", ("2024-03-12", "2024-03-12")),  # the day of publication itself
        ("last Tuesday", ("2024-03-05", "2024-03-05")),
        ("next Monday", ("2024-03-18", "2024-03-18")),
        ("last week", ("2024-03-04", "2024-03-10")),
        ("next week", ("2024-03-18", "2024-03-24")),
        ("last month", ("2024-02-01", "2024-02-29")),
        ("earlier this month", ("2024-03-01", "2024-03-12")),
        ("earlier this year", ("2024-01-01", "2024-03-12")),
        ("later this year", ("2024-03-12", "2024-12-31")),
        ("next year", ("2025-01-01", "2025-12-31")),
        ("before the end of the year", ("0001-01-01", "2024-12-31")),
        ("before the end of 2023", ("0001-01-01", "2023-12-31")),
    ],
)
def test_the_calendar_words_of_news_read_against_the_day_of_publication(text, expected):
    period = parse_period(text, published="2024-03-12")  # a Tuesday
    assert (period.start.isoformat(), period.end.isoformat()) == expected


@pytest.mark.parametrize("text", ["yesterday", "on Monday", "next week"])
def test_calendar_words_need_a_day_of_publication(text):
    with pytest.raises(PeriodParseError, match="day of publication"):
        parse_period(text, published="2024")


def test_a_month_without_a_year_asks_for_the_year_the_text_means():
    with pytest.raises(PeriodParseError, match="write the year the text means"):
        parse_period("in January", published="2024-03-12")


def test_a_streak_may_write_its_years_and_they_must_fit_its_length():
    period = parse_period("for three consecutive years, from 2011 to 2013", published="2017-06-20")
    assert (period.start.year, period.end.year, period.streak.min_years, period.streak.last_year) == (2011, 2013, 3, 2013)
    assert parse_period("for three straight years (2011-2013)").streak.last_year == 2013
    with pytest.raises(PeriodParseError, match="is 4 years"):
        parse_period("three consecutive years from 2011 to 2014")


def test_an_event_expected_by_the_end_of_a_year_is_no_later_than_its_last_day():
    from claimcheck import Claim
    context = {"published": parse_period("2023-07-01")}
    event = Claim.model_validate({"id": "x", "event": "Sweden joins", "date": "by the end of 2023"}, context=context)
    assert event.date.end.isoformat() == "2023-12-31" and event.date.start == date.min
    state = Claim.model_validate({"id": "y", "measure": "m", "value": "3", "period": "by the end of 2023"},
                                 context=context)
    assert state.period.instant and state.period.start.isoformat() == "2023-12-31"


@pytest.mark.parametrize("text", ["for the sixth consecutive year", "for a sixth straight year",
                                  "for the 6th year in a row"])
def test_a_streak_may_be_written_with_an_ordinal(text):
    streak = parse_period(text, published="2023-04-14").streak
    assert (streak.min_years, streak.last_year, streak.first_years(lag=1)) == (6, 2023, (2017, 2018))


def test_every_year_since_is_a_streak_whose_first_year_is_written():
    streak = parse_period("every year since 2017", published="2024-02-02").streak
    assert (streak.min_years, streak.first_years(lag=1)) == (8, (2017, 2017))
    written = parse_period("for six consecutive years, from 2017 to 2022").streak
    assert written.first_years(lag=1) == (2017, 2017)  # its years are written: no lag of annual data


def test_the_end_of_a_month_without_a_year_is_the_last_before_publication_only_as_an_observation():
    period = parse_period("as of the end of December", published="2024-01-09")
    assert period.instant and period.start.isoformat() == "2023-12-31"
    with pytest.raises(PeriodParseError, match="write the year"):
        parse_period("as of the end of December", published="2024")


@pytest.mark.parametrize("text", ["until the end of March", "by the end of March", "end of March", "end-March",
                                  "at the end of March", "until 12 February", "on 14 March", "in March",
                                  "by March", "before 12 February", "from 18 January to 12 February", "14-16 March",
                                  "in the autumn", "late summer", "not before March"])
def test_a_date_without_a_year_is_refused_whatever_words_surround_it(text):
    # Published January 2021, "until the end of March" once read 2020-03-31, a day already past.
    with pytest.raises(PeriodParseError, match="it has no year: write the year the text means"):
        parse_period(text, published="2021-01-14")


def test_within_a_span_is_a_deadline_counted_from_the_statement():
    plan = parse_period("within two years", published="2024-02")
    assert (plan.start, plan.end) == (date(2024, 2, 1), date(2026, 2, 28))
    months = parse_period("within 18 months", published="2024-02-10")
    assert (months.start, months.end) == (date(2024, 2, 10), date(2025, 8, 10))


def test_so_far_is_a_running_total_up_to_publication():
    total = parse_period("so far", published="2024-10-18")
    assert total.start == date.min and total.end == date(2024, 10, 18) and total.relative
    with pytest.raises(PeriodParseError, match="publication"):
        parse_period("so far")


@pytest.mark.parametrize(("text", "published", "message"), [
    ("last year", "0001", "the year 0, outside the years 1 to 9999"),
    ("this year", "9999", None),
    ("99999 years ago", "2025", "more years or months than the calendar holds"),
    ("9" * 40 + " years ago", "2025", "more years or months than the calendar holds"),
    ("the past ² months", "2025", "'²' is not a number"),
    ("the past 0 months", "2025", "at least one month"),
    ("the past 12 months", "0001-06", "the year 0"),
    ("for 3 consecutive years", "0002", "the year 0"),
    ("compared with 2026 years ago", "2025", "the year -1"),
    ("tomorrow", "9999-12-31", "a day outside the years 1 to 9999"),
    ("yesterday", "0001-01-01", "a day outside the years 1 to 9999"),
    ("last week", "0001-01-03", "a day outside the years 1 to 9999"),
    ("next month", "9999-12", "a day outside the years 1 to 9999"),
    ("next year", "9999", "the year 10000"),
])
def test_years_beyond_the_calendar_are_located_errors(text, published, message):
    if message is None:
        assert parse_period(text, published=published).end == date(9999, 12, 31)
        return
    with pytest.raises(PeriodParseError, match=message):
        parse_period(text, published=published)


def test_the_past_months_end_on_publication():
    assert span("the past 12 months", "2024-02-29") == ("2023-03-01", "2024-02-29", "span")
    assert span("the past 3 months", "2024-03-31") == ("2024-01-01", "2024-03-31", "span")


@given(relative_periods(), PUBLISHED_EDGES)
@settings(max_examples=600, deadline=None)
def test_a_count_of_years_at_the_calendars_edge_resolves_inside_it_or_is_refused(text, published):
    try:
        period = parse_period(text, published=published)
    except PeriodParseError:
        return
    assert date(1, 1, 1) <= period.start <= period.end <= date(9999, 12, 31)


@pytest.mark.parametrize("text", ["between August 2021 and July 2022", "from August 2021 to July 2022",
                                  "Aug 2021-Jul 2022"])
def test_a_span_of_named_months_across_years(text):
    span = parse_period(text)
    assert (span.start, span.end) == (date(2021, 8, 1), date(2022, 7, 31))


# --- the fourth trial: spans of days, seasons, yearless dates, open ends ---------------------------


@pytest.mark.parametrize("text", ["from 14 March 2025 to 13 June 2025", "14 March to 13 June 2025",
                                  "between 14 March and 13 June 2025", "14 March–13 June 2025",
                                  "from March 14 to June 13, 2025", "14th March until 13th June 2025"])
def test_a_span_of_days(text):
    assert span(text) == ("2025-03-14", "2025-06-13", "span")


def test_a_span_of_days_within_a_month_and_across_years():
    assert span("14–16 March 2025") == ("2025-03-14", "2025-03-16", "span")
    assert span("March 14-16, 2025") == ("2025-03-14", "2025-03-16", "span")
    assert span("14 December 2024 to 13 January 2025") == ("2024-12-14", "2025-01-13", "span")


@pytest.mark.parametrize(("text", "message"), [
    ("14 December to 13 January 2025", "runs backwards .* write the year of its first day"),
    ("16–14 March 2025", "runs backwards"),
    ("14 March to 31 June 2025", "day is out of range"),
])
def test_a_span_of_days_that_cannot_be_is_refused(text, message):
    with pytest.raises(PeriodParseError, match=message):
        parse_period(text)


@given(day_spans())
def test_a_span_of_days_reads_its_first_and_last_day(written):
    text, first, last = written
    period = parse_period(text)
    assert (period.start, period.end) == (first, last)


def test_a_yearless_span_follows_the_rule_of_a_yearless_month():
    with pytest.raises(PeriodParseError, match="e.g. 'from 18 January to 12 February 2021'"):
        parse_period("from 18 January to 12 February", published="2021-01-14")


@pytest.mark.parametrize(("text", "published", "example"), [
    ("Friday 14 March", "2025-11-20", "'Friday 14 March 2025'"),
    ("12 February", "2021-01-14", "'12 February 2021'"),
    ("until the end of March", "2021-01", "'until the end of March 2021'"),
    ("in the autumn", "2021-01-14", "'the autumn of 2021'"),
    ("in the winter", "2021-01-14", "'the winter of 2020–21'"),
    ("12 February", None, "'12 February' followed by its year"),
])
def test_the_refusal_of_a_yearless_date_suggests_the_publications_year_in_the_writers_words(text, published, example):
    with pytest.raises(PeriodParseError, match=f"write the year the text means,? (?:e.g. )?\\(?{example}") as caught:
        parse_period(text, published=published)
    assert "2024" not in caught.value.reason  # the year once suggested whatever the publication


@pytest.mark.parametrize(("text", "message"), [
    ("winter 2024", "write 'winter 2023–24' or 'winter 2024–25'"),
    ("winter 2023–25", "not into 25"),
    ("summer 2023–24", "within one year"),
])
def test_a_season_whose_years_do_not_fit_is_refused(text, message):
    with pytest.raises(PeriodParseError, match=message):
        parse_period(text)


@pytest.mark.parametrize(("text", "earliest"), [
    ("not before 2027", "2027-01-01"), ("no earlier than 2027", "2027-01-01"), ("not until 2027", "2027-01-01"),
    ("from 2027 at the earliest", "2027-01-01"), ("2027 or later", "2027-01-01"), ("after March 2027", "2027-04-01"),
])
def test_an_earliest_date_with_no_latest_is_refused_with_what_to_write(text, earliest):
    # never read as the year itself: 'not before 2027' against 'in 2028' is no conflict
    with pytest.raises(PeriodParseError, match=f"earliest date \\({earliest}.*claim's note:"):
        parse_period(text, published="2024-05-02")


@pytest.mark.parametrize(("text", "recognised"), [
    ("sometime around 14 March of the year", "a day and month \\('14 March'\\)"),
    ("the Spring Festival", "a season \\('Spring'\\)"),
    ("from the launch to the end", "a span"),
    ("the 2027 timetable", "a year \\('2027'\\)"),
])
def test_an_unknown_period_says_what_it_recognised(text, recognised):
    with pytest.raises(PeriodParseError, match=f"it has {recognised}.*; see docs/values-and-periods.md$"):
        parse_period(text, published="2021")


@pytest.mark.parametrize("text", ["nonsense", "by the launch", "at the end of the works", "not before the launch",
                                  "sometime around 14 March of the year"])
def test_every_unknown_period_points_to_the_docs(text):
    with pytest.raises(PeriodParseError, match="see docs/values-and-periods.md$"):
        parse_period(text, published="2021")


def test_until_a_dated_day_is_that_day_as_until_the_end_of_a_month_is():
    assert parse_period("until 12 February 2021").start == date(2021, 2, 12)
    assert parse_period("until 12 February 2021").instant
    assert parse_period("until March 2021") == parse_period("until the end of March 2021").model_copy(
        update={"text": "until March 2021"})


@pytest.mark.parametrize(("text", "label"), [
    ("14 March to 13 June 2025", "14 March–13 June 2025"),
    ("14 December 2024 to 13 January 2025", "14 December 2024–13 January 2025"),
    ("August 2021 to July 2022", "August 2021–July 2022"),
    ("March–May 2025", "March–May 2025"),
])
def test_a_span_is_labelled_as_news_writes_it(text, label):
    assert parse_period(text).label() == label
