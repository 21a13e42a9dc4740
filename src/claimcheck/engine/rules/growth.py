"""Growth: a yearly rate against a change multiple (CC105)."""

from __future__ import annotations

from collections.abc import Iterable

from claimcheck.engine.findings import Context, Finding, Row
from claimcheck.engine.rules.common import assumptions_of, growth_years
from claimcheck.engine.rules.registry import rule
from claimcheck.read.values import format_interval, overlap


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
        year); a rate that held only for part of those years cannot be told apart.

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
            if not rate.overlaps_in_time(multiple):
                continue
            value = rate.claim.value
            assert value is not None
            r_lo, r_hi = value.low_magnitude, value.high_magnitude
            low = None if r_lo is None else (1 + r_lo / 100) ** years
            high = None if r_hi is None else (1 + r_hi / 100) ** years
            implied = format_interval(low, high, rate.lo_inc, rate.hi_inc, "dimensionless")
            agrees = overlap(low, high, rate.lo_inc, rate.hi_inc, multiple.lo, multiple.hi, multiple.lo_inc,
                             multiple.hi_inc)
            yield Finding.written("consistent" if agrees else "conflict", [rate, multiple],
                        f"{rate.said()}; compounded over {years:g} years that is {implied}; {multiple.said()} "
                        f"reads {multiple.shown_interval()}: {'they agree' if agrees else 'they do not agree'}.",
                        f"(1 + {rate.shown_interval()}) ^ {years:g} years = {implied}; the multiple reads "
                        f"{multiple.shown_interval()} over {period.label()}.", "high", assumptions_of([rate, multiple]))


__all__ = ["growth_rate_against_multiple"]
