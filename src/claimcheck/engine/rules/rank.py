"""Ranks: one rank, one holder at a time (CC106); a streak of years, one first year (CC108)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from claimcheck.engine.findings import Context, Finding, Key, Row, Texts, Verdict
from claimcheck.engine.rules.common import assumptions_of
from claimcheck.engine.rules.registry import rule

LAG = 1  # a streak stated in 2020 may count annual data to 2019


def held(row: Row) -> tuple[int, int] | None:
    """When a rank certainly held: its period; for a streak, the years every reading of it covers.

    "For 15 consecutive years", said in 2025, ran from 2010 or 2011 to 2024 or 2025: it certainly
    held over 2011–2024. A streak of one year may be either year, so it is certain of none.
    """
    period = row.claim.period
    streak = period.streak if period is not None else None
    if streak is None:
        return row.start, row.end
    first = streak.last_year - streak.min_years + 1
    last = streak.last_year - LAG
    if last < first:
        return None
    return date(first, 1, 1).toordinal(), date(last, 12, 31).toordinal()


@rule("CC106", "rank.collision", key="rank", aliases=("rank.two-firsts",))
def rank_collision(rows: list[Row], ctx: Context) -> Iterable[Finding]:
    """Sources rank one measure in ways that cannot all hold at one time.

    What it checks:
        Rank claims with the same measure and scope are set side by side for each time at
        which they hold together (a streak counts for the years it certainly covers: "for 15
        consecutive years", said in 2025, covers 2011–2024 whichever way its years are counted).
        Two subjects given the same rank ("the largest trading partner" twice), or one subject
        given two ranks, at one time are a conflict: one finding per rank or per subject, with a
        side for each claim of it, whenever each was said (a rank of the past is corrected, not
        revised). Ranks at different times are not compared: rankings change.

    Why it matters:
        "The largest trading partner" is a claim about everyone else too; two sources that
        crown different subjects for the same year cannot both be right, and a year inside a
        streak that another source gives to someone else breaks the streak.

    Known problems:
        "Largest" by one measure (trade in goods) and by another (goods and services) are
        different measures; the vocabulary must not alias them. Ties are not modelled. A rank
        "in 2023" holds over the whole year, so a change of rank during it conflicts; against a
        rank as of a day in that year ("now the third-busiest", said in January) it is a tension,
        since the day's rank often rests on the year before: a rank of that day that does rest
        on the year's own figures is missed as a conflict.

    Conflicting example:
        # a.yaml
        source: {id: a, published: 2025}
        claims:
          - {id: top, subject: China, measure: largest trading partner, scope: ASEAN, value: largest, period: 2023}
        ---
        # b.yaml
        source: {id: b, published: 2025}
        claims:
          - {id: top, subject: EU, measure: largest trading partner, scope: ASEAN, value: largest, period: 2023}

    Consistent example:
        # a.yaml
        source: {id: a, published: 2025}
        claims:
          - {id: top, subject: China, measure: largest trading partner, scope: ASEAN, value: largest, period: 2023}
        ---
        # b.yaml
        source: {id: b, published: 2025}
        claims:
          - {id: second, subject: EU, measure: largest trading partner, scope: ASEAN, value: second largest, period: 2023}
    """
    timed = [(row, window) for row in rows if (window := held(row)) is not None]
    for slot in _slots(timed):
        yield from _collisions(slot)


def _slots(timed: list[tuple[Row, tuple[int, int]]]) -> list[list[tuple[Row, tuple[int, int]]]]:
    """Claims whose times overlap, chained: each slot is compared within itself."""
    slots: list[list[tuple[Row, tuple[int, int]]]] = []
    reach = -1
    for row, window in sorted(timed, key=lambda t: (t[1], t[0].gid)):
        if slots and window[0] <= reach:
            slots[-1].append((row, window))
            reach = max(reach, window[1])
        else:
            slots.append([(row, window)])
            reach = window[1]
    return slots


def _collisions(slot: list[tuple[Row, tuple[int, int]]]) -> Iterable[Finding]:
    if len({row.gid for row, _ in slot}) < 2:
        return
    by_rank: dict[float, dict[str | None, list[Row]]] = {}
    by_subject: dict[str | None, dict[float, list[Row]]] = {}
    for row, _ in slot:
        rank = row.lo if row.lo is not None else 0.0
        by_rank.setdefault(rank, {}).setdefault(row.subject, []).append(row)
        by_subject.setdefault(row.subject, {}).setdefault(rank, []).append(row)
    clashed = False
    windows = {row.gid: window for row, window in slot}
    for _, subjects in sorted(by_rank.items()):
        together = _together(list(subjects.values()), windows) if len(subjects) > 1 else None
        if together:
            clashed = True
            yield _finding([subjects[s] for s in sorted(subjects, key=str)], "two subjects, one rank", windows,
                           together)
    for _, ranks in sorted(by_subject.items(), key=lambda t: str(t[0])):
        together = _together(list(ranks.values()), windows) if len(ranks) > 1 else None
        if together:
            clashed = True
            yield _finding([ranks[r] for r in sorted(ranks)], "one subject, two ranks", windows, together)
    if not clashed:
        rows = [row for row, _ in slot]
        yield Finding("consistent", rows, _rank_words, (None, [[row] for row in rows]), sides=[[row] for row in rows],
                      signature=("ranks", _key(rows[0]), tuple(sorted((str(r.subject), r.lo, r.start, r.end)
                                                                      for r in rows))))


def _together(sides: list[list[Row]], windows: dict[str, tuple[int, int]]) -> str | None:
    """How claims of two sides hold at one time: "same", "data year" (only a rank as of a day against
    the rank for the whole year around it), or None."""
    found = None
    for i, first in enumerate(sides):
        for second in sides[i + 1:]:
            for a in first:
                for b in second:
                    wa, wb = windows[a.gid], windows[b.gid]
                    if wa[0] <= wb[1] and wb[0] <= wa[1]:
                        if not _day_in_its_year(a, b):
                            return "same"
                        found = "data year"
    return found


def _day_in_its_year(a: Row, b: Row) -> bool:
    """One is a rank as of a day, the other the rank for the calendar year around it: "now the third-busiest"
    in January rests on the last year's figures, "the fourth-busiest in 2023" on that year's."""
    def day(row: Row) -> bool:
        return row.start == row.end and row.claim.period is not None and row.claim.period.streak is None

    def year(row: Row) -> bool:
        period = row.claim.period
        return period is not None and period.granularity == "year" and period.streak is None \
            and period.start.year == period.end.year
    return (day(a) and year(b)) or (day(b) and year(a))


def _finding(sides: list[list[Row]], collision: str, windows: dict[str, tuple[int, int]],
             together: str = "same") -> Finding:
    rows = [row for side in sides for row in side]
    if together == "data year":
        return Finding("tension", rows, _rank_words, (collision, sides, True), sides=sides, explained_by=("window",),
                       signature=(collision, "data year", _key(rows[0]), tuple(sorted(
                           tuple(sorted((str(r.subject), r.lo, windows[r.gid]) for r in side)) for side in sides))))
    return Finding("conflict", rows, _rank_words, (collision, sides), sides=sides,
                   signature=(collision, _key(rows[0]), tuple(sorted(
                       tuple(sorted((str(r.subject), r.lo, windows[r.gid])for r in side)) for side in sides))))


def _key(row: Row) -> Key:
    return (row.measure, row.scope)


def _ranked(row: Row) -> str:
    return f"{row.source} ranks {row.claim.subject} {row.shown_value()!r} ({row.shown_period()})"


def _rank_words(rows: list[Row], collision: str | None, sides: list[list[Row]], data_year: bool = False) -> Texts:
    a = rows[0]
    what = f"for {a.claim.measure!r} ({a.claim.scope or 'no scope'})"
    shown = "; ".join(_ranked(row) for row in rows[:8]) + f" {what}"
    if collision is None:
        return f"{shown}: the ranks do not collide.", "Each subject holds one rank, and each rank one subject.", \
            tuple(assumptions_of(rows))
    streaks = [row for row in rows if row.claim.period is not None and row.claim.period.streak is not None]
    certain = "".join(f" {row.gid}'s streak certainly covers {_years(held(row))}." for row in streaks if held(row))
    why = ("Only one subject can hold a rank for one measure, scope and time; ties are not modelled."
           if collision == "two subjects, one rank" else "One subject holds one rank at a time.")
    if data_year:
        day = next(row for row in rows if row.start == row.end)
        return (f"{shown}: {collision}, though a rank as of a day and a rank for its year may rest on different "
                "years' figures.",
                f"{why} {day.gid} ranks as of {day.shown_period()}, which usually rests on the last full year's "
                "figures; the other ranks the whole year around it. A change of rank between those years could "
                "explain the difference, so this is a tension, not a conflict." + certain, tuple(assumptions_of(rows)))
    return f"{shown}: {collision}, at times that overlap.", why + certain, tuple(assumptions_of(rows))


def _years(window: tuple[int, int] | None) -> str:
    if window is None:
        return "no year"
    return f"{date.fromordinal(window[0]).year}–{date.fromordinal(window[1]).year}"


@rule("CC108", "rank.streak", key="rank")
def streak_first_years(rows: list[Row], ctx: Context) -> Iterable[Finding]:
    """Two streaks of one holder imply different first years.

    What it checks:
        A rank held "for 9 consecutive years" (said in 2016) began in 2008, or in 2007 if the
        streak counts annual data to 2015; "for 14 consecutive years" (said in 2020) began in
        2007 or 2006. Streaks of the same holder, rank, measure and scope are compared by the
        first years they imply, allowing each the lag of one year (two streaks said within three
        months in one year share it: they count to the same year); first years that cannot meet
        are a conflict, and the finding gives the arithmetic. A hedged length ("for more
        than 9 consecutive years") bounds the first year on one side only.

    Why it matters:
        Streaks are restated every year and drift out of step with each other: "for 15
        consecutive years" in one text and "for 9" in another written four years earlier
        cannot both be counted from the same start.

    Known problems:
        A streak written without the year it was said in is read against its publication (or
        its ``stated:``); a text that repeats an older figure ("for the ninth year" in a review
        of the past) reads as a later streak. A streak that was broken and began again is
        read as one. Two streaks said weeks apart are held to one year of data; a text that
        counts the year under way against one that counts only finished years then conflicts.

    Conflicting example:
        # agency-2016.yaml
        source: {id: agency-2016, published: 2016}
        claims:
          - {id: streak, subject: China, measure: largest trading partner, scope: ASEAN, value: largest, period: for 5 consecutive years}
        ---
        # agency-2020.yaml
        source: {id: agency-2020, published: 2020}
        claims:
          - {id: streak, subject: China, measure: largest trading partner, scope: ASEAN, value: largest, period: for 14 consecutive years}

    Consistent example:
        # agency-2016.yaml
        source: {id: agency-2016, published: 2016}
        claims:
          - {id: streak, subject: China, measure: largest trading partner, scope: ASEAN, value: largest, period: for 9 consecutive years}
        ---
        # agency-2020.yaml
        source: {id: agency-2020, published: 2020}
        claims:
          - {id: streak, subject: China, measure: largest trading partner, scope: ASEAN, value: largest, period: for 14 consecutive years}
    """
    by_holder: dict[Key, list[Row]] = {}
    for row in rows:
        period = row.claim.period
        if period is not None and period.streak is not None:
            by_holder.setdefault((str(row.subject), row.lo), []).append(row)
    for streaks in by_holder.values():
        if len({row.gid for row in streaks}) >= 2:
            yield _streaks(streaks)


def _first_years(row: Row, lag: int = LAG) -> tuple[float, float]:
    period = row.claim.period
    assert period is not None and period.streak is not None
    earliest, latest = period.streak.first_years(lag=lag)
    return (-float("inf") if earliest is None else float(earliest)), float(latest)


SAME_DATA_DAYS = 92  # streaks said this close, in one year, rest on the same year's data


def _said_in(row: Row) -> int:
    period = row.claim.period
    assert period is not None and period.streak is not None
    return period.streak.last_year


def _streaks(streaks: list[Row]) -> Finding:
    sides = _meeting(streaks, LAG)
    lag = LAG
    if len(sides) == 1:
        # Streaks said within weeks of each other count to one year: the lag is the data's, not each text's.
        if any(a.gid != b.gid and _said_in(a) == _said_in(b) and abs(a.stated_end - b.stated_end) <= SAME_DATA_DAYS
               and len(_meeting([a, b], 0)) > 1 for a in streaks for b in streaks):
            lag = 0
            sides = _meeting(streaks, 0)
    spans = [row for side in sides for row in side]
    verdict: Verdict = "consistent" if len(sides) == 1 else "conflict"
    signature = ("streak", _key(streaks[0]), str(streaks[0].subject), streaks[0].lo,
                 tuple(tuple(sorted(_first_years(r, lag) for r in side)) for side in sides))
    return Finding(verdict, spans, _streak_words, (sides, lag), sides=sides, signature=signature)


def _meeting(streaks: list[Row], lag: int) -> list[list[Row]]:
    """The streaks in sides whose first years can meet, allowing each ``lag`` years."""
    sides: list[list[Row]] = []
    point = None
    for row in sorted(streaks, key=lambda r: (_first_years(r, lag)[1], r.gid)):
        earliest, latest = _first_years(row, lag)
        if sides and point is not None and earliest <= point:
            sides[-1].append(row)
        else:
            sides.append([row])
            point = latest
    return sides


def _streak_words(rows: list[Row], sides: list[list[Row]], lag: int = LAG) -> Texts:
    def first(row: Row) -> str:
        earliest, latest = _first_years(row, lag)
        period = row.claim.period
        assert period is not None and period.streak is not None
        start = "any year up to" if earliest == -float("inf") else f"{int(earliest)} or"
        said = period.streak.last_year
        return (f"{row.gid}: {period.streak.length_text()} said in {said}, so it began in {start} {int(latest)}"
                if earliest != latest else f"{row.gid}: began in {int(latest)}")
    holder = rows[0].claim.subject
    shown = "; ".join(f"{row.source} gives {holder} {row.shown_value()!r} {row.shown_period()}" for row in rows)
    arithmetic = "; ".join(first(row) for row in rows) + (
        " (each streak may count its years to the year before it was said, as annual data lags)." if lag else
        " (said in the same year, they count their years to the same year: no lag of the data separates them).")
    if len(sides) == 1:
        return f"{shown}: the first years they imply can meet.", arithmetic, tuple(assumptions_of(rows))
    return f"{shown}: the first years they imply cannot meet.", arithmetic, tuple(assumptions_of(rows))


__all__ = ["held", "rank_collision", "streak_first_years"]
