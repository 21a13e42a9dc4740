"""Comparing the readings of one key, like with like in time: sides, and what could explain a disagreement.

Claims that agree form one **side**: the side's intervals share a value (a minimum cover of the
readings by points, so "three sources say 1957, two say 1958" is two sides, not six pairs). Two
sides are then judged by how their claims stand in time, as the measure's kind says:

- a **flow** (a total over a window) is compared only over the same window;
- a **ratio** over the same window, or over other windows through the measure's declared drift;
- a **state** at the same instant (or over validities that overlap), or at other instants through
  the events in the corpus that change it and the declared drift.

The same valid time stated at different times is a **revision** (a tension, never a conflict);
stated at the same time, only a declared spread of the scope's definitions (or of the measure's
bases) can explain a gap, and beyond it the verdict is conflict. Each judgement keeps its numbers;
the words are written when somebody reads them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from claimcheck.corpus.vocabulary import Allowance
from claimcheck.engine.findings import (
    Confidence,
    Context,
    Finding,
    Key,
    Row,
    Texts,
    Verdict,
    amount_words,
    reading_signature,
)
from claimcheck.engine.rules.common import assumptions_of, loosely_overlap, same_time, years_apart
from claimcheck.read import units
from claimcheck.read.values import Value

MAX_PAIRWISE_SIDES = 8  # beyond this many sides, each is judged against its neighbours in value only
ORDER = {"conflict": 3, "tension": 2, "consistent": 1}


# --- sides --------------------------------------------------------------------------------------


def sides_of(rows: Sequence[Row]) -> list[list[Row]]:
    """Rows grouped into sides whose intervals share a point, fewest sides first found (sweep by upper end).

    Categories form a side per category (and its negation). Sides come in order of their values.
    """
    if rows and rows[0].category is not None:
        by_category: dict[Key, list[Row]] = {}
        for row in rows:
            by_category.setdefault((row.category or "", row.negated), []).append(row)
        return [by_category[key] for key in sorted(by_category)]
    ordered = sorted(rows, key=_by_upper_end)
    sides: list[list[Row]] = []
    point: float | None = None
    point_inc = True
    unbounded = False
    for row in ordered:
        if sides and (unbounded or point is not None and (
                row.lo is None or row.lo < point or (row.lo == point and row.lo_inc and point_inc))):
            sides[-1].append(row)
            continue
        sides.append([row])
        unbounded = row.hi is None
        point, point_inc = row.hi, row.hi_inc
    return sides


def _by_upper_end(row: Row) -> Key:
    # Open ends sort before closed ones at one value, so that a side's point is in every interval it takes.
    return (row.hi is None, 0.0 if row.hi is None else row.hi, row.hi_inc, row.lo is not None, row.lo or 0.0, row.gid)


# --- judging two sides --------------------------------------------------------------------------


@dataclass
class Judgement:
    """The verdict on two sides, with the numbers that decided it (in base units)."""

    verdict: Verdict  # conflict, tension or consistent
    low: Row  # the closest claims of the two sides: the lower reading ...
    high: Row  # ... and the higher
    gap: float
    time: str  # same, revision or apart
    explained_by: tuple[str, ...] = ()
    years: float = 0.0
    drift: float = 0.0
    spread: float = 0.0
    basis: float = 0.0
    caveats: tuple[str, ...] = ()
    events: tuple[Row, ...] = ()
    change: tuple[float, float] | None = None  # the sum of the events' known changes
    step: tuple[float | None, float | None] | None = None
    loose: bool = False  # the loose readings would overlap: the verdict rests on reading the hedges strictly
    together: tuple[Row, Row] | None = None  # two of them about the same time that no revision can separate
    stale: bool = False  # the step is an event dated before both: the earlier count leaves out a change it follows
    times: tuple[Row, Row] | None = None  # the earlier and the later claim that the step was judged between


def _closest(a_side: list[Row], b_side: list[Row]) -> tuple[Row, Row, float] | None:
    """The two closest readings of two sides that do not overlap (lower first) and the gap between them.

    None when every reading of one side overlaps every reading of the other: wide intervals may
    fall in two sides without any two of them disagreeing.
    """
    best: tuple[Row, Row, float] | None = None
    for a in _distinct_readings(a_side):
        for b in _distinct_readings(b_side):
            if a.overlaps(b):
                continue
            low, high = (a, b) if (a.hi is not None and b.lo is not None and a.hi <= b.lo) else (b, a)
            distance = 0.0 if low.hi is None or high.lo is None else max(0.0, high.lo - low.hi)
            if best is None or distance < best[2]:
                best = (low, high, distance)
    return best


def _distinct_readings(side: list[Row]) -> list[Row]:
    seen: dict[Key, Row] = {}
    for row in side:
        seen.setdefault((row.lo, row.hi, row.lo_inc, row.hi_inc, row.category, row.negated), row)
    return list(seen.values())


def _level(*rows: Row) -> float:
    return max((abs(x) for r in rows for x in (r.lo, r.hi) if x is not None), default=0.0)


def _spreads(low: Row, high: Row, ctx: Context) -> tuple[float, float, tuple[str, ...], tuple[str, ...]]:
    """How far the scope's definitions and the measure's bases may put the two apart, and caveats to show."""
    vocabulary = ctx.vocabulary
    level = _level(low, high)
    scope = basis = 0.0
    named: list[str] = []
    caveats: list[str] = []
    if low.variant is None or high.variant is None or low.variant != high.variant:
        spread = vocabulary.scope_spread(low.scope)
        ambiguous = vocabulary.ambiguity(low.scope)
        if spread is not None and spread.applies_to(low.dimension):
            scope = spread.spread_at(level)
            named.append("scope spread")
        elif ambiguous or spread is not None:
            caveats.append("scope without spread")
    if (low.basis is None or high.basis is None or low.basis != high.basis) and low.kind != "category":
        spread = vocabulary.basis_spread(low.measure)
        if spread is not None and spread.applies_to(low.dimension):
            basis = spread.spread_at(level)
            named.append("basis")
    return scope, basis, tuple(named), tuple(caveats)


def judge(a_side: list[Row], b_side: list[Row], ctx: Context, *, apart_only: bool = False,
          changes: Sequence[Row] = ()) -> Judgement | None:
    """The verdict on two sides of one key (the first below the second), or None if nothing compares them."""
    closest = _closest(a_side, b_side)
    if closest is None:
        return None
    low, high, gap = closest
    revision = False
    same: tuple[Row, Row] | None = None
    apart: list[tuple[Row, Row]] = []
    for a, b in _time_pairs(a_side, b_side):
        if same_time(a, b):
            if apart_only:
                continue
            if a.may_revise(b):
                revision = True
            elif same is None:
                same = (a, b)
        elif a.time != "flow":
            apart.append((a, b))
    loose = low.category is None and loosely_overlap(low, high, loose=True)
    scope, basis, named, caveats = _spreads(low, high, ctx)
    if same:
        explained = gap <= scope + basis and (scope or basis)
        verdict: Verdict = "tension" if explained else "conflict"
        return Judgement(verdict, low, high, gap, "same", named if explained else (), spread=scope, basis=basis,
                         caveats=caveats, loose=loose, together=same)
    if revision:
        return Judgement("tension", low, high, gap, "revision", ("revision",), spread=scope, basis=basis,
                         caveats=caveats, loose=loose)
    if not apart:
        return None
    return _judge_apart(apart, low, high, gap, ctx, scope, basis, named, caveats, loose, changes)


def _time_pairs(a_side: list[Row], b_side: list[Row]) -> Iterable[tuple[Row, Row]]:
    """Cross pairs of the two sides, one per distinct (valid time, statement time) on each side."""
    def distinct(side: list[Row]) -> list[Row]:
        seen: dict[Key, Row] = {}
        for row in side:
            seen.setdefault((row.start, row.end, row.stated_start, row.stated_end), row)
        return list(seen.values())

    firsts, seconds = distinct(a_side), distinct(b_side)
    for a in firsts:
        for b in seconds:
            yield a, b


def _judge_apart(apart: list[tuple[Row, Row]], low: Row, high: Row, gap: float, ctx: Context, scope: float,
                 basis: float, named: tuple[str, ...], caveats: tuple[str, ...], loose: bool,
                 changes: Sequence[Row]) -> Judgement | None:
    """Two sides at different times: the events between them and the declared drift may explain the step."""
    drift = ctx.vocabulary.drift(low.measure)
    if drift is not None and not drift.applies_to(low.dimension):
        drift = None
    best: Judgement | None = None
    for a, b in apart:
        earlier, later = (a, b) if (a.start + a.end) <= (b.start + b.end) else (b, a)
        found = _judge_step(earlier, later, low, high, gap, drift, ctx, scope, basis, named, caveats, loose, changes)
        if found is not None and found.verdict != "consistent" and a.source == b.source:
            continue  # one source giving two times reports a change ("rose to 27% from 24%"), not a disagreement
        if found is not None and (best is None or ORDER[found.verdict] < ORDER[best.verdict] or (
                ORDER[found.verdict] == ORDER[best.verdict] and found.years < best.years)):
            best = found
    return best


def _judge_step(earlier: Row, later: Row, low: Row, high: Row, gap: float, drift: Allowance | None, ctx: Context,
                scope: float, basis: float, named: tuple[str, ...], caveats: tuple[str, ...], loose: bool,
                changes: Sequence[Row]) -> Judgement | None:
    years = years_apart(earlier, later)
    between = tuple(e for e in changes if _between(e, earlier, later))
    step = _difference(later, earlier)
    if between:
        known = [_in_base(e.claim.change) for e in _one_per_event(between)]
        if all(k is not None for k in known):
            total = (sum(k[0] for k in known if k is not None), sum(k[1] for k in known if k is not None))
            if _contains(step, total):
                return Judgement("consistent", low, high, gap, "apart", ("change over time",), years=years, times=(earlier, later),
                                 events=between, change=total, step=step, loose=loose)
            if drift is None:
                return Judgement("tension", low, high, gap, "apart", ("change over time",), years=years, times=(earlier, later),
                                 events=between, change=total, step=step, caveats=caveats, loose=loose)
        else:
            return Judgement("tension", low, high, gap, "apart", ("change over time",), years=years, times=(earlier, later), events=between,
                             step=step, caveats=caveats, loose=loose)
    before = [] if between else _one_per_event([e for e in changes if _before_both(e, earlier)])
    if before:
        # The corpus dates the change before both counts: the later one includes it, the earlier leaves it out.
        known = [_in_base(e.claim.change) for e in before]
        if all(k is not None for k in known):
            total = (sum(k[0] for k in known if k is not None), sum(k[1] for k in known if k is not None))
            if _contains(step, total) and total != (0.0, 0.0):
                return Judgement("conflict", low, high, gap, "apart", (), years=years, times=(earlier, later), events=tuple(before),
                                 change=total, step=step, caveats=caveats, loose=loose, stale=True)
    if drift is None:
        return None
    allowance = drift.allowance(years, _level(low, high))
    explained = gap <= allowance + scope + basis
    return Judgement("tension" if explained else "conflict", low, high, gap, "apart",
                     (("drift",) + named) if explained else (), years=years, times=(earlier, later), drift=allowance, spread=scope,
                     basis=basis, caveats=caveats, events=between, step=step, loose=loose)


def _in_base(change: Value | None) -> tuple[float, float] | None:
    """An event's change in base units (+1 member is 1 item), or None where it gives none."""
    if change is None or change.low_magnitude is None or change.high_magnitude is None:
        return None
    factor = units.base_form(change.unit)[0]
    return change.low_magnitude * factor, change.high_magnitude * factor


