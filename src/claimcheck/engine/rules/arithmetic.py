"""Arithmetic across claims: part, share and whole (CC104)."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable

from claimcheck.engine.findings import Context, Finding, Row, interval_words
from claimcheck.engine.rules.common import assumptions_of, same_time
from claimcheck.engine.rules.registry import rule
from claimcheck.read.values import overlap


@rule("CC104", "arithmetic.part-share-whole", key="subject", applies=lambda ctx: bool(ctx.vocabulary.relations))
def part_share_whole(rows: list[Row], ctx: Context) -> Iterable[Finding]:
    """A part, its share and the whole do not multiply out.

    What it checks:
        For each relation ``part = share × whole`` declared in the vocabulary, claims about one
        subject are combined with interval arithmetic, over the same window (a total and a
        share of 2022 with a total of 2022; counts at the same time). A part and a share from
        one source imply a whole ($2.64 trillion at 41.9% implies [6.28, 6.32] trillion); it is
        compared with every stated whole, or reported as an implied total when none is stated. A stated part and whole imply a share, which is compared with
        the stated shares of that scope.

    Why it matters:
        Numbers that each look plausible can be arithmetically impossible together. The
        implied total is also what a fact-checker looks up in official statistics.

    Known problems:
        The relation must be declared; two sources may define the whole differently (goods
        trade against goods and services). An implied total with nothing to compare it to is
        reported as undetermined, never as consistent.

    Conflicting example:
        # vocabulary.yaml
        relations: ["trade volume = trade share × trade volume [world]"]
        ---
        # a.yaml
        source: {id: a, published: 2025}
        claims:
          - {id: part, subject: China, measure: trade volume, scope: neighbours, value: "$2.64 trillion", period: 2022}
          - {id: share, subject: China, measure: trade share, scope: neighbours, value: "41.9%", period: 2022}
        ---
        # b.yaml
        source: {id: b, published: 2025}
        claims:
          - {id: total, subject: China, measure: trade volume, scope: world, value: "$4 trillion", period: 2022}

    Consistent example:
        # vocabulary.yaml
        relations: ["trade volume = trade share × trade volume [world]"]
        ---
        # a.yaml
        source: {id: a, published: 2025}
        claims:
          - {id: part, subject: China, measure: trade volume, scope: neighbours, value: "$2.64 trillion", period: 2022}
          - {id: share, subject: China, measure: trade share, scope: neighbours, value: "41.9%", period: 2022}
        ---
        # b.yaml
        source: {id: b, published: 2025}
        claims:
          - {id: total, subject: China, measure: trade volume, scope: world, value: "$6.3 trillion", period: 2022}
    """
    index: dict[tuple[str | None, str | None], list[Row]] = defaultdict(list)
    for row in rows:
        if row.value is not None:
            index[(row.measure, row.scope)].append(row)
    for relation in ctx.vocabulary.relations:
        scopes = sorted({scope for (measure, scope) in index if measure == relation.share.measure}, key=str)
        for scope in scopes:
            if relation.share.scope and scope != relation.share.scope:
                continue
            part_scope = relation.part.scope or scope
            whole_scope = relation.whole.scope or scope
            parts = [r for r in index.get((relation.part.measure, part_scope), []) if r.kind in ("amount", "count")]
            shares = [r for r in index.get((relation.share.measure, scope), []) if r.kind == "share"]
            wholes = [r for r in index.get((relation.whole.measure, whole_scope), []) if r.kind in ("amount", "count")]
            for part in parts:
                for share in shares:
                    if part.source == share.source and same_time(part, share):
                        yield from _implied_whole(part, share, [w for w in wholes if w.dimension == part.dimension],
                                                  relation.text, ctx)
                for whole in wholes:
                    if whole is part or whole.dimension != part.dimension or not same_time(part, whole):
                        continue
                    for share in shares:
                        if share.source in (part.source,) or not same_time(share, part):
                            continue
                        yield _implied_share(part, whole, share, relation.text)


def _divide(numerator: Row, denominator: Row) -> tuple[float | None, float | None, bool, bool]:
    """Interval division of two positive intervals, keeping which ends are open."""
    n_lo, n_hi, d_lo, d_hi = numerator.lo, numerator.hi, denominator.lo, denominator.hi
    low = None if (n_lo is None or d_hi is None or d_hi <= 0) else n_lo / d_hi
    high = None if (n_hi is None or d_lo is None or d_lo <= 0) else n_hi / d_lo
    return low, high, numerator.lo_inc and denominator.hi_inc, numerator.hi_inc and denominator.lo_inc


def _whole_numbers(low: float | None, high: float | None, low_inc: bool, high_inc: bool) -> str:
    """For an implied count: the whole numbers it allows, when there are few ('so 25 or 26')."""
    if low is None or high is None or high - low > 5:
        return ""
    low, high = round(low, 9), round(high, 9)  # 8 ÷ (1/3) is 24, not 23.999999999
    first = math.floor(low) + 1 if (not low_inc or low != math.floor(low)) else int(low)
    last = math.ceil(high) - 1 if (not high_inc or high != math.ceil(high)) else int(high)
    numbers = [str(n) for n in range(first, last + 1)]
    if not numbers:
        return " (no whole number)"
    return f" (so {' or '.join(numbers)})" if len(numbers) <= 3 else ""


def _implied_whole(part: Row, share: Row, wholes: list[Row], relation: str, ctx: Context) -> Iterable[Finding]:
    low, high, low_inc, high_inc = _divide(part, share)
    implied = interval_words(low, high, low_inc, high_inc, part)
    if part.kind == "count":
        implied += _whole_numbers(low, high, low_inc, high_inc)
    arithmetic = (f"{part.shown_interval()} ÷ {share.shown_interval()} = {implied} "
                  f"(from {relation!r}).")
    if not wholes:
        yield Finding.written("undetermined", [part, share],
                    f"{part.source} gives {part.shown_value()} at {share.shown_value()} ({part.shown_period()}), "
                    f"which implies a whole of {implied}; no claim states the whole to compare it with.",
                    arithmetic + " An implied total is a figure to look up, not a check that passed.",
                    "high", assumptions_of([part, share]))
        return
    for whole in sorted(wholes, key=lambda r: r.gid):
        agrees = overlap(low, high, low_inc, high_inc, whole.lo, whole.hi, whole.lo_inc, whole.hi_inc)
        same_time = whole.overlaps_in_time(part)
        verdict = "consistent" if agrees else ("conflict" if same_time else "tension")
        yield Finding.written(verdict, [part, share, whole],
                    f"{part.source} gives {part.shown_value()} at {share.shown_value()} ({part.shown_period()}), "
                    f"implying a whole of {implied}; {whole.said()}: {'they agree' if agrees else 'they do not agree'}.",
                    arithmetic + f" The stated whole reads {whole.shown_interval()}.", "high",
                    assumptions_of([part, share, whole]))


def _implied_share(part: Row, whole: Row, share: Row, relation: str) -> Finding:
    low, high, low_inc, high_inc = _divide(part, whole)
    implied = interval_words(low, high, low_inc, high_inc, share)
    agrees = overlap(low, high, low_inc, high_inc, share.lo, share.hi, share.lo_inc, share.hi_inc)
    return Finding.written("consistent" if agrees else "conflict", [part, whole, share],
                 f"{part.source} and {whole.source} give a part of {part.shown_value()} and a whole of "
                 f"{whole.shown_value()}, a share of {implied}; {share.said()}: {'they agree' if agrees else 'they do not agree'}.",
                 f"{part.shown_interval()} ÷ {whole.shown_interval()} = {implied} (from {relation!r}); "
                 f"the stated share reads {share.shown_interval()}.", "high", assumptions_of([part, whole, share]))


__all__ = ["part_share_whole"]
