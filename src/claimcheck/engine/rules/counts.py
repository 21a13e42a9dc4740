"""Counts: of a named set across sources (CC107), and against the items listed with them (CC103)."""

from __future__ import annotations

from collections.abc import Iterable

from claimcheck.engine.findings import Context, Finding, Row
from claimcheck.engine.rules.common import value_findings
from claimcheck.engine.rules.registry import rule
from claimcheck.read.values import overlap


@rule("CC107", "count.named-set", key="count")
def named_set_count(rows: list[Row], ctx: Context) -> Iterable[Finding]:
    """Two claims count one named set differently.

    What it checks:
        Counts with the same subject, measure and scope ("the two Global Initiatives", "the
        three global initiatives") are compared like other values. Different counts over
        overlapping periods are a conflict; over different periods a tension, since a named
        set can grow.

    Why it matters:
        A count of a named set is easy to copy and easy to get stale. When two sources count
        the same set differently, the reader needs to know whether time explains it.

    Known problems:
        The vocabulary must give both spellings of the set one measure name, or the two
        counts are never compared. Sets that are defined differently by each source (which
        countries are "neighbours") are not told apart.

    Conflicting example:
        sources: {a: 2025, b: 2025}
        claims:
          - {source: a, id: gi, subject: China, measure: global initiatives, value: two, period: 2024}
          - {source: b, id: gi, subject: China, measure: global initiatives, value: three, period: 2024}
        expect: conflict

    Consistent example:
        sources: {a: 2025, b: 2025}
        claims:
          - {source: a, id: gi, subject: China, measure: global initiatives, value: three, period: 2024}
          - {source: b, id: gi, subject: China, measure: global initiatives, value: three, period: 2024}
        expect: consistent
    """
    yield from value_findings(rows, ctx)


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
        sources: {a: 2025}
        claims:
          - {source: a, id: ldcs, measure: least developed countries, scope: neighbours, value: eight, items: [Afghanistan, Bangladesh, Bhutan, Cambodia, Laos, Myanmar, Nepal]}
        expect: conflict

    Consistent example:
        sources: {a: 2025}
        claims:
          - {source: a, id: ldcs, measure: least developed countries, scope: neighbours, value: eight, items: [Afghanistan, Bangladesh, Bhutan, Cambodia, Laos, Myanmar, Nepal, Timor-Leste]}
        expect: consistent
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