def _one_per_event(events: Sequence[Row]) -> list[Row]:
    """Each event once, however many sources report it: two reports of one accession are one step."""
    seen: dict[str, Row] = {}
    for event in events:
        name = event.event or event.gid
        if name not in seen or seen[name].claim.change is None:
            seen[name] = event
    return list(seen.values())


def _before_both(event: Row, earlier: Row) -> bool:
    """The event is surely over before the earlier count holds: its latest possible day is before it."""
    when = event.claim.date
    return when is not None and when.start != date.min and when.outer_end.toordinal() < earlier.start


def _between(event: Row, earlier: Row, later: Row) -> bool:
    when = event.claim.date
    if when is None:
        return False
    return earlier.start < when.start.toordinal() <= later.end


def _difference(later: Row, earlier: Row) -> tuple[float | None, float | None]:
    """The step from the earlier reading to the later, as an interval."""
    low = None if later.lo is None or earlier.hi is None else later.lo - earlier.hi
    high = None if later.hi is None or earlier.lo is None else later.hi - earlier.lo
    return low, high


def _contains(step: tuple[float | None, float | None], total: tuple[float, float]) -> bool:
    low, high = step
    return (low is None or total[1] >= low - 1e-9) and (high is None or total[0] <= high + 1e-9)


# --- findings for a key -------------------------------------------------------------------------


