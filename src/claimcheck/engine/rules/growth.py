"""Growth: a yearly rate against a change multiple (CC105); a level, its growth and the level before (CC111)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from claimcheck.engine.findings import Context, Finding, Row, interval_words
from claimcheck.engine.rules.common import (
    Interval,
    assumptions_of,
    closed,
    distinct_readings,
    divided,
    gap,
    growth_years,
    meets,
)
from claimcheck.engine.rules.registry import rule
from claimcheck.read.values import compounded, format_interval, overlap


@rule("CC105", "growth.rate-vs-multiple", key="measure")
def growth_rate_against_multiple(rows: list[Row], ctx: Context) -> Iterable[Finding]:
    """A yearly growth rate and a change multiple over the same years do not compound to each other.

    What it checks:
        For one subject, measure and scope, a rate per year ("over 20% every year") and a
        change multiple ("nearly doubled compared with ten years ago") over overlapping
        periods are compared: the rate compounded over the multiple's years must meet the
        multiple's interval. Over 20% a year for ten years is more than ×6.19, not nearly ×2.

    Why it matters:
        Growth claims are often made in two forms in one text; compounding is where intuition
        fails and where the two forms part ways.

    Known problems:
        The number of years is read from the multiple's period (its end year minus its start
        year). A rate is held to a multiple only when its own period spans the multiple's years
        (to within a year at each end): the growth of one year ("up 4.5% in 2022") is not an
        average over "since 2004". A rate over the whole span that held only for part of it
        cannot be told apart.

    Conflicting example:
        # liu.yaml
        source: {id: liu, published: 2023}
        claims:
          - {id: rate, subject: China, measure: trade volume, scope: neighbours, value: "over 20% every year", period: 2013-2023}
          - {id: multiple, subject: China, measure: trade volume, scope: neighbours, value: nearly doubled, period: compared with ten years ago}

    Consistent example:
        # liu.yaml
        source: {id: liu, published: 2023}
        claims:
          - {id: rate, subject: China, measure: trade volume, scope: neighbours, value: "about 7% a year", period: 2013-2023}
          - {id: multiple, subject: China, measure: trade volume, scope: neighbours, value: nearly doubled, period: compared with ten years ago}
    """
    rates = sorted((r for r in rows if r.kind == "rate" and r.claim.value and r.claim.value.unit == "percent / year"),
                   key=lambda r: r.gid)
    multiples = sorted((r for r in rows if r.kind == "change_multiple"), key=lambda r: r.gid)
    for multiple in multiples:
        period = multiple.claim.period
        assert period is not None
        years = growth_years(period)
        if years <= 0:
            continue
        for rate in rates:
            if not _spans(rate, multiple):
                continue
            value = rate.claim.value
            assert value is not None
            r_lo, r_hi = value.low_magnitude, value.high_magnitude
            low = None if r_lo is None else compounded(r_lo / 100, years)
            high = None if r_hi is None else compounded(r_hi / 100, years)
            implied = format_interval(low, high, rate.lo_inc, rate.hi_inc, "dimensionless")
            agrees = overlap(low, high, rate.lo_inc, rate.hi_inc, multiple.lo, multiple.hi, multiple.lo_inc,
                             multiple.hi_inc)
            yield Finding.written("consistent" if agrees else "conflict", [rate, multiple],
                        f"{rate.said()}; compounded over {years:g} years that is {implied}; {multiple.said()} "
                        f"reads {multiple.shown_interval()}: {'they agree' if agrees else 'they do not agree'}.",
                        f"(1 + {rate.shown_interval()}) ^ {years:g} years = {implied}; the multiple reads "
                        f"{multiple.shown_interval()} over {period.label()}.", "high", assumptions_of([rate, multiple]))



def _spans(rate: Row, multiple: Row) -> bool:
    """The rate's period covers the multiple's years, to within a year at each end (a rate for 2013–2022
    against "compared with ten years ago", said in 2023)."""
    return rate.start <= multiple.start + 366 and rate.end >= multiple.end - 366


@rule("CC111", "growth.link", key="level")
def growth_links(rows: list[Row], ctx: Context) -> Iterable[Finding]:
    """A level, its growth and the level before it do not multiply out.

    What it checks:
        For one subject, measure and scope, a level (a total or a count) of a window and a growth
        over it imply the level of the window before: "$820 billion in 2019" grown "12.5%" (a
        yearly rate) or "×1.125" implies [728.2, 729.5] billion in 2018, which is compared with a
        level stated for 2018; the other way round, two levels a year apart imply a growth to hold
        against the stated one. An average yearly growth over a span of years (2013–2022)
        compounds over it and is compared with the levels at its two ends. A growth of a window
        shorter than a year is year on year: the same window a year before. The levels must be in
        one unit; the arithmetic is interval arithmetic, and the finding shows it. A level and its
        growth with no level stated for the window before give the level they imply, undetermined,
        for a fact-checker to look up.

    Why it matters:
        A growth rate and two levels are three numbers that must agree; sources often copy the
        rate from one release and the levels from another, and only the division shows it.

    Known problems:
        A growth written without its base ("up 12.5%" of an index rather than the level) or over a
        different basis (in another currency, in real terms against nominal levels) gives a false
        conflict: record it under another measure. The window before is taken as the same window
        one year earlier; a growth against the previous quarter is not read.

    Conflicting example:
        # agency.yaml
        source: {id: agency, published: 2020-03-01}
        claims:
          - {id: exports-2019, subject: Korea, measure: exports, value: "$820 billion", period: 2019}
          - {id: growth-2019, subject: Korea, measure: exports, value: "12.5%", unit: percent a year, period: 2019}
        ---
        # yearbook.yaml
        source: {id: yearbook, published: 2020-03-15}
        claims:
          - {id: exports-2018, subject: Korea, measure: exports, value: "$610 billion", period: 2018}

    Consistent example:
        # agency.yaml
        source: {id: agency, published: 2020-03-01}
        claims:
          - {id: exports-2019, subject: Korea, measure: exports, value: "$820 billion", period: 2019}
          - {id: growth-2019, subject: Korea, measure: exports, value: "12.5%", unit: percent a year, period: 2019}
        ---
        # yearbook.yaml
        source: {id: yearbook, published: 2020-03-15}
        claims:
          - {id: exports-2018, subject: Korea, measure: exports, value: "$729 billion", period: 2018}
    """
    levels = [r for r in rows if r.kind in ("amount", "count") and r.lo is not None and r.lo >= 0]
    if not levels:
        return
    by_window: dict[tuple[str | None, int, int], list[Row]] = {}
    for row in levels:
        by_window.setdefault((row.dimension, row.start, row.end), []).append(row)
    for growth in (r for r in rows if r.kind in ("change_multiple", "rate")):
        found = _growth_multiple(growth)
        if found is None:
            continue
        multiple, (now, before), words = found
        for dimension in sorted({d for d, _, _ in by_window}, key=str):
            nows, befores = by_window.get((dimension, *now), []), by_window.get((dimension, *before), [])
            for level in distinct_readings(nows):
                for earlier in distinct_readings(befores):
                    yield _link(level, earlier, growth, multiple, words)
                if not befores:
                    yield _implied(level, growth, multiple, words, before)


def _growth_multiple(growth: Row) -> tuple[Interval, tuple[tuple[int, int], tuple[int, int]], str] | None:
    """The growth as a multiple of the earlier level, the windows it links (now, before), and how it was read."""
    period = growth.claim.period
    if period is None or growth.value is None:
        return None
    value = growth.value
    whole_years = (period.start.month, period.start.day, period.end.month, period.end.day) == (1, 1, 12, 31)
    span = period.end.year - period.start.year if whole_years else 0
    if growth.kind == "rate":
        if value.unit != "percent / year" or value.low_magnitude is None:
            return None
        years = max(span, 1)
        per_year = (1 + value.low_magnitude / 100, None if value.high_magnitude is None else 1 + value.high_magnitude / 100)
        multiple = _power(per_year, years)
        words = f"(1 + {value.interval_text()}) ^ {years}" if years > 1 else f"1 + {value.interval_text()}"
    else:
        multiple, years, words = (growth.lo, growth.hi), max(span, 1), f"{value.interval_text()}"
    if span >= 1:
        now = (date(period.end.year, 1, 1).toordinal(), period.end.toordinal())
        before = (period.start.toordinal(), date(period.start.year, 12, 31).toordinal())
    else:
        now = (period.start.toordinal(), period.end.toordinal())
        before = (_year_before(period.start).toordinal(), _year_before(period.end).toordinal())
    return multiple, (now, before), words


def _power(base: Interval, years: int) -> Interval:
    # Past what a float holds the bound is infinite (compounded), not unbounded: None would let a
    # growth of over 100% a year for a thousand years imply any earlier level at all.
    low, high = base
    return (None if low is None else compounded(low - 1, years), None if high is None else compounded(high - 1, years))


def _year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def _link(level: Row, earlier: Row, growth: Row, multiple: Interval, words: str) -> Finding:
    implied_before = divided(closed(level), multiple)
    agrees = meets(implied_before, closed(earlier))
    implied_growth = divided(closed(level), closed(earlier))
    rows = [level, earlier, growth]
    return Finding("consistent" if agrees else "conflict", rows, _link_words,
                   (level, earlier, growth, implied_before, implied_growth, words, agrees),
                   gap=None if agrees else gap(implied_before, closed(earlier)), sides=[[level, growth], [earlier]])


def _implied(level: Row, growth: Row, multiple: Interval, words: str, before: tuple[int, int]) -> Finding:
    """A level and its growth with no level stated for the window before: the level they imply, to look up."""
    implied_before = divided(closed(level), multiple)
    window = _window_label(*before)
    shown = interval_words(*implied_before, True, True, level)
    head = (f"{level.said()}, grown {growth.shown_value()} ({growth.shown_period()}), implies {shown} for {window}; "
            "no claim states that level to compare it with.")
    why = f"{level.shown_interval()} ÷ ({words}) = {shown}."
    return Finding.written("undetermined", [level, growth], head, why, assumptions=assumptions_of([level, growth]),
                           sides=[[level, growth]])


def _window_label(start: int, end: int) -> str:
    first, last = date.fromordinal(start), date.fromordinal(end)
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
        return str(first.year) if first.year == last.year else f"{first.year}–{last.year}"
    if first.day == 1 and (first.year, first.month) == (last.year, last.month) and \
            date.fromordinal(end + 1).month != last.month:
        return f"{first:%B %Y}"
    return f"{first.isoformat()}..{last.isoformat()}"


def _link_words(rows: list[Row], level: Row, earlier: Row, growth: Row, implied_before: Interval,
                implied_growth: Interval, words: str, agrees: bool) -> tuple[str, str, tuple[str, ...]]:
    before = interval_words(*implied_before, True, True, level)
    ratio = format_interval(*implied_growth, True, True, "dimensionless")
    head = (f"{level.said()}, grown {growth.shown_value()} ({growth.shown_period()}), implies {before} for "
            f"{earlier.shown_period()}; {earlier.said()}: {'they agree' if agrees else 'they do not agree'}.")
    why = (f"{level.shown_interval()} ÷ ({words}) = {before}; the stated level reads {earlier.shown_interval()}. "
           f"The other way round, the two levels imply a growth of {ratio} from {earlier.shown_period()} to "
           f"{level.shown_period()}.")
    return head, why, tuple(assumptions_of(rows))

__all__ = ["growth_links", "growth_rate_against_multiple"]
