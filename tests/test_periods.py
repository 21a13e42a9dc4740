"""The period grammar: absolute and relative forms, and what is never filled in from today."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import period_texts

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