def compare_key(rows: list[Row], ctx: Context) -> Iterable[Finding]:
    """The findings of one key: within each time of its claims, and between times where something connects them."""
    values = [row for row in rows if row.kind is not None]
    changes = [row for row in rows if row.kind is None and row.dated]
    if len(values) < 2 or len({row.gid for row in values}) < 2:
        return
    flow = values[0].time == "flow"
    if len(values) == 2 and not changes:  # the common case, without sweeping
        a, b = values
        together = same_time(a, b)
        if a.overlaps(b):
            if together or not flow:
                yield _agreement(values)
            return
        if together or not flow and _connected(a, ctx, changes):
            found = _disagreement(sides_of(values), ctx, apart_only=not together, changes=changes)
            if found is not None:
                yield found
        return
    slots = _slots(values)
    if not flow and len(slots) > 1:
        sides = sides_of(values)
        if len(sides) == 1:
            yield _agreement(values)
            return
    for slot in slots:
        if len(slot) < 2 or len({row.gid for row in slot}) < 2:
            continue
        slot_sides = sides_of(slot)
        if len(slot_sides) == 1:
            yield _agreement(slot)
        else:
            found = _disagreement(slot_sides, ctx, changes=changes)
            if found is not None:
                yield found
    if not flow and len(slots) > 1 and _connected(values[0], ctx, changes):
        across = _disagreement(sides, ctx, apart_only=True, changes=changes)
        if across is not None:
            yield across


