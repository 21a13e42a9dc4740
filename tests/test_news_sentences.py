"""Every case of the news-sentence regression set (tests/gold/news_sentences.yaml), field by field."""

from __future__ import annotations

import re

import pytest
from news import cases, extracted, label, matched, stated, where

CASES = cases()


def _params() -> list:
    return [pytest.param(case, id=case.id,
                         marks=[pytest.mark.xfail(strict=True, reason=case.pending)] if case.pending else [])
            for case in CASES]


@pytest.mark.parametrize("case", _params())
def test_case(case):
    found = extracted(case)
    pairs = matched(case, found)
    for expected, candidate in pairs:
        assert candidate is not None, f"{expected.span!r} is not read as {expected.bounds}"
        got = {"span": candidate.text, "bounds": candidate.value.interval_text(), "direction": candidate.direction,
               "period": label(candidate), "quote": case.text[slice(*candidate.quote)], "written": candidate.written,
               "also": candidate.also, "stated": stated(candidate, case)}
        want = {"span": expected.span, "bounds": expected.bounds, "direction": expected.direction,
                "period": expected.period, "quote": expected.quote, "written": expected.written, "also": expected.also,
                "stated": expected.stated}
        got.update({k: getattr(candidate, k) for k in expected.guesses})
        want.update(expected.guesses)
        assert got == want
    others = [c.text for c in found if c.value is not None and all(c is not m for _, m in pairs)]
    assert others == [], "values a fact-checker would not keep"
    kept = [where(case, expected) for expected in case.values]
    for refused in case.refused:
        # where it is written outside what is kept ("5G" of "5GHz chip set it apart, but it has no 5G")
        places = [m.span() for m in re.finditer(re.escape(refused), case.text)
                  if not any(a < m.end() and m.start() < b for a, b in kept)]
        assert places, f"{refused!r} is not in the text outside the values kept"
        for at, end in places:
            assert not any(c.value is not None and c.start < end and at < c.end for c in found), refused
    if case.dates is not None:
        assert [label(c) for c in found if c.kind == "date"] == case.dates


def test_the_set_covers_every_phrase_of_the_issue():
    """The phrases the issue names are each in some case, so that none of them can quietly stop being read."""
    text = " ".join(case.text for case in CASES)
    for phrase in ["from $0.8 trillion to $1.5 trillion", "for two consecutive years", "past decade", "Jan-Feb 2017",
                   "from January to March 2023", "on February 11", "FTSE 100", "Galaxy S24", "Boeing 747", "Round 3",
                   "COVID-19", "Python 3", "2.1 alpha", "0401 GMT", "RM15", "40 sen", "$A5 million",
                   "$US45 million", "85p", "mil", "3.4m tonnes", "12m (39ft)", "25 C", "900 b", "metric tons",
                   "over three pounds", "minus-40 degrees", "two-, three- and four-bedroom", "sub-", "million-year-old",
                   "300hp", "5GHz", "5G", "$400,000 to $2 million", "4 to 4.5%", "fell by a third", "rose over 5%",
                   "the first half of 2021", "first 7 months of 2019", "the first nine months of 2022",
                   "January-September 2022", "10/1/2018", "04th Jan 2019", "mid-March 2021", "late November 2022",
                   "mid-2018", "by the end of 2018", "at the end of March 2020", "as of 1 May 2022"]:
        assert phrase.lower() in text.lower(), phrase


def test_every_expected_span_is_where_the_case_says():
    for case in CASES:
        for expected in case.values:
            start, end = where(case, expected)
            assert case.text[start:end] == expected.span
            assert expected.quote in case.text and expected.span in expected.quote or expected.written, case.id
