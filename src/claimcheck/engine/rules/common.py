"""What the value rules share: readings bucketed, pairs of readings, and the comparison of two.
"""

from __future__ import annotations

from collections.abc import Iterable

from claimcheck.engine.findings import Context, Finding, Row, Texts, amount_words
from claimcheck.read.values import gap, overlap

# Beyond this many distinct readings in one group, each is compared with its neighbours only
# (sorted by period and value), so that a group of 100k claims costs O(n log n), not O(n²).
MAX_PAIRWISE_READINGS = 64
NEIGHBOURS = 4


def bucket_readings(rows: list[Row]) -> list[list[Row]]:
    """Rows bucketed by identical reading (interval and period), in order of first appearance."""
    buckets: dict[tuple, list[Row]] = {}
    for row in rows:
        buckets.setdefault((row.lo, row.hi, row.lo_inc, row.hi_inc, row.start, row.end), []).append(row)
    return list(buckets.values())


def reading_pairs(readings: list[list[Row]]) -> Iterable[tuple[list[Row], list[Row]]]:
    """Pairs of distinct readings; past MAX_PAIRWISE_READINGS, only neighbours in order of period and value."""
    if len(readings) <= MAX_PAIRWISE_READINGS:
        for i, first in enumerate(readings):
            for second in readings[i + 1:]:
                yield first, second
        return
    ordered = sorted(readings, key=lambda b: (b[0].start, b[0].end, sort_key(b[0].lo), sort_key(b[0].hi), b[0].gid))
    for i, first in enumerate(ordered):
        for second in ordered[i + 1:i + 1 + NEIGHBOURS]:
            yield first, second


def sort_key(x: float | None) -> float:
    return float("-inf") if x is None else x


def assumptions_of(rows: Iterable[Row]) -> list[str]:
    return [f"{r.gid} gives no period; it is read as of publication ({r.claim.period.label(note=False)})"
            for r in rows if r.assumed and r.claim.period is not None]


def loosely_overlap(a: Row, b: Row, *, loose: bool = False) -> bool:
    if not loose:
        return a.overlaps(b)
    return overlap(*a.interval(loose=True), *b.interval(loose=True))


def compare(rows: list[Row], split: int, ctx: Context) -> Finding:
    """The heart of the value rules: do two readings of one measure agree, and if not, what could explain it?

    ``rows`` holds the claims of the first reading, then those of the second from ``split`` on.
    The verdict is decided here with numbers only; the sentences are written by ``_compare_words``
    when somebody reads them.
    """
    a, b = rows[0], rows[split]
    if a.overlaps(b):
        return Finding("consistent", rows, _compare_words, (split, ctx, None))
    distance = gap(*a.interval()[:2], *b.interval()[:2])
    explained_by = []
    if not a.overlaps_in_time(b):
        drift = ctx.vocabulary.drift(a.measure)
        if drift is None or _drift_allowance(a, b, drift) >= distance:
            explained_by.append("period")
    if a.source != b.source and a.scope and ctx.vocabulary.ambiguity(a.scope):
        explained_by.append("scope definition")
    confidence = "low" if loosely_overlap(a, b, loose=True) else "high"
    # A conflict needs overlapping periods; over different periods it is a tension, whose words say
    # whether the declared drift could cover the gap.
    verdict = "tension" if explained_by or not a.overlaps_in_time(b) else "conflict"
    return Finding(verdict, rows, _compare_words, (split, ctx, (distance, tuple(explained_by))), confidence,
                   gap=distance)


def _drift_allowance(a: Row, b: Row, drift) -> float:
    """The largest change the measure's declared drift allows between the two periods, in base units."""
    level = max(abs(x) for x in (a.lo, a.hi, b.lo, b.hi) if x is not None)
    return drift.allowance(years_apart(a, b), level)