def _connected(row: Row, ctx: Context, changes: Sequence[Row]) -> bool:
    """Whether anything can compare this key's claims across times: events that change it, or a declared drift."""
    if changes:
        return True
    drift = ctx.vocabulary.drift(row.measure)
    return drift is not None and drift.applies_to(row.dimension)


def _slots(rows: list[Row]) -> list[list[Row]]:
    """Rows at one time: the same window for flows and ratios; overlapping validity for states."""
    if rows[0].time != "state":
        windows: dict[tuple[int, int], list[Row]] = {}
        for row in rows:
            windows.setdefault((row.start, row.end), []).append(row)
        return [windows[key] for key in sorted(windows)]
    slots: list[list[Row]] = []
    reach = -1
    for row in sorted(rows, key=lambda r: (r.start, r.end, r.gid)):
        if slots and row.start <= reach:
            slots[-1].append(row)
            reach = max(reach, row.end)
        else:
            slots.append([row])
            reach = row.end
    return slots


def _disagreement(sides: list[list[Row]], ctx: Context, *, apart_only: bool = False,
                  changes: Sequence[Row] = ()) -> Finding | None:
    count = len(sides)
    pairs = [(i, j) for i in range(count) for j in range(i + 1, count)] if count <= MAX_PAIRWISE_SIDES else \
        [(i, i + 1) for i in range(count - 1)]
    judged = []
    for i, j in pairs:
        judgement = judge(sides[i], sides[j], ctx, apart_only=apart_only, changes=changes)
        if judgement is not None:
            judged.append((i, j, judgement))
    if not judged:
        return None
    involved = sorted({k for i, j, _ in judged for k in (i, j)})
    kept = [sides[k] for k in involved]
    renumber = {old: new for new, old in enumerate(involved)}
    judgements = sorted(((renumber[i], renumber[j], jd) for i, j, jd in judged),
                        key=lambda t: (-ORDER[t[2].verdict], t[0], t[1]))
    verdict = max((jd.verdict for _, _, jd in judgements), key=ORDER.__getitem__)
    worst = [jd for _, _, jd in judgements if jd.verdict == verdict]
    confidence: Confidence = "low" if verdict == "conflict" and all(jd.loose for jd in worst) else "high"
    explained_by = tuple(dict.fromkeys(e for _, _, jd in judgements if jd.verdict == verdict for e in jd.explained_by))
    rows = [row for side in kept for row in side]
    kept, bridging = _without_bridging(kept) if verdict != "consistent" else (kept, [])
    events = tuple({e.gid: e for _, _, jd in judgements for e in jd.events}.values())
    return Finding(verdict, rows + list(events), _disagreement_words, (kept, judgements, ctx, bridging), confidence,
                   gap=worst[0].gap if verdict != "consistent" else None, sides=kept, explained_by=explained_by,
                   signature=lambda: (_key_of(rows[0]), "across" if apart_only else "at",
                                      tuple(_side_signature(side) for side in kept)))


