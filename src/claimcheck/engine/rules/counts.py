"""Counts: of one set across sources and over time (CC107), and against the items listed with them (CC103)."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from claimcheck.corpus.vocabulary import Relation, Within
from claimcheck.engine.findings import Context, Finding, Row, Verdict, amount_words
from claimcheck.engine.rules.arithmetic import implied_wholes
from claimcheck.engine.rules.compare import compare_key
from claimcheck.engine.rules.registry import rule
from claimcheck.read.values import format_number, overlap


@rule("CC107", "count.named-set", key="count")
def named_set_count(rows: list[Row], ctx: Context) -> Iterable[Finding]:
    """Sources count one set differently at one time, or by a step nothing explains.

    What it checks:
        Counts with the same subject, measure and scope ("the two Global Initiatives", "27
        member states", a complete list of five names) are states: at the same instant, or
        over validities that overlap, different counts are a conflict (a revision when stated
        at different times). Between instants a count may change: the events of the corpus that
        change the measure (``change: +1`` on an event of the same subject, measure and scope)
        and the declared drift ("2 members a year") explain a step. An event still to come when it
        was said ("expected to join next year") has not happened: its change explains nothing. A step the events' changes add up
        to is a consistent check; a step within the drift, or across events whose size is not
        given, a tension naming them; a step beyond the drift that no event explains, a
        conflict. An event reported by several sources is one step. When no event lies between
        two counts but the corpus dates one before both whose change is the step, the earlier
        count left that change out: a conflict that names the event. Counts at different
        instants with nothing declared are not compared (the coverage says why). A complete
        list counts as many as it names.

    Why it matters:
        Counts of members change in steps, and each step has a date: a fact-checker wants the
        two sources that count differently on the same day, not a tension for every pair of
        years, and wants each step tied to the event that made it.

    Known problems:
        The vocabulary must give both spellings of the set one measure name, or the counts are
        never compared. A source that counts a set differently (which countries are
        "neighbours") conflicts unless the scope is declared ambiguous with a spread. A count
        "in 2023" holds over the whole year, so it overlaps every count dated within 2023: a
        change during that year is a conflict unless an event dated in it explains it. A list
        that names a group as one item ("the five Central Asian countries") undercounts. A count
        read as of its publication may rest on older data: one written before a change it is
        published after is then held out of date, though the text may only have been slow.
        Events are one step per event name: two events the vocabulary does not know to be one
        are counted twice.

    Conflicting example:
        # agency.yaml
        source: {id: agency, published: 2023-07-01}
        claims:
          - {id: members, subject: NATO, measure: members, value: "31", period: as of 1 July 2023}
        ---
        # paper.yaml
        source: {id: paper, published: 2023-07-01}
        claims:
          - {id: members, subject: NATO, measure: members, value: "32", period: as of 1 July 2023}

    Consistent example:
        # agency.yaml
        source: {id: agency, published: 2023-07-01}
        claims:
          - {id: members-2022, subject: NATO, measure: members, value: "30", period: as of 1 January 2023}
          - {id: members-2023, subject: NATO, measure: members, value: "31", period: as of 1 July 2023}
          - {id: finland, subject: NATO, measure: members, event: Finland joins NATO, date: 4 April 2023, change: "+1"}
    """
    yield from compare_key(rows, ctx)


@rule("CC103", "count.items", key="items")
def count_matches_items(rows: list[Row], ctx: Context) -> Iterable[Finding]:
    """A stated count does not match the items listed with it.

    What it checks:
        A claim that states a count and lists its items ("eight of the LDCs ..., namely
        Afghanistan, ...") must list as many items as it counts. Where the list is marked
        incomplete (``complete: false``, as in "among which"), the count must be at least the
        number listed.

    Why it matters:
        Counts and lists drift apart when a text is edited or translated; a reader trusts the
        number and never counts the names.

    Known problems:
        A list that names groups ("the five Central Asian countries") as one item undercounts;
        write the members out, or mark the list incomplete.

    Conflicting example:
        # wang.yaml
        source: {id: wang, published: 2025}
        claims:
          - id: ldcs
            measure: least developed countries
            scope: neighbours
            value: eight
            items: [Afghanistan, Bangladesh, Bhutan, Cambodia, Laos, Myanmar, Nepal]

    Consistent example:
        # wang.yaml
        source: {id: wang, published: 2025}
        claims:
          - id: ldcs
            measure: least developed countries
            scope: neighbours
            value: eight
            items: [Afghanistan, Bangladesh, Bhutan, Cambodia, Laos, Myanmar, Nepal, Timor-Leste]
    """
    for row in rows:
        items = row.claim.items or ()
        if row.claim.value is None or row.kind != "count":
            continue
        listed = len(items)
        count = row.shown_interval()
        inside = overlap(row.lo, row.hi, row.lo_inc, row.hi_inc, listed, listed, True, True)
        if row.claim.complete:
            verdict: Verdict = "consistent" if inside else "conflict"
            message = (f"{row.source} counts {row.shown_value()!r} {row.claim.measure} and lists {listed}: "
                       f"{'they match' if inside else 'they differ'}.")
            explanation = f"The count reads {count}; the complete list has {listed} items: {', '.join(items)}."
        else:
            enough = row.hi is None or row.hi > listed or (row.hi == listed and row.hi_inc)
            verdict = "consistent" if enough else "conflict"
            message = (f"{row.source} counts {row.shown_value()!r} {row.claim.measure} and names {listed} of them: "
                       f"{'the count covers the names' if enough else 'it names more than it counts'}.")
            explanation = f"The count reads {count}; the partial list names {listed}: {', '.join(items)}."
        yield Finding.written(verdict, [row], message, explanation)



@rule("CC113", "count.within", key="scope", applies=lambda ctx: any(isinstance(r, Within) for r in ctx.vocabulary.relations))
def counts_within_a_whole(rows: list[Row], ctx: Context) -> Iterable[Finding]:
    """Counts of one scope add up to more than the scope holds.

    What it checks:
        For each relation ``part + part ⊆ whole`` declared in the vocabulary, within one scope:
        the counts of the parts (disjoint: an SCO member is not also an observer), added up, are
        at most the count of the whole; ``* ⊆ whole`` holds every other count of the scope to it
        ("18 countries in the region" against a region of 25 or 26). The whole is stated by a
        claim, or implied by a part and its share (CC104: eight least developed countries at
        "nearly one-third" of the region imply 25 or 26). A sum above the whole is a conflict; a
        sum within it a consistent check, with the arithmetic. Totals work the same way, for one
        subject, window and unit: ``exports + imports ⊆ two-way trade`` holds China's exports
        to ASEAN in 2023 to at most its trade with ASEAN in 2023, and a part larger than the
        whole alone is a conflict.

    Why it matters:
        Counts of a region are written one by one across a text; added up, or held against the
        size of the region the same text implies, they can be impossible together.

    Known problems:
        The parts must be disjoint for their sum to mean anything: declare only parts that are.
        Totals are held to a whole over exactly their window and in their unit: a part in one
        currency is never held to a whole in another, and a trade total that one source counts
        on another basis (re-exports, services) conflicts with parts counted on this one.
        Counts at different times are held to one whole (a region's size rarely changes; a
        membership does). With several readings of the whole, the largest is used, so a count is
        flagged only when no reading of the whole can hold it.

    Conflicting example:
        # vocabulary.yaml
        relations:
          - "members in the region + observers in the region ⊆ countries"
        ---
        # a.yaml
        source: {id: a, published: 2025}
        claims:
          - {id: members, subject: SCO, measure: members in the region, scope: neighbours, value: seven}
          - {id: observers, subject: SCO, measure: observers in the region, scope: neighbours, value: three}
          - {id: size, subject: the region, measure: countries, scope: neighbours, value: "9"}

    Consistent example:
        # vocabulary.yaml
        relations:
          - "members in the region + observers in the region ⊆ countries"
        ---
        # a.yaml
        source: {id: a, published: 2025}
        claims:
          - {id: members, subject: SCO, measure: members in the region, scope: neighbours, value: seven}
          - {id: observers, subject: SCO, measure: observers in the region, scope: neighbours, value: two}
          - {id: size, subject: the region, measure: countries, scope: neighbours, value: "25"}
    """
    counts = [r for r in rows if r.kind == "count"]
    for relation in ctx.vocabulary.relations:
        if not isinstance(relation, Within):
            continue
        wholes = _wholes(relation.whole, rows, ctx)
        if not wholes:
            continue
        highs = [high for _, high, _ in wholes]
        ceiling = None if None in highs else max(h for h in highs if h is not None)
        whole_rows = [row for _, _, source in wholes for row in source]
        if relation.parts == ("*",):
            used = {id(row) for row in whole_rows}
            parts = [r for r in counts if r.measure != relation.whole and id(r) not in used]
            if parts:
                yield _each_within(parts, wholes, ceiling, relation.text)
            continue
        by_measure = {measure: [r for r in counts if r.measure == measure] for measure in relation.parts}
        if all(by_measure.values()):
            yield _sum_within(by_measure, wholes, ceiling, relation.text)
    yield from _amounts_within(rows, ctx)


def _amounts_within(rows: list[Row], ctx: Context) -> Iterable[Finding]:
    """Totals of parts over one window, for one subject and in one unit, add up to at most the whole's total:
    China's exports to a region in 2023 are at most its trade with the region in 2023."""
    totals = [r for r in rows if r.kind == "amount" and r.time == "flow" and r.lo is not None]
    if not totals:
        return
    for relation in ctx.vocabulary.relations:
        if not isinstance(relation, Within) or relation.parts == ("*",):
            continue
        windows: dict[tuple[str | None, int, int, str | None], list[Row]] = {}
        for row in totals:
            if row.measure == relation.whole or row.measure in relation.parts:
                windows.setdefault((row.subject, row.start, row.end, row.dimension), []).append(row)
        for together in windows.values():
            whole = [r for r in together if r.measure == relation.whole]
            by_measure = {m: [r for r in together if r.measure == m] for m in relation.parts}
            if whole and all(by_measure.values()) and len({r.gid for r in together}) > 1:
                yield _total_within(by_measure, whole, relation.text)


def _total_within(by_measure: dict[str, list[Row]], whole: list[Row], relation: str) -> Finding:
    floors = {m: min(r.lo or 0.0 for r in parts) for m, parts in by_measure.items()}
    total = sum(floors.values())
    highs = [r.hi for r in whole]
    ceiling = None if None in highs else max(h for h in highs if h is not None)
    parts = [row for rows in by_measure.values() for row in rows]
    first = whole[0]
    addition = " + ".join(amount_words(floors[m], first) for m in by_measure)
    said = f"{'; '.join(r.said() for r in parts)}; {'; '.join(r.said() for r in whole)}"
    why = (f"Over one window ({first.shown_period()}), parts add up to at most their whole ({relation!r}); "
           f"the smallest reading of each part is added: {addition}")
    over = [r for r in parts if ceiling is not None and r.lo is not None and r.lo > ceiling * (1 + 1e-9)]
    if over:
        return Finding.written("conflict", over + whole, f"{'; '.join(r.said() for r in over)}; "
                               f"{'; '.join(r.said() for r in whole)}: a part larger than its whole.",
                               f"Over one window ({first.shown_period()}), a part is at most its whole ({relation!r}); "
                               f"{'; '.join(f'{r.gid} reads at least {amount_words(r.lo or 0.0, first)}' for r in over)}"
                               f", more than the whole's highest reading of {amount_words(ceiling or 0.0, first)}.",
                               sides=[over, whole], gap=min(r.lo or 0.0 for r in over) - (ceiling or 0.0))
    if ceiling is not None and total > ceiling * (1 + 1e-9):
        return Finding.written("conflict", parts + whole, f"{said}: the parts come to at least "
                               f"{amount_words(total, first)}, more than the whole's {amount_words(ceiling, first)}.",
                               f"{why}, more than the whole's highest reading.", sides=[parts, whole],
                               gap=total - ceiling)
    return Finding.written("consistent", parts + whole, f"{said}: the parts are within the whole.",
                           f"{why}, within the whole's highest reading"
                           f"{'' if ceiling is None else ' of ' + amount_words(ceiling, first)}.",
                           sides=[parts + whole])


def _wholes(measure: str, rows: list[Row], ctx: Context) -> list[tuple[float | None, float | None, list[Row]]]:
    """The whole's readings: each stated count of it, and each one a part and its share imply."""
    found: list[tuple[float | None, float | None, list[Row]]] = [
        (r.lo, r.hi, [r]) for r in rows if r.kind == "count" and r.measure == measure]
    for relation in ctx.vocabulary.relations:
        if isinstance(relation, Relation) and relation.whole.measure == measure:
            parts = [r for r in rows if r.measure == relation.part.measure and r.kind == "count"]
            shares = [r for r in rows if r.measure == relation.share.measure and r.kind == "share"]
            found += [(w.low, w.high, [w.part, w.share]) for w in implied_wholes(parts, shares, relation.text)]
    return found


def _at_most(ceiling: float | None) -> str:
    """A count's ceiling in whole numbers: an implied (24, 26.67] holds at most 26."""
    if ceiling is None:
        return "no bound"
    return format_number(float(math.floor(round(ceiling, 9))))


def _whole_words(wholes: list[tuple[float | None, float | None, list[Row]]]) -> str:
    shown = []
    for low, high, source in wholes:
        numbers = f"[{format_number(low)}, {format_number(high)}]"
        how = f"stated by {source[0].gid}" if len(source) == 1 else f"implied by {source[0].gid} and {source[1].gid}"
        shown.append(f"{numbers} ({how})")
    return "; ".join(shown)


def _each_within(parts: list[Row], wholes: list[Any], ceiling: float | None, relation: str) -> Finding:
    over = [r for r in parts if ceiling is not None and r.lo is not None and r.lo > ceiling]
    whole_rows = [row for _, _, source in wholes for row in source]
    listed = "; ".join(f"{r.gid} {r.shown_interval()}" for r in parts)
    what = f"the whole reads {_whole_words(wholes)} (from {relation!r})"
    if over:
        return Finding.written("conflict", over + whole_rows, f"{'; '.join(r.said() for r in over)}: more than the "
                               f"scope {over[0].claim.scope!r} holds ({_at_most(ceiling)} at most).",
                               f"Every count of the scope is at most its whole; {what}.", sides=[over, whole_rows])
    return Finding.written("consistent", parts + whole_rows, f"{len(parts)} counts of the scope "
                           f"{parts[0].claim.scope!r} are each within its whole ({_at_most(ceiling)} at most).",
                           f"{listed}; {what}.", sides=[parts + whole_rows])


def _sum_within(by_measure: dict[str, list[Row]], wholes: list[Any], ceiling: float | None, relation: str) -> Finding:
    # With two readings of one part, the smallest is added: the sum is flagged only when no reading can hold it.
    floors = {m: min((r.lo or 0.0) for r in rows) for m, rows in by_measure.items()}
    total = sum(floors.values())
    parts = [row for rows in by_measure.values() for row in rows]
    whole_rows = [row for _, _, source in wholes for row in source]
    addition = " + ".join(format_number(floors[m]) for m in by_measure) + f" = {format_number(total)}"
    what = f"the whole reads {_whole_words(wholes)} (from {relation!r})"
    if ceiling is not None and total > ceiling:
        return Finding.written("conflict", parts + whole_rows, f"{'; '.join(r.said() for r in parts)}: together "
                               f"{format_number(total)}, more than the {_at_most(ceiling)} the whole holds.",
                               f"{addition}; {what}.", sides=[parts, whole_rows], gap=total - ceiling)
    return Finding.written("consistent", parts + whole_rows, f"{'; '.join(r.said() for r in parts)}: together "
                           f"{format_number(total)}, within the whole ({_at_most(ceiling)} at most).",
                           f"{addition}; {what}.", sides=[parts + whole_rows])

__all__ = ["count_matches_items", "counts_within_a_whole", "named_set_count"]