def _compare_words(rows: list[Row], split: int, ctx: Context, disjoint) -> Texts:
    a, b = rows[0], rows[split]
    shown = f"{a.said()}; {b.said()}"
    ia, ib = a.shown_interval(), b.shown_interval()
    assumptions = tuple(assumptions_of(rows))
    if disjoint is None:
        when = "" if a.overlaps_in_time(b) else f" although their periods differ ({a.shown_period()} and {b.shown_period()})"
        return f"{shown}; {ia} and {ib} overlap.", f"The intervals {ia} and {ib} share values{when}.", assumptions
    distance, explained_by = disjoint
    lines = [f"{ia} and {ib} do not overlap; the gap is at least {amount_words(distance, a)}."]
    if loosely_overlap(a, b, loose=True):
        lines.append(f"Under the round-number reading ({a.shown_interval(loose=True)} and {b.shown_interval(loose=True)}) "
                     "they would overlap, so this rests on reading the hedges strictly.")
    else:
        lines.append("They stay apart under the looser round-number reading too.")
    if not a.overlaps_in_time(b):
        years = years_apart(a, b)
        period_words = (f"The periods differ ({a.shown_period()}; {b.shown_period()}) by "
                        f"{years:.1f} year{'' if years == 1 else 's'}.")
        drift = ctx.vocabulary.drift(a.measure)
        if drift is None:
            lines.append(f"{period_words} No drift is declared for {a.claim.measure!r}, so a change over time may "
                         "explain it.")
        else:
            allowance = _drift_allowance(a, b, drift)
            lines.append(f"{period_words} The declared drift of {drift.text} covers at most "
                         f"{amount_words(allowance, a)} over that time, which "
                         f"{'could' if 'period' in explained_by else 'cannot'} cover the gap.")
    if "scope definition" in explained_by:
        lines.append(f"The scope {a.claim.scope!r} has no agreed definition ({ctx.vocabulary.ambiguity(a.scope)}); "
                     "the sources may count different members, which could explain the gap.")
    elif a.source != b.source and a.scope:
        lines.append(f"Nothing declares the scope {a.claim.scope!r} ambiguous, so a difference of definition is "
                     "not assumed.")
    if explained_by:
        reason = f"; a difference of {' or '.join(explained_by)} could explain it"
    elif not a.overlaps_in_time(b):
        reason = "; their periods differ, by more than the declared drift can cover"
    else:
        reason = ""
    return f"{shown}; {ia} and {ib} do not overlap{reason}.", " ".join(lines), assumptions


def growth_years(period) -> float:
    """Years of growth in a change's period: 2013–2023 (whole years) is 10, as "compared with ten years ago"."""
    if (period.start.month, period.start.day, period.end.month, period.end.day) == (1, 1, 12, 31):
        return float(period.end.year - period.start.year)
    return (period.end - period.start).days / 365.25


def years_apart(a: Row, b: Row) -> float:
    return round(abs((a.start + a.end) / 2 - (b.start + b.end) / 2) / 365.25, 1)


def agreeing(bucket: list[Row]) -> Finding:
    return Finding("consistent", bucket, _agreeing_words)


def _agreeing_words(bucket: list[Row]) -> Texts:
    first = bucket[0]
    sources = sorted({r.source for r in bucket})
    return (f"{len(bucket)} claims from {', '.join(sources)} give the same reading: {first.shown_interval()} "
            f"({first.shown_period()}).",
            f"Identical intervals {first.shown_interval()} over the same period.", tuple(assumptions_of(bucket)))


def value_findings(rows: list[Row], ctx: Context) -> Iterable[Finding]:
    """One finding for a group whose readings all agree; otherwise one for each pair of readings."""
    if len(rows) < 2:
        return
    if len(rows) == 2:  # the common case, without bucketing
        a, b = rows
        yield agreeing(rows) if a.same_reading(b) else compare(rows, 1, ctx)
        return
    readings = bucket_readings(rows)
    pairs = list(reading_pairs(readings))
    if all(first[0].overlaps(second[0]) for first, second in pairs):
        yield Finding("consistent", rows, _group_agrees_words, (len(readings), len(pairs)))
        return
    for bucket in readings:
        if len(bucket) > 1:
            yield agreeing(bucket)
    for first, second in pairs:
        yield compare(first + second, len(first), ctx)


def _group_agrees_words(rows: list[Row], n_readings: int, n_pairs: int) -> Texts:
    shown = "; ".join(row.said() for row in rows[:6]) + (f"; and {len(rows) - 6} more" if len(rows) > 6 else "")
    every = "every pair of readings overlaps" if n_pairs == n_readings * (n_readings - 1) // 2 else (
        f"each of {n_readings} readings overlaps its {NEIGHBOURS} neighbours in order of period and value")
    intervals = ", ".join(sorted({row.shown_interval() for row in rows}))
    return (f"{len(rows)} claims agree: {shown}.", f"Readings {intervals}; {every}.", tuple(assumptions_of(rows)))


__all__ = ["MAX_PAIRWISE_READINGS", "NEIGHBOURS", "agreeing", "assumptions_of", "compare", "growth_years", "loosely_overlap", "bucket_readings", "reading_pairs", "sort_key", "value_findings", "years_apart"]