def _without_bridging(sides: list[list[Row]]) -> tuple[list[list[Row]], list[Row]]:
    """Claims that fit every claim of each other side ("nearly 38" beside 37.2 and 37.4) take no side of the
    disagreement: they are shown apart, as fitting both."""
    strictest = [_strictest(side) for side in sides]
    bridging = [row for k, side in enumerate(sides) if len(side) > 1 for row in side
                if all(all(row.overlaps(other) for other in strictest[j]) for j in range(len(sides)) if j != k)]
    if not bridging:
        return sides, []
    apart = {row.gid for row in bridging}
    kept = [[row for row in side if row.gid not in apart] for side in sides]
    if not all(kept):
        return sides, []
    return kept, bridging


def _strictest(side: list[Row]) -> list[Row]:
    """The rows of a side that an interval overlapping them overlaps every row of: the highest low bound and the
    lowest high bound (an open bound is the stricter at a tie). Categories have no bounds: all of them."""
    if any(row.category is not None for row in side):
        return side
    highest_low = max(side, key=lambda row: (-math.inf if row.lo is None else row.lo, not row.lo_inc))
    lowest_high = min(side, key=lambda row: (math.inf if row.hi is None else row.hi, row.hi_inc))
    return [highest_low, lowest_high]


def _agreement(rows: list[Row]) -> Finding:
    return Finding("consistent", rows, _agreement_words, (), sides=[rows],
                   signature=lambda: (_key_of(rows[0]), "agree", (_side_signature(rows),)))


def _key_of(row: Row) -> Key:
    return (row.subject, row.measure, row.scope, row.kind, row.dimension)


def _side_signature(side: list[Row]) -> Key:
    return tuple(sorted({reading_signature(row) for row in side}, key=repr))


# --- words --------------------------------------------------------------------------------------


def side_words(side: list[Row]) -> str:
    """'wang-2025 gives 41.9% (2022)'; 'three claims (a, b, c) give [5]'."""
    if len(side) == 1:
        return side[0].said()
    sources = sorted({row.source for row in side})
    times = sorted({row.shown_period() for row in side})
    who = f"{len(side)} claims from {', '.join(sources)}"
    said = {row.what() for row in side}
    what = said.pop() if len(said) == 1 else " and ".join(sorted({row.shown_interval() for row in side}))
    return f"{who} give {what} ({'; '.join(times)})"


def _agreement_words(rows: list[Row]) -> Texts:
    readings = sorted({row.shown_interval() for row in rows})
    when = sorted({row.shown_period() for row in rows})
    if len(readings) == 1 and len(when) == 1:
        shown = f"{len(rows)} claims from {', '.join(sorted({r.source for r in rows}))} give the same reading: " \
                f"{readings[0]} ({when[0]})."
        return shown, f"Identical readings {readings[0]} at the same time.", tuple(assumptions_of(rows))
    listed = "; ".join(row.said() for row in rows[:6]) + (f"; and {len(rows) - 6} more" if len(rows) > 6 else "")
    return (f"{len(rows)} claims agree: {listed}.", f"Readings {', '.join(readings)} share a value.",
            tuple(assumptions_of(rows)))


