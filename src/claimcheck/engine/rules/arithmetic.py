"""Arithmetic across claims: part, share and whole (CC104); a total as the product of two figures (CC116)."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from claimcheck.corpus.vocabulary import Relation
from claimcheck.engine.findings import Context, Finding, Key, Row, Texts, interval_words
from claimcheck.engine.rules.common import TIME, assumptions_of, closed, distinct_readings, gap, same_time, times
from claimcheck.engine.rules.registry import rule
from claimcheck.read import units
from claimcheck.read.values import overlap


@rule("CC104", "arithmetic.part-share-whole", key="subject", applies=lambda ctx: bool(ctx.vocabulary.relations))
def part_share_whole(rows: list[Row], ctx: Context) -> Iterable[Finding]:
    """A part, its share and the whole do not multiply out.

    What it checks:
        For each relation ``part = share × whole`` declared in the vocabulary, claims about one
        subject are combined with interval arithmetic, over the same window (a total and a
        share of 2022 with a total of 2022; counts at the same time). A part and a share from
        one source imply a whole ($2.64 trillion at 41.9% implies [6.28, 6.32] trillion); it is
        compared with every stated whole, or reported as an implied total when none is stated.
        A stated part and whole imply a share, which is compared with the stated shares of that
        scope; a share and a whole from one source, with no part stated, imply the part, reported
        to look up.

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
        if not isinstance(relation, Relation):
            continue
        scopes = sorted({scope for (measure, scope) in index if measure == relation.share.measure}, key=str)
        for scope in scopes:
            if relation.share.scope and scope != relation.share.scope:
                continue
            part_scope = relation.part.scope or scope
            whole_scope = relation.whole.scope or scope
            parts = [r for r in index.get((relation.part.measure, part_scope), []) if r.kind in ("amount", "count")]
            shares = [r for r in index.get((relation.share.measure, scope), []) if r.kind == "share"]
            wholes = [r for r in index.get((relation.whole.measure, whole_scope), []) if r.kind in ("amount", "count")]
            yield from _wholes(implied_wholes(parts, shares, relation.text), wholes)
            yield from _implied_parts(shares, wholes, parts, relation.text)
            for part in parts:
                for whole in wholes:
                    if whole is part or whole.dimension != part.dimension or not same_time(part, whole):
                        continue
                    for share in shares:
                        # A share whose source gives its own part is that part's share: held against another
                        # source's part it would mix two figures (its own part is checked through its whole).
                        if share.source == part.source or not same_time(share, part) or any(
                                other.source == share.source and same_time(other, share) for other in parts):
                            continue
                        yield _implied_share(part, whole, share, relation.text)


@dataclass
class Implied:
    """A whole that a part and its share imply: [2.635, 2.645] ÷ [41.85, 41.95] % = [6.28, 6.32] trillion."""

    part: Row
    share: Row
    low: float | None
    high: float | None
    low_inc: bool
    high_inc: bool
    relation: str

    def words(self) -> str:
        implied = interval_words(self.low, self.high, self.low_inc, self.high_inc, self.part)
        if self.part.kind == "count":
            implied += _whole_numbers(self.low, self.high, self.low_inc, self.high_inc)
        return implied

    def arithmetic(self) -> str:
        return f"{self.part.shown_interval()} ÷ {self.share.shown_interval()} = {self.words()} (from {self.relation!r})"


def implied_wholes(parts: list[Row], shares: list[Row], relation: str) -> list[Implied]:
    """The wholes each source's part and share imply, over the same time."""
    out = []
    for part in parts:
        for share in shares:
            if part.source == share.source and same_time(part, share):
                out.append(Implied(part, share, *_divide(part, share), relation))
    return out


