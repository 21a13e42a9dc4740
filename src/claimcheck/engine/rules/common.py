"""What the rules share: the assumptions a finding rests on, and the arithmetic of time."""

from __future__ import annotations

from collections.abc import Iterable

from claimcheck.engine.findings import Row
from claimcheck.read import units
from claimcheck.read.periods import Period
from claimcheck.read.values import overlap


def assumptions_of(rows: Iterable[Row]) -> list[str]:
    seen: dict[str, str] = {}
    for r in rows:
        if r.assumed and r.claim.period is not None and r.gid not in seen:
            when = "when it was stated" if r.claim.stated is not None else "publication"
            seen[r.gid] = f"{r.gid} gives no period; it is read as of {when} ({r.claim.period.label(note=False)})"
    return list(seen.values())


def loosely_overlap(a: Row, b: Row, *, loose: bool = False) -> bool:
    if not loose:
        return a.overlaps(b)
    return overlap(*a.interval(loose=True), *b.interval(loose=True))


def growth_years(period: Period) -> float:
    """Years of growth in a change's period: 2013–2023 (whole years) is 10, as "compared with ten years ago"."""
    if (period.start.month, period.start.day, period.end.month, period.end.day) == (1, 1, 12, 31):
        return float(period.end.year - period.start.year)
    return float((period.end - period.start).days) / 365.25


def years_apart(a: Row, b: Row) -> float:
    return round(abs((a.start + a.end) / 2 - (b.start + b.end) / 2) / 365.25, 1)


def same_time(a: Row, b: Row) -> bool:
    """Whether two claims are about the same time: the same window, or for states, validities that overlap."""
    if a.time == "state" and b.time == "state":
        return a.overlaps_in_time(b)
    return a.same_window(b)


Interval = tuple[float | None, float | None]  # closed, in base units; None is unbounded


def times(a: Interval, b: Interval) -> Interval:
    """The product of two intervals of non-negative numbers."""
    low = None if a[0] is None or b[0] is None else a[0] * b[0]
    high = None if a[1] is None or b[1] is None else a[1] * b[1]
    return low, high


def divided(a: Interval, b: Interval) -> Interval:
    """The quotient of two intervals of non-negative numbers (a divisor that may be 0 leaves it unbounded)."""
    low = None if a[0] is None or b[1] is None or b[1] <= 0 else a[0] / b[1]
    high = None if a[1] is None or b[0] is None or b[0] <= 0 else a[1] / b[0]
    return low, high


def meets(a: Interval, b: Interval) -> bool:
    """Whether two closed intervals share a value."""
    return (a[1] is None or b[0] is None or a[1] >= b[0]) and (b[1] is None or a[0] is None or b[1] >= a[0])


def closed(row: Row) -> Interval:
    return row.lo, row.hi


# The base units of a time: what a duration's dimension, and the denominator of a rate a day, are written in.
TIME = units.base_form("day")[1]


def gap(a: Interval, b: Interval) -> float:
    """How far apart two intervals are (0 where they meet)."""
    if a[1] is not None and b[0] is not None and a[1] < b[0]:
        return b[0] - a[1]
    if b[1] is not None and a[0] is not None and b[1] < a[0]:
        return a[0] - b[1]
    return 0.0


def distinct_readings(rows: list[Row]) -> list[Row]:
    """One row per reading and time, the first by id: a figure written twice is compared once."""
    seen: dict[tuple[float | None, float | None, int, int], Row] = {}
    for row in sorted(rows, key=lambda r: r.gid):
        seen.setdefault((row.lo, row.hi, row.start, row.end), row)
    return list(seen.values())


__all__ = ["TIME", "Interval", "assumptions_of", "closed", "distinct_readings", "divided", "gap", "growth_years",
           "loosely_overlap", "meets", "same_time", "times", "years_apart"]