def _disagreement_words(rows: list[Row], sides: list[list[Row]], judgements: list[Any], ctx: Context,
                        bridging: list[Row]) -> Texts:
    shown = "; ".join(side_words(side) for side in sides)
    first = judgements[0][2]
    head = f"{shown}; {first.low.shown_interval()} and {first.high.shown_interval()} do not overlap"
    if first.low.category is not None:
        head = f"{shown}; {first.low.shown_interval()!r} and {first.high.shown_interval()!r} cannot both hold"
    if first.verdict == "consistent":
        head = f"{shown}; each change between them is explained by the events in the corpus"
    elif first.verdict == "tension":
        head += f"; {_explanation_phrase(first)} could explain it"
    if first.verdict == "consistent":  # every step explained: the steps between neighbouring readings say it
        judgements = [(i, j, jd) for i, j, jd in judgements if j == i + 1] or judgements
    lines = [kind_words(first.low, ctx)] + [_judgement_words(jd, ctx, len(sides) > 2) for _, _, jd in judgements]
    if bridging:
        lines.append(" ".join(f"{row.said()}, which fits every side." for row in bridging))
    return f"{head}.", " ".join(lines), tuple(assumptions_of(rows))


_KINDS = {"flow": "a total over a window", "ratio": "a ratio over a window", "state": "a state at an instant"}


def kind_words(row: Row, ctx: Context) -> str:
    """'trade share' is read as a ratio over a window (inferred from its value)."""
    declared = ctx.vocabulary.measure_kind(row.measure) is not None
    how = "as the vocabulary declares" if declared else "inferred from its value"
    return f"{row.claim.measure!r} is read as {_KINDS.get(row.time or '', 'a value')} ({how})."


def _explanation_phrase(jd: Judgement) -> str:
    names = {"drift": "a change over time within the declared drift", "revision": "a revision",
             "scope spread": "a difference of scope definition", "basis": "a difference of basis",
             "change over time": "a change over time", "window": "a different window"}
    return " or ".join(names[e] for e in jd.explained_by) or "nothing declared"


def _judgement_words(jd: Judgement, ctx: Context, name_pair: bool) -> str:
    low, high = jd.low, jd.high
    lead = f"Between {low.gid} and {high.gid}: " if name_pair else ""
    if jd.verdict == "consistent":
        return lead + _apart_words(jd, ctx)
    if low.category is not None:
        lines = [f"{low.shown_interval()!r} and {high.shown_interval()!r} cannot both hold for one subject at one time."]
    else:
        lines = [f"{low.shown_interval()} and {high.shown_interval()} do not overlap; the gap is at least "
                 f"{amount_words(jd.gap, low)}."]
        lines.append("Under the round-number reading they would overlap, so this rests on reading the hedges strictly."
                     if jd.loose else "They stay apart under the looser round-number reading too.")
    if jd.time == "same":
        lines.append(_same_time_words(*(jd.together or (low, high))))
    elif jd.time == "revision":
        lines.append(f"Both are about {low.shown_period()}, stated at different times ({low.gid}: "
                     f"{low.shown_stated()}; {high.gid}: {high.shown_stated()}): the later may revise the earlier "
                     "(a statistic revised, a plan superseded), so this is a tension, not a conflict.")
    else:
        lines.append(_apart_words(jd, ctx))
    lines.extend(_spread_words(jd, ctx))
    covered = [x for x in (jd.drift, jd.spread, jd.basis) if x]
    if len(covered) > 1:  # a consistent judgement returned above
        lines.append(f"Together they cover at most {amount_words(sum(covered), low)}, which "
                     f"{'could' if jd.verdict == 'tension' else 'cannot'} cover the gap.")
    return lead + " ".join(lines)


def _same_time_words(low: Row, high: Row) -> str:
    if low.time == "state":
        when = "hold at the same time" if low.same_window(high) else "hold over times that overlap"
        return f"They {when} ({low.shown_period()}; {high.shown_period()}) and {low.why_not_revised(high)}."
    return f"Both are over the same window ({low.shown_period()}) and {low.why_not_revised(high)}."


