"""Dated events: CC102."""

from __future__ import annotations

from collections.abc import Iterable

from claimcheck.engine.findings import Context, Finding, Row
from claimcheck.engine.rules.common import MAX_PAIRWISE_READINGS, NEIGHBOURS
from claimcheck.engine.rules.registry import rule


@rule("CC102", "event.date", key="event")
def event_dates(rows: list[Row], ctx: Context) -> Iterable[Finding]:
    """Two claims date one event differently.

    What it checks:
        Claims about the same event (after the vocabulary) are compared by their dates. Dates
        that do not overlap are a conflict; overlapping ones ("2013" and "October 2013") are
        consistent.

    Why it matters:
        Dates anchor everything else: a conference in 2013 and the same conference in 2014
        cannot both be right, and a wrong date moves every "since" and "ago" that rests on it.

    Known problems:
        Recurring events (an annual summit) need the edition in the event name ("the 17th G20
        summit"), or different editions are taken for one event.

    Conflicting example:
        sources: {a: 2025, b: 2025}
        claims:
          - {source: a, id: conf, event: central conference on neighbourhood work, date: October 2013}
          - {source: b, id: conf, event: central conference on neighbourhood work, date: 2014}
        expect: conflict

    Consistent example:
        sources: {a: 2025, b: 2025}
        claims:
          - {source: a, id: conf, event: central conference on neighbourhood work, date: October 2013}
          - {source: b, id: conf, event: central conference on neighbourhood work, date: 2013}
        expect: consistent
    """
    dated = sorted(rows, key=lambda r: r.gid)
    for i, a in enumerate(dated):
        for b in dated[i + 1:i + 1 + (len(dated) if len(dated) <= MAX_PAIRWISE_READINGS else NEIGHBOURS)]:
            da, db = a.claim.date, b.claim.date
            assert da is not None and db is not None
            shown = f"{a.source} dates {a.claim.event!r} {da.label()}; {b.source} dates it {db.label()}"
            if da.overlaps(db):
                yield Finding.written("consistent", [a, b], f"{shown}; the dates overlap.",
                            f"{da.start}..{da.end} and {db.start}..{db.end} share days.")
            else:
                days = min(abs((db.start - da.end).days), abs((da.start - db.end).days))
                yield Finding.written("conflict", [a, b], f"{shown}; the dates do not overlap.",
                            f"{da.start}..{da.end} and {db.start}..{db.end} are at least {days} days apart.")


__all__ = ["event_dates"]
