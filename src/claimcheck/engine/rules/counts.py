"""Counts: of one set across sources and over time (CC107), and against the items listed with them (CC103)."""

from __future__ import annotations

from collections.abc import Iterable

from claimcheck.engine.findings import Context, Finding, Row
from claimcheck.engine.rules.compare import compare_key
from claimcheck.engine.rules.registry import rule
from claimcheck.read.values import overlap


@rule("CC107", "count.named-set", key="count")
def named_set_count(rows: list[Row], ctx: Context) -> Iterable[Finding]:
    """Sources count one set differently at one time, or by a step nothing explains.

    What it checks:
        Counts with the same subject, measure and scope ("the two Global Initiatives", "27
        member states", a complete list of five names) are states: at the same instant, or
        over validities that overlap, different counts are a conflict (a revision when stated
        at different times). Between instants a count may change: the events of the corpus that
        change the measure (``change: +1`` on an event of the same subject and measure) and the
        declared drift ("2 members a year") explain a step. A step the events' changes add up
        to is a consistent check; a step within the drift, or across events whose size is not
        given, a tension naming them; a step beyond the drift that no event explains, a
        conflict. Counts at different instants with nothing declared are not compared (the
        coverage says why). A complete list counts as many as it names.

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
        that names a group as one item ("the five Central Asian countries") undercounts.

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
            verdict = "consistent" if inside else "conflict"
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


__all__ = ["count_matches_items", "named_set_count"]