def _apart_words(jd: Judgement, ctx: Context) -> str:
    low = jd.low
    years = f"{jd.years:.1f} year{'' if jd.years == 1 else 's'}"
    earlier, later = jd.times or (jd.low, jd.high)
    when = f"They hold at different times ({earlier.shown_period()}; {later.shown_period()}), {years} apart."
    parts = [when]
    if jd.stale and jd.step is not None and jd.change is not None:
        names = _event_names(jd.events)
        parts.append(f"The corpus dates {names} before both, and no change between them; the step of "
                     f"{_interval_text(jd.step, low)} is that change, so the count of {earlier.shown_period()} "
                     f"({earlier.gid}) leaves out a change that had already happened.")
        return " ".join(parts)
    if jd.events:
        parts.append(f"Between them the corpus dates {_event_names(jd.events)}.")
        if jd.change is not None and jd.step is not None:
            step = _interval_text(jd.step, low)
            total = _interval_text(jd.change, low)
            parts.append(f"The step is {step}; the events' changes add up to {total}"
                         + (", which accounts for it." if jd.verdict == "consistent" else ", which does not account "
                            "for all of it."))
    drift = ctx.vocabulary.drift(low.measure)
    if jd.drift or drift is not None and jd.verdict != "consistent":
        if drift is None:
            parts.append(f"No drift is declared for {low.claim.measure!r}.")
        else:
            parts.append(f"The declared drift of {drift.text} covers at most {amount_words(jd.drift, low)} over that "
                         f"time, which {'could' if 'drift' in jd.explained_by else 'cannot'} cover the gap.")
    return " ".join(parts)


def _event_names(events: Sequence[Row]) -> str:
    """'Veloria joins the council (2024-03-12; March 2024, +1)': each event once, with every dating of it."""
    by_name: dict[str, list[Row]] = {}
    for event in events:
        by_name.setdefault(event.claim.event or event.gid, []).append(event)
    out = []
    for name, reports in by_name.items():
        dates = "; ".join(dict.fromkeys(e.claim.date.label(note=False) if e.claim.date else "undated" for e in reports))
        change = next((e.claim.change.text for e in reports if e.claim.change), None)
        out.append(f"{name} ({dates}{', ' + change if change else ''})")
    return "; ".join(out)


def _interval_text(interval: tuple[float | None, float | None], row: Row) -> str:
    low, high = interval
    if low is not None and high is not None and abs(high - low) < 1e-9:
        return f"{amount_words(low, row)}"
    left = "-∞" if low is None else amount_words(low, row)
    right = "∞" if high is None else amount_words(high, row)
    return f"[{left}, {right}]"


def _spread_words(jd: Judgement, ctx: Context) -> list[str]:
    low = jd.low
    vocabulary = ctx.vocabulary
    out = []
    ambiguity = vocabulary.ambiguity(low.scope)
    if jd.spread:
        spread = vocabulary.scope_spread(low.scope)
        reason = f" ({ambiguity})" if ambiguity else ""
        verb = "could" if "scope spread" in jd.explained_by else "cannot"
        out.append(f"The scope {low.claim.scope!r} has no agreed definition{reason}; its declared spread of "
                   f"{spread.text if spread else ''} covers at most {amount_words(jd.spread, low)}, which {verb} "
                   "cover the gap.")
    elif "scope without spread" in jd.caveats:
        out.append(f"The scope {low.claim.scope!r} is declared ambiguous{f' ({ambiguity})' if ambiguity else ''}, but "
                   "no spread says how far apart its definitions can put this measure, so the ambiguity is a caveat "
                   "and explains no gap (declare spread: under the scope).")
    elif low.source != jd.high.source and low.scope and jd.verdict == "conflict":
        out.append(f"Nothing declares the scope {low.claim.scope!r} ambiguous, so a difference of definition is not "
                   "assumed.")
    if jd.basis:
        spread = vocabulary.basis_spread(low.measure)
        out.append(f"The measure {low.claim.measure!r} has bases that differ by up to {spread.text if spread else ''} "
                   f"({amount_words(jd.basis, low)} here).")
    return out


__all__ = ["MAX_PAIRWISE_SIDES", "Judgement", "compare_key", "judge", "kind_words", "side_words", "sides_of"]