def _wholes(implied: list[Implied], stated: list[Row]) -> Iterable[Finding]:
    """For each window, the implied and the stated wholes as sides: agreeing, disagreeing, or only implied."""
    by_window: dict[Key, tuple[list[Implied], list[Row]]] = {}
    for found in implied:
        by_window.setdefault((found.part.dimension, found.part.start, found.part.end), ([], []))[0].append(found)
    for whole in stated:
        key = (whole.dimension, whole.start, whole.end)
        if key in by_window:
            by_window[key][1].append(whole)
    for (_, _, _), (derived, given) in sorted(by_window.items(), key=lambda t: (str(t[0][0]), t[0][1], t[0][2])):
        readings = [(f.low, f.high, f.low_inc, f.high_inc, [f.part, f.share], f) for f in derived] + \
                   [(w.lo, w.hi, w.lo_inc, w.hi_inc, [w], None) for w in given]
        sides = _sides(readings)
        rows = [row for reading in readings for row in reading[4]]
        side_rows = [[row for reading in side for row in reading[4]] for side in sides]
        if len(readings) == 1:
            only = derived[0]
            yield Finding.written("undetermined", rows,
                                  f"{only.part.source} gives {only.part.shown_value()} at {only.share.shown_value()} "
                                  f"({only.part.shown_period()}), which implies a whole of {only.words()}; no claim "
                                  "states the whole to compare it with.",
                                  only.arithmetic() + ". An implied total is a figure to look up, not a check that "
                                  "passed.", "high", assumptions_of(rows), sides=side_rows)
            continue
        verdict = "consistent" if len(sides) == 1 else "conflict"
        yield Finding("consistent" if verdict == "consistent" else "conflict", rows, _wholes_words,
                      (readings, sides, verdict), sides=side_rows)


def _sides(readings: list[Key]) -> list[list[Key]]:
    """Readings whose intervals share a point, by one sweep over their upper ends."""
    ordered = sorted(readings, key=lambda r: (r[1] is None, r[1] or 0.0, r[3], r[0] or 0.0, r[4][0].gid))
    sides: list[list[Key]] = []
    point = None
    point_inc = True
    for reading in ordered:
        low, high, low_inc, high_inc = reading[:4]
        if sides and (point is None or low is None or low < point or (low == point and low_inc and point_inc)):
            sides[-1].append(reading)
            continue
        sides.append([reading])
        point, point_inc = high, high_inc
    return sides


def _wholes_words(rows: list[Row], readings: list[Key], sides: list[list[Key]], verdict: str) -> Texts:
    def said(reading: Key) -> str:
        found = reading[5]
        if found is None:
            return str(reading[4][0].said())
        return (f"{found.part.source} gives {found.part.shown_value()} at {found.share.shown_value()} "
                f"({found.part.shown_period()}), implying a whole of {found.words()}")

    def shown(reading: Key) -> str:
        found = reading[5]
        return found.arithmetic() if found is not None else f"{reading[4][0].gid} states {reading[4][0].shown_interval()}"

    head = "; ".join(said(r) for r in readings)
    lines = [shown(r) for r in readings]
    if verdict == "consistent":
        return f"{head}: they agree.", "; ".join(lines) + ": the wholes share a value.", tuple(assumptions_of(rows))
    return (f"{head}: they cannot all hold.", "; ".join(lines) + ". Over the same window the whole has one value, and "
            f"these fall in {len(sides)} sides that share none.", tuple(assumptions_of(rows)))


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


def _implied_parts(shares: list[Row], wholes: list[Row], parts: list[Row], relation: str) -> Iterable[Finding]:
    """A share and a whole of one source, where no claim states the part: the part they imply, to look up."""
    for share in shares:
        if share.lo is None or any(same_time(part, share) for part in parts):
            continue
        own = sorted((w for w in wholes if same_time(w, share) and w.source == share.source), key=lambda r: r.gid)
        seen: set[Key] = set()
        for whole in own:
            if (whole.lo, whole.hi) in seen:
                continue
            seen.add((whole.lo, whole.hi))
            low = None if whole.lo is None else whole.lo * share.lo  # shares are fractions in base units
            high = None if whole.hi is None or share.hi is None else whole.hi * share.hi
            implied = interval_words(low, high, whole.lo_inc and share.lo_inc, whole.hi_inc and share.hi_inc, whole)
            elsewhen = sorted({part.shown_period() for part in parts})
            missing = (f"the part is stated only for {', '.join(elsewhen)}, another time" if elsewhen
                       else "no claim states the part to compare it with")
            yield Finding.written(
                "undetermined", [share, whole],
                f"{share.source} gives a share of {share.shown_value()} of {whole.shown_value()} ({whole.shown_period()}), "
                f"which implies a part of {implied}; {missing}.",
                f"{share.shown_interval()} × {whole.shown_interval()} = {implied} (from {relation!r}). An implied "
                "figure is one to look up, not a check that passed.", "high", assumptions_of([share, whole]),
                sides=[[share, whole]])


