"""Totals over nested windows bound each other: CC110."""

from __future__ import annotations

from collections.abc import Iterable

from claimcheck.engine.findings import Context, Finding, Key, Row, Texts
from claimcheck.engine.kinds import signed
from claimcheck.engine.rules.common import assumptions_of
from claimcheck.engine.rules.compare import side_words, sides_of
from claimcheck.engine.rules.registry import rule

MAX_WINDOWS = 64  # beyond this many windows in one key, each is bounded by the windows nearest around it


@rule("CC110", "quantity.window-bound", key="quantity")
def nested_window_bound(rows: list[Row], ctx: Context) -> Iterable[Finding]:
    """A total over a window exceeds the total over a longer window that contains it.

    What it checks:
        For a flow (a total: money by default, or a measure the vocabulary declares ``kind:
        flow``) that cannot be negative, the total over a window cannot exceed the total over a
        window containing it: January–March at most January–June, H1 at most the whole year,
        for the same subject, measure and scope. Each window's claims are set into sides; a
        side of the inner window whose lowest reading is above the highest reading of a side
        of the outer window is a conflict. A bound that holds is a consistent check. Totals
        over windows that overlap without one containing the other are not compared.

    Why it matters:
        A year-to-date figure larger than the full-year figure, or a quarter larger than its
        half, is a plain error of copying or of units, and it hides among figures that differ
        only because their windows do.

    Known problems:
        A measure that can be negative (a balance, a net figure, a profit) is not bounded: the
        rule skips measures whose names say so (balance, surplus, deficit, net, profit, loss,
        change, income, earnings), those the vocabulary declares ``signed: true``, and any key
        with a negative value. A flow that the vocabulary does not declare and whose name gives
        no sign of it (a net figure called "trade") may raise a false conflict: declare it
        ``signed: true``. Windows must be given as windows: "in 2022" for a figure that is in
        fact January–November is compared as the whole year.

    Conflicting example:
        # customs.yaml
        source: {id: customs, published: 2023-08-10}
        claims:
          - {id: h1, subject: Vietnam, measure: exports, value: "$190 billion", period: first half of 2023}
        ---
        # ministry.yaml
        source: {id: ministry, published: 2023-08-20}
        claims:
          - {id: q1, subject: Vietnam, measure: exports, value: "$210 billion", period: Q1 2023}

    Consistent example:
        # customs.yaml
        source: {id: customs, published: 2023-08-10}
        claims:
          - {id: h1, subject: Vietnam, measure: exports, value: "$164 billion", period: first half of 2023}
        ---
        # ministry.yaml
        source: {id: ministry, published: 2023-08-20}
        claims:
          - {id: q1, subject: Vietnam, measure: exports, value: "$79 billion", period: Q1 2023}
    """
    flows = [row for row in rows if row.time == "flow" and row.kind is not None]
    if len(flows) < 2 or signed(ctx.vocabulary, flows[0].measure) or any(
            row.lo is not None and row.lo < 0 for row in flows):
        return
    windows: dict[tuple[int, int], list[Row]] = {}
    for row in flows:
        windows.setdefault((row.start, row.end), []).append(row)
    if len(windows) < 2:
        return
    ordered = sorted(windows)
    reach = len(ordered) if len(ordered) <= MAX_WINDOWS else 4
    nested = [(inner, outer) for i, outer in enumerate(ordered) for inner in ordered[max(0, i - reach):i + reach + 1]
              if inner != outer and outer[0] <= inner[0] and inner[1] <= outer[1]]
    for inner, outer in nested:
        # Every nesting is bounded; a bound that holds is shown only for a window and the next one around it.
        immediate = not any(middle not in (inner, outer) and middle[0] <= inner[0] and inner[1] <= middle[1]
                            and outer[0] <= middle[0] and middle[1] <= outer[1] for middle in ordered)
        found = _bound(sides_of(windows[inner]), sides_of(windows[outer]))
        if found.verdict == "conflict" or immediate:
            yield found


def _bound(inner_sides: list[list[Row]], outer_sides: list[list[Row]]) -> Finding:
    violated = []
    for inner in inner_sides:
        floor = min((row.lo for row in inner), key=lambda x: -1.0 if x is None else x)
        for outer in outer_sides:
            ceiling = None if any(row.hi is None for row in outer) else max(row.hi for row in outer if row.hi is not None)
            if floor is not None and ceiling is not None and floor > ceiling:
                violated.append((inner, outer, floor - ceiling))
    if violated:
        inner, outer, gap = min(violated, key=lambda t: t[2])
        rows = inner + outer
        return Finding("conflict", rows, _words, (inner, outer, True), gap=gap, sides=[inner, outer],
                       signature=("bound", _window(inner[0]), _window(outer[0]), *(_readings(s) for s in (inner, outer))))
    sides = inner_sides + outer_sides
    rows = [row for side in sides for row in side]
    return Finding("consistent", rows, _words, (inner_sides[0], outer_sides[0], False), sides=sides,
                   signature=("bound", _window(inner_sides[0][0]), _window(outer_sides[0][0]),
                              *(_readings(s) for s in sides)))


def _window(row: Row) -> tuple[int, int]:
    return row.start, row.end


def _readings(side: list[Row]) -> Key:
    return tuple(sorted({(r.lo, r.hi, r.lo_inc, r.hi_inc) for r in side}, key=repr))


def _words(rows: list[Row], inner: list[Row], outer: list[Row], violated: bool) -> Texts:
    a, b = inner[0], outer[0]
    head = f"{side_words(inner)}; {side_words(outer)}"
    window = f"{a.shown_period()} lies within {b.shown_period()}"
    if violated:
        return (f"{head}; the total over {a.shown_period()} exceeds the total over {b.shown_period()}, which contains it.",
                f"{window}, and {b.claim.measure!r} is a total that cannot be negative, so the first cannot exceed "
                f"the second: {a.shown_interval()} lies wholly above {b.shown_interval()}.", tuple(assumptions_of(rows)))
    return (f"{head}; the total over {a.shown_period()} is within the total over {b.shown_period()}.",
            f"{window}, so the first can be at most the second; the readings allow it.", tuple(assumptions_of(rows)))


__all__ = ["nested_window_bound"]
