"""Dated events: one event, one date, whoever says it (CC102)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from claimcheck.engine.findings import Context, Finding, Key, Row, Texts
from claimcheck.engine.rules.registry import rule

MAX_PAIRWISE_SIDES = 8


@rule("CC102", "event.date", key="event")
def event_dates(rows: list[Row], ctx: Context) -> Iterable[Finding]:
    """Sources date one event differently.

    What it checks:
        Claims about the same event (after the vocabulary) are set into sides of dates that
        overlap ("2013" and "October 2013" agree); an approximate date ("mid-March 2021") may
        be any day of its month or year. Sides whose dates do not overlap are a conflict: one
        finding for the event, whatever the number of sources on each side. Dates of a plan or
        a schedule said at different times ("opens in 2026", said in 2022; "in 2028", said in
        2024: give each claim its ``stated:``, or let the publication date stand for it) are a
        revision, a tension that names both statement dates, however close (an accession expected
        in May and postponed in July); a revision needs the earlier statement to have been about a
        date still to come (a plan), since a date of the past is corrected, not revised.

    Why it matters:
        Dates anchor everything else: a conference in 2013 and the same conference in 2014
        cannot both be right, and a wrong date moves every "since" and "ago" that rests on it.
        A plan that was later replaced is not a contradiction, and should not read as one.

    Known problems:
        Recurring events (an annual summit) need the edition in the event name ("the 17th G20
        summit"), or different editions are taken for one event. A plan said in an undated
        text is read as said at its publication; when the text reports an older statement
        ("in 2013 the schedule said..."), give the claim ``stated:``, or a superseded plan reads as
        a conflict. Two schedules published days apart that disagree are a revision here, not a
        conflict, even where one of them was simply wrong.

    Conflicting example:
        # wang.yaml
        source: {id: wang, published: 2025}
        claims:
          - {id: conf, event: central conference on neighbourhood work, date: October 2013}
        ---
        # liu.yaml
        source: {id: liu, published: 2025}
        claims:
          - {id: conf, event: central conference on neighbourhood work, date: 2014}

    Tension example:
        # city-2022.yaml
        source: {id: city-2022, published: 2022-03-01}
        claims:
          - {id: opening, event: opening of the harbour bridge, date: 2026}
        ---
        # city-2024.yaml
        source: {id: city-2024, published: 2024-05-10}
        claims:
          - {id: opening, event: opening of the harbour bridge, date: 2028}

    Consistent example:
        # wang.yaml
        source: {id: wang, published: 2025}
        claims:
          - {id: conf, event: central conference on neighbourhood work, date: October 2013}
        ---
        # liu.yaml
        source: {id: liu, published: 2025}
        claims:
          - {id: conf, event: central conference on neighbourhood work, date: 2013}
    """
    dated = [row for row in rows if row.claim.date is not None]
    if len({row.gid for row in dated}) < 2:
        return
    sides = _sides(dated)
    if len(sides) == 1:
        yield Finding("consistent", dated, _agree_words, (), sides=sides, signature=_signature(dated[0], sides))
        return
    count = len(sides)
    pairs = [(i, j) for i in range(count) for j in range(i + 1, count)] if count <= MAX_PAIRWISE_SIDES else \
        [(i, i + 1) for i in range(count - 1)]
    judged = [(i, j, _judge(sides[i], sides[j])) for i, j in pairs]
    verdict = "conflict" if any(v == "conflict" for _, _, v in judged) else "tension"
    explained = ("revision",) if verdict == "tension" else ()
    yield Finding("conflict" if verdict == "conflict" else "tension", dated, _disagree_words, (sides, judged),
                  sides=sides, explained_by=explained, signature=_signature(dated[0], sides))


def _span(row: Row, *, loose: bool = False) -> tuple[int, int]:
    date = row.claim.date
    assert date is not None
    if loose:
        return date.outer_start.toordinal(), date.outer_end.toordinal()
    return date.start.toordinal(), date.end.toordinal()


def _sides(rows: list[Row]) -> list[list[Row]]:
    """Dates that share a day form a side (an approximate date by its loose reading), found by one sweep."""
    sides: list[list[Row]] = []
    point = None
    for row in sorted(rows, key=lambda r: (_span(r, loose=True)[1], _span(r, loose=True)[0], r.gid)):
        start, end = _span(row, loose=True)
        if sides and point is not None and start <= point:
            sides[-1].append(row)
            continue
        sides.append([row])
        point = end
    return sides


def _judge(first: list[Row], second: list[Row]) -> str:
    """A revision when every two were stated at different times and the earlier said was a plan (a date still
    to come when it was said); else a conflict. A date of the past is corrected, not revised. A plan may be
    revised within weeks (an accession delayed, a launch moved), so any two statement times apart will do."""
    for a in first:
        for b in second:
            if not (a.stated_start and b.stated_start) or _said_together(a, b):
                return "conflict"
            earlier = a if a.stated_start < b.stated_start else b
            if _span(earlier)[1] <= earlier.stated_start:
                return "conflict"
    return "revision"


def _said_together(a: Row, b: Row) -> bool:
    return a.stated_start <= b.stated_end and b.stated_start <= a.stated_end


def _signature(row: Row, sides: list[list[Row]]) -> Key:
    return ("event", row.event, tuple(tuple(sorted({_span(r) for r in side})) for side in sides))


def _dated(row: Row) -> str:
    date = row.claim.date
    assert date is not None
    stated = f", {row.shown_stated()}" if row.claim.stated is not None else ""
    return f"{row.source} dates {row.claim.event!r} {date.label()}{stated}"


def _side_words(side: list[Row]) -> str:
    if len(side) == 1:
        return _dated(side[0])
    dates = sorted({r.claim.date.label() for r in side if r.claim.date is not None})
    return f"{len(side)} claims from {', '.join(sorted({r.source for r in side}))} date it {' or '.join(dates)}"


def _agree_words(rows: list[Row]) -> Texts:
    spans = sorted({f"{r.claim.date.start}..{r.claim.date.end}" if r.claim.date.start != date.min
                    else f"no later than {r.claim.date.end}" for r in rows if r.claim.date is not None})
    return (f"{'; '.join(_dated(r) for r in rows[:6])}; the dates overlap.", f"{' and '.join(spans)} share days.", ())


def _disagree_words(rows: list[Row], sides: list[list[Row]], judged: list[Any]) -> Texts:
    head = "; ".join(_side_words(side) for side in sides)
    lines = []
    for i, j, verdict in judged:
        # The two dates furthest apart: a side may hold a dating that overlaps the other side too.
        days, a, b = max(((_span(b, loose=True)[0] - _span(a, loose=True)[1], a, b)
                          for a in sides[i] for b in sides[j]), key=lambda found: found[0])
        apart = f"{a.claim.date.label()} and {b.claim.date.label()} are at least {days} day{'' if days == 1 else 's'} apart"
        if verdict == "revision":
            lines.append(f"{apart}, but they were stated at different times ({a.gid}: {a.shown_stated()}; "
                         f"{b.gid}: {b.shown_stated()}): the later may supersede the earlier, as a plan or a "
                         "schedule is revised.")
        else:
            why = a.why_not_revised(b) if _said_together(a, b) else (
                f"were stated at different times ({a.shown_stated()}; {b.shown_stated()}), but the earlier "
                "statement dates a past event: a date of the past is corrected, not revised")
            lines.append(f"{apart}, and {why}.")
    verb = "the dates do not overlap" if any(v == "conflict" for _, _, v in judged) else \
        "the dates differ, as a revision could explain"
    return f"{head}; {verb}.", " ".join(lines), ()


__all__ = ["event_dates"]