def _implied_share(part: Row, whole: Row, share: Row, relation: str) -> Finding:
    low, high, low_inc, high_inc = _divide(part, whole)
    implied = interval_words(low, high, low_inc, high_inc, share)
    agrees = overlap(low, high, low_inc, high_inc, share.lo, share.hi, share.lo_inc, share.hi_inc)
    return Finding.written("consistent" if agrees else "conflict", [part, whole, share],
                 f"{part.source} and {whole.source} give a part of {part.shown_value()} and a whole of "
                 f"{whole.shown_value()}, a share of {implied}; {share.said()}: {'they agree' if agrees else 'they do not agree'}.",
                 f"{part.shown_interval()} ÷ {whole.shown_interval()} = {implied} (from {relation!r}); "
                 f"the stated share reads {share.shown_interval()}.", "high", assumptions_of([part, whole, share]))


__all__ = ["Implied", "implied_wholes", "part_share_whole"]


@rule("CC116", "arithmetic.product", key="subject", applies=lambda ctx: bool(ctx.vocabulary.relations))
def product_of_two_measures(rows: list[Row], ctx: Context) -> Iterable[Finding]:
    """A total and the two figures it is the product of do not multiply out.

    What it checks:
        A relation ``total = factor × other`` whose factor is no share ("passengers carried =
        average daily ridership × days in service"; "GDP = GDP per capita × population") is
        the product of two quantities in their units: a rate of 38,000 passengers a day over 293
        days is 11.1 million passengers. For one subject, a factor and the other figure about the
        same time give the product's interval, which is held to every stated total about that
        time in the product's unit. Where the units do not multiply to the total's (a daily
        average written without "a day"), the finding is undetermined and says what to write.
        Where no claim gives the days of a daily average's window, they are at most the
        window's: "about 19,000 a day" over the 92 days of 14 March–13 June is at most 1.84
        million, and a total above that is a conflict.

    Why it matters:
        An average and a total are often given in different sentences or texts ("11.2 million
        passengers in 2025", "about 38,000 a day"), and only the multiplication shows that they
        cannot both be right.

    Known problems:
        The relation must be declared, and its three figures must be about the same time: a
        daily average of the first three months is not multiplied by the days of a year. A
        share as the factor is the part, share and whole rule's (CC104). The figures are taken
        as given: an average over days of service is multiplied by those days, not by the
        calendar's.

    Conflicting example:
        # vocabulary.yaml
        relations: ["passengers carried = average daily ridership × days in service"]
        ---
        # reference.yaml
        source: {id: reference, published: 2026-02-12}
        claims:
          - {id: total, subject: the line, measure: passengers carried, value: 11.2 million, period: 2025}
          - {id: average, subject: the line, measure: average daily ridership, value: "about 28,000 a day",
             period: 2025}
          - {id: days, subject: the line, measure: days in service, value: 293 days, period: 2025}

    Consistent example:
        # vocabulary.yaml
        relations: ["passengers carried = average daily ridership × days in service"]
        ---
        # reference.yaml
        source: {id: reference, published: 2026-02-12}
        claims:
          - {id: total, subject: the line, measure: passengers carried, value: 11.2 million, period: 2025}
          - {id: average, subject: the line, measure: average daily ridership, value: "about 38,000 a day",
             period: 2025}
          - {id: days, subject: the line, measure: days in service, value: 293 days, period: 2025}
    """
    index: dict[tuple[str | None, str | None], list[Row]] = defaultdict(list)
    for row in rows:
        if row.value is not None and row.kind in ("amount", "count", "rate") and row.lo is not None:
            index[(row.measure, row.scope)].append(row)
    for relation in ctx.vocabulary.relations:
        if not isinstance(relation, Relation):
            continue
        for scope in sorted({scope for (measure, scope) in index if measure == relation.share.measure}, key=str):
            if relation.share.scope and scope != relation.share.scope:
                continue
            factors = index.get((relation.share.measure, scope), [])
            others = index.get((relation.whole.measure, relation.whole.scope or scope), [])
            totals = index.get((relation.part.measure, relation.part.scope or scope), [])
            for factor in distinct_readings(factors):
                stated = [total for total in totals if same_time(total, factor) and total is not factor]
                if not stated:
                    continue
                alongside = [o for o in distinct_readings(others) if o is not factor and same_time(factor, o)]
                for other in alongside:
                    yield _product(factor, other, stated, relation.text)
                if not alongside and factor.dimension and factor.dimension.endswith(f" / {TIME}"):
                    found = _within_its_window(factor, stated, relation.text)
                    if found is not None:
                        yield found


def _product(factor: Row, other: Row, totals: list[Row], relation: str) -> Finding:
    low, high = times((factor.lo, factor.hi), (other.lo, other.hi))
    low_inc, high_inc = factor.lo_inc and other.lo_inc, factor.hi_inc and other.hi_inc
    dimension = units.product_dimension(factor.dimension or "", other.dimension or "")
    said = f"{factor.said()} and {other.said()}"
    matching = [total for total in totals if total.dimension == dimension]
    if not matching:
        total = totals[0]
        return Finding.written(
            "undetermined", [factor, other, *totals],
            f"{said}; their product is in {dimension or 'plain numbers'}, {total.source}'s "
            f"{total.shown_value()} in {total.dimension}: the units do not multiply out.",
            f"From {relation!r}: {factor.shown_interval()} × {other.shown_interval()} cannot be compared with "
            f"{total.shown_interval()}. A rate is written with its unit of time ('about 38,000 a day', with "
            "derived: where the text leaves it out).", "high", assumptions_of([factor, other, *totals]),
            sides=[[factor, other], totals])
    shown = interval_words(low, high, low_inc, high_inc, matching[0])
    fitting = [t for t in matching if overlap(low, high, low_inc, high_inc, t.lo, t.hi, t.lo_inc, t.hi_inc)]
    apart = [t for t in matching if t not in fitting]
    why = (f"{factor.shown_interval()} × {other.shown_interval()} = {shown} (from {relation!r}); "
           + "; ".join(f"{t.source} gives {t.shown_interval()}" for t in matching) + ".")
    if apart:
        head = (f"{said}, a product of {shown}; " + "; ".join(t.said() for t in apart) + ": they do not multiply out.")
        return Finding.written("conflict", [factor, other, *apart], head, why, "high",
                               assumptions_of([factor, other, *apart]), sides=[[factor, other], apart],
                               gap=min(gap((low, high), closed(t)) for t in apart))
    head = f"{said}, a product of {shown}; " + "; ".join(t.said() for t in fitting) + ": they agree."
    return Finding.written("consistent", [factor, other, *fitting], head, why, "high",
                           assumptions_of([factor, other, *fitting]), sides=[[factor, other], fitting])


def _within_its_window(rate: Row, totals: list[Row], relation: str) -> Finding | None:
    """A rate a day over a window whose days no claim gives: the days of service are at most the window's, so
    the total over the window is at most the rate times its days ("about 19,000 a day" over the 92 days of
    14 March–13 June is at most 1.84 million, not 2.5 million)."""
    dimension = units.product_dimension(rate.dimension or "", TIME)
    matching = [t for t in totals if t.dimension == dimension and t.lo is not None]
    if not matching or rate.hi is None or rate.claim.period is None or rate.claim.period.instant:
        return None
    days = rate.end - rate.start + 1
    bound = rate.hi * days * units.base_form("day")[0]
    shown = interval_words(0.0, bound, True, rate.hi_inc, matching[0])
    over = [t for t in matching if t.lo is not None and (t.lo > bound or (t.lo == bound and not
                                                                            (t.lo_inc and rate.hi_inc)))]
    head = (f"{rate.said()}: over the {days} days of its window, at most {shown}; "
            + "; ".join(t.said() for t in (over or matching)))
    why = (f"No claim gives the days for {rate.shown_period()} (from {relation!r}); they are at most the "
           f"window's {days}, so the total is at most {rate.shown_interval()} × {days} days = {shown}.")
    if over:
        return Finding.written("conflict", [rate, *over], head + ": more than it allows, even with every day "
                               "counted.", why, "high", assumptions_of([rate, *over]), sides=[[rate], over],
                               gap=min(gap((0.0, bound), closed(t)) for t in over))
    return Finding.written("consistent", [rate, *matching], head + ": within it.", why + " Fewer days give less.",
                           "high", assumptions_of([rate, *matching]), sides=[[rate], matching])
